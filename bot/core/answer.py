"""Question -> Answer with its source. One function serves the chat, the CLI and the tests.

The answer either quotes a stored figure with where it was read, or says plainly that the
data does not answer the question. It never fills a gap with a guess or a silent sum.
"""

from __future__ import annotations

import html
import logging
import re
from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import UTC, datetime
from decimal import Decimal
from enum import StrEnum

from sqlalchemy.orm import Session
from tabulate import tabulate

from bot.core.metrics import Metric, unit_of
from bot.core.questions import Query, QueryKind, parse_question, replace_agency
from bot.core.replies import answers as R
from bot.core.services import Services
from parsing.schema import FACTS, cell_keys, cell_label
from storage import queries
from storage.queries import AgencyCandidate, ReportInfo, StoredValue

log = logging.getLogger(__name__)

TELEGRAM_LIMIT = 4096
BUDGET = 3900  # room for the adapter's own additions
MAX_SENTENCE = 160


class AnswerOutcome(StrEnum):
    ANSWERED = "answered"  # a number with its source
    BLANK = "blank"  # the cell is blank in the report
    NOT_STATED = "not_stated"  # the report does not give the figure (what it gives is shown)
    COMPARED = "compared"
    RANKED = "ranked"
    SUMMED = "summed"
    COUNTED = "counted"
    LISTED = "listed"  # failed-check list or years held
    NO_REPORT = "no_report"  # no report of that agency/year
    NO_DATA = "no_data"  # nothing stored for that year / at all
    AMBIGUOUS_AGENCY = "ambiguous_agency"  # see `choices`
    UNKNOWN_AGENCY = "unknown_agency"
    NOT_UNDERSTOOD = "not_understood"  # unknown metric / not a question we know
    ERROR = "error"


ANSWERED = frozenset(
    {
        AnswerOutcome.ANSWERED,
        AnswerOutcome.BLANK,
        AnswerOutcome.NOT_STATED,
        AnswerOutcome.COMPARED,
        AnswerOutcome.RANKED,
        AnswerOutcome.SUMMED,
        AnswerOutcome.COUNTED,
        AnswerOutcome.LISTED,
    }
)


@dataclass(frozen=True)
class Answer:
    """What to send. `text` is Telegram HTML when `html` is true (tables in <pre>), else plain.

    `choices` (full agency names) come with AMBIGUOUS_AGENCY; `choice_questions[i]` is the
    question rewritten with `choices[i]`, to answer when that button is pressed.
    """

    text: str
    outcome: AnswerOutcome
    html: bool = False
    choices: list[str] = field(default_factory=list)
    choice_questions: list[str] = field(default_factory=list)
    query: Query | None = None

    @property
    def answered(self) -> bool:
        return self.outcome in ANSWERED

    @property
    def plain(self) -> str:
        """The text without markup, for a terminal."""
        if not self.html:
            return self.text
        return html.unescape(re.sub(r"</?pre>", "", self.text))


# --- formatting ----------------------------------------------------------------------------


def fmt_number(value: float) -> str:
    """253.0 -> 253; 0.0375 stays 0.0375 (never rounded, never 3.75e-02)."""
    if float(value).is_integer():
        return str(int(value))
    return format(Decimal(repr(float(value))).normalize(), "f")


def _with_unit(value: float, unit: str) -> str:
    return f"{fmt_number(value)}{unit}"


def _short(sentence: str) -> str:
    sentence = sentence.strip()
    return sentence if len(sentence) <= MAX_SENTENCE else sentence[: MAX_SENTENCE - 1] + "…"


class _Reply:
    """Lines of plain text and tables; rendered as HTML only when a table is present."""

    def __init__(self) -> None:
        self.parts: list[str | tuple[list[str], list[list[str]]]] = []

    def line(self, text: str) -> _Reply:
        self.parts.append(text)
        return self

    def table(self, headers: list[str], rows: list[list[str]]) -> _Reply:
        self.parts.append((headers, rows))
        return self

    def render(self) -> tuple[str, bool]:
        has_table = any(isinstance(p, tuple) for p in self.parts)
        out = self._render(has_table)
        # Too long for one message: drop table rows from the end, then lines.
        while len(out) > BUDGET and self._shrink():
            out = self._render(has_table)
        if len(out) > BUDGET:
            out = out[: BUDGET - len(R.TRUNCATED)] + R.TRUNCATED
        return out, has_table

    def _shrink(self) -> bool:
        for i in range(len(self.parts) - 1, -1, -1):
            part = self.parts[i]
            if isinstance(part, tuple) and len(part[1]) > 1:
                headers, rows = part
                cut = max(1, len(rows) * 3 // 4)
                self.parts[i] = (headers, rows[:cut])
                self.parts.insert(i + 1, R.MORE_ROWS.format(count=len(rows) - cut))
                return True
        if len(self.parts) > 1:
            self.parts.pop()
            return True
        return False

    def _render(self, as_html: bool) -> str:
        chunks = []
        for part in self.parts:
            if isinstance(part, tuple):
                table = tabulate(part[1], headers=part[0], tablefmt="simple", disable_numparse=True)
                chunks.append(f"<pre>{html.escape(table)}</pre>" if as_html else table)
            else:
                chunks.append(html.escape(part, quote=False) if as_html else part)
        return "\n".join(chunks)


def _reply(outcome: AnswerOutcome, reply: _Reply, query: Query | None, **kw: list[str]) -> Answer:
    text, is_html = reply.render()
    return Answer(text=text, outcome=outcome, html=is_html, query=query, **kw)


def _say(outcome: AnswerOutcome, *lines: str, query: Query | None = None) -> Answer:
    reply = _Reply()
    for line in lines:
        reply.line(line)
    return _reply(outcome, reply, query)


def _years_text(years: Sequence[int]) -> str:
    return "、".join(f"{y}年" for y in years)


# --- entry point ----------------------------------------------------------------------------


def answer_question(services: Services, text: str, *, now: datetime | None = None) -> Answer:
    """Answer one Chinese question from the stored reports."""
    now = (now or datetime.now(UTC)).astimezone(services.settings.tz)
    if not text or not text.strip():
        return _say(AnswerOutcome.NOT_UNDERSTOOD, R.EMPTY)
    query = parse_question(text, now=now)
    if query is None:
        return _help()
    try:
        with services.sessions() as session:
            return answer_query(session, query)
    except Exception:  # the user gets a sentence, the log gets the traceback
        log.exception("answering %r failed", text)
        return _say(AnswerOutcome.ERROR, R.ERROR, query=query)


def _help() -> Answer:
    return _say(
        AnswerOutcome.NOT_UNDERSTOOD,
        R.NOT_UNDERSTOOD,
        *(f"· {e}" for e in R.EXAMPLES),
        R.TOPICS,
    )


def answer_query(session: Session, query: Query) -> Answer:
    if query.kind is QueryKind.COUNT_REPORTS:
        return _count(session, query)
    if query.kind is QueryKind.RANK:
        return _rank(session, query)
    if query.kind is QueryKind.SUM:
        return _sum(session, query)
    if query.kind is QueryKind.LIST_FAILED_CHECKS and query.agency is None:
        return _failed(session, query, None)

    assert query.agency is not None
    resolved = _resolve_agency(session, query)
    if isinstance(resolved, Answer):
        return resolved
    if query.kind is QueryKind.YEARS_HELD:
        return _years_held(session, query, resolved)
    if query.kind is QueryKind.LIST_FAILED_CHECKS:
        return _failed(session, query, resolved)
    if query.kind is QueryKind.COMPARE_YEARS:
        return _compare(session, query, resolved)
    return _value(session, query, resolved)


def _resolve_agency(session: Session, query: Query) -> AgencyCandidate | Answer:
    assert query.agency is not None
    match = queries.find_agencies(session, query.agency)
    if match.unique is not None:
        return match.unique
    if match.kind != queries.MatchKind.NONE and match.candidates:
        names = [c.name for c in match.candidates]
        reply = _Reply().line(R.AMBIGUOUS.format(typed=query.agency))
        return _reply(
            AnswerOutcome.AMBIGUOUS_AGENCY,
            reply,
            query,
            choices=names,
            choice_questions=[replace_agency(query, n) for n in names],
        )
    if not queries.years_with_reports(session):
        return _say(AnswerOutcome.NO_DATA, R.NO_DATA, query=query)
    lines = [R.UNKNOWN_AGENCY.format(typed=query.agency)]
    if match.candidates:
        lines.append(R.CLOSE_AGENCIES.format(names="、".join(c.name for c in match.candidates)))
    return _say(AnswerOutcome.UNKNOWN_AGENCY, *lines, query=query)


# --- one value -----------------------------------------------------------------------------


@dataclass(frozen=True)
class _Found:
    """The figure of a metric in one report, or why there is none."""

    outcome: AnswerOutcome
    value: float | None = None
    unit: str = ""
    sources: tuple[StoredValue, ...] = ()
    summed: bool = False
    stated_parts: tuple[StoredValue, ...] = ()
    blank_parts: tuple[StoredValue, ...] = ()


def _unit(v: StoredValue, metric: Metric) -> str:
    return v.unit or unit_of(v.key, metric.unit)


def _find(session: Session, report: ReportInfo, metric: Metric) -> _Found:
    vals = queries.report_values(session, report.id, metric.all_keys)
    if metric.sum_of:
        present = [vals[k] for k in metric.sum_of if k in vals]
        if present and len(present) == len(metric.sum_of):
            blanks = tuple(v for v in present if v.value is None)
            if not blanks:
                total = sum(v.value or 0.0 for v in present)
                return _Found(AnswerOutcome.ANSWERED, total, metric.unit, tuple(present), summed=True)
            if not any(vals.get(k) and vals[k].value is not None for k in metric.keys):
                return _Found(
                    AnswerOutcome.BLANK, unit=metric.unit, sources=tuple(present), blank_parts=blanks
                )
    blank: StoredValue | None = None
    for key in metric.keys:
        v = vals.get(key)
        if v is None:
            continue
        if v.value is not None:
            return _Found(AnswerOutcome.ANSWERED, v.value, _unit(v, metric), (v,))
        blank = blank or v
    if blank is not None:
        return _Found(AnswerOutcome.BLANK, unit=metric.unit, sources=(blank,))
    stated = tuple(vals[k] for k in metric.parts if k in vals and vals[k].value is not None)
    return _Found(AnswerOutcome.NOT_STATED, unit=metric.unit, stated_parts=stated)


def _source_line(v: StoredValue) -> str:
    if v.kind == "fact" and v.source:
        return R.SOURCE_FACT.format(sentence=_short(v.source))
    line = R.SOURCE_CELL.format(label=cell_label(v.key))
    return line + (R.SOURCE_PAGE.format(page=v.page) if v.page else "")


def _part_text(v: StoredValue, metric: Metric) -> str:
    label = R.PART_LABELS.get(v.key) or (FACTS[v.key][0] if v.key in FACTS else cell_label(v.key))
    shown = R.COMPARE_BLANK if v.value is None else _with_unit(v.value, _unit(v, metric))
    return f"{label}{shown}"


def _in_template(report: ReportInfo, metric: Metric) -> bool:
    """Could this report's format hold the figure at all? (facts: always)."""
    keys = (*metric.keys, *metric.sum_of)
    if any(not k.startswith(("t2.", "t3.", "t4.")) for k in keys):
        return True
    if report.template not in ("2019", "2021"):
        return True
    held = set(cell_keys(report.template))
    return any(k in held for k in keys)


def _value_lines(report: ReportInfo, metric: Metric, found: _Found) -> tuple[AnswerOutcome, list[str]]:
    who = {"agency": report.agency_name, "year": report.year, "label": metric.label}
    if found.outcome is AnswerOutcome.ANSWERED and found.value is not None:
        if found.summed:
            expr = "+".join(fmt_number(v.value or 0.0) for v in found.sources)
            head = R.VALUE_SUM.format(
                **who, value=_with_unit(found.value, found.unit), n=len(found.sources), expr=expr
            )
            first, last = cell_label(found.sources[0].key), cell_label(found.sources[-1].key)
            return found.outcome, [head, R.SOURCE_RANGE.format(first=first, last=last)]
        head = R.VALUE.format(**who, value=_with_unit(found.value, found.unit))
        return found.outcome, [head, _source_line(found.sources[0])]
    if found.outcome is AnswerOutcome.BLANK:
        if found.blank_parts:
            parts = "、".join(_part_text(v, metric) for v in found.sources)
            blank = "、".join(cell_label(v.key) for v in found.blank_parts)
            return found.outcome, [R.SUM_PART_BLANK.format(**who, blank=blank, parts=parts)]
        return found.outcome, [R.BLANK.format(**who), _source_line(found.sources[0])]
    lines = [R.NOT_STATED.format(**who)]
    if not _in_template(report, metric):
        lines.append(R.NOT_IN_TEMPLATE.format(template=report.template, label=metric.label))
    if found.stated_parts:
        parts = "、".join(_part_text(v, metric) for v in found.stated_parts)
        lines.append(R.NOT_STATED_PARTS.format(parts=parts))
        lines.extend(dict.fromkeys(_source_line(v) for v in found.stated_parts if v.kind == "fact"))
    return AnswerOutcome.NOT_STATED, lines


def _checks_line(session: Session, report: ReportInfo) -> str | None:
    failed = queries.failed_checks(session, report.id)
    if not failed:
        return None
    rules = "；".join(dict.fromkeys(R.RULES.get(c.rule, c.rule) for c in failed))
    return R.CHECKS_FAILED.format(count=len(failed), rules=rules)


def _no_report(session: Session, query: Query, agency: AgencyCandidate, year: int) -> Answer:
    held = queries.years_held(session, agency.agency_id)
    lines = [R.NO_REPORT.format(agency=agency.name, year=year)]
    if held:
        lines.append(R.HELD_YEARS.format(years=_years_text(held)))
    return _say(AnswerOutcome.NO_REPORT, *lines, query=query)


def _value(session: Session, query: Query, agency: AgencyCandidate) -> Answer:
    assert query.metric is not None
    note = None
    if query.years:
        year = query.years[-1]
    else:
        latest = queries.latest_year(session, agency.agency_id)
        if latest is None:
            return _say(AnswerOutcome.NO_REPORT, R.NO_REPORTS_AT_ALL.format(agency=agency.name), query=query)
        year, note = latest, R.LATEST_YEAR_USED.format(year=latest)
    report = queries.current_report(session, agency.agency_id, year)
    if report is None:
        return _no_report(session, query, agency, year)
    outcome, lines = _value_lines(report, query.metric, _find(session, report, query.metric))
    if note:
        lines.append(note)
    if (checks := _checks_line(session, report)) is not None:
        lines.append(checks)
    return _say(outcome, *lines, query=query)


# --- several years -------------------------------------------------------------------------


def _compare_years(session: Session, query: Query, agency_id: int) -> list[int]:
    if len(query.years) >= 2:
        return list(query.years)
    if len(query.years) == 1:
        return [query.years[0] - 1, query.years[0]]
    held = queries.years_held(session, agency_id)
    if query.all_years:
        return held
    return held[-(query.recent or 2) :]


def _pct(delta: float, base: float) -> str:
    if base == 0:
        return "上年为0"
    return f"{delta / base * 100:+.1f}%"


def _compare(session: Session, query: Query, agency: AgencyCandidate) -> Answer:
    metric = query.metric
    assert metric is not None
    years = _compare_years(session, query, agency.agency_id)
    if not years:
        return _say(AnswerOutcome.NO_REPORT, R.NO_REPORTS_AT_ALL.format(agency=agency.name), query=query)
    if len(years) == 1:
        return _say(
            AnswerOutcome.NO_REPORT, R.COMPARE_ONE_YEAR.format(agency=agency.name, year=years[0]), query=query
        )
    rows: list[list[str]] = []
    numbers: list[tuple[int, float, str]] = []
    sources: list[str] = []
    any_report = False
    for year in years:
        report = queries.current_report(session, agency.agency_id, year)
        if report is None:
            rows.append([f"{year}年", R.COMPARE_NO_REPORT])
            continue
        any_report = True
        found = _find(session, report, metric)
        if found.outcome is AnswerOutcome.ANSWERED and found.value is not None:
            rows.append([f"{year}年", _with_unit(found.value, found.unit)])
            numbers.append((year, found.value, found.unit))
            if not found.summed:
                sources.append(f"{year}年" + _source_line(found.sources[0]))
        elif found.outcome is AnswerOutcome.BLANK:
            rows.append([f"{year}年", R.COMPARE_BLANK])
        else:
            rows.append([f"{year}年", R.COMPARE_NOT_STATED])
    if not any_report:
        return _no_report(session, query, agency, years[-1])
    reply = _Reply().line(R.COMPARE_HEAD.format(agency=agency.name, label=metric.label))
    reply.table([R.HEADER_YEAR, R.HEADER_VALUE], rows)
    if len(numbers) >= 2:
        (frm, a, unit), (to, b, _) = numbers[0], numbers[-1]
        delta = b - a
        if delta > 0:
            reply.line(
                R.COMPARE_UP.format(frm=frm, to=to, delta=fmt_number(delta), unit=unit, pct=_pct(delta, a))
            )
        elif delta < 0:
            reply.line(
                R.COMPARE_DOWN.format(frm=frm, to=to, delta=fmt_number(-delta), unit=unit, pct=_pct(delta, a))
            )
        else:
            reply.line(R.COMPARE_SAME.format(frm=frm, to=to))
    else:
        reply.line(R.COMPARE_NO_CHANGE)
    for line in sources:
        reply.line(line)
    return _reply(AnswerOutcome.COMPARED, reply, query)


# --- across agencies -----------------------------------------------------------------------


def _year_for_all(session: Session, query: Query) -> tuple[int | None, str | None]:
    if query.years:
        return query.years[-1], None
    held = queries.years_with_reports(session)
    if not held:
        return None, None
    return held[-1], R.LATEST_YEAR_USED.format(year=held[-1])


def _no_year(session: Session, query: Query, year: int | None) -> Answer:
    if year is None:
        return _say(AnswerOutcome.NO_DATA, R.NO_DATA, query=query)
    lines = [R.NO_YEAR_DATA.format(year=year)]
    held = queries.years_with_reports(session)
    if held:
        lines.append(R.HELD_YEARS.format(years=_years_text(held)))
    return _say(AnswerOutcome.NO_DATA, *lines, query=query)


def _metric_unit(metric: Metric) -> str:
    first = (*metric.keys, *metric.sum_of)[0] if (metric.keys or metric.sum_of) else ""
    return metric.unit if metric.sum_of else unit_of(first, metric.unit)


def _rank(session: Session, query: Query) -> Answer:
    metric = query.metric
    assert metric is not None
    year, note = _year_for_all(session, query)
    if year is None or queries.count_reports(session, year) == 0:
        return _no_year(session, query, year)
    top, summary = queries.year_top(
        session, year, metric.keys, metric.sum_of, limit=query.limit, descending=query.descending
    )
    if not top:
        return _say(
            AnswerOutcome.NO_DATA,
            R.NO_NUMBERS.format(year=year, reports=summary.reports, label=metric.label),
            query=query,
        )
    unit = _metric_unit(metric)
    order = R.RANK_MOST if query.descending else R.RANK_LEAST
    reply = _Reply().line(
        R.RANK_HEAD.format(year=year, label=metric.label, order=order, n=len(top), reports=summary.reports)
    )
    rows, place, previous = [], 0, None
    for i, (name, value) in enumerate(top, start=1):
        if value != previous:
            place, previous = i, value
        rows.append([str(place), name, _with_unit(value, unit)])
    reply.table([R.HEADER_RANK, R.HEADER_AGENCY, metric.label], rows)
    leaders = [name for name, value in top if value == top[0][1]]
    reply.line(R.RANK_TOP.format(order=order, agency="、".join(leaders), value=_with_unit(top[0][1], unit)))
    if summary.blank or summary.missing:
        reply.line(R.RANK_LEFT_OUT.format(blank=summary.blank, missing=summary.missing))
    if note:
        reply.line(note)
    return _reply(AnswerOutcome.RANKED, reply, query)


def _sum(session: Session, query: Query) -> Answer:
    metric = query.metric
    assert metric is not None
    year, note = _year_for_all(session, query)
    if year is None or queries.count_reports(session, year) == 0:
        return _no_year(session, query, year)
    summary = queries.year_summary(session, year, metric.keys, metric.sum_of)
    if not summary.with_number:
        return _say(
            AnswerOutcome.NO_DATA,
            R.NO_NUMBERS.format(year=year, reports=summary.reports, label=metric.label),
            query=query,
        )
    lines = [
        R.SUM_RESULT.format(
            year=year,
            counted=summary.with_number,
            label=metric.label,
            value=_with_unit(summary.total, _metric_unit(metric)),
            reports=summary.reports,
        )
    ]
    if summary.blank or summary.missing:
        lines.append(R.SUM_LEFT_OUT.format(blank=summary.blank, missing=summary.missing))
    if note:
        lines.append(note)
    return _say(AnswerOutcome.SUMMED, *lines, query=query)


def _count(session: Session, query: Query) -> Answer:
    if query.years:
        year = query.years[-1]
        count = queries.count_reports(session, year)
        if count == 0:
            return _no_year(session, query, year)
        return _say(AnswerOutcome.COUNTED, R.COUNT_RESULT.format(year=year, count=count), query=query)
    held = queries.years_with_reports(session)
    if not held:
        return _say(AnswerOutcome.NO_DATA, R.NO_DATA, query=query)
    reply = _Reply().line(R.COUNT_ALL_HEAD)
    reply.table(
        [R.HEADER_YEAR, R.HEADER_COUNT], [[f"{y}年", str(queries.count_reports(session, y))] for y in held]
    )
    return _reply(AnswerOutcome.COUNTED, reply, query)


def _failed(session: Session, query: Query, agency: AgencyCandidate | None) -> Answer:
    if query.years:
        year: int | None = query.years[-1]
        note = None
    elif agency is not None:
        year = queries.latest_year(session, agency.agency_id)
        note = R.LATEST_YEAR_USED.format(year=year) if year else None
    else:
        year, note = _year_for_all(session, query)
    if agency is not None:
        if year is None:
            return _say(AnswerOutcome.NO_REPORT, R.NO_REPORTS_AT_ALL.format(agency=agency.name), query=query)
        report = queries.current_report(session, agency.agency_id, year)
        if report is None:
            return _no_report(session, query, agency, year)
        line = _checks_line(session, report) or R.FAILED_NONE_ONE.format(agency=agency.name, year=year)
        return _say(AnswerOutcome.LISTED, *(x for x in (line, note) if x), query=query)
    if year is None or (reports := queries.count_reports(session, year)) == 0:
        return _no_year(session, query, year)
    failed = queries.failed_check_reports(session, year)
    if not failed:
        return _say(AnswerOutcome.LISTED, R.FAILED_NONE.format(year=year, reports=reports), query=query)
    reply = _Reply().line(R.FAILED_HEAD.format(year=year, count=len(failed), reports=reports))
    rows = [[f.agency_name, "；".join(R.RULES.get(r, r) for r in f.rules)] for f in failed]
    reply.table([R.HEADER_AGENCY, R.HEADER_RULES], rows)
    if note:
        reply.line(note)
    return _reply(AnswerOutcome.LISTED, reply, query)


def _years_held(session: Session, query: Query, agency: AgencyCandidate) -> Answer:
    held = queries.years_held(session, agency.agency_id)
    if not held:
        return _say(AnswerOutcome.NO_REPORT, R.YEARS_NONE.format(agency=agency.name), query=query)
    return _say(
        AnswerOutcome.LISTED, R.YEARS_HELD.format(agency=agency.name, years=_years_text(held)), query=query
    )
