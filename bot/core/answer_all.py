"""Answers over every stored report of a year: ranking, sum, count, failed checks; and who
has not reported (the reminders' registry)."""

from __future__ import annotations

from dataclasses import replace
from datetime import datetime

from sqlalchemy.orm import Session

from bot.core.answer_format import Answer, AnswerOutcome, Reply, reply_answer, say, with_unit, years_text
from bot.core.metrics import Metric, unit_of
from bot.core.questions import Query
from bot.core.replies import answers as R
from bot.core.services import Services
from storage import queries

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
        return say(AnswerOutcome.NO_DATA, R.NO_DATA, query=query)
    lines = [R.NO_YEAR_DATA.format(year=year)]
    held = queries.years_with_reports(session)
    if held:
        lines.append(R.HELD_YEARS.format(years=years_text(held)))
    return say(AnswerOutcome.NO_DATA, *lines, query=query)


def _metric_unit(metric: Metric) -> str:
    first = (*metric.keys, *metric.sum_of)[0] if (metric.keys or metric.sum_of) else ""
    return metric.unit if metric.sum_of else unit_of(first, metric.unit)


def rank(session: Session, query: Query) -> Answer:
    metric = query.metric
    assert metric is not None
    year, note = _year_for_all(session, query)
    if year is None or queries.count_reports(session, year) == 0:
        return _no_year(session, query, year)
    top, summary = queries.year_top(
        session, year, metric.keys, metric.sum_of, limit=query.limit, descending=query.descending
    )
    if not top:
        return say(
            AnswerOutcome.NO_DATA,
            R.NO_NUMBERS.format(year=year, reports=summary.reports, label=metric.label),
            query=query,
        )
    unit = _metric_unit(metric)
    order = R.RANK_MOST if query.descending else R.RANK_LEAST
    reply = Reply().line(
        R.RANK_HEAD.format(year=year, label=metric.label, order=order, n=len(top), reports=summary.reports)
    )
    rows, place, previous = [], 0, None
    for i, (name, value) in enumerate(top, start=1):
        if value != previous:
            place, previous = i, value
        rows.append([str(place), name, with_unit(value, unit)])
    reply.table([R.HEADER_RANK, R.HEADER_AGENCY, metric.label], rows)
    leaders = [name for name, value in top if value == top[0][1]]
    reply.line(R.RANK_TOP.format(order=order, agency="、".join(leaders), value=with_unit(top[0][1], unit)))
    if summary.blank or summary.missing:
        reply.line(R.RANK_LEFT_OUT.format(blank=summary.blank, missing=summary.missing))
    if note:
        reply.line(note)
    return reply_answer(AnswerOutcome.RANKED, reply, query)


def sum_all(session: Session, query: Query) -> Answer:
    metric = query.metric
    assert metric is not None
    year, note = _year_for_all(session, query)
    if year is None or queries.count_reports(session, year) == 0:
        return _no_year(session, query, year)
    summary = queries.year_summary(session, year, metric.keys, metric.sum_of)
    if not summary.with_number:
        return say(
            AnswerOutcome.NO_DATA,
            R.NO_NUMBERS.format(year=year, reports=summary.reports, label=metric.label),
            query=query,
        )
    lines = [
        R.SUM_RESULT.format(
            year=year,
            counted=summary.with_number,
            label=metric.label,
            value=with_unit(summary.total, _metric_unit(metric)),
            reports=summary.reports,
        )
    ]
    if summary.blank or summary.missing:
        lines.append(R.SUM_LEFT_OUT.format(blank=summary.blank, missing=summary.missing))
    if note:
        lines.append(note)
    return say(AnswerOutcome.SUMMED, *lines, query=query)


def count(session: Session, query: Query) -> Answer:
    if query.years:
        year = query.years[-1]
        count = queries.count_reports(session, year)
        if count == 0:
            return _no_year(session, query, year)
        return say(AnswerOutcome.COUNTED, R.COUNT_RESULT.format(year=year, count=count), query=query)
    held = queries.years_with_reports(session)
    if not held:
        return say(AnswerOutcome.NO_DATA, R.NO_DATA, query=query)
    reply = Reply().line(R.COUNT_ALL_HEAD)
    reply.table(
        [R.HEADER_YEAR, R.HEADER_COUNT], [[f"{y}年", str(queries.count_reports(session, y))] for y in held]
    )
    return reply_answer(AnswerOutcome.COUNTED, reply, query)


def failed(session: Session, query: Query) -> Answer:
    """Reports of a year whose 勾稽关系 fail; 全部通过 only when every rule of every report was
    checked, otherwise the rules that could not be, with how many reports."""
    year, note = _year_for_all(session, query)
    if year is None or (reports := queries.count_reports(session, year)) == 0:
        return _no_year(session, query, year)
    failed_reports = queries.failed_check_reports(session, year)
    unchecked = queries.unchecked_reports(session, year)
    reply = Reply()
    if not failed_reports:
        head = R.FAILED_NONE if not unchecked else R.FAILED_NONE_SOME_UNCHECKED
        reply.line(head.format(year=year, reports=reports))
    else:
        reply.line(R.FAILED_HEAD.format(year=year, count=len(failed_reports), reports=reports))
        rows = [[f.agency_name, "；".join(R.RULES.get(r, r) for r in f.rules)] for f in failed_reports]
        reply.table([R.HEADER_AGENCY, R.HEADER_RULES], rows)
    if unchecked:
        rules = "；".join(
            R.UNCHECKED_RULE.format(rule=R.RULES_NAMED.get(r, r), n=n) for r, n in unchecked.items()
        )
        reply.line(R.UNCHECKED_HEAD.format(rules=rules))
    if note:
        reply.line(note)
    return reply_answer(AnswerOutcome.LISTED, reply, query)


def missing(services: Services, query: Query, now: datetime, agency_ids: frozenset[int] | None) -> Answer:
    """Who has not reported (or reported late) on a year, from the registry of expected reporters."""
    from bot.core.reminders import (
        Schedule,
        digest_text,
        load_snapshot,
        region_status,
        report_years,
        season_year,
    )

    schedule = Schedule.from_settings(services.settings)
    now = now.astimezone(schedule.tz)
    year = query.years[-1] if query.years else season_year(now)
    snap = load_snapshot(services, sorted({year, *report_years(now)}))
    region = query.region
    if agency_ids is not None:
        snap = replace(snap, reporters=[r for r in snap.reporters if r.agency_id in agency_ids])
        region = ""
    status = region_status(snap, region, year, now, schedule.tz)
    label = query.region or R.ALL_REGIONS
    if not status.expected:
        return say(AnswerOutcome.NO_DATA, R.MISSING_NONE_EXPECTED.format(region=label), query=query)
    status = replace(status, region=label)
    if not status.missing and not status.late:
        due = len(status.expected) - len(status.pending)
        lines = [R.MISSING_ALL_IN.format(region=label, year=year, expected=due)]
        if status.pending:
            lines.append(R.MISSING_PENDING.format(n=len(status.pending)))
        return say(AnswerOutcome.MISSING_LIST, *lines, query=query)
    if query.late and not status.late:
        return say(AnswerOutcome.MISSING_LIST, R.NONE_LATE.format(region=label, year=year), query=query)
    return say(AnswerOutcome.MISSING_LIST, digest_text(status, now, schedule, next_at=None), query=query)
