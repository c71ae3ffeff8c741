"""Numbers with their unit and qualifiers, as printed in prose ("共主动公开政务信息253条").

A count needs its unit right after the number (条/件/篇 …), so years, dates, percentages,
phone numbers and document numbers (第107号, 〔2021〕33号) are never read. 万 multiplies
("近1.7万条" is 17000, qualified 近; "20余万条" 200000, qualified 余); 约/近/超过 before and 余/多 after the number are kept as
the figure's qualifier (大约 as 约, 将近 as 近); "20个工作日" is a time, not a count. A figure whose form
the record cannot keep is none: a round word ("数十条", "上百条", "百余条") or a bound no qualifier
names ("超300条", "逾300条", "300条以上", "300条左右").
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass

from parsing.numbers import CHINESE_NUMERAL_CHARS, parse_int_token, too_long
from parsing.vocabulary import alternation
from parsing.vocabulary import prose as P

Number = int | float

_DIGITS = "0-9０-９"
_NUM_CHARS = _DIGITS + CHINESE_NUMERAL_CHARS
# A whole number token: not preceded by another digit/numeral (so "12" never yields "2").
NUM = rf"(?<![{_NUM_CHARS}.,，])(?P<num>[0-9０-９][0-9０-９,，]*|[{CHINESE_NUMERAL_CHARS}]+)\s*"
# A gap inside one clause.
GAP = r"[^，,。；;！？!?\n]"
_QUANTITY = re.compile(
    rf"(?P<pre>{alternation(P.APPROX_BEFORE)})?"
    rf"(?<![{_DIGITS}{CHINESE_NUMERAL_CHARS}.．,，第])"
    rf"(?P<num>[{_DIGITS}][{_DIGITS},，]*(?:[.．][{_DIGITS}]+)?|[{CHINESE_NUMERAL_CHARS}]+)"
    rf"\s*(?P<wan>万)?\s*(?P<post>{alternation(P.APPROX_AFTER)})?\s*(?P<wan2>万)?\s*"
    rf"(?P<unit>{alternation(P.FACT_UNITS)})(?P<left>左右)?"
)
_DIGITS_SET = frozenset("0123456789０１２３４５６７８９")
_NOT_A_COUNT = re.compile(alternation(P.NOT_A_COUNT_AFTER))
_DESCRIPTOR = re.compile(alternation(P.CHANNEL_DESCRIPTORS))
# "政务微信公开政府信息数170，", "…主动公开政府信息260余": a count whose unit the page lost, read
# only right after what it counts and at the end of its clause or before a sum of it ("公开信息389共计
# 3545"); it stands for 条 (a platform's figure takes its neighbours' unit: parsing.narrative.media).
_UNITLESS = re.compile(
    rf"(?:{alternation(P.UNITLESS_AFTER)})(?P<count>(?P<num>[0-9０-９]+)\s*(?P<post>{alternation(P.APPROX_AFTER)})?)"
    rf"\s*(?:$|(?={alternation(P.SUM_WORDS)}))"
)


@dataclass(frozen=True)
class Quantity:
    value: Number
    unit: str
    start: int  # where the number (with a qualifier before it) starts in the clause
    end: int
    qualifier: str | None  # 约, 近, 超过, 余, 多 (as the record writes them)
    raw: str


def quantities(text: str) -> list[Quantity]:
    """Every count in `text`, in order."""
    out: list[Quantity] = []
    # "两微一条" names channels: its "一条" is no count
    names = [m.span() for m in _DESCRIPTOR.finditer(text)]
    for match in _QUANTITY.finditer(text):
        if _NOT_A_COUNT.match(text, match.end()) or any(a <= match.start() < b for a, b in names):
            continue
        if not match.group("num").strip("万亿"):
            continue  # "20余万条": 万 alone is no number
        if _round(text, match) or _unsure(text, match):
            continue
        value = _value(match.group("num"), bool(match.group("wan") or match.group("wan2")))
        if value is None:
            continue
        qualifier = match.group("pre") or match.group("post")
        qualifier = P.QUALIFIER_AS_RECORDED.get(qualifier or "", qualifier)
        out.append(Quantity(value, match.group("unit"), match.start(), match.end(), qualifier, match.group()))
    bare = _UNITLESS.search(text)
    if bare is not None and not any(q.end > bare.start("count") for q in out):
        value = _value(bare.group("num"), False)
        if value is not None:
            start, end = bare.span("count")
            out.append(Quantity(value, P.UNITLESS_UNIT, start, end, bare.group("post"), bare.group("count")))
    return out


def _round(text: str, match: re.Match[str]) -> bool:
    """ "数十条", "上百条", "百余条": a round word in numerals, no figure (a wrong figure is worse than none)."""
    num = match.group("num")
    if num[0] in _DIGITS_SET:
        return False
    return num.startswith(P.ROUND_OPENINGS) or text[: match.start("num")].endswith(P.ROUND_BEFORE)


def _unsure(text: str, match: re.Match[str]) -> bool:
    """ "超300条", "300条以上": bounded by a word no qualifier of the record names."""
    before = text[: match.start()]
    pre = match.group("pre") or ""
    return (
        pre in P.UNSURE_BEFORE
        or (not pre and before.endswith(P.UNSURE_BEFORE))
        or bool(match.group("left"))
        or text.startswith(P.UNSURE_AFTER, match.end())
    )


def _value(token: str, wan: bool) -> Number | None:
    digits = unicodedata.normalize("NFKC", token).replace(",", "").replace("，", "")
    if digits[:1].isdigit():
        if too_long(digits):
            return None  # no count has that many digits (and int() refuses 4300 of them)
        number: Number = float(digits) if "." in digits else int(digits)
    else:
        parsed = parse_int_token(token)
        if parsed is None:
            return None
        number = parsed
    if wan:
        number = number * 10000
    if isinstance(number, float) and number.is_integer():
        return int(number)
    return number
