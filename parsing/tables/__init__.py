"""Raw table rows -> the SCHEMA cells of tables 2, 3 and 4.

Tables are found by their printed labels, not by their position in the document, and
every cell is placed by its printed row and column labels. Extractors disagree about
columns (merged label cells, trailing empties, a value shifted by one), so a data row's
values are aligned in three steps, first that fits:
  1. exactly under the header's column positions;
  2. under the nearest header column (at most one off, no two values in one column);
  3. by count: trim blank edge cells; extra values keep the rightmost (or, in a grid with
     stray empty columns, exactly as many values as there are columns, in order). Too few
     values: in a grid whose cells stand at their columns (PDF, DOCX, HTML) the columns are
     unknown, so the row stays blank with a warning — never a figure under the wrong
     column; plain text lists only the non-blank cells, and there they fill from the left
     (with a warning).
One pass over the rows; all patterns are plain substring tests or precompiled regexes.
"""

from __future__ import annotations

from collections.abc import Iterable

from parsing.extract.base import TableBlock
from parsing.numbers import CellProblem
from parsing.schema import TEMPLATE_2021, cell_keys
from parsing.tables.rows import RawRow, TablesResult, detect_template, raw_rows, split_by_table
from parsing.tables.t2 import read_t2
from parsing.tables.t3 import read_t3
from parsing.tables.t4 import read_t4
from parsing.warnings import ParseWarning, WarningCode

__all__ = ["RawRow", "TablesResult", "read_tables", "split_by_table"]

_PROBLEM_CODES = {
    CellProblem.TOO_LARGE: WarningCode.CELL_TOO_LARGE,
    CellProblem.NOT_A_FIGURE: WarningCode.CELL_NOT_A_FIGURE,
    CellProblem.FRACTION: WarningCode.CELL_FRACTION,
}

def read_tables(tables: Iterable[TableBlock], *, year: int | None = None) -> TablesResult:
    """Every SCHEMA cell of the template (None where blank or absent), with provenance."""
    by_kind = split_by_table(raw_rows(tables))
    template, warnings = detect_template(by_kind, year)
    result = TablesResult(template=template, cells={}, sources={}, warnings=list(warnings))
    effective = template or TEMPLATE_2021
    if by_kind["t2"]:
        read_t2(by_kind["t2"], effective, result)
    if by_kind["t3"]:
        read_t3(by_kind["t3"], effective, result)
    if by_kind["t4"]:
        read_t4(by_kind["t4"], result)
    for kind, rows in by_kind.items():
        if rows:
            result.found.add(kind)
        else:
            result.warnings.append(ParseWarning.of(WarningCode.TABLE_MISSING, table=kind))
    for key, (problem, raw) in result.problems.items():
        # The printed text's start and length: a 5000-digit "figure" is not repeated whole.
        result.warnings.append(ParseWarning.of(_PROBLEM_CODES[problem], key=key, text=raw[:20], length=len(raw)))
    # Every key of the template is present, in printed order.
    result.cells = {key: result.cells.get(key) for key in cell_keys(effective)}
    result.sources = {k: v for k, v in result.sources.items() if k in result.cells}
    return result
