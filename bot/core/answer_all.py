"""Answers over every stored report of a year: ranking, sum, count, failed checks; and who
has not reported (the reminders' registry)."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date, datetime, time, timedelta, tzinfo

from sqlalchemy.orm import Session

from bot.core.answer_format import Answer, AnswerOutcome, Reply, reply_answer, say, with_unit, years_text
from bot.core.chart_data import ChartData, ChartKind
from bot.core.deadlines import Deadline, format_day, resolve
from bot.core.metrics import Metric, unit_of
from bot.core.questions import Query
from bot.core.replies import answers as R
from bot.core.services import Services
from storage import queries, registry
from storage.registry import ReceivedReport, Reporter

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


def _held_year(session: Session, query: Query) -> tuple[int, int, str | None] | Answer:
    """(year, reports of that year, the note when the latest year was taken), or the answer
    that no report of the year asked is held."""
    year, note = _year_for_all(session, query)
    if year is None or (reports := queries.count_reports(session, year)) == 0:
        return _no_year(session, query, year)
    return year, reports, note


def _no_numbers(query: Query, year: int, reports: int, label: str) -> Answer:
    return say(AnswerOutcome.NO_DATA, R.NO_NUMBERS.format(year=year, reports=reports, label=label), query=query)


def _metric_unit(metric: Metric) -> str:
    first = (*metric.keys, *metric.sum_of)[0] if (metric.keys or metric.sum_of) else ""
    return metric.unit if metric.sum_of else unit_of(first, metric.unit)


def rank(session: Session, query: Query) -> Answer:
    metric = query.metric
    assert metric is not None
    if isinstance(held := _held_year(session, query), Answer):
        return held
    year, _, note = held
    top, summary = queries.year_top(
        session, year, metric.keys, metric.sum_of, limit=query.limit, descending=query.descending
    )
    if not top:
        return _no_numbers(query, year, summary.reports, metric.label)
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
    chart = ChartData(ChartKind.RANKING, metric.label, unit, tuple(top), year=year)
    return reply_answer(AnswerOutcome.RANKED, reply, query, chart=chart)


def sum_all(session: Session, query: Query) -> Answer:
    metric = query.metric
    assert metric is not None
    if isinstance(held := _held_year(session, query), Answer):
        return held
    year, _, note = held
    summary = queries.year_summary(session, year, metric.keys, metric.sum_of)
    if not summary.with_number:
        return _no_numbers(query, year, summary.reports, metric.label)
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


# A reply lists this many agencies at most, then says how many more there are.
MAX_LISTED = 20


def failed(session: Session, query: Query) -> Answer:
    """Reports of a year whose 勾稽关系 fail; 全部通过 only when every rule of every report was
    checked, otherwise the rules that could not be, with how many reports."""
    if isinstance(held := _held_year(session, query), Answer):
        return held
    year, reports, note = held
    count, failed_reports = queries.failing_reports(session, year, limit=MAX_LISTED)
    unchecked = queries.unchecked_reports(session, year)
    reply = Reply()
    if not failed_reports:
        head = R.FAILED_NONE if not unchecked else R.FAILED_NONE_SOME_UNCHECKED
        reply.line(head.format(year=year, reports=reports))
    else:
        reply.line(R.FAILED_HEAD.format(year=year, count=count, reports=reports))
        rows = [[f.agency_name, "；".join(R.RULES.get(r, r) for r in f.rules)] for f in failed_reports]
        reply.table([R.HEADER_AGENCY, R.HEADER_RULES], rows)
        if count > len(failed_reports):
            reply.line(R.MORE_AGENCIES.format(count=count - len(failed_reports)))
    if unchecked:
        rules = "；".join(
            R.UNCHECKED_RULE.format(rule=R.RULES_NAMED.get(r, r), n=n) for r, n in unchecked.items()
        )
        reply.line(R.UNCHECKED_HEAD.format(rules=rules))
    if note:
        reply.line(note)
    return reply_answer(AnswerOutcome.LISTED, reply, query)



def missing(services: Services, query: Query, now: datetime, agency_ids: frozenset[int] | None) -> Answer:
    """Who has not reported (or reported late) on a year, from the registry of expected reporters.

    The database narrows the registry to the reporters without a report and those that may be
    late; only those get their deadline resolved (local rules, 1 January or 31 March)."""
    from bot.core.reminders import Schedule, Snapshot, region_status, season_year

    schedule = Schedule.from_settings(services.settings)
    now = now.astimezone(schedule.tz)
    year = query.years[-1] if query.years else season_year(now)
    label = query.region or R.ALL_REGIONS
    with services.sessions() as session:
        rules = registry.deadline_rules(session)
        if agency_ids is None and query.region:
            # A region the stored names do not spell (山东省): the registry's own region match.
            reporters = registry.reporters(session)
            snap = Snapshot(reporters, [], rules, registry.received_reports(session, [year]), [], {}, {})
            status = region_status(snap, query.region, year, now, schedule.tz)
            return _missing_reply(query, label, year, now, schedule.tz, len(status.expected), status.received,
                                  status.missing, status.pending, status.late)  # fmt: skip
        first = min(
            [date(year + 1, r.month, r.day) for r in rules if 1 <= r.month <= 12] + [date(year + 1, 1, 31)]
        )
        since = datetime.combine(first, time(0), schedule.tz) + timedelta(days=1)
        reg = queries.registry_year(
            session,
            year,
            since=since,
            first_deadline=first,
            agency_ids=sorted(agency_ids) if agency_ids else None,
        )
    if reg.expected == 0:
        return say(AnswerOutcome.NO_DATA, R.MISSING_NONE_EXPECTED.format(region=label), query=query)
    today = now.date()
    overdue: list[tuple[Reporter, Deadline]] = []
    pending: list[tuple[Reporter, Deadline]] = []
    for reporter in reg.without_report:
        deadline = resolve(reporter, year, rules)
        (overdue if deadline.day < today else pending).append((reporter, deadline))
    late = []
    ends: dict[date, datetime] = {}  # deadline day -> its end in local time (no per-row zone math)
    for reporter, got in reg.maybe_late:
        deadline = resolve(reporter, year, rules)
        end = ends.setdefault(
            deadline.day, datetime.combine(deadline.day + timedelta(days=1), time(0), schedule.tz)
        )
        dated_late = got.published_on is not None and got.published_on > deadline.day
        if got.received_at >= end or dated_late:
            late.append((reporter, deadline, got))
    return _missing_reply(
        query, label, year, now, schedule.tz, reg.expected, reg.received, overdue, pending, late
    )


def _missing_reply(
    query: Query,
    label: str,
    year: int,
    now: datetime,
    tz: tzinfo,
    expected: int,
    received: int,
    overdue: Sequence[tuple[Reporter, Deadline]],
    pending: Sequence[tuple[Reporter, Deadline]],
    late: Sequence[tuple[Reporter, Deadline, ReceivedReport]],
) -> Answer:
    if expected == 0:
        return say(AnswerOutcome.NO_DATA, R.MISSING_NONE_EXPECTED.format(region=label), query=query)
    today = now.date()
    reply = Reply().line(R.MISSING_HEAD.format(region=label, year=year, today=format_day(today)))
    reply.line(
        R.MISSING_COUNTS.format(
            expected=expected, received=received, missing=len(overdue), pending=len(pending), late=len(late)
        )
    )
    if overdue and not query.late:
        rows = [
            [r.name, format_day(d.day), R.OVERDUE_DAYS.format(days=(today - d.day).days)]
            for r, d in overdue[:MAX_LISTED]
        ]
        _listed(reply, [R.HEADER_AGENCY, R.HEADER_DEADLINE, R.HEADER_STATE], rows, len(overdue))
    if late:
        reply.line(R.LATE_HEAD)
        rows = [
            [r.name, format_day(d.day), format_day(g.received_at.astimezone(tz).date())]
            for r, d, g in late[:MAX_LISTED]
        ]
        _listed(reply, [R.HEADER_AGENCY, R.HEADER_DEADLINE, R.HEADER_RECEIVED], rows, len(late))
    if not overdue and not late:
        reply.line(R.MISSING_ALL_IN.format(region=label, year=year, expected=expected - len(pending)))
    return reply_answer(AnswerOutcome.MISSING_LIST, reply, query)


def _listed(reply: Reply, headers: list[str], rows: list[list[str]], total: int) -> None:
    reply.table(headers, rows)
    if total > len(rows):
        reply.line(R.MORE_AGENCIES.format(count=total - len(rows)))
