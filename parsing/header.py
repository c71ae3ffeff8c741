"""A report's meta: the agency, the year reported on, the title and the date of publication.

Read from the title when it has them, else from the body: the introduction's
"现公布《××局2021年政府信息公开工作年度报告》", the 统计期限 ("数据统计期限为2025年1月1日至…"),
"2020年度我单位…", "由××编制", the first sentence's subject, the signature at the end. Dates
come from the closing line ("2025 年 1 月 17 日", full-width digits too) or, on a saved web page,
its 发布日期 line. Precision before recall: a whole sentence is never an agency's name, and
a name without its region is only a partial name (the uploader is asked for the rest).
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass, field
from datetime import date

from parsing.extract.base import TextBlock
from parsing.numbers import chinese_to_int
from parsing.warnings import ParseWarning, WarningCode

_CN = "零〇○一二两三四五六七八九十"
_Y = rf"(?:\d{{4}}|[{_CN}]{{4}})"
_YEAR = rf"(?P<year>{_Y})"
_REPORT = r"(?:政府|政务)?信息公开.{0,12}?报告"
# A title: "<agency><year>年度政府信息公开工作年度报告" or "<year>年<agency>政府信息公开…报告".
_TITLE = re.compile(rf"^(?P<agency>.*?){_YEAR}年度?(?:的)?{_REPORT}")
_TITLE_YEAR_FIRST = re.compile(
    rf"^{_YEAR}年度?(?!度?(?:政府|政务)?信息公开)(?P<agency>[^，,。；：:]{{2,40}}?)(?:政府)?信息公开.{{0,12}}?报告"
)
_TITLE_YEAR_LAST = re.compile(rf"^(?P<agency>[^，,。；：:]{{2,40}}?)(?:政府)?信息公开工作{_YEAR}年度报告")
_TITLE_MAX = 60  # a longer paragraph is a sentence that mentions the title, not the title
_SENTENCE = re.compile(r"[。，,；;]|^(?:根据|依据|按照|现将|现)")  # a sentence citing the title is no title
_TITLE_LOOSE = re.compile(r"政府信息公开.{0,10}?(?:年度报告|工作报告|年报)")
_NAME = r"[\u4e00-\u9fff（）()]{2,40}?"
_VERB = r"(?:公布|发布|公开|编制|制作|编写|印发)(?:了|本)?"
# The introduction names the report: "现公布《银川市自然资源局2022年政府信息公开工作年度报告》".
_INTRO = (
    re.compile(rf"{_VERB}《?(?P<agency>{_NAME}){_YEAR}年度?(?:的)?{_REPORT}"),
    re.compile(rf"{_VERB}《?{_YEAR}年度?(?P<agency>{_NAME})(?:政府)?信息公开"),
    re.compile(rf"{_VERB}《?(?P<agency>{_NAME})政府信息公开工作{_YEAR}年度报告"),
    re.compile(rf"(?:涵盖了?|结合){_YEAR}年度?(?P<agency>{_NAME})(?:政府)?信息公开工作"),
)
_COMPILED_BY = re.compile(rf"由(?P<agency>{_NAME})(?:编制|编写|制作)")
# The first sentence's subject: "2021年，榕城区政府办公室根据…", "2021年度泰安市人民政府办公室立足…".
_SUBJECT = re.compile(
    rf"^{_YEAR}年度?[，,]?(?P<agency>{_NAME})(?:根据|按照|认真|坚持|严格|立足|在|紧紧|深入|全面)"
)
# The contact line: "请与将乐县卫生健康局办公室联系" -> the bureau (an office of a 政府 is itself an agency).
_CONTACT = re.compile(rf"请与(?P<agency>{_NAME})联系")
_OFFICE_OF = re.compile(r"(?<=[局委乡镇道])(?:党政)?(?:办公室|办)$")
_STAT_YEAR = re.compile(r"统计.{0,16}?(\d{4})(?:年)?1月?1日")
# "2020年度我单位…", "2021年,我局…", "我镇2023年政府信息公开工作": the report's own year.
_SELF = r"(?:我|本)(?:单位|局|委|办|镇|乡|街道|街|区|县|市|中心|院|厅|部|署|站|所|机关|处|馆|队)"
_OWN_YEAR = (
    re.compile(rf"^{_YEAR}年度?[，,]?{_SELF}"),
    re.compile(rf"{_SELF}{_YEAR}年度?(?:政府信息公开|信息公开|政务公开)"),
    re.compile(rf"(?:公布|报告|汇报){_YEAR}年度?{_SELF}"),
    re.compile(rf"^{_YEAR}年[，,]"),
)
_DATE = re.compile(rf"^(?P<y>{_Y})年(?P<m>\d{{1,2}}|[{_CN}]{{1,3}})月(?P<d>\d{{1,2}}|[{_CN}]{{1,3}})日$")
# A web page's own date: "发布日期:2021-12-23", "时间: 2024-01-16", "信息提供日期 : 2023-01-16 15:50".
_PAGE_DATE = re.compile(
    r"(?:发布日期|发布时间|公开日期|发文日期|成文日期|信息提供日期|(?:^|[^\u4e00-\u9fff])(?:日期|时间))\s*[:：]\s*"
    r"(?P<y>\d{4})\s*[-/.年]\s*(?P<m>\d{1,2})\s*[-/.月]\s*(?P<d>\d{1,2})"
)
_NOT_PUBLISHED = re.compile(r"生效|废止|有效期|截止|成文")
_BARE_DATE = re.compile(r"(?<!\d)(?P<y>\d{4})-(?P<m>\d{1,2})-(?P<d>\d{1,2})(?!\d)")
_SPACES = re.compile(r"\s+")
# A name that says where the agency is: a place before 省/市/县/区/…, or a national body.
# "区统计局" and "市发改委" name no place: the region word stands first.
_REGION = re.compile(
    r"(?<=[\u4e00-\u9fff])(?:省|市|县|区|州|盟|旗|镇|乡|街道|街)|^(?:国家|国务院|中华人民共和国|中国)|部$"
)
_AGENCY_END = re.compile(
    r"(?:局|委员会|委|办公室|办|政府|厅|院|所|中心|管委会|会|处|署|站|馆|队|部|公司|街道|办事处|镇|乡)$"
)
# A place's own report names only the place ("2023年上海市政府信息公开工作年度报告", "现公布《贵阳市2021年
# 政府信息公开工作年度报告》"): its agency is the place's 人民政府.
_PLACE = re.compile(r"^[\u4e00-\u9fff]{2,12}?(?:省|市|自治区|自治州|地区|盟|县|自治县|旗|区)$")
_NOT_A_PLACE = re.compile(r"^(?:本|我|该|全|各|市|省|县|区)|(?:新区|园区|开发区|高新区|景区|社区|片区|辖区|城区|山区|矿区|示范区|试验区)$")
_NOT_A_NAME = re.compile(r"[，,。；;：:《》“”<>|\d]|^(?:我|本|该|各|全)")
_AGENCY_IN_TEXT = re.compile(r"[\u4e00-\u9fff]{2,30}?(?:局|委员会|办公室|人民政府|厅|管理委员会|中心)")
_NOISE_PREFIX = re.compile(r"^(?:关于|转发|附件|请看|这是|收到|印发|标题)+")
_TRAILING_PUNCT = re.compile(r"[：:，,。\s]+$")
_HEAD_BLOCKS = 14
_TAIL_BLOCKS = 4


@dataclass
class Header:
    agency: str | None = None
    year: int | None = None
    title: str | None = None
    published_on: date | None = None
    warnings: list[ParseWarning] = field(default_factory=list)


def _norm(text: str) -> str:
    """Full-width digits and colons to ASCII, every space gone ("2025 年 1 月 17 日" -> "2025年1月17日")."""
    return _SPACES.sub("", unicodedata.normalize("NFKC", text))


def _clean(text: str) -> str:
    return _TRAILING_PUNCT.sub("", _norm(text))


def _int(token: str) -> int | None:
    return int(token) if token.isdigit() else chinese_to_int(token)


def _looks_like_agency(text: str) -> bool:
    return 2 <= len(text) <= 40 and bool(_AGENCY_END.search(text)) and not _NOT_A_NAME.search(text)


def _place_government(name: str) -> str | None:
    """"上海市" -> "上海市人民政府": the agency of a place's own report; None for anything else."""
    if _PLACE.match(name) and not _NOT_A_PLACE.search(name) and not _NOT_A_NAME.search(name):
        return f"{name}人民政府"
    return None


def _name(raw: str) -> str:
    """The agency part of a title line: after any breadcrumb ("首页>…>木塔乡人民政府") or label."""
    text = re.split(r"[>＞|]", raw)[-1]
    text = re.sub(r"^.*[:：]", "", text)
    return _NOISE_PREFIX.sub("", _clean(text))


def read_header(paragraphs: list[TextBlock], *, filename: str, caption: str | None) -> Header:
    header = Header()
    head = [_norm(b.text) for b in paragraphs[:_HEAD_BLOCKS]]
    candidates: list[str] = []
    title_at = _read_title(head, header, candidates)
    intro_year = _read_intro(head, candidates)
    if header.year is None:
        header.year = _stat_year(head) or intro_year or _own_year(head)
    if header.year is None:
        header.year = _year_in_words([caption or "", filename]) or _caption_year(caption)
        if header.year is None:
            header.warnings.append(ParseWarning.of(WarningCode.NO_YEAR))
    tail = [_clean(b.text) for b in paragraphs[-_TAIL_BLOCKS:]]
    candidates += [t for t in tail if _looks_like_agency(t)]
    if header.title is None:
        candidates += [_clean(t) for t in head[:2] if _looks_like_agency(_clean(t))]
    header.agency = _resolve_agency(candidates, filename, caption, header.warnings)
    spaced = [_SPACES.sub(" ", unicodedata.normalize("NFKC", b.text)) for b in paragraphs[:_HEAD_BLOCKS]]
    header.published_on = _closing_date(tail) or _page_date(spaced, title_at, header.year)
    return header


def _read_title(head: list[str], header: Header, candidates: list[str]) -> int | None:
    """The title's position; its year and agency go to the header and the candidates."""
    for i, text in enumerate(head):
        if len(text) > _TITLE_MAX or _SENTENCE.search(text):
            continue
        line = re.split(r"[>＞]", text)[-1]
        match = _TITLE_YEAR_FIRST.search(line) or _TITLE_YEAR_LAST.search(line) or _TITLE.search(line)
        if not match:
            continue
        header.title = line
        header.year = _int(match.group("year"))
        named = _name(match.group("agency"))
        named = _place_government(named) or named
        if _looks_like_agency(named):
            candidates.append(named)
        elif not named and i > 0 and _looks_like_agency(_clean(head[i - 1])):
            candidates.append(_clean(head[i - 1]))  # the agency on its own line above the title
        return i
    return None


def _read_intro(head: list[str], candidates: list[str]) -> int | None:
    """Agency names the introduction gives, most telling first; the year it names the report by."""
    year: int | None = None
    found: list[str] = []
    for pattern in (*_INTRO, _COMPILED_BY, _SUBJECT, _CONTACT):
        for text in head:
            for match in pattern.finditer(text):
                name = _name(match.group("agency"))
                if pattern is _CONTACT:
                    name = _OFFICE_OF.sub("", name)
                elif pattern in _INTRO:
                    name = _place_government(name) or name
                if _looks_like_agency(name):
                    found.append(name)
                    if year is None and "year" in pattern.groupindex and pattern in _INTRO:
                        year = _int(match.group("year"))
    candidates.extend(found)
    return year


def _stat_year(head: list[str]) -> int | None:
    for text in head:
        match = _STAT_YEAR.search(text)
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
        text = _norm(item)
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
    match = _CAPTION_YEAR.search(_norm(caption))
    return _int(match.group("year")) if match else None


def _resolve_agency(
    candidates: list[str], filename: str, caption: str | None, warnings: list[ParseWarning]
) -> str | None:
    names = [c for c in candidates if c and _looks_like_agency(c)]
    full = next((c for c in names if _REGION.search(c)), None)
    if full:
        return full
    short = names[0] if names else None
    for source in (caption, filename):
        better = _fuller_name(source, short)
        if better:
            return better
    if short:
        warnings.append(ParseWarning.of(WarningCode.AGENCY_PARTIAL, name=short))
    else:
        warnings.append(ParseWarning.of(WarningCode.NO_AGENCY))
    return None


def _fuller_name(source: str | None, short: str | None) -> str | None:
    """A name with its region from a caption or file name: "<region><short>" or any agency name."""
    if not source:
        return None
    text = _norm(source)
    if short and short in text:
        prefix = text[: text.index(short)]
        run = re.search(r"[\u4e00-\u9fff]+$", prefix)
        if run:
            region = _NOISE_PREFIX.sub("", run.group())
            region = re.sub(r"^\d{4}年度?", "", region)
            if region and _REGION.search(region + short):
                return region + short
        return None
    for match in _AGENCY_IN_TEXT.finditer(text):
        name = _NOISE_PREFIX.sub("", match.group())
        if _REGION.search(name) and (short is None or name.endswith(short[-4:])):
            return name
    return None


def _make_date(y: str, m: str, d: str) -> date | None:
    year, month, day = _int(y), _int(m), _int(d)
    if year is None or month is None or day is None:
        return None
    try:
        return date(year, month, day)
    except ValueError:
        return None


def _closing_date(tail: list[str]) -> date | None:
    for text in reversed(tail):
        match = _DATE.match(text)
        if match:
            return _make_date(match.group("y"), match.group("m"), match.group("d"))
    return None


def _page_date(head: list[str], title_at: int | None, year: int | None) -> date | None:
    """A saved page's publication date: a labelled 发布日期 line, else a bare date right under
    the title. Never a date before the year reported on."""
    found: date | None = None
    for text in head:
        match = _PAGE_DATE.search(text)
        if match:
            found = _make_date(match.group("y"), match.group("m"), match.group("d"))
            break
    if found is None and title_at is not None:
        for text in head[title_at + 1 : title_at + 3]:
            match = _BARE_DATE.search(text)
            if match and not _NOT_PUBLISHED.search(text):
                found = _make_date(match.group("y"), match.group("m"), match.group("d"))
                break
    if found is not None and year is not None and found.year < year:
        return None
    return found


def looks_like_report(paragraphs: list[TextBlock]) -> bool:
    text = "".join(_norm(b.text) for b in paragraphs[:50])
    return bool(_TITLE_LOOSE.search(text))
