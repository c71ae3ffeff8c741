"""Shapes from real reports the reader was not tuned on (issue 12): unseen pages read by hand, one test each."""

from __future__ import annotations

from parsing.extract.text import document_from_text
from parsing.narrative import read_narrative


def _facts(text: str, year: int = 2023) -> dict[str, int | float]:
    return {f.key: f.value for f in read_narrative(document_from_text(text).blocks, year=year).facts}


def test_the_publisher_naming_its_own_information_counts_information() -> None:
    text = "2023年，本街道在政府官网上主动公开街道信息423条，其中工作总结1条，组织机构信息3条。"
    assert _facts(text) == {"proactive.website": 423}
    # a kind stays a kind whoever publishes it (news of the work, 动态信息, is the site's figure when
    # stated alone: test_narrative_recall)
    assert _facts("2023年，本街道在政府官网上主动公开街道财政信息42条。") == {}


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


def test_a_figure_under_a_heading_naming_one_channel_is_neither_its_nor_a_total() -> None:
    # two readings (the heading's channel is its subject, or the agency's total): no figure
    text = (
        "（二）行政机关主动公开政府信息情况\n1.网站信息公开情况\n"
        "2022年我局主动公开信息共计126条：其中，工作动态类信息11条、法润武昌专栏信息101条。\n"
        "2.多角度、多手段、多渠道信息公开\n2022年，我局在各媒体上发表的宣传信息稿件176篇。"
    )
    assert _facts(text, 2022) == {}
    # …and the channel's own figure stated under it stands (it was a conflict with the one guessed)
    text = "（三）政务新媒体\n全年主动公开政府信息80条。“某某发布”微信公众号发布信息30条。"
    assert _facts(text, 2022) == {"proactive.new_media": 30}
    # a heading on the platforms' upkeep names no channel; one naming a channel leaves others' figures alone
    assert _facts("（四）政府信息公开平台建设情况\n全年主动公开政府信息80条。", 2022) == {"proactive.total": 80}
    text = "（三）政务新媒体\n“某某发布”微信公众号发布信息30条，门户网站发布信息12条。"
    assert _facts(text, 2022) == {"proactive.new_media": 30, "proactive.website": 12}


def test_one_channel_then_others_unnamed_is_a_figure_across_channels() -> None:
    # (but the website named so is the figure's channel: GUIDE clarification 14)
    text = "全年通过新区官网政务信息平台等渠道共发布各类信息四十余条。"
    assert _facts(text) == {"proactive.website": 40}
    assert _facts(text.replace("新区官网政务信息平台", "微信公众号")) == {"proactive.total": 40}
    text = "全年通过电子屏幕，公告栏等公开渠道主动发布政府信息共计49条（不同渠道发布的同一信息计为1条）。"
    assert _facts(text) == {"proactive.total": 49}


def test_one_other_platform_alone_is_no_total() -> None:
    assert _facts("重点领域信息公开力度持续加大，全年通过平台发布信息1110条。", 2019) == {}
    text = (
        "2021年，全苏木累计通过额济纳旗人民政府网公开信息23条；通过额济纳旗“三务公开”平台公开信息154条；"
        "通过苏木微信公众平台“魅力侨乡”公开信息1375条。"
    )
    assert _facts(text, 2021) == {"proactive.website": 23, "proactive.new_media": 1375}
    # all platforms are no one platform
    assert _facts("全平台发布各类政务信息合计932条，其中网站发布自主信息98条。", 2021) == {
        "proactive.total": 932,
        "proactive.website": 98,
    }


def test_a_column_is_no_notice_board_and_a_channel_counts_information_in_pieces() -> None:
    text = "2023年在防城港市教育局网站政务公开栏目主动公开单位机构设置、人事信息、财政信息等主动公开信息63件。"
    assert _facts(text) == {"proactive.website": 63}
    assert _facts("2023年在局门户网站公开39件。") == {}  # 件 with nothing named may be documents
    assert _facts("同时，在镇(场)工作专栏公布信息135。", 2019) == {}


def test_newly_added_on_a_channel_is_published() -> None:
    assert _facts("2019 年，厅门户网站新增信息14129条，其中，工作动态类信息3455条。", 2019) == {
        "proactive.website": 14129
    }


def test_a_count_since_some_start_is_not_the_years() -> None:
    text = "对业务工作和政务动态进行实时更新，截至目前共发布592条信息，2019年公开政府信息60条，其中，概况信息2篇。"
    assert _facts(text, 2019) == {"proactive.total": 60}


def test_a_sum_word_before_another_verb_closes_no_list() -> None:
    text = "全年新收到政府信息公开申请779 件，上年结转政府信息公开申请数量37件，共计办结774件，结转下年办理42件。"
    assert _facts(text, 2019) == {"applications.received": 779}
    assert _facts("收到网上申请105件，快递17件，合计122件。")["applications.received"] == 122


def test_the_fields_a_list_names_count_information() -> None:
    text = "通过门户网站、微信公众号等形式，公开重大项目、经济运行、价格管理等多领域信息2000余条。"
    assert _facts(text) == {"proactive.total": 2000}
    assert _facts("公开财政预决算、征地补偿等重点领域信息50条。") == {}


def test_channels_in_brackets_after_a_total_are_its_channels() -> None:
    text = "以局门户网站、微信公众号为载体，及时公开综合监管执法等工作信息1261条(其中:网站390条、微信公众号871条)。"
    assert _facts(text, 2024) == {"proactive.total": 1261, "proactive.website": 390, "proactive.new_media": 871}
    # …but those of one channel's figure are its parts
    text = "通过门户网站主动公开发布各类信息611条，移动新媒体发布各类信息236条(其中:微博发布信息112条,微信发布信息124条)。"
    assert _facts(text, 2019) == {"proactive.website": 611, "proactive.new_media": 236}


def test_wan_after_a_qualifier_multiplies_and_wan_alone_is_no_number() -> None:
    text = "通过政府网站和政务新媒体以及报纸、宣传栏等媒介，主动公开政府信息20余万条。"
    facts = read_narrative(document_from_text(text).blocks, year=2022).facts
    assert [(f.key, f.value, f.qualifier) for f in facts] == [("proactive.total", 200000, "余")]


def test_a_count_of_channels_is_no_figure_between_the_channel_and_its_count() -> None:
    text = "我镇现有一个公众号，账号为吐列毛杜镇人民政府，2023年共发布623条内容。"
    assert _facts(text) == {"proactive.new_media": 623}


def test_an_excluding_word_inside_the_phrase_that_names_the_key() -> None:
    assert _facts("受理答复政府信息公开申请28件，其中，行政复议1件。", 2022)["applications.received"] == 28
    assert _facts("2023年我厅共收到依申请公开信件2件，均为网络申请。") == {"applications.received": 2}
    assert _facts("2023年度我镇无申请公开政务信息情况。") == {"applications.received": 0}
    # the agency as the review body: no case against it
    assert _facts("截至11月底，受理行政复议申请56件，目前已办结38件。", 2020) == {}


def test_a_required_word_listed_before_another_whole_is_not_what_was_counted() -> None:
    text = "依托区政府门户网站集中发布政府公报、区政府行政规范性文件、政府会议信息等政府信息 11000余条。"
    assert "normative.issued" not in _facts(text, 2024)
    assert _facts("全年新制定并公开规范性文件1条。", 2025) == {"normative.issued": 1}


def test_a_channel_listed_after_including_and_information_about_something() -> None:
    text = "全年主动公开政务信息382条，包括政府网站35条，“临洮县新添镇”微信公众号2443条。"
    # (a part larger than its whole: none for both, GUIDE.md clarification 8)
    assert _facts(text, 2022) == {"proactive.website": 35}
    text = "今年我镇主动利用微信公众号等新媒体公开群众广泛关注的政府信息共59条。"
    assert _facts(text) == {"proactive.new_media": 59}


def test_a_later_item_of_a_clause_counts_what_it_names() -> None:
    text = "全年在门户网站编发政务信息220条、解答电话咨询200多次、在线留言咨询1条，牢牢把握主动权。"
    assert _facts(text, 2020) == {"proactive.website": 220}
    text = "“某某发布”微信公众号发布信息300条、阅读量5万次、群众留言20条。"
    assert _facts(text, 2020).get("proactive.new_media") in (None, 300)  # never 20, never 320
    assert _facts("全年发布信息294期1014条。", 2020) == {"proactive.total": 1014}


def test_the_agencys_own_page_of_a_website_is_the_website() -> None:
    text = "二是通过局专属页面主动公开政府信息218条，定期发布月度经济指标和政务（工作）动态类信息。"
    assert _facts(text, 2021) == {"proactive.website": 218}


def test_new_media_as_a_whole_is_not_added_to_its_platforms() -> None:
    # the whole, then its platforms: the whole
    assert _facts("2023年，通过政务新媒体发布信息500条，其中微信公众号300条，微博200条。") == {"proactive.new_media": 500}
    text = "2023年，通过微信公众号发布信息300条，通过微博发布信息200条，两微共发布500条。"
    assert _facts(text) == {"proactive.new_media": 500}
    # "other new media" is more media, not all of it
    text = "通过微信公众号“深圳司法”发布信息540条；通过微博账号发布信息725条；通过其他新媒体平台发布信息568条。"
    assert _facts(text) == {"proactive.new_media": 1833}


def test_one_platform_twice_is_one_account_unless_each_is_named() -> None:
    text = "2023年，“某某发布”微信公众号发布信息300条。全年，公众号共推送信息300条，阅读量10万次。"
    assert _facts(text) == {"proactive.new_media": 300}
    text = "2023年，“甲”微信公众号发文256篇，“乙”微信公众号发文310篇，官方微博发文100篇。"
    assert _facts(text) == {"proactive.new_media": 666}
    # (in different units they count different things: no sum, narrative_corpus/GUIDE.md)
    assert _facts(text.replace("发文100篇", "发布信息100条")) == {}
    assert "proactive.new_media" not in _facts("2023年，“甲”微信公众号发文256篇，微信公众号发文310篇。")
    # 今日头条公众号 is 头条's, not WeChat's
    text = "累计公开政府信息1930条，其中政务外网公开1387条，包头市场监管微信公众号公开364条，包头市场监管今日头条公众号公开179条。"
    assert _facts(text, 2019)["proactive.new_media"] == 543


def test_each_member_of_a_two_year_sentence_has_its_own_year() -> None:
    text = "2022年，我局主动公开政府信息400条；2023年，我局主动公开政府信息500条。"
    assert _facts(text) == {"proactive.total": 500}
    text = "2023年，我局主动公开政府信息500条；2022年，主动公开政府信息400条。"
    assert _facts(text) == {"proactive.total": 500}


def test_the_press_is_publicity_not_a_channel_of_disclosure() -> None:
    assert _facts("2023年，在人民网、新华网等媒体发布信息50条。") == {}
    assert _facts("2023年，我镇通过各级新闻媒体发布信息80条。") == {}
    assert _facts("2023年，通过政务新媒体发布信息40条。") == {"proactive.new_media": 40}
    text = "2023年，通过门户网站、新闻媒体等渠道主动公开政府信息400条。"
    assert _facts(text) == {"proactive.total": 400}


def test_a_running_total_beside_what_the_year_added() -> None:
    assert _facts("截至2023年底，累计主动公开政府信息5000条，其中本年度新增500条。") == {"proactive.total": 500}
    text = "截至2023年12月31日，我局累计主动公开政府信息5000条，2023年新增主动公开政府信息500条。"
    assert _facts(text) == {"proactive.total": 500}
    assert _facts("截至2023年12月31日，我局累计主动公开政府信息500条。") == {"proactive.total": 500}


def test_what_is_counted_after_the_documents_word_is_what_counts() -> None:
    text = "1.行政法规、规章和规范性文件相关信息发布13条，公开现行规范性文件41个；2.机关职能发布596条。"
    assert "normative.issued" not in _facts(text, 2020)
    assert _facts("2020年制定规范性文件共计4件。", 2020) == {"normative.issued": 4}


def test_a_count_of_other_things_does_not_end_the_subjects_channel() -> None:
    assert _facts("2023年，门户网站开设专栏5个，发布信息200条。") == {"proactive.website": 200}
    assert _facts("2023年，网站累计访问量120万次，发布信息1200条。") == {"proactive.website": 1200}


def test_lower_levels_figures_are_not_the_agencys() -> None:
    assert _facts("2023年，各村（社区）共公开信息500条。") == {}
    assert _facts("2023年，县政府部门和镇（街道）共公开各类政府信息14542条。") == {}


def test_a_column_beside_a_figure_of_the_website_itself() -> None:
    text = "结合实际，在市党政外网公开信息580余条，牵头生态环境栏目完成信息公开90余条，编发简报43期。"
    assert _facts(text, 2020) == {"proactive.website": 580}
    text = "2024年，区教育局在政府门户网站部门动态发布信息32条，校园风采栏目发布信息21条。"
    assert _facts(text, 2024) == {}


def test_when_is_no_part_of_what_was_counted() -> None:
    text = "我局按要求定期主动公开政府信息2024年全年共计6条，历年累计978条。"
    assert _facts(text, 2024) == {"proactive.total": 6}


def test_the_review_body_and_lower_levels_state_no_figure_of_the_agency() -> None:
    assert _facts("2023年，各镇（街道）共收到政府信息公开申请80件。") == {}
    assert _facts("2023年，本机关作为复议机关共收到行政复议申请120件，其中政府信息公开类30件。") == {}
    # a respondent receives and handles its own cases
    text = "2023年度本机关收到涉政府信息公开的行政复议案4件、办理行政诉讼0件。"
    assert _facts(text) == {"review.count": 4, "suit.count": 0}


def test_a_channels_information_and_its_count_need_no_verb() -> None:
    text = "累计公开政府信息1687条。泸州市水务局政务网站信息796条；泸州水务发布微信信息398条；泸州水务微博信息162条。"
    assert _facts(text, 2022) == {"proactive.total": 1687, "proactive.website": 796, "proactive.new_media": 560}
    text = "2021年，区统计局通过区政府网站、爱渭滨APP、省市统计网站公开信息91条。"
    assert _facts(text, 2021) == {"proactive.total": 91}


def test_media_posts_as_what_was_published() -> None:
    text = "在市党政外网公开信息580余条，编发简报43期，发布微信、微博590余条次。"
    assert _facts(text, 2020) == {"proactive.website": 580, "proactive.new_media": 590}
    # a channel's noun alone lists nothing
    assert _facts("2023年，网站留言20条，微信信息100条。") == {}


def test_an_account_run_in_the_clause_before_is_the_channel_of_the_count() -> None:
    text = "用好载体，自主运营“广元商务”微信公众号，2023年发布信息500余条。"
    assert _facts(text) == {"proactive.new_media": 500}


def test_part_of_the_year_is_not_the_years_figure() -> None:
    assert _facts("截至11月底，受理行政复议申请56件。") == {}
    assert _facts("2023年1-10月，主动公开政府信息300条。") == {}
    assert _facts("上半年，主动公开政府信息150条。") == {}
    assert _facts("截至2023年12月31日，主动公开政府信息300条。") == {"proactive.total": 300}
    assert _facts("2023年1月至12月，共收到政府信息公开申请5件。") == {"applications.received": 5}


def test_a_date_clause_of_another_year_dates_the_count_after_it() -> None:
    assert _facts("截至2018年12月31日，我局新增主动公开政府信息266条，其中，公告公示类信息24条。", 2019) == {}
    assert _facts("截至2019年12月31日，我局新增主动公开政府信息266条。", 2019) == {"proactive.total": 266}


def test_a_figure_stated_as_a_total_is_no_item_of_a_list_before_it() -> None:
    text = "2020年，主动公开规范性文件数量2件，主动公开政府信息总数150条。"
    # (publishing the normative files themselves states how many were issued, as GUIDE.md annotates)
    assert _facts(text, 2020) == {"proactive.total": 150, "normative.issued": 2}
    assert _facts("2020年，主动公开政府信息数为120，依申请公开0件。", 2020) == {
        "proactive.total": 120,
        "applications.received": 0,
    }


def test_a_later_item_with_its_own_verb_shares_the_clauses_channel() -> None:
    text = "2023年，“某某发布”微信公众号全年共推送156期、发布信息512条。"
    assert _facts(text) == {"proactive.new_media": 512}
    assert _facts("全年网站共发布工作动态215条、通知公告47条、政策法规7条、预算决算公开13条。") == {}
    assert _facts("2023年，政务微博发布博文320条。") == {"proactive.new_media": 320}


def test_one_means_that_is_no_known_channel_or_the_rest_of_them_is_no_total() -> None:
    # https://cgj.taian.gov.cn/module/xxgk/xxgkAnnualReport.jsp?area=12370900MB2812715W&fbtime=2021
    assert _facts("在政务公开法定主动公开目录共发布信息290条;承办建议提案48件。", 2021) == {
        "proposals.count": 48
    }
    # https://linxia.gov.cn/lxz/zwgk/zfxxgknb/2023/zzfgbm/art/2024/art_d59836f6cd784887994011ec81c0a919.html
    text = "2023年,州公安局通过政府网站公开政府信息754条,通过政务新媒体公开政府信息2808条,通过其他方式公开政府信息54条。"
    assert _facts(text) == {"proactive.website": 754, "proactive.new_media": 2808}
    # means in general stay a total
    assert _facts("2023年,我局通过不同渠道和不同方式主动公开政府信息共计1271条。") == {
        "proactive.total": 1271
    }
    assert _facts(
        "我局主动公开主要聚焦于稳岗就业、社会保障两大模块，本年度共在这两个模块发布391条信息。"
    ) == {"proactive.total": 391}


def test_a_site_named_by_its_own_name_is_a_channel_not_surely_the_website() -> None:
    # http://www.hangzhou.gov.cn/art/2021/1/29/art_1229063423_3841182.html: the agency's own site here,
    # but "大众网", "中宏网" are the press's — neither a total nor surely the website's figure
    text = "本年度杭州教育网和中国杭州同步主动公开信息1525条;官方微博发布信息1200余条;官方微信发布1400余条图文信息。"
    assert _facts(text, 2020) == {"proactive.new_media": 2600}
    # the press's sites stay the press's (and 政务网 a website)
    text = (
        "2023年通过“幸福东坪”微信公众号、安化新闻网、安化政务网、益阳日报、红网、新湖南、人民网等平台,"
        "东坪镇人民政府主动公开政府信息526条。"
    )
    assert _facts(text) == {"proactive.total": 526}


def test_a_figure_after_a_channels_figure_not_stated_as_a_total_is_another_channels() -> None:
    # http://cgj.lyg.gov.cn/lygcsglj/zfxxgknb/content/f323fa90-5f0e-4b6b-90ab-90cc8edb0cea.html
    text = "政府门户网站公开信息990条，政府信息公开目录主动公开政府信息69条，包含规范性文件类信息。"
    assert _facts(text, 2022) == {"proactive.website": 990}


def test_the_figure_stated_as_the_total_is_no_smaller_than_the_others() -> None:
    # http://www.kaiyang.gov.cn/zwgk/zfxxgk/xxgknb_5784164/2024n/202501/t20250123_86672992.html
    text = (
        "2024年累计公开信息85条。其中政策文件4条，工作动态37条，履职依据0条，权责清单1条。"
        "主动公开政府信息47条，其中乡镇建设与管理12条，乡镇动态35条。"
    )
    assert _facts(text, 2024) == {"proactive.total": 85}


def test_a_sentence_that_adds_to_what_was_stated_states_no_total() -> None:
    # http://rongan.gov.cn/xxgk/fdzdgknr/bmxxgknb/t19700101_3584822.shtml
    text = "此外，我乡还通过与群众面对面交流、召开村民代表大会以及张贴宣传资料等方式，公开各类政府信息42条。"
    assert _facts(text, 2024) == {}


def test_news_of_the_agencys_work_is_one_kind_of_information() -> None:
    # http://www.jiaokou.gov.cn/zwgk/zfxxgk/xxgknb/xinxinianbao/202403/t20240308_1847723.shtml
    text = "全年,我县政府门户网站更新政务动态信息1841条,信息公开目录信息2875条,发布政策性文件36件,政策解读36条。"
    assert _facts(text) == {}
    # …what an account publishes all the same
    text = "2020年,全年主办、协办建议提案办结数量27件;通过铜陵城管微信公众号发布动态信息288条。"
    assert _facts(text, 2020)["proactive.new_media"] == 288


def test_every_piece_of_a_breakdown_in_brackets_is_a_part() -> None:
    # https://xam.gov.cn/xam/2024-01/23/article_2024051604314968001.html
    text = "2023年,我局依托盟行署门户网站、微信公众号等主动公开信息共311条(其中:政府网站6条,微信公众号305条),其中工作动态86条。"
    assert _facts(text) == {"proactive.total": 311, "proactive.website": 6, "proactive.new_media": 305}


def test_no_case_of_either_kind_is_none_of_each() -> None:
    # http://uhdz.gov.cn/zfxxgk/zfxxgknb/qzfxxgknb/content_1069
    text = "截至目前,2022年我区公开行政规范性文件2件,行政许可3606件,接收政府信息公开申请13件,产生行政复议及行政诉讼0件。"
    want = {"normative.issued": 2, "applications.received": 13, "review.count": 0, "suit.count": 0}
    assert _facts(text, 2022) == want  # (the year's files published: GUIDE.md clarification 1)


def test_none_stated_as_not_existing() -> None:
    # https://www.jyg.gov.cn/ybj/zwxxgk/zfxxgknb/art/2024/art_98ab1669126f45df877ecda00c3585ee.html
    text = "2023年未收到政府信息公开申请,未发生因政府信息公开申请行政复议、提起行政诉讼的情况,不存在政府信息公开的收费及减免情况。"
    assert _facts(text)["fees.collected"] == 0


def test_news_sites_are_the_press_and_a_website_stated_twice_is_a_conflict() -> None:
    # http://www.jiangjin.gov.cn/jz/dszrmzf_69061/zwgk_81486/zfxxgknb_81503/202004/t20200409_7030115.html
    text = (
        "2019年,全镇主动在新闻网站发布信息160余条;政府微信公众号更新信息40余条"
        "政府官方网站主动公开政府信息86条其中更新工作动态56条、通知通告22条、领导分工8条。"
    )
    assert _facts(text, 2019) == {"proactive.website": 86, "proactive.new_media": 40}
    # https://linxia.gov.cn/lxz/zwgk/zfxxgknb/2023/zzfgbm/art/2024/art_d59836f6cd784887994011ec81c0a919.html
    text = (
        "2023年,州公安局通过政府网站公开政府信息754条,通过政务新媒体公开政府信息2808条。"
        "其中,“临夏公安”微信公众号发布信息1205条、微博12984条、今日头条1118条、门户网站1014条、抖音号628条。"
    )
    result = read_narrative(document_from_text(text).blocks, year=2023)
    assert "proactive.website" not in {f.key for f in result.facts}
    assert [(c.key, set(c.values)) for c in result.conflicts if c.key == "proactive.website"] == [
        ("proactive.website", {754, 1014})
    ]


def test_a_channel_worked_on_is_not_the_channel_a_figure_was_published_through() -> None:
    # https://cqfd.gov.cn/bm/jw/zwgk_36090/zfxxgknb_36101/202601/t20260122_15343401.html
    text = "加强政务新媒体建设,“丰都教育”微信订阅号关注用户达7.58万人,全年发布信息216条,总阅读量超过49万次。"
    assert _facts(text, 2025) == {"proactive.new_media": 216}
    # http://hljfy.gov.cn/govinfo/contents/1287/5120.html: posts of an account name it themselves
    text = (
        "全面加强生态环境微信公众号建设，实行重要信息第一时间采编、第一时间发布，采取长图、短视频等图文形式，"
        "推送微信92篇，微信阅读量达6700多次、点赞数2000多次。"
    )
    assert _facts(text, 2020) == {"proactive.new_media": 92}


def test_an_applicant_is_no_request_and_answers_are_no_requests_received() -> None:
    # http://lztj.liuzhou.gov.cn/zwgk/zfxxgknb/t19700101_3215525.shtml
    text = "2022年我局共收到信件30封,内容均为要求提供相关统计数据,我局均及时进行了回复,未收到申请人不满意评价。"
    assert _facts(text, 2022) == {}
    text = (
        "2022年我局未直接收受社会民众和单位、团体依申请公开事务,全年配合市审批局回应和回复依申请公开1份。"
    )
    assert _facts(text, 2022) == {}


def test_the_disclosure_system_is_the_disclosure_platform() -> None:
    # http://www.my.gov.cn/public/column/601?type=3&nav=3&sub=0&timeFrame=2020&hasContent=true
    assert _facts("2020年,我委在市政府信息公开系统公开25条。", 2020) == {"proactive.website": 25}


def test_reposts_an_account_publishes_are_its_posts() -> None:
    # http://lztj.liuzhou.gov.cn/zwgk/zfxxgknb/t19700101_3215525.shtml
    text = "2022年我局在“柳州统计”微信公众号发布转载信息225条,网站挂载统计工作动态信息111条、党建信息19条。"
    assert _facts(text, 2022) == {"proactive.new_media": 225}


def test_a_columns_figure_is_a_part_of_the_websites() -> None:
    # http://www.scpc.gov.cn/public/6603141/13584641.html: the portal and a 信息公开专栏 named alone are
    # two addends with no joint figure (GUIDE.md clarification 6); a column of the portal is its part
    text = "其中,通过政府门户网站发布政府信息47条,政府信息公开专栏发布信息43条,公开工作动态信息38条。"
    assert _facts(text, 2021) == {}
    text = "其中,通过政府门户网站发布政府信息47条,门户网站工作动态栏目发布信息43条。"
    assert _facts(text, 2021) == {"proactive.website": 47}
    # (two wholes stay a conflict: test_news_sites_are_the_press_and_a_website_stated_twice_is_a_conflict)


def test_a_channel_where_work_was_done_is_not_the_channel_of_a_figure_after() -> None:
    # http://wlmq.gov.cn/wlmqs/c120230/202401/5408c3d0bf80452b984cc90cf4a67348.shtml
    text = (
        "一是按照市委市政府对政府信息公开工作部署要求,市外办在政府官网积极做好政策法规及相关解读、政务公开、"
        "机构简介、预决算及三公经费等四个板块的政府信息公开工作完成财政预算、决算信息公开及各类专栏内容的动态更新工作,"
        "本年度政务公开信息共计10条。"
    )
    assert _facts(text) == {}


def test_a_request_of_another_kind_or_a_thing_named_is_no_information_request() -> None:
    assert _facts("政府信息公开方面，本单位受理行政许可申请120件。") == {}
    assert _facts("本年度受理政务服务事项办件300件。") == {}
    assert _facts("2023年，本机关政府信息公开工作收到文件12份。") == {}
    # a request for information named after the number, or 办件 of 依申请公开, is one
    assert _facts("全年共收到并按时办结16件政府信息公开申请。") == {"applications.received": 16}
    assert _facts("2023年,共接到依申请公开办件0件。") == {"applications.received": 0}
    # a request for information about a permit is one
    assert _facts("收到涉及行政许可的政府信息公开申请3件。") == {"applications.received": 3}


def test_respectively_gives_the_listed_items_their_figures_in_order() -> None:
    assert _facts("行政复议和行政诉讼案件分别为1件和2件。") == {"review.count": 1, "suit.count": 2}
    text = "在门户网站和微信公众号分别发布信息120条、80条。"
    assert _facts(text) == {"proactive.website": 120, "proactive.new_media": 80}
    text = "门户网站、微信公众号发布信息分别为120条、80条。"
    assert _facts(text) == {"proactive.website": 120, "proactive.new_media": 80}
    # items and figures not as many: whose figure is which is unknown
    assert _facts("行政复议、行政诉讼和信访分别为1件和2件。") == {}
    # one figure after 分别 is each item's
    assert _facts("行政复议、行政诉讼分别为0件。") == {"review.count": 0, "suit.count": 0}
    text = "2023年,通过“绥阳县人民政府”微信公众号、“绥阳政务微博”分别发布信息584条、267条。"
    assert _facts(text) == {"proactive.new_media": 851}


def test_a_stated_sum_closes_its_list_and_is_the_total_only_of_information_in_general() -> None:
    # the list's first item is a part; the sum counts 政策解读 too, no total of information
    assert _facts("全年主动公开政府信息200条、政策解读30条，共计230条。") == {}
    text = "全年通过门户网站发布信息120条、微信公众号发布80条，累计200条。"
    assert _facts(text) == {"proactive.total": 200, "proactive.website": 120, "proactive.new_media": 80}
    # a sum the items do not add up to is no total; a total the sum restates stays one
    text = "全年通过门户网站发布信息120条、微信公众号发布80条，合计210条。"
    assert _facts(text) == {"proactive.website": 120, "proactive.new_media": 80}
    text = "全年共公开信息590条，网站268条、微信322条，合计590条。"
    assert _facts(text)["proactive.total"] == 590


def test_two_different_proposal_figures_of_the_whole_are_a_conflict_like_any_key() -> None:
    text = "本年度办理人大代表建议和政协提案5件。全年共办理建议提案8件。"
    result = read_narrative(document_from_text(text).blocks, year=2023)
    assert result.facts == ()
    assert [(c.key, c.values) for c in result.conflicts] == [("proposals.count", (5, 8))]
    # one kind's figure is a part of both kinds'; a breakdown or the sentence read with the one before is no second figure
    assert _facts("办理人大代表建议5件。共办理人大代表建议和政协提案8件。") == {"proposals.count": 8}
    assert _facts("办理人大代表建议3件、政协提案2件。其中办理人大代表建议3件。") == {"proposals.count": 5}
    assert _facts("办理人大代表建议3件。办理政协提案2件。") == {"proposals.count": 5}


def test_a_sum_closing_a_list_is_a_keys_figure_only_when_no_item_is_another_keys() -> None:
    assert _facts("本年度新收政府信息公开申请5件，上年结转2件，共计7件。") == {"applications.received": 5}
    assert _facts("全年收到行政复议申请1件、行政诉讼2件，共计3件。") == {"review.count": 1, "suit.count": 2}
    assert _facts("收到网上申请105件，快递17件，合计122件。") == {"applications.received": 122}


def test_one_figure_after_each_is_every_listed_items() -> None:
    text = "门户网站和微信公众号各发布信息100条。"
    assert _facts(text) == {"proactive.website": 100, "proactive.new_media": 100}
    assert _facts("行政复议和行政诉讼案件均为0件。") == {"review.count": 0, "suit.count": 0}
    assert _facts("门户网站发布各类信息100条。") == {"proactive.website": 100}


def test_what_a_channel_counts_may_be_named_before_the_verb() -> None:
    # 汇龙镇人民政府 2022 report: "部门动态信息" is one kind of information, named before 发布 (the
    # verb has nothing after it) — no figure of the website
    text = (
        "三是公开形式方面，汇龙镇建立了微信公众号“福地汇龙”，全年编了827期微刊。"
        "信息公开网站的部门动态信息发布49篇。"
    )
    assert _facts(text, 2022) == {}


def test_an_item_of_a_list_of_kinds_is_no_figure_of_the_channel() -> None:
    # 张家港市教育局 2022 report: 111 is one item (部门文件等) of the list of kinds the website published,
    # the other items read for nothing — which figure would be the website's is not said
    text = (
        "市教育局主动在张家港市政府门户网站发布新闻动态73条、教育资讯169条、政策图解4条（其中1条视频动画解读）、"
        "民意征集1条、部门文件等111条；“张家港教育”微信公众号发布信息约700条。"
    )
    assert _facts(text, 2022) == {"proactive.new_media": 700}
    # a whole before its breakdown is no list item
    text = "全年主动公开政府信息总数171条:基层政务公开领域信息124条,工作动态34条,预算决算4条,其他政府信息4条。"
    assert _facts(text, 2022) == {"proactive.total": 171}


def test_a_figure_its_brackets_say_holds_another_years_part_is_no_figure_of_the_year() -> None:
    # 广州市交通运输局 2022 report: 124 requests include 5 carried over from 2021
    text = "2022年度，接收且办理公民、法人或者其他组织提出的政府信息公开申请124宗（含2021年度结转5宗），公民申请113宗。"
    assert _facts(text, 2022) == {}
    # none carried over: the figure is the year's
    assert _facts("共受理答复依申请公开件34件(含2022年结转0件),办结34件。", 2023) == {"applications.received": 34}


def test_an_item_of_a_list_of_channels_is_a_channel_though_unknown() -> None:
    # 东阳市自然资源和规划局 2023 report: 歌画东阳融合号 is listed with the website before 等渠道 — a figure
    # across channels (the total), not the website's
    text = (
        "常态化做好政府信息主动公开工作，通过市政府门户网站和歌画东阳融合号等渠道，"
        "发布不动产登记、规划公示、批后公布、矿产资源交易等各类信息近5000条。"
    )
    assert _facts(text, 2023) == {"proactive.total": 5000}


def test_platforms_after_qizhong_are_parts_of_the_new_media_figure_before_them() -> None:
    # 金昌市统计局 2024 report: 578 is the new media's whole, 微博183 and 微信公众号270 two of its parts
    text = (
        "二是充分利用微博、微信公众号、抖音政务号、头条等新媒体，以图文、视频等形式及时发布信息，"
        "全年发布信息578条，其中微博183条，微信公众号270条，抖音号92条、今日头条33条。"
    )
    assert _facts(text, 2024) == {"proactive.new_media": 578}
    # 文化和旅游部 2021 report: the platform's 545 are a part of the website's 8118, no second figure of it
    text = (
        "2021年我部政府门户网站发布各类信息8118篇，网站总访问量达4.5亿次，"
        "其中我部政府信息公开平台发布信息545篇，与2020年相比增长了81%，发挥了政府网站主渠道作用。"
    )
    assert _facts(text, 2021) == {"proactive.website": 8118}
