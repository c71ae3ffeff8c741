"""Answers about one agency's reports: a figure, two figures of one report, its checks, when
it was published. Each number comes with where it was read; a blank is never a 0."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import tzinfo

from sqlalchemy.orm import Session

from bot.core.answer_format import (
    Answer,
    AnswerOutcome,
    Reply,
    fmt_number,
    pct,
    reply_answer,
    say,
    short,
    with_unit,
    years_text,
)
from bot.core.metrics import Metric, resolve, table, unit_of
from bot.core.questions import Query, QueryKind
from bot.core.replies import answers as R
from parsing.model import CheckStatus
from parsing.schema import FACTS, cell_keys, cell_label
from storage import queries
from storage.queries import AgencyCandidate, ReportInfo, StoredValue, ValueKind


@dataclass(frozen=True)
class Found:
    """The figure of a metric in one report, or why there is none."""

    outcome: AnswerOutcome
    value: float | None = None
    unit: str = ""
    sources: tuple[StoredValue, ...] = ()
    summed: bool = False
    stated_parts: tuple[StoredValue, ...] = ()
    blank_parts: tuple[StoredValue, ...] = ()

    @property
    def number(self) -> float | None:
        return self.value if self.outcome is AnswerOutcome.ANSWERED else None


def _unit(v: StoredValue, metric: Metric) -> str:
    return v.unit or unit_of(v.key, metric.unit)


def find(session: Session, report: ReportInfo, metric: Metric) -> Found:
    return found_in(queries.report_values(session, report.id, metric.all_keys), metric)


def find_many(session: Session, reports: list[ReportInfo], metric: Metric) -> dict[int, Found]:
    """Report id -> the figure, for several reports in two queries."""
    values = queries.reports_values(session, [r.id for r in reports], metric.all_keys)
    return {rid: found_in(vals, metric) for rid, vals in values.items()}


def found_in(vals: dict[str, StoredValue], metric: Metric) -> Found:
    """The figure of a metric among one report's stored values, or why there is none."""
    if metric.sum_of:
        present = [vals[k] for k in metric.sum_of if k in vals]
        if present and len(present) == len(metric.sum_of):
            blanks = tuple(v for v in present if v.value is None)
            if not blanks:
                total = sum(v.value or 0.0 for v in present)
                return Found(AnswerOutcome.ANSWERED, total, metric.unit, tuple(present), summed=True)
            if not any(vals.get(k) and vals[k].value is not None for k in metric.keys):
                return Found(
                    AnswerOutcome.BLANK, unit=metric.unit, sources=tuple(present), blank_parts=blanks
                )
    blank: StoredValue | None = None
    for key in metric.keys:
        v = vals.get(key)
        if v is None:
            continue
        if v.value is not None:
            return Found(AnswerOutcome.ANSWERED, v.value, _unit(v, metric), (v,))
        blank = blank or v
    if blank is not None:
        return Found(AnswerOutcome.BLANK, unit=metric.unit, sources=(blank,))
    stated = tuple(vals[k] for k in metric.parts if k in vals and vals[k].value is not None)
    return Found(AnswerOutcome.NOT_STATED, unit=metric.unit, stated_parts=stated)


def source_line(v: StoredValue) -> str:
    if v.kind == ValueKind.FACT and v.source:
        return R.SOURCE_FACT.format(sentence=short(v.source))
    line = R.SOURCE_CELL.format(label=cell_label(v.key))
    return line + (R.SOURCE_PAGE.format(page=v.page) if v.page else "")


def _part_text(v: StoredValue, metric: Metric) -> str:
    label = R.PART_LABELS.get(v.key) or (FACTS[v.key][0] if v.key in FACTS else cell_label(v.key))
    shown = R.COMPARE_BLANK if v.value is None else with_unit(v.value, _unit(v, metric))
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


def shown(found: Found) -> str:
    """The figure as a table cell: a number, or why there is none (never 0 for a blank)."""
    if found.number is not None:
        return with_unit(found.number, found.unit)
    return R.COMPARE_BLANK if found.outcome is AnswerOutcome.BLANK else R.COMPARE_NOT_STATED


def value_lines(report: ReportInfo, metric: Metric, found: Found) -> tuple[AnswerOutcome, list[str]]:
    outcome, lines = _value_lines(report, metric, found)
    if report.ocr is not None and found.sources:
        lines.append(ocr_note(report.ocr, [v.key for v in found.sources]))
    return outcome, lines


def ocr_note(ocr: dict[str, object], keys: list[str]) -> str:
    """A figure from a scan or photo says so, with how sure the recogniser was."""
    scores = ocr.get("confidence")
    known = [scores[k] for k in keys if isinstance(scores, dict) and isinstance(scores.get(k), int | float)]
    if not known:
        return R.FROM_OCR
    return R.FROM_OCR_CONFIDENCE.format(confidence=min(known))


def _value_lines(report: ReportInfo, metric: Metric, found: Found) -> tuple[AnswerOutcome, list[str]]:
    who = {"agency": report.agency_name, "year": report.year, "label": metric.label}
    if found.outcome is AnswerOutcome.ANSWERED and found.value is not None:
        if found.summed:
            expr = "+".join(fmt_number(v.value or 0.0) for v in found.sources)
            head = R.VALUE_SUM.format(
                **who, value=with_unit(found.value, found.unit), n=len(found.sources), expr=expr
            )
            first, last = cell_label(found.sources[0].key), cell_label(found.sources[-1].key)
            return found.outcome, [head, R.SOURCE_RANGE.format(first=first, last=last)]
        head = R.VALUE.format(**who, value=with_unit(found.value, found.unit))
        return found.outcome, [head, source_line(found.sources[0])]
    if found.outcome is AnswerOutcome.BLANK:
        if found.blank_parts:
            parts = "、".join(_part_text(v, metric) for v in found.sources)
            blank = "、".join(cell_label(v.key) for v in found.blank_parts)
            return found.outcome, [R.SUM_PART_BLANK.format(**who, blank=blank, parts=parts)]
        return found.outcome, [R.BLANK.format(**who), source_line(found.sources[0])]
    lines = [R.NOT_STATED.format(**who)]
    if not _in_template(report, metric):
        lines.append(R.NOT_IN_TEMPLATE.format(template=report.template, label=metric.label))
    if found.stated_parts:
        parts = "、".join(_part_text(v, metric) for v in found.stated_parts)
        lines.append(R.NOT_STATED_PARTS.format(parts=parts))
        lines.extend(dict.fromkeys(source_line(v) for v in found.stated_parts if v.kind == ValueKind.FACT))
    return AnswerOutcome.NOT_STATED, lines


def checks_lines(session: Session, report: ReportInfo, *, always: bool = False) -> list[str]:
    """Failed rules, and (when asked, or something failed) the rules that could not be checked.
    全部通过 only when every rule was checked and passed."""
    states = queries.check_states(session, report.id)
    failed = [c for c in states if c.status == CheckStatus.FAIL]
    unknown = [c for c in states if c.status not in (CheckStatus.PASS, CheckStatus.FAIL)]
    lines: list[str] = []
    if failed:
        rules = "；".join(dict.fromkeys(R.RULES.get(c.rule, c.rule) for c in failed))
        lines.append(R.CHECKS_FAILED.format(count=len(failed), rules=rules))
    if unknown and (always or failed):
        why = "；".join(
            f"{R.RULES_NAMED.get(c.rule, c.rule)}（{c.detail}）"
            if c.detail
            else R.RULES_NAMED.get(c.rule, c.rule)
            for c in unknown
        )
        lines.append(R.CHECKS_UNKNOWN.format(count=len(unknown), rules=why))
    if always and not failed and not unknown:
        lines.append(
            R.FAILED_NONE_ONE.format(agency=report.agency_name, year=report.year)
            if states
            else R.CHECKS_NONE_STORED.format(agency=report.agency_name, year=report.year)
        )
    elif always and not failed:
        lines.insert(
            0,
            R.CHECKS_PASSED_SOME.format(
                agency=report.agency_name, year=report.year, passed=len(states) - len(unknown)
            ),
        )
    return lines


def no_report(session: Session, query: Query, agency: AgencyCandidate, year: int) -> Answer:
    held = queries.years_held(session, agency.agency_id)
    lines = [R.NO_REPORT.format(agency=agency.name, year=year)]
    if held:
        lines.append(R.HELD_YEARS.format(years=years_text(held)))
    return say(AnswerOutcome.NO_REPORT, *lines, query=query)


def report_for(session: Session, query: Query, agency: AgencyCandidate) -> ReportInfo | Answer:
    """The current report of the year asked, or of the latest year held (with a note)."""
    if query.years:
        year = query.years[-1]
    else:
        latest = queries.latest_year(session, agency.agency_id)
        if latest is None:
            return say(AnswerOutcome.NO_REPORT, R.NO_REPORTS_AT_ALL.format(agency=agency.name), query=query)
        year = latest
    report = queries.current_report(session, agency.agency_id, year)
    return report if report is not None else no_report(session, query, agency, year)


def _latest_note(query: Query, report: ReportInfo) -> list[str]:
    return [] if query.years else [R.LATEST_YEAR_USED.format(year=report.year)]


def value(session: Session, query: Query, agency: AgencyCandidate) -> Answer:
    assert query.metric is not None
    report = report_for(session, query, agency)
    if isinstance(report, Answer):
        return report
    outcome, lines = value_lines(report, query.metric, find(session, report, query.metric))
    lines += _latest_note(query, report)
    lines += checks_lines(session, report)
    return say(outcome, *lines, query=query)


# Default base of a share: the total the item is part of.
_SHARE_BASE = {
    "t3.granted": "t3.handled_total",
    "t3.partial": "t3.handled_total",
    "t3.denied": "t3.handled_total",
    "t3.unable": "t3.handled_total",
    "t3.rejected": "t3.handled_total",
    "t3.other": "t3.handled_total",
}


def _share_base(metric: Metric) -> Metric | None:
    keys = metric.keys or metric.sum_of
    first = keys[0] if keys else ""
    parts = first.split(".")
    metrics = table()
    by_id = metrics.by_id
    if first.startswith("t3.") and parts[2] != "total":
        return resolve(by_id["t3." + parts[1]] if ("t3." + parts[1]) in by_id else by_id["t3.new"], "total")
    if first.startswith("t4.") and parts[2] != "total":
        return resolve(by_id["t4." + parts[1]], None) if ("t4." + parts[1]) in by_id else None
    # A channel's figure is a share of the total it refines (网站 of 主动公开).
    base = _SHARE_BASE.get(metric.id) or (metrics.refines.get(metric.id) if metric.id in FACTS else None) or (
        "t3.handled_total"
        if metric.id.startswith(("t3.denied_", "t3.unable_", "t3.rejected_", "t3.other_"))
        else None
    )
    return resolve(by_id[base]) if base in by_id else None


def two_items(session: Session, query: Query, agency: AgencyCandidate) -> Answer:
    """予以公开比部分公开多几件 (ITEM_DIFF) / 予以公开占比 (ITEM_SHARE) in one report."""
    first = query.metric
    assert first is not None
    second = query.other if query.other is not None else _share_base(first)
    if second is None:
        return say(AnswerOutcome.NOT_UNDERSTOOD, R.SHARE_NO_BASE.format(label=first.label), query=query)
    report = report_for(session, query, agency)
    if isinstance(report, Answer):
        return report
    a, b = find(session, report, first), find(session, report, second)
    who = {"agency": report.agency_name, "year": report.year, "a": first.label, "b": second.label}
    lines = [R.TWO_ITEMS.format(**who, va=shown(a), vb=shown(b))]
    if a.number is None or b.number is None:
        missing = "、".join(m.label for m, f in ((first, a), (second, b)) if f.number is None)
        lines.append(R.TWO_ITEMS_MISSING.format(missing=missing))
        outcome = AnswerOutcome.NOT_STATED
    elif query.other is not None and query.kind is QueryKind.ITEM_DIFF:
        delta = a.number - b.number
        lines.append(
            R.ITEM_DIFF.format(
                **who, delta=with_unit(abs(delta), a.unit), more=R.MORE if delta >= 0 else R.LESS
            )
        )
        outcome = AnswerOutcome.DIFFERENCE
    elif b.number == 0:
        lines.append(R.SHARE_ZERO_BASE.format(**who))
        outcome = AnswerOutcome.NOT_STATED
    else:
        lines.append(R.SHARE.format(**who, pct=pct(a.number, b.number)))
        outcome = AnswerOutcome.SHARE
    for f in (a, b):
        if f.sources and not f.summed:
            lines.append(source_line(f.sources[0]))
    lines += _latest_note(query, report)
    return say(outcome, *lines, query=query)


def failed_one(session: Session, query: Query, agency: AgencyCandidate) -> Answer:
    report = report_for(session, query, agency)
    if isinstance(report, Answer):
        return report
    lines = checks_lines(session, report, always=True) + _latest_note(query, report)
    return say(AnswerOutcome.LISTED, *lines, query=query)


def published(session: Session, query: Query, agency: AgencyCandidate, tz: tzinfo) -> Answer:
    report = report_for(session, query, agency)
    if isinstance(report, Answer):
        return report
    versions = queries.report_versions(session, agency.agency_id, report.year)
    who = {"agency": report.agency_name, "year": report.year}
    head = (
        R.PUBLISHED_ON.format(**who, date=report.published_on.isoformat())
        if report.published_on
        else R.PUBLISHED_UNKNOWN.format(**who)
    )
    reply = Reply().line(head)
    current = next((v for v in versions if v.is_current), None)
    if len(versions) > 1 and current is not None:
        reply.line(R.VERSIONS_HEAD.format(count=len(versions), current=current.version))
        rows = [
            [
                f"v{v.version}",
                v.published_on.isoformat() if v.published_on else R.COMPARE_NOT_STATED,
                v.received_at.astimezone(tz).strftime("%Y-%m-%d"),
                R.CURRENT if v.is_current else R.OLD,
            ]
            for v in versions
        ]
        reply.table([R.HEADER_VERSION, R.HEADER_PUBLISHED, R.HEADER_RECEIVED, R.HEADER_STATE], rows)
    elif current is not None:
        reply.line(R.ONE_VERSION.format(received=current.received_at.astimezone(tz).strftime("%Y-%m-%d")))
    for line in _latest_note(query, report):
        reply.line(line)
    return reply_answer(AnswerOutcome.PUBLISHED, reply, query)
