"""`nianbao export [--format csv|xlsx] [-o FILE] [--header both|labels|keys]`: one row per current report.

The format follows the output file's extension unless given; CSV always carries a BOM (Excel
shows the Chinese only with it, also for `> file.csv`). Read-only: creates nothing.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from bot.config import Settings
from bot.core.export import FORMATS, Header, export_reports
from bot.core.printable import printable
from bot.core.replies import cli as say

EXIT_OK, EXIT_FAILED, EXIT_USAGE = 0, 1, 2


def choose_format(given: str | None, output: str | None) -> str | None:
    """The format to write, or None when --format contradicts the file's extension."""
    suffix = Path(output).suffix.lower().lstrip(".") if output else ""
    implied = suffix if suffix in FORMATS else None
    if given and implied and given != implied:
        return None
    return given or implied or "csv"


def main(args: argparse.Namespace, settings: Settings) -> int:
    fmt = choose_format(args.format, args.output)
    if fmt is None:
        print(say.EXPORT_FORMAT_CLASH.format(format=args.format, path=printable(args.output)), file=sys.stderr)
        return EXIT_USAGE
    if fmt == "xlsx" and not args.output:
        print(say.EXPORT_XLSX_NEEDS_FILE, file=sys.stderr)
        return EXIT_USAGE
    data = export_reports(settings, args.db, fmt, Header(args.header))
    if args.output:
        try:
            Path(args.output).write_bytes(data)
        except OSError as exc:
            print(say.EXPORT_CANNOT_WRITE.format(path=printable(args.output), error=exc.strerror or exc), file=sys.stderr)
            return EXIT_FAILED
        print(say.EXPORT_WRITTEN.format(path=printable(args.output)), file=sys.stderr)
    else:
        sys.stdout.buffer.write(data)
        sys.stdout.flush()
    return EXIT_OK
