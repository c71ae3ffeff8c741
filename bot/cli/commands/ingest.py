"""`nianbao ingest FILE... [--agency NAME] [--year N]`: store many reports; one bad file never stops the rest."""

from __future__ import annotations

import argparse
import sys
from collections import Counter
from collections.abc import Iterable
from pathlib import Path

from bot.config import Settings
from bot.core.fetch import FetchError, FetchPolicy
from bot.core.ingest import FailureReason, IngestOutcome, IngestRequest, IngestResult, ingest
from bot.core.links import find_url, link_request, policy_for
from bot.core.local_files import FileTooLarge, NotARegularFile, read_regular
from bot.core.printable import printable
from bot.core.replies.ingest import render as ingest_reply
from bot.core.replies.links import fetch_failed
from bot.core.services import Services

# The chat asks with buttons; on the command line the answer is an option.
NEEDS_AGENCY_CLI = (
    "《{filename}》中没有写明完整的机关名称{partial}，未入库。"
    '请用 --agency 指定单位全称后重新导入：nianbao ingest "{path}" --agency 单位全称{choices}'
)
NO_YEAR_CLI = (
    "《{filename}》中没有找到统计年度，未入库。"
    '请用 --year 指定年度后重新导入：nianbao ingest "{path}" --year 2021'
)
YEAR_NOT_BULK = "--year 只用于逐个导入的文件，不能与 --recursive、--jobs 或 --queue 同用。"
SUMMARY = "共 {total} 个文件：新入库 {stored}，新版本 {new_version}，重复 {duplicate}，失败 {failed}，待确认单位 {needs_agency}。"
FAILED_HEAD = "未入库的文件："
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


def _progress(items: list[tuple[str, Path]]) -> Iterable[tuple[str, Path]]:
    if sys.stderr.isatty() and len(items) > 1:
        from tqdm import tqdm

        bar: Iterable[tuple[str, Path]] = tqdm(items, unit="个", desc="入库", file=sys.stderr)
        return bar
    return items


def _read(path: Path) -> bytes | str:
    try:
        return read_regular(path)
    except OSError as exc:
        reason = next((text for kind, text in READ_ERRORS.items() if isinstance(exc, kind)), None)
        return UNREADABLE.format(error=reason or READ_ERROR_OTHER.format(errno=exc.errno))


def _request(
    raw: str, path: Path, links: dict[str, str], policy: FetchPolicy, args: argparse.Namespace
) -> IngestRequest | str:
    """What to ingest for one argument, or why it cannot be read (Chinese)."""
    if raw in links:
        try:
            return link_request(raw, policy, fallback_agency=args.agency, year=args.year)
        except FetchError as error:
            return fetch_failed(error)
    data = _read(path)
    if isinstance(data, str):
        return data
    return IngestRequest(data=data, filename=path.name, fallback_agency=args.agency, year=args.year)


def _describe(path: Path, result: IngestResult) -> str:
    if result.reason is FailureReason.NO_YEAR:
        return NO_YEAR_CLI.format(filename=result.filename, path=path)
    if result.outcome is not IngestOutcome.NEEDS_AGENCY:
        return ingest_reply(result, html=False)
    partial = f"（只写了“{result.partial_agency}”）" if result.partial_agency else ""
    choices = f"（可能是：{'、'.join(result.agency_choices)}）" if result.agency_choices else ""
    return NEEDS_AGENCY_CLI.format(
        filename=printable(result.filename), partial=partial, path=printable(str(path)), choices=choices
    )


def main(args: argparse.Namespace, settings: Settings) -> int:
    if args.year is not None and (args.recursive or args.jobs or args.queue):
        print(YEAR_NOT_BULK, file=sys.stderr)
        return 2
    if args.recursive or args.jobs or args.queue:
        from bot.cli.commands import bulk

        return bulk.main(args, settings)
    # A link is fetched (its page, or the report the page attaches); a Path would fold its "//".
    links = {p: p for p in args.files if find_url(p) == p}
    paths = [Path(p) for p in args.files]
    policy = policy_for(settings)
    services = Services.open(settings, args.db)
    results: list[tuple[Path, IngestResult | str]] = []
    try:
        for raw, path in _progress(list(zip(args.files, paths, strict=True))):
            request = _request(raw, path, links, policy, args)
            if isinstance(request, str):
                results.append((path, request))
                continue
            result = ingest(services, request)
            results.append((path, result))
            if len(paths) == 1 or not sys.stderr.isatty():
                print(f"== {printable(str(path))}\n{_describe(path, result)}\n")
    finally:
        services.close()

    counts: Counter[str] = Counter()
    problems: list[str] = []
    for path, outcome in results:
        if isinstance(outcome, str):
            counts[IngestOutcome.FAILED] += 1
            problems.append(f"· {printable(str(path))}：{outcome}")
            continue
        counts[outcome.outcome] += 1
        if not outcome.ok:
            problems.append(f"· {printable(str(path))}：{_describe(path, outcome)}")
    print(
        SUMMARY.format(
            total=len(results),
            **{o.value: counts[o] for o in IngestOutcome},
        )
    )
    if problems:
        print(FAILED_HEAD)
        print("\n".join(problems))
    return 1 if problems else 0
