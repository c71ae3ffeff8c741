"""`nianbao db upgrade`: bring the database to the newest schema; `db check`: health check."""

from __future__ import annotations

import argparse
import sys

from sqlalchemy.exc import SQLAlchemyError

from bot.config import Settings
from bot.core.services import check_sqlite_dir, ensure_data_dir, parse_database_url
from storage.db import make_engine
from storage.migrate import current_revision, head_revision, upgrade


def check(url: str) -> int:
    """Exit 0 when the database answers and is at the newest schema (the container health check)."""
    engine = make_engine(url)
    try:
        current = current_revision(engine)
    except SQLAlchemyError as exc:
        print(f"数据库无法连接：{exc.__class__.__name__}: {exc}", file=sys.stderr)
        return 1
    finally:
        engine.dispose()
    head = head_revision()
    if current != head:
        print(
            f"数据库结构不是最新（当前 {current or '空'}，最新 {head}），请运行 nianbao db upgrade。",
            file=sys.stderr,
        )
        return 1
    print(f"数据库正常（版本 {current}）。")
    return 0


def main(args: argparse.Namespace, settings: Settings) -> int:
    # A malformed or unsupported URL, or an unusable data directory: SetupError, worded by the CLI.
    parsed = parse_database_url(settings.resolved_database_url(args.db))
    url = parsed.render_as_string(hide_password=False)
    if args.action == "check":
        return check(url)
    if url.startswith("sqlite"):
        ensure_data_dir(settings.data_dir)
        check_sqlite_dir(parsed)
    engine = make_engine(url)
    try:
        before = current_revision(engine)
        upgrade(engine)
        after = current_revision(engine)
    except SQLAlchemyError as exc:
        print(f"数据库升级失败：{exc.__class__.__name__}: {exc}", file=sys.stderr)
        return 1
    finally:
        engine.dispose()
    if before == after:
        print(f"数据库已是最新结构（版本 {after}）。")
    else:
        print(f"数据库已从版本 {before or '空'} 升级到 {after}（最新 {head_revision()}）。")
    return 0
