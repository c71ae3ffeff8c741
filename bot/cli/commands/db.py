"""`nianbao db upgrade`: bring the database to the newest schema; `db check`: health check."""

from __future__ import annotations

import argparse
import sys

from bot.config import Settings
from bot.core.database import DatabaseUnreachable, UpgradeFailed, schema_version, upgrade_schema
from bot.core.replies import cli as say


def check(settings: Settings, db: str | None) -> int:
    """Exit 0 when the database answers and is at the newest schema (the container health check)."""
    try:
        version = schema_version(settings, db)
    except DatabaseUnreachable as exc:
        print(say.DB_CHECK_UNREACHABLE.format(error=exc.error), file=sys.stderr)
        return 1
    if not version.at_head:
        current = version.current or say.DB_NO_VERSION
        print(say.DB_CHECK_OUTDATED.format(current=current, head=version.head), file=sys.stderr)
        return 1
    print(say.DB_CHECK_OK.format(current=version.current))
    return 0


def main(args: argparse.Namespace, settings: Settings) -> int:
    # A malformed or unsupported URL, or an unusable data directory: SetupError, worded by the CLI.
    if args.action == "check":
        return check(settings, args.db)
    try:
        done = upgrade_schema(settings, args.db)
    except UpgradeFailed as exc:
        print(say.DB_UPGRADE_FAILED.format(error=exc.error), file=sys.stderr)
        return 1
    if done.before == done.after:
        print(say.DB_ALREADY_HEAD.format(after=done.after))
    else:
        print(say.DB_UPGRADED.format(before=done.before or say.DB_NO_VERSION, after=done.after, head=done.head))
    return 0
