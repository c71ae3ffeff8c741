from __future__ import annotations

import csv
import io

from openpyxl import load_workbook

from bot.core.services import Services
from parsing.schema import FACTS, all_cell_keys
from storage.export import Header, column_labels, export_bytes, export_columns
from storage.reports import SourceInfo, store_report
from tests.factories import make_report


def _fill(services: Services) -> None:
    reports = [
        ("a", make_report(cells={"t3.new.total": 4, "t2.fees.amount": 0.0375, "t3.new.legal": None})),
        ("b", make_report(cells={"t3.new.total": 7})),  # new version: only this one is exported
        ("c", make_report(agency="威海市环翠区科学技术局", year=2020, template="2019", facts={})),
    ]
    for sha, report in reports:
        with services.sessions.begin() as session:
            store_report(
                session,
                report=report,
                source=SourceInfo(sha * 64, "p", "r.pdf", 1),
                agency_name=report.agency or "",
            )


def test_columns_are_schema_keys() -> None:
    columns = export_columns()
    assert columns[:4] == ["agency", "year", "template", "published_on"]
    assert columns[4:] == all_cell_keys() + list(FACTS)
    assert "t3.other_overdue.total" in columns and "t2.procurement.amount" in columns  # both templates


def test_csv_one_row_per_current_report(services: Services) -> None:
    _fill(services)
    with services.sessions() as session:
        data = export_bytes(session, "csv", bom=True)
    assert data.startswith(b"\xef\xbb\xbf")
    rows = list(csv.DictReader(io.StringIO(data.decode("utf-8-sig").split("\n", 1)[1])))
    assert [(r["agency"], r["year"]) for r in rows] == [
        ("威海市文登区科学技术局", "2021"),
        ("威海市环翠区科学技术局", "2020"),
    ]
    wendeng, huancui = rows
    assert wendeng["t3.new.total"] == "7" and wendeng["published_on"] == "2022-01-27"
    assert wendeng["t2.fees.amount"] == "0"  # version 2 (default 0), not version 1's 0.0375
    assert wendeng["t3.new.legal"] == "0" and wendeng["proactive.total"] == "253"
    # A 2019-template report leaves 2021-only cells blank, and has no facts.
    assert huancui["template"] == "2019" and huancui["t3.other_overdue.total"] == ""
    assert huancui["t2.rules.new_made"] == "0" and huancui["proactive.total"] == ""
    with services.sessions() as session:
        assert not export_bytes(session, "csv", bom=False).startswith(b"\xef\xbb\xbf")


def test_xlsx_has_the_same_rows(services: Services) -> None:
    _fill(services)
    with services.sessions() as session:
        data = export_bytes(session, "xlsx")
    sheet = load_workbook(io.BytesIO(data)).active
    assert sheet is not None
    rows = list(sheet.iter_rows(values_only=True))
    assert list(rows[0]) == column_labels() and list(rows[1]) == export_columns()
    assert len(rows) == 4
    header = rows[1]
    first = dict(zip(header, rows[2], strict=True))
    assert first["agency"] == "威海市文登区科学技术局" and first["t3.new.total"] == 7
    assert first["t3.other_overdue.total"] == 0


def test_blank_cells_stay_blank(services: Services) -> None:
    report = make_report(cells={"t3.new.legal": None, "t2.fees.amount": 0.0375})
    with services.sessions.begin() as session:
        store_report(session, report=report, source=SourceInfo("d" * 64, "p", "r.pdf", 1), agency_name=report.agency or "")
    with services.sessions() as session:
        data = export_bytes(session, "csv", bom=False, header=Header.KEYS)
        rows = list(csv.DictReader(io.StringIO(data.decode())))
    assert rows[0]["t3.new.legal"] == "" and rows[0]["t2.fees.amount"] == "0.0375"
