"""Raw table rows with their provenance; which table (2, 3 or 4) a row belongs to; the format."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field

from parsing.extract.base import TableBlock
from parsing.model import Number, Provenance
from parsing.numbers import CellProblem, normalize
from parsing.schema import TEMPLATE_2019, TEMPLATE_2021
from parsing.vocabulary import tables as V
from parsing.warnings import ParseWarning, WarningCode


@dataclass(frozen=True)
class RawRow:
    cells: tuple[str | None, ...]
    norm: tuple[str, ...]  # normalized cell texts ("" for None)
    table: int
    row: int
    page: int | None
    first_of_block: bool
    positional: bool = True
    confidence: tuple[float | None, ...] = ()  # OCR's, per cell

    @property
    def joined(self) -> str:
        return "".join(self.norm)

    def provenance(self, col: int) -> Provenance:
        raw = self.cells[col] if col < len(self.cells) else None
        confidence = self.confidence[col] if col < len(self.confidence) else None
        return Provenance(
            page=self.page, table=self.table, row=self.row, col=col, raw=raw, confidence=confidence
        )


@dataclass
class TablesResult:
    template: str | None
    cells: dict[str, Number | None]
    sources: dict[str, Provenance]
    found: set[str] = field(default_factory=set)  # subset of {"t2", "t3", "t4"}
    warnings: list[ParseWarning] = field(default_factory=list)
    t3_other_derived: bool = False
    # Cells left blank although they held something value-like: key -> (why, the printed text).
    problems: dict[str, tuple[CellProblem, str]] = field(default_factory=dict)


def raw_rows(tables: Iterable[TableBlock]) -> list[RawRow]:
    out: list[RawRow] = []
    for block in tables:
        for r, cells in enumerate(block.rows):
            page = block.row_pages[r] if r < len(block.row_pages) else block.page
            norm = tuple(normalize(c) if c else "" for c in cells)
            scores = block.confidence[r] if r < len(block.confidence) else ()
            out.append(RawRow(tuple(cells), norm, block.index, r, page, r == 0, block.positional, scores))
    return out


# --- which table a row belongs to -------------------------------------------------------


# Words that name a table, tried in this order (as the readers always have: 表四, 表三, 表二).
_STRONG = {"t4": V.T4_STRONG, "t3": V.T3_STRONG, "t2": V.T2_STRONG}
_WEAK = {"t4": V.T4_WEAK, "t3": V.T3_WEAK, "t2": V.T2_WEAK}


def _named_table(text: str, markers: dict[str, tuple[str, ...]]) -> str | None:
    return next((kind for kind, words in markers.items() if any(m in text for m in words)), None)


def _strong_kind(text: str) -> str | None:
    if all(m in text for m in V.T4_BOTH_GROUPS):
        return "t4"
    return _named_table(text, _STRONG)


def _weak_kind(text: str) -> str | None:
    return _named_table(text, _WEAK)


def split_by_table(rows: Sequence[RawRow]) -> dict[str, list[RawRow]]:
    """Assign rows to t2/t3/t4. A strong marker switches the context; a new block with no
    strong marker takes its kind from weak markers, else continues the previous table
    (the rest of a table broken across pages)."""
    out: dict[str, list[RawRow]] = {"t2": [], "t3": [], "t4": []}
    context: str | None = None
    for row in rows:
        text = row.joined
        strong = _strong_kind(text)
        if strong:
            context = strong
        elif row.first_of_block or context is None:
            weak = _weak_kind(text)
            if weak:
                context = weak
        if context:
            out[context].append(row)
    return out


# --- template ---------------------------------------------------------------------------


def detect_template(
    by_kind: dict[str, list[RawRow]], year: int | None
) -> tuple[str | None, list[ParseWarning]]:
    """The format, from the table headers themselves (not from the year)."""
    t2_text = "".join(r.joined for r in by_kind["t2"])
    n2021 = sum(t2_text.count(w) for w in V.T2_2021_WORDS)
    n2019 = sum(t2_text.count(w) for w in V.T2_2019_WORDS)
    t3_text = "".join(r.joined for r in by_kind["t3"])
    if any(w in t3_text for w in V.T3_2021_WORDS):
        n2021 += 1
    if n2021 != n2019:
        return (TEMPLATE_2021 if n2021 > n2019 else TEMPLATE_2019), []
    if year is not None:
        template = TEMPLATE_2021 if year >= 2021 else TEMPLATE_2019
        return template, [ParseWarning.of(WarningCode.TEMPLATE_FROM_YEAR, year=year, template=template)]
    return None, [ParseWarning.of(WarningCode.TEMPLATE_UNKNOWN)]
