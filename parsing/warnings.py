"""What the parser was unsure of, as typed values: a code and its data, never a sentence.

The Chinese wording of each code lives in parsing.wording (the SCHEMA JSON carries it);
callers decide on codes and data, so nothing ever parses a warning's text back.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from enum import StrEnum
from types import MappingProxyType
from typing import Any

WarningValue = str | int | tuple[str, ...]


class WarningCode(StrEnum):
    # the report's header: agency, year, title
    NO_YEAR = "header.no_year"
    AGENCY_PARTIAL = "header.agency_partial"  # name: what the report says, without its region
    NO_AGENCY = "header.no_agency"
    NO_TITLE = "header.no_title"
    # the tables as a whole
    TEMPLATE_FROM_YEAR = "tables.template_from_year"  # year, template
    TEMPLATE_UNKNOWN = "tables.template_unknown"
    TABLE_MISSING = "tables.missing"  # table: "t2" | "t3" | "t4"
    # table 2
    T2_EXTRA_VALUES = "t2.extra_values"  # rows: printed labels
    T2_UNPLACED = "t2.unplaced"  # rows
    T2_LABEL_READ_AS = "t2.label_read_as"  # label (as printed), read_as (the form's item): a misspelt item
    T2_HEADING_READ_AS = "t2.heading_read_as"  # heading (as printed, cut short), read_as (the form's)
    # table 3
    T3_UNNAMED_ITEMS = "t3.unnamed_items"  # group: denied | unable | rejected | other
    T3_ROWS_MISSING = "t3.rows_missing"  # rows: row keys
    T3_DUPLICATE_ROWS = "t3.duplicate_rows"  # rows: row keys
    T3_EXTRA_VALUES = "t3.extra_values"  # count, example
    T3_UNPLACED = "t3.unplaced"  # count, example
    T3_SHORT_ROWS = "t3.short_rows"  # count, values, example
    T3_LABEL_READ_AS = "t3.label_read_as"  # label (as printed), row (key): a misspelt label
    T3_GROUP_COLLAPSED = "t3.group_collapsed"  # group: one row for the group, no key for its sum
    T3_OTHER_WITHOUT_ITEMS = "t3.other_without_items"  # 其他处理 printed as one row (2021 format)
    # table 4
    T4_NO_VALUES = "t4.no_values"
    T4_MANY_ROWS = "t4.many_rows"
    T4_EXTRA_VALUES = "t4.extra_values"
    T4_UNPLACED = "t4.unplaced"
    T4_SHORT = "t4.short"  # values
    # a report read by OCR from a scan or photo
    OCR_LOW_CONFIDENCE = "ocr.low_confidence"  # keys: cell/fact keys read with low confidence; below
    OCR_BLANK_AMONG_FIGURES = "ocr.blank_among_figures"  # keys: blank cells in rows of figures (maybe unread)
    # one cell left blank although it held something value-like: key, text (its first 20
    # characters), length (of the whole text)
    CELL_TOO_LARGE = "cell.too_large"  # more digits than any figure has (400 digits)
    CELL_NOT_A_FIGURE = "cell.not_a_figure"  # NaN, inf, 1e30, 0x1F
    CELL_FRACTION = "cell.fraction"  # a count with decimals (3.14159 requests)
    # the prose
    NARRATIVE_CONFLICT = "narrative.conflict"  # key, values: one figure stated with different values


@dataclass(frozen=True)
class ParseWarning:
    code: WarningCode
    data: Mapping[str, WarningValue] = field(default_factory=dict)

    def __post_init__(self) -> None:
        object.__setattr__(self, "data", MappingProxyType(dict(self.data)))

    def __reduce__(self) -> tuple[Any, ...]:
        # A mapping proxy cannot be pickled (the parse sandbox sends reports between processes).
        return (ParseWarning, (self.code, dict(self.data)))

    @classmethod
    def of(cls, code: WarningCode, **data: WarningValue) -> ParseWarning:
        return cls(code, data)

    def to_json_dict(self) -> dict[str, Any]:
        return {
            "code": str(self.code),
            **{k: list(v) if isinstance(v, tuple) else v for k, v in self.data.items()},
        }
