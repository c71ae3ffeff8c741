"""Shapes of prose found on the dev part of narrative corpus round 3 (issue 12), one test each."""

from __future__ import annotations

import pytest

from parsing.extract.text import document_from_text
from parsing.narrative import read_narrative


def _facts(text: str, year: int = 2024) -> dict[str, int | float]:
    return {f.key: f.value for f in read_narrative(document_from_text(text).blocks, year=year).facts}


def test_a_figure_across_the_website_and_a_public_account_is_the_total() -> None:
    text = (
        "2024年，市应急局通过局门户网站和微信公众号共公开安全生产等各类非涉密信息1057条，"
        "其中局门户网站公开信息633条，局微信公众号公开信息424条。"
    )
    assert _facts(text) == {"proactive.total": 1057, "proactive.website": 633, "proactive.new_media": 424}


def test_figures_of_single_columns_are_neither_the_website_nor_a_total() -> None:
    text = "2024年，区教育局在政府门户网站部门动态发布信息32条，校园风采栏目发布信息21条，信息公开栏目发布信息43条。"
    assert _facts(text) == {}
    # the agency's own column of a government website is its website; a breakdown after 其中 is no column list
    assert _facts("于城区人民政府网站区市场监管局栏目发布信息79条。") == {"proactive.website": 79}
    assert _facts(
        "我局主动公开政府信息572条，其中：“政策法规”栏目发布信息25条，“规划计划”栏目发布信息9条。"
    ) == {"proactive.total": 572}


def test_a_count_in_a_list_of_kinds_is_no_total() -> None:
    assert _facts("重点信息方面，建议提案办理结果22条，信用公示信息118条，水质监测数据365条。") == {}
    text = "主动公开民政政策文件3件、公开政府信息10条，政务微信公众号发布信息136条。"
    assert _facts(text) == {"proactive.new_media": 136}


def test_articles_adopted_by_others_were_not_published() -> None:
    text = "全年在区党政信息网发布信息51篇，被《区信息》采用4篇，被市民政局采用3篇。"
    assert _facts(text) == {}


def test_a_total_stated_as_one_beats_an_addition() -> None:
    text = "全年累计主动公开政府信息162条。此外，我乡还通过与群众面对面交流、张贴宣传资料等方式，公开各类政府信息42条。"
    assert _facts(text) == {"proactive.total": 162}
    assert _facts("2024年累计公开信息85条。主动公开政府信息47条，其中乡镇动态35条。") == {
        "proactive.total": 85
    }


def test_what_was_published_less_than_one_channel_is_no_total() -> None:
    text = "2022年，共发布信息18条，发布政府公报1期。微信公众平台发布36条，全年总浏览量达5500余次。"
    assert _facts(text) == {"proactive.new_media": 36}


def test_a_website_named_as_a_public_affairs_net() -> None:
    assert _facts("2024年，安镇街道主动在政务公开网上公开政府信息累计49条。") == {"proactive.website": 49}


@pytest.mark.parametrize(
    ("text", "facts"),
    [
        (
            "依申请公开3次，行政复议0次，行政诉讼0次。",
            {"applications.received": 3, "review.count": 0, "suit.count": 0},
        ),
        ("全年办理政府信息依申请公开13件。", {}),  # handled, not received
        (
            "制发公文68件，其中公开发布27件，依申请公开21件。",
            {"documents.issued": 68, "documents.published": 27},
        ),
    ],
)
def test_applications_stated_without_a_verb(text: str, facts: dict[str, int]) -> None:
    assert _facts(text) == facts


def test_a_denial_after_the_count_is_a_zero_not_the_count() -> None:
    text = "共收到3份依申请公开信件，这3起依申请公开事项均未发生申请人申请行政复议、提起行政诉讼的情况。"
    assert _facts(text) == {"applications.received": 3, "review.count": 0, "suit.count": 0}


def test_a_second_case_count_names_its_own_kind() -> None:
    assert _facts("信息公开类行政复议5件、行政诉讼1件，均为结果维持。") == {
        "review.count": 5,
        "suit.count": 1,
    }


@pytest.mark.parametrize(
    ("text", "facts"),
    [
        ("2021年无提案。", {"proposals.count": 0}),
        ("本年度未收到人大代表建议和政协提案。", {"proposals.count": 0}),
        ("无涉行政复议案件、行政诉讼案件。", {"review.count": 0, "suit.count": 0}),
        ("2021年无提案。全年办理人大代表建议3件。", {"proposals.count": 3}),
    ],
)
def test_no_proposals(text: str, facts: dict[str, int]) -> None:
    assert _facts(text, 2021) == facts


@pytest.mark.parametrize(
    ("text", "facts"),
    [
        ("2020年度，我乡没有政府信息公开的收费及减免事项。", {"fees.collected": 0}),
        ("本单位无行政事业性收费项目。", {}),
        ("全年所有政府信息均未发生依申请和不予公开政府信息。", {"applications.received": 0}),
        ("没有因政府信息公开工作被申请行政复议、提起诉讼的情况。", {"review.count": 0, "suit.count": 0}),
    ],
)
def test_more_statements_of_none(text: str, facts: dict[str, int]) -> None:
    assert _facts(text, 2020) == facts


def test_a_channel_figure_of_the_agencys_own_or_general_work() -> None:
    assert _facts("其中网站发布自主信息98条。") == {"proactive.website": 98}
    assert _facts("微信平台公众号上公开政府工作情况70余条。") == {"proactive.new_media": 70}
    assert _facts("全年共主动公开各类事项191件。") == {"proactive.total": 191}


# --- corpus round 4 dev ---------------------------------------------------------------------


def test_a_count_whose_unit_the_page_lost() -> None:
    text = "2020年主动公开信息总数458条，其中政府网站公开政府信息数238条，政务微信公开政府信息数170，其他方式公开政府信息数49条。"
    assert _facts(text, 2020) == {
        "proactive.total": 458,
        "proactive.website": 238,
        "proactive.new_media": 170,
    }
    assert _facts("在门户网站通过工作动态等栏目主动公开政府信息260余") == {"proactive.website": 260}
    assert _facts("咨询电话0577123") == {}


def test_accounts_listed_with_their_figures_are_added_up() -> None:
    assert _facts("微信公众号推送300余条、微博300余条。") == {"proactive.new_media": 600}
    text = "通过官方微博“河西发布V”、微信公众号“河之西”分别发布各类信息92条、306条。"
    assert _facts(text, 2019) == {"proactive.new_media": 398}


def test_a_breakdown_sentence_lists_the_channels() -> None:
    text = "苏木政府发布的主动公开政务信息83条。其中，“三务”公开网站63条，线下公开栏公开20条。"
    assert _facts(text, 2023) == {"proactive.total": 83, "proactive.website": 63}


def test_kinds_closed_by_all_kinds_count_information() -> None:
    text = "洪雅教育发布微信公众号累计推送教育新闻和各类信息910余篇。"
    assert _facts(text, 2023) == {"proactive.new_media": 910}
    assert _facts("微信公众号推送教育新闻和通知公告910篇。", 2023) == {}


def test_applications_named_after_qizhong_when_the_sentence_received_them() -> None:
    text = "2020年区财政局收到12345群众来信、依申请信息公开等26件，其中依申请公开7件，均在规定时间内办结。"
    assert _facts(text, 2020) == {"applications.received": 7}


def test_no_fee_is_charged() -> None:
    assert _facts("依申请公开政府信息不收取任何费用。", 2020) == {"fees.collected": 0}


# --- corpus round 5 dev ---------------------------------------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "2024年,区机关事务管理局在“梁溪区人民政府”网主动公开政府信息51篇。",
        "2024年,我局在《云县人民政府网》主动公开政府信息51条。",
    ],
)
def test_a_website_named_by_its_title(text: str) -> None:
    assert _facts(text) == {"proactive.website": 51}
    # a title followed by another kind of channel is that channel
    assert _facts("通过“云县人民政府网”微信平台发布信息51条。") == {"proactive.new_media": 51}


def test_documents_issued_need_the_word_for_documents() -> None:
    assert _facts("集中公开以县人民政府及县人民政府办公室印发文件共25件。", 2023) == {}
    assert _facts("全年共制发公文68件。", 2023) == {"documents.issued": 68}


@pytest.mark.parametrize(
    ("text", "facts"),
    [
        ("因政府信息公开被申请行政复议、提起行政诉讼各0件。", {"review.count": 0, "suit.count": 0}),
        ("行政复议和行政诉讼均为0件。", {"review.count": 0, "suit.count": 0}),
        ("行政复议、行政诉讼各2件。", {"review.count": 2, "suit.count": 2}),
        ("行政复议、行政诉讼共3件。", {}),  # a sum of both, neither's
    ],
)
def test_one_case_figure_for_both_kinds(text: str, facts: dict[str, int]) -> None:
    assert _facts(text, 2023) == facts


# --- corpus round 6 dev ---------------------------------------------------------------------


def test_requests_received_named_by_the_sentence_before() -> None:
    text = "认真做好依申请公开工作,确保申请处理及时。2024年,我局共受理1件,已办结。"
    assert _facts(text) == {"applications.received": 1}
    assert _facts("认真做好依申请公开工作。2024年,共受理群众来信1件。") == {}


def test_a_denial_after_a_count_of_what_the_clause_named_before() -> None:
    text = "收到政府信息公开申请2件没有因政府信息公开申请行政复议、提起行政诉讼的情况发生。"
    assert _facts(text) == {"applications.received": 2, "review.count": 0, "suit.count": 0}
    assert _facts("年度内未申请公开件。", 2023) == {"applications.received": 0}


def test_both_kinds_of_proposals_then_the_verb() -> None:
    text = "人大建议和政协提案办理共计11件,其中人大建议办理6件,政协提案办理5件。"
    assert _facts(text, 2022) == {"proposals.count": 11}
    text = "全年网站发布信息3659条,其中政府重要会议19条,人大代表建议、政协提案办理32条。"
    assert _facts(text, 2022) == {"proactive.website": 3659}


# --- corpus round 7 dev ---------------------------------------------------------------------


def test_a_sentence_member_after_a_semicolon_has_its_own_account() -> None:
    text = (
        "“平安灯都”微信公众号目前粉丝数83035,年内发布微信推文760篇,阅读量达40万余次;"
        "“平安灯都”南方+于2020年5月19日开通,目前订阅数9152,年内共发布信息125条。"
    )
    # (posts in 篇 beside items in 条: no sum across units, narrative_corpus/GUIDE.md)
    assert _facts(text, 2023) == {}
    assert _facts(text.replace("760篇", "760条"), 2023) == {"proactive.new_media": 885}


def test_a_figure_counted_since_the_account_opened_is_not_the_years() -> None:
    text = "“建瓯应急管理”微信公众号开通至今,粉丝累计5693人,累计发布508条图文信息。"
    assert _facts(text) == {}


# --- corpus round 8 dev ---------------------------------------------------------------------


def test_quoted_words_that_describe_channels() -> None:
    text = "2021年城市管理局网站、“两微一条”共发布信息1000余条,累计阅读量60余万人次。"
    assert _facts(text, 2021) == {"proactive.total": 1000}


def test_a_public_account_counts_its_news_and_proposals_handled() -> None:
    text = "全年主办、协办建议提案办结数量27件;通过铜陵城管微信公众号发布动态信息288条。"
    assert _facts(text, 2020) == {"proposals.count": 27, "proactive.new_media": 288}


# --- corpus round 9 dev ---------------------------------------------------------------------


def test_a_list_of_platforms_across_clauses_states_a_total() -> None:
    text = (
        "2023年,我委在政务公开门户网站、“武威民宗”微信公众号,“数字民族”APP等平台共推送部门文件、"
        "政策解读、通知公告等各类信息773条。"
    )
    assert _facts(text, 2023) == {"proactive.total": 773}


def test_a_listed_channel_may_name_what_it_counts() -> None:
    text = "公开政府信息5838条。调整维护概况类信息更新量98条;政务信息3612条;微信、微博信息2102条。"
    assert _facts(text) == {"proactive.total": 5838, "proactive.new_media": 2102}


# --- corpus round 10 dev --------------------------------------------------------------------


def test_a_clause_that_only_says_when_is_no_subject() -> None:
    text = "2024年,“金塔司法”微信公众号订阅1900余人次,发布876篇信息,其中原创343篇。"
    assert _facts(text) == {"proactive.new_media": 876}


def test_a_reading_room_beside_the_website_is_another_channel() -> None:
    # dev round 28 (湖里区): the website and the archives' reading rooms together — no website figure
    text = "通过湖里区政府网站、区档案馆和图书馆的政府信息查阅室主动公开政府信息16条。"
    assert _facts(text, 2022) == {"proactive.total": 16}
    assert _facts(text.replace("、区档案馆和图书馆的政府信息查阅室", ""), 2022) == {"proactive.website": 16}


def test_a_newspaper_named_by_its_title_among_new_media_is_the_press() -> None:
    # dev round 28 (大明湖街道): a list of accounts with 济南日报 and 山东商报 among them — no new-media figure
    text = "通过“今日历下”、“济南日报”、“大众网”、“新黄河”、“山东商报”、“爱济南”等新媒体发布信息540条。"
    assert "proactive.new_media" not in _facts(text)
    assert _facts(text.replace("、“济南日报”", "").replace("、“山东商报”", "")) == {"proactive.new_media": 540}


def test_the_other_kind_of_proposals_after_a_semicolon_is_added() -> None:
    # dev round 27 (泰州市场监管局): each kind with its own 其中, the list goes on after the semicolon
    text = "共承办人大建议15件,其中主办件4件;政协提案57件,其中主办件11件,均在规定时间内完成答复。"
    assert _facts(text, 2025) == {"proposals.count": 72}


def test_a_channel_newly_built_is_its_upkeep_not_the_subject_of_a_figure_after() -> None:
    # dev round 28 (贾村镇): the new-media platform built, then two platforms listed, then one figure for both
    text = (
        "2020年我镇新建政务新媒体信息平台1个,共计2个,分别是政府门户网站、微信公众号幸福龙川魅力贾村"
        "目前2个平台用户数合计超1000人,全年发布工作动态、政策信息等合计238条。"
    )
    assert _facts(text, 2020) == {}



def test_documents_issued_stated_with_fawen_as_the_verb() -> None:
    # dev round 28 (松阳县 a town; 新华路街道): 发文 is the act of issuing, 则 one of its units
    text = "2021年,我镇共发文96件,其中主动公开文件0件,不公开文件96件,依申请公开0件。"
    assert _facts(text, 2021) == {"documents.issued": 96, "documents.published": 0}
    assert _facts("本年度,新华路街道办事处共发文2则,全文电子化率100%。", 2023) == {"documents.issued": 2}


def test_gongyou_before_the_count_is_a_filler() -> None:
    # dev round 27 (a mirror's 2021 report): 共有 stands where 共计 does
    assert _facts("一年来主动公开信息共有40条,未收到依申请公开信息。", 2021) == {
        "proactive.total": 40,
        "applications.received": 0,
    }


def test_information_exempted_from_disclosure_is_no_figure_published() -> None:
    # dev round 28 (周家桥街道): 免于公开 is the reverse of publishing — no second total beside 43
    text = "全年街道公开政府信息43条,其中主动公开公文信息2条,主动公开率100%。\n依申请公开2条,免于公开信息0条。"
    assert _facts(text, 2023) == {"proactive.total": 43, "applications.received": 2}


def test_qisu_is_a_suit() -> None:
    # dev round 27 (上饶 教育局) and round 28 (桐梓县): 起诉 against the agency is its 行政诉讼
    text = "2022年,我局收到政府信息公开申请3件,全部在法定期限内予以答复,未发生政府信息公开行政复议、起诉。"
    assert _facts(text, 2022) == {"applications.received": 3, "review.count": 0, "suit.count": 0}
    text = "被行政复议1件,为其他结果;未经复议直接起诉1件,为其他结果。"
    assert _facts(text, 2023) == {"review.count": 1, "suit.count": 1}


def test_requests_received_and_answered_with_a_manner_word_between() -> None:
    # dev round 27 (湖口县政府办): 受理并规范答复 receives and answers, like 受理并按时答复
    text = "全年受理并规范答复依申请公开申请件2件,按时办结率100%。"
    assert _facts(text, 2025) == {"applications.received": 2}


def test_no_one_applying_is_no_request_received() -> None:
    # dev round 28 (东留春乡): 无单位或个人申请 states no request, with no verb of receiving
    text = "无单位或个人申请政府信息公开,行政复议0条,行政诉讼0条。"
    # cases counted in 条 are read only right after the case word (条 anywhere invented review counts
    # on held-out text: 条 counts items of information too); GUIDE.md annotates these 0
    assert _facts(text, 2020) == {"applications.received": 0, "review.count": 0, "suit.count": 0}
    assert "review.count" not in _facts("在网站发布行政复议相关信息12条。", 2020)


def test_a_count_of_columns_kept_is_no_columns_figure() -> None:
    # dev round 27 (新疆市场监管局): 专题栏目17个 counts columns, not what one column published
    text = (
        "通过自治区市场监管门户网站、政务新媒体等平台主动公开各类政府信息4465条,维护专题栏目17个,"
        "发布政策解读材料16篇。"
    )
    assert _facts(text, 2025) == {"proactive.total": 4465}


def test_channels_named_and_the_rest_are_all_channels() -> None:
    # dev round 28 (鹤山镇): 及其他渠道 closes a list of named channels — all of them, the total
    text = "2020年鹤山镇通过政府网站、微信公众号、政务公开专区及其他渠道或形式主动公开政府信息130余条,做到了政府工作公开透明。"
    assert _facts(text, 2020) == {"proactive.total": 130}
    # the rest alone is one more channel's figure, no total (dev round 20)
    assert _facts("2023年,州公安局通过其他方式公开政府信息54条。", 2023) == {}


def test_a_running_total_beside_what_the_year_added_without_a_date() -> None:
    # dev round 28 (宜川路街道): 累计 with 其中本年度新增 is a running total — the year's is what was added
    text = "2020年累计主动公开政府信息275条,全文电子化率达100%,其中,本年度新增的主动公开政府信息32条。"
    assert _facts(text, 2020) == {"proactive.total": 32}


def test_a_total_that_all_went_through_one_channel_is_that_channels_too() -> None:
    # dev round 27 (雁峰区退役军人事务局): 均通过…门户网站发布 — the website's figure as well
    text = "全年累计主动公开政府信息11条,均通过雁峰区人民政府门户网站发布。"
    assert _facts(text, 2025) == {"proactive.total": 11, "proactive.website": 11}
    # through several channels, no one channel's
    assert _facts(text.replace("雁峰区人民政府门户网站", "门户网站和微信公众号"), 2025) == {"proactive.total": 11}


def test_respectively_then_a_word_of_summing_before_the_verb() -> None:
    # dev round 28 (桐梓县): 分别累计发布 distributes the figures like 分别发布
    text = "通过“桐梓县人民政府网”微博、微信公众号全年分别累计发布信息337条、757条。"
    assert _facts(text, 2023) == {"proactive.new_media": 1094}


def test_news_items_zixun_are_what_a_new_media_account_publishes() -> None:
    # dev round 28 (广州市城管局): 资讯 beside 推文 and 篇 of videos — the three platforms add up
    text = (
        "通过“两微一端”主渠道及政府公报、新闻媒体、抖音、视频号等发布政府信息,其中局门户网站发布信息3046条;"
        "“广州城管”官方微信推文263篇;“广州城管”官方微博发布资讯1312篇;抖音、视频号等四个视频号共发布669篇。"
    )
    assert _facts(text, 2023) == {"proactive.website": 3046, "proactive.new_media": 2244}
