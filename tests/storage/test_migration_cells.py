"""Migration 0011 (issue 14): a row per cell folds into one row a report and back, nothing lost."""

from __future__ import annotations

from datetime import UTC, datetime

from alembic import command
from sqlalchemy import Engine, column, insert, inspect, select, table
from sqlalchemy.orm import Session

from storage.cells import cell_values, cells_of
from storage.current_tables import CurrentValue
from storage.db import make_engine
from storage.derived import PREFIX
from storage.migrate import alembic_config, upgrade
from storage.models import Agency, ReportRow, SourceFile

OLD_CELLS = table(
    "report_cells",
    *(column(c) for c in ("report_id", "key", "value", "raw", "page", "table_index", "row_index", "col_index")),
)
ROWS = [
    {"report_id": 1, "key": "t3.new.total", "value": 3.0, "raw": "3", "page": 2, "table_index": 1, "row_index": 4, "col_index": 7},
    {"report_id": 1, "key": "t3.new.legal", "value": None, "raw": None, "page": None, "table_index": None, "row_index": None, "col_index": None},
    {"report_id": 1, "key": "t2.fees.amount", "value": 0.0375, "raw": "0.0375", "page": 1, "table_index": 0, "row_index": 9, "col_index": 1},
    {"report_id": 2, "key": "t3.new.total", "value": 0.0, "raw": "0", "page": None, "table_index": None, "row_index": None, "col_index": None},
]  # fmt: skip


def _downgrade(engine: Engine, revision: str) -> None:
    with engine.begin() as connection:
        config = alembic_config()
        config.attributes["connection"] = connection
        command.downgrade(config, revision)


def _old_rows(engine: Engine) -> list[dict[str, object]]:
    with engine.connect() as conn:
        rows = conn.execute(select(OLD_CELLS).order_by(OLD_CELLS.c.report_id, OLD_CELLS.c.key)).mappings().all()
    return [dict(r) for r in rows]


def test_cells_fold_into_one_row_and_unfold_on_downgrade(db_url: str) -> None:
    engine = make_engine(db_url)
    now = datetime(2026, 1, 1, tzinfo=UTC)
    try:
        upgrade(engine, "0010_current_values")
        with engine.begin() as conn:
            conn.execute(insert(Agency).values(id=1, name="某局", region="", level="", kind="", created_at=now))
            for i in (1, 2):
                conn.execute(
                    insert(SourceFile).values(id=i, sha256=f"{i}" * 64, path=f"f/{i}", original_name="x.pdf", size=1, kind="pdf", received_at=now)
                )
                conn.execute(
                    insert(ReportRow).values(
                        id=i, agency_id=1, year=2020 + i, source_file_id=i, parser_version="1", version=1,
                        is_current=True, warnings=[], checks_ok=True, received_at=now,
                    )
                )  # fmt: skip
            conn.execute(insert(OLD_CELLS), ROWS)
            conn.execute(insert(CurrentValue), [{"agency_id": 1, "year": 2021, "key": "t3.new.total", "value": 3.0}])
        before = sorted(ROWS, key=lambda r: (r["report_id"], r["key"]))
        upgrade(engine)
        with Session(engine) as session:
            assert cell_values(session, 1) == {"t3.new.total": 3.0, "t3.new.legal": None, "t2.fees.amount": 0.0375}
            assert all(isinstance(v, float) for v in cell_values(session, 2).values())
            cell = cells_of(session, [1], ["t3.new.total", "t3.new.legal"])[1]
            assert (cell["t3.new.total"].raw, cell["t3.new.total"].page, cell["t3.new.total"].col) == ("3", 2, 7)
            assert cell["t3.new.legal"].raw is None and cell["t3.new.legal"].page is None
            plain = select(CurrentValue.key, CurrentValue.value).where(CurrentValue.key.not_like(f"{PREFIX}%"))
            assert session.execute(plain).all() == [("t3.new.total", 3.0)]
        _downgrade(engine, "0010_current_values")
        assert _old_rows(engine) == before
        with engine.connect() as conn:  # the primary key is back
            assert inspect(conn).get_pk_constraint("current_values")["constrained_columns"] == ["agency_id", "year", "key"]
        upgrade(engine)
        with Session(engine) as session:
            assert cell_values(session, 1)["t2.fees.amount"] == 0.0375
    finally:
        engine.dispose()
