"""One row per current report, as CSV or XLSX bytes (CLI and bot /export).

Two header rows by default: the national table's Chinese labels (from parsing.vocabulary), then
the SCHEMA keys (docs/record.md), so a person reads the first and a script the second.
Agency names are typed by users: a text cell never starts a formula.
"""

from __future__ import annotations

import csv
import io
from collections.abc import Iterator
from enum import StrEnum
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from parsing.schema import FACTS, all_cell_keys, cell_label
from storage.cells import cells_values
from storage.models import CURRENT_REPORT, Agency, FactRow, ReportRow

# Columns before the figures; their headers (the figures' come from parsing.vocabulary via cell_label).
HEAD_COLUMNS = ["agency", "year", "template", "published_on"]
HEAD_LABELS = {"agency": "机关名称", "year": "年度", "template": "报告格式", "published_on": "发布日期"}
FORMATS = ("csv", "xlsx")


class Header(StrEnum):
    """Header rows: the national table's Chinese labels, the SCHEMA keys, or both (labels first)."""

    BOTH = "both"
    LABELS = "labels"
    KEYS = "keys"


def export_columns() -> list[str]:
    return HEAD_COLUMNS + all_cell_keys() + list(FACTS)


def column_labels() -> list[str]:
    """Chinese header of each column, e.g. 表三 本年新收政府信息公开申请数量 / 总计."""
    return [HEAD_LABELS.get(key) or cell_label(key) for key in export_columns()]


def header_rows(header: Header) -> list[list[str]]:
    rows = {Header.BOTH: [column_labels(), export_columns()], Header.LABELS: [column_labels()],
            Header.KEYS: [export_columns()]}
    return rows[header]


# A spreadsheet runs a text cell starting with one of these as a formula (CSV injection):
# =HYPERLINK(...), +cmd|..., -2+3, @SUM(...); a leading tab or CR hides the rest.
_FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


def neutral_text(value: str) -> str:
    """Text that a spreadsheet shows as typed: a leading apostrophe before a formula start."""
    return "'" + value if value.startswith(_FORMULA_STARTS) else value


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
        .where(CURRENT_REPORT)
        .order_by(Agency.name, ReportRow.year)
    ).all()
    # Read in chunks so a large export neither loads every cell at once nor runs a query per report.
    for start in range(0, len(reports), 500):
        chunk = reports[start : start + 500]
        ids = [r.id for r in chunk]
        values = cells_values(session, ids)
        for report_id, key, value in session.execute(
            select(FactRow.report_id, FactRow.key, FactRow.value)
            .where(FactRow.report_id.in_(ids))
            .order_by(FactRow.id)
        ):
            values[report_id].setdefault(key, value)  # the first statement of a fact wins
        for r in chunk:
            row: list[Any] = [None] * len(columns)
            row[0:4] = [
                neutral_text(r.name),
                r.year,
                r.template,
                r.published_on.isoformat() if r.published_on else None,
            ]
            for key, figure in values[r.id].items():
                if key in index:
                    row[index[key]] = _number(figure)
            yield row


def export_csv(session: Session, *, bom: bool = True, header: Header = Header.BOTH) -> bytes:
    """UTF-8 CSV with a BOM (Excel reads the Chinese correctly only with it), to a file or stdout."""
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\n")
    writer.writerows(header_rows(header))
    for row in export_rows(session):
        writer.writerow(["" if v is None else v for v in row])
    data = buffer.getvalue().encode("utf-8")
    return b"\xef\xbb\xbf" + data if bom else data


def _text_cells(sheet: Any, row: list[Any]) -> list[Any]:
    """Strings as typed text cells: openpyxl turns a str starting with "=" into a formula."""
    from openpyxl.cell import WriteOnlyCell

    cells: list[Any] = []
    for value in row:
        if isinstance(value, str):
            cell = WriteOnlyCell(sheet, value=value)
            cell.data_type = "s"
            cells.append(cell)
        else:
            cells.append(value)
    return cells


def export_xlsx(session: Session, *, header: Header = Header.BOTH) -> bytes:
    # Imported here: openpyxl pulls in numpy, ~30 MB the bot process need not hold (issue 14).
    from openpyxl import Workbook

    workbook = Workbook(write_only=True)
    sheet = workbook.create_sheet("年报")
    for names in header_rows(header):
        sheet.append(names)
    for row in export_rows(session):
        sheet.append(_text_cells(sheet, row))
    buffer = io.BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()


def export_bytes(session: Session, fmt: str, *, bom: bool = True, header: Header = Header.BOTH) -> bytes:
    if fmt == "csv":
        return export_csv(session, bom=bom, header=header)
    if fmt == "xlsx":
        return export_xlsx(session, header=header)
    raise ValueError(f"unknown export format: {fmt}")
