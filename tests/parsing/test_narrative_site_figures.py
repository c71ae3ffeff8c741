"""Totals and website figures in shapes of real reports (narrative_corpus dev, rounds <= 28), one rule each."""

from __future__ import annotations

from parsing.extract.text import document_from_text
from parsing.narrative import read_narrative


def _facts(text: str, year: int = 2023) -> dict[str, int | float]:
    return {f.key: f.value for f in read_narrative(document_from_text(text).blocks, year=year).facts}


def test_the_website_as_the_main_channel_has_others_beside_it() -> None:
    text = (
        "我局认真落实《条例》要求，积极做好政府信息主动公开工作，以门户网站为主渠道，全年共主动公开政府信息"
        "860条，其中，机构概况8条、政策文件3条、工作动态550条、其他类信息14条，法定公开内容全部公开。"
    )
    assert _facts(text) == {"proactive.total": 860}


def test_information_of_all_kinds_or_of_the_field_under_a_scope_is_information() -> None:
    assert _facts("2024年,发布环保水利各类信息299条,其中生态环境领域信息243条,水利信息56条。", 2024) == {
        "proactive.total": 299
    }
    text = "2023年,官网发布生态环境领域相关信息5341条,组织新闻宣传及采访70次。"
    assert _facts(text) == {"proactive.website": 5341}
    text = "2023年度,市政府门户网站公开全市各类政府信息共计3437条,包括:人事信息12条,政务动态1740条。"
    assert _facts(text) == {"proactive.website": 3437}
    # the website's own kinds of information are the site's, no total
    assert _facts("2023年,我局主动公开政府网站各类信息47条,涉及民生实事、工作动态等多方面。") == {
        "proactive.website": 47
    }


def test_information_named_as_the_subject_before_the_verb() -> None:
    assert _facts("2022年,全镇政府信息公开566条。", 2022) == {"proactive.total": 566}
    text = "本年度政府信息公开共530条,包括党政信息类137条,政策文件类13条,人事信息类2条。"
    assert _facts(text, 2024) == {"proactive.total": 530}


def test_filing_a_story_on_the_website_publishes_there_but_makes_no_total() -> None:
    text = "全年在水利报、新华日报等省级以上媒体发稿15篇;在宿迁水利微信公众号自媒体发布694条,宿迁水利网站发稿569条。"
    assert _facts(text, 2024) == {"proactive.new_media": 694, "proactive.website": 569}
    assert _facts("全年在新华日报等省级以上媒体发稿15篇。", 2024) == {}


def test_the_website_news_alone_stands_for_the_site() -> None:
    assert _facts("主动公开政府信息情况:2021年通过政府网站发布动态信息26条。", 2021) == {
        "proactive.website": 26
    }
    text = "今年以来,我局通过网站发布动态信息30余条,公众号发布信息700余条。"
    assert _facts(text, 2024) == {"proactive.website": 30, "proactive.new_media": 700}
    # beside the site's other kinds it is a kind
    text = "全年网站共发布工作动态215条、通知公告47条、政策法规7条、预算决算公开13条。"
    assert _facts(text, 2024) == {}
    # the site's whole beside it wins
    text = (
        "2022年,全区通过“高淳区人民政府门户网站”发布信息4583条;通过“高淳发布”新浪微博发布各类信息6012条;"
        "通过“高淳区人民政府门户网站”发布政务动态信息2476条。"
    )
    assert _facts(text, 2022)["proactive.website"] == 4583


def test_a_website_figure_listed_before_kinds_is_one_of_them() -> None:
    text = "2022年,利用门户网站主动公开政府信息88条、规范性文件2条、财政信息2条、人事信息13条,其他信息70条。"
    assert "proactive.website" not in _facts(text, 2022)


def test_a_government_named_as_where_it_published_is_its_website() -> None:
    text = "2021年,我镇通过新桥镇人民政府共发布公开信息66条,通过微信公众号发布信息527条。"
    assert _facts(text, 2021) == {"proactive.website": 66, "proactive.new_media": 527}
    text = (
        "2019年我乡通过广昌县人民政府(http://www.jxgc.gov.cn)主动公开长桥乡人民政府信息57条:其中部门公告4条。"
    )
    assert _facts(text, 2019) == {"proactive.website": 57}


def test_a_label_standing_alone_heads_a_section_of_its_own() -> None:
    text = (
        "公开方式:\n1、政务信息公开专栏。在政务信息公开专栏上进行全面公开。\n"
        "3、微信公众号发布。通过“璀璨发耳”微信公众号进行信息公开。\n公开数量:\n"
        "2022年度发耳镇共公开政务信息313条,政务信息公开浏览信息人数约12000余人次。"
    )
    assert _facts(text, 2022) == {"proactive.total": 313}


def test_a_total_opening_a_breakdown_by_channel() -> None:
    text = (
        "我镇认真落实县委县政府关于政务公开工作决策部署,2020 年全镇通过政府信息公开网主动公开政府信息,其中,"
        "2020年共公开政府信息53条,通过政府门户网站公开42条,微信公众号11条。"
    )
    assert _facts(text, 2020) == {"proactive.total": 53, "proactive.website": 42, "proactive.new_media": 11}


def test_a_site_named_by_its_title_among_other_channels() -> None:
    text = (
        "我局通过“建德市交通运输局网站”、“建德交通”微信公众号、报纸媒体等平台,及时主动公开信息350条。"
        "其中,通过“建德市交通运输局网站”公开信息121条,通过“建德交通”微信公众号发布信息162条。"
    )
    assert _facts(text, 2021)["proactive.total"] == 350


def test_the_website_name_right_before_its_figure_beside_another_channel() -> None:
    text = (
        "2024年阿拉善高新技术产业开发区门户网站46条,“阿拉善左旗巴彦木仁苏木人民政府”微信公众号推送信息240篇。"
    )
    assert _facts(text, 2024) == {"proactive.website": 46, "proactive.new_media": 240}


def test_information_after_de_may_be_related_information() -> None:
    text = "2022年,市教委通过门户网、政务微博微信等方式,主动公开《政府信息公开条例》第二十条规定的相关政府信息7100余条。"
    assert _facts(text, 2022) == {"proactive.total": 7100}


def test_the_part_disclosed_of_the_information_made_is_the_total() -> None:
    text = "2022年制作、获取的政府信息64条,通过湖里区政府网站、区档案馆和图书馆的政府信息查阅室主动公开政府信息16条,依申请公开文件12条。"
    assert _facts(text, 2022) == {"proactive.total": 16}
    text = "2024年我单位共制作信息30条,其中主动公开信息数24条,占比80%;依申请公开信息数6条,占比20%。"
    assert _facts(text, 2024) == {"proactive.total": 24}


def test_qi_zhong_after_a_sentence_with_no_figure_is_no_part() -> None:
    text = (
        "2025年,好力保镇围绕政府信息公开目录,全面推进信息主动公开。其中,通过扎赉特旗人民政府网站更新信息14条,"
        "政务新媒体更新486条、全年总计更新主动公开信息500条,确保公开内容覆盖群众关切的民生事项。"
    )
    assert _facts(text, 2025) == {"proactive.total": 500, "proactive.website": 14, "proactive.new_media": 486}


def test_a_list_closed_by_related_information_and_a_rate() -> None:
    text = "在荔湾政府网上主动公开领导分工、财政预决算等相关信息10条,本年度未收到政府信息公开申请。"
    assert _facts(text)["proactive.website"] == 10
    # one kind alone stays a kind
    assert "proactive.total" not in _facts("公开公务员招考信息等相关信息2条。")
    # a figure per day is a rate
    assert _facts("在局网站平均每日发布文旅活动、服务等相关信息2篇。") == {}


def test_documents_disclosed_each_named_by_title() -> None:
    text = "2023年,主动公开《尧头镇人民政府2023年部门预算公开》《澄城县尧头镇人民政府2022年度部门决算》2条。"
    assert _facts(text) == {"proactive.total": 2}


def test_information_of_the_work_is_information() -> None:
    text = "2023年我局主动公开政府信息工作139条,其中通知公告类127条、规范性文件类4条、议案提案类8条。"
    assert _facts(text) == {"proactive.total": 139}


def test_the_website_news_after_the_site_named_clauses_before() -> None:
    text = (
        "2024年,我局通过政府网站更新局机关主要负责人、单位联系方式等信息,并发布外资外贸、社零指标以及"
        "安全生产检查等动态信息178条。"
    )
    assert _facts(text, 2024) == {"proactive.website": 178}
