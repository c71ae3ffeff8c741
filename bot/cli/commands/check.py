"""`nianbao check FILE [--agency NAME]`: check a draft report before publishing; nothing is stored."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from bot.cli.commands.ingest import _read
from bot.config import Settings
from bot.core.draft import DraftOutcome, DraftRequest, check_draft
from bot.core.printable import printable
from bot.core.services import Services


def main(args: argparse.Namespace, settings: Settings) -> int:
    path = Path(args.file)
    data = _read(path)
    if isinstance(data, str):
        print(f"{printable(str(path))}：{data}", file=sys.stderr)
        return 1
    services = Services.open(settings, args.db)
    try:
        result = check_draft(services, DraftRequest(data=data, filename=path.name, agency=args.agency))
    finally:
        services.close()
    print(result.render(html=False))
    # 0: ready to publish; 1: something to fix, or the draft could not be read.
    return 1 if result.outcome is DraftOutcome.FAILED or result.problems else 0
