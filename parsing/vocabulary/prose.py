"""How prose states a figure, beside the per-key cue words (parsing.vocabulary.facts): qualifiers
(约/余, 较上年, 其中, another year), totals and sums, lists and their endings, channel titles, the
fillers around what was counted. Read by the prose reader (parsing.narrative) only."""

from __future__ import annotations

ALL_PLATFORMS_BEFORE = ("全", "各", "多", "等", "个", "类", "种")
# "…等平台": a list of channels ends here; which ones the list names decides.
CHANNEL_LIST_ENDINGS = ("等平台", "等渠道", "等方式", "等形式", "等途径", "等载体")
# …with a few words between ("公告栏等公开渠道", "等多种渠道"); the nouns after 等.
CHANNEL_LIST_NOUNS = tuple(e.removeprefix("等") for e in CHANNEL_LIST_ENDINGS)
# A channel named by its title (“周至政务”公众号, 《云县人民政府公众信息网》): the kind of channel
# is the word after the title, never a word inside it ("“云县人民政府网”微信平台" is WeChat).
TITLE_QUOTES = (("“", "”"), ("《", "》"), ('"', '"'), ("「", "」"))
# A title ending in one of these names an account of that platform ("“黄平县政务微博”").
TITLED_MEDIA = ("微博", "公众号")
# Quoted words that describe channels rather than name an account ("“两微一端”"): read as words.
CHANNEL_DESCRIPTORS = ("两微一端", "两微一抖", "两微一条", "两微")
# A channel word followed by these names the platform's upkeep, not the channel of a figure
# ("政府信息公开平台建设中…公开60条").
NOT_A_CHANNEL_AFTER = ("建设",)
# "…网" names a site ("杭州教育网") except in these words (内网, 互联网, 挂网, 管网, 网格, 网上 …).
NOT_SITE_BEFORE = ("内", "挂", "联", "电", "管", "路", "水", "光", "上", "特", "局域")
NOT_SITE_AFTER = ("站", "络", "上", "页", "格", "点", "民", "友", "购", "群", "信", "评", "办", "签", "店", "红")
# Work on a channel rather than publishing through it ("加强政务新媒体建设", "对门户网站进行改版").
CHANNEL_UPKEEP = ("建设", "新建", "管理", "维护", "改版", "查询", "合作", "运维", "集约", "报送", "报道", "直播", "使用")
# Work done at a channel ("在政府官网积极做好…工作"): the channel is where, not what published a figure after.
WORK_VERBS = ("做好", "开展", "完成", "推进", "加强")
# "…，快递17件，合计122件": a sum closing a list of one key's figures in a sentence.
SUM_WORDS = ("合计", "共计", "总计", "累计", "共")
# A list item that names a channel and its figure only ("…，官方微博211条，官方公众号623条"),
# after a clause with the verb: the channel word, with at most these words before it.
LISTED_CHANNEL_PREFIXES = ("其中", "包括", "官方", "政务", "、")
# "通过X公开…", "在X上发布…": the means a figure was published through, right before the verb. One
# thing named there that is no known channel (…目录, 《…公报》, …系统) is still one channel: its
# figure is no total. Means in general ("多种渠道", "这两个模块", "…等载体") are all channels.
MEANS_PREPOSITIONS = ("通过", "依托", "利用", "借助", "在")
# ("存在", "正在", "现在", "所在", "在线" hold 在; "审议通过" 通过): no preposition there.
NOT_MEANS_BEFORE = ("存", "正", "现", "所", "实", "自", "审议", "会议", "表决")
NOT_MEANS_AFTER = ("线",)
GENERAL_MEANS = ("各", "多", "不同", "全", "等", "两", "几", "所有", "一系列", "渠道", "方式", "途径", "形式", "载体")
# "在…前提下", "在…领导下", "在2023年": when or under what, not through what.
NOT_MEANS = ("前提", "领导", "指导", "基础上", "过程中", "工作中", "方面", "期间", "要求", "年", "月", "日", "本", "此")
# What may stand between the means and the verb ("在X上共主动公开…").
AFTER_MEANS = ("上", "中", "内", "里", "共计", "共", "累计", "全年", "年内", "及时", "主动", "对外", "向社会", "先后", "已", "同步")
# "通过其他方式公开…54条": the rest of the channels, beside the named ones' figures — a part, never a total.
RESIDUAL_WORDS = ("其他", "其它")
# A channel named as the main channel ("以门户网站为主渠道，…共主动公开…860条"): the other channels
# exist too, so a figure after it is all channels' (the total), not the main one's (but "以政府网站作为
# …第一平台，发布…" and "主要通过…网站，主动公开…" are read as the website's figure).
MAIN_CHANNEL_WORDS = ("主渠道", "主要渠道", "第一渠道")
# Clauses that only link sentences; the subject is in the clause after them.
CONNECTIVES = ("同时", "另外", "此外", "并且", "而且", "与此同时", "另")
# A sentence opening so adds to what was stated before ("此外，…公开各类政府信息42条"): no total.
ADDITION_WORDS = ("此外", "另外", "另", "同时", "与此同时")
# A channel named in an earlier clause of the sentence counts only when introduced so.
CHANNEL_PREPOSITIONS = ("通过", "依托", "利用", "借助", "运用", "运营", "开通", "开设", "用好", "以", "在", "公开至", "发布至", "上传至")
# One column of a website ("…工作专栏公布信息135"): neither the website's figure nor a total
# ("…等栏目" names the website's columns as a whole; 信息公开专栏 is a website word).
COLUMN_WORDS = ("栏目", "专栏")
# Words making a figure a total.
TOTAL_WORDS = ("共", "累计", "总计", "合计")
TOTAL_NOUNS = ("共", "累计", "总计", "合计", "总数")
# A channel's figure counted since it opened, not in the year ("…公众号开通至今，…累计发布508条").
SINCE_OPENING = ("开通至今", "开通以来", "上线以来", "上线至今", "创建以来", "运营以来", "开设以来")
# Another body as the publisher ("上级部门主动公开…", "市里发布…", "配合上级公开…"): not the body's figure.
OTHER_PUBLISHER_WORDS = ("上级", "市里", "县里", "区里", "省里")
# A plan, not what was done ("计划主动公开信息80条", "拟公开…"): right before the verb.
PLAN_WORDS = ("计划", "拟", "预计", "将", "力争", "争取")
PLANNED = "(?:" + "|".join(PLAN_WORDS) + ")(?:主动|对外|及时|全年|年内)*$"  # (as a pattern: the subject's end)
# Words pointing at another year than the report's.
# … and counting since some start ("截至目前共发布592条信息" beside "2019年公开政府信息60条").
OTHER_YEAR_WORDS = ("上年", "去年", "上一年", "往年", "历年", "以往", "结转", "截至目前", "截止目前", "至今", "迄今", "目前为止")
# Round words, no count ("数十条", "几十条", "上百条", "成千条"): an order of magnitude, not a figure.
ROUND_BEFORE = ("数", "几", "上", "成", "若干")
# A numeral opening with its unit and no digit before it ("百余条", "千余条", "万余条") is a round word
# too ("十余条" is a count: 十 is how ten to nineteen are written).
ROUND_OPENINGS = ("百", "千", "万", "亿")
# Qualifiers of a number: before it (约100条) and after it (100余条).
APPROX_BEFORE = ("大约", "约", "将近", "近", "超过", "逾")
APPROX_AFTER = ("余", "多")
# Bounds the qualifiers above do not name ("超300条", "300条以上"): how the figure is qualified is
# unsure, so it is no figure.
UNSURE_BEFORE = ("超", "逾")
UNSURE_AFTER = ("以上", "左右")
# Qualifiers written longer than the record's (GUIDE.md keeps 约/余/近/超过/多): the record's word.
QUALIFIER_AS_RECORDED = {"大约": "约", "将近": "近"}
# A figure that is a change, not a count ("较上年减少3条", "同比增长10%").
CHANGE_WORDS = ("增加", "减少", "增长", "下降", "同比", "环比", "较上年", "比上年", "较去年", "比去年", "增/减", "增减", "持平")
# Units read after a number; other words after a number make it no count ("20个工作日").
FACT_UNITS = ("条次", "件次", "条", "篇", "件", "宗", "份", "次", "项", "个", "起", "则", "场", "期", "元", "例")
# A number with no unit at the end of its clause counts only right after these ("信息数170，").
UNITLESS_AFTER = ("信息数", "信息数量", "信息", "数量为", "总数为", "总数", "信息数为")
UNITLESS_UNIT = "条"
NOT_A_COUNT_AFTER = ("工作日", "小时", "月", "天", "周", "年", "%", "％")
# Words removed from the counted object before it is compared with the objects above.
OBJECT_FILLERS = (
    "方面", "自主", "的情况", "的数量", "数量", "件数", "情况", "总数", "共有", "共计", "合计", "累计", "总计", "各类", "各项", "各种",
    "全部", "新增", "主动", "及时", "非涉密", "共", "计", "数", "达", "了", "的", "各", "为", "：", ":",
)
# The publisher naming its own information ("主动公开街道信息423条"): who, not what kind.
OBJECT_OWNERS = ("本单位", "本机关", "本部门", "本局", "我局", "我委", "我办", "本街道", "街道", "乡镇", "本镇", "本乡")
OBJECT_LIST_END = "等"
# After such a list, "…等城市管理领域信息" names the fields listed as a whole — but 重点领域 is one kind.
FIELD_WORDS = ("领域",)
KIND_OF_FIELD = ("重点",)
# "教育新闻和各类信息": a list of kinds closed by all kinds counts information in general.
GENERAL_KINDS = ("各类", "各种", "其他", "其它")
# Where an item of a list of what was published opens ("…，其中行政规范性文件9条、…").
ITEM_OPENINGS = ("其中", "包括", "包含", "含", "：", ":", "、")
# Right before a publish verb, these make it no publishing ("依申请公开文件", "向…送交主动公开文件45件",
# "向县图书馆提供应公开部门文件79份").
NOT_PUBLISHED_BEFORE = ("申请", "不予", "不", "未", "无", "送交", "报送", "上报", "应")
# A whole of what was published, stated before its items ("主动公开政府信息643条，其中…").
PUBLISHED_WHOLES = ("信息", "文件")
# "微博“…”、微信公众号“…”分别发布信息92条、306条": one figure per channel named.
RESPECTIVELY = "分别"
OBJECT_CONJUNCTIONS = ("、", "及", "和", "与")
# The items 分别 distributes figures over, and between figures: cut at these ("及时" is no 及).
ITEM_CONJUNCTIONS = ("以及", "、", "及", "和", "与")
NOT_ITEM_CONJUNCTION_AFTER = ("时",)
# One figure after these is each listed item's ("门户网站和微信公众号各发布信息100条").
EACH_ITEM_WORDS = ("各", "均")
# "…11条,均通过…门户网站发布": every item of the figure went through that one channel.
ALL_THROUGH_WORDS = ("均", "全部", "都")
# "（截至2023年底，）累计…": a running total since the start, beside what the year added (THIS_YEAR_WORDS + 新增).
CUMULATIVE_WORDS = ("累计",)
THIS_YEAR_WORDS = ("本年度", "本年", "今年", "当年", "年度", "年")
# Part of the year only: its figures are not the year's ("上半年", "一季度"; "截至11月底", "1-10月").
PART_OF_YEAR_WORDS = ("上半年", "下半年", "季度")
# A span from a year on ("自2019年以来", "从2018年起", "2019年至今"): its figures are no one year's.
SPAN_FROM = ("自", "从")
SPAN_ON = ("以来", "至今", "起", "开始")
# A part after 其中 naming the year or the agency itself ("其中本年度更新300条", "其中我局发布300条"):
# the whole before it counts more years or more publishers than the report's.
THE_YEAR_WORDS = ("本年度", "本年", "今年", "当年", "年内")
SELF_WORDS = (
    "我局", "本局", "我委", "本委", "我办", "本办", "我单位", "本单位", "本部门", "本机关", "我镇", "本镇", "我乡", "本乡",
    "我街道", "本街道", "我区", "我县", "我市", "本级",
)
# A 信息公开平台 carries more than the website: a figure of it whose parts (其中) name the portal is no
# website figure and no total (GUIDE 5: "全县信息公开平台共发布23138条，其中通过政府网站发布2917条").
OPEN_PLATFORM_WORDS = ("信息公开平台", "政务公开平台", "信息公开统一平台", "信息公开基础平台")
PORTAL_WORDS = ("网站", "门户网", "政府网", "官网")
