"""`nianbao export --format csv|xlsx [-o FILE]`: one row per current report."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from bot.config import Settings
from bot.core.services import Services
from storage.export import export_bytes


def main(args: argparse.Namespace, settings: Settings) -> int:
    if args.format == "xlsx" and not args.output:
        print("XLSX 需要用 -o 指定输出文件，例如：nianbao export --format xlsx -o 年报.xlsx", file=sys.stderr)
        return 2
    services = Services.open(settings, args.db, read_only=True)
    try:
        with services.sessions() as session:
            # On stdout no BOM (pipes, scripts); in a file a BOM so Excel shows the Chinese.
            data = export_bytes(session, args.format, bom=bool(args.output))
    finally:
        services.close()
    if args.output:
        Path(args.output).write_bytes(data)
        print(f"已导出到 {args.output}", file=sys.stderr)
    else:
        sys.stdout.buffer.write(data)
        sys.stdout.flush()
    return 0
