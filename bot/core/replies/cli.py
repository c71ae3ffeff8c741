"""What the `nianbao` command prints on stderr when something around it is wrong: the settings,
the database, the data directory, Telegram. Plain text, one short paragraph each.
"""

from __future__ import annotations

# --- configuration (.env / environment) ----------------------------------------------------------

CONFIG_HEAD = "配置错误（来自环境变量或当前目录下的 .env 文件）："
CONFIG_ITEM = "· {name}={value}：{reason}"
CONFIG_TAIL = "请改正后重试；各项设置的说明见 README 的“配置”一节和 .env.example。"
# pydantic's error types -> what the value should look like.
CONFIG_REASONS = {
    "int_parsing": "应为整数",
    "int_from_float": "应为整数",
    "float_parsing": "应为数字",
    "greater_than": "应大于 {gt}",
    "greater_than_equal": "应不小于 {ge}",
    "less_than": "应小于 {lt}",
    "less_than_equal": "应不大于 {le}",
    "bool_parsing": "应为 true 或 false",
    "list_type": "应为逗号分隔的列表",
}
CONFIG_REASON_OTHER = "格式不对"
# What a setting's own check says is wrong with its value (bot.config's validators).
CONFIG_NOT_A_NETWORK = "不是网络地址 / not a network: {network}"
CONFIG_CLOCK_TIME = "提醒时间应写成 HH:MM，例如 09:00"
CONFIG_PROXY_SCHEME = "代理地址应以 http://、https://、socks5:// 或 socks5h:// 开头"
CONFIG_PROXY_HOST = "代理地址缺少主机名，例如 socks5://127.0.0.1:1080"
CONFIG_LOG_LEVEL = "日志级别应为 DEBUG、INFO、WARNING 或 ERROR"
CONFIG_TIMEZONE = "未知时区，应为 Asia/Shanghai 这样的 IANA 时区名"
CONFIG_LIST_ITEM = "应为逗号分隔的整数（Telegram 用户或聊天 id，例如 123456789,-1001234567890）"

# --- database and data directory ---------------------------------------------------------------

DB_UNREACHABLE = "无法连接数据库（{error}）。请检查 NIANBAO_DATABASE_URL 或 --db，以及数据库是否在运行。"
DB_URL_MALFORMED = (
    "数据库地址无法识别：{url}。应写作 sqlite:///路径/nianbao.sqlite3 或 "
    "postgresql+psycopg://用户:密码@主机:5432/库名。"
)
DB_URL_UNSUPPORTED = "不支持的数据库类型：{scheme}。nianbao 只支持 SQLite（sqlite:///…）和 PostgreSQL（postgresql+psycopg://…）。"
DB_URL_NO_DATABASE = "数据库地址没有写库名：{url}。例如 postgresql+psycopg://用户@主机:5432/nianbao 或 sqlite:///data/nianbao.sqlite3。"
DB_DRIVER_MISSING = "缺少数据库驱动（{error}）。请重新安装 nianbao：pip install -e ."
DB_EMPTY = (
    "数据库为空（尚未初始化）：{where}。\n"
    "如果报告存在别处，请在原目录运行，或用 --db / NIANBAO_DATABASE_URL / NIANBAO_DATA_DIR 指定；"
    "要在这里新建数据库，请先运行 nianbao db upgrade{db_option}，再用 nianbao ingest 导入报告。"
)
DB_OUTDATED = "数据库结构不是最新（{where}）。请先运行 nianbao db upgrade{db_option}。"
DATA_DIR_NOT_DIR = "数据目录 {path} 不是目录（它或它的上级是一个文件）。请把 NIANBAO_DATA_DIR 指向一个目录。"
DB_FILE_NO_DIR = "数据库文件 {url} 所在的目录 {path} 不存在。请先创建该目录，或改正 --db / NIANBAO_DATABASE_URL。"
DATA_DIR_READ_ONLY = "数据目录 {path} 不可写（{error}）。请检查权限，或把 NIANBAO_DATA_DIR 指向可写的目录。"
DATA_DIR_OTHER = "无法使用数据目录 {path}：{error}。"

# --- Telegram -------------------------------------------------------------------------------------

TELEGRAM_UNREACHABLE = "无法连接 Telegram（{api}{via}）：{error}。\n{advice}"
TELEGRAM_NEED_PROXY = (
    "请检查网络；在中国大陆需通过代理访问 Telegram，请设置 NIANBAO_PROXY_URL"
    "（例如 socks5://127.0.0.1:1080 或 http://127.0.0.1:7890）。"
)
TELEGRAM_CHECK_PROXY = "请检查代理（NIANBAO_PROXY_URL）是否在运行、地址和端口是否正确。"
TELEGRAM_VIA_PROXY = "，经代理 {proxy}"
TELEGRAM_TOKEN_REJECTED = (
    "Telegram 拒绝了机器人令牌（TELEGRAM_BOT_TOKEN）。请向 @BotFather 核对令牌（/mybots → API Token）后重试。"
)
TELEGRAM_PROXY_MISSING = "使用 SOCKS 代理需要 socksio 组件：pip install 'python-telegram-bot[socks]'。"

# --- export -----------------------------------------------------------------------------------

EXPORT_XLSX_NEEDS_FILE = "XLSX 需要用 -o 指定输出文件，例如：nianbao export --format xlsx -o 年报.xlsx"
EXPORT_WRITTEN = "已导出到 {path}"
EXPORT_FORMAT_CLASH = "--format {format} 与输出文件 {path} 的扩展名不一致。请去掉 --format（按扩展名决定），或改文件名。"
EXPORT_CANNOT_WRITE = "无法写入 {path}：{error}"

# --- the command line itself ---------------------------------------------------------------------

COMMAND_NOT_HERE = "此入口不含子命令 {command}，请用 nianbao 命令（或 python -m bot）。"

# --- nianbao db check / upgrade --------------------------------------------------------------------

DB_CHECK_UNREACHABLE = "数据库无法连接：{error}"
DB_CHECK_OUTDATED = "数据库结构不是最新（当前 {current}，最新 {head}），请运行 nianbao db upgrade。"
DB_CHECK_OK = "数据库正常（版本 {current}）。"
DB_UPGRADE_FAILED = "数据库升级失败：{error}"
DB_ALREADY_HEAD = "数据库已是最新结构（版本 {after}）。"
DB_UPGRADED = "数据库已从版本 {before} 升级到 {after}（最新 {head}）。"
DB_NO_VERSION = "空"

# --- a local file that is no report file (bot.core.local_files: the OSError's strerror) ------------

NOT_A_REGULAR_FILE = "不是普通文件（管道、设备等）"
FILE_OVER_LIMIT = "文件超过 {mb} MB 的处理上限"
