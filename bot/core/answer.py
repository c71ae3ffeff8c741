"""Question -> Answer with its source. One function serves the chat, the CLI and the tests.

The answer either quotes a stored figure with where it was read, or says plainly that the
data does not answer the question. It never fills a gap with a guess or a silent sum.
"""

from __future__ import annotations

import logging
from dataclasses import replace
from datetime import UTC, datetime

from sqlalchemy.orm import Session

from bot.core import answer_agencies, answer_all, answer_report, answer_years
from bot.core.answer_format import (
    ANSWERED,
    BUDGET,
    TELEGRAM_LIMIT,
    Answer,
    AnswerOutcome,
    Reply,
    fmt_number,
    reply_answer,
    say,
)
from bot.core.entities import AgencyRef, Lexicon
from bot.core.questions import Query, QueryKind, parse_question
from bot.core.replies import answers as R
from bot.core.services import Services
from storage import queries
from storage.queries import AgencyCandidate

__all__ = [
    "ANSWERED",
    "BUDGET",
    "TELEGRAM_LIMIT",
    "Answer",
    "AnswerOutcome",
    "Reply",
    "answer_query",
    "answer_question",
    "fmt_number",
]

log = logging.getLogger(__name__)

_ONE_AGENCY = {
    QueryKind.VALUE,
    QueryKind.COMPARE_YEARS,
    QueryKind.ITEM_DIFF,
    QueryKind.ITEM_SHARE,
    QueryKind.PUBLISHED,
    QueryKind.LIST_FAILED_CHECKS,
    QueryKind.YEARS_HELD,
}
_SEVERAL = {QueryKind.EACH, QueryKind.SUM_AGENCIES, QueryKind.DIFF_AGENCIES, QueryKind.RANK_AGENCIES}


# The Lexicon of the stored names, kept while storage hands out the same (cached) maps: its longest
# name is worked out once, not over every stored name for every question (issue 14).
_LEXICON: tuple[object, Lexicon] | None = None


def _lexicon(session: Session) -> Lexicon:
    global _LEXICON
    names, places = queries.agency_lexicon(session)
    cached = _LEXICON
    if cached is not None and cached[0] is names:
        return cached[1]
    lexicon = Lexicon(names, places)
    _LEXICON = (names, lexicon)
    return lexicon


def answer_question(services: Services, text: str, *, now: datetime | None = None) -> Answer:
    """Answer one Chinese question from the stored reports."""
    tz = services.settings.tz
    now = (now or datetime.now(UTC)).astimezone(tz)
    if not text or not text.strip():
        return say(AnswerOutcome.NOT_UNDERSTOOD, R.EMPTY)
    query = None
    try:
        with services.sessions() as session:
            query = parse_question(text, now=now, lexicon=_lexicon(session))
            if query is None:
                return _help()
            if query.kind is QueryKind.MISSING:
                return _missing(services, session, query, now)
            return answer_query(session, query, now=now)
    except Exception:  # the user gets a sentence, the log gets the traceback
        log.exception("answering %r failed", text)
        return say(AnswerOutcome.ERROR, R.ERROR, query=query)


def _help() -> Answer:
    return say(AnswerOutcome.NOT_UNDERSTOOD, R.NOT_UNDERSTOOD, *(f"· {e}" for e in R.EXAMPLES), R.TOPICS)


def _no_metric(query: Query) -> Answer:
    """Who and when were understood, not what: say so, and how to ask."""
    who = "、".join(r.typed for r in query.agencies)
    when = "、".join(f"{y}年" for y in query.years)
    example = f"{query.agencies[0].typed}{query.years[-1] if query.years else ''}{R.NO_METRIC_EXAMPLE}"
    return say(
        AnswerOutcome.NOT_UNDERSTOOD,
        R.NO_METRIC.format(who=who, when=when),
        R.ASK_LIKE.format(example=example),
        R.TOPICS,
        query=query,
    )


def answer_query(session: Session, query: Query, *, now: datetime) -> Answer:
    if query.kind is QueryKind.COUNT_REPORTS:
        return answer_all.count(session, query)
    if query.kind is QueryKind.RANK:
        return answer_all.rank(session, query)
    if query.kind is QueryKind.SUM:
        return answer_all.sum_all(session, query)
    if query.kind is QueryKind.LIST_FAILED_CHECKS and not query.agencies:
        return answer_all.failed(session, query)
    if not query.agencies:
        return _help()
    if query.kind is QueryKind.NO_METRIC:
        return _no_metric(query)
    resolved: list[list[AgencyCandidate]] = []
    for ref in query.agencies:
        got = _resolve(session, query, ref)
        if isinstance(got, Answer):
            return got
        resolved.append(got)
    place = next(
        (r.typed for r, got in zip(query.agencies, resolved, strict=True) if r.place and len(got) > 1), ""
    )
    agencies = list({a.agency_id: a for group in resolved for a in group}.values())
    if query.kind in _SEVERAL or (query.kind is QueryKind.VALUE and len(agencies) > 1):
        kind = query.kind if query.kind in _SEVERAL else QueryKind.EACH
        answer = answer_agencies.several(session, replace(query, kind=kind), agencies, place=place)
        if place:  # a place alone: each agency's figure, and a button per agency to go on with
            return replace(
                answer,
                choices=[a.name for a in agencies],
                choice_questions=[_rewrite(query, query.agencies[0], a.name) for a in agencies],
            )
        return answer
    if len(agencies) > 1:
        return _ambiguous(query, query.agencies[0], [a.name for a in agencies])
    return _one(session, query, agencies[0], now)


def _one(session: Session, query: Query, agency: AgencyCandidate, now: datetime) -> Answer:
    if query.kind is QueryKind.YEARS_HELD:
        return _years_held(session, query, agency)
    if query.kind is QueryKind.LIST_FAILED_CHECKS:
        return answer_report.failed_one(session, query, agency)
    if query.kind is QueryKind.PUBLISHED:
        return answer_report.published(session, query, agency, now.tzinfo or UTC)
    if query.kind is QueryKind.COMPARE_YEARS:
        return answer_years.compare(session, query, agency)
    if query.kind in (QueryKind.ITEM_DIFF, QueryKind.ITEM_SHARE):
        return answer_report.two_items(session, query, agency)
    return answer_report.value(session, query, agency)


def _rewrite(query: Query, ref: AgencyRef, full_name: str) -> str:
    """The question again with one agency written out in full (for the choice buttons)."""
    if ref.typed and ref.typed in query.text:
        return query.text.replace(ref.typed, full_name, 1)
    return f"{full_name}{query.text}"


def _ambiguous(query: Query, ref: AgencyRef, names: list[str]) -> Answer:
    reply = Reply().line(R.AMBIGUOUS.format(typed=ref.typed))
    questions = [_rewrite(query, ref, n) for n in names]
    return reply_answer(
        AnswerOutcome.AMBIGUOUS_AGENCY, reply, query, choices=names, choice_questions=questions
    )


def _resolve(session: Session, query: Query, ref: AgencyRef) -> list[AgencyCandidate] | Answer:
    if ref.ids:
        names = queries.agency_names(session, ref.ids)
        found = [AgencyCandidate(i, names[i], 100.0) for i in ref.ids if i in names]
        if ref.place or len(found) == 1:
            return found
        return _ambiguous(query, ref, sorted(c.name for c in found))
    match = queries.find_agencies(session, ref.typed)
    if match.unique is not None:
        return [match.unique]
    if match.kind != queries.MatchKind.NONE and match.candidates:
        return _ambiguous(query, ref, [c.name for c in match.candidates])
    if not queries.years_with_reports(session):
        return say(AnswerOutcome.NO_DATA, R.NO_DATA, query=query)
    lines = [R.UNKNOWN_AGENCY.format(typed=ref.typed)]
    if match.candidates:
        lines.append(R.CLOSE_AGENCIES.format(names="、".join(c.name for c in match.candidates)))
    return say(AnswerOutcome.UNKNOWN_AGENCY, *lines, query=query)


def _missing(services: Services, session: Session, query: Query, now: datetime) -> Answer:
    ids: frozenset[int] | None = None
    if query.agencies and all(r.ids for r in query.agencies):
        ids = frozenset(i for r in query.agencies for i in r.ids)
    return answer_all.missing(services, query, now, ids)


def _years_held(session: Session, query: Query, agency: AgencyCandidate) -> Answer:
    held = queries.years_held(session, agency.agency_id)
    if not held:
        return say(AnswerOutcome.NO_REPORT, R.YEARS_NONE.format(agency=agency.name), query=query)
    return say(
        AnswerOutcome.LISTED,
        R.YEARS_HELD.format(agency=agency.name, years="、".join(f"{y}年" for y in held)),
        query=query,
    )
