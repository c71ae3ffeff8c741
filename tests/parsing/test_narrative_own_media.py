"""The body's own new media (narrative_corpus/GUIDE.md): per-platform figures add up only in one unit,
media apps of the county or city are outside outlets, and the body's total is stated as its own.
Each test quotes a real dev-corpus sentence."""

from __future__ import annotations

from parsing.extract.text import document_from_text
from parsing.narrative import read_narrative


def _facts(text: str, year: int) -> dict[str, int | float]:
    return {f.key: f.value for f in read_narrative(document_from_text(text).blocks, year=year).facts}


def test_platform_figures_in_different_units_add_up_to_nothing() -> None:
    # dev round 7: posts (篇) on WeChat beside items (条) on 南方+ count different things
    text = (
        "“平安灯都”微信公众号目前粉丝数83035,年内发布微信推文760篇,其中原创推文398篇,阅读量达40万余次;"
        "“平安灯都”南方+于2020年5月19日开通,目前订阅数9152,年内共发布信息125条,阅读量达到13万次。"
    )
    assert "proactive.new_media" not in _facts(text, 2023)
    # dev round 1: 篇, 条 and 篇次 across six accounts
    text = (
        "“五邑人社”微信公众号发布推文687篇，粉丝量突破63.9万；“五邑人社”微信视频号发布视频151条；"
        "“五邑人社”抖音发布视频151条；“江门人社”微博号发布推文820篇次。"
    )
    assert "proactive.new_media" not in _facts(text, 2024)
    # 篇次 (times posted) is no unit of 篇 (posts), though read as 篇 (dev round 1's accounts)
    text = "“江门人社”微博号发布推文820篇次；“江门人社”头条号发布推文513篇。"
    assert "proactive.new_media" not in _facts(text, 2024)
    assert _facts(text.replace("篇次", "篇"), 2024) == {"proactive.new_media": 1333}
    # in one unit they still add up (dev round 5)
    text = "2023年,通过“绥阳县人民政府”微信公众号、“绥阳政务微博”分别发布信息584条、267条。"
    assert _facts(text, 2023) == {"proactive.new_media": 851}


def test_a_county_media_app_is_an_outside_outlet() -> None:
    # dev round 28: the district's app publishes the street's items; it is not the street's new media
    text = "2024年,滨江街道通过信息公开平台公开政府信息25条;通过掌上鹿城APP发布信息716条。"
    assert "proactive.new_media" not in _facts(text, 2024)
    # dev round 1: nor its total, beside the website's and the notice boards' figures
    text = (
        "2019年度，我镇在县人民政府外网主动公开政府信息数13条（其中：乡镇动态11条，财政预算决算2条）；"
        "在大美仁寿APP公开发布内容26条；在信息公示栏、宣传展板、工作手册公开内容145条。"
    )
    facts = _facts(text, 2019)
    assert "proactive.new_media" not in facts and "proactive.total" not in facts
    # the body's own account is still its new media
    assert _facts("通过“滨江发布”微信公众号发布信息716条。", 2024) == {"proactive.new_media": 716}


def test_a_subjectless_sentence_goes_on_in_the_year_of_the_one_before() -> None:
    # dev round 26, a 2020 report stating 2019's figures: the second sentence is 2019's too
    text = "2019年,我镇通过抚松县政府网站公开信息94条。通过微信公众平台公布信息25条。"
    assert _facts(text, 2020) == {}
    assert _facts(text, 2019) == {"proactive.website": 94, "proactive.new_media": 25}


def test_a_figure_published_to_the_website_and_restated_is_the_websites_alone() -> None:
    # dev round 27: the clause names where the items went; the figure after it, stated twice, is the site's
    text = (
        "我单位按照要求,将反映工作开展情况的动态类政务信息及时主动公开至昆区政府门户网站,"
        "2025年共上传政务信息15条,经审核后发布政务信息共15条。"
    )
    assert _facts(text, 2025) == {"proactive.website": 15}
    # a total stated with 公开 of its own is the body's total, the same figure or not
    text = "2023年，通过政府网站公开信息50条，共主动公开信息50条。"
    assert _facts(text, 2023) == {"proactive.total": 50, "proactive.website": 50}


def test_a_news_client_named_bare_is_the_newspapers_outlet() -> None:
    # the GUIDE's outside outlets: 南方+ among the press (a dev round 29 sentence, validation only)
    text = "全年共通过各级媒体刊登（播出）新闻144条，其中《羊城晚报》2条、人民网4条、南方网4条、南方+3条。"
    assert "proactive.new_media" not in _facts(text, 2021)
    assert _facts("2023年，通过南方+发布信息30条。", 2023) == {}
    # an account of the body on it, named in quotes, is its new media (dev round 12)
    text = "“广东自然资源”官方微信号公开信息1535篇,累计点击量450万;“广东自然资源”南方号公开信息815篇。"
    assert _facts(text, 2023) == {"proactive.new_media": 2350}
    assert _facts("2023年，“平安灯都”南方+年内共发布信息125条。", 2023) == {"proactive.new_media": 125}
