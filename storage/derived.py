"""Figures a question combines from several keys, kept in current_values like any other (issue 14).

"收到申请" is the table's t3.new.total, or the prose's applications.received where the table has no
number; "不予公开" is the sum of eight table-3 rows. Ranked or summed over a year, such a figure was
a group-by over every agency's rows of each key (485 ms at 400 000 reports); stored once per report
as its own key it is one (year, key) range of the index, like a single cell.

Each combination is the one bot.core.metrics asks (tests/questions checks the two lists agree);
the value follows storage.year_queries' rule for several keys exactly: the explicit sum of `sum_of`
(blank when a part is blank), else the first of `keys` with a number; stored only when the report
holds any of them (None = held but blank).
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import Any

from sqlalchemy import and_, case, func, insert, literal, or_, select, union_all

from parsing.schema import T3_COLUMNS, T4_COLUMNS, t3_rows
from storage.current_tables import CurrentValue

PREFIX = "="  # no table or fact key starts with it


@dataclass(frozen=True)
class Combined:
    key: str  # the current_values key it is stored under
    keys: tuple[str, ...] = ()
    sum_of: tuple[str, ...] = ()


def _sums() -> list[Combined]:
    out: list[Combined] = []
    rows = list(t3_rows("2021"))
    for group in ("denied", "unable", "rejected"):
        members = [r for r in rows if r.startswith(f"{group}_")]
        for col in T3_COLUMNS:
            out.append(Combined(f"{PREFIX}t3.{group}.{col}", sum_of=tuple(f"t3.{r}.{col}" for r in members)))
    suit = ("suit_direct", "suit_after_review")
    for col in T4_COLUMNS:
        keys = ("suit.count",) if col == "total" else ()
        out.append(Combined(f"{PREFIX}t4.suit.{col}", keys, tuple(f"t4.{g}.{col}" for g in suit)))
    out.append(
        Combined(f"{PREFIX}t4.corrected", sum_of=tuple(f"t4.{g}.corrected" for g in ("review", *suit)))
    )
    return out


COMBINED: tuple[Combined, ...] = (
    Combined(f"{PREFIX}t3.new.total", ("t3.new.total", "applications.received")),
    Combined(f"{PREFIX}t4.review.total", ("t4.review.total", "review.count")),
    Combined(f"{PREFIX}t2.rules.made", ("t2.rules.made", "t2.rules.new_made")),
    Combined(
        f"{PREFIX}t2.normative.made", ("t2.normative.made", "t2.normative.new_made", "normative.issued")
    ),
    *_sums(),
)
_BY_PARTS = {(c.keys, c.sum_of): c.key for c in COMBINED}


def combined_key(keys: Sequence[str], sum_of: Sequence[str]) -> str | None:
    """The current_values key holding this combination, if it is one that is kept."""
    return _BY_PARTS.get((tuple(keys), tuple(sum_of)))


_ABSENT = object()


def combined_rows(values: Mapping[str, float | None]) -> list[tuple[str, float | None]]:
    """(key, value) of every combination a report holds, from its (key, value) rows."""
    out: list[tuple[str, float | None]] = []
    for c in COMBINED:
        raw: list[Any] = []
        if c.sum_of:
            if all(k in values for k in c.sum_of):
                parts = [values[k] for k in c.sum_of]
                raw.append(None if any(p is None for p in parts) else sum(p for p in parts if p is not None))
            else:
                raw.append(_ABSENT)
        raw += [values.get(k, _ABSENT) for k in c.keys]
        held = [r for r in raw if r is not _ABSENT]
        if held:
            out.append((c.key, next((r for r in held if r is not None), None)))
    return out


def _parts(c: Combined, rows: Any) -> tuple[Any, Any]:
    """(held, value) of `c` as aggregates over one (agency, year)'s rows."""
    raw: list[Any] = []
    held: list[Any] = []
    if c.sum_of:
        part = rows.c.key.in_(list(c.sum_of))
        every = func.count().filter(part) == len(c.sum_of)
        numbers = func.count(rows.c.value).filter(part) == len(c.sum_of)
        raw.append(case((and_(every, numbers), func.sum(rows.c.value).filter(part)), else_=None))
        held.append(every)
    for key in c.keys:
        raw.append(func.max(rows.c.value).filter(rows.c.key == key))
        held.append(func.count().filter(rows.c.key == key) > 0)
    return or_(*held), raw[0] if len(raw) == 1 else func.coalesce(*raw)


# Every key a combination reads.
PARTS: tuple[str, ...] = tuple(dict.fromkeys(k for c in COMBINED for k in (*c.sum_of, *c.keys)))


def combined_select(rows: Any) -> Any:
    """(agency_id, year, key, value) of every combination held, computed in the database in one pass
    from `rows`: a table or subquery of every figure, (agency_id, year, key, value; None = blank)."""
    columns: list[Any] = []
    for i, c in enumerate(COMBINED):
        held, value = _parts(c, rows)
        columns += [held.label(f"h{i}"), value.label(f"v{i}")]
    grouped = (
        select(rows.c.agency_id, rows.c.year, *columns)
        .where(rows.c.key.in_(list(PARTS)))
        .group_by(rows.c.agency_id, rows.c.year)
        .cte("grouped")
    )
    return union_all(
        *(
            select(
                grouped.c.agency_id,
                grouped.c.year,
                literal(c.key).label("key"),
                grouped.c[f"v{i}"].label("value"),
            ).where(grouped.c[f"h{i}"])
            for i, c in enumerate(COMBINED)
        )
    )


def combined_insert(where: Any) -> Any:
    """INSERT of every combination of the (agency, year)s matching `where` into current_values from
    its own rows: the layout of migrations 0010-0016, a row per figure (migration 0012 only)."""
    source = select(CurrentValue).where(where).subquery()
    return insert(CurrentValue).from_select(["agency_id", "year", "key", "value"], combined_select(source))
