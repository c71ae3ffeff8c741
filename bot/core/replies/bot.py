"""What the Telegram bot itself says (uploads, access, limits, commands, errors).

Plain text unless marked HTML. Ingest summaries live in replies/ingest.py, answers in
replies/answers.py.
"""

from __future__ import annotations

from parsing import formats
from parsing.error_wording import format_list

# The formats we read, named from their registry (parsing.formats): "PDF、DOCX、…".
ACCEPTED_FORMATS = format_list(formats.listed_names())

START = (
    "您好！我是“年报”机器人，整理各单位的政府信息公开工作年度报告。\n\n"
    f"· 把年度报告文件（{ACCEPTED_FORMATS}）或报告的照片转发给我，我会解析并入库，"
    "并检查表格之间的勾稽关系。\n"
    "· 直接用中文提问，例如：文登科技局2021主动公开多少条\n\n"
    "发送 /help 查看全部用法。"
)

HELP = (
    "<b>年报机器人用法</b>\n\n"
    f"<b>上传报告</b>：直接发送或转发年度报告文件（{ACCEPTED_FORMATS}），或报告的照片、扫描图片。"
    "报告没写明单位时，可在附言里写上单位全称。\n\n"
    "<b>提问示例</b>（私聊直接发；群里请 @我 或回复我的消息）：\n"
    "· 文登科技局2021主动公开多少条\n"
    "· 文登科技局2021年新收多少申请\n"
    "· 文登科技局2021和2022主动公开对比\n"
    "· 2021年哪个单位收到申请最多\n"
    "· 2021年一共收到多少申请\n"
    "· 有多少份2021年报告\n"
    "· 2022年哪些报告勾稽关系不对\n\n"
    "<b>命令</b>\n"
    "/report 单位 年份 — 一份报告的全部表格\n"
    "/history 单位 — 已收到的年份和版本\n"
    "/agencies — 已有报告的单位\n"
    "/export — 导出全部报告（CSV；/export xlsx 导出 Excel）\n"
    "/chart 问题 — 画出趋势或排名图，例如 /chart 文登科技局历年主动公开（趋势和排名的回答会自动附图）\n"
    "/summary 地区 年份 — 地区汇总：已报送单位的表二至表四合计（Excel，全国统一表格排版），列出未报和迟报单位\n"
    "/fix 单位 [年份] — （管理员）更正已入库的报告：改单位、改年度、撤回某一版（有按钮，记录操作人和时间）\n"
    "/check — 发布前核对草稿（发送文件时附言 /check，或回复文件发 /check）：勾稽关系和跨年核对，不入库\n"
    "/cancel — 取消正在等待的操作\n\n"
    "<b>催报</b>（群管理员）\n"
    "/register 机构全称 [@负责人] — 把本群登记为该单位的报送群\n"
    "/supervise 地区 — 把本群设为该地区的政务公开办汇总群\n"
    "/deadline — 查看截止日期（汇总群可设置本地规定）\n"
    "/missing [年份] [地区] — 尚未报送的单位"
)

# (command, description) for set_my_commands, in menu order.
COMMANDS: tuple[tuple[str, str], ...] = (
    ("help", "用法和提问示例"),
    ("report", "查看一份报告的全部表格：/report 单位 年份"),
    ("history", "某单位已收到的年份和版本：/history 单位"),
    ("agencies", "已有报告的单位"),
    ("export", "导出全部报告（CSV，或 /export xlsx）"),
    ("chart", "趋势或排名图：/chart 问题"),
    ("summary", "地区汇总表（Excel）：/summary 地区 年份"),
    ("check", "发布前核对草稿，不入库（文件附言 /check）"),
    ("fix", "（管理员）更正报告的单位、年度或撤回某一版"),
    ("cancel", "取消正在等待的操作"),
    ("register", "登记本群为某单位的报送群：/register 机构全称"),
    ("supervise", "设本群为某地区的汇总群：/supervise 地区"),
    ("deadline", "查看或设置截止日期"),
    ("missing", "尚未报送的单位：/missing [年份] [地区]"),
    ("start", "开始使用"),
)

# --- uploads ---------------------------------------------------------------------------------

RECEIVED = "收到《{name}》，正在解析…"
DOWNLOADING = "收到《{name}》，正在下载…"
PARSING = "《{name}》已下载，正在解析和核对表格…"
TOO_BIG = (
    "《{name}》有 {size_mb:.1f} MB，超过了 Telegram 机器人可下载的 {limit_mb:g} MB 上限，无法处理。"
    "请压缩后重发，或请管理员使用自建的 Bot API 服务器。"
)
# Telegram refused the download ("file is too big") without the size being known beforehand.
TOO_BIG_REFUSED = (
    "《{name}》超过了 Telegram 机器人可下载的 {limit_mb:g} MB 上限，无法处理。"
    "请压缩后重发，或请管理员使用自建的 Bot API 服务器。"
)
PHOTO_NAME = "照片_{when}.jpg"
UPLOAD_NOT_ALLOWED = "抱歉，您没有在这里上传报告的权限，文件未保存。如需开通，请联系管理员。"
UPLOAD_NOT_ALLOWED_GROUP = "抱歉，本群未开通上传报告，文件未保存。如需开通，请联系管理员。"

ASK_AGENCY = (
    "《{name}》中没有写明是哪个单位的报告。请点选下面的单位，"
    "或直接回复这条消息写上单位全称（发送 /cancel 放弃）。"
)
ASK_AGENCY_NO_GUESS = (
    "《{name}》中没有写明是哪个单位的报告。请回复这条消息写上单位全称（发送 /cancel 放弃）。"
)
AGENCY_CHOSEN = "好的，按“{agency}”处理《{name}》…"
PENDING_EXPIRED = "这个选择已过期，请重新发送文件。"
ONLY_UPLOADER = "只有上传这个文件的人可以选择单位。"
CANCELLED = "已取消。"
NOTHING_TO_CANCEL = "目前没有需要取消的操作。"

# --- questions -------------------------------------------------------------------------------

RATE_LIMITED = "您发送得太快了，请 {seconds} 秒后再试。"
TEXT_TOO_LONG = "问题太长了（最多 {limit} 个字），请简短一些。"
CHOICE_EXPIRED = "这个选项已过期，请重新提问。"

# --- commands --------------------------------------------------------------------------------

REPORT_USAGE = "用法：/report 单位 年份，例如 /report 文登科技局 2021"
HISTORY_USAGE = "用法：/history 单位，例如 /history 文登科技局"
EXPORT_EMPTY = "还没有任何报告，暂无可导出的内容。"
EXPORT_CAPTION = "全部当前报告（{fmt}），每行一份报告，列名与数据说明一致。"
CHECK_USAGE = (
    "用法：发送草稿文件时在附言里写 /check，或回复一个文件发送 /check [单位全称]。"
    "我会核对勾稽关系，并与本单位上一年度的报告对照，草稿不会入库。"
)
DRAFT_RECEIVED = "收到草稿《{name}》，正在核对（不入库）…"
EXPORT_NOT_ALLOWED = "抱歉，只有可以上传报告的用户才能导出数据。"

# --- failures ----------------------------------------------------------------------------------

APOLOGY = "抱歉，处理您的消息时出错了，已记录并通知管理员。请稍后再试。"
ADMIN_ERROR = "⚠️ 机器人出错（{error_id}）\n{error}\n聊天：{chat}\n用户：{user}\n内容：{content}"

# --- `nianbao run` ------------------------------------------------------------------------------

NO_TOKEN = (
    "未设置 TELEGRAM_BOT_TOKEN。请在 Telegram 中找到 @BotFather，发送 /newbot 创建机器人，"
    "把得到的令牌写入 .env 文件（TELEGRAM_BOT_TOKEN=123456:ABC…）或环境变量后重试。\n"
    "TELEGRAM_BOT_TOKEN is not set. Talk to @BotFather on Telegram, send /newbot, and put the "
    "token it gives you in .env (TELEGRAM_BOT_TOKEN=123456:ABC...) or the environment."
)

# --- /report, /history, /agencies (HTML) -------------------------------------------------------

BROWSE_UNKNOWN_AGENCY = "没有找到“{typed}”的报告。"
BROWSE_CLOSE = "相近的单位：{names}"
BROWSE_AMBIGUOUS = "“{typed}”可能指以下单位，请点选："
BROWSE_NO_REPORT = "没有{agency}{year}年的报告。已有年份：{years}。"
BROWSE_NO_DATA = "还没有任何报告。把年度报告文件发给我即可入库。"
REPORT_TITLE = "<b>{agency}</b> {year}年政府信息公开工作年度报告"
REPORT_META = "格式：{template}版　第{version}版　文件：{filename}{published}"
REPORT_PUBLISHED = "　发布日期：{date}"
REPORT_T2 = "<b>表二 主动公开政府信息情况</b>"
REPORT_T2_HEADERS = ("项目", "数值")
# Table 3 is seven numbers wide: short headers keep it readable on a phone.
REPORT_T3_SHORT_COLUMNS = ("自然人", "商企", "科研", "公益", "法律", "其他", "总计")
NO_YEARS_HELD = "无"
REPORT_T3 = "<b>表三 收到和处理政府信息公开申请情况</b>"
REPORT_T4 = "<b>表四 政府信息公开行政复议、行政诉讼情况</b>"
REPORT_FACTS = "<b>正文中的数字</b>"
REPORT_CHECKS_OK = "勾稽关系：全部通过。"
REPORT_CHECKS_UNSURE = "勾稽关系：没有不符的，但{count}项因表格空白无法核对。"
REPORT_CHECKS_VERIFY = "<b>请核实</b>（与上一年度相比变化十倍以上）："
REPORT_CHECKS_FAILED = "<b>勾稽关系未通过</b>："
BLANK_CELL = "—"
HISTORY_TITLE = "<b>{agency}</b> 已收到的报告："
HISTORY_LINE = "{year}年 第{version}版{current}　{received}　《{filename}》{checks}"
HISTORY_CURRENT = "（当前）"
HISTORY_CHECKS_FAILED = "　勾稽关系有误"
HISTORY_CHANGES = "　　变动：{changes}"
AGENCIES_TITLE = "已有报告的单位（共 {count} 个）："
AGENCIES_LINE = "· {name}：{years}"
AGENCIES_MORE = "……另有 {more} 个单位未列出。"

# A document Telegram sent without a file name.
UNNAMED_FILE = "未命名文件"
# What the admins' error notice says the failing update was: a button press or a file.
FAILED_ON_BUTTON = "按钮 {data}"
FAILED_ON_FILE = "文件 {name}"
