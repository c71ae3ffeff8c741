"""Meta shapes first seen in the meta corpus's second batch of real pages (p216-p368, dev part),
each with its real line (or one like it) and the near misses it must not take."""

from __future__ import annotations

from datetime import date

import pytest

from parsing.extract.text import document_from_text
from parsing.header import Header, read_header

_BODY = "\n一、总体情况\n本年度主动公开信息10条。"


def _header(text: str) -> Header:
    return read_header(list(document_from_text(text).paragraphs), filename="年报.txt", caption=None)


@pytest.mark.parametrize(
    ("text", "agency"),
    [
        # The first sentence's subject after a frame "在…领导下,".
        (
            "一、总体情况\n2022年,在区委区政府的正确领导下,广东从化经济开发区管理委员会认真贯彻执行《中华人民共和国"
            "政府信息公开条例》及相关法规、文件。",
            "广东从化经济开发区管理委员会",
        ),
        (
            "2024年,在区政府政务信息公开工作主管部门的引领下,小营街道办事处严格依照区委、区政府针对政务公开工作的"
            "要求与安排,及时且规范地公开我街道政务信息。",
            "小营街道办事处",
        ),
        # The subject of the sentence that compiles the report.
        (
            "根据黄龙县人民政府办公室《关于做好2022年政府信息公开年度报告的通知》要求,黄龙县市场监督管理局结合单位"
            "实际,编制本单位2022年度政务公开工作年度报告。",
            "黄龙县市场监督管理局",
        ),
        # No name runs across 报告: "编制本报告现向社会公开安乐乡…" names 安乐乡.
        (
            "根据《中华人民共和国政府信息公开条例》的要求,安乐乡在对去年政府信息公开工作进行认真回顾和总结的基础上,"
            "编制本报告现向社会公开安乐乡2019年政府信息公开工作年度报告。",
            "安乐乡",
        ),
        # A short name's note is no part of the name.
        (
            "2019年,随县经济开发区在县委、县政府的正确领导下,认真贯彻落实《条例》,现公布随县经济开发区(以下简称县开发区)"
            "2019年政府信息公开工作年度报告。",
            "随县经济开发区",
        ),
        # In a report that speaks as 我局: its own site, its own group.
        (
            "本年度报告根据《条例》文件要求,结合我局2024年实际工作情况编制而成。本年度报告电子版可以从乌海市统计局门户网"
            "(http://tjj.wuhai.gov.cn)下载。",
            "乌海市统计局",
        ),
        (
            "根据《中华人民共和国政府信息公开条例》要求,现将我局2021年政府信息公开年度报告编制和公布工作有关情况报告如下:\n"
            "(一)加强组织领导。我局成立了由局长任组长,分管领导任副组长,相关股室及下属单位负责人为成员的姚安县农业农村局"
            "政府信息公开工作领导小组,下设办公室。",
            "姚安县农业农村局",
        ),
        # The group's office as compiler or contact is the agency's (a place's group: its 人民政府).
        ("如对本报告有疑问,请与白城市农业农村局政府信息公开领导小组办公室联系(地址:白城市…)。", "白城市农业农村局"),
        (
            "本报告由南平市人民政府信息公开工作领导小组办公室根据《中华人民共和国政府信息公开条例》要求编制而成。",
            "南平市人民政府",
        ),
        ("本报告由永修县交通运输局负责编制。", "永修县交通运输局"),
        ("如对本报告有疑问,可与宿城区中扬镇人民政府联系(地址:宿迁市宿城区中扬镇)。", "宿城区中扬镇人民政府"),
        # A title with its year printed without 年.
        ("海南省旅游和文化广电体育厅2020政府信息公开工作年度报告", "海南省旅游和文化广电体育厅"),
        # The agency on its own line under a title that names none.
        ("2022年政府信息公开工作年度报告\n桃江县松木塘镇人民政府\n2022年政府信息公开工作年度报告", "桃江县松木塘镇人民政府"),
        # The page's 发布机构 field names the short name with its region.
        ("区教育局2023年政府信息公开工作年度报告\n发布机构:于洪区教育局", "于洪区教育局"),
    ],
)
def test_agency_from_the_page(text: str, agency: str) -> None:
    assert _header(text + _BODY).agency == agency


@pytest.mark.parametrize(
    "text",
    [
        "一、总体情况\n2022年,在市委市政府的坚强领导下,市局认真贯彻落实《条例》。",  # no place: partial
        "本报告依据《条例》,由商务局结合有关统计数据编制。",  # "由商务局" is no name
        "一、总体情况\n2023年,我局通过临夏州人民政府门户网站主动公开政府信息50条。",  # another body's site
        "一、总体情况\n2023年,我镇成立了东乡县政府信息公开工作领导小组。",  # no 我局: no own group
        # The 发布机构 field is taken only when it is the report's short name with its region.
        "区教育局2023年政府信息公开工作年度报告\n发布机构:于洪区人民政府",
        "2023年政府信息公开工作年度报告\n发布机构:政务服务管理局",
    ],
)
def test_no_agency_from_near_misses(text: str) -> None:
    assert _header(text + _BODY).agency is None


@pytest.mark.parametrize(
    ("text", "year"),
    [
        ("(一)主动公开信息情况。本年度我局门户网站围绕市委、市政府的中心工作。截止2023年12月31日我局通过官方网站发布政务类信息34条。", 2023),
        ("根据《条例》规定编制本报告。本报告统计期限为2023年01月01日至2023年12月31日。", 2023),
        ("海南省旅游和文化广电体育厅2020政府信息公开工作年度报告", 2020),
        # The introduction names the report by its year alone.
        ("根据《中华人民共和国政府信息公开条例》要求,现将2023年度政府信息公开工作年度报告公布如下:", 2023),
        # A period whose words were lost, its digits run together.
        ("根据《条例》要求编制本报告。报告中所列数据统计期限为2025111231日。", 2025),
    ],
)
def test_year_from_the_page(text: str, year: int) -> None:
    assert _header(text + _BODY).year == year


def test_a_plans_year_is_no_report_year() -> None:
    assert _header("根据要求,我局制定2024年政府信息公开工作计划。" + _BODY).year is None


def test_a_period_of_part_of_the_year_is_no_run_together_period() -> None:
    assert _header("本报告统计期限为2025年11月1日至2025年12月31日。" + _BODY).year is None


def test_the_year_end_is_the_last_resort() -> None:
    text = "某县某局2024年政府信息公开工作年度报告\n截至2023年12月31日,我局现行有效规范性文件10件。"
    assert _header(text + _BODY).year == 2024


@pytest.mark.parametrize(
    ("lines", "expected"),
    [
        # A date that opens the line under the title, then the page's source or counter.
        (
            "于洪区教育局2023年政府信息公开工作年度报告\n区教育局\n2024年01月26日来源:于洪区教育局\n[字体: ] 打印",
            date(2024, 1, 26),
        ),
        ("洪雅县洪川镇2024年政府信息公开工作年度报告 |\n2025年01月20日 (点击: ) |", date(2025, 1, 20)),
        ("廊坊市人民政府办公室2021年政府信息公开工作年度报告\n2022年01月27日 来源: 廊坊市政府信息公开平台 作者:", date(2022, 1, 27)),
        # A date in brackets under the title.
        ("某县某局2024年政府信息公开工作年度报告\n(2025年1月20日)", date(2025, 1, 20)),
        # The time run into the day.
        ("河北省2020年政府信息公开工作年度报告\n2021-03-2918:26\n来源:", date(2021, 3, 29)),
        ("某县某局2020年政府信息公开工作年度报告\n发布时间:2021-03-2918:26:00", date(2021, 3, 29)),
        # The date after the source, or with slashes, under the title; a title without a year stands too.
        ("2023年政府信息公开工作年度报告\n来源:某县教育局 2024年01月26日 点击:", date(2024, 1, 26)),
        ("某县教育局2023年政府信息公开工作年度报告\n2024/01/26 来源:某县教育局", date(2024, 1, 26)),
        ("宁县卫生健康局政府信息公开工作年度报告\n2024-01-31 10:20 来源:宁县卫生健康局", date(2024, 1, 31)),
        # A labelled value between table bars.
        ("索引号: | 113703040042185681/2021-5123777 | 文号: | 无文号 |\n发文日期: | 2021-01-25 | 发布机构: | 博山区山头街道 |", date(2021, 1, 25)),
        ("文号: | 公开日期: | 2015-07-27 16:32 | |\n发布单位: | 下管镇 |", date(2015, 7, 27)),
        # The publication label before the document's own dates, wherever they stand.
        ("成文日期: 2023-12-29\n发布日期: 2024-01-05 09:30", date(2024, 1, 5)),
        ("生成日期: | 2024-01-05 |\n发布机构: |", date(2024, 1, 5)),
    ],
)
def test_page_dates(lines: str, expected: date) -> None:
    assert _header(lines + _BODY).published_on == expected


@pytest.mark.parametrize(
    "lines",
    [
        # A period under the title is no date of publication.
        "某县某局2024年政府信息公开工作年度报告\n2024年1月1日至2024年12月31日,我局主动公开信息10条。",
        # Nor a date in a sentence under the title, even one that names a source.
        "某县某局2024年政府信息公开工作年度报告\n根据2025年1月5日来源于县政府的通知,编制本报告。",
        # Nor a date that opens a sentence.
        "某县某局2024年政府信息公开工作年度报告\n2025年1月20日起施行的新规定。",
    ],
)
def test_no_page_date_from_near_misses(lines: str) -> None:
    assert _header(lines + _BODY).published_on is None
