"""One figure of one agency across years: 比上一年 / 同比 / 2023年比2021年 / 近三年 / 历年."""

from __future__ import annotations

from sqlalchemy.orm import Session

from bot.core.answer_format import (
    Answer,
    AnswerOutcome,
    Reply,
    fmt_number,
    reply_answer,
    say,
    signed_pct,
    with_unit,
)
from bot.core.answer_report import find_many, no_report, shown, source_line
from bot.core.chart_data import ChartData, ChartKind
from bot.core.questions import Query
from bot.core.replies import answers as R
from storage import queries
from storage.queries import AgencyCandidate


def compare_years_of(session: Session, query: Query, agency_id: int) -> list[int]:
    held = queries.years_held(session, agency_id)
    if len(query.years) >= 2:
        return list(query.years)
    if len(query.years) == 1:
        return [query.years[0] - 1, query.years[0]]
    if query.all_years:
        return held
    if query.previous and held:
        return [held[-1] - 1, held[-1]]
    return held[-(query.recent or 2) :]


def change_line(frm: int, to: int, a: float, b: float, unit: str) -> str:
    delta = b - a
    if delta == 0:
        return R.COMPARE_SAME.format(frm=frm, to=to)
    rate = signed_pct(delta, a)
    pct_text = rate if rate is not None else R.BASE_ZERO
    template = R.COMPARE_UP if delta > 0 else R.COMPARE_DOWN
    return template.format(frm=frm, to=to, delta=fmt_number(abs(delta)), unit=unit, pct=pct_text)


def compare(session: Session, query: Query, agency: AgencyCandidate) -> Answer:
    metric = query.metric
    assert metric is not None
    years = compare_years_of(session, query, agency.agency_id)
    if not years:
        return say(AnswerOutcome.NO_REPORT, R.NO_REPORTS_AT_ALL.format(agency=agency.name), query=query)
    if len(years) == 1:
        return say(
            AnswerOutcome.NO_REPORT, R.COMPARE_ONE_YEAR.format(agency=agency.name, year=years[0]), query=query
        )
    rows: list[list[str]] = []
    numbers: list[tuple[int, float, str]] = []
    sources: list[str] = []
    reports = queries.current_reports(session, [agency.agency_id], years)
    figures = find_many(session, list(reports.values()), metric)
    any_report = bool(reports)
    for year in years:
        report = reports.get((agency.agency_id, year))
        if report is None:
            rows.append([f"{year}年", R.COMPARE_NO_REPORT])
            continue
        found = figures[report.id]
        rows.append([f"{year}年", shown(found)])
        if found.number is not None:
            numbers.append((year, found.number, found.unit))
            if not found.summed:
                sources.append(f"{year}年" + source_line(found.sources[0]))
    if not any_report:
        return no_report(session, query, agency, years[-1])
    reply = Reply().line(R.COMPARE_HEAD.format(agency=agency.name, label=metric.label))
    reply.table([R.HEADER_YEAR, R.HEADER_VALUE], rows)
    if len(numbers) >= 2:
        (frm, a, unit), (to, b, _) = numbers[0], numbers[-1]
        if (frm, to) != (years[0], years[-1]):
            reply.line(R.COMPARE_ONLY_HELD.format(frm=frm, to=to))
        reply.line(change_line(frm, to, a, b, unit))
        if len(numbers) > 2:
            high = max(numbers, key=lambda n: n[1])
            low = min(numbers, key=lambda n: n[1])
            reply.line(
                R.TREND_RANGE.format(
                    high=high[0], hv=with_unit(high[1], unit), low=low[0], lv=with_unit(low[1], unit)
                )
            )
    else:
        reply.line(R.COMPARE_NO_CHANGE)
    for line in sources:
        reply.line(line)
    chart = None
    if len(numbers) >= 2:
        points = tuple((str(year), value) for year, value, _ in numbers)
        chart = ChartData(ChartKind.TREND, metric.label, numbers[0][2], points, agency=agency.name)
    return reply_answer(AnswerOutcome.COMPARED, reply, query, chart=chart)
