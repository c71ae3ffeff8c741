"""`nianbao summary 地区 年份 -o FILE.xlsx`: a region's tables 2-4 summed, laid out like the national table."""

from __future__ import annotations

import argparse
import sys
from datetime import datetime
from pathlib import Path

from bot.config import Settings
from bot.core.services import Services
from bot.core.summary import SummaryOutcome, region_summary


def main(args: argparse.Namespace, settings: Settings) -> int:
    services = Services.open(settings, args.db, read_only=True)  # reads only: creates nothing
    try:
        result = region_summary(services, args.region, args.year, now=datetime.now(settings.tz))
        data = result.xlsx() if result.outcome is SummaryOutcome.OK else None
    finally:
        services.close()
    print(result.text(), file=sys.stderr if data is not None else sys.stdout)
    if data is None:
        return 1
    output = Path(args.output or result.filename)
    output.write_bytes(data)
    print(str(output))
    return 0
