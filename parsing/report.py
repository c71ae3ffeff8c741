"""Document -> Report: header (agency, year, date), tables, narrative facts and checks."""

from __future__ import annotations

from parsing.checks import run_checks
from parsing.errors import NotAnnualReport
from parsing.extract.base import Document
from parsing.header import looks_like_report, read_header
from parsing.model import Report
from parsing.narrative import FactConflict, read_narrative
from parsing.tables import read_tables
from parsing.warnings import ParseWarning, WarningCode


def _conflict_warning(conflict: FactConflict) -> ParseWarning:
    return ParseWarning.of(
        WarningCode.NARRATIVE_CONFLICT, key=conflict.key, values=tuple(str(v) for v in conflict.values)
    )


def build_report(document: Document, *, filename: str, caption: str | None = None) -> Report:
    """Raise NotAnnualReport for a document with neither report tables nor a report title."""
    paragraphs = document.paragraphs
    header = read_header(paragraphs, filename=filename, caption=caption)
    tables = read_tables(document.tables, year=header.year)
    if not tables.found and header.title is None and not looks_like_report(paragraphs):
        raise NotAnnualReport()
    narrative = read_narrative(document.blocks, year=header.year)
    facts = list(narrative.facts)
    checks = run_checks(tables.cells, tables.template, facts, t3_other_derived=tables.t3_other_derived)
    warnings = header.warnings + tables.warnings + [_conflict_warning(c) for c in narrative.conflicts]
    if header.title is None:
        warnings.append(ParseWarning.of(WarningCode.NO_TITLE))
    return Report(
        agency=header.agency,
        year=header.year,
        template=tables.template,
        published_on=header.published_on,
        cells=tables.cells,
        facts=tuple(facts),
        checks=tuple(checks),
        warnings=tuple(warnings),
        title=header.title,
        cell_sources=tables.sources,
    )
