"""Read-only queries behind the question answering. Plain functions taking a Session.

Every function filters on indexed columns (reports: uq_reports_current / ix_reports_year_current;
cells: primary key (report_id, key) and ix_report_cells_key_value; facts and checks: report_id),
so each stays in the low milliseconds with 10 000 stored reports.
"""

from __future__ import annotations

import functools
import re
import threading
import unicodedata
from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import UTC, date, datetime
from typing import Any

from opencc import OpenCC
from rapidfuzz import process
from rapidfuzz.distance import LCSseq
from sqlalchemy import and_, case, false, func, or_, select
from sqlalchemy.orm import Session

from storage.agencies import parse_agency_name, strip_level
from storage.models import Agency, AgencyAlias, CellRow, ChatRegistration, CheckRow, FactRow, ReportRow
from storage.registry import ReceivedReport, Reporter

# --- text normalisation ------------------------------------------------------------

_T2S = OpenCC("t2s")
_SPACES = re.compile(r"\s+")
_PUNCT = re.compile(r"[\s,.;:!?、，。；：！？“”\"'‘’（）()《》<>【】\[\]·\-—_/]+")


@functools.lru_cache(maxsize=8192)
def simplify(text: str) -> str:
    """Traditional -> simplified, full-width -> half-width (NFKC). Keeps spaces and punctuation."""
    simplified: str = _T2S.convert(unicodedata.normalize("NFKC", text))
    return simplified


def normalise_name(text: str) -> str:
    """The form names and aliases are compared in: simplified, half-width, no spaces/punctuation."""
    return _PUNCT.sub("", simplify(text)).lower()


# Long official words -> the short forms people type; applied to both sides before fuzzy
# matching so that 威海文登科学技术局 and 文登科技局 land near 威海市文登区科学技术局.
_ABBREVIATIONS: tuple[tuple[str, str], ...] = (
    ("人力资源和社会保障", "人社"),
    ("人力资源社会保障", "人社"),
    ("住房和城乡建设", "住建"),
    ("住房城乡建设", "住建"),
    ("市场监督管理", "市场监管"),
    ("发展和改革", "发改"),
    ("发展改革", "发改"),
    ("工业和信息化", "工信"),
    ("工业信息化", "工信"),
    ("科学技术", "科技"),
    ("文化和旅游", "文旅"),
    ("文化旅游", "文旅"),
    ("卫生健康", "卫健"),
    ("农业农村", "农业"),
    ("自然资源和规划", "自然资源"),
    ("交通运输", "交通"),
    ("教育和体育", "教体"),
    ("退役军人事务", "退役军人"),
    ("应急管理", "应急"),
    ("医疗保障", "医保"),
    ("行政审批服务", "审批"),
    ("综合行政执法", "综合执法"),
    ("人民政府", "政府"),
    ("委员会", "委"),
    ("办公室", "办"),
)


# Characters every agency name shares; dropped before fuzzy scoring so that the place and
# the line of work decide (火星市科技局 must not look like 文登区科技局 because of 市/局).
_GENERIC = re.compile(r"[省市区县局委办厅]")


def canonical_name(text: str) -> str:
    out = normalise_name(text)
    for long, short in _ABBREVIATIONS:
        out = out.replace(long, short)
    return _GENERIC.sub("", out) or out


# --- agency lookup -------------------------------------------------------------------


class MatchKind:
    EXACT = "exact"
    ALIAS = "alias"
    FUZZY = "fuzzy"
    NONE = "none"


@dataclass(frozen=True)
class AgencyCandidate:
    agency_id: int
    name: str
    score: float  # 0..100


@dataclass(frozen=True)
class AgencyMatch:
    """`unique` is set when one agency is meant; otherwise `candidates` are the close ones."""

    kind: str
    unique: AgencyCandidate | None
    candidates: tuple[AgencyCandidate, ...] = ()


# Thresholds on the 0..100 score below, tuned on the test table (tests/answers/).
UNIQUE_SCORE = 85.0  # a subsequence of the name scores >= 88
UNIQUE_GAP = 6.0
TYPO_SCORE = 70.0  # one wrong character in a 5-character alias, nobody else close
TYPO_GAP = 15.0
AMBIGUOUS_SCORE = 65.0
CLOSE_SCORE = 30.0


@dataclass
class _AgencyIndex:
    names: dict[int, str]
    exact: dict[str, set[int]]  # normalised name/alias -> agencies
    strings: list[str] = field(default_factory=list)  # canonical names and aliases
    owners: list[int] = field(default_factory=list)  # agency id of strings[i]
    places: dict[str, set[int]] = field(
        default_factory=dict
    )  # 文登区 / 文登 / 威海市文登区 -> agencies there
    lexicon: tuple[dict[str, frozenset[int]], dict[str, frozenset[int]]] | None = None


_INDEX_CACHE: dict[tuple[object, ...], _AgencyIndex] = {}
_INDEX_LOCK = threading.Lock()


def _index_signature(session: Session) -> tuple[object, ...]:
    # Cheap aggregate queries: the index is rebuilt only when agencies or aliases change.
    # One Core statement (every question pays for it; the ORM path cost twice as much).
    alias_count = select(func.count(AgencyAlias.id)).scalar_subquery()
    alias_max = select(func.max(AgencyAlias.id)).scalar_subquery()
    row = session.connection().execute(select(func.count(Agency.id), func.max(Agency.id), alias_count, alias_max)).one()
    bind = session.get_bind()
    return (str(bind.engine.url), id(bind.engine), *row)


def _agency_index(session: Session) -> _AgencyIndex:
    key = _index_signature(session)
    with _INDEX_LOCK:
        cached = _INDEX_CACHE.get(key)
    if cached is not None:
        return cached
    names: dict[int, str] = {i: n for i, n in session.execute(select(Agency.id, Agency.name))}
    pairs: list[tuple[int, str]] = list(names.items())
    pairs += [(i, a) for i, a in session.execute(select(AgencyAlias.agency_id, AgencyAlias.alias))]
    index = _AgencyIndex(names=names, exact={})
    seen: set[tuple[int, str]] = set()
    for agency_id, text in pairs:
        index.exact.setdefault(normalise_name(text), set()).add(agency_id)
        canon = canonical_name(text)
        if canon and (agency_id, canon) not in seen:
            seen.add((agency_id, canon))
            index.strings.append(canon)
            index.owners.append(agency_id)
    for agency_id, name in names.items():
        for place in place_names(name):
            index.places.setdefault(place, set()).add(agency_id)
    with _INDEX_LOCK:
        if len(_INDEX_CACHE) > 8:
            _INDEX_CACHE.clear()
        _INDEX_CACHE[key] = index
    return index


def place_names(name: str) -> list[str]:
    """The ways a person names the place of an agency: 文登区, 文登, 威海市文登区, 威海文登, 威海市, 威海."""
    parsed = parse_agency_name(name)
    out: list[str] = []
    chain = list(parsed.places)
    for i, token in enumerate(chain):
        stem = strip_level(token)
        forms = [token, *([stem] if stem else [])]
        out += forms
        if i > 0:
            parent = chain[i - 1]
            parent_stem = strip_level(parent) or parent
            out += [parent + f for f in forms] + [parent_stem + f for f in forms]
    return [normalise_name(p) for p in dict.fromkeys(out) if len(p) >= 2]


def agency_lexicon(session: Session) -> tuple[dict[str, frozenset[int]], dict[str, frozenset[int]]]:
    """(stored names and aliases, place names) -> agency ids, normalised; cached with the index."""
    index = _agency_index(session)
    if index.lexicon is None:
        names = {k: frozenset(v) for k, v in index.exact.items()}
        places = {k: frozenset(v) for k, v in index.places.items() if k not in index.exact}
        index.lexicon = (names, places)
    return index.lexicon


def agency_names(session: Session, ids: Sequence[int]) -> dict[int, str]:
    index = _agency_index(session)
    return {i: index.names[i] for i in ids if i in index.names}


def _score(query: str, lcs: float, candidate: str) -> float:
    # Share of the typed characters found in order in the name (abbreviations are
    # subsequences of the full name), with a little weight on covering the name itself
    # so the shorter, closer name wins a tie.
    return 100.0 * (0.8 * lcs / len(query) + 0.2 * lcs / max(len(candidate), 1))


def find_agencies(session: Session, typed: str, *, limit: int = 5) -> AgencyMatch:
    """Agencies for a name as a person typed it: exact name, stored alias, then fuzzy."""
    index = _agency_index(session)
    norm = normalise_name(typed)
    if not norm or not index.names:
        return AgencyMatch(MatchKind.NONE, None)
    hits = index.exact.get(norm)
    if hits:
        cands = tuple(sorted((AgencyCandidate(i, index.names[i], 100.0) for i in hits), key=lambda c: c.name))
        if len(cands) == 1:
            kind = MatchKind.EXACT if normalise_name(cands[0].name) == norm else MatchKind.ALIAS
            return AgencyMatch(kind, cands[0], cands)
        return AgencyMatch(MatchKind.ALIAS, None, cands[:limit])

    query = canonical_name(typed)
    best: dict[int, float] = {}
    cutoff = max(1, len(query) // 3)
    for choice, lcs, pos in process.extract(
        query, index.strings, scorer=LCSseq.similarity, score_cutoff=cutoff, limit=None
    ):
        owner = index.owners[pos]
        score = _score(query, lcs, choice)
        if score > best.get(owner, 0.0):
            best[owner] = score
    ranked = sorted(best.items(), key=lambda item: (-item[1], index.names[item[0]]))
    cands = tuple(AgencyCandidate(i, index.names[i], round(s, 1)) for i, s in ranked[:limit])
    if not cands:
        return AgencyMatch(MatchKind.NONE, None)
    top = cands[0].score
    second = cands[1].score if len(cands) > 1 else 0.0
    if (top >= UNIQUE_SCORE and top - second >= UNIQUE_GAP) or (
        top >= TYPO_SCORE and top - second >= TYPO_GAP
    ):
        return AgencyMatch(MatchKind.FUZZY, cands[0], cands)
    if top >= AMBIGUOUS_SCORE:
        close = tuple(c for c in cands if c.score >= max(AMBIGUOUS_SCORE, top - 15))
        return AgencyMatch(MatchKind.FUZZY, None, close)
    return AgencyMatch(MatchKind.NONE, None, tuple(c for c in cands if c.score >= CLOSE_SCORE))


# --- reports -------------------------------------------------------------------------


@dataclass(frozen=True)
class ReportInfo:
    id: int
    agency_id: int
    agency_name: str
    year: int
    template: str | None
    published_on: date | None
    checks_ok: bool
    # Read by OCR: {"pages", "confidence": {key: 0-1}, "low_confidence": [keys], ...}; else None.
    ocr: dict[str, Any] | None = None


def _report_select() -> Any:
    return select(
        ReportRow.id,
        ReportRow.agency_id,
        Agency.name,
        ReportRow.year,
        ReportRow.template,
        ReportRow.published_on,
        ReportRow.checks_ok,
        ReportRow.ocr,
    ).join(Agency, Agency.id == ReportRow.agency_id)


def _report_info(row: Any) -> ReportInfo:
    return ReportInfo(
        id=row[0],
        agency_id=row[1],
        agency_name=row[2],
        year=row[3],
        template=row[4],
        published_on=row[5],
        checks_ok=bool(row[6]),
        ocr=row[7],
    )


def current_report(session: Session, agency_id: int, year: int) -> ReportInfo | None:
    row = session.execute(
        _report_select().where(
            ReportRow.agency_id == agency_id, ReportRow.year == year, ReportRow.is_current.is_(True)
        )
    ).first()
    return _report_info(row) if row else None


def current_reports(
    session: Session, agency_ids: Sequence[int], years: Sequence[int]
) -> dict[tuple[int, int], ReportInfo]:
    """(agency id, year) -> the current report, for several agencies and years in one query."""
    if not agency_ids or not years:
        return {}
    rows = session.execute(
        _report_select().where(
            ReportRow.agency_id.in_(list(agency_ids)),
            ReportRow.year.in_(list(years)),
            ReportRow.is_current.is_(True),
        )
    )
    return {(r[1], r[3]): _report_info(r) for r in rows}


def years_held(session: Session, agency_id: int) -> list[int]:
    rows = session.execute(
        select(ReportRow.year)
        .where(ReportRow.agency_id == agency_id, ReportRow.is_current.is_(True))
        .order_by(ReportRow.year)
    ).scalars()
    return list(rows.all())


def latest_year(session: Session, agency_id: int) -> int | None:
    return session.execute(
        select(func.max(ReportRow.year)).where(
            ReportRow.agency_id == agency_id, ReportRow.is_current.is_(True)
        )
    ).scalar()


def latest_year_of(session: Session, agency_ids: Sequence[int]) -> int | None:
    """The latest year any of these agencies has a current report for."""
    return session.execute(
        select(func.max(ReportRow.year)).where(
            ReportRow.agency_id.in_(list(agency_ids)), ReportRow.is_current.is_(True)
        )
    ).scalar()


def years_with_reports(session: Session) -> list[int]:
    rows = session.execute(
        select(ReportRow.year).where(ReportRow.is_current.is_(True)).distinct().order_by(ReportRow.year)
    ).scalars()
    return list(rows.all())


# --- values --------------------------------------------------------------------------


@dataclass(frozen=True)
class StoredValue:
    """One figure of a report with where it was read. value None = the cell is blank."""

    key: str
    kind: str  # "cell" | "fact"
    value: float | None
    unit: str | None = None
    source: str | None = None  # the sentence, for facts
    raw: str | None = None
    page: int | None = None
    row: int | None = None
    col: int | None = None


def _cell_value(c: CellRow) -> StoredValue:
    return StoredValue(
        key=c.key, kind="cell", value=c.value, raw=c.raw, page=c.page, row=c.row_index, col=c.col_index
    )


def _fact_value(f: FactRow) -> StoredValue:
    return StoredValue(key=f.key, kind="fact", value=f.value, unit=f.unit, source=f.source, page=f.page)


def report_values(session: Session, report_id: int, keys: Sequence[str]) -> dict[str, StoredValue]:
    """The cells and facts of one report among `keys` (first fact wins when a key repeats)."""
    keys = list(dict.fromkeys(keys))
    if not keys:
        return {}
    out: dict[str, StoredValue] = {}
    cells = session.execute(
        select(CellRow).where(CellRow.report_id == report_id, CellRow.key.in_(keys))
    ).scalars()
    for c in cells:
        out[c.key] = _cell_value(c)
    facts = session.execute(
        select(FactRow).where(FactRow.report_id == report_id, FactRow.key.in_(keys)).order_by(FactRow.id)
    ).scalars()
    for f in facts:
        out.setdefault(f.key, _fact_value(f))
    return out


def reports_values(
    session: Session, report_ids: Sequence[int], keys: Sequence[str]
) -> dict[int, dict[str, StoredValue]]:
    """report_values for several reports in two queries (cells, facts)."""
    keys = list(dict.fromkeys(keys))
    out: dict[int, dict[str, StoredValue]] = {r: {} for r in report_ids}
    if not keys or not report_ids:
        return out
    cells = session.execute(
        select(CellRow).where(CellRow.report_id.in_(list(report_ids)), CellRow.key.in_(keys))
    ).scalars()
    for c in cells:
        out[c.report_id][c.key] = _cell_value(c)
    facts = session.execute(
        select(FactRow)
        .where(FactRow.report_id.in_(list(report_ids)), FactRow.key.in_(keys))
        .order_by(FactRow.id)
    ).scalars()
    for f in facts:
        out[f.report_id].setdefault(f.key, _fact_value(f))
    return out


def report_facts(session: Session, report_id: int) -> list[StoredValue]:
    rows = session.execute(
        select(FactRow).where(FactRow.report_id == report_id).order_by(FactRow.id)
    ).scalars()
    return [_fact_value(f) for f in rows]


@dataclass(frozen=True)
class FailedCheck:
    rule: str
    detail: str


@dataclass(frozen=True)
class CheckState:
    rule: str
    status: str  # pass / fail / anything else: could not be checked
    detail: str


def check_states(session: Session, report_id: int) -> list[CheckState]:
    rows = session.execute(
        select(CheckRow.rule, CheckRow.status, CheckRow.detail)
        .where(CheckRow.report_id == report_id)
        .order_by(CheckRow.id)
    )
    return [CheckState(rule, status, detail) for rule, status, detail in rows]


def unchecked_reports(session: Session, year: int) -> dict[str, int]:
    """Rule -> how many current reports of the year could not have it checked."""
    rows = session.execute(
        select(CheckRow.rule, func.count())
        .join(ReportRow, ReportRow.id == CheckRow.report_id)
        .where(
            ReportRow.year == year, ReportRow.is_current.is_(True), CheckRow.status.not_in(("pass", "fail"))
        )
        .group_by(CheckRow.rule)
        .order_by(CheckRow.rule)
    )
    return {rule: int(n) for rule, n in rows}


@dataclass(frozen=True)
class Version:
    version: int
    is_current: bool
    published_on: date | None
    received_at: datetime
    changes: int


def report_versions(session: Session, agency_id: int, year: int) -> list[Version]:
    rows = session.execute(
        select(
            ReportRow.version,
            ReportRow.is_current,
            ReportRow.published_on,
            ReportRow.received_at,
            ReportRow.changes,
        )
        .where(ReportRow.agency_id == agency_id, ReportRow.year == year)
        .order_by(ReportRow.version)
    )
    return [Version(v, bool(c), p, r, len(ch or [])) for v, c, p, r, ch in rows]


def failed_checks(session: Session, report_id: int) -> list[FailedCheck]:
    rows = session.execute(
        select(CheckRow.rule, CheckRow.detail)
        .where(CheckRow.report_id == report_id, CheckRow.status == "fail")
        .order_by(CheckRow.id)
    )
    return [FailedCheck(rule, detail) for rule, detail in rows]


# --- across agencies -----------------------------------------------------------------


def count_reports(session: Session, year: int) -> int:
    return session.execute(
        select(func.count(ReportRow.id)).where(ReportRow.year == year, ReportRow.is_current.is_(True))
    ).scalar_one()


@dataclass(frozen=True)
class YearSummary:
    year: int
    reports: int  # current reports of the year
    with_number: int
    blank: int  # the cell is there but blank
    missing: int  # the report holds none of the keys
    total: float


def _is_cell(key: str) -> bool:
    return key.startswith(("t2.", "t3.", "t4."))


# Stands for a blank cell inside the per-report subquery, so one primary-key lookup tells
# "blank" (sentinel) from "absent" (NULL). Far outside any figure a report can hold.
_BLANK = -1.0e300


def _per_report(year: int, keys: Sequence[str], sum_of: Sequence[str]) -> Any:
    """One row per current report of `year`: (report_id, agency_id, value, present).

    Resolved inside the database so no per-report row crosses into Python: value = the
    explicit sum of `sum_of` (NULL if any is blank or absent), else the first of `keys` with a
    number; present = the report holds the figure at all (a blank cell counts as present).
    Each cell is a correlated lookup on the primary key (report_id, key): PostgreSQL would
    otherwise pick a sequential scan of all cells for a join. OFFSET 0 keeps the inner
    query from being flattened, so each lookup runs once per report.
    """
    raw: list[Any] = []
    if sum_of:
        # One index range scan of the report's cells: all parts held, else absent (NULL).
        raw.append(
            select(case((func.count(CellRow.value) == len(sum_of), func.sum(CellRow.value)), else_=_BLANK))
            .where(CellRow.report_id == ReportRow.id, CellRow.key.in_(list(sum_of)))
            .having(func.count() == len(sum_of))
            .scalar_subquery()
        )
    for key in keys:
        if _is_cell(key):
            raw.append(
                select(func.coalesce(CellRow.value, _BLANK))
                .where(CellRow.report_id == ReportRow.id, CellRow.key == key)
                .scalar_subquery()
            )
        else:
            raw.append(
                select(FactRow.value)
                .where(FactRow.report_id == ReportRow.id, FactRow.key == key)
                .order_by(FactRow.id)
                .limit(1)
                .scalar_subquery()
            )
    inner = (
        select(
            ReportRow.id.label("report_id"),
            ReportRow.agency_id.label("agency_id"),
            *(r.label(f"raw{i}") for i, r in enumerate(raw)),
        )
        .where(ReportRow.year == year, ReportRow.is_current.is_(True))
        .offset(0)
        .subquery()
    )
    columns = [inner.c[f"raw{i}"] for i in range(len(raw))]
    numbers = [func.nullif(c, _BLANK) for c in columns]
    value = numbers[0] if len(numbers) == 1 else func.coalesce(*numbers)
    present = or_(*(c.is_not(None) for c in columns)) if columns else false()
    return select(
        inner.c.report_id, inner.c.agency_id, value.label("value"), present.label("present")
    ).subquery()


def year_summary(session: Session, year: int, keys: Sequence[str], sum_of: Sequence[str] = ()) -> YearSummary:
    """Counts and the total of a figure over the current reports of a year."""
    v = _per_report(year, keys, sum_of)
    row = (
        session.connection()
        .execute(
            select(
                func.count(),
                func.count(v.c.value),
                func.sum(case((and_(v.c.present, v.c.value.is_(None)), 1), else_=0)),
                func.coalesce(func.sum(v.c.value), 0.0),
            ).select_from(v)
        )
        .one()
    )
    reports, numbers, blank, total = int(row[0]), int(row[1]), int(row[2] or 0), float(row[3])
    return YearSummary(year, reports, numbers, blank, reports - numbers - blank, total)


def year_top(
    session: Session,
    year: int,
    keys: Sequence[str],
    sum_of: Sequence[str] = (),
    *,
    limit: int = 10,
    descending: bool = True,
) -> tuple[list[tuple[str, float]], YearSummary]:
    """(agency name, value) of the first `limit` reports of a year by a figure (ties by name),
    with the year's counts from window aggregates of the same single pass over the reports."""
    v = _per_report(year, keys, sum_of)
    blank = case((and_(v.c.present, v.c.value.is_(None)), 1), else_=0)
    # NULLS LAST instead of WHERE value IS NOT NULL: a filter would run the lookups twice.
    order = v.c.value.desc().nulls_last() if descending else v.c.value.asc().nulls_last()
    rows = (
        session.connection()
        .execute(
            select(
                Agency.name,
                v.c.value,
                func.count().over(),
                func.count(v.c.value).over(),
                func.sum(blank).over(),
                func.sum(v.c.value).over(),
            )
            .join(Agency, Agency.id == v.c.agency_id)
            .order_by(order, Agency.name)
            .limit(limit)
        )
        .all()
    )
    if not rows:
        return [], YearSummary(year, 0, 0, 0, 0, 0.0)
    reports, numbers, blanks, total = int(rows[0][2]), int(rows[0][3]), int(rows[0][4] or 0), rows[0][5]
    summary = YearSummary(year, reports, numbers, blanks, reports - numbers - blanks, float(total or 0.0))
    return [(name, float(value)) for name, value, *_ in rows if value is not None], summary


@dataclass(frozen=True)
class FailedReport:
    report_id: int
    agency_name: str
    year: int
    rules: tuple[str, ...]


def failed_check_reports(session: Session, year: int, *, agency_id: int | None = None) -> list[FailedReport]:
    query = (
        select(ReportRow.id, Agency.name, ReportRow.year, CheckRow.rule)
        .join(Agency, Agency.id == ReportRow.agency_id)
        .join(CheckRow, CheckRow.report_id == ReportRow.id)
        .where(ReportRow.year == year, ReportRow.is_current.is_(True), CheckRow.status == "fail")
        .order_by(Agency.name, CheckRow.id)
    )
    if agency_id is not None:
        query = query.where(ReportRow.agency_id == agency_id)
    grouped: dict[int, tuple[str, int, list[str]]] = {}
    for report_id, name, yr, rule in session.execute(query):
        grouped.setdefault(report_id, (name, yr, []))[2].append(rule)
    return [
        FailedReport(rid, name, yr, tuple(dict.fromkeys(rules))) for rid, (name, yr, rules) in grouped.items()
    ]


# --- the reminders' registry, for "哪些单位没报" --------------------------------------------


@dataclass(frozen=True)
class RegistryYear:
    """Registered reporters of a year: how many, how many reported, and the ones to look at —
    those without a current report, and those whose report may be late (first arrival on or
    after `since`, or dated after `first_deadline`)."""

    expected: int
    received: int
    without_report: list[Reporter]
    maybe_late: list[tuple[Reporter, ReceivedReport]]


def registry_year(
    session: Session, year: int, *, since: datetime, first_deadline: date, agency_ids: Sequence[int] | None = None
) -> RegistryYear:
    current = (
        select(ReportRow.agency_id, ReportRow.published_on, ReportRow.received_at)
        .where(ReportRow.year == year, ReportRow.is_current.is_(True))
        .subquery()
    )
    counting = (
        select(func.count(), func.count(current.c.agency_id))
        .select_from(ChatRegistration)
        .join(current, current.c.agency_id == ChatRegistration.agency_id, isouter=True)
    )
    if agency_ids is not None:
        counting = counting.where(ChatRegistration.agency_id.in_(list(agency_ids)))
    counts = session.execute(counting).one()
    # The current version arriving on or after `since` (or dated late) makes a candidate; the
    # first version's arrival, which decides lateness, is then read for the candidates only.
    query = (
        select(
            Agency.id, Agency.name, Agency.region, Agency.level, Agency.kind,
            ChatRegistration.chat_id, ChatRegistration.chat_title, ChatRegistration.responsible,
            ChatRegistration.registered_at, current.c.agency_id, current.c.published_on,
        )
        .join(Agency, Agency.id == ChatRegistration.agency_id)
        .join(current, current.c.agency_id == ChatRegistration.agency_id, isouter=True)
        .where(
            or_(
                current.c.agency_id.is_(None),
                current.c.received_at >= since,
                current.c.published_on > first_deadline,
            )
        )
        .order_by(Agency.region, Agency.name)
    )  # fmt: skip
    if agency_ids is not None:
        query = query.where(ChatRegistration.agency_id.in_(list(agency_ids)))
    without: list[Reporter] = []
    candidates: list[tuple[Reporter, date | None]] = []
    for aid, name, region, level, kind, chat, title, who, at, has, published in session.execute(query):
        reporter = Reporter(aid, name, region or "", level or "", kind or "", chat, title, who, at)
        if has is None:
            without.append(reporter)
        else:
            candidates.append((reporter, published))
    first: dict[int, datetime] = {}
    if candidates:
        rows = session.execute(
            select(ReportRow.agency_id, ReportRow.received_at).where(
                ReportRow.year == year, ReportRow.agency_id.in_([r.agency_id for r, _ in candidates])
            )
        )
        for aid, received in rows:
            received = received if received.tzinfo else received.replace(tzinfo=UTC)
            if aid not in first or received < first[aid]:
                first[aid] = received
    late = [(r, ReceivedReport(r.agency_id, first[r.agency_id], published)) for r, published in candidates]
    return RegistryYear(int(counts[0]), int(counts[1]), without, late)
