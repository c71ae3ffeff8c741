"""Shapes of prose stating the keys beside the total, website and requests (规范性文件, 建议提案, 处理费,
new media) that the reader missed on the narrative corpus (dev, rounds <= 28): one test each, quoting
the real sentence, with the variants that must stay unread."""

from __future__ import annotations

from parsing.extract.text import document_from_text
from parsing.narrative import read_narrative


def _facts(text: str, year: int) -> dict[str, int | float]:
    return {f.key: f.value for f in read_narrative(document_from_text(text).blocks, year=year).facts}


def test_a_later_list_item_naming_normative_documents_is_counted_by_the_clause_verb() -> None:
    text = "本年度，我厅共主动发布政府信息473条，其中发布省政府规章1件、行政规范性文件6件，发布政策解读信息15条。"
    assert _facts(text, 2023)["normative.issued"] == 6
    text = (
        "2019年发布审计结果公告1篇、公开财务预决算情况3篇(含2019年预算、2018年决算)、规范性文件3篇"
        "(含黄石市领导干部自然资源资产离任审计实施意见(试行)及其两个配套制度)等各应公开事项。"
    )
    assert _facts(text, 2019)["normative.issued"] == 3
    # an item naming no normative document is none ("…规范性文件4份和1份" names what it counts after it)
    assert "normative.issued" not in _facts("2023年，发布省政府规章1件、政策文件6件。", 2023)
    # an item of documents in force or repealed is no document issued this year
    assert "normative.issued" not in _facts("2023年，发布省政府规章1件、现行有效行政规范性文件6件。", 2023)


def test_proposals_after_many_items_of_other_kinds_are_still_handled() -> None:
    text = (
        "2022年,办理12345政务服务热线172件、四川信访系统1件、县长信箱2件,问政四川2件,麻辣社区1件,"
        "泸州市网络问政27件,人大代表建议和答复67件。"
    )
    assert _facts(text, 2022)["proposals.count"] == 67
    # a verb after the kind counts the figure right after it, never the next kind's alone
    text = "本年度主动公开信息332条,人大建议和政协提案办理共计11件,其中人大建议办理6件,政协提案办理5件。"
    assert _facts(text, 2023)["proposals.count"] == 11


def test_proposals_received_are_handled_when_the_next_sentence_says_all_were_answered() -> None:
    text = (
        "2019年,市民政局收到人大代表建议和政协委员提案共24件。其中,市人大代表建议12件,市政协提案12件,"
        "以上议案均已按时答复完成,办复率100%。"
    )
    assert _facts(text, 2019)["proposals.count"] == 24
    # received alone is no figure handled
    assert "proposals.count" not in _facts("2019年,市民政局收到人大代表建议和政协委员提案共24件。", 2019)


def test_completing_proposals_is_handling_them() -> None:
    text = "紧盯时间节点,高质量完成人大建议和政协提案共61项,办结率达100%。"
    assert _facts(text, 2021)["proposals.count"] == 61


def test_no_fee_charged_to_applicants_is_none_collected() -> None:
    text = "在履行政府信息公开工作职能过程中,均严格执行《条例》和相关规定,未向申请人收费。"
    assert _facts(text, 2023) == {"fees.collected": 0}
    assert _facts("本年度,我乡未发生政府信息依申请公开相关的收费及减免情况。", 2019)["fees.collected"] == 0
    text = "与历年相比政府信息公开申请数量增加1例;政府信息公开申请未产生相关收费情况。"
    assert _facts(text, 2024) == {"fees.collected": 0}
    # administrative fees are no information-processing fee
    assert "fees.collected" not in _facts("本年度,我局未向申请人收取行政事业性收费。", 2024)


def test_both_microplatforms_are_new_media_as_a_whole() -> None:
    # 双微 (微信 and 微博), like 两微
    assert _facts("2023年,政务双微发布信息1541条。", 2023) == {"proactive.new_media": 1541}


def test_normative_documents_announced_are_issued() -> None:
    text = "2020年,我办累计主动公开政府信息1612条,通过白水县人民政府网站公布〔白政办发〕105件、规范性文件2件,各类政府信息200余条。"
    assert _facts(text, 2020)["normative.issued"] == 2
    # documents in force announced are no documents issued this year
    assert "normative.issued" not in _facts("2020年,通过网站公布现行有效规范性文件20件。", 2020)


def test_a_wechat_public_platform_listed_after_the_website_is_new_media() -> None:
    text = (
        "2023年,汶上县医疗保障局共主动公开政府信息1032条。其中政府信息公开专栏发布的信息65条,占总量的6.3%;"
        "微信公众平台882条,占总量的85.4%;报纸、其他网站等发布85条,占总量的8.3%。"
    )
    assert _facts(text, 2023) == {
        "proactive.total": 1032,
        "proactive.website": 65,
        "proactive.new_media": 882,
    }


def test_no_normative_document_issued_is_none() -> None:
    text = "严格执行“三审三校”信息发布审核制度，全年未出现信息发布错误、延误等问题，无行政规范性文件出台及更新情况。"
    assert _facts(text, 2025) == {"normative.issued": 0}
    text = "严格按照格式、口径、时间等要求公开鸣凤镇2023年财政决算报告1条,未发布规范性文件,无行政许可、行政处罚等相关信息需要公开。"
    assert _facts(text, 2023)["normative.issued"] == 0


def test_news_of_the_work_an_account_posts_is_its_figure() -> None:
    text = (
        "2024年,全年通过门户网站发布信息210条,通过“潜江医保”微信公众号平台发布各类工作动态和医保服务信息176条,"
        "并开辟“潜医保小课堂”医保政策专栏。"
    )
    assert _facts(text, 2024) == {"proactive.website": 210, "proactive.new_media": 176}
    text = "2023年全年在区政府门户网站公示备案等信息51条;在“栖霞区政务服务”微信公众号发布工作动态、转载新闻要闻249条。"
    assert _facts(text, 2023)["proactive.new_media"] == 249
    # news of the work is no total: a kind of what the body publishes
    assert _facts("2024年,我局发布工作动态176条。", 2024) == {}


def test_a_later_clause_handling_a_count_of_nothing_named_counts_the_proposals_named_before() -> None:
    text = "三是做好乡人民代表大会建议办理结果公开,2019年我乡共接到人大提案15件,共办理14件。"
    assert _facts(text, 2019)["proposals.count"] == 14
    text = (
        "认真办理人大代表和政协委员提案,全文公开办理结果,今年办理的6件均得到代表反馈对办理结果表示满意,"
        "满意率达100%。"
    )
    assert _facts(text, 2021)["proposals.count"] == 6
    # a handled count naming what it counts is that thing's (热线, 申请), not the proposals'
    text = "认真办理人大代表建议,共办理12345热线工单14件。"
    assert "proposals.count" not in _facts(text, 2021)
    text = "认真办理人大代表建议,今年办理的6件依申请公开均已答复。"
    assert "proposals.count" not in _facts(text, 2021)


def test_a_clause_issuing_a_count_alone_counts_the_normative_documents_named_before() -> None:
    text = (
        "依据现行法律法规及工作实际,严格审查程序,健全审核机制,依法审查规范性文件,清理区本级规范性文件0件,"
        "保留4件,新制发1件,已通过规范性文件专栏集中公开。"
    )
    assert _facts(text, 2024) == {"normative.issued": 1}
    # the verb must open the clause and count nothing named; requests named before carry nothing
    assert "normative.issued" not in _facts("2023年,收到申请5件,制定3件。", 2023)
    assert "normative.issued" not in _facts("2023年,清理规范性文件2件,新制定制度3件。", 2023)
