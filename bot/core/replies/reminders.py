"""Every sentence of reminders, supervisor digests, /register, /supervise, /deadline, /missing. Plain text."""

from __future__ import annotations

from bot.core.replies.bot import ACCEPTED_FORMATS

# --- reminders to an agency's chat ------------------------------------------------------------
BEFORE = (
    "⏰ 年报催报：{agency}\n"
    "{year}年政府信息公开工作年度报告须于{deadline}前公布（{source}），距截止还有{days}天，"
    "目前尚未收到贵单位的报告。"
)
DUE_DAY = (
    "⏰ 年报催报：{agency}\n"
    "今天（{deadline}）是{year}年政府信息公开工作年度报告的截止日（{source}），目前尚未收到贵单位的报告。"
)
LAST_WORKDAY = (
    "⏰ 年报催报：{agency}\n"
    "今天是{year}年政府信息公开工作年度报告截止日（{deadline}，{source}）前的最后一个工作日，"
    "距截止还有{days}天，目前尚未收到贵单位的报告。"
)
FESTIVAL_DURING = "截止日{deadline}正值春节假期（{first}至{last}放假），请在节前、最迟{last_workday}报送。"
FESTIVAL_BEFORE = "春节假期从{first}开始，紧接截止日{deadline}之后，请在节前报送。"
FESTIVAL_AFTER = "截止日{deadline}紧接春节假期（{last}结束）之后，节后只有几个工作日，请尽早报送。"
WORKDAYS_LEFT = "距截止还有{workdays}个工作日（含今天，已除去周末和法定节假日，计入调休上班日）。"
SCHEDULE_ESTIMATED = (
    "注：{year}年春节是{new_year}；国务院{year}年节假日安排尚未公布，假期和工作日按往年惯例估算。"
)
SCHEDULE_UNKNOWN = "注：国务院{year}年节假日安排尚未公布，工作日只除去了周末。"
HOW_TO_SEND = (
    f"报送方法：把报告文件（{ACCEPTED_FORMATS}）直接发到本群或私聊发给机器人，机器人会自动解析入库并回复确认。"
)
RESPONSIBLE = "请 {who} 跟进。"
LATE_NOTE = "（补发：原定{scheduled}发送，机器人当时未在运行）"
SNOOZE_BUTTON = "明天再提醒"
RECEIVED = "✅ 已收到{agency}{year}年政府信息公开工作年度报告（{received}），本年度催报已停止。谢谢！"
RECEIVED_LATE = (
    "✅ 已收到{agency}{year}年政府信息公开工作年度报告（{received}，截止日为{deadline}），本年度催报已停止。"
)

# --- supervisor digests -----------------------------------------------------------------------
DIGEST_HEAD = "📋 {region} {year}年度报告报送情况（截至{today}）"
DIGEST_COUNTS = "应报{expected}家：已报{received}家，逾期未报{missing}家，截止日未到{pending}家。"
DIGEST_MISSING_HEAD = "逾期未报送："
DIGEST_MISSING_LINE = "{n}. {agency}（截止{deadline}，已逾期{days}天，其中{workdays}个工作日）{who}"
DIGEST_LATE_HEAD = "迟报（截止日后收到或落款日期晚于截止日）："
DIGEST_LATE_LINE = "{n}. {agency}（截止{deadline}，{what}）"
DIGEST_LATE_RECEIVED = "{received}收到"
DIGEST_LATE_DATED = "落款{published}"
DIGEST_NEXT = "报齐之前每{interval}天汇总一次，下次：{next}。"
DIGEST_COMPLETE = "✅ {region} {year}年度报告：截止日已到的{expected}家已全部报齐。"

# --- to the admins --------------------------------------------------------------------------
BLOCKED_NOTICE = (
    "⚠️ 无法向群 {chat}{who} 发送催报：{error}\n"
    "机器人已被移出、屏蔽或该群已不存在。已停止向该群发送；在群里重新 /register 或 /supervise 后恢复。"
)
BLOCKED_FOR = "（{names}）"
BLOCKED_SUPERVISION = "{region}汇总"  # a supervising chat among a blocked chat's names
BLOCKED_UNKNOWN_ERROR = "未知错误"
CHAT_MIGRATED = "群已升级为超级群（新 id {chat_id}），请在新群重新登记"

# --- commands ---------------------------------------------------------------------------------
REGISTER_USAGE = "用法：/register 机构全称 [@负责人]\n例如：/register 威海市文登区科学技术局 @zhangsan"
REGISTER_NOT_GROUP = "请在本单位的群里使用 /register，机器人会把催报发到该群。"
NOT_ALLOWED = "只有群管理员或机器人管理员可以使用这个命令。"
REGISTERED = "已登记：{agency} 的年报催报将发到本群{who}。\n{year}年度报告截止日：{deadline}（{source}）。"
REGISTERED_WHO = "，负责人 {who}"
REGISTERED_STATUS_RECEIVED = "该年度报告已于{received}收到，无需催报。"
REGISTERED_STATUS_DAYS = "距截止还有{days}天。"
REGISTERED_STATUS_OVERDUE = "已逾期{days}天，尚未收到报告。"
REGISTERED_UNCHANGED = "{agency} 已登记在本群，无变化。"
SUPERVISE_USAGE = "用法：/supervise 地区\n例如：/supervise 威海市"
SUPERVISED = (
    "已登记：本群接收 {region} 各单位年报报送情况的汇总；截止日后每{interval}天汇总一次未报送单位，直到报齐。"
)
SUPERVISED_ALREADY = "本群已在接收 {region} 的汇总。"
DEADLINE_NONE = (
    "本群尚未登记机构。法定期限（《政府信息公开条例》第四十九条）：县级以上人民政府部门每年1月31日前、"
    "县级以上人民政府本级报告每年3月31日前公布上一年度报告；乡镇（街道）按本地规定。\n"
    "登记本单位：/register 机构全称"
)
DEADLINE_SET = (
    "已设置：{regions} {label}的年报截止日为每年{month}月{day}日（覆盖法定期限；单个机构另有规定的除外）。"
)
DEADLINE_SET_USAGE = "用法：/deadline [部门|本级政府|乡镇|全部] 月-日，例如 /deadline 部门 01-26（在汇总群里设置本地区的截止日期）"
DEADLINE_SET_NOT_SUPERVISOR = "请在汇总群里设置地区的截止日期：先 /supervise 地区。"
DEADLINE_LINE = "{agency}：{year}年度报告截止{deadline}（{source}），{status}"
DEADLINE_STATUS_RECEIVED = "已于{received}收到"
DEADLINE_STATUS_DAYS = "还有{days}天"
DEADLINE_STATUS_TODAY = "今天截止"
DEADLINE_STATUS_OVERDUE = "已逾期{days}天，尚未收到"
MISSING_NO_REGION = "请写明地区，例如 /missing 2026 威海市；或先在本群 /supervise 地区。"
MISSING_NONE_EXPECTED = "{region} 没有登记应报送的单位。用 /register 或 nianbao agencies import 登记。"
MISSING_ALL_IN = "{region} {year}年度报告：截止日已到的{expected}家已全部报齐。"
SNOOZED = "好的，明天此时再提醒。"
SNOOZE_RECEIVED = "报告已收到，无需再提醒。"
SNOOZE_UNKNOWN = "这条提醒已失效。"

# --- nianbao remind ---------------------------------------------------------------------------
KIND_LABELS = {
    "before": "提前提醒",
    "due_day": "截止日提醒",
    "last_workday": "截止前最后一个工作日提醒",
    "snooze": "稍后再提醒",
    "received": "收到确认",
    "digest": "未报送汇总",
    "digest_complete": "报齐通知",
    "blocked_notice": "群被屏蔽通知管理员",
}
DRY_RUN_HEAD = "{moment}（{tz}）将发送 {count} 条（预览，未发送、未记录）："
DRY_RUN_NONE = "{moment}（{tz}）没有需要发送的提醒。"
DRY_RUN_ITEM = "→ 发往 {chat}（{about}）· {label}{late}"
DRY_RUN_LATE = " · 补发"
DRY_RUN_BUTTONS = "[按钮：{labels}]"
SENT_SUMMARY = "已发送 {sent} 条；已由其他进程发送 {taken} 条；群已屏蔽 {blocked} 条；稍后重试 {retry} 条；失败 {failed} 条。"
NEED_TOKEN = "需要机器人令牌：请设置 TELEGRAM_BOT_TOKEN（或加 --dry-run 只预览）。"
BAD_MOMENT = "无法识别的时刻：{value}。请写成 2027-01-24T09:00 这样的格式。"

# --- nianbao agencies -------------------------------------------------------------------------
CSV_NEED_FILE = (
    "请给出 CSV 文件：nianbao agencies import 名录.csv（列：name,region,level,chat[,responsible][,deadline]）"
)
CSV_NOT_FOUND = "找不到文件：{path}"
CSV_ENCODING = "无法识别文件编码：请保存为 UTF-8 或 GB18030（GBK）。"
CSV_EMPTY = "文件是空的：第 1 行应为列名 name,region,level,chat[,responsible][,deadline]。"
CSV_MISSING_COLUMNS = "第 1 行缺少列：{columns}（需要 name,region,level,chat，可选 responsible,deadline）。"
CSV_UNKNOWN_COLUMNS = (
    "第 1 行有无法识别的列：{columns}（可用：name,region,level,chat,responsible,deadline）。"
)
CSV_LINE = "第 {line} 行：{problem}"
CSV_NO_NAME = "缺少机构名称（name）"
CSV_BAD_LEVEL = (
    "级别“{value}”无法识别，应为 省级/市级/县级/乡镇 之一（或 province/city/county/township），也可留空"
)
CSV_BAD_CHAT = "群 id“{value}”不是整数（例如 -1001234567890），也可留空"
CSV_BAD_RESPONSIBLE = "负责人“{value}”应为 Telegram 用户名，例如 @zhangsan，也可留空"
CSV_BAD_DEADLINE = "截止日期“{value}”无法识别，应写成 01-26 或 1月26日，也可留空"
CSV_DUPLICATE = "机构“{name}”与第 {first} 行重复"
CSV_TOO_MANY = "列数多于列名"
CSV_MALFORMED = "CSV 格式错误（多半是引号不成对），请检查这一行"
CSV_TOO_LONG = "{column}超过 {limit} 个字"
CSV_FAILED = "导入失败（{count} 处错误），没有导入任何内容："
CSV_DONE = "已导入 {total} 家机构：新增 {created}，更新 {updated}，无变化 {unchanged}。"
LIST_EMPTY = "还没有登记应报送的机构。用 nianbao agencies import 名录.csv 导入，或在群里 /register 机构全称。"
LIST_HEADERS = ("机构", "地区", "级别", "群", "负责人", "{year}年度截止", "状态")
LIST_RECEIVED = "已收到"
LIST_MISSING = "未收到"
LIST_NO_CHAT = "（无）"
LEVEL_LABELS = {"province": "省级", "city": "市级", "county": "县级", "township": "乡镇", "": ""}
CSV_COLUMN_NAME = "机构名称"
CSV_COLUMN_REGION = "地区"
DEADLINE_NOTE_CSV = "名录规定"  # why a deadline came from the CSV (shown beside the date)

# --- deadlines: which category, and why this date (Deadline.source) --------------------------------

CATEGORY_LABELS = {"department": "部门", "government": "本级政府", "township": "乡镇（街道）"}
ALL_CATEGORIES = "各单位"
DEADLINE_STATUTORY_GOVERNMENT = "《政府信息公开条例》第四十九条（本级政府3月31日前）"
DEADLINE_STATUTORY_DEPARTMENT = "《政府信息公开条例》第四十九条（部门1月31日前）"
DEADLINE_TOWNSHIP_AS_DEPARTMENT = "乡镇（街道）未设地区规定，参照部门的1月31日"
DEADLINE_AGENCY_RULE = "本机构的规定"
DEADLINE_REGION_RULE = "{region}规定"
DEADLINE_EVERYWHERE = "全局"
# A moment in the reminder texts: "1月24日 09:00".
LOCAL_TIME = "{month}月{day}日 {hhmm}"
