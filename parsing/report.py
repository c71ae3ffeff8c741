"""Document -> Report: header (agency, year, date), tables, narrative facts and checks."""

from __future__ import annotations

import dataclasses
import re
from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import date

from parsing.checks import run_checks
from parsing.errors import NotAnnualReport
from parsing.extract.base import Document, OcrStats, TextBlock
from parsing.model import Fact, Number, OcrSummary, Provenance, Report
from parsing.narrative import FactConflict, read_narrative
from parsing.numbers import chinese_to_int
from parsing.tables import read_tables
from parsing.warnings import ParseWarning, WarningCode

_CN = "零〇○一二两三四五六七八九十"
_YEAR = rf"(?P<year>\d{{4}}|[{_CN}]{{4}})"
_TITLE = re.compile(rf"^(?P<agency>.*?){_YEAR}\s*年\s*度?\s*(?:政府)?\s*信\s*息\s*公\s*开.{{0,12}}?报\s*告")
_TITLE_LOOSE = re.compile(r"政府信息公开.{0,10}?(?:年度报告|工作报告|年报)")
_STAT_YEAR = re.compile(r"统计.{0,12}?(\d{4})\s*年\s*1\s*月\s*1\s*日")
_DATE = re.compile(
    rf"^(?P<y>\d{{4}}|[{_CN}]{{4}})\s*年\s*(?P<m>\d{{1,2}}|[{_CN}]{{1,3}})\s*月\s*(?P<d>\d{{1,2}}|[{_CN}]{{1,3}})\s*日$"
)
_SPACES = re.compile(r"\s+")
# A name that says where the agency is: province, city, county, district, ministry...
_REGION = re.compile(r"省|市|县|区|州|盟|旗|镇|乡|街道|国家|国务院|中华人民共和国|中国|部$")
_AGENCY_END = re.compile(r"(?:局|委员会|委|办公室|办|政府|厅|院|所|中心|管委会|会|处|署|站|馆|队|部|公司)$")
_AGENCY_IN_TEXT = re.compile(r"[\u4e00-\u9fff]{2,30}?(?:局|委员会|办公室|人民政府|厅|管理委员会|中心)")
_NOISE_PREFIX = re.compile(r"^(?:关于|转发|附件|请看|这是|收到|印发)+")
_TRAILING_PUNCT = re.compile(r"[：:，,。\s]+$")
_HEAD_BLOCKS = 6
_TAIL_BLOCKS = 4


@dataclass
class Header:
    agency: str | None = None
    year: int | None = None
    title: str | None = None
    published_on: date | None = None
    warnings: list[ParseWarning] = field(default_factory=list)


def _clean(text: str) -> str:
    return _TRAILING_PUNCT.sub("", _SPACES.sub("", text))


def _int(token: str) -> int | None:
    return int(token) if token.isdigit() else chinese_to_int(token)


def _looks_like_agency(text: str) -> bool:
    return 2 <= len(text) <= 40 and bool(_AGENCY_END.search(text))


def read_header(paragraphs: list[TextBlock], *, filename: str, caption: str | None) -> Header:
    header = Header()
    head = paragraphs[:_HEAD_BLOCKS]
    agency_candidates: list[str] = []
    for i, block in enumerate(head):
        match = _TITLE.search(block.text)
        if not match:
            continue
        header.title = _SPACES.sub("", block.text)
        header.year = _int(match.group("year"))
        named = _clean(match.group("agency"))
        if named:
            agency_candidates.append(named)
        elif i > 0:
            agency_candidates.append(_clean(head[i - 1].text))
        break
    if header.year is None:
        header.year = _year_from_text(paragraphs) or _year_from_text([caption or "", filename])
        if header.year is None:
            header.warnings.append(ParseWarning.of(WarningCode.NO_YEAR))
    tail = [_clean(b.text) for b in paragraphs[-_TAIL_BLOCKS:]]
    agency_candidates += [t for t in tail if _looks_like_agency(t)]
    if header.title is None and head:
        agency_candidates += [_clean(b.text) for b in head[:2] if _looks_like_agency(_clean(b.text))]
    header.agency = _resolve_agency(agency_candidates, filename, caption, header.warnings)
    header.published_on = _closing_date(tail)
    return header


def _year_from_text(items: list[TextBlock] | list[str]) -> int | None:
    for item in items:
        text = item.text if isinstance(item, TextBlock) else item
        match = _STAT_YEAR.search(text) or _TITLE.search(_SPACES.sub("", text))
        if match:
            return _int(match.group(1) if match.re is _STAT_YEAR else match.group("year"))
    return None


def _resolve_agency(
    candidates: list[str], filename: str, caption: str | None, warnings: list[ParseWarning]
) -> str | None:
    names = [c for c in candidates if c and _looks_like_agency(c)]
    full = next((c for c in names if _REGION.search(c)), None)
    if full:
        return full
    short = names[0] if names else None
    for source in (caption, filename):
        better = _fuller_name(source, short)
        if better:
            return better
    if short:
        warnings.append(ParseWarning.of(WarningCode.AGENCY_PARTIAL, name=short))
    else:
        warnings.append(ParseWarning.of(WarningCode.NO_AGENCY))
    return None


def _fuller_name(source: str | None, short: str | None) -> str | None:
    """A name with its region from a caption or file name: "<region><short>" or any agency name."""
    if not source:
        return None
    text = _SPACES.sub("", source)
    if short and short in text:
        prefix = text[: text.index(short)]
        run = re.search(r"[\u4e00-\u9fff]+$", prefix)
        if run:
            region = _NOISE_PREFIX.sub("", run.group())
            region = re.sub(r"^\d{4}年度?", "", region)
            if region and _REGION.search(region):
                return region + short
        return None
    for match in _AGENCY_IN_TEXT.finditer(text):
        name = _NOISE_PREFIX.sub("", match.group())
        if _REGION.search(name) and (short is None or name.endswith(short[-4:])):
            return name
    return None


def _closing_date(tail: list[str]) -> date | None:
    for text in reversed(tail):
        match = _DATE.match(text)
        if not match:
            continue
        y, m, d = (_int(match.group(g)) for g in ("y", "m", "d"))
        if y is None or m is None or d is None:
            continue
        try:
            return date(y, m, d)
        except ValueError:
            return None
    return None


def _conflict_warning(conflict: FactConflict) -> ParseWarning:
    return ParseWarning.of(
        WarningCode.NARRATIVE_CONFLICT, key=conflict.key, values=tuple(str(v) for v in conflict.values)
    )


def build_report(document: Document, *, filename: str, caption: str | None = None) -> Report:
    """Raise NotAnnualReport for a document with neither report tables nor a report title."""
    paragraphs = document.paragraphs
    header = read_header(paragraphs, filename=filename, caption=caption)
    tables = read_tables(document.tables, year=header.year)
    if not tables.found and header.title is None:
        text = "".join(b.text for b in paragraphs[:50])
        if not _TITLE_LOOSE.search(_SPACES.sub("", text)):
            raise NotAnnualReport()
    narrative = read_narrative(document.blocks, year=header.year)
    facts = list(narrative.facts)
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
    blank = [
        key
        for members in rows.values()
        if _filled(members, cells) >= 2
        for key in members
        if cells[key] is None and key.startswith(("t3.", "t4."))
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
