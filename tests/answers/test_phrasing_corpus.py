"""Issue 13: the phrasing corpus (phrasing_corpus.tsv) — each line as typed, and again in
traditional characters, in voice-input style (嗯 那个 … 一下 呢) and with full-width digits and no
punctuation. Expected outcome and fragments as in the file; SQLite and PostgreSQL."""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

import pytest
from opencc import OpenCC

from bot.core.answer import AnswerOutcome, answer_question
from bot.core.services import Services
from tests.answers.data import NOW

CORPUS = Path(__file__).with_name("phrasing_corpus.tsv")
_S2T = OpenCC("s2t")
_FULL = str.maketrans("0123456789", "０１２３４５６７８９")
NO_NUMBER = re.compile(r"\d+(?:\.\d+)?(?:条|件|次|元|万元)")
NOT_A_NUMBER = {
    AnswerOutcome.NO_REPORT,
    AnswerOutcome.NO_DATA,
    AnswerOutcome.AMBIGUOUS_AGENCY,
    AnswerOutcome.UNKNOWN_AGENCY,
    AnswerOutcome.NOT_UNDERSTOOD,
    AnswerOutcome.BLANK,
}


@dataclass(frozen=True)
class Line:
    persona: str
    question: str
    outcome: AnswerOutcome
    has: tuple[str, ...]
    lacks: tuple[str, ...]
    style: str = "typed"

    def __str__(self) -> str:
        return f"{self.style}:{self.question}"


def _lines() -> list[Line]:
    out = []
    for raw in CORPUS.read_text(encoding="utf-8").splitlines():
        if not raw.strip() or raw.startswith("#"):
            continue
        cols = [*raw.split("\t"), "", ""]
        persona, question, outcome, has, lacks = cols[:5]
        split = lambda s: tuple(x for x in s.split(";") if x)  # noqa: E731
        out.append(Line(persona, question, AnswerOutcome(outcome), split(has), split(lacks)))
    return out


def _styles(line: Line) -> list[Line]:
    q = line.question
    return [
        line,
        Line(line.persona, _S2T.convert(q), line.outcome, line.has, line.lacks, "traditional"),
        Line(line.persona, f"嗯 那个 {q} 一下呢", line.outcome, line.has, line.lacks, "voice"),
        Line(
            line.persona,
            re.sub(r"[，,。？?！!、\s]", "", q).translate(_FULL),
            line.outcome,
            line.has,
            line.lacks,
            "fullwidth",
        ),
    ]


LINES = _lines()
ALL = [styled for line in LINES for styled in _styles(line)]


def test_corpus_is_large_and_varied() -> None:
    assert len(LINES) >= 150 and len({x.question for x in ALL}) >= 400
    assert {x.persona for x in LINES} >= {"公务员", "督查", "记者", "研究者"}
    assert {x.outcome for x in LINES} >= set(AnswerOutcome) - {AnswerOutcome.ERROR}


@pytest.mark.parametrize("line", ALL, ids=str)
def test_corpus_line(answer_services: Services, line: Line) -> None:
    answer = answer_question(answer_services, line.question, now=NOW)
    shown = f"{line.question!r} -> [{answer.outcome}]\n{answer.plain}"
    assert answer.outcome is line.outcome, shown
    for fragment in line.has:
        assert fragment in answer.plain, f"missing {fragment!r} in {shown}"
    for fragment in line.lacks:
        assert fragment not in answer.plain, f"unexpected {fragment!r} in {shown}"
    if answer.outcome in NOT_A_NUMBER:
        assert not NO_NUMBER.search(answer.plain), shown
