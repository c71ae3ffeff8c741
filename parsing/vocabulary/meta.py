"""The words of a report's meta (parsing.header, parsing.header_agency, parsing.header_dates):
how an agency's name ends and says where it is, how the introduction, the first sentence, the
contact line and the page's own labels name the agency and the date.
"""

from __future__ import annotations

# The last word of an agency's name.
AGENCY_ENDS = (
    "局", "委员会", "委", "办公室", "办", "政府", "厅", "院", "所", "中心", "管委会", "会", "处", "署",
    "站", "馆", "队", "部", "公司", "街道", "办事处", "镇", "乡",
    "海关", "苏木",  # a customs district; an Inner Mongolian township
    "经济开发区", "经开区", "开发区", "高新区",  # a zone that reports on its own (its 管委会)
)  # fmt: skip
# Vertical systems (垂直管理) report as a body of the whole line of work in a place:
# "湖北省咸宁市气象部门", "西藏自治区邮政管理系统". Only these take 部门/系统 as the end of a name.
VERTICAL_BODIES = ("气象", "地震", "邮政管理", "通信管理", "税务", "海关", "烟草专卖")
VERTICAL_ENDS = ("部门", "系统")
# A word after a place's name: "XX市", "XX旗", "辉苏木".
REGION_WORDS = ("省", "市", "县", "区", "州", "盟", "旗", "镇", "乡", "街道", "街", "苏木")
# Words that hold a region word but say no place: "区城乡建设局", "区市场监督管理局"; and a name
# that begins with the kind of region alone ("自治区应急管理厅" is "区统计局" of a region).
NOT_REGION_WORDS = ("城乡", "乡村", "乡镇", "市场", "区域", "县域")
REGION_KIND_FIRST = ("自治区", "自治州", "自治县", "自治旗")
NATIONAL_PREFIXES = ("国家", "国务院", "中华人民共和国", "中国")
# Bodies named by their place alone ("湛江海关", "大渡口经开区"): the name says where it is when a
# place's name (two characters or more) stands before the word; "高新区" alone names no place.
SELF_PLACED_ENDS = ("海关", "经济开发区", "经开区", "开发区", "高新区")
# An area that is no place with a 人民政府: "大渡口经开区" is the zone, "广州海关关区" the customs.
NOT_A_PLACE_ENDS = (
    "新区", "园区", "开发区", "经开区", "高新区", "景区", "社区", "片区", "辖区", "城区", "山区", "矿区",
    "示范区", "试验区", "关区",
)  # fmt: skip
# The area a body reports on, named for the body: "广州海关关区" -> "广州海关".
AREA_OF_BODY = (("海关关区", "海关"),)

# How a report speaks of itself: "我局", "本单位", "我镇".
SELF_WORDS = (
    "单位", "局", "委", "办", "镇", "乡", "街道", "街", "区", "县", "市", "中心", "院", "厅", "部", "署",
    "站", "所", "机关", "处", "馆", "队",
)  # fmt: skip
# Of those, the ones that name a body's kind: "我局" makes "“襄阳市审计局”网站" its own site.
SELF_BODIES = ("局", "委", "厅", "办", "院", "中心", "署", "乡", "镇", "街道")
# The agency's own guide or catalogue, in a report that speaks as 我乡: "完善《均村乡人民政府信息公开指南》".
OWN_GUIDES = ("信息公开指南", "信息公开目录")
# A place's own report speaks as 我区/我县: its contact "请与盐城市大丰区人民政府办公室联系" names the
# place's 人民政府 — unless the report speaks as a body too (我办, the office itself; 我局, a bureau).
SELF_PLACES = ("区", "县", "市", "镇", "乡", "旗")
SELF_NOT_PLACES = ("局", "委", "厅", "办", "室", "院", "中心", "署")

# The introduction's verb before the report's title: "现公布《…》", "制定…报告", "现将…报告如下".
INTRO_VERBS = ("公布", "发布", "公开", "编制", "制作", "编写", "印发", "制定", "现将", "上传")  # "按时上传××局2024年…报告"
INTRO_VERB_AFTER = ("了", "本", "完成")  # "编制了", "现编制完成《…》"
# What a verb phrase glued before the name begins with: "(编制)并向社会公开莆田市…局".
GLUED_BEFORE_NAME = ("并", "特", "现", "予以", "向社会", "公开", "公布", "发布")
# "由××编制", "本报告由湖北省地震局根据《条例》…编制".
COMPILED_VERBS = ("编制", "编写", "制作")
# Between the name and the verb: "本报告由××负责编制", "由××汇总编制".
COMPILED_VERB_LEADS = ("负责", "组织", "牵头", "汇总")
COMPILED_SUBJECTS = ("本报告", "本年度报告", "报告", "年报")
COMPILED_FOLLOWERS = ("根据", "依据", "按照")
# "由成都市住房和城乡建设局综合全年信息公开情况编制而成": what the compiler does before it compiles.
COMPILED_GATHERS = ("综合", "汇总", "结合", "根据", "依据", "按照")
# The report compiled from the agency's own year of work: "按照2024年杭州市上城区财政局政府信息公开工作实际
# 编制而成", "和2024年东宝区财政局政府信息公开工作开展情况编制".
WORK_STATES = ("实际", "开展情况", "情况")
# What follows the first sentence's subject: "2024年,湖南省生态环境厅以习近平…思想为指导".
SUBJECT_VERBS = (
    "根据", "按照", "认真", "坚持", "严格", "立足", "在", "紧紧", "深入", "全面", "以", "围绕", "持续",
    "始终", "进一步", "高度重视", "积极", "扎实", "不断", "切实", "着力", "聚焦", "继续", "紧扣",
    "强化", "加强", "贯彻", "落实", "结合",
    "对", "主动", "未", "全年",  # "2022年度,蠡县交通运输局未发生…", "2009年,水利部主动公开…"
)  # fmt: skip
# The year reported on, unnamed, before the first sentence's subject: "本年度,兴发乡严格依照《条例》…".
THIS_YEAR = ("本年度",)  # not "今年": "今年以来我乡…"
# A paragraph that opens with the agency and its whole year, no year before: "北京街道办事处全年主动公开…".
YEARLESS_SUBJECT_WORDS = ("全年", "本年度", "年内")
# A qualifier after a name, no part of it: "2019年度青龙镇政府(机关)信息公开年度报告".
NAME_QUALIFIERS = ("机关本级", "机关", "本级")
# Words no agency's name holds: a site ("2022年通过市政府门户网站主动发布…" is no name), and what a
# spam-injected mirror puts in place of a name's region ("新葡京博彩官网区人民政府北京街道办事处").
NOT_IN_NAMES = ("网站", "通过", "博彩", "官网", "娱乐", "直播")
# A frame before the subject: "2022年,在区委区政府的正确领导下,广东从化经济开发区管理委员会认真…".
SUBJECT_LEADS = ("领导下", "指导下", "带领下", "引领下", "部署下", "关心下", "支持下", "要求下")
# Words never inside an agency's name: "编制本报告现向社会公开安乐乡…" is no name.
NAME_BREAKS = ("报告",)
# A short name's note after the name: "随县经济开发区(以下简称县开发区)".
SHORT_NAME_NOTES = ("以下简称", "下称")
# The contact line: "请与将乐县卫生健康局办公室联系", "请联系:硚口区统计局党政办公室,地址…".
CONTACT_BEFORE = ("请与", "请联系", "可与")  # "可与宿城区中扬镇人民政府联系(地址:…)"
CONTACT_AFTER = ("联系",)
# An office or section inside the agency, dropped from a contact's name: "…局党政办公室",
# "…局综合科", "…海关办公室政务公开科".
OFFICE_PREFIXES = ("党政", "综合", "行政")
OFFICES = ("办公室", "办")
SECTIONS = ("科", "股")
# The agency's own site or account: "“咸宁市水利和湖泊局”网站", "玉林市民政局网站公开信息…".
OWN_SITES = ("门户网站", "门户网", "网站", "政府网站")
# How a report points to a site: "本年度报告电子版可以从乌海市统计局门户网(http://…)下载".
SITE_VIA = ("从", "通过", "登录")
# The agency's own group for the work: "…为成员的姚安县农业农村局政府信息公开工作领导小组".
OWN_GROUPS = ("领导小组",)
OWN_GROUP_LEADS = ("的", "成立", "成立了")
# The group's office named as the compiler or the contact is the agency's: "请与白城市农业农村局政府信息
# 公开领导小组办公室联系", "本报告由南平市人民政府信息公开工作领导小组办公室根据…".
GROUP_OFFICES = ("办公室",)
# A saved page's field naming the publisher: "发布机构: | 博山区山头街道 |". Taken last, only with its
# region and only when it agrees with the name the report gives (a portal's "发布机构:政务服务管理局"
# is the site's keeper).
PUBLISHER_LABELS = ("发布机构", "发布单位")
# A page's source line: taken only to complete the short name the report gives ("市文化和旅游局" and
# "来源: 武汉市文化和旅游局"); a portal's source is often the site's keeper.
SOURCE_LABELS = ("信息来源", "来源")

# A saved page's date labels: "发布日期:2021-12-23", "发文日期 | 2022-01-04 |", "更新时间:2020/01/18".
PAGE_DATE_LABELS = ("发布日期", "发布时间", "公开日期", "公开时间", "信息提供日期")
# The document's own dates, taken only when the page gives no publication date: "成文日期: 2016年02月19日"
# with an empty "发布日期:"; "生成日期: | 2024-01-05 |".
PAGE_DOCUMENT_DATE_LABELS = ("发文日期", "成文日期", "生成日期")
# Taken only when no publication label is there: a mirror's 更新日期 is its own copy's date.
PAGE_UPDATE_LABELS = ("更新时间", "更新日期")
PAGE_DATE_BARE_LABELS = ("日期", "时间")  # only after no other character of a word
# What follows a date that opens a line under the title: "2024年01月26日来源:于洪区教育局".
PAGE_DATE_FOLLOWERS = ("来源", "信息来源", "点击", "浏览", "阅读", "作者", "字体", "发布")
NOT_PUBLISHED = ("生效", "废止", "有效期", "截止", "成文")
# "截止2023年12月31日": the state at the end of the year reported on.
AS_OF = ("截至", "截止", "截止到", "截至到")
# Titles printed as a work report rather than a 年度报告: "…2018年政务信息公开工作汇报".
REPORT_WORDS = ("报告", "汇报")
