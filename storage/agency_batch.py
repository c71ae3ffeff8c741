"""find_or_create_agency for a batch of names (issue 14): the stored ones by one probe of their exact
names; the new ones that cannot be another spelling of any agency (stored or in the batch) created
with one INSERT each for agencies and aliases; the few left one by one through find_or_create_agency,
which merges spellings. The same answer as calling find_or_create_agency for each name in turn."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime

from sqlalchemy import insert, or_, select
from sqlalchemy.orm import Session

from parsing.names import clean_name
from storage.agencies import (
    SOURCE_GENERATED,
    _ends_with,
    find_or_create_agency,
    generate_aliases,
    parse_agency_name,
)
from storage.models import Agency, AgencyAlias


def _shorter(name: str) -> list[str]:
    """The spellings of `name` with fewer leading places (storage.agencies._spelling_candidates)."""
    parsed = parse_agency_name(name)
    return ["".join(parsed.places[i:]) + parsed.body for i in range(1, len(parsed.places))]


def find_or_create_agencies(session: Session, names: Sequence[str], now: datetime) -> dict[str, Agency]:
    """name as given -> its agency, found or created."""
    cleaned = {name: clean_name(name) for name in dict.fromkeys(names)}
    if any(not c for c in cleaned.values()):
        raise ValueError("empty agency name")
    found = {a.name: a for a in session.scalars(select(Agency).where(Agency.name.in_(set(cleaned.values()))))}
    new = [c for c in dict.fromkeys(cleaned.values()) if c not in found]
    shorter = {c: _shorter(c) for c in new if parse_agency_name(c).places}
    # A name without places is nobody's other spelling; one with places may be, if a stored agency or
    # another new name is its shorter or longer spelling: those go one by one.
    in_batch = {s for spellings in shorter.values() for s in spellings}
    related = {c for c, spellings in shorter.items() if c in in_batch or any(s in shorter for s in spellings)}
    probe = [c for c in shorter if c not in related]
    if probe:
        every_shorter = [s for c in probe for s in shorter[c]]
        stored = session.scalars(
            select(Agency.name).where(
                or_(Agency.name.in_(every_shorter), *(_ends_with(session, c) for c in probe))
            )
        ).all()
        for other in stored:
            related |= {c for c in probe if other in shorter[c] or (other != c and other.endswith(c))}
    alone = [c for c in new if c not in related]
    if alone:
        rows = []
        for c in alone:
            parsed = parse_agency_name(c)
            rows.append(
                {
                    "name": c,
                    "region": parsed.region,
                    "level": parsed.level,
                    "kind": parsed.kind,
                    "created_at": now,
                }
            )
        created = session.scalars(insert(Agency).returning(Agency), rows).all()
        aliases = [
            {"agency_id": a.id, "alias": alias, "source": SOURCE_GENERATED}
            for a in created
            for alias in generate_aliases(a.name)
        ]
        if aliases:
            session.execute(insert(AgencyAlias), aliases)
        found.update((a.name, a) for a in created)
    out: dict[str, Agency] = {}
    for name, clean in cleaned.items():
        agency = found.get(clean)
        if agency is None:
            agency, _created = find_or_create_agency(session, name, now=now)
            found[clean] = agency
        out[name] = agency
    return out
