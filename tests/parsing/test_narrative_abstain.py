"""Issue 12, precision on unseen text: where a sentence's structure leaves a reading unsure, the
prose reader abstains — by principle, not by sentence. Each test quotes a real corpus sentence."""

from __future__ import annotations

from parsing.extract.text import document_from_text
from parsing.narrative import read_narrative


def _facts(text: str, year: int) -> dict[str, int | float]:
    return {f.key: f.value for f in read_narrative(document_from_text(text).blocks, year=year).facts}


def test_a_bare_list_of_figures_without_respectively_binds_none() -> None:
    # dev round 2, as printed: 分别 gives each account its figure
    text = "通过官方微博“河西发布V”、微信公众号“河之西”分别发布各类信息92条、306条。"
    assert _facts(text, 2019) == {"proactive.new_media": 398}
    # without 分别 which figure is whose is unknown (and 92 is no figure of all the channels)
    assert _facts(text.replace("分别", ""), 2019) == {}
    assert _facts("2019年共收到政府信息公开申请5件、3件。", 2019) == {}


def test_a_span_from_an_earlier_year_is_no_figure_of_the_year() -> None:
    # dev round 16, a 2020 report: 2020年以来 is the year
    text = "2020年以来,雅安市林业局紧紧围绕市委、市政府工作部署,结合实际,在市党政外网公开信息580余条。"
    assert _facts(text, 2020) == {"proactive.website": 580}
    # the same sentence in a 2021 report counts since 2020: two years' worth, not the year's
    assert _facts(text, 2021) == {}
    assert _facts(text.replace("2020年以来", "自2020年至今"), 2021) == {}


def test_a_website_figure_larger_than_the_total_keeps_neither() -> None:
    # tests/parsing/test_narrative_shapes.py's real sentence: the website's figure is a part of the total
    text = (
        "2024年，市应急局通过局门户网站和微信公众号共公开安全生产等各类非涉密信息1057条，"
        "其中局门户网站公开信息633条，局微信公众号公开信息424条。"
    )
    assert _facts(text, 2024) == {
        "proactive.total": 1057,
        "proactive.website": 633,
        "proactive.new_media": 424,
    }
    # misread or misprinted, a part larger than its whole: which figure is wrong is unknown
    result = read_narrative(document_from_text(text.replace("633条", "1633条")).blocks, year=2024)
    assert {f.key: f.value for f in result.facts} == {"proactive.new_media": 424}
    assert {(c.key, c.values) for c in result.conflicts} == {
        ("proactive.total", (1057, 1633)),
        ("proactive.website", (1057, 1633)),
    }


def test_a_whole_with_a_part_of_the_year_or_of_the_agency_is_wider_than_the_report() -> None:
    # dev round 16's sentence (see above) with a part that names the year or the agency: the whole
    # before it counts more years or more publishers — neither is read
    text = "2020年以来,雅安市林业局紧紧围绕市委、市政府工作部署,结合实际,在市党政外网公开信息580余条"
    assert _facts(text + ",其中本年度公开120余条。", 2020) == {}
    assert _facts(text.replace("雅安市林业局", "雅安市各部门") + ",其中我局发布120余条。", 2020) == {}
    # dev round 2, as printed: the agency named in a part that publishes nothing is no narrower part
    text = "全年共主动公开政府信息89条，其中本镇政务公开工作按照《条例》的要求，以公开为原则，不公开为例外。"
    assert _facts(text, 2021) == {"proactive.total": 89}
    # seed 000: a part of the year that is a kind (documents made this year), not the year's publishing
    text = (
        "政府网站主动公开124条，其中，本年度制定和公开行政规范性文件1件，转发上级规范性文件并对外公开2件；"
        "官方微信公开129条。"
    )
    assert _facts(text, 2021) == {"proactive.website": 124, "proactive.new_media": 129, "normative.issued": 1}


def test_a_website_named_clauses_before_its_figure_may_carry_everything() -> None:
    # dev round 25 (annotated as the website's): the website named as the means of the work, other
    # clauses with their own verbs between — one website and nothing else named, the figure is its
    # (tests/parsing/test_narrative_recall.py); with another channel beside it, no website figure (one
    # across both is the total)
    text = (
        "2023年依托合江县人民政府网站和政务微信公众号，结合政务公开工作要点和公众关注关心热点，"
        "以重点领域信息公开为抓手，持续深化政府信息公开工作，加大主动公开力度，主动公开各类政府信息6750余条。"
    )
    assert _facts(text, 2023) == {"proactive.total": 6750}
    # the clause right before the figure names the website and nothing else (dates may stand between)
    assert _facts("我局通过区政府网政务公开政府部门民政局网页,发布信息92条。", 2023) == {
        "proactive.website": 92
    }
    text = "2022年我街道在都匀市人民政府网,截至2022年12月31日共发布信息89条。"
    assert _facts(text, 2022) == {"proactive.website": 89}


def test_requests_whose_part_is_another_years_or_the_whole_counts_other_agencies() -> None:
    # dev round 1, as printed: the part named in brackets is the year's (新收), the whole holds 上年结转
    text = (
        "2023年共受理政府信息依申请公开121件（其中本年度新收申请数112件，上年结转申请数9件），已答复119件。"
    )
    assert _facts(text, 2023) == {"applications.received": 112}
    # the same part after a comma instead of brackets: the whole holds last year's requests
    assert _facts("2023年共受理政府信息依申请公开121件，其中上年结转申请数9件，已答复119件。", 2023) == {}
    # dev round 12, as printed: a part of none leaves the whole the year's
    text = "共受理答复依申请公开件34件(含2022年结转0件),办结34件,转结下年度继续办理0件。"
    assert _facts(text, 2023) == {"applications.received": 34}
    # a part received by the agency itself: the whole is the county's
    text = "2023年，全县共收到政府信息公开申请150件，其中我局收到15件。"
    assert _facts(text, 2023) == {}


def test_a_figure_naming_no_channel_after_a_channels_figure_is_no_total_unless_stated_so() -> None:
    # dev round 25, as printed: stated as the total (总计) after the channels' figures
    text = "通过扎赉特旗人民政府网站更新信息14条,政务新媒体更新486条、全年总计更新主动公开信息500条。"
    assert _facts(text, 2025) == {"proactive.website": 14, "proactive.new_media": 486, "proactive.total": 500}
    # without 总计 the last figure may be the new media's (its subject) or the total: neither
    assert _facts(text.replace("总计", ""), 2025) == {"proactive.website": 14, "proactive.new_media": 486}
    assert _facts("2025年，“××发布”微信公众号推送300期，发布信息900条。", 2025) == {}


def test_a_statement_of_none_dated_another_year_is_no_none_of_the_year() -> None:
    # dev round 27, a 2021 report (包头 文旅广电局): the clause dates its none to 2022
    text = "2022年,我局无依申请公开事项。"
    assert _facts(text, 2021) == {}
    # the same sentence in the 2022 report is that year's none
    assert _facts(text, 2022) == {"applications.received": 0}


def test_a_channels_part_larger_than_the_total_before_it_leaves_no_total() -> None:
    # dev round 27 (阿尔山市卫健委): the breakdown's public-account figure exceeds the "total" — a part
    # larger than its whole, none for both (GUIDE.md clarification 8)
    text = (
        "全年主动公开各类政府信息70条,涵盖机构职能、政策文件、财政预决算等关键领域。其中,公开行政规范性文件7件、"
        "“双随机、一公开”检查结果14条,在账号“阿尔山市卫生健康委员会”的微信公众号上主动公开各类信息115条。"
    )
    assert {k: v for k, v in _facts(text, 2025).items() if k.startswith("proactive")} == {}
    # dev round 2 (融安县大坡乡): likewise, in 篇 beside items in 条
    text = (
        "全年累计主动公开政府信息162条。其中，乡镇文件公开41条，通过“融安县大坡乡”微信公众号发布信息293篇。"
    )
    assert _facts(text, 2024) == {}
