"""Frozen value objects mirroring ../shared/SCHEMA.md.

`Report.to_json_dict()` produces exactly the SCHEMA object (plus added keys:
`title`, `cell_sources`, `status` on checks, `provenance` on facts, `warning_codes`: each
warning as its code and data, beside its Chinese wording in `warnings`).
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import date
from types import MappingProxyType
from typing import Any

# CheckStatus and Number live with the check findings (which the wording imports, and this
# module imports the wording); they stay part of this module's surface.
from parsing.check_details import CheckStatus as CheckStatus
from parsing.check_details import Number as Number
from parsing.warnings import ParseWarning
from parsing.wording import warning_text


@dataclass(frozen=True)
class Provenance:
    """Where a value was read: PDF page (1-based) or table/paragraph index, and the raw text."""

    page: int | None = None
    table: int | None = None
    row: int | None = None
    col: int | None = None
    paragraph: int | None = None
    raw: str | None = None
    # OCR's confidence (0-1) in the text read, when the value comes from a scan or photo.
    confidence: float | None = None

    def to_json_dict(self) -> dict[str, Any]:
        return {k: v for k, v in self.__dict__.items() if v is not None}


@dataclass(frozen=True)
class Fact:
    key: str
    value: Number
    unit: str
    source: str
    provenance: Provenance | None = None
    # How the report qualifies the figure: 约, 近, 超过 (before it), 余, 多, 左右 (after it).
    qualifier: str | None = None

    def to_json_dict(self) -> dict[str, Any]:
        out: dict[str, Any] = {
            "key": self.key,
            "value": self.value,
            "unit": self.unit,
            "source": self.source,
        }
        if self.qualifier is not None:
            out["qualifier"] = self.qualifier
        if self.provenance is not None:
            out["provenance"] = self.provenance.to_json_dict()
        return out


@dataclass(frozen=True)
class Check:
    rule: str
    status: CheckStatus
    detail: str

    def __post_init__(self) -> None:
        object.__setattr__(self, "status", CheckStatus(self.status))

    @property
    def ok(self) -> bool | None:
        """True/False for pass/fail; None when the numbers needed were blank."""
        return {CheckStatus.PASS: True, CheckStatus.FAIL: False}.get(self.status)

    def to_json_dict(self) -> dict[str, Any]:
        return {"rule": self.rule, "ok": self.ok, "status": str(self.status), "detail": self.detail}


@dataclass(frozen=True)
class OcrSummary:
    """How a scanned or photographed report was read: by which engine, how long it took,
    and which values (cell keys, fact keys) were read with confidence below `low_below`."""

    engine: str
    pages: int
    seconds: float
    low_below: float
    low_confidence: tuple[str, ...] = ()

    def to_json_dict(self) -> dict[str, Any]:
        return {**self.__dict__, "low_confidence": list(self.low_confidence)}


def _frozen(mapping: Mapping[str, Any] | None) -> Mapping[str, Any]:
    return MappingProxyType(dict(mapping or {}))


@dataclass(frozen=True)
class Report:
    agency: str | None
    year: int | None
    template: str | None
    published_on: date | None
    cells: Mapping[str, Number | None] = field(default_factory=dict)
    facts: tuple[Fact, ...] = ()
    checks: tuple[Check, ...] = ()
    warnings: tuple[ParseWarning, ...] = ()
    title: str | None = None
    cell_sources: Mapping[str, Provenance] = field(default_factory=dict)
    ocr: OcrSummary | None = None  # set when the report was read from a scan or photo

    def __post_init__(self) -> None:
        # Read-only views so a Report handed around cannot be mutated by accident.
        object.__setattr__(self, "cells", _frozen(self.cells))
        object.__setattr__(self, "cell_sources", _frozen(self.cell_sources))

    def fact(self, key: str) -> Fact | None:
        return next((f for f in self.facts if f.key == key), None)

    @property
    def failed_checks(self) -> tuple[Check, ...]:
        return tuple(c for c in self.checks if c.status is CheckStatus.FAIL)

    def to_json_dict(self) -> dict[str, Any]:
        return {
            "agency": self.agency,
            "year": self.year,
            "template": self.template,
            "published_on": self.published_on.isoformat() if self.published_on else None,
            "cells": dict(self.cells),
            "facts": [f.to_json_dict() for f in self.facts],
            "checks": [c.to_json_dict() for c in self.checks],
            "warnings": [warning_text(w) for w in self.warnings],
            "title": self.title,
            "cell_sources": {k: p.to_json_dict() for k, p in self.cell_sources.items()},
            "warning_codes": [w.to_json_dict() for w in self.warnings],
            "ocr": self.ocr.to_json_dict() if self.ocr else None,
        }
