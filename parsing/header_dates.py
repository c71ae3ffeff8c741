"""The date a report was published: a saved page's labelled date ("发布日期:2021-12-23",
"发文日期 | 2022-01-04 |", a label whose date stands on the next line), else the closing line
("2025 年 1 月 17 日", full-width digits too), else a submission letter's signature above the
report (the agency's name, then its date), else a bare date beside the title
("2026-01-28 10:06"). Never a date before the year reported on.
"""

from __future__ import annotations

import re
from datetime import date
from itertools import pairwise

from parsing.header_agency import CN_DIGITS as _CN
from parsing.header_agency import YEAR_DIGITS as _Y
from parsing.header_agency import clean, looks_like_agency, norm
from parsing.numbers import chinese_to_int
from parsing.vocabulary import alternation
from parsing.vocabulary import meta as words

_DATE = re.compile(rf"^(?P<y>{_Y})年(?P<m>\d{{1,2}}|[{_CN}]{{1,3}})月(?P<d>\d{{1,2}}|[{_CN}]{{1,3}})日$")
_LABEL = (
    rf"(?:{alternation(words.PAGE_DATE_LABELS)}"
    rf"|(?:^|[^\u4e00-\u9fff]){alternation(words.PAGE_DATE_BARE_LABELS)})"
)
_UPDATE_LABEL = alternation(words.PAGE_UPDATE_LABELS)
_YMD = r"(?P<y>\d{4})\s*[-/.年]\s*(?P<m>\d{1,2})\s*[-/.月]\s*(?P<d>\d{1,2})"
_VALUE = rf"\s*[:：|]\s*{_YMD}"
_PAGE_DATES = (re.compile(rf"{_LABEL}{_VALUE}"), re.compile(rf"{_UPDATE_LABEL}{_VALUE}"))
# A label whose value is on the next line: "• 发布日期:" then "• 2021年03月18日".
_LABEL_ALONE = re.compile(rf"{_LABEL}\s*[:：]\s*$")
_DATE_ALONE = re.compile(rf"^[\s•·]*{_YMD}\s*日?\s*$")
_NOT_PUBLISHED = re.compile(alternation(words.NOT_PUBLISHED))
_BARE_DATE = re.compile(r"(?<!\d)(?P<y>\d{4})-(?P<m>\d{1,2})-(?P<d>\d{1,2})(?!\d)")
# A line that is only a date and a time: "2026-01-28 10:06", "2025-01-16 10: 31".
_DATE_TIME_LINE = re.compile(
    r"^\s*(?P<y>\d{4})-(?P<m>\d{1,2})-(?P<d>\d{1,2})(?:\s+\d{1,2}\s*:\s*\d{2}(?:\s*:\s*\d{2})?)?\s*$"
)


def _int(token: str) -> int | None:
    return int(token) if token.isdigit() else chinese_to_int(token)


def _make_date(match: re.Match[str]) -> date | None:
    year, month, day = _int(match.group("y")), _int(match.group("m")), _int(match.group("d"))
    if year is None or month is None or day is None:
        return None
    try:
        return date(year, month, day)
    except ValueError:
        return None


def read_date(tail: list[str], head: list[str], title_at: int | None, year: int | None) -> date | None:
    """tail: the last blocks, cleaned; head: the first blocks with their spaces kept."""
    signed = _signed_in_head(head)
    for found in (_labelled_date(head), _closing_date(tail), signed, _bare_date(head, title_at)):
        if found is not None and (year is None or found.year >= year):
            return found
    return None


def _closing_date(tail: list[str]) -> date | None:
    for text in reversed(tail):
        match = _DATE.match(text)
        if match:
            return _make_date(match)
    return None


def _signed_in_head(head: list[str]) -> date | None:
    """A submission letter's signature above the report: "…现予公布。" / "应急管理部" / "2024年1月24日"."""
    for above, text in pairwise(head):
        match = _DATE.match(norm(text))
        if match and looks_like_agency(clean(above)):
            return _make_date(match)
    return None


def _labelled_date(head: list[str]) -> date | None:
    for i, text in enumerate(head):
        match = _PAGE_DATES[0].search(text)
        if match:
            return _make_date(match)
        if _LABEL_ALONE.search(text) and i + 1 < len(head):
            match = _DATE_ALONE.match(head[i + 1])
            if match:
                return _make_date(match)
    for text in head:
        match = _PAGE_DATES[1].search(text)
        if match:
            return _make_date(match)
    return None


def _bare_date(head: list[str], title_at: int | None) -> date | None:
    """A bare date right under the title, or a line of date and time just above it."""
    if title_at is None:
        return None
    for text in head[title_at + 1 : title_at + 3]:
        match = _BARE_DATE.search(text)
        if match and not _NOT_PUBLISHED.search(text):
            return _make_date(match)
    for text in reversed(head[max(0, title_at - 2) : title_at]):
        match = _DATE_TIME_LINE.match(text)
        if match:
            return _make_date(match)
    return None
