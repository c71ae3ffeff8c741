"""What a consistency check found, as typed values: a code and its numbers, never a sentence.

parsing.checks decides on them; parsing.wording.check_detail words them into the `detail`
every Check carries (and the SCHEMA JSON, the database and the replies show).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from enum import StrEnum
from typing import Literal

Number = int | float


class CheckStatus(StrEnum):
    """A rule's outcome. UNVERIFIABLE: a number it needs is blank or absent — never a pass."""

    PASS = "pass"
    FAIL = "fail"
    UNVERIFIABLE = "unverifiable"


Outcome = CheckStatus | Literal["skip"]  # skip: nothing printed for this equation


class DetailCode(StrEnum):
    FAILED = "failed"  # equations: the first failed ones; count: all failed
    UNVERIFIABLE = "unverifiable"  # equations: the first with a blank; count: all such; passed
    PASSED = "passed"  # equations: the last that passed; count: all passed
    NO_VALUES = "no_values"  # table: "t2" | "t3" | "t4" holds no figures
    T3_OTHER_BLANK = "t3.other_blank"  # the 其他处理 rows are all blank
    T3_OTHER_ITEMS_BLANK = "t3.other_items_blank"  # derived: its three items are all blank
    T3_OTHER_DERIVED = "t3.other_derived"  # 2021 format: 其他处理 is the sum of its items
    NEGATIVE = "negative"  # negatives: (key, value) of table 2
    NONE_NEGATIVE = "none_negative"  # count: table-2 figures, none negative
    PROSE_TABLE = "prose_table"  # rule, prose, table (value), status: PASS or FAIL
    PROSE_TABLE_BLANK = "prose_table_blank"  # rule, prose: the table's cell is blank
    CRASHED = "crashed"  # the checks raised


@dataclass(frozen=True)
class Equation:
    """One equation of a rule: lhs = rhs, at one column, row or group (`where`, its label)."""

    where: str
    column: bool  # `where` names a column (the equation holds down it)
    lhs: tuple[Number | None, ...]
    rhs: tuple[Number | None, ...]

    def outcome(self) -> Outcome:
        values = self.lhs + self.rhs
        if all(v is None for v in values):
            return "skip"
        if any(v is None for v in values):
            return CheckStatus.UNVERIFIABLE
        return CheckStatus.PASS if close(total(self.lhs), total(self.rhs)) else CheckStatus.FAIL


@dataclass(frozen=True)
class CheckDetail:
    code: DetailCode
    equations: tuple[Equation, ...] = ()
    count: int = 0
    passed: int = 0
    table: str = ""
    negatives: tuple[tuple[str, Number], ...] = ()
    rule: str = ""
    prose: Number | None = None
    table_value: Number | None = None
    status: CheckStatus | None = None


def total(values: Sequence[Number | None]) -> Number:
    return sum(v for v in values if v is not None)


def close(a: Number, b: Number) -> bool:
    return abs(a - b) < 1e-9
