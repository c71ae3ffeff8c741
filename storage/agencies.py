"""Agencies: names, the short forms people use for them, and find-or-create.

An agency's full name (威海市文登区科学技术局) is split into its place prefix (威海市 / 文登区)
and its body (科学技术局). Aliases combine the most specific place, with or without its
level suffix, with the body, spelled out or abbreviated (文登区科学技术局, 文登科技局, ...).
A body on its own (科技局) is never an alias: every county has one.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass
from datetime import UTC, datetime

from sqlalchemy import ColumnElement, and_, func, or_, select
from sqlalchemy.orm import Session

from parsing.names import abbreviate, clean_name
from storage.models import Agency, AgencyAlias

LEVEL_PROVINCE, LEVEL_CITY, LEVEL_COUNTY, LEVEL_TOWNSHIP = "province", "city", "county", "township"
KIND_DEPARTMENT, KIND_GOVERNMENT, KIND_TOWNSHIP, KIND_ZONE = "部门", "政府", "乡镇街道", "开发区"
SOURCE_GENERATED, SOURCE_USER = "generated", "user"

_ZONE_SUFFIXES = (
    "经济技术开发区",
    "高新技术产业开发区",
    "经济开发区",
    "高新区",
    "开发区",
    "工业园区",
    "综合保税区",
    "经开区",
)
_TOWNSHIP_SUFFIXES = ("街道", "乡", "镇")
_ADMIN_SUFFIXES = (
    "特别行政区",
    "自治区",
    "自治州",
    "自治县",
    "自治旗",
    "地区",
    "省",
    "市",
    "州",
    "盟",
    "县",
    "区",
    "旗",
)
_MUNICIPALITIES = ("北京市", "天津市", "上海市", "重庆市")
# Words ending like a place that are part of a body: 住房和城乡建设局, 城市管理局, 社区 ...
_NOT_PLACES = ("城乡", "城市", "都市", "城区", "市区", "社区", "园区", "景区", "辖区", "小区", "城镇", "乡镇")
_BODY_CHARS = re.compile(r"[局委办厅部院所站队会与及的]|中心|政府")
_MAX_PLACE_NAME = 8


@dataclass(frozen=True)
class AgencyName:
    """A full name split into its places and its body, with the level and kind guessed."""

    name: str
    places: tuple[str, ...]
    body: str
    level: str
    kind: str

    @property
    def region(self) -> str:
        return "/".join(self.places)


def _place_at(text: str) -> tuple[str, str] | None:
    """The shortest place token at the start of `text` and its kind ("zone"/"township"/"admin")."""
    best: tuple[str, str] | None = None
    # On a tie the earlier group wins: 威海经济技术开发区 is a zone even though it ends in 区.
    for suffixes, tag in (
        (_ZONE_SUFFIXES, "zone"),
        (_TOWNSHIP_SUFFIXES, "township"),
        (_ADMIN_SUFFIXES, "admin"),
    ):
        for suffix in suffixes:
            end = text.find(suffix, 1)
            limit = _MAX_PLACE_NAME + (4 if tag == "zone" else 0)
            if end == -1 or end > limit:
                continue
            token = text[: end + len(suffix)]
            if _BODY_CHARS.search(token[: -len(suffix)]) or token.endswith(_NOT_PLACES):
                continue
            if best is None or len(token) < len(best[0]):
                best = (token, tag)
    return best


def parse_agency_name(name: str) -> AgencyName:
    name = clean_name(name)
    places: list[str] = []
    tags: list[str] = []
    rest = name
    while rest and len(places) < 5:
        found = _place_at(rest)
        if found is None:
            break
        token, tag = found
        places.append(token)
        tags.append(tag)
        rest = rest[len(token) :]
        if tag == "zone":
            break  # what follows a zone is its committee or a department of it
    body = rest
    level, kind = _classify(places, tags, body)
    return AgencyName(name=name, places=tuple(places), body=body, level=level, kind=kind)


def _admin_level(token: str, parent: str | None = None) -> str:
    if token.endswith(("省", "自治区", "特别行政区")) or token in _MUNICIPALITIES:
        return LEVEL_PROVINCE
    if token.endswith(("县", "旗", "区", "自治县")):
        return LEVEL_COUNTY
    # A 市 under a 市 is a county-level city (威海市荣成市); under a province, a prefecture.
    if token.endswith("市") and parent is not None and _admin_level(parent) != LEVEL_PROVINCE:
        return LEVEL_COUNTY
    return LEVEL_CITY


def _classify(places: list[str], tags: list[str], body: str) -> tuple[str, str]:
    if "township" in tags:
        return LEVEL_TOWNSHIP, KIND_TOWNSHIP
    if "zone" in tags or body.startswith(("管理委员会", "管委会")):
        return LEVEL_COUNTY, KIND_ZONE
    if not places:
        return "", KIND_GOVERNMENT if body in ("人民政府", "政府") else KIND_DEPARTMENT
    level = _admin_level(places[-1], places[-2] if len(places) > 1 else None)
    kind = KIND_GOVERNMENT if body in ("人民政府", "政府", "") else KIND_DEPARTMENT
    return level, kind


def strip_level(token: str) -> str | None:
    """文登区 -> 文登, 浦东新区 -> 浦东; None when too short to stand alone (和县)."""
    if token.endswith(
        (*_ZONE_SUFFIXES, *_TOWNSHIP_SUFFIXES, "自治区", "自治州", "自治县", "自治旗", "特别行政区")
    ):
        return None  # 环山街道 -> 环山 is a bare place name; 新疆维吾尔自治区 is not 新疆维吾尔
    for suffix in ("新区", *_ADMIN_SUFFIXES):
        if token.endswith(suffix):
            stem = token[: -len(suffix)]
            return stem if len(stem) >= 2 else None
    return None


def generate_aliases(name: str) -> list[str]:
    """Short forms of a full name, most specific first, without the full name itself."""
    parsed = parse_agency_name(name)
    if not parsed.places:
        # No place: only the abbreviation (a bare 科技局 is all such a name can offer).
        short = abbreviate(parsed.name)
        return [short] if short != parsed.name else []
    chain = list(parsed.places)
    if len(chain) > 1 and _admin_level(chain[0]) == LEVEL_PROVINCE and chain[0] not in _MUNICIPALITIES:
        chain = chain[1:]  # 山东省威海市… is rarely said with the province
    last = parsed.places[-1]
    prefixes = ["".join(chain), last]
    if parsed.kind == KIND_ZONE:
        prefixes.append(abbreviate(last))
    candidates: list[str] = []
    for prefix in prefixes:
        candidates += [prefix + parsed.body, abbreviate(prefix + parsed.body)]
    # 文登科技局: people drop the level suffix for departments, not for governments (文登政府).
    stem = strip_level(last)
    if stem and parsed.kind == KIND_DEPARTMENT:
        candidates += [stem + parsed.body, abbreviate(stem + parsed.body)]
    if parsed.kind in (KIND_TOWNSHIP, KIND_ZONE):
        # 环山街道, 威海经开区: the place names its office or committee in speech.
        candidates += ["".join(chain), last, abbreviate(last)]
    aliases: list[str] = []
    for alias in candidates:
        if alias and alias != parsed.name and alias not in aliases:
            aliases.append(alias)
    return aliases


# --- database ------------------------------------------------------------------------


def _now() -> datetime:
    return datetime.now(UTC)


def find_agency(session: Session, name: str) -> Agency | None:
    return session.scalar(select(Agency).where(Agency.name == clean_name(name)))


def find_or_create_agency(
    session: Session,
    name: str,
    *,
    region: str | None = None,
    level: str | None = None,
    kind: str | None = None,
    now: datetime | None = None,
) -> tuple[Agency, bool]:
    """The agency with this full name, created with generated aliases if new. Returns (agency, created).

    Region, level and kind are guessed from the name unless given. Flushes, never commits.
    """
    name = clean_name(name)
    if not name:
        raise ValueError("empty agency name")
    existing = find_agency(session, name) or same_agency(session, name)
    if existing is not None:
        return existing, False
    parsed = parse_agency_name(name)
    agency = Agency(
        name=name,
        region=parsed.region if region is None else region,
        level=parsed.level if level is None else level,
        kind=parsed.kind if kind is None else kind,
        created_at=now or _now(),
    )
    agency.aliases = [AgencyAlias(alias=a, source=SOURCE_GENERATED) for a in generate_aliases(name)]
    session.add(agency)
    session.flush()
    return agency, True


SOURCE_SPELLING = "spelling"


def _spelling_candidates(session: Session, name: str) -> list[Agency]:
    """Stored agencies that are `name` with fewer or more of its leading places: same body, and
    the places of the shorter spelling are the last places of the longer one."""
    parsed = parse_agency_name(name)
    if not parsed.places:
        return []  # 科学技术局 alone names no place: never the same as any one of them
    shorter = ["".join(parsed.places[i:]) + parsed.body for i in range(1, len(parsed.places))]
    found = list(session.scalars(select(Agency).where(Agency.name.in_(shorter)))) if shorter else []
    longer = session.scalars(select(Agency).where(_ends_with(session, name)))
    for agency in longer:
        other = parse_agency_name(agency.name)
        extra = other.places[: len(other.places) - len(parsed.places)]
        if extra and other.body == parsed.body and other.places[len(extra) :] == parsed.places:
            found.append(agency)
    return [a for a in found if a.name != name and _same_region(a.region, parsed.places)]


def _ends_with(session: Session, name: str) -> ColumnElement[bool]:
    """Agency.name ends with `name`. PostgreSQL: a range of ix_agencies_name_reversed (migration 0010),
    not a LIKE '%name' scan of every agency in every store (issue 14); SQLite: the LIKE."""
    if session.get_bind().dialect.name != "postgresql":
        return Agency.name.like("%" + _escape_like(name), escape="\\")
    reversed_name = func.reverse(Agency.name).collate("C")
    low = name[::-1]
    return and_(reversed_name >= low, reversed_name < low + "\U0010ffff", Agency.name.endswith(name, autoescape=True))


def _same_region(region: str, places: tuple[str, ...]) -> bool:
    """A stored region (山东省/威海市/文登区) agrees with a name's places, aligned from the most specific."""
    parts = [p for p in region.split("/") if p]
    return all(a == b for a, b in zip(reversed(parts), reversed(places), strict=False))


def same_agency(session: Session, name: str) -> Agency | None:
    """The stored agency `name` is another spelling of (洪泽区人民政府 / 淮安市洪泽区人民政府), when there
    is exactly one. The longer spelling becomes the name, the other stays as an alias. Two or more
    candidates (洪泽区 of two cities) are not merged: the caller asks which one is meant."""
    found = _spelling_candidates(session, name)
    if len(found) != 1:
        return None
    agency = found[0]
    have = {a.alias for a in agency.aliases}
    if len(name) > len(agency.name):
        old_name = agency.name
        agency.name = name
        region = parse_agency_name(name).region
        if not agency.region or region.endswith(agency.region):
            agency.region = region
        spellings = [old_name, *generate_aliases(name)]
    else:
        spellings = [name]
    for alias in spellings:
        if alias != agency.name and alias not in have:
            agency.aliases.append(AgencyAlias(alias=alias, source=SOURCE_SPELLING))
            have.add(alias)
    session.flush()
    return agency


def spelling_choices(session: Session, name: str) -> list[str]:
    """Stored agencies a new name may be another spelling of, when that is not sure (two or more)."""
    found = _spelling_candidates(session, name)
    return [a.name for a in found] if len(found) > 1 else []


def add_user_alias(session: Session, agency: Agency, alias: str) -> AgencyAlias:
    """Record a short form a user confirmed in chat (idempotent; upgrades a generated alias)."""
    alias = clean_name(alias)
    if not alias:
        raise ValueError("empty alias")
    row = session.scalar(
        select(AgencyAlias).where(AgencyAlias.agency_id == agency.id, AgencyAlias.alias == alias)
    )
    if row is None:
        row = AgencyAlias(agency_id=agency.id, alias=alias, source=SOURCE_USER)
        session.add(row)
    else:
        row.source = SOURCE_USER
    session.flush()
    return row


def agencies_by_alias(session: Session, text: str) -> list[Agency]:
    """Agencies whose full name or an alias is exactly `text`."""
    text = clean_name(text)
    by_alias = select(AgencyAlias.agency_id).where(AgencyAlias.alias == text)
    return list(
        session.scalars(
            select(Agency).where(or_(Agency.name == text, Agency.id.in_(by_alias))).order_by(Agency.name)
        )
    )


def _escape_like(text: str) -> str:
    return text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")


def candidate_agencies(session: Session, partial: str, *, limit: int = 8) -> list[Agency]:
    """Known agencies a partial name (a report's "科学技术和工业信息化局") may mean, best first.

    Exact name/alias matches first, then names or aliases that end with the partial name or its
    abbreviation (the body of a full name), then ones that contain it.
    """
    partial = clean_name(partial)
    if not partial:
        return []
    exact = agencies_by_alias(session, partial)
    found: dict[int, Agency] = {a.id: a for a in exact}
    forms = list(dict.fromkeys([partial, abbreviate(partial)]))
    patterns: tuple[Callable[[str], str], ...] = (
        lambda f: "%" + _escape_like(f),
        lambda f: "%" + _escape_like(f) + "%",
    )
    for pattern in patterns:
        if len(found) >= limit:
            break
        conditions = []
        for form in forms:
            if len(form) < 2:
                continue
            like = pattern(form)
            conditions.append(Agency.name.like(like, escape="\\"))
            conditions.append(
                Agency.id.in_(select(AgencyAlias.agency_id).where(AgencyAlias.alias.like(like, escape="\\")))
            )
        if not conditions:
            break
        query = select(Agency).where(or_(*conditions)).order_by(Agency.name).limit(limit * 2)
        for agency in session.scalars(query):
            found.setdefault(agency.id, agency)
    return list(found.values())[:limit]
