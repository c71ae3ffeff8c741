"""One row per current report, SCHEMA keys as columns, as CSV or XLSX bytes (CLI and bot /export)."""

from __future__ import annotations

import csv
import io
from collections.abc import Iterator
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from parsing.schema import FACTS, all_cell_keys
from storage.models import Agency, CellRow, FactRow, ReportRow

HEAD_COLUMNS = ["agency", "year", "template", "published_on"]
FORMATS = ("csv", "xlsx")


def export_columns() -> list[str]:
    return HEAD_COLUMNS + all_cell_keys() + list(FACTS)


def _number(value: float | None) -> int | float | None:
    if value is None:
        return None
    return int(value) if value.is_integer() else value


def export_rows(session: Session) -> Iterator[list[Any]]:
    """Current reports ordered by agency and year; blank cells are None."""
    columns = export_columns()
    index = {key: i for i, key in enumerate(columns)}
    reports = session.execute(
        select(ReportRow.id, Agency.name, ReportRow.year, ReportRow.template, ReportRow.published_on)
        .join(Agency, Agency.id == ReportRow.agency_id)
        .where(ReportRow.is_current.is_(True))
        .order_by(Agency.name, ReportRow.year)
    ).all()
    # Read in chunks so a large export neither loads every cell at once nor runs a query per report.
    for start in range(0, len(reports), 500):
        chunk = reports[start : start + 500]
        ids = [r.id for r in chunk]
        values: dict[int, dict[str, float | None]] = {i: {} for i in ids}
        for report_id, key, value in session.execute(
            select(CellRow.report_id, CellRow.key, CellRow.value).where(CellRow.report_id.in_(ids))
        ):
            values[report_id][key] = value
        for report_id, key, value in session.execute(
            select(FactRow.report_id, FactRow.key, FactRow.value)
            .where(FactRow.report_id.in_(ids))
            .order_by(FactRow.id)
        ):
            values[report_id].setdefault(key, value)  # the first statement of a fact wins
        for r in chunk:
            row: list[Any] = [None] * len(columns)
            row[0:4] = [r.name, r.year, r.template, r.published_on.isoformat() if r.published_on else None]
            for key, value in values[r.id].items():
                if key in index:
                    row[index[key]] = _number(value)
            yield row


def export_csv(session: Session, *, bom: bool = False) -> bytes:
    """UTF-8 CSV; with a BOM so Excel reads the Chinese correctly when opened from a file."""
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\n")
    writer.writerow(export_columns())
    for row in export_rows(session):
        writer.writerow(["" if v is None else v for v in row])
    data = buffer.getvalue().encode("utf-8")
    return b"\xef\xbb\xbf" + data if bom else data


def export_xlsx(session: Session) -> bytes:
    # Imported here: openpyxl pulls in numpy, ~30 MB the bot process need not hold (issue 14).
    from openpyxl import Workbook

    workbook = Workbook(write_only=True)
    sheet = workbook.create_sheet("年报")
    sheet.append(export_columns())
    for row in export_rows(session):
        sheet.append(row)
    buffer = io.BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()


def export_bytes(session: Session, fmt: str, *, bom: bool = True) -> bytes:
    if fmt == "csv":
        return export_csv(session, bom=bom)
    if fmt == "xlsx":
        return export_xlsx(session)
    raise ValueError(f"unknown export format: {fmt}")
