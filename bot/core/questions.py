"""Chinese text -> a typed Query, or None when the question is not understood.

Entities first: the years, then the agencies (stored names and aliases by longest match,
places, then leftover words for fuzzy matching), then the figures named, then the cue words
that decide the kind of question together with how many agencies, years and figures were
found. Pure: the stored names arrive as a `Lexicon`; answer.py resolves what is left.
"""

from __future__ import annotations

from dataclasses import dataclass, field, replace
from datetime import UTC, datetime
from enum import StrEnum

from bot.core import question_cues as cue
from bot.core.entities import AgencyRef, Lexicon, claim, find_names, read_agencies
from bot.core.metrics import FALLBACK_PHRASES, WEAK_PHRASES, Metric, qualifier_table, resolve, table
from bot.core.question_text import MAX_QUESTION_CHARS, QuestionText, Years, normalise, read_years
from parsing.numbers import parse_int_token
from parsing.vocabulary import questions as Q

__all__ = ["MAX_QUESTION_CHARS", "AgencyRef", "Lexicon", "Query", "QueryKind", "parse_question"]

DEFAULT_TOP = 10
MAX_TOP = 50


class QueryKind(StrEnum):
    VALUE = "value"  # one figure of one agency's report
    EACH = "each"  # one figure of several agencies (named, or all of a place), side by side
    SUM_AGENCIES = "sum_agencies"  # A和B一共
    DIFF_AGENCIES = "diff_agencies"  # A比B多多少
    RANK_AGENCIES = "rank_agencies"  # A、B和C谁最多
    COMPARE_YEARS = "compare_years"  # one figure of one agency across years (change, trend)
    ITEM_DIFF = "item_diff"  # 予以公开比部分公开多几件 (two figures of one report)
    ITEM_SHARE = "item_share"  # 予以公开占比
    PUBLISHED = "published"  # when a report was published, which version is current
    MISSING = "missing"  # who has not reported / reported late (the reminders' registry)
    RANK = "rank"  # all agencies ordered by a figure for a year
    SUM = "sum"  # a figure added up over all reports of a year
    COUNT_REPORTS = "count_reports"
    LIST_FAILED_CHECKS = "list_failed_checks"
    YEARS_HELD = "years_held"
    NO_METRIC = "no_metric"  # an agency (and years) but no figure this bot knows


@dataclass(frozen=True)
class Query:
    kind: QueryKind
    text: str  # the question, normalised (simplified, half-width)
    agencies: tuple[AgencyRef, ...] = ()
    years: tuple[int, ...] = ()  # empty: latest (VALUE) / chosen by the answer (COMPARE)
    metric: Metric | None = None
    other: Metric | None = None  # the second figure of ITEM_DIFF / ITEM_SHARE
    limit: int = DEFAULT_TOP
    descending: bool = True
    recent: int | None = None  # 近三年 -> 3
    all_years: bool = False  # 历年 / 趋势
    previous: bool = False  # 比上一年 / 同比
    late: bool = False  # MISSING: 迟报 rather than 没报
    version: bool = False  # PUBLISHED: asks about versions
    region: str = ""  # MISSING: the region words left over
    qualifiers: tuple[str, ...] = field(default=())

    @property
    def agency(self) -> str | None:
        """The first agency as typed (one-agency questions)."""
        return self.agencies[0].typed if self.agencies else None


# Question phrases that contain figure words but name none (政府信息公开 is the subject of
# every report): claimed before the figures are looked for.
_SUBJECT = Q.SUBJECT_PHRASES


def _metrics(t: QuestionText) -> tuple[list[Metric], tuple[str, ...]]:
    """The figures named, in order, and the qualifiers read with them (table column, action)."""
    for phrase in _SUBJECT:
        while (pos := t.find_free(phrase)) >= 0:
            # Not when it is the end of a figure's own phrase (依申请公开 has no 信息公开 anyway).
            t.take(pos, pos + len(phrase))
    metrics = table()
    found: list[tuple[int, str, str]] = []  # position, metric id, phrase
    seen: set[str] = set()
    for phrase, defn in metrics.phrases:
        pos = t.find_free(phrase)
        if pos < 0:
            continue
        t.take(pos, pos + len(phrase))
        if defn.id not in seen:
            seen.add(defn.id)
            found.append((pos, defn.id, phrase))
    if not found:
        for phrase in FALLBACK_PHRASES:
            pos = t.find_free(phrase)
            if pos >= 0:
                t.take(pos, pos + len(phrase))
                found.append((pos, "proactive.total", phrase))
                break
    found.sort()
    ids = [i for _, i, _ in found]
    strong = [f for f in found if f[2] not in WEAK_PHRASES]
    if strong and len(strong) < len(found):
        found = strong if any(metrics.by_id[i].axis.startswith("t3") for _, i, _ in strong) else found
    found = [f for f in found if not any(metrics.refines.get(other) == f[1] for other in ids)]
    # A figure word that qualifies another figure found ("复议被纠正": the 纠正 column of 复议)
    # is that qualifier, not a figure of its own.
    for f in list(found):
        others = [g for g in found if g is not f]
        if any(f[2] in phrases for g in others for phrases in qualifier_table(metrics.by_id[g[1]]).values()):
            found.remove(f)
            t.mask[f[0] : f[0] + len(f[2])] = [False] * len(f[2])
    out: list[Metric] = []
    qualifiers: list[str] = []
    for _, metric_id, phrase in found:
        defn = metrics.by_id[metric_id]
        qualifier = None
        for name, phrases in qualifier_table(defn).items():
            for q in sorted(phrases, key=len, reverse=True):
                pos = t.find_free(q)
                if pos >= 0:
                    qualifier = name
                    t.take(pos, pos + len(q))
                    break
            if qualifier:
                break
        out.append(resolve(defn, qualifier, phrase))
        qualifiers += [qualifier] if qualifier else []
    return out, tuple(qualifiers)


def _limit(top: int | None) -> int:
    return max(1, min(top or DEFAULT_TOP, MAX_TOP))


def parse_question(text: str, *, now: datetime | None = None, lexicon: Lexicon | None = None) -> Query | None:
    """Read a question; None when it asks for nothing this bot knows."""
    # The calendar (今年, 去年) is that of `now`'s own zone: callers pass local time (settings.tz).
    now = now or datetime.now(UTC)
    norm = normalise(text)
    if not norm:
        return None
    t = QuestionText.of(norm)
    years = read_years(t, now)
    lexicon = lexicon or Lexicon()
    hits = find_names(t, lexicon)
    # Hold the stored names while the figures are read, so a figure word never splits a name.
    for h in hits:
        t.take(h.start, h.end)

    cues: dict[str, bool] = {}
    top = None
    for m in t.take_all(cue.TOP):
        top = parse_int_token(m.group(1))
    for name, pattern in (
        ("failed", cue.FAILED),
        ("missing", cue.MISSING),
        ("published", cue.PUBLISHED),
        ("held", cue.YEARS_HELD),
    ):
        cues[name] = bool(t.take_all(pattern))
    metrics, qualifiers = ([], ()) if cues["failed"] or cues["missing"] else _metrics(t)
    for name, pattern in (
        ("share", cue.SHARE),
        ("diff", cue.DIFFERENCE),
        ("each", cue.EACH),
        ("rank", cue.RANK),
        ("sum", cue.SUM),
        ("compare", cue.COMPARE),
    ):
        cues[name] = bool(t.take_all(pattern))
    for h in hits:
        t.mask[h.start : h.end] = [False] * (h.end - h.start)
    refs = read_agencies(t, lexicon, hits)
    claim(t, refs)
    query = _decide(norm, years, refs, metrics, cues, top, t)
    return replace(query, qualifiers=qualifiers) if query is not None and qualifiers else query


def _decide(
    norm: str,
    years: Years,
    refs: list[AgencyRef],
    metrics: list[Metric],
    cues: dict[str, bool],
    top: int | None,
    t: QuestionText,
) -> Query | None:
    base = {"text": norm, "years": years.years, "recent": years.recent, "all_years": years.all_years}
    base["previous"] = years.previous
    agencies = tuple(refs)
    if cues["missing"]:
        region = "".join(r.typed for r in refs)
        late = bool(cue.LATE.search(norm))
        return Query(QueryKind.MISSING, norm, agencies=agencies, years=years.years, late=late, region=region)
    if cues["failed"]:
        return Query(QueryKind.LIST_FAILED_CHECKS, norm, agencies=agencies[:1], years=years.years)
    if cues["published"] and agencies:
        version = bool(cue.VERSION.search(norm))
        return Query(QueryKind.PUBLISHED, norm, agencies=agencies, years=years.years, version=version)
    if not metrics:
        if agencies and (cues["held"] or bool(cue.COUNT.search(norm))):
            return Query(QueryKind.YEARS_HELD, norm, agencies=agencies[:1])
        if cue.COUNT.search(norm):
            return Query(QueryKind.COUNT_REPORTS, norm, years=years.years)
        if any(r.ids or cue.AGENCY_END.search(r.typed) for r in agencies):
            return Query(QueryKind.NO_METRIC, norm, agencies=agencies, years=years.years)
        return None
    metric = metrics[0]
    other = metrics[1] if len(metrics) > 1 else None
    several = len(agencies) > 1 or (len(agencies) == 1 and agencies[0].place and len(agencies[0].ids) > 1)
    ascending = bool(cue.ASCENDING.search(norm))
    if not agencies:
        if cues["rank"] or top is not None:
            return Query(
                QueryKind.RANK,
                norm,
                years=years.years,
                metric=metric,
                limit=_limit(top),
                descending=not ascending,
            )
        return Query(QueryKind.SUM, norm, years=years.years, metric=metric)
    if cues["share"] and not several:
        return Query(
            QueryKind.ITEM_SHARE, norm, agencies=agencies, years=years.years, metric=metric, other=other
        )
    if other is not None and cues["diff"] and not several:
        return Query(
            QueryKind.ITEM_DIFF, norm, agencies=agencies, years=years.years, metric=metric, other=other
        )
    if several:
        if cues["rank"] or top is not None:
            kind = QueryKind.RANK_AGENCIES
        elif cues["sum"]:
            kind = QueryKind.SUM_AGENCIES
        elif cues["diff"] and len(agencies) == 2:
            kind = QueryKind.DIFF_AGENCIES
        else:
            kind = QueryKind.EACH
        if kind is not QueryKind.EACH or len(years.years) <= 1:
            return Query(
                kind,
                norm,
                agencies=agencies,
                years=years.years,
                metric=metric,
                limit=_limit(top),
                descending=not ascending,
            )
    recent = years.recent is not None and years.recent > 1  # 最近一年: the latest report, no comparison
    if len(years.years) >= 2 or years.previous or recent or years.all_years or cues["compare"]:
        return Query(QueryKind.COMPARE_YEARS, agencies=agencies[:1], metric=metric, **base)  # type: ignore[arg-type]
    return Query(QueryKind.VALUE, norm, agencies=agencies[:1], years=years.years, metric=metric)


def replace_agency(query: Query, full_name: str) -> str:
    """The question again with the agency written out in full (for the choice buttons)."""
    if query.agency and query.agency in query.text:
        return query.text.replace(query.agency, full_name, 1)
    return f"{full_name}{query.text}"
