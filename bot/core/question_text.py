"""The question as text being taken apart, and the years it names.

Pure: no database. `QuestionText` masks each part once it is read (years, agencies, the
figure, cue words), so what is left over is what nobody has claimed yet.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import datetime

from parsing.names import simplify
from parsing.numbers import chinese_to_int, parse_int_token

MAX_QUESTION_CHARS = 500


def normalise(text: str) -> str:
    """Simplified characters, half-width digits, no spaces (one kept as 、 between two numbers)."""
    text = simplify(text)[:MAX_QUESTION_CHARS]
    text = re.sub(r"(?<=\d)\s+(?=\d)", "、", text)
    return re.sub(r"\s+", "", text).strip()


@dataclass
class QuestionText:
    s: str
    mask: list[bool] = field(default_factory=list)

    @classmethod
    def of(cls, s: str) -> QuestionText:
        return cls(s, [False] * len(s))

    def take(self, start: int, end: int) -> None:
        for i in range(start, end):
            self.mask[i] = True

    def free(self, start: int, end: int) -> bool:
        return not any(self.mask[start:end])

    def finditer(self, pattern: re.Pattern[str]) -> list[re.Match[str]]:
        return [m for m in pattern.finditer(self.s) if self.free(m.start(), m.end())]

    def take_all(self, pattern: re.Pattern[str]) -> list[re.Match[str]]:
        found = self.finditer(pattern)
        for m in found:
            self.take(m.start(), m.end())
        return found

    def find_free(self, phrase: str, start: int = 0) -> int:
        """First position >= start where `phrase` stands on unclaimed characters, or -1."""
        pos = self.s.find(phrase, start)
        while pos >= 0 and not self.free(pos, pos + len(phrase)):
            pos = self.s.find(phrase, pos + 1)
        return pos

    def pieces(self) -> list[tuple[int, str]]:
        """Maximal runs of unclaimed characters, with their start."""
        out: list[tuple[int, str]] = []
        start = None
        for i, taken in enumerate([*self.mask, True]):
            if not taken and start is None:
                start = i
            elif taken and start is not None:
                out.append((start, self.s[start:i]))
                start = None
        return out


# --- years ----------------------------------------------------------------------------

_YEAR_FULL = re.compile(r"(?<!\d)((?:19|20)\d{2})(?!\d)(?:年度|年)?")
_YEAR_CN = re.compile(r"([〇零○一二三四五六七八九]{4})(?:年度|年)")
_YEAR_SHORT = re.compile(r"(?<![\d前近])(\d{2})(?:年度|年)")
# 上一年/上年 after 比/较/同: the year before the one asked about (a comparison, not a year).
_PREVIOUS = re.compile(
    r"(?:比|较|与|和|跟|同)(?:上一年度|上一年|上年度|上年|去年同期|去年|前一年)(?!结转)|同比|环比"
)
_YEAR_RELATIVE = re.compile(
    r"(大前年|前年|去年|上一年度|上一年|上年度|今年|本年度)(?!结转|新收|制发|废止|项目)"
)
_RELATIVE_OFFSET = {
    "大前年": -3,
    "前年": -2,
    "去年": -1,
    "上一年": -1,
    "上一年度": -1,
    "上年度": -1,
    "今年": 0,
    "本年度": 0,
}
_YEAR_RANGE = re.compile(r"(?<!\d)((?:19|20)\d{2})年?(?:到|至|~|-|—)((?:19|20)\d{2})年?(?!\d)")
_RECENT = re.compile(r"(?:近|最近|过去)([0-9一二两三四五六七八九十]+)年")
_ALL_YEARS = re.compile(r"历年|每年|逐年|各年|历来|所有年份|趋势|走势|变化情况")


@dataclass(frozen=True)
class Years:
    years: tuple[int, ...] = ()
    recent: int | None = None  # 近三年 -> 3
    all_years: bool = False  # 历年 / 趋势
    previous: bool = False  # 比上一年 / 同比: compare with the year before the one asked


def read_years(t: QuestionText, now: datetime) -> Years:
    found: list[int] = []
    previous = bool(t.take_all(_PREVIOUS))
    for m in t.finditer(_YEAR_RANGE):
        a, b = sorted((int(m.group(1)), int(m.group(2))))
        if b - a <= 20:
            found.extend(range(a, b + 1))
            t.take(m.start(), m.end())
    for m in t.take_all(_YEAR_FULL):
        found.append(int(m.group(1)))
    for m in t.take_all(_YEAR_CN):
        found.append(chinese_to_int(m.group(1)) or 0)
    for m in t.take_all(_YEAR_SHORT):
        two = int(m.group(1))
        found.append((2000 if two <= now.year % 100 + 1 else 1900) + two)
    explicit = sorted(set(found))
    for m in t.take_all(_YEAR_RELATIVE):
        word = m.group(1)
        if word in ("上一年", "上一年度", "上年度") and explicit:
            found.append(explicit[-1] - 1)  # "2022年…上一年": relative to the year asked
        else:
            found.append(now.year + _RELATIVE_OFFSET[word])
    recent = None
    for m in t.take_all(_RECENT):
        recent = parse_int_token(m.group(1))
    all_years = bool(t.take_all(_ALL_YEARS))
    return Years(tuple(sorted(set(found))), recent, all_years, previous)
