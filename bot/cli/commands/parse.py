"""`nianbao parse FILE [--json] [--caption TEXT]`: parse one file, print the record.

--json prints exactly `Report.to_json_dict()` (docs/record.md) as one UTF-8 JSON
document; without it, a readable Chinese summary. The parse runs in the sandbox, as it
does for the bot. Exit 0 parsed, 1 the file could not be read or parsed.
"""

from __future__ import annotations

import argparse
import json
import logging
import sys
from pathlib import Path

from tabulate import tabulate

from bot.config import Settings
from bot.core.local_files import read_regular
from bot.core.printable import printable
from bot.core.replies.ingest import ocr_line
from parsing.errors import ParseError
from parsing.model import Report
from parsing.sandbox import parse_report_isolated
from parsing.schema import cell_label
from parsing.wording import warning_text

EXIT_OK, EXIT_FAILED = 0, 1
log = logging.getLogger(__name__)
STATUS_WORDS = {"pass": "通过", "fail": "不符", "unverifiable": "无法核对"}


def main(args: argparse.Namespace, settings: Settings) -> int:
    path = Path(args.file)
    try:
        data = read_regular(path)
    except FileNotFoundError:
        print(f"找不到文件：{printable(str(path))}", file=sys.stderr)
        return EXIT_FAILED
    except (IsADirectoryError, PermissionError, OSError) as exc:
        print(f"无法读取文件：{printable(str(path))}（{exc.strerror or exc}）", file=sys.stderr)
        return EXIT_FAILED
    options = settings.parse_options()
    try:
        report = parse_report_isolated(data, path.name, caption=args.caption, options=options)
    except ParseError as exc:
        print(f"{printable(path.name)}：{exc.message}", file=sys.stderr)
        return EXIT_FAILED
    if args.json:
        json.dump(report.to_json_dict(), sys.stdout, ensure_ascii=False, indent=2)
        sys.stdout.write("\n")
    else:
        sys.stdout.write(summary(report, printable(path.name)))
    sys.stdout.flush()
    return EXIT_OK


def _value(value: object) -> str:
    return "（空白）" if value is None else str(value)


def summary(report: Report, filename: str) -> str:
    """The record as a person reads it: header, narrative figures, checks, cells."""
    lines = [
        f"文件：{filename}",
        f"机构：{report.agency or '（报告未写明）'}",
        f"年度：{report.year or '（未识别）'}",
        f"格式：{report.template or '（未识别）'}版",
        f"发布日期：{report.published_on.isoformat() if report.published_on else '（未写明）'}",
        "",
    ]
    if (read_by_ocr := ocr_line(report)) is not None:
        lines[-1:-1] = [read_by_ocr]
    if report.facts:
        lines.append("正文中的数字：")
        # Sentences are long and the figure is often near their end: quote them whole.
        lines.extend(
            f"· {cell_label(f.key)}（{f.key}）：{f.value}{f.unit}\n  “{f.source}”" for f in report.facts
        )
        lines.append("")
    if report.checks:
        lines.append("勾稽关系核对：")
        rows = [[c.rule, STATUS_WORDS.get(c.status, c.status), c.detail] for c in report.checks]
        lines.append(tabulate(rows, headers=["规则", "结果", "说明"]))
        lines.append("")
    filled = {k: v for k, v in report.cells.items() if v is not None}
    blank = len(report.cells) - len(filled)
    lines.append(f"表格数据：共 {len(report.cells)} 格，其中空白 {blank} 格。")
    nonzero = [[cell_label(k), _value(v)] for k, v in report.cells.items() if v not in (None, 0)]
    if nonzero:
        lines.append(tabulate(nonzero, headers=["单元格", "数值"]))
    else:
        lines.append("所有填写的单元格均为 0。")
    if report.warnings:
        lines.append("")
        lines.append("提示：")
        lines.extend(f"- {warning_text(w)}" for w in report.warnings)
    return "\n".join(lines) + "\n"
