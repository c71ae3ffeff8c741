"""The shape of an answer: its outcome, its text (plain, or HTML with <pre> tables) and the
buttons it offers; number formatting; the 4096-character budget of one Telegram message."""

from __future__ import annotations

import html
import re
from collections.abc import Sequence
from dataclasses import dataclass, field
from decimal import Decimal
from enum import StrEnum

from tabulate import tabulate

from bot.core.chart_data import ChartData
from bot.core.questions import Query
from bot.core.replies import answers as R

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
    EACH = "each"  # one figure of several agencies side by side
    DIFFERENCE = "difference"  # between two agencies or two items of one report
    SHARE = "share"  # one item as a share of another
    PUBLISHED = "published"  # publication date and versions
    MISSING_LIST = "missing_list"  # who has not reported / reported late
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
        AnswerOutcome.EACH,
        AnswerOutcome.DIFFERENCE,
        AnswerOutcome.SHARE,
        AnswerOutcome.PUBLISHED,
        AnswerOutcome.MISSING_LIST,
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
    # Trend and ranking answers carry what to draw; the tg adapter renders and sends it.
    chart: ChartData | None = None

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


def with_unit(value: float, unit: str) -> str:
    return f"{fmt_number(value)}{unit}"


def short(sentence: str) -> str:
    sentence = sentence.strip()
    return sentence if len(sentence) <= MAX_SENTENCE else sentence[: MAX_SENTENCE - 1] + "…"


class Reply:
    """Lines of plain text and tables; rendered as HTML only when a table is present."""

    def __init__(self) -> None:
        self.parts: list[str | tuple[list[str], list[list[str]]]] = []
        self.dropped: dict[int, int] = {}  # table part -> rows cut off the end to fit one message

    def line(self, text: str) -> Reply:
        self.parts.append(text)
        return self

    def table(self, headers: list[str], rows: list[list[str]]) -> Reply:
        self.parts.append((headers, rows))
        return self

    def render(self) -> tuple[str, bool]:
        has_table = any(isinstance(p, tuple) for p in self.parts)
        self._precut()
        out = self._render(has_table)
        # Too long for one message: drop table rows from the end, then lines.
        while len(out) > BUDGET and self._shrink():
            out = self._render(has_table)
        if len(out) > BUDGET:
            out = out[: BUDGET - len(R.TRUNCATED)] + R.TRUNCATED
        return out, has_table

    def _cut(self, i: int, keep: int) -> None:
        part = self.parts[i]
        assert isinstance(part, tuple)
        headers, rows = part
        self.parts[i] = (headers, rows[:keep])
        self.dropped[i] = self.dropped.get(i, 0) + len(rows) - keep

    def _precut(self) -> None:
        """Rows past the message's length cannot show whatever the widths: cut them before the first
        render, so a year's thousand failing reports are not laid out again and again (issue 14)."""
        for i, part in enumerate(self.parts):
            if isinstance(part, tuple):
                used = 0
                for n, row in enumerate(part[1]):
                    used += sum(len(cell) + 1 for cell in row)  # at least its text and separators
                    if used > BUDGET and n >= 1:
                        self._cut(i, n)
                        break

    def _shrink(self) -> bool:
        for i in range(len(self.parts) - 1, -1, -1):
            part = self.parts[i]
            if isinstance(part, tuple) and len(part[1]) > 1:
                self._cut(i, max(1, len(part[1]) * 3 // 4))
                return True
        if len(self.parts) > 1:
            self.parts.pop()
            return True
        return False

    def _render(self, as_html: bool) -> str:
        chunks = []
        for i, part in enumerate(self.parts):
            if isinstance(part, tuple):
                table = tabulate(part[1], headers=part[0], tablefmt="simple", disable_numparse=True)
                chunks.append(f"<pre>{html.escape(table)}</pre>" if as_html else table)
                if self.dropped.get(i):
                    more = R.MORE_ROWS.format(count=self.dropped[i])
                    chunks.append(html.escape(more, quote=False) if as_html else more)
            else:
                chunks.append(html.escape(part, quote=False) if as_html else part)
        return "\n".join(chunks)


def reply_answer(
    outcome: AnswerOutcome, reply: Reply, query: Query | None, *, chart: ChartData | None = None, **kw: list[str]
) -> Answer:
    """The rendered reply as an Answer (kw: choices, choice_questions)."""
    text, is_html = reply.render()
    return Answer(text=text, outcome=outcome, html=is_html, query=query, chart=chart, **kw)


def say(outcome: AnswerOutcome, *lines: str, query: Query | None = None) -> Answer:
    reply = Reply()
    for line in lines:
        reply.line(line)
    return reply_answer(outcome, reply, query)


def pct(part: float, whole: float) -> str:
    return f"{part / whole * 100:.1f}%"


def signed_pct(delta: float, base: float) -> str | None:
    """+18.6% of a change against its base; None when the base is 0."""
    if base == 0:
        return None
    return f"{delta / base * 100:+.1f}%"


def years_text(years: Sequence[int]) -> str:
    return "、".join(f"{y}年" for y in years)
