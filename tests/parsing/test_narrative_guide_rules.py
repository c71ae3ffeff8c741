"""The annotation guide's rules (tests/parsing/narrative_corpus/GUIDE.md) as the prose reader reads them,
in general form, and where it abstains because a figure is unsure. Each test quotes a real dev sentence
(marked "adapted" where a dev sentence was changed to show the rule's other side)."""

from __future__ import annotations

from parsing.extract.text import document_from_text
from parsing.narrative import read_narrative


def _facts(text: str, year: int) -> dict[str, int | float]:
    return {f.key: f.value for f in read_narrative(document_from_text(text).blocks, year=year).facts}


def test_a_round_word_is_no_figure() -> None:
    # dev (lyj.xianning): 百余条 is an order of magnitude, not a count
    text = "及时公开重大林业项目建设进展、决策预公开事项及干部任免、职称评定等人事信息，确保权力在阳光下运行，全年主动公开各类信息累计百余条。"
    assert _facts(text, 2025) == {}
    for words in ("数十条", "几十条", "上百条", "千余条"):
        assert _facts(text.replace("百余条", words), 2025) == {}
    # a numeral with its digits is a count: "四十余条" (dev), "一件"
    assert _facts("全年通过新区官网政务信息平台等渠道共发布各类信息四十余条。", 2023) == {"proactive.website": 40}
    assert _facts("2023年度厚桥街道收到政府信息公开申请一件,已办理完毕。", 2023) == {"applications.received": 1}


def test_a_bound_no_qualifier_names_is_no_figure() -> None:
    # adapted from dev: the record keeps 约/余/近/超过/多; "以上" and a bare "超" are bounds of unsure form
    text = "2021年,我局共发布各类政务信息1634条。"
    assert _facts(text, 2021) == {"proactive.total": 1634}
    assert _facts(text.replace("1634条", "1634条以上"), 2021) == {}
    assert _facts(text.replace("1634条", "超1634条"), 2021) == {}
    assert _facts(text.replace("1634条", "超过1634条"), 2021) == {"proactive.total": 1634}
    assert _facts(text.replace("1634条", "逾1634条"), 2021) == {}
    assert _facts(text.replace("1634条", "1634条左右"), 2021) == {}
    # the record's qualifier word for a longer one
    facts = read_narrative(document_from_text(text.replace("1634条", "将近1634条")).blocks, year=2021).facts
    assert [(f.value, f.qualifier) for f in facts] == [(1634, "近")]


def test_another_publisher_or_a_plan_is_no_figure_of_the_body() -> None:
    # adapted from dev: the body's own figure, not its superior's, nor one it plans
    text = "2021年,我局共发布各类政务信息1634条。"
    assert _facts(text.replace("我局", "上级部门"), 2021) == {}
    assert _facts(text.replace("我局", "市里"), 2021) == {}
    assert _facts(text.replace("共发布", "计划发布"), 2021) == {}
    assert _facts(text.replace("共发布", "拟发布"), 2021) == {}


def test_new_media_is_no_sum_when_a_platform_has_no_figure_of_the_unit() -> None:
    # dev (baotou): per-platform figures in one unit add up
    text = "2021年,我局共发布各类政务信息1634条,其中局官方网站发布922条,微博“包头文旅”发布243条,微信“包头文旅在线”发布469条。"
    assert _facts(text, 2021)["proactive.new_media"] == 712
    # adapted: one platform's figure missing, or counted in another unit — their sum is unknown
    partial = "2023年，我局通过微信公众号发布信息30条，通过微博发布信息20条，通过抖音发布视频10个。"
    assert "proactive.new_media" not in _facts(partial, 2023)
    assert "proactive.new_media" not in _facts("2023年，我局通过微信公众号发布信息30条，通过抖音发布短视频。", 2023)
    # (a platform named before the figures as their subject is no missing one: dev, huangshi)
    assert _facts("第一时间通过微信公众号公开政策性措施、重点工作、工作动态等,推送信息705条。", 2019) == {
        "proactive.new_media": 705
    }


def test_the_main_channel_is_not_the_only_one() -> None:
    # dev (sfj.zhangzhou): 以门户网站为主渠道 — the figure is all channels', the total
    text = "我局认真落实《条例》要求，积极做好政府信息主动公开工作，以门户网站为主渠道，全年共主动公开政府信息860条。"
    assert _facts(text, 2023) == {"proactive.total": 860}


def test_the_proactive_part_of_a_whole_with_the_requested_is_the_total() -> None:
    # dev (ya.gov.cn): the whole counts what was disclosed on request too
    text = "2024年我单位共制作信息30条,其中主动公开信息数24条,占比80%;依申请公开信息数6条,占比20%。"
    assert _facts(text, 2024) == {"proactive.total": 24}
    assert _facts("本年度我局共公开信息80条，其中主动公开60条，依申请公开20条。", 2024) == {"proactive.total": 60}
    # adapted: a whole stated as published, not as 主动公开, holds more than the total too
    assert _facts("2024年我单位共发布各类信息30条,其中主动公开信息数24条。", 2024) == {"proactive.total": 24}
    # (a kind made public among them is no total: "其中主动公开公文信息2条")
    assert _facts("全年街道公开政府信息43条,其中主动公开公文信息2条,主动公开率100%。", 2024) == {"proactive.total": 43}


def test_a_first_figure_followed_by_peer_kinds_is_one_kind_of_a_list() -> None:
    # dev (bbwb.gxzf): "政府信息88条、规范性文件2条、…" lists kinds; 88 is no whole of the website's
    text = (
        "2022年,利用门户网站主动公开政府信息88条、规范性文件2条、人大代表建议及政协提案办理信息34条、"
        "财政信息2条、规划计划2条、人事信息13条、政务动态类信息421条,其他信息70条。"
    )
    assert "proactive.website" not in _facts(text, 2022)
    # a whole before its parts stays the whole (dev)
    whole = "2021年通过政府网站主动公开信息73条,其中:统计数据12条,工作动态信息21条。"
    assert _facts(whole, 2021) == {"proactive.website": 73}


def test_platforms_of_every_kind_are_all_channels() -> None:
    # dev (cxs): "各类平台" names all of them, as "各平台" does — the figure is the total
    assert _facts("全年通过各类平台主动公开政府信息共计102条，主要包括：", 2025) == {"proactive.total": 102}


def test_the_lines_listing_a_stated_figure_are_its_parts() -> None:
    # dev (cxs), as printed: the lines after "主要包括：" break the 102 down; none is a total
    whole = "全年通过各类平台主动公开政府信息共计102条，主要包括："
    item = "重点领域及基层公开（67条）：重点围绕财政预决算、重大项目建设等领域公开信息52条；公开乡镇基层政务信息15条。"
    assert _facts(f"{whole}\n{item}", 2025) == {"proactive.total": 102}
    # adapted: the whole unread (one platform of another kind) still leaves its part no total
    assert _facts(f"{whole.replace('各类平台', '平台')}\n{item}", 2025) == {}
    # after a heading the list is over
    assert _facts(f"{whole.replace('各类平台', '平台')}\n{item}\n（二）其他\n全年主动公开政府信息30条。", 2025) == {
        "proactive.total": 30
    }


def test_a_site_named_by_its_title_is_the_website() -> None:
    # dev (bjxch), GUIDE: a site named by its title ("首都之窗") is the website
    assert _facts("一是区人防办全年在“首都之窗”更新信息78篇，向区政府报送信息78篇。", 2019) == {"proactive.website": 78}
    assert _facts("一是区人防办全年在首都之窗更新信息78篇。", 2019) == {"proactive.website": 78}



def test_a_channel_figure_larger_than_the_total_leaves_no_total() -> None:
    # dev (schy), GUIDE clarification 4: the new-media figure is plainly outside the 145 — no total
    text = (
        "2023年，洪雅教育发布微信公众号累计推送教育新闻和各类信息910余篇，营造了良好宣传教育氛围。"
        "我局主动公开政府信息145条。"
    )
    assert _facts(text, 2023) == {"proactive.new_media": 910}
    # dev (lintao), clarification 8: listed bare as the total's part and larger than it — none for both
    text = (
        "全年主动公开政务信息382条,包括政府网站35条,新华社、新甘肃、今日定西、每日头条等媒体上发布信息80条,"
        "“临洮县新添镇”微信公众号2443条"
    )
    assert _facts(text, 2022) == {"proactive.website": 35}
    # dev (hld): after a semicolon the account's figure is a statement of its own, kept; the total is not
    text = (
        "2022年，主动公开信息497条，其中网站发布新闻类165条，教育通知类39条，政策文件及解读10条等；"
        "“葫芦岛市教育局”微信公众号发布1135条，关注人数达181761人，基本做到日更新。"
    )
    assert _facts(text, 2022) == {"proactive.new_media": 1135}


def test_the_portal_and_an_open_government_column_apart_are_two_addends() -> None:
    # dev (scpc), GUIDE clarification 6: the portal and a 信息公开专栏 as separate addends, no joint figure
    text = "其中,通过政府门户网站发布政府信息47条,政府信息公开专栏发布信息43条,公开工作动态信息38条。"
    assert "proactive.website" not in _facts(text, 2020)
    # dev (sfj.zhangzhou): the column of the portal it names is its part — the whole figure
    text = (
        "2021年市司法局门户网站主动公开信息522条,网站总访问量达260939人次。"
        "2021年,通过局门户网站政府信息公开专栏主动公开信息266条。"
    )
    assert _facts(text, 2021) == {"proactive.website": 522}


def test_the_unified_open_government_platform_is_a_website_class_site() -> None:
    # dev (ym.gov.cn): 政府信息公开统一平台 is the body's website-class platform
    text = "2023年1月1日至12月31日我局在政府信息公开统一平台上累计主动公开政府信息242条。"
    assert _facts(text, 2023) == {"proactive.website": 242}
    # dev (mzzjw): beside the body's own site, each with its figure and none for both — no website figure
    text = (
        "共通过各种渠道主动公开政府信息1533条,其中,通过本委政务网站公开1474条,"
        "通过政府信息公开统一平台公开政府信息39条,通过其他方式公开政府信息20条。"
    )
    assert _facts(text, 2019) == {"proactive.total": 1533}


def test_a_total_its_own_breakdown_adds_up_to_holds_no_new_media_given_apart() -> None:
    # dev (wjw.xam 2022), GUIDE clarification 4: the categories add up to 2548 with no new media among
    # them; the new-media figures given apart are outside it — no total
    total = "2022年度，我委主动公开政府信息2548条，其中政务动态信息更新量1388条，概况类信息更新量1062条，信息公开目录信息更新量98条。"
    media = "微博公开政府信息164条，微信公开政府信息1440条，抖音72条，快手72条。"
    assert _facts(f"{total}\n{media}", 2022) == {"proactive.new_media": 1748}
    # without the new media beside it the figure is the total
    assert _facts(total, 2022) == {"proactive.total": 2548}
    # (a breakdown that does not add up to it may leave things out: the total stands)
    assert _facts(f"{total.replace('98条', '90条')}\n{media}", 2022) == {
        "proactive.total": 2548,
        "proactive.new_media": 1748,
    }


def test_the_website_named_before_others_unnamed_is_the_figures_channel() -> None:
    # dev (hljwch), GUIDE clarification 14: "通过<政府网站>等渠道…N条", no other channel named — the website's
    text = "(一)主动公开情况:2024年,通过市政府信息公开统一平台等渠道,主动公开政府信息79条。"
    assert _facts(text, 2024) == {"proactive.website": 79}
    # dev (fuxian): 等平台 alike; clarification 6: "通过政府网站等方式…N条" beside new media given apart
    assert _facts("2020年我镇通过富县人民政府网等平台共发布各类信息91条。", 2020) == {"proactive.website": 91}
    text = "2023年，我局通过政府网站等方式主动公开政府信息300条，通过微信公众号发布信息120条。"
    assert _facts(text, 2023) == {"proactive.website": 300, "proactive.new_media": 120}
    # near misses: another channel named in the list (adapted), or a way of publishing (dev, jsxishan)
    assert _facts(text.replace("政府网站等方式", "政府网站、公示栏等方式"), 2023) == {"proactive.total": 300, "proactive.new_media": 120}
    text = "2025年我们通过网页发布等形式主动向社会公开政府信息58条,电子化率达100%。"
    assert _facts(text, 2025) == {"proactive.total": 58}


def test_a_columns_figure_after_a_semicolon_leaves_the_website_figure_before_it() -> None:
    # dev (xingtai), GUIDE clarification 6: "通过政府网站等方式…N条" with new media given apart → website N,
    # though a column's figure follows in a member of its own
    text = (
        "坚持公正、公平、及时、准确和便民原则，通过政府网站等方式，主动全面公开规划信息、行政许可、重大民生信息等"
        "政府信息19322条；“邢台政务”微博、微信发布重要会议、政府文件、政策解读等信息4304条，129.2万人次浏览信息；"
        "专栏公开河北省人大代表建议、政协提案办理复文4件。"
    )
    assert _facts(text, 2025) == {"proactive.website": 19322, "proactive.new_media": 4304}
    # adapted: in the same member the column's figure may be the website's part — no website figure
    near = text.replace("19322条；", "19322条，专栏公开政府信息4条；")
    assert _facts(near, 2025) == {"proactive.new_media": 4304}


def test_an_upper_levels_or_a_subordinate_institutions_site_is_no_second_site_of_the_body() -> None:
    # dev (zjc), GUIDE clarification 13: the city bureau's site beside the county portal is another channel
    text = "我局通过县政府网站、天水市科技局官网等公开方式向社会公布各类政府信息110条。"
    assert _facts(text, 2023) == {"proactive.total": 110}
    assert _facts(text.replace("、天水市科技局官网", ""), 2023) == {"proactive.website": 110}
    # dev (zgqingyang): the province's site beside the city portal gives no second website figure
    text = (
        "依托市委党建网、陇东报、省政府外事办网站、市政府门户网站等媒体全面准确及时地向社会公开发布政务和外事工作动态,"
        "全年报送发布信息23条,其中在市政府门户网站公开发布11条、省政府外事办网站公开发布13条,庆阳市党建网公开发布5条。"
    )
    assert _facts(text, 2020) == {"proactive.website": 11}
    # adapted from the GUIDE: a library's site is no second site; another site of the body's own is
    text = "2023年，我局政府网站公开政府信息27条，图书馆网站发布信息8条。"
    assert _facts(text, 2023) == {"proactive.website": 27}
    assert _facts(text.replace("图书馆网站", "区政务网站"), 2023) == {}
    # (sites of several levels as one channel are the website: dev, qishan)
    assert _facts("全年累计在省市县网站发布信息221条。", 2023) == {"proactive.website": 221}


def test_one_figure_for_two_of_the_bodys_websites_is_the_website_figure() -> None:
    # dev (gd-aijia), GUIDE clarification 6: the whole is the two sites' figures added up — the website's
    text = "2020年，我局主动公开政府信息1712件，其中：在政府信息公开网站公开信息23件，在我局门户网站发布信息1689件。"
    assert _facts(text, 2020) == {"proactive.website": 1712}
    # adapted: parts that do not add up to it leave the whole a total
    assert _facts(text.replace("1689件", "1600件"), 2020) == {"proactive.total": 1712}
    # dev (zjc): the county portal and the town's sub-site (子站) together
    text = "于2024年通过张家川县政府网站、龙山镇政务公开子站等多元途径,对外发布政府信息99条。"
    assert _facts(text, 2024) == {"proactive.website": 99}
    assert _facts(text.replace("龙山镇政务公开子站", "微信公众号"), 2024) == {"proactive.total": 99}


def test_a_platform_figure_that_lost_its_unit_takes_its_neighbours_unit() -> None:
    # dev (nyncj.yichun), GUIDE clarification 16: the text lost its units ("公开信息389共计3545")
    text = "公开形式以网站公开为主，宜春市农业农村局网站发布信息3156条，官方微信公众号“宜春农业农村发布”公开信息389共计3545"
    assert _facts(text, 2021) == {"proactive.website": 3156, "proactive.new_media": 389}
    # adapted: a platform's figure with no unit beside one in 篇 sums with it, in 篇
    text = "2023年，我局通过微信公众号发布信息150，微博发布信息147篇。"
    facts = read_narrative(document_from_text(text).blocks, year=2023).facts
    assert [(f.key, f.value, f.unit) for f in facts] == [("proactive.new_media", 297, "篇")]
    # near miss: two printed units stay apart — no sum
    assert _facts(text.replace("信息150，", "信息150条，"), 2023) == {}


def test_a_figure_of_an_open_government_platform_is_no_total_though_its_parts_name_the_website() -> None:
    # GUIDE clarification 5 (its example; no dev sentence states one): the platform carries more than the
    # website, and is no total — the portal's part is the website's figure
    text = "2023年，全县信息公开平台共发布23138条，其中通过政府网站发布2917条，通过政务新媒体发布20221条。"
    assert _facts(text, 2023) == {"proactive.website": 2917, "proactive.new_media": 20221}
    # near misses (dev, lixin and huangshi): parts naming no portal, or the portal as the whole
    text = "2023年我镇政府信息公开平台累计发布各类信息716条,其中政务公开平台发布信息398条,基层政务公开标准化规范化专题发布信息318条。"
    assert _facts(text, 2023) == {"proactive.website": 716}
    text = "2025年，我局政府门户网站发布各类信息851篇，其中政府信息公开平台发布信息851篇，发挥了政府网站主渠道作用。"
    assert _facts(text, 2025) == {"proactive.website": 851}


def test_an_account_named_only_by_a_title_ending_in_its_platform_is_new_media() -> None:
    # "“黄平县政务微博”": the title names a Weibo account, another platform beside the WeChat one
    text = "通过“黄平政讯”微信公众号发布信息474条，通过“黄平县政务微博”发布信息361条。"
    assert _facts(text, 2022) == {"proactive.new_media": 835}
    # near miss: a title that names no platform is no new media of its own
    text = "通过“黄平政讯”微信公众号发布信息474条，通过“黄平县政务服务”发布信息361条。"
    assert _facts(text, 2022) == {"proactive.new_media": 474}


def test_the_only_column_with_a_figure_is_the_websites_figure() -> None:
    # GUIDE.md clarification 19: one column of the body's own site, no whole-site figure
    text = "2023年，通过司法局门户网站工作动态栏目平台公开发文46条，微信公众号推送信息387条。"
    assert _facts(text, 2023) == {"proactive.website": 46, "proactive.new_media": 387}
    # near misses: the whole site's figure given beside it wins; a 信息公开专栏 beside the portal is GUIDE 6's
    text = "2023年，通过司法局门户网站发布信息60条，其工作动态栏目平台公开发文46条，微信公众号推送信息387条。"
    assert _facts(text, 2023) == {"proactive.website": 60, "proactive.new_media": 387}
    assert "proactive.website" not in _facts("2023年，通过区政府门户网站发布信息60条，政府信息公开专栏发布信息46条。", 2023)


def test_a_clause_that_lost_the_word_naming_the_place_names_no_channel() -> None:
    # GUIDE.md clarification 20: "在政府信息公开" names no place for sure: no website figure
    assert "proactive.website" not in _facts("2023年，我局在政府信息公开主动公开信息204条。", 2023)
    # near miss: the site named
    assert _facts("2023年，我局在政府信息公开网站主动公开信息204条。", 2023) == {"proactive.website": 204}
