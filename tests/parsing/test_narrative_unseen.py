"""Shapes from real reports the reader was not tuned on (issue 12): unseen pages read by hand, one test each."""

from __future__ import annotations

from parsing.extract.text import document_from_text
from parsing.narrative import read_narrative


def _facts(text: str, year: int = 2023) -> dict[str, int | float]:
    return {f.key: f.value for f in read_narrative(document_from_text(text).blocks, year=year).facts}


def test_the_publisher_naming_its_own_information_counts_information() -> None:
    text = "2023年，本街道在政府官网上主动公开街道信息423条，其中工作总结1条，组织机构信息3条。"
    assert _facts(text) == {"proactive.website": 423}
    # a kind stays a kind whoever publishes it
    assert _facts("2023年，本街道在政府官网上主动公开街道动态信息42条。") == {}


def test_none_stated_after_the_subject_as_a_list_item() -> None:
    text = (
        "一、总体情况 1、主动公开政府信息的情况：40条。 2、行政机关依申请公开政府信息的数量：无。 "
        "3、不予以公开政府信息的数量：无。 4、政府信息公开的收费及减免情况：无。 "
        "5、因政府信息公开申请行政复议、提起行政诉讼的情况：无。"
    )
    assert _facts(text, 2021) == {
        "proactive.total": 40,
        "applications.received": 0,
        "fees.collected": 0,
        "review.count": 0,
        "suit.count": 0,
    }


def test_a_heading_naming_one_channel_is_the_subject_of_the_figures_under_it() -> None:
    text = (
        "（二）行政机关主动公开政府信息情况\n1.网站信息公开情况\n"
        "2022年我局主动公开信息共计126条：其中，工作动态类信息11条、法润武昌专栏信息101条。\n"
        "2.多角度、多手段、多渠道信息公开\n2022年，我局在各媒体上发表的宣传信息稿件176篇。"
    )
    assert _facts(text, 2022) == {"proactive.website": 126}
    # a heading on the platforms' upkeep names no channel; one naming a channel leaves others' figures alone
    assert _facts("（四）政府信息公开平台建设情况\n全年主动公开政府信息80条。", 2022) == {"proactive.total": 80}
    text = "（三）政务新媒体\n“某某发布”微信公众号发布信息30条，门户网站发布信息12条。"
    assert _facts(text, 2022) == {"proactive.new_media": 30, "proactive.website": 12}
