"""What `nianbao ingest` prints: one file at a time, or an archive through the workers (bulk)."""

from __future__ import annotations

from bot.core.local_files import FileTooLarge, NotARegularFile

# The chat asks with buttons; on the command line the answer is an option.
NEEDS_AGENCY = (
    "《{filename}》中没有写明完整的机关名称{partial}，未入库。"
    '请用 --agency 指定单位全称后重新导入：nianbao ingest "{path}" --agency 单位全称{choices}'
)
AGENCY_CHOICES = "（可能是：{choices}）"
NO_YEAR = (
    "《{filename}》中没有找到统计年度，未入库。"
    '请用 --year 指定年度后重新导入：nianbao ingest "{path}" --year 2021'
)
YEAR_NOT_BULK = "--year 只用于逐个导入的文件，不能与 --recursive、--jobs 或 --queue 同用。"
SUMMARY = "共 {total} 个文件：新入库 {stored}，新版本 {new_version}，重复 {duplicate}，失败 {failed}，待确认单位 {needs_agency}。"
FAILED_HEAD = "未入库的文件："
FAILED_ITEM = "· {path}：{problem}"
UNREADABLE = "无法读取文件：{error}"
# The OS's own strerror is English; say the usual ones in Chinese.
READ_ERRORS: dict[type[OSError], str] = {
    IsADirectoryError: "这是目录，不是文件（请给出其中的文件，例如 目录/*.pdf）",
    FileNotFoundError: "文件不存在",
    PermissionError: "没有读取权限",
    NotARegularFile: "不是普通文件（管道、设备等），未读取",
    FileTooLarge: "文件超过处理上限，未读取",
}
READ_ERROR_OTHER = "系统错误 {errno}"
# The progress bar (tqdm): "入库: 40%|████ | 4/10 [00:02<00:03, 2.0个/s]".
PROGRESS_DESC = "入库"
PROGRESS_UNIT = "个"

# --- bulk: --recursive, --jobs N, --queue ----------------------------------------------------------

PLANNED = "共 {files} 个文件：已入库跳过 {stored}，同一文件重复 {same}，无法读取 {unreadable}，继续上次未完成 {adopted}，新排队 {queued}。"
DONE = "完成：{outcomes}。用时 {seconds:.1f} 秒（{rate:.1f} 个/秒）。"
DONE_NOTHING = "无"
OUTCOME_COUNT = "{outcome} {count}"
OUTCOME_SEPARATOR = "，"
FAILURES = "未入库的 {count} 个文件及原因已写入 {path}"
NO_FAILURES = "所有文件均已入库。"
WORKERS_GONE = "本机的解析进程意外退出，剩余文件留在队列中；重新运行同一命令即可继续。"
OUTCOME_WORDS = {
    "stored": "新入库",
    "new_version": "新版本",
    "duplicate": "重复",
    "failed": "失败",
    "needs_agency": "待确认单位",
}


def read_error(exc: OSError) -> str:
    reason = next((text for kind, text in READ_ERRORS.items() if isinstance(exc, kind)), None)
    return UNREADABLE.format(error=reason or READ_ERROR_OTHER.format(errno=exc.errno))


def outcome_counts(outcomes: dict[str, int]) -> str:
    words = OUTCOME_SEPARATOR.join(
        OUTCOME_COUNT.format(outcome=OUTCOME_WORDS.get(k, k), count=v) for k, v in sorted(outcomes.items())
    )
    return words or DONE_NOTHING
