"""Reading numbers as printed: table cells and Chinese numerals in prose.

A blank cell ("", "/", "—", "-", "无", ...) is None, never 0: the report left it empty.
Amounts keep their decimals exactly as printed (a float parsed from the printed digits).
"""

from __future__ import annotations

import re
import unicodedata
from enum import StrEnum
from functools import lru_cache
from typing import Literal, NamedTuple

from parsing.vocabulary import alternation
from parsing.vocabulary.keys import COUNT_UNITS, MONEY_UNITS

Number = int | float

# Marks that mean "nothing here" in a cell. Compared after NFKC + whitespace removal.
BLANK_MARKS = frozenset(
    {"", "/", "\\", "-", "--", "—", "——", "–", "－", "―", "─", "无", "空", "暂无", "×", "x", "X", "*"}
)
_WS = re.compile(r"\s+")
_UNIT_SUFFIX = re.compile(alternation(MONEY_UNITS + COUNT_UNITS) + "$")
# Digits with optional sign, thousands separators and a decimal part.
_NUMBER = re.compile(r"[+\-−]?(?:\d{1,3}(?:,\d{3})+|\d+)(?:\.\d+)?")

# What a site's broken encoding leaves beside a figure ("? 0": a non-breaking space gone wrong).
_ENCODING_JUNK = re.compile(r"^[?？\ufffd]+(?=[\d+\-−])|(?<=\d)[?？\ufffd]+$")

# No figure of an annual report has more integer digits: a longer one is a typo or an attack
# (a 400-digit figure overflowed storage's float, a 5000-digit one Python's int-string limit).
MAX_DIGITS = 12
# Number-like notations no report prints: NaN, inf, 1e30, 0x1F. Not labels: a value the
# table holds where a figure belongs, to be left blank with a warning.
_NOT_A_FIGURE = re.compile(
    r"[+\-−]?(?:nan|inf|infinity|\d+(?:\.\d+)?e[+\-−]?\d+|0x[0-9a-f]+)", re.IGNORECASE
)

CellKind = Literal["blank", "number", "text", "invalid"]


class CellProblem(StrEnum):
    """Why a cell that holds a value-like text was left blank."""

    TOO_LARGE = "too_large"  # more than MAX_DIGITS integer digits
    NOT_A_FIGURE = "not_a_figure"  # NaN, inf, 1e30, 0x1F
    FRACTION = "fraction"  # decimals where the table counts items (decided by the table reader)


class Cell(NamedTuple):
    kind: CellKind
    value: Number | None
    problem: CellProblem | None = None


def normalize(text: str) -> str:
    """NFKC (full-width digits and brackets -> ASCII) with all whitespace removed."""
    return _WS.sub("", unicodedata.normalize("NFKC", text))


@lru_cache(maxsize=4096)  # cells repeat ("0", "") across a report; NFKC is the cost
def read_cell(text: str | None) -> Cell:
    """Classify a table cell: blank, a number (int, or float when printed with decimals) or text."""
    if text is None:
        return Cell("blank", None)
    s = normalize(text)
    if s in BLANK_MARKS:
        return Cell("blank", None)
    core = _UNIT_SUFFIX.sub("", _ENCODING_JUNK.sub("", s))
    if _NUMBER.fullmatch(core):
        if too_long(core):
            return Cell("invalid", None, CellProblem.TOO_LARGE)
        return Cell("number", _to_number(core))
    if len(core) <= 40 and _NOT_A_FIGURE.fullmatch(core):
        return Cell("invalid", None, CellProblem.NOT_A_FIGURE)
    return Cell("text", None)


def too_long(core: str) -> bool:
    """More integer digits than any figure has (checked before int() sees the digits)."""
    whole = core.split(".", 1)[0]
    return sum(ch.isdigit() for ch in whole) > MAX_DIGITS


def parse_number(text: str | None) -> Number | None:
    """The number in a cell, or None for a blank or non-numeric cell."""
    return read_cell(text).value


def _to_number(core: str) -> Number:
    core = core.replace(",", "").replace("−", "-").lstrip("+")
    if "." in core:
        return float(core)
    return int(core)


# --- Chinese numerals ------------------------------------------------------------

_DIGITS = {
    "零": 0,
    "〇": 0,
    "○": 0,
    "一": 1,
    "二": 2,
    "两": 2,
    "三": 3,
    "四": 4,
    "五": 5,
    "六": 6,
    "七": 7,
    "八": 8,
    "九": 9,
}
_SMALL_UNITS = {"十": 10, "百": 100, "千": 1000}
_BIG_UNITS = {"万": 10_000, "亿": 100_000_000}
CHINESE_NUMERAL_CHARS = "".join(_DIGITS) + "".join(_SMALL_UNITS) + "".join(_BIG_UNITS)


def chinese_to_int(text: str) -> int | None:
    """一百二十三 -> 123, 两 -> 2, 十二 -> 12, 一千零五 -> 1005, 二〇二二 -> 2022; None if not a numeral."""
    if not text or len(text) > 40 or any(ch not in _DIGITS and ch not in _SMALL_UNITS and ch not in _BIG_UNITS for ch in text):
        return None
    if not any(ch in _SMALL_UNITS or ch in _BIG_UNITS for ch in text):
        # Digit by digit, as in years: 二〇二二.
        if len(text) > MAX_DIGITS:
            return None
        return int("".join(str(_DIGITS[ch]) for ch in text))
    total = 0  # completed 万/亿 sections
    section = 0  # value below the current big unit
    digit: int | None = None
    for ch in text:
        if ch in _DIGITS:
            digit = _DIGITS[ch]
        elif ch in _SMALL_UNITS:
            section += (1 if digit is None else digit) * _SMALL_UNITS[ch]
            digit = None
        else:
            section += digit or 0
            total += section * _BIG_UNITS[ch]
            section, digit = 0, None
    value = total + section + (digit or 0)
    # 亿亿亿…: as absurd as a 400-digit figure.
    return value if value < 10**MAX_DIGITS else None


def parse_int_token(token: str) -> int | None:
    """An integer written in Arabic (any width, with separators) or Chinese numerals."""
    s = normalize(token)
    if not s:
        return None
    if _NUMBER.fullmatch(s) and "." not in s:
        if too_long(s):
            return None
        return int(s.replace(",", "").replace("−", "-").lstrip("+"))
    return chinese_to_int(s)
