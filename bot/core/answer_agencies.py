"""One figure of several named agencies (or every agency of a place): side by side, summed,
the difference of two, or ranked. Agencies without the figure are named, never counted as 0."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from sqlalchemy.orm import Session

from bot.core.answer_format import Answer, AnswerOutcome, Reply, reply_answer, say, with_unit
from bot.core.answer_report import Found, find_many, shown
from bot.core.chart_data import ChartData, ChartKind
from bot.core.questions import Query, QueryKind
from bot.core.replies import answers as R
from storage import queries
from storage.queries import AgencyCandidate


@dataclass(frozen=True)
class Row:
    agency: AgencyCandidate
    year: int | None
    found: Found | None  # None: no report of that year


def _year(session: Session, query: Query, agencies: Sequence[AgencyCandidate]) -> tuple[int | None, bool]:
    """The year asked, or the latest year any of them holds (noted in the answer)."""
    if query.years:
        return query.years[-1], False
    latest = queries.latest_year_of(session, [a.agency_id for a in agencies])
    return (latest, True) if latest is not None else (None, False)


def _rows(session: Session, query: Query, agencies: Sequence[AgencyCandidate], year: int) -> list[Row]:
    assert query.metric is not None
    reports = queries.current_reports(session, [a.agency_id for a in agencies], [year])
    found = find_many(session, list(reports.values()), query.metric)
    rows = []
    for agency in agencies:
        report = reports.get((agency.agency_id, year))
        rows.append(Row(agency, year, None if report is None else found[report.id]))
    return rows


def _number(row: Row) -> float:
    return row.found.number or 0.0 if row.found is not None else 0.0


def _cell(row: Row) -> str:
    return R.COMPARE_NO_REPORT if row.found is None else shown(row.found)


def _without(rows: Sequence[Row]) -> list[str]:
    return [r.agency.name for r in rows if r.found is None or r.found.number is None]


def several(session: Session, query: Query, agencies: Sequence[AgencyCandidate], place: str = "") -> Answer:
    metric = query.metric
    assert metric is not None
    year, latest = _year(session, query, agencies)
    if year is None:
        names = "、".join(a.name for a in agencies)
        return say(AnswerOutcome.NO_REPORT, R.NO_REPORTS_AT_ALL.format(agency=names), query=query)
    rows = _rows(session, query, agencies, year)
    with_number = [r for r in rows if r.found is not None and r.found.number is not None]
    unit = with_number[0].found.unit if with_number and with_number[0].found else metric.unit
    missing = _without(rows)
    reply = Reply()
    chart: ChartData | None = None
    if place:
        reply.line(R.PLACE_AGENCIES.format(place=place, n=len(agencies)))
    kind = query.kind
    if kind is QueryKind.RANK_AGENCIES:
        sign = -1.0 if query.descending else 1.0
        order = sorted(with_number, key=lambda r: (sign * _number(r), r.agency.name))
        reply.line(R.RANK_NAMED_HEAD.format(year=year, label=metric.label, n=len(order)))
        table = [[str(i), r.agency.name, _cell(r)] for i, r in enumerate(order, 1)]
        reply.table([R.HEADER_RANK, R.HEADER_AGENCY, metric.label], table)
        if order:
            top = order[0]
            order_word = R.RANK_MOST if query.descending else R.RANK_LEAST
            reply.line(R.RANK_TOP.format(order=order_word, agency=top.agency.name, value=_cell(top)))
        outcome = AnswerOutcome.RANKED if order else AnswerOutcome.NO_DATA
        if order:
            points = tuple((r.agency.name, _number(r)) for r in order)
            chart = ChartData(ChartKind.RANKING, metric.label, unit, points, year=year, scope=place)
    else:
        reply.line(R.EACH_HEAD.format(year=year, label=metric.label))
        reply.table([R.HEADER_AGENCY, metric.label], [[r.agency.name, _cell(r)] for r in rows])
        outcome = AnswerOutcome.EACH
        if kind is QueryKind.SUM_AGENCIES:
            total = sum(r.found.number or 0.0 for r in with_number if r.found)
            if with_number:
                reply.line(
                    R.SUM_NAMED.format(n=len(with_number), label=metric.label, value=with_unit(total, unit))
                )
                outcome = AnswerOutcome.SUMMED
            else:
                outcome = AnswerOutcome.NO_DATA
        elif len(rows) == 2 and not place and kind in (QueryKind.DIFF_AGENCIES, QueryKind.EACH):
            a, b = rows
            if a.found and b.found and a.found.number is not None and b.found.number is not None:
                delta = a.found.number - b.found.number
                more = R.MORE if delta >= 0 else R.LESS
                reply.line(
                    R.DIFF_NAMED.format(
                        a=a.agency.name, b=b.agency.name, more=more, delta=with_unit(abs(delta), unit)
                    )
                )
                outcome = AnswerOutcome.DIFFERENCE if kind is QueryKind.DIFF_AGENCIES else AnswerOutcome.EACH
            elif kind is QueryKind.DIFF_AGENCIES:
                outcome = AnswerOutcome.NOT_STATED
    if missing:
        left_out = {QueryKind.RANK_AGENCIES: R.LEFT_OUT_RANK, QueryKind.SUM_AGENCIES: R.LEFT_OUT_SUM}.get(
            kind, R.LEFT_OUT_EACH
        )
        reply.line(left_out.format(names="、".join(missing)))
    if latest:
        reply.line(R.LATEST_YEAR_USED.format(year=year))
    if outcome is AnswerOutcome.NO_DATA:
        return say(
            AnswerOutcome.NO_DATA,
            R.NO_NUMBERS_NAMED.format(year=year, label=metric.label, names="、".join(missing)),
            query=query,
        )
    return reply_answer(outcome, reply, query, chart=chart)
