"""A report's meta: the agency, the year reported on, the title and the date of publication.

Read from the title when it has them (a title broken over two lines is read joined), else from
the body: the 统计期限 ("数据统计期限为2025年1月1日至…", or a whole calendar year as the period),
the introduction's "现公布《××局2021年政府信息公开工作年度报告》", "2020年度我单位…", a sentence
opening with the year, and last the state at the year's end ("截止2023年12月31日我局…"). A title
may print its year without 年 ("…体育厅2020政府信息公开工作年度报告"). The agency's other sources
are in parsing.header_agency, the date's in parsing.header_dates; the words of all three in
parsing.vocabulary.meta. Precision before recall: a whole sentence is never an agency's name, and
a name without its region is only a partial name (the uploader is asked for the rest).
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass, field
from datetime import date

from parsing.extract.base import TextBlock
from parsing.header_agency import CN_DIGITS as _CN
from parsing.header_agency import YEAR_DIGITS as _Y
from parsing.header_agency import (
    clean,
    looks_like_agency,
    name_of,
    norm,
    own_sites,
    place_government,
    publishers,
    read_intro,
    resolve_agency,
)
from parsing.header_dates import read_date
from parsing.numbers import chinese_to_int
from parsing.vocabulary import alternation
from parsing.vocabulary import meta as words
from parsing.warnings import ParseWarning, WarningCode

_YEAR = rf"(?P<year>{_Y})"
_REPORT = rf"(?:政府|政务)?信息公开.{{0,12}}?{alternation(words.REPORT_WORDS)}"
# A title: "<agency><year>年度政府信息公开工作年度报告" or "<year>年<agency>政府信息公开…报告".
# A year printed without 年 before the title's words: "海南省旅游和文化广电体育厅2020政府信息公开工作年度报告".
_TITLE = re.compile(rf"^(?P<agency>.*?){_YEAR}(?:年度?(?:的)?|(?=(?:政府|政务)信息公开)){_REPORT}")
_TITLE_YEAR_FIRST = re.compile(
    rf"^{_YEAR}年度?(?!度?(?:政府|政务)?信息公开)(?P<agency>[^，,。；：:]{{2,40}}?)(?:政府)?信息公开.{{0,12}}?报告"
)
_TITLE_YEAR_LAST = re.compile(rf"^(?P<agency>[^，,。；：:]{{2,40}}?)(?:政府)?信息公开工作{_YEAR}年度报告")
_TITLE_MAX = 60  # a longer paragraph is a sentence that mentions the title, not the title
_SENTENCE = re.compile(r"[。，,；;]|^(?:根据|依据|按照|现将|现)")  # a sentence citing the title is no title
_TITLE_LOOSE = re.compile(r"政府信息公开.{0,10}?(?:年度报告|工作报告|年报)")
_STAT_YEAR = re.compile(r"统计.{0,16}?(\d{4})(?:年)?0?1月?0?1日")  # "2023年01月01日" too
# A period whose words were lost, the digits run together: "统计期限为2025111231日".
_STAT_RUN = re.compile(r"统计.{0,16}?(\d{4})年?0?1月?0?1日?起?(?:至|到|—|-|~)?(?:\1年?)?12月?31日")
# A whole calendar year as the report's period: "所涉及信息核定时间为2023年1月1日至2023年12月31日".
_WHOLE_YEAR = re.compile(r"(\d{4})年0?1月0?1日起?(?:至|到|—|-|~)(?:\1年)?12月31日")
# The state at the year's end, when nothing else names the year: "截止2023年12月31日我局通过官方网站发布…".
_YEAR_END = re.compile(rf"{alternation(words.AS_OF)}(\d{{4}})年12月31日")
# "2020年度我单位…", "2020年以来,我局…", "我镇2023年政府信息公开工作": the report's own year.
_SELF = rf"(?:我|本){alternation(words.SELF_WORDS)}"
_OWN_YEAR = (
    re.compile(rf"^{_YEAR}年(?:度|以来)?[，,]?{_SELF}"),
    re.compile(rf"{_SELF}{_YEAR}年度?(?:政府信息公开|信息公开|政务公开)"),
    re.compile(rf"(?:公布|报告|汇报){_YEAR}年度?{_SELF}"),
    re.compile(rf"^{_YEAR}年度?[，,]"),  # "2022年度,在区委、区政府的正确领导下,我单位…"
    re.compile(rf"。{_YEAR}年度?[，,]"),  # "(一)主动公开。2024年,亳州市商务局…"
    re.compile(rf"。{_YEAR}年度?{_SELF}"),  # "…。2024年我局共发布政府信息221条"
    # The introduction names the report by its year alone: "现将2023年度政府信息公开工作年度报告公布如下".
    re.compile(rf"{alternation(words.INTRO_VERBS)}《?{_YEAR}年度?(?:的)?{_REPORT}"),
)
_SPACES = re.compile(r"\s+")
_RULES = re.compile(r"[|｜]+$")  # a saved page's table rules after the title: "…年度报告 | ||||||"
_YEAR_IN_LINE = re.compile(rf"{_Y}年")
_HEAD_BLOCKS = 14
_TAIL_BLOCKS = 4


@dataclass
class Header:
    agency: str | None = None
    year: int | None = None
    title: str | None = None
    published_on: date | None = None
    warnings: list[ParseWarning] = field(default_factory=list)


def _int(token: str) -> int | None:
    return int(token) if token.isdigit() else chinese_to_int(token)


def read_header(paragraphs: list[TextBlock], *, filename: str, caption: str | None) -> Header:
    header = Header()
    head = [_RULES.sub("", norm(b.text)) for b in paragraphs[:_HEAD_BLOCKS]]
    candidates: list[str] = []
    title_at = _read_title(head, header, candidates)
    found, intro_year = read_intro(head)
    candidates += found
    if header.year is None:
        header.year = _stat_year(head) or intro_year or _own_year(head) or _year_end(head)
    if header.year is None:
        header.year = _year_in_words([caption or "", filename]) or _caption_year(caption)
        if header.year is None:
            header.warnings.append(ParseWarning.of(WarningCode.NO_YEAR))
    tail = [clean(b.text) for b in paragraphs[-_TAIL_BLOCKS:]]
    candidates += [t for t in tail if looks_like_agency(t)]
    if header.title is None:
        candidates += [clean(t) for t in head[:2] if looks_like_agency(clean(t))]
    candidates += own_sites(head)
    header.agency = resolve_agency(
        candidates, filename, caption, header.warnings, tuple(publishers(head)), tuple(publishers(head, sources=True))
    )
    spaced = [_SPACES.sub(" ", unicodedata.normalize("NFKC", b.text)) for b in paragraphs[:_HEAD_BLOCKS]]
    header.published_on = read_date(tail, spaced, _title_line(head, title_at), header.year)
    return header


def _title_match(line: str) -> re.Match[str] | None:
    return _TITLE_YEAR_FIRST.search(line) or _TITLE_YEAR_LAST.search(line) or _TITLE.search(line)


def _read_title(head: list[str], header: Header, candidates: list[str]) -> int | None:
    """The title's position; its year and agency go to the header and the candidates. A title
    broken over two lines ("硚口区司法局2024年政府" / "信息公开工作年度报告") is read joined."""
    for i, text in enumerate(head):
        if len(text) > _TITLE_MAX or _SENTENCE.search(text):
            continue
        line = re.split(r"[>＞]", text)[-1]
        match = _title_match(line)
        if not match and i + 1 < len(head) and _YEAR_IN_LINE.search(line):
            joined = line + head[i + 1]
            if len(joined) <= _TITLE_MAX and not _SENTENCE.search(head[i + 1]):
                line = joined
                match = _title_match(line)
        if not match:
            continue
        header.title = line
        header.year = _int(match.group("year"))
        named = name_of(match.group("agency"))
        named = place_government(named) or named
        if looks_like_agency(named):
            candidates.append(named)
        elif not named:  # the agency on its own line above the title, or below it
            around = [clean(head[j]) for j in (i - 1, i + 1) if 0 <= j < len(head)]
            candidates += [name for name in around if looks_like_agency(name)]
        return i
    return None


def _title_line(head: list[str], title_at: int | None) -> int | None:
    """Where the title stands, for the page dates beside it: a title without a year
    ("宁县卫生健康局政府信息公开工作年度报告") stands as well as one with it."""
    if title_at is not None:
        return title_at
    for i, text in enumerate(head):
        if len(text) <= _TITLE_MAX and not _SENTENCE.search(text) and _TITLE_LOOSE.search(text):
            return i
    return None


def _stat_year(head: list[str]) -> int | None:
    for pattern in (_STAT_YEAR, _WHOLE_YEAR, _STAT_RUN):
        for text in head:
            match = pattern.search(text)
            if match:
                return int(match.group(1))
    return None


def _year_end(head: list[str]) -> int | None:
    for text in head:
        match = _YEAR_END.search(text)
        if match:
            return int(match.group(1))
    return None


def _own_year(head: list[str]) -> int | None:
    for pattern in _OWN_YEAR:
        for text in head:
            match = pattern.search(text)
            if match:
                return _int(match.group("year"))
    return None


def _year_in_words(items: list[str]) -> int | None:
    """A year in a caption or file name written like a title ("…2021年政府信息公开…报告")."""
    for item in items:
        text = norm(item)
        match = _STAT_YEAR.search(text)
        if match:
            return int(match.group(1))
        match = _TITLE.search(text)
        if match:
            return _int(match.group("year"))
    return None


_CAPTION_YEAR = re.compile(rf"(?<!\d)(?P<year>(?:19|20)\d\d|[{_CN}]{{4}})(?:年|(?!\d))")


def _caption_year(caption: str | None) -> int | None:
    """The uploader's own word in the caption: "2021", "2021年度", "二〇二一年"."""
    if not caption:
        return None
    match = _CAPTION_YEAR.search(norm(caption))
    return _int(match.group("year")) if match else None


def looks_like_report(paragraphs: list[TextBlock]) -> bool:
    text = "".join(norm(b.text) for b in paragraphs[:50])
    return bool(_TITLE_LOOSE.search(text))
