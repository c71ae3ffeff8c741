"""`nianbao db upgrade`: bring the database to the newest schema."""

from __future__ import annotations

import argparse
import sys

from sqlalchemy.exc import SQLAlchemyError

from bot.config import Settings
from storage.db import make_engine
from storage.migrate import current_revision, head_revision, upgrade


def main(args: argparse.Namespace, settings: Settings) -> int:
    url = settings.resolved_database_url(args.db)
    if url.startswith("sqlite"):
        settings.data_dir.mkdir(parents=True, exist_ok=True)
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
