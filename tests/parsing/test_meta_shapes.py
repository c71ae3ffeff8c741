"""The shapes of meta the header reads beyond the title, each with the real line it was seen in
(pages of the meta corpus's dev part, or lines like them), and the near misses it must not take."""

from __future__ import annotations

from datetime import date

import pytest

from parsing.extract.text import document_from_text
from parsing.header import Header, read_header
from parsing.header_agency import has_region, looks_like_agency

_BODY = "\n一、总体情况\n本年度主动公开信息10条。"


def _header(text: str) -> Header:
    return read_header(list(document_from_text(text).paragraphs), filename="年报.txt", caption=None)


@pytest.mark.parametrize(
    ("text", "agency", "year"),
    [
        # A verb phrase glued before the name is no part of it.
        (
            "我局编制并向社会公开莆田市涵江区人力资源和社会保障局2023年度政府信息公开工作年度报告。",
            "莆田市涵江区人力资源和社会保障局",
            2023,
        ),
        (
            "有关要求,制定西湖区人力资源和社会保障局2023年政府信息公开工作年度报告。",
            "西湖区人力资源和社会保障局",
            2023,
        ),
        ("(定政办发〔2018〕94号),现将定西市地震局2018年政府信息公开年度报告如下:", "定西市地震局", 2018),
        (
            "积极推进本单位政府信息公开工作,现编制完成《杨凌示范区外事办公室(国际合作局)2020年政府信息公开年度报告》",
            "杨凌示范区外事办公室(国际合作局)",
            2020,
        ),
        # A customs district's report: the 关区 is the customs' area, no place with a 人民政府.
        ("等规定,梳理编制湛江海关关区2023年政府信息公开工作年度报告。", "湛江海关", 2023),
        ("广州海关关区2021年政府信息公开工作年度报告", "广州海关", 2021),
        # A development zone reports as itself.
        ("要求,结合2022年大渡口经开区政府信息公开工作编制而成。", "大渡口经开区", 2022),
        ("辉苏木2025年政府信息公开工作年度报告", "辉苏木", 2025),
        # Vertical systems: the line of work's body in a place.
        ("湖北省咸宁市气象部门2022年政府信息公开工作年度报告", "湖北省咸宁市气象部门", 2022),
        ("西藏自治区邮政管理系统2020年政府信息公开年度报告", "西藏自治区邮政管理系统", 2020),
        # Titles broken over two lines, or called a 汇报.
        ("硚口区司法局2024年政府\n信息公开工作年度报告", "硚口区司法局", 2024),
        ("宣州区医疗保障局2022年政府信息公开\n年度报告", "宣州区医疗保障局", 2022),
        (
            "黑龙江省通信管理局2018年政务信息公开工作汇报\n2019年,我局在工业和信息化部领导下",
            "黑龙江省通信管理局",
            2018,
        ),
        ("【2019】马关县交通运输局2019年政府信息公开工作年度报告", "马关县交通运输局", 2019),
    ],
)
def test_agency_and_year_from_the_introduction_and_title(text: str, agency: str, year: int) -> None:
    header = _header(text + _BODY)
    assert (header.agency, header.year) == (agency, year)


@pytest.mark.parametrize(
    ("text", "agency"),
    [
        (
            "本报告由湖北省地震局根据《中华人民共和国政府信息公开条例》(以下简称《条例》)要求编制。",
            "湖北省地震局",
        ),
        (
            "一、总体情况\n2024年,湖南省生态环境厅以习近平新时代中国特色社会主义思想为指导。",
            "湖南省生态环境厅",
        ),
        (
            "一、总体情况\n(一)2023年,大同市气象部门以习近平新时代中国特色社会主义思想为指导。",
            "大同市气象部门",
        ),
        ("一、概述\n2018年,安徽省邮政管理局围绕中心工作,紧扣社会公众关注事项。", "安徽省邮政管理局"),
        # The contact line names an office or section of the agency: the agency is the body.
        ("如本报告有疑问,请联系:硚口区统计局党政办公室,地址:硚口区沿河大道518号。", "硚口区统计局"),
        ("如对报告有任何疑问,请联系安徽省邮政管理局办公室,联系地址:安徽省合肥市。", "安徽省邮政管理局"),
        ("如对本报告有任何疑问,请与襄阳市审计局综合科联系(地址:襄阳市襄城区运动路99号)。", "襄阳市审计局"),
        ("如对本年度报告有任何疑问或意见建议,请联系湛江海关办公室新闻信息办公室。", "湛江海关"),
        ("请联系:常州市文化广电和旅游局办公室,地址:常州市龙城大道1280号。", "常州市文化广电和旅游局"),
        # The agency's own site, in a report that speaks as 我局.
        (
            "2020年以来,我局在市委市政府的坚强领导下。\n每个类别条目具体内容可通过“咸宁市水利和湖泊局”网站查询。",
            "咸宁市水利和湖泊局",
        ),
        (
            "2022年,我局认真贯彻《条例》。\n(一)主动公开情况。2022年,玉林市民政局网站公开信息总数357条。",
            "玉林市民政局",
        ),
    ],
)
def test_agency_from_the_body(text: str, agency: str) -> None:
    assert _header(text).agency == agency


@pytest.mark.parametrize(
    "text",
    [
        # Another body's site is not the agency's own.
        "2022年,我局紧扣全区医疗保障事业发展。本报告通过“宣州区人民政府”门户网站政府信息公开专栏公布。",
        # 部门 ends a name only after a vertical system's line of work.
        "2023年某县县直部门政府信息公开工作年度报告",
        # An area word alone names no place.
        "本报告结合2023年高新区政府信息公开工作编制。",
    ],
)
def test_no_agency_from_near_misses(text: str) -> None:
    assert _header(text + _BODY).agency is None


@pytest.mark.parametrize(
    ("contact", "agency"),
    [
        (
            "请联系某市乡村振兴局综合科。",
            "某市乡村振兴局",
        ),  # never "某市乡": the 乡 of 乡村振兴 is no township
        ("请与某市自然资源局某某分局办公室联系。", "某市自然资源局某某分局"),  # the branch is the body
    ],
)
def test_contact_office_drops_only_an_office(contact: str, agency: str) -> None:
    assert _header(contact + _BODY).agency == agency


def test_names_that_say_where_they_are() -> None:
    assert has_region("湛江海关") and has_region("大渡口经济开发区") and has_region("辉苏木")
    assert not has_region("高新区") and not has_region("市高新区") and not has_region("区统计局")
    # A region word inside a word of the line of work, or the kind of region alone, names no place.
    assert (
        not has_region("区城乡建设局")
        and not has_region("市市场监管局")
        and not has_region("自治区应急管理厅")
    )
    assert (
        has_region("江门市住房和城乡建设局")
        and has_region("镇康县木场乡人民政府")
        and has_region("兴义市政府办公室")
    )
    assert looks_like_agency("杨凌示范区外事办公室(国际合作局)")
    assert not looks_like_agency("某县县直部门") and looks_like_agency("大同市气象部门")


@pytest.mark.parametrize(
    ("text", "year"),
    [
        ("一、总体情况\n2020年以来,我局在市委市政府的坚强领导下,认真贯彻《条例》。", 2020),
        ("本报告根据《条例》要求编制,所涉及信息核定时间为2023年1月1日至2023年12月31日。", 2023),
        ("本年度报告中所列数据期限从2023年1月1日到12月31日止。", 2023),
        (
            "一、总体情况\n(一)主动公开。2024年,亳州市商务局深入贯彻落实国家、省、市关于政务公开的各项规定要求。",
            2024,
        ),
        ("(一)主动公开。根据要求,我局积极认真做好政务信息公开工作。2024年我局共发布政府信息221条。", 2024),
    ],
)
def test_year_from_body_phrases(text: str, year: int) -> None:
    assert _header(text).year == year


def test_a_period_of_part_of_a_year_is_no_report_year() -> None:
    assert _header("一、总体情况\n2023年1月1日至6月30日期间,共收到申请3件。").year is None


@pytest.mark.parametrize(
    ("lines", "expected"),
    [
        (
            "发布机构 | 宿城街道 | 发文日期 | 2022-01-04 |\n宿城街道办事处2021年政府信息公开工作年度报告",
            date(2022, 1, 4),
        ),
        (
            "• 发布日期:\n• 2021年03月18日\n西藏自治区邮政管理系统2020年政府信息公开年度报告",
            date(2021, 3, 18),
        ),
        ("马关县交通运输局2019年政府信息公开工作年度报告\n来源: 更新时间:2020/01/18", date(2020, 1, 18)),
        # A mirror's own 更新日期 gives way to the page's 发布日期.
        (
            "点击数:   更新日期:2024年01月25日\n应急管理部2023年政府信息公开工作报告\n发布日期:2024-01-24",
            date(2024, 1, 24),
        ),
        # A line of date and time above the title.
        (
            "鹤岗市林业和草原局\n2026-01-28 10:06\n鹤岗市林业和草原局\n2025年政府信息公开工作年度报告",
            date(2026, 1, 28),
        ),
        ("某县某局\n2025-01-16 10: 31\n某县某局2024年政府信息公开工作年度报告", date(2025, 1, 16)),
    ],
)
def test_page_dates(lines: str, expected: date) -> None:
    assert _header(lines + _BODY).published_on == expected


def test_a_labelled_page_date_before_the_closing_date() -> None:
    text = (
        "2018年建新镇政府信息公开工作年度报告\n作者:本站原创 | 来源:本站原创 | 时间:2019-01-18 点击数:-\n"
        "一、主动公开政府信息的情况\n2018年度我镇主动公开政府信息数22条。\n遂溪县建新镇人民政府\n2018年12月31日"
    )
    assert _header(text).published_on == date(2019, 1, 18)


def test_a_submission_letters_signature_date() -> None:
    text = (
        "按照《中华人民共和国政府信息公开条例》有关要求,我部编制了《应急管理部2023年政府信息公开工作报告》,现予公布。\n"
        "应急管理部\n2024年1月24日\n应急管理部2023年政府信息公开工作报告" + _BODY
    )
    assert _header(text).published_on == date(2024, 1, 24)


def test_a_closing_date_stands_when_the_labelled_one_is_before_the_year() -> None:
    text = "某县某局2024年政府信息公开工作年度报告\n发布日期:2023-05-01" + _BODY + "\n某县某局\n2025年1月17日"
    assert _header(text).published_on == date(2025, 1, 17)
