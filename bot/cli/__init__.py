"""The `nianbao` command line. Each subcommand is a thin adapter over a core function.

The CLI sees bot.core and bot.config only. The two commands that start Telegram (run, remind) live
in bot.tg and reach `main` from the composition root bot.main, which is the console script.

Exit codes: 0 success; 1 a file or question could not be handled (Chinese message on
stderr); 2 usage or configuration error.
"""

from __future__ import annotations

import argparse
import importlib
import os
import sys
from collections.abc import Callable, Mapping, Sequence

from pydantic import ValidationError

from bot import logsetup
from bot.cli.commands import failures
from bot.config import Settings
from bot.core.replies import bot as bot_say
from bot.core.replies import cli as say
from bot.core.setup import SetupError

EXIT_OK, EXIT_FAILED, EXIT_USAGE = 0, 1, 2

Handler = Callable[[argparse.Namespace, Settings], int]
# A command's handler, imported only when that command runs (start-up stays quick).
Loader = Callable[[], Handler]
# The subcommands whose handlers live in this package (bot.cli.commands.NAME.main).
OWN_COMMANDS = ("parse", "ingest", "check", "summary", "ask", "chart", "fix", "worker", "export", "db", "agencies")


def _add_db(p: argparse.ArgumentParser) -> None:
    p.add_argument(
        "--db",
        metavar="URL",
        help="数据库 URL，覆盖 NIANBAO_DATABASE_URL（默认：数据目录下的 SQLite 文件）。"
        " Database URL, e.g. sqlite:///data/nianbao.sqlite3 or postgresql+psycopg://u@h/db",
    )


def _sub(
    subs: argparse._SubParsersAction[argparse.ArgumentParser],
    name: str,
    help_text: str,
    examples: str,
) -> argparse.ArgumentParser:
    p = subs.add_parser(
        name,
        help=help_text,
        description=help_text,
        epilog="示例 / examples:\n" + examples,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    return p


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="nianbao",
        description="年报 nianbao：政府信息公开工作年度报告的解析、存储、问答与催报。"
        " Parse, store, query and chase China's annual government-information-disclosure reports.",
        epilog="每个子命令都有自己的帮助：nianbao SUBCOMMAND --help",
    )
    subs = parser.add_subparsers(dest="command", metavar="SUBCOMMAND")

    p = _sub(
        subs,
        "parse",
        "解析一个报告文件并打印结果 / parse one report file",
        "  nianbao parse 文登科技局2021年报.pdf\n  nianbao parse report.docx --json > report.json",
    )
    p.add_argument("file", metavar="FILE", help=f"{bot_say.ACCEPTED_FORMATS} 文件或图片")
    p.add_argument(
        "--json", action="store_true", help="输出完整记录（JSON），格式见 docs/record.md / the JSON record, see docs/record.md"
    )
    p.add_argument("--caption", help="附言（如转发时的说明文字），可补充机构名称 / message caption")

    p = _sub(
        subs,
        "ingest",
        "解析并入库一个或多个报告文件 / parse and store report files",
        "  nianbao ingest samples/*.pdf\n  nianbao ingest 报告.docx --agency 威海市文登区科学技术局\n"
        "  nianbao ingest 无年度的报告.pdf --year 2021\n"
        "  nianbao ingest 档案/ --recursive --jobs 4      # 本机 4 个进程；重新运行会跳过已入库的文件\n"
        "  nianbao ingest 档案/ --recursive --queue       # 交给各台机器上的 nianbao worker\n"
        "  nianbao ingest https://www.example.gov.cn/art/2022/1/27/art_1.html   # 网页或其附件中的报告",
    )
    p.add_argument(
        "files",
        metavar="FILE",
        nargs="+",
        help="文件、目录（目录需 --recursive）或报告网页链接 / files, directories or report page links",
    )
    p.add_argument("--agency", metavar="NAME", help="报告未写明机构时使用的机构全称 / agency full name")
    p.add_argument(
        "--year",
        type=int,
        metavar="N",
        help="报告未写明统计年度时使用的年度 / the year when the report does not say",
    )
    p.add_argument("--recursive", "-r", action="store_true", help="导入目录下的所有文件 / walk directories")
    p.add_argument("--jobs", "-j", type=int, metavar="N", help="本机并行进程数 / local worker processes")
    p.add_argument(
        "--queue", action="store_true", help="交给正在运行的 nianbao worker / hand to running workers"
    )
    p.add_argument(
        "--failures",
        metavar="FILE.csv",
        default="nianbao-ingest-failures.csv",
        help="未入库文件及原因的 CSV（批量模式）/ CSV of files not stored (bulk mode)",
    )
    _add_db(p)

    p = _sub(
        subs,
        "check",
        "核对一份草稿：勾稽关系和跨年核对，不入库 / check a draft report without storing it",
        "  nianbao check 2024年报草稿.docx\n  nianbao check 草稿.pdf --agency 威海市文登区科学技术局",
    )
    p.add_argument("file", metavar="FILE")
    p.add_argument("--agency", metavar="NAME", help="草稿未写明机构时使用的机构全称 / agency full name")
    _add_db(p)

    p = _sub(
        subs,
        "summary",
        "地区汇总：已报送单位的表二至表四合计，按全国统一表格排版的 XLSX / region table as XLSX",
        "  nianbao summary 文登区 2021 -o 文登区2021汇总.xlsx\n  nianbao summary 山东省/威海市 2022",
    )
    p.add_argument("region", metavar="地区")
    p.add_argument("year", metavar="年份", type=int)
    p.add_argument(
        "-o", "--output", metavar="FILE.xlsx", help="输出文件（默认：地区+年度+汇总.xlsx）/ output file"
    )
    _add_db(p)

    p = _sub(
        subs,
        "ask",
        "用中文提问，打印机器人会发送的回答 / ask a question in Chinese",
        '  nianbao ask "文登科技局2021主动公开多少条"\n  nianbao ask "2021年哪个单位收到申请最多"',
    )
    p.add_argument("question", metavar="问题")
    _add_db(p)

    p = _sub(
        subs,
        "chart",
        "画出一个问题的趋势或排名图（PNG）/ draw the chart of a trend or ranking question",
        '  nianbao chart "文登科技局历年主动公开" -o 趋势.png\n  nianbao chart "2021年哪个单位收到申请最多" -o 排名.png',
    )
    p.add_argument("question", metavar="问题")
    p.add_argument("-o", "--output", metavar="FILE.png", required=True, help="PNG 输出文件 / output file")
    _add_db(p)

    p = _sub(
        subs,
        "fix",
        "更正已入库的报告：改单位、改年度、撤回某一版，记录操作人和时间 / correct a stored report",
        "  nianbao fix 文登科技局 2021          # 列出各版本及编号\n"
        "  nianbao fix 123 撤回 --by 张三\n  nianbao fix 123 年度 2022\n  nianbao fix 123 单位 威海市文登区教育局\n"
        "  nianbao fix log                     # 全部更正记录",
    )
    p.add_argument("words", metavar="参数", nargs="*", help="单位 [年份] | 编号 撤回 | 编号 年度 年份 | 编号 单位 全称 | log")
    p.add_argument("--by", metavar="NAME", help="操作人（默认：当前系统用户）/ who makes the change")
    _add_db(p)

    p = _sub(
        subs,
        "run",
        "启动 Telegram 机器人 / run the Telegram bot",
        "  TELEGRAM_BOT_TOKEN=123:abc nianbao run\n"
        "  nianbao run --webhook-url https://bot.example.gov.cn/tg --listen 0.0.0.0 --port 8443",
    )
    p.add_argument("--webhook-url", metavar="URL", help="使用 webhook 模式（默认长轮询）/ webhook mode")
    p.add_argument("--listen", default="127.0.0.1", help="webhook 监听地址 / listen address")
    p.add_argument("--port", type=int, default=8443, help="webhook 端口 / listen port")
    _add_db(p)

    p = _sub(
        subs,
        "worker",
        "解析并入库排队的上传（可在多台机器上运行）/ run queued ingest jobs",
        "  nianbao worker                      # SQLite：轮询任务表；PostgreSQL：procrastinate 队列\n"
        "  nianbao worker --concurrency 2 --db postgresql+psycopg://nianbao@db.example/nianbao",
    )
    p.add_argument("--concurrency", type=int, default=1, help="本进程同时处理的任务数 / jobs at once")
    p.add_argument(
        "--parsers",
        type=int,
        metavar="N",
        help="本进程同时解析的文件数（默认每核一个；少于 --concurrency 时，其余任务在解析时入库）"
        " / parses at once (default: one per CPU; fewer than --concurrency: the other jobs store meanwhile)",
    )
    p.add_argument(
        "--store-batch",
        type=int,
        default=1,
        metavar="N",
        help="入库时等到凑够 N 份报告（最多等 0.2 秒）一起写，批量导入用"
        " / store N reports at a time, waiting at most 0.2 s for them (bulk ingest)",
    )
    p.add_argument("--until-empty", action="store_true", help="队列空了就退出 / exit when the queue is empty")
    p.add_argument(
        "--wait-for-go",
        action="store_true",
        help="（nianbao ingest 内部使用）先启动，标准输入收到 go 再开始，不做数据库迁移"
        " / internal: start up, then wait for `go` on stdin; the caller migrated the database",
    )
    p.add_argument(
        "--stale-after",
        type=float,
        default=30.0,
        metavar="SECONDS",
        help="多少秒没有心跳的任务由其他进程接手 / take over jobs of workers silent this long",
    )
    _add_db(p)

    p = _sub(
        subs,
        "remind",
        "发送（或预览）此刻到期的催报提醒 / send reminders due at a moment",
        "  nianbao remind --at 2027-01-24T09:00 --dry-run\n  nianbao remind",
    )
    p.add_argument("--at", metavar="DATETIME", help="时刻（默认现在，Asia/Shanghai）/ moment, ISO 8601")
    p.add_argument("--dry-run", action="store_true", help="只打印，不发送 / print, do not send")
    _add_db(p)

    p = _sub(
        subs,
        "export",
        "导出全部当前报告为 CSV 或 XLSX / export current reports",
        "  nianbao export -o 年报.xlsx            # 格式按扩展名\n"
        "  nianbao export --format csv > 年报.csv   # CSV 带 BOM，Excel 可直接打开\n"
        "  nianbao export --header keys > keys.csv  # 只要英文键名一行表头（脚本用）",
    )
    p.add_argument(
        "--format",
        choices=["csv", "xlsx"],
        help="默认按 -o 的扩展名，否则 csv / default: from the -o file's extension, else csv",
    )
    p.add_argument("-o", "--output", metavar="FILE", help="输出文件（CSV 默认标准输出）/ output file")
    p.add_argument(
        "--header",
        choices=["both", "labels", "keys"],
        default="both",
        help="表头：both 中文标签一行 + 键名一行（默认），labels 只要中文，keys 只要键名 / header rows",
    )
    _add_db(p)

    p = _sub(
        subs,
        "db",
        "数据库管理 / database management",
        "  nianbao db upgrade\n  nianbao db upgrade --db postgresql+psycopg://postgres@127.0.0.1/test\n"
        "  nianbao db check        # 健康检查：数据库可连接且结构为最新时退出码 0",
    )
    p.add_argument(
        "action",
        choices=["upgrade", "check"],
        help="upgrade: 升级到最新结构 / migrate to head; check: 可连接且为最新结构 / reachable and at head",
    )
    _add_db(p)

    p = _sub(
        subs,
        "agencies",
        "机构名录管理 / agency registry",
        "  nianbao agencies import 应报机构.csv\n  nianbao agencies list",
    )
    p.add_argument("action", choices=["import", "list"])
    p.add_argument("file", metavar="FILE.csv", nargs="?", help="CSV：name,region,level,chat")
    _add_db(p)
    return parser


def setup_logging(settings: Settings, command: str) -> None:
    level = settings.log_level.upper()
    # One-shot commands print their own results; INFO lines would only clutter the terminal
    # unless the user asked for them.
    if command not in ("run", "worker") and "log_level" not in settings.model_fields_set:
        level = "WARNING"
    # The token never reaches a log line; user-given names cannot forge one.
    # A service (run, worker) keeps tracebacks in its log; a one-shot command only at DEBUG.
    service = command in ("run", "worker")
    logsetup.install(level, settings.telegram_bot_token, tracebacks=service or level == "DEBUG")


def _own(name: str) -> Loader:
    def load() -> Handler:
        handler: Handler = importlib.import_module(f"bot.cli.commands.{name}").main
        return handler

    return load


def main(argv: Sequence[str] | None = None, more: Mapping[str, Loader] | None = None) -> int:
    """Run one subcommand. `more`: handlers from outside the CLI (bot.main gives run and remind)."""
    parser = build_parser()
    args = parser.parse_args(argv)
    loaders = {name: _own(name) for name in OWN_COMMANDS} | dict(more or {})
    if not args.command:
        parser.print_help()
        return EXIT_USAGE
    if args.command not in loaders:
        print(say.COMMAND_NOT_HERE.format(command=args.command), file=sys.stderr)
        return EXIT_USAGE
    try:
        settings = Settings()
    except ValidationError as exc:
        print(failures.describe_config_error(exc), file=sys.stderr)
        return EXIT_USAGE
    setup_logging(settings, args.command)
    # A bulk ingest goes straight to its module: it starts its workers before any heavy import.
    bulk = args.command == "ingest" and (args.recursive or args.jobs or args.queue)
    handler = _own("bulk")() if bulk else loaders[args.command]()
    try:
        return handler(args, settings)
    except KeyboardInterrupt:
        return EXIT_FAILED
    except BrokenPipeError:
        # `nianbao export | head`: the reader left; exit quietly as Unix tools do.
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        return EXIT_FAILED
    except SetupError as exc:
        text, code = failures.describe_setup_error(exc, getattr(args, "db", None))
        print(text, file=sys.stderr)
        return code
    except Exception as exc:
        explained = failures.describe_database_error(exc)
        if explained is None:
            raise
        print(explained, file=sys.stderr)
        return EXIT_FAILED

