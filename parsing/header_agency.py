"""The agency of a report: which names the page gives, what counts as a name, and which one is taken.

Names come from the title (parsing.header), the introduction ("现公布《银川市自然资源局2022年…报告》",
"现将定西市地震局2018年…报告如下"), "由××编制" / "本报告由××根据…", the first sentence's subject
("2024年,湖南省生态环境厅以…", "2022年,在区委区政府的正确领导下,广东从化经济开发区管理委员会认真…"),
the subject of the sentence that compiles the report ("…要求,黄龙县市场监督管理局结合单位实际,编制本单位…
报告"), the contact line ("请联系:硚口区统计局党政办公室"), and in a report that speaks as 我局 the
agency's own site ("“襄阳市审计局”网站", "可以从乌海市统计局门户网…下载") or own group ("…为成员的
姚安县农业农村局政府信息公开工作领导小组") or own guide ("完善《均村乡人民政府信息公开指南》"); a paragraph
opening with the agency and its whole year ("北京街道办事处全年主动公开…"); last the page's 发布机构 field,
when it is the short name with its region, or its 来源 line, when it completes the short name the report gives.
A place's own report (我区) names its 人民政府 by the contact office ("请与盐城市大丰区人民政府办公室联系").
Precision first: a whole sentence is never a name (nor anything holding 报告, a site or a spam mirror's
words), and a name without its region is only a partial name.
"""

from __future__ import annotations

import re
import unicodedata

from parsing.numbers import chinese_to_int
from parsing.vocabulary import alternation
from parsing.vocabulary import meta as words
from parsing.warnings import ParseWarning, WarningCode

# A year as reports print it, in digits or Chinese numerals; header and header_dates read it too.
CN_DIGITS = "零〇○一二两三四五六七八九十"
YEAR_DIGITS = rf"(?:\d{{4}}|[{CN_DIGITS}]{{4}})"
_Y = YEAR_DIGITS
_YEAR = rf"(?P<year>{_Y})"
_REPORT = rf"(?:政府|政务)?信息公开.{{0,12}}?{alternation(words.REPORT_WORDS)}"
_NAME_CHAR = rf"(?!{alternation(words.NAME_BREAKS)})[\u4e00-\u9fff（）()]"
_NAME = rf"(?:{_NAME_CHAR}){{2,40}}?"
_VERB = rf"{alternation(words.INTRO_VERBS)}{alternation(words.INTRO_VERB_AFTER)}?"
_VERTICAL = rf"{alternation(words.VERTICAL_BODIES)}{alternation(words.VERTICAL_ENDS)}"
# A name that ends as a name does, with its alias if any: "汕尾市公安局", "外事办公室(国际合作局)".
_ENDED_NAME = (
    rf"{_NAME}(?:{alternation(words.AGENCY_ENDS)}|{_VERTICAL})(?:[（(][\u4e00-\u9fff]{{2,20}}[）)])?"
)
_NOTE = rf"(?:[（(]{alternation(words.SHORT_NAME_NOTES)}[^（()）]*[）)])?"  # "(以下简称“市公安局”)"
# The introduction names the report: "现公布《银川市自然资源局2022年政府信息公开工作年度报告》".
INTRO = (
    re.compile(rf"{_VERB}《?(?P<agency>{_NAME}){_YEAR}年度?(?:的)?{_REPORT}"),
    re.compile(rf"{_VERB}《?{_YEAR}年度?(?P<agency>{_NAME})(?:政府)?信息公开.{{0,12}}?{alternation(words.REPORT_WORDS)}"),
    re.compile(rf"{_VERB}《?(?P<agency>{_NAME})政府信息公开工作{_YEAR}年度报告"),
    re.compile(rf"(?:涵盖了?|结合){_YEAR}年度?(?P<agency>{_NAME})(?:政府)?信息公开工作"),
    re.compile(
        rf"{_YEAR}年度?(?P<agency>{_NAME})(?:政府)?信息公开工作(?:的)?{alternation(words.WORK_STATES)}"
        rf"[^。；;]{{0,6}}?{alternation(words.COMPILED_VERBS)}"
    ),
)
_COMPILED_BY = (
    re.compile(
        rf"由(?P<agency>{_NAME}){alternation(words.COMPILED_VERB_LEADS)}?{alternation(words.COMPILED_VERBS)}"
    ),
    re.compile(
        rf"{alternation(words.COMPILED_SUBJECTS)}由(?P<agency>{_NAME}){alternation(words.COMPILED_FOLLOWERS)}"
    ),
    re.compile(
        rf"由(?P<agency>{_ENDED_NAME}){alternation(words.COMPILED_GATHERS)}(?!{alternation(words.SECTIONS)}|室)"
        rf"[^。；;]{{0,30}}?"
        rf"{alternation(words.COMPILED_VERBS)}"
    ),
)
# The first sentence's subject: "2021年，榕城区政府办公室根据…", "(一)2023年,大同市气象部门以…",
# "本年度,兴发乡严格依照…".
_LEAD = rf"(?:在[^，,。；;]{{0,40}}?{alternation(words.SUBJECT_LEADS)}[，,])?"
_SUBJECT = re.compile(
    rf"^(?:[(（][一二三四五六七八九十]+[)）])?(?:{_YEAR}年(?:度|(?!度))|{alternation(words.THIS_YEAR)})[，,]?{_LEAD}"
    rf"(?P<agency>{_ENDED_NAME}){_NOTE}"
    rf"{alternation(words.SUBJECT_VERBS)}"
)
# A paragraph that opens with the agency and its whole year: "北京街道办事处全年主动公开政府信息86条。"
_YEARLESS_SUBJECT = re.compile(rf"^(?P<agency>{_ENDED_NAME}){alternation(words.YEARLESS_SUBJECT_WORDS)}")
# The subject of the sentence that compiles the report: "…要求,黄龙县市场监督管理局结合单位实际,编制本单位…".
_COMPILER = re.compile(
    rf"(?:^|[，,。；;])由?(?P<agency>{_NAME}){alternation(words.SUBJECT_VERBS)}[^。；;]{{0,40}}?"
    rf"{alternation(words.COMPILED_VERBS)}[^。；;]{{0,20}}?{alternation(words.REPORT_WORDS)}"
)
_CONTACT = re.compile(
    rf"{alternation(words.CONTACT_BEFORE)}[:：]?(?P<agency>{_NAME})(?:{alternation(words.CONTACT_AFTER)}|[，,。；;（(]|$)"
)
_SITE = re.compile(
    rf"(?:“(?P<quoted>{_NAME})”|(?:^|[。；;])(?:[(（][一二三四五六七八九十]+[)）])?{_Y}年度?[，,]?(?P<agency>{_NAME})"
    rf"|{alternation(words.SITE_VIA)}(?P<via>{_NAME}))"
    rf"{alternation(words.OWN_SITES)}"
)
_GROUP = re.compile(
    rf"{alternation(words.OWN_GROUP_LEADS)}(?P<agency>(?:(?!的){_NAME_CHAR}){{2,30}}?)(?:政府|政务)?信息公开(?:工作)?{alternation(words.OWN_GROUPS)}"
)
_PUBLISHER = re.compile(rf"{alternation(words.PUBLISHER_LABELS)}\s*[:：|][\s|:：]*(?P<agency>{_NAME})(?![\u4e00-\u9fff])")
_SOURCE = re.compile(rf"{alternation(words.SOURCE_LABELS)}\s*[:：|][\s|:：]*(?P<agency>{_NAME})(?![\u4e00-\u9fff])")
_GUIDE = re.compile(rf"《(?P<agency>{_NAME})(?:人民政府|政府)?{alternation(words.OWN_GUIDES)}》")
_PLACE_OFFICE = re.compile(r"^(?P<place>[\u4e00-\u9fff]{2,20}?)人民政府办公室$")
_SELF_PLACE = re.compile(rf"[我本]({alternation(words.SELF_PLACES)})")
_SELF_NOT_PLACE = re.compile(rf"[我本]{alternation(words.SELF_NOT_PLACES)}(?![法理事])")  # not "本办法"
_GROUP_OFFICE = re.compile(
    rf"(?<!人民)(?:政府|政务)?信息公开(?:工作)?{alternation(words.OWN_GROUPS)}{alternation(words.GROUP_OFFICES)}?$"
)
_SHORT_NOTE = re.compile(rf"[（(]{alternation(words.SHORT_NAME_NOTES)}[^（()）]*[）)]")
_SELF_BODY = re.compile(rf"[我本]({alternation(words.SELF_BODIES)})")
_GLUED = re.compile(rf"^(?:{alternation(words.GLUED_BEFORE_NAME)})+")
# An office or section inside the agency: "党政办公室", "综合科", "办公室政务公开科".
_UNIT = re.compile(
    rf"^(?:{alternation(words.OFFICE_PREFIXES)}?{alternation(words.OFFICES)}(?:[\u4e00-\u9fff]{{2,6}}?"
    rf"(?:{alternation(words.SECTIONS)}|{alternation(words.OFFICES)}))?|[\u4e00-\u9fff]{{1,6}}?"
    rf"{alternation(words.SECTIONS)})$"
)
_HOLDS_UNITS = re.compile(r"(?:局|委员会|委|管委会|厅|海关|镇|乡|街道|办事处|苏木)$")
_AGENCY_END = re.compile(rf"(?:{alternation(words.AGENCY_ENDS)}|{_VERTICAL})$")
_ALIAS = re.compile(r"[（(][\u4e00-\u9fff]{2,20}[）)]$")  # "外事办公室(国际合作局)"
# A name that says where the agency is: a place before 省/市/县/区/…, or a national body.
# "区统计局" and "市发改委" name no place: the region word stands first.
_REGION = re.compile(
    rf"(?<=[\u4e00-\u9fff]){alternation(words.REGION_WORDS)}|^{alternation(words.NATIONAL_PREFIXES)}|部$"
)
_NO_PLACE = re.compile(rf"{alternation(words.NOT_REGION_WORDS)}|^{alternation(words.REGION_KIND_FIRST)}")
_SELF_PLACED = re.compile(rf"{alternation(words.SELF_PLACED_ENDS)}$")
_ZONE = re.compile(alternation(words.SELF_PLACED_ENDS))
# An office's name holds no body of its own: "…局党政办公室" is the bureau's, "…局某分局办公室" is not.
_BODY_IN_UNIT = re.compile(r"局|委|厅|会|院|所|中心|处|站|队|馆|镇|乡|街道")
# A place's own report names only the place ("2023年上海市政府信息公开工作年度报告", "现公布《贵阳市2021年
# 政府信息公开工作年度报告》"): its agency is the place's 人民政府.
_PLACE = re.compile(r"^[\u4e00-\u9fff]{2,12}?(?:省|市|自治区|自治州|地区|盟|县|自治县|旗|区)$")
_NOT_A_PLACE = re.compile(rf"^(?:本|我|该|全|各|市|省|县|区)|{alternation(words.NOT_A_PLACE_ENDS)}$")
_NOT_A_NAME = re.compile(rf"[，,。；;：:《》“”<>|\d]|^(?:我|本|该|各|全)|{alternation(words.NOT_IN_NAMES)}")
_QUALIFIER = re.compile(rf"[（(]{alternation(words.NAME_QUALIFIERS)}[）)]")
_AGENCY_IN_TEXT = re.compile(r"[\u4e00-\u9fff]{2,30}?(?:局|委员会|办公室|人民政府|厅|管理委员会|中心)")
_NOISE_PREFIX = re.compile(r"^(?:关于|转发|附件|请看|这是|收到|印发|标题)+")
_SITE_TAG = re.compile(r"^\s*【[^】]{0,12}】")
_OFFICE_OF = re.compile(r"(?<=[局委乡镇道])(?:党政)?(?:办公室|办)$")
_TRAILING_PUNCT = re.compile(r"[：:，,。\s]+$")
_SPACES = re.compile(r"\s+")


def norm(text: str) -> str:
    """Full-width digits and colons to ASCII, every space gone ("2025 年 1 月 17 日" -> "2025年1月17日")."""
    return _SPACES.sub("", unicodedata.normalize("NFKC", text))


def clean(text: str) -> str:
    return _TRAILING_PUNCT.sub("", norm(text))


def looks_like_agency(text: str) -> bool:
    if not 2 <= len(text) <= 40 or _NOT_A_NAME.search(text):
        return False
    return bool(_AGENCY_END.search(_ALIAS.sub("", text)))


def has_region(name: str) -> bool:
    """Whether a name says where the agency is ("西湖区人社局", "湛江海关"; not "区统计局", "高新区")."""
    name = _NO_PLACE.sub(lambda m: "_" * len(m.group()), _ALIAS.sub("", name))
    placed = _SELF_PLACED.search(name)
    if placed:
        return placed.start() >= 2 or bool(_REGION.search(name[: placed.start()]))
    zone = _ZONE.search(name)  # "经济开发区管委会党政办公室": a zone with no place before it names none
    if zone and zone.start() < 2 and not _REGION.search(name[: zone.start()]):
        name = name[zone.end() :]
    return bool(_REGION.search(name))


def place_government(name: str) -> str | None:
    """ "上海市" -> "上海市人民政府": the agency of a place's own report; None for anything else."""
    if _PLACE.match(name) and not _NOT_A_PLACE.search(name) and not _NOT_A_NAME.search(name):
        return f"{name}人民政府"
    return None


def name_of(raw: str) -> str:
    """The agency part of a title line: after any breadcrumb ("首页>…>木塔乡人民政府") or label."""
    text = re.split(r"[>＞|]", _QUALIFIER.sub("", _SHORT_NOTE.sub("", raw)))[-1]
    text = re.sub(r"^.*[:：]", "", text)
    text = _SITE_TAG.sub("", text)  # "【2019】马关县交通运输局"
    text = _NOISE_PREFIX.sub("", clean(text))
    for area, body in words.AREA_OF_BODY:
        if text.endswith(area):
            text = text[: -len(area)] + body
    grouped = _GROUP_OFFICE.search(text)
    if grouped and grouped.start() >= 2:  # the agency whose group's office this is
        text = text[: grouped.start()]
        text = place_government(text) or text
    return text


def _without_unit(name: str) -> str:
    """ "硚口区统计局党政办公室" -> "硚口区统计局": the agency whose office or section a contact names."""
    for end in range(2, len(name)):
        rest = name[end:]
        if _HOLDS_UNITS.search(name[:end]) and _UNIT.match(rest) and not _BODY_IN_UNIT.search(rest):
            return name[:end]
    return _OFFICE_OF.sub("", name)


def read_intro(head: list[str]) -> tuple[list[str], int | None]:
    """Agency names the introduction gives, most telling first; the year it names the report by."""
    year: int | None = None
    found: list[str] = []
    for pattern in (*INTRO, *_COMPILED_BY, _SUBJECT, _COMPILER, _CONTACT, _YEARLESS_SUBJECT):
        for text in head:
            for match in pattern.finditer(text):
                name = name_of(match.group("agency"))
                if pattern is _CONTACT:
                    name = _place_of_office(_without_unit(name), head)
                elif pattern in _COMPILED_BY:  # "由…厚桥街道党政办公室综合科编制"
                    name = _without_unit(name)
                elif pattern in INTRO:
                    name = _GLUED.sub("", name)
                    name = place_government(name) or name
                if looks_like_agency(name):
                    found.append(name)
                    if year is None and pattern in INTRO:
                        year = _year_int(match.group("year"))
    return found, year


def _place_of_office(name: str, head: list[str]) -> str:
    """ "盐城市大丰区人民政府办公室" -> "盐城市大丰区人民政府" in a place's own report (我区), not the office's (我办)."""
    office = _PLACE_OFFICE.match(name)
    if not office:
        return name
    selves = {m.group(1) for text in head for m in _SELF_PLACE.finditer(text)}
    if any(office.group("place").endswith(kind) for kind in selves) and not any(map(_SELF_NOT_PLACE.search, head)):
        return office.group("place") + "人民政府"
    return name


def own_sites(head: list[str]) -> list[str]:
    """The agency's own site, in a report that speaks as 我局/我委: "“襄阳市审计局”网站"."""
    selves = {m.group(1) for text in head for m in _SELF_BODY.finditer(text)}
    found: list[str] = []
    for pattern in (_SITE, _GROUP, _GUIDE):
        for text in head:
            for match in pattern.finditer(text):
                name = name_of(next(g for g in match.groups() if g))
                if looks_like_agency(name) and any(name.endswith(kind) for kind in selves):
                    found.append(name)
    return found


def publishers(head: list[str], *, sources: bool = False) -> list[str]:
    """A saved page's publisher field, when it names a place: "发布机构: | 博山区山头街道 |"; or its
    source line ("来源: 武汉市文化和旅游局")."""
    found: list[str] = []
    for text in head:
        for match in (_SOURCE if sources else _PUBLISHER).finditer(text):
            name = name_of(match.group("agency"))
            if looks_like_agency(name) and has_region(name):
                found.append(name)
    return found


def _year_int(token: str) -> int | None:
    return int(token) if token.isdigit() else chinese_to_int(token)


def resolve_agency(
    candidates: list[str],
    filename: str,
    caption: str | None,
    warnings: list[ParseWarning],
    published_by: tuple[str, ...] = (),
    sourced_by: tuple[str, ...] = (),
) -> str | None:
    """The first name that says where the agency is; else the page's publisher field when it is the
    short name with its region ("区教育局" and "发布机构:于洪区教育局"); else a fuller name from the
    caption or file name."""
    names = [c for c in candidates if c and looks_like_agency(c)]
    full = next((c for c in names if has_region(c)), None)
    if full:
        return full
    short = names[0] if names else None
    publisher = next((p for p in published_by if short is None or p.endswith(short)), None)
    publisher = publisher or next((p for p in sourced_by if short and p.endswith(short)), None)
    if publisher:
        return publisher
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
    text = norm(source)
    if short and short in text:
        prefix = text[: text.index(short)]
        run = re.search(r"[\u4e00-\u9fff]+$", prefix)
        if run:
            region = _NOISE_PREFIX.sub("", run.group())
            region = re.sub(r"^\d{4}年度?", "", region)
            if region and has_region(region + short):
                return region + short
        return None
    for match in _AGENCY_IN_TEXT.finditer(text):
        name = _NOISE_PREFIX.sub("", match.group())
        if has_region(name) and (short is None or name.endswith(short[-4:])):
            return name
    return None
