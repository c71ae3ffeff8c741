"""Meta shapes first seen in the meta corpus's third batch of real pages (p369-p531, dev part),
each with its real line (or one like it) and the near miss it must not take."""

from __future__ import annotations

from datetime import date

import pytest

from parsing.extract.text import document_from_text
from parsing.header import Header, read_header

_BODY = "\n一、总体情况\n本年度主动公开信息10条。"
_RULES = " | " + "|" * 40


def _header(text: str) -> Header:
    return read_header(list(document_from_text(text).paragraphs), filename="年报.txt", caption=None)


@pytest.mark.parametrize(
    ("text", "agency"),
    [
        # A title and its date line followed by a saved page's table rules.
        (f"洪雅县教育和体育局2023年政府信息公开工作年度报告{_RULES}\n2024年01月25日 (点击: ){_RULES}", "洪雅县教育和体育局"),
        # The first sentence's subject, with the verbs of plain statements and a short name's note.
        (
            "(二)依申请公开\n2022年度,蠡县交通运输局未发生因有关政府信息公开而引发的行政复议案和行政诉讼案。",
            "蠡县交通运输局",
        ),
        ("(一)公开的主要内容\n2009年,水利部主动公开政府信息1192条。", "水利部"),
        ("一、总体情况\n本年度,兴发乡严格依照《中华人民共和国政府信息公开条例》,扎实推进政府信息公开工作。", "兴发乡"),
        (
            "一、总体情况\n2021年,汕尾市公安局(以下简称“市公安局”)以习近平新时代中国特色社会主义思想为指导。",
            "汕尾市公安局",
        ),
        # A paragraph opening with the agency and its whole year; a spam mirror's name is no name.
        (
            "一、总体情况\n2020年,在区委、区政府的正确领导下,新葡京博彩官网区人民政府北京街道办事处认真贯彻落实《条例》。\n"
            "北京街道办事处全年主动公开政府信息86条。",
            "北京街道办事处",
        ),
        # The introduction uploads the report by its title.
        ("全年网站共发布工作动态215条,按时上传大连市发展和改革委员会2024年政府信息公开工作年度报告。", "大连市发展和改革委员会"),
        # A qualifier after the name.
        ("根据《条例》,特向社会公布2019年度青龙镇政府(机关)信息公开年度报告。", "青龙镇政府"),
        # The report compiled from the agency's own year of work.
        (
            "本年度报告是根据《条例》的要求,按照2024年杭州市上城区财政局政府信息公开工作实际编制而成。",
            "杭州市上城区财政局",
        ),
        ("本报告根据《条例》和2024年东宝区财政局政府信息公开工作开展情况编制。", "东宝区财政局"),
        # "由××综合…编制"; the compiler's section ("综合科") is no verb, and no part of the name.
        ("本报告根据《条例》的要求,由成都市住房和城乡建设局综合全年信息公开情况编制而成.", "成都市住房和城乡建设局"),
        ("本年度报告根据《条例》的要求,由无锡市锡山区人民政府厚桥街道党政办公室综合科编制。", "无锡市锡山区人民政府厚桥街道"),
        # The page's source line completes the title's short name.
        (
            "武汉市文化和旅游局\n市文化和旅游局2021年政府信息公开工作年度报告\n时间: 2022-01-24 11:17 来源: 武汉市文化和旅游局",
            "武汉市文化和旅游局",
        ),
        # A report that speaks as 我乡 names itself by its own guide.
        (
            "一、总体情况\n2023年,我乡建立健全政府信息公开工作机制,通过完善《均村乡人民政府信息公开指南》和《均村乡人民政府"
            "信息公开目录》,安排党政办工作人员负责政府信息公开工作。",
            "均村乡",
        ),
        # A place's own report (我区): its contact, the place's government office, names the place's government.
        (
            "如对本报告有任何疑问,请与盐城市大丰区人民政府办公室联系(地址:盐城市大丰区大华东路1号)。\n一、总体情况\n"
            "2020年,在盐城市委、市政府的正确领导下,我区全面贯彻落实党的十九大精神。",
            "盐城市大丰区人民政府",
        ),
        # A zone with a place before it has its region; its contact's office is no part of the name.
        ("如对本报告有任何疑问,请与随县经济开发区管委会党政办公室联系。", "随县经济开发区管委会"),
    ],
)
def test_agency_from_the_page(text: str, agency: str) -> None:
    assert _header(text + _BODY).agency == agency


@pytest.mark.parametrize(
    "text",
    [
        "一、总体情况\n2022年通过市政府门户网站主动发布市政府文件9条。",  # a site is no name
        "(二)政府信息依申请公开办理情况\n今年以来我乡未收到政府信息公开申请。",
        "一、总体情况\n2023年度我乡在伟德app官网下载苹果版安装信息公开发布平台上主动公开政府信息300余条。",
        "一、总体情况\n新葡京博彩官网区人民政府北京街道办事处认真贯彻落实《条例》。",  # spam, and no other name
        "按时上传2024年政府信息公开工作年度报告。",  # the report by its year alone
        "本报告根据《条例》和《2024年东宝区财政局政务公开工作要点》编制。",  # a plan, not the year's work
        # A zone with no place before it names no place: its office's contact is a partial name.
        "如对本报告有任何疑问,请与经济开发区管委会党政办公室联系(邮编:073000)。",
        # Another body's guide is not the report's own.
        "一、总体情况\n2023年,我局通过完善《均村乡人民政府信息公开指南》做好工作。",
        # The place's government office as the contact of a bureau's report (我局) stays the office: no place's name.
        "如对本报告有疑问,请与市人民政府办公室联系。\n一、总体情况\n2023年,我局认真贯彻落实《条例》,我区政务公开水平提升。",
        # A source line without a short name to complete: a portal's source is often the site's keeper.
        "2021年政府信息公开工作年度报告\n时间: 2022-01-24 11:17 来源: 武汉市人民政府办公厅",
    ],
)
def test_no_agency_from_near_misses(text: str) -> None:
    assert _header(text + _BODY).agency is None


@pytest.mark.parametrize(
    ("text", "agency"),
    [
        # The office's own report (我办) and a bureau's (我局) keep the contact office as it is.
        (
            "请与盐城市大丰区人民政府办公室联系。\n一、总体情况\n2020年,我区认真贯彻落实《条例》,我办及时发布信息。",
            "盐城市大丰区人民政府办公室",
        ),
        (
            "请与某某市某某区人民政府办公室联系。\n一、总体情况\n2023年,我局认真贯彻落实《条例》,我区政务公开水平提升。",
            "某某市某某区人民政府办公室",
        ),
    ],
)
def test_a_government_office_stays_an_office(text: str, agency: str) -> None:
    assert _header(text + _BODY).agency == agency


@pytest.mark.parametrize(
    ("text", "year"),
    [
        (
            "一、总体情况\n2022年度,在区委、区政府的正确领导下,我单位认真贯彻落实《中华人民共和国政府信息公开条例》有关要求。",
            2022,
        ),
        ("一、总体情况\n2021年度部门决算已公开。", None),  # a year in a sentence, not the year of the sentence
    ],
)
def test_year_of_a_paragraph_opening_with_its_year(text: str, year: int | None) -> None:
    assert _header(text).year == year


_TITLE = "弥勒市林业和草原局2025年政府信息公开工作年度报告"


@pytest.mark.parametrize(
    ("text", "published"),
    [
        # A date under the title past lines of table rules; its bullet.
        (f"{_TITLE}\n|\n{_RULES}\n2026-01-20 作者:佚名 点击数: {_RULES}", date(2026, 1, 20)),
        (f"{_TITLE}\n{_TITLE}\n  • 2026年01月31日\n  • 来源: 弥勒市林业和草原局", date(2026, 1, 31)),
        # A label without its colon, its value after a space or on the next line.
        (f"索 引 号 008453514/2024-08 发布机构 市商务局\n发布日期 2026-01-16 主题词 年度报告\n{_TITLE}", date(2026, 1, 16)),
        (f"  • 发布机构\n    弥勒市林草局\n  • 发布日期\n    2026-01-26\n{_TITLE}", date(2026, 1, 26)),
        # A document's own date on the next line, when no publication label is given.
        (f"  • 成文日期:\n    2026-01-23\n  • 公开方式:\n{_TITLE}", date(2026, 1, 23)),
        (f"  • 成文日期:\n    2026-01-23\n  • 发布日期:\n    2026-02-03\n{_TITLE}", date(2026, 2, 3)),
    ],
)
def test_page_dates(text: str, published: date) -> None:
    assert _header(text + _BODY).published_on == published


@pytest.mark.parametrize(
    "text",
    [
        f"{_TITLE}\n浏览次数\n字体大小\n2026-01-20 作者:佚名",  # a date three lines under the title
        f"{_TITLE}\n  • 2026年01月31日生效",  # not a publication
        f"发布日期说明 2026-01-16\n{_TITLE}",  # a label run on into another word
        f"  • 有效性\n    2026-01-26\n  • 公开方式\n    主动公开\n{_TITLE}",  # no date's label
    ],
)
def test_no_page_date_from_near_misses(text: str) -> None:
    assert _header(text + _BODY).published_on is None
