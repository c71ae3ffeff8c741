"""Meta from the body (issue 12 item 3): the real-page meta corpus, read page by page on its dev
part, and the shapes behind it as units. The test part is only measured (benchmarks/meta.py)."""

from __future__ import annotations

from datetime import date
from typing import Any

import pytest

from parsing.extract.text import document_from_text
from parsing.header import Header, read_header
from parsing.warnings import WarningCode
from tests.parsing.meta_corpus.corpus import load, mismatches, read, score

# Dev pages the reader leaves unread on purpose, field -> why (the aim is to read them). Only an
# abstention may stand here: a known miss read wrong, or read right, fails the test.
KNOWN_DEV_MISSES: dict[str, dict[str, str]] = {
    "p112": {
        "year": "its only year is in a figure clause of (三) (2024年县文旅局行政规范性文件制发件数0件); a "
        "clause-level year rule would as well take a plan's year (2025年县文旅局将…)",
    },
    "p467": {
        "published_on": "a document mirror split the cover's date over two lines (2019. / 03.06); joining "
        "lines to read a date would as well join a page number to the next line's figures",
    },
    "p514": {
        "year": "the opening never prints the year reported on (only the previous report's 2018年度 and a "
        "plan's 2019-2035); it is in the mirror's address alone",
    },
}


@pytest.mark.parametrize("row", load("dev"), ids=lambda row: row["id"])
def test_dev_page_meta(row: dict[str, Any]) -> None:
    wrong = mismatches(row, read(row))
    known = KNOWN_DEV_MISSES.get(row["id"], {})
    assert set(wrong) == set(known), wrong
    assert all(wrong[field][0] is None for field in known), wrong


def test_test_split_is_measured_not_tuned() -> None:
    """A floor under the held-out part, so a change that loses pages there is seen. The part grew
    from 21 to 68 pages with 47 harder ones (vertical bodies, 苏木, letters, mirror sites), scored
    before they were added (agency 0.912, year 0.985, published_on 0.956) and after the reader
    learned the dev pages (0.926, 0.985, 0.971). It grew again to 119 pages with 51 more (titles
    without year or agency, agency only in intro, contact or source lines, dates in source lines and
    metadata fields): 0.857, 0.966, 0.958 with the reader as it was, 0.882, 0.966, 0.983 after it
    learned the 102 new dev pages. The floor sits just under those, not at the issue's 0.99 target,
    which the held-out pages do not reach yet."""
    result = score("test")
    assert result.pages >= 119
    floors = {"agency": 0.88, "year": 0.96, "published_on": 0.98}
    assert all(result.accuracy(field) >= floor for field, floor in floors.items()), result.errors


def test_corpus_has_sixty_pages_split_once() -> None:
    rows = load()
    assert len(rows) >= 60
    assert all(r["split"] == ("test" if int(r["id"][1:]) % 3 == 0 else "dev") for r in rows)
    assert all(r["url"].startswith("http") for r in rows)


def _header(text: str, caption: str | None = None, filename: str = "年报.txt") -> Header:
    return read_header(list(document_from_text(text).paragraphs), filename=filename, caption=caption)


def test_a_whole_intro_sentence_is_never_the_agency() -> None:
    header = _header(
        "根据《中华人民共和国政府信息公开条例》规定,现公布区统计局2023年政府信息公开工作年度报告。本报告由总体情况等六部分组成。\n"
        "一、总体情况\n2023年,我局主动公开政府信息50条。"
    )
    assert header.agency is None  # "区统计局" names no place
    assert {w.code: dict(w.data) for w in header.warnings}[WarningCode.AGENCY_PARTIAL] == {"name": "区统计局"}
    assert header.year == 2023


@pytest.mark.parametrize(
    ("text", "agency", "year"),
    [
        (
            "现发布《银川市自然资源局2022年政府信息公开工作年度报告》。\n一、总体情况",
            "银川市自然资源局",
            2022,
        ),
        ("现向社会公布2021年石家庄市教育局政府信息公开工作年度报告。\n一、总体情况", "石家庄市教育局", 2021),
        ("现公布中山市自然资源局政府信息公开工作2022年度报告。\n一、总体情况", "中山市自然资源局", 2022),
        (
            "本报告由岳阳市发展和改革委员会编制。数据统计期限为2019年1月1日至2019年12月31日。",
            "岳阳市发展和改革委员会",
            2019,
        ),
        ("一、总体情况\n2021年,榕城区政府办公室根据《条例》做好政府信息公开工作。", "榕城区政府办公室", 2021),
        (
            "2022年深圳市福田区华富街道办事处政府信息公开工作年度报告\n一、总体情况",
            "深圳市福田区华富街道办事处",
            2022,
        ),
        # A place's own report names only the place: its agency is the place's 人民政府.
        ("2023年上海市政府信息公开工作年度报告\n一、总体情况", "上海市人民政府", 2023),
        (
            "现公布《贵阳市2021年政府信息公开工作年度报告》。请与贵阳市人民政府办公厅联系。\n一、总体情况",
            "贵阳市人民政府",
            2021,
        ),
    ],
)
def test_agency_and_year_from_the_body(text: str, agency: str, year: int) -> None:
    header = _header(text)
    assert (header.agency, header.year) == (agency, year)


@pytest.mark.parametrize("place", ["高新区", "本市", "全省"])
def test_a_word_for_an_area_is_no_place_government(place: str) -> None:
    assert _header(f"2023年{place}政府信息公开工作年度报告\n一、总体情况").agency is None


@pytest.mark.parametrize(
    ("text", "year"),
    [
        ("一、总体情况\n2020年度我单位认真贯彻《条例》。", 2020),
        ("本报告数据统计期限为2025年1月1日至2025年12月31日。", 2025),
        ("本报告中所列数据的统计期限自202111日起至20211231日止。", 2021),  # a page that lost 年 and 月
        ("本报告所列数据统计期限为20231月1日至202312月31日。", 2023),
        ("一、总体情况\n现将我乡2024年度政府信息公开工作情况报告如下:", 2024),
    ],
)
def test_year_from_the_body(text: str, year: int) -> None:
    assert _header(text).year == year


def test_a_year_of_a_cited_notice_is_not_the_report_year() -> None:
    text = "根据《国务院办公厅…通知》(国办公开办函〔2019〕60号)要求,现公布开阳县冯三镇人民政府2020年政府信息公开工作年度报告。"
    assert _header(text).year == 2020


@pytest.mark.parametrize(
    ("closing", "expected"),
    [
        ("2025 年 1 月 17 日", date(2025, 1, 17)),
        ("２０２５年１月１７日", date(2025, 1, 17)),
        ("二〇二五年一月十七日", date(2025, 1, 17)),
    ],
)
def test_closing_date_with_spaces_or_full_width_digits(closing: str, expected: date) -> None:
    text = (
        f"某县某局2024年政府信息公开工作年度报告\n一、总体情况\n本年度主动公开信息10条。\n某县某局\n{closing}"
    )
    assert _header(text).published_on == expected


def test_page_dates() -> None:
    labelled = "大五里镇2020年政府信息公开工作年度报告\n发布日期: 2021-01-29  来源:大五里镇\n一、总体情况"
    assert _header(labelled).published_on == date(2021, 1, 29)
    under_title = (
        "银川市自然资源局2022年政府信息公开工作年度报告\n银川市人民政府门户网站 2023-01-30\n一、总体情况"
    )
    assert _header(under_title).published_on == date(2023, 1, 30)
    effective = "宁县卫生健康局2023年政府信息公开工作年度报告\n生效日期: | 2024-01-31 |\n一、总体情况"
    assert _header(effective).published_on is None  # 生效日期 is not a publication date
    before = "某县某局2024年政府信息公开工作年度报告\n发布日期:2023-05-01\n一、总体情况"
    assert _header(before).published_on is None  # published before the year it reports on: not its date


@pytest.mark.parametrize("caption", ["2021", "2021年度", "二〇二一年", "这是２０２１年的年报"])
def test_caption_gives_the_year_the_report_lacks(caption: str) -> None:
    text = "某县某局政府信息公开工作年度报告\n一、总体情况\n本年度主动公开信息10条。"
    assert _header(text).year is None
    assert _header(text, caption=caption).year == 2021
