"""Document -> Report: header (agency, year, date), tables, narrative facts and checks."""

from __future__ import annotations

import dataclasses
from collections.abc import Mapping

from parsing.checks import run_checks
from parsing.errors import NotAnnualReport
from parsing.excerpt import excerpt
from parsing.extract.base import Document, OcrStats
from parsing.header import looks_like_report, read_header
from parsing.model import Fact, Number, OcrSummary, Provenance, Report
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
    # A sentence can be pages long (no full stop): keep the clauses around the figure.
    facts = [
        dataclasses.replace(f, source=excerpt(f.source, f.provenance.raw.split("+")[0] if f.provenance and f.provenance.raw else None))
        for f in narrative.facts
    ]
    checks = run_checks(tables.cells, tables.template, facts, t3_other_derived=tables.t3_other_derived)
    warnings = header.warnings + tables.warnings + [_conflict_warning(c) for c in narrative.conflicts]
    ocr = None
    if document.ocr is not None:
        facts = _with_confidence(facts, document)
        ocr, ocr_warnings = _ocr_summary(document.ocr, tables.cells, tables.sources, facts)
        warnings += ocr_warnings
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
        ocr=ocr,
    )


def _with_confidence(facts: list[Fact], document: Document) -> list[Fact]:
    """Each fact takes the OCR confidence of the paragraph it was read from."""
    scores = {b.index: b.confidence for b in document.paragraphs}
    out = []
    for fact in facts:
        prov = fact.provenance
        if prov is not None and prov.paragraph is not None and scores.get(prov.paragraph) is not None:
            fact = dataclasses.replace(fact, provenance=dataclasses.replace(prov, confidence=scores[prov.paragraph]))
        out.append(fact)
    return out


def _ocr_summary(
    stats: OcrStats, cells: Mapping[str, Number | None], sources: Mapping[str, Provenance], facts: list[Fact]
) -> tuple[OcrSummary, list[ParseWarning]]:
    """Which values OCR was unsure of: read with low confidence, or left blank in a row
    whose other cells hold figures (a figure the recogniser may have missed)."""

    def low(prov: Provenance | None) -> bool:
        return prov is not None and prov.confidence is not None and prov.confidence < stats.low_below

    unsure = [key for key, prov in sources.items() if low(prov)]
    unsure += [fact.key for fact in facts if low(fact.provenance)]
    rows: dict[str, list[str]] = {}
    for key in cells:
        rows.setdefault(key.rsplit(".", 1)[0], []).append(key)
    # A row of two (table 2's 采购项目数量 | 采购总金额) needs its other figure, a longer row two.
    blank = [
        key
        for members in rows.values()
        if _filled(members, cells) >= max(1, min(2, len(members) - 1))
        for key in members
        if cells[key] is None and key.startswith(("t2.", "t3.", "t4."))
    ]
    warnings = []
    if unsure:
        warnings.append(ParseWarning.of(WarningCode.OCR_LOW_CONFIDENCE, keys=tuple(unsure), below=round(stats.low_below * 100)))
    if blank:
        warnings.append(ParseWarning.of(WarningCode.OCR_BLANK_AMONG_FIGURES, keys=tuple(blank)))
    summary = OcrSummary(stats.engine, stats.pages, stats.seconds, stats.low_below, tuple(unsure + blank))
    return summary, warnings


def _filled(members: list[str], cells: Mapping[str, Number | None]) -> int:
    return sum(1 for key in members if cells[key] is not None)
