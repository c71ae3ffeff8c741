"""`nianbao fix`: the corrections /fix makes, from the command line (same words, same core)."""

from __future__ import annotations

import argparse
import getpass
from datetime import datetime

from bot.config import Settings
from bot.core.corrections import FixOutcome, Who, correction_log, run_fix
from bot.core.services import Services


def main(args: argparse.Namespace, settings: Settings) -> int:
    services = Services.open(settings, args.db)
    try:
        if args.words == ["log"]:
            print(correction_log(services, tz=settings.tz))
            return 0
        who = Who(None, args.by or getpass.getuser(), "cli")
        result = run_fix(services, args.words, who, now=datetime.now(settings.tz))
    finally:
        services.close()
    print(result.text())
    if result.outcome is FixOutcome.USAGE:
        return 2
    return 0 if result.outcome in (FixOutcome.DONE, FixOutcome.LISTED) else 1
