"""Migration 0004 (issue 10): a database that already holds two reports of one file keeps the first."""

from __future__ import annotations

from datetime import UTC, datetime

from sqlalchemy import column, insert, select, table

from storage.db import make_engine
from storage.migrate import upgrade
from storage.models import Agency, CellRow, ReportRow, SourceFile

# report_cells as it was at revision 0003 (a row per cell).
OLD_CELLS = table("report_cells", column("report_id"), column("key"), column("value"))


def test_twins_of_one_file_are_merged_and_the_chain_spliced(db_url: str) -> None:
    engine = make_engine(db_url)
    now = datetime(2026, 1, 1, tzinfo=UTC)
    try:
        upgrade(engine, "0003_reports_year_index")
        with engine.begin() as conn:
            conn.execute(insert(Agency).values(id=1, name="某局", region="", level="", kind="", created_at=now))
            for sf, sha in ((1, "a" * 64), (2, "b" * 64)):
                conn.execute(
                    insert(SourceFile).values(id=sf, sha256=sha, path=f"files/{sf}", original_name="x.pdf", size=1, kind="pdf", received_at=now)
                )
            common = {"agency_id": 1, "year": 2021, "parser_version": "1", "warnings": [], "checks_ok": True, "received_at": now}
            # Report 2 is the same file as report 1 stored twice by two concurrent ingests; 3 is a real new version.
            for rid, sf, version, supersedes, current in ((1, 1, 1, None, False), (2, 1, 2, 1, False), (3, 2, 3, 2, True)):
                conn.execute(
                    insert(ReportRow).values(
                        id=rid, source_file_id=sf, version=version, supersedes_id=supersedes, is_current=current, **common
                    )
                )
                conn.execute(insert(OLD_CELLS).values(report_id=rid, key="t3.new.total", value=1.0))
        upgrade(engine)
        with engine.connect() as conn:
            rows = conn.execute(select(ReportRow.id, ReportRow.supersedes_id, ReportRow.is_current).order_by(ReportRow.id)).all()
            cells = conn.execute(select(CellRow.report_id).order_by(CellRow.report_id)).scalars().all()
        assert [tuple(r) for r in rows] == [(1, None, False), (3, 1, True)]
        assert cells == [1, 3]
    finally:
        engine.dispose()


def test_a_twin_that_was_current_hands_current_back(db_url: str) -> None:
    engine = make_engine(db_url)
    now = datetime(2026, 1, 1, tzinfo=UTC)
    try:
        upgrade(engine, "0003_reports_year_index")
        with engine.begin() as conn:
            conn.execute(insert(Agency).values(id=1, name="某局", region="", level="", kind="", created_at=now))
            conn.execute(
                insert(SourceFile).values(id=1, sha256="a" * 64, path="files/1", original_name="x.pdf", size=1, kind="pdf", received_at=now)
            )
            common = {"agency_id": 1, "year": 2021, "parser_version": "1", "warnings": [], "checks_ok": True, "received_at": now}
            conn.execute(insert(ReportRow).values(id=1, source_file_id=1, version=1, is_current=False, **common))
            conn.execute(insert(ReportRow).values(id=2, source_file_id=1, version=2, supersedes_id=1, is_current=True, **common))
        upgrade(engine)
        with engine.connect() as conn:
            rows = conn.execute(select(ReportRow.id, ReportRow.is_current)).all()
        assert [tuple(r) for r in rows] == [(1, True)]
    finally:
        engine.dispose()
