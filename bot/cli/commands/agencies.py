"""`nianbao agencies import FILE.csv` and `nianbao agencies list`: the expected reporters.

The CSV and its import are bot.core.agency_csv's; this command reads the file and prints.
Exit 0 on success, 1 when the file has errors, 2 on a usage error.
"""

from __future__ import annotations

import argparse
import sys
from datetime import datetime
from pathlib import Path

from tabulate import tabulate

from bot.config import Settings
from bot.core.agency_csv import agency_listing, decode, import_rows, parse_csv
from bot.core.deadlines import format_day
from bot.core.replies import reminders as say
from bot.core.services import Services

EXIT_OK, EXIT_FAILED, EXIT_USAGE = 0, 1, 2


def list_text(services: Services, now: datetime) -> str:
    year, listed = agency_listing(services, now)
    if not listed:
        return say.LIST_EMPTY
    table = [
        [
            a.name,
            a.region,
            say.LEVEL_LABELS.get(a.level, a.level),
            a.chat_id if a.chat_id is not None else say.LIST_NO_CHAT,
            a.responsible,
            format_day(a.deadline.day),
            say.LIST_RECEIVED if a.received else say.LIST_MISSING,
        ]
        for a in listed
    ]
    headers = [h.format(year=year) for h in say.LIST_HEADERS]
    return tabulate(table, headers=headers, disable_numparse=True)


def main(args: argparse.Namespace, settings: Settings) -> int:
    now = datetime.now(settings.tz)
    if args.action == "list":
        services = Services.open(settings, args.db)
        try:
            print(list_text(services, now))
        finally:
            services.close()
        return EXIT_OK
    if not args.file:
        print(say.CSV_NEED_FILE, file=sys.stderr)
        return EXIT_USAGE
    path = Path(args.file)
    try:
        data = path.read_bytes()
    except OSError:
        print(say.CSV_NOT_FOUND.format(path=path), file=sys.stderr)
        return EXIT_FAILED
    try:
        text = decode(data)
    except UnicodeDecodeError:
        print(say.CSV_ENCODING, file=sys.stderr)
        return EXIT_FAILED
    rows, errors = parse_csv(text)
    if errors:
        print(say.CSV_FAILED.format(count=len(errors)), file=sys.stderr)
        for error in errors:
            print(error, file=sys.stderr)
        return EXIT_FAILED
    services = Services.open(settings, args.db)
    try:
        created, updated, unchanged = import_rows(services, rows, now)
    finally:
        services.close()
    print(say.CSV_DONE.format(total=len(rows), created=created, updated=updated, unchanged=unchanged))
    return EXIT_OK
