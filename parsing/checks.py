"""The consistency rules (勾稽关系) of SCHEMA.md, evaluated on a report's cells and facts.

A failed rule is a finding, never an exception. For each equation (one per column, row or
group): all operands blank -> nothing printed there, skipped; some blank -> that equation
cannot be verified; all present -> pass or fail. A rule fails if any equation fails, is
unverifiable if any equation could not be verified (or none was printed), else passes.
"""

from __future__ import annotations

import logging
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import Literal

from parsing.model import Check, CheckStatus, Fact, Number
from parsing.schema import (
    T2_2019,
    T2_2021,
    T3_COLUMNS,
    T3_ROWS_COMMON_HEAD,
    T4_COLUMNS,
    T4_GROUPS,
    TEMPLATE_2019,
    TEMPLATE_2021,
    t3_rows,
)

logger = logging.getLogger(__name__)

_SHOWN = 3  # equations quoted in a detail

Cells = Mapping[str, Number | None]
Outcome = CheckStatus | Literal["skip"]  # skip: nothing printed for this equation

_T3_HANDLED = [k for k in T3_ROWS_COMMON_HEAD if k not in ("new", "carried_in")] + ["other"]


@dataclass(frozen=True)
class _Equation:
    name: str  # where: a column, row or group label
    lhs: tuple[Number | None, ...]
    rhs: tuple[Number | None, ...]

    def outcome(self) -> Outcome:
        values = self.lhs + self.rhs
        if all(v is None for v in values):
            return "skip"
        if any(v is None for v in values):
            return CheckStatus.UNVERIFIABLE
        return CheckStatus.PASS if _close(_sum(self.lhs), _sum(self.rhs)) else CheckStatus.FAIL

    def text(self) -> str:
        def side(vs: tuple[Number | None, ...]) -> str:
            if len(vs) > 4:
                blanks = sum(v is None for v in vs)
                if blanks:
                    return f"{len(vs)}项（{blanks}项为空）"
                return f"{_fmt(_sum(vs))}（{len(vs)}项之和）"
            return "+".join("空" if v is None else _fmt(v) for v in vs)

        sign = (
            "=" if self.outcome() == CheckStatus.PASS else "≠" if self.outcome() == CheckStatus.FAIL else "?"
        )
        return f"{self.name}：{side(self.lhs)} {sign} {side(self.rhs)}"


def _sum(values: Sequence[Number | None]) -> Number:
    return sum(v for v in values if v is not None)


def _close(a: Number, b: Number) -> bool:
    return abs(a - b) < 1e-9


def _fmt(v: Number) -> str:
    return str(int(v)) if isinstance(v, float) and v.is_integer() else str(v)


def _aggregate(rule: str, equations: Sequence[_Equation], empty: str) -> Check:
    outcomes = [(eq, eq.outcome()) for eq in equations]
    failed = [eq.text() for eq, o in outcomes if o == CheckStatus.FAIL]
    unsure = [eq.text() for eq, o in outcomes if o == CheckStatus.UNVERIFIABLE]
    passed = [eq for eq, o in outcomes if o == CheckStatus.PASS]
    if failed:
        more = f"等{len(failed)}处不符" if len(failed) > _SHOWN else ""
        return Check(rule, CheckStatus.FAIL, "；".join(failed[:_SHOWN]) + more)
    if unsure:
        note = f"（另有{len(passed)}处相符）" if passed else ""
        more = f"等{len(unsure)}处" if len(unsure) > _SHOWN else ""
        return Check(
            rule, CheckStatus.UNVERIFIABLE, "有空格无法核对：" + "；".join(unsure[:_SHOWN]) + more + note
        )
    if passed:
        shown = passed[-1].text()
        return Check(
            rule, CheckStatus.PASS, shown if len(passed) == 1 else f"{shown}（{len(passed)}处均相符）"
        )
    return Check(rule, CheckStatus.UNVERIFIABLE, empty)


def _v(cells: Cells, key: str) -> Number | None:
    return cells.get(key)


def _rows_add_up(cells: Cells, table: str, total: str, parts: tuple[str, ...], columns: dict[str, str]) -> list[_Equation]:
    """In each column, the `total` row is the sum of the `parts` rows."""
    return [
        _Equation(
            f"{label}列",
            (_v(cells, f"{table}.{total}.{c}"),),
            tuple(_v(cells, f"{table}.{r}.{c}") for r in parts),
        )
        for c, label in columns.items()
    ]


def _columns_add_up(cells: Cells, table: str, rows: dict[str, str], columns: dict[str, str]) -> list[_Equation]:
    """In each row, the total column is the sum of the other columns."""
    parts = [c for c in columns if c != "total"]
    return [
        _Equation(label, (_v(cells, f"{table}.{r}.total"),), tuple(_v(cells, f"{table}.{r}.{c}") for c in parts))
        for r, label in rows.items()
    ]


def check_t3_balance(cells: Cells) -> Check:
    eqs = [
        _Equation(
            f"{label}列",
            (_v(cells, f"t3.new.{c}"), _v(cells, f"t3.carried_in.{c}")),
            (_v(cells, f"t3.handled_total.{c}"), _v(cells, f"t3.carried_out.{c}")),
        )
        for c, label in T3_COLUMNS.items()
    ]
    return _aggregate("t3.balance", eqs, "表三没有数值")


def check_t3_rows_sum(cells: Cells) -> Check:
    eqs = _rows_add_up(cells, "t3", "handled_total", tuple(_T3_HANDLED), T3_COLUMNS)
    return _aggregate("t3.rows_sum", eqs, "表三没有数值")


def check_t3_cols_sum(cells: Cells, template: str) -> Check:
    eqs = _columns_add_up(cells, "t3", t3_rows(template), T3_COLUMNS)
    return _aggregate("t3.cols_sum", eqs, "表三没有数值")


def check_t3_other_sum(cells: Cells, *, derived: bool) -> Check:
    if derived:
        # The 2021 format prints no 其他处理 total row: `other` is defined as this sum.
        values = [_v(cells, f"t3.other.{c}") for c in T3_COLUMNS]
        if all(v is None for v in values):
            return Check("t3.other_sum", CheckStatus.UNVERIFIABLE, "表三其他处理三项均为空")
        return Check("t3.other_sum", CheckStatus.PASS, "报告未单列其他处理合计，按三项之和计算")
    eqs = _rows_add_up(cells, "t3", "other", ("other_overdue", "other_unpaid", "other_other"), T3_COLUMNS)
    return _aggregate("t3.other_sum", eqs, "表三其他处理均为空")


def check_t4_sums(cells: Cells) -> Check:
    eqs = _columns_add_up(cells, "t4", T4_GROUPS, T4_COLUMNS)
    return _aggregate("t4.sums", eqs, "表四没有数值")


def check_t2_in_force(cells: Cells, template: str) -> Check:
    keys = [k for k in (T2_2021 if template == TEMPLATE_2021 else T2_2019) if not k.endswith(".change")]
    present = {k: cells.get(k) for k in keys if cells.get(k) is not None}
    if not present:
        return Check("t2.in_force", CheckStatus.UNVERIFIABLE, "表二没有数值")
    negative = [f"{k}={_fmt(v)}" for k, v in present.items() if v is not None and v < 0]
    if negative:
        return Check("t2.in_force", CheckStatus.FAIL, "出现负数：" + "、".join(negative))
    return Check("t2.in_force", CheckStatus.PASS, f"表二{len(present)}个数值均不为负")


def _narrative(rule: str, fact: Fact | None, table_value: Number | None, what: str) -> Check | None:
    """None when the prose states no figure: nothing to compare, so the rule does not apply."""
    if fact is None:
        return None
    if table_value is None:
        return Check(rule, CheckStatus.UNVERIFIABLE, f"正文 {_fmt(fact.value)}，表中{what}为空")
    numbers = f"正文 {_fmt(fact.value)} {{}} 表中 {_fmt(table_value)}"
    if _close(fact.value, table_value):
        return Check(rule, CheckStatus.PASS, numbers.format("="))
    return Check(rule, CheckStatus.FAIL, numbers.format("≠"))


def _sum_or_none(values: Sequence[Number | None]) -> Number | None:
    if any(v is None for v in values):
        return None
    return _sum(values)


# Every fact the prose states that a table holds too: (rule, fact key, the cells whose sum
# is the same figure per template, what the table calls it). A rule appears only when the
# prose states its figure; a blank cell makes it unverifiable, never a pass.
PROSE_TABLE_RULES: tuple[tuple[str, str, dict[str, tuple[str, ...]], str], ...] = (
    ("narrative.applications", "applications.received",
     {TEMPLATE_2021: ("t3.new.total",), TEMPLATE_2019: ("t3.new.total",)}, "新收申请"),
    ("narrative.review", "review.count",
     {TEMPLATE_2021: ("t4.review.total",), TEMPLATE_2019: ("t4.review.total",)}, "行政复议"),
    ("narrative.suit", "suit.count",
     {t: ("t4.suit_direct.total", "t4.suit_after_review.total") for t in (TEMPLATE_2021, TEMPLATE_2019)},
     "行政诉讼"),
    ("narrative.normative", "normative.issued",
     {TEMPLATE_2021: ("t2.normative.made",), TEMPLATE_2019: ("t2.normative.new_made",)}, "本年制发规范性文件"),
)  # fmt: skip


def _table_value(cells: Cells, template: str, keys: Mapping[str, tuple[str, ...]]) -> Number | None:
    return _sum_or_none([cells.get(k) for k in keys.get(template, ())])


def run_checks(
    cells: Cells,
    template: str | None,
    facts: Sequence[Fact],
    *,
    t3_other_derived: bool = False,
) -> list[Check]:
    """Every SCHEMA rule, plus the narrative<->table rules whose figure the prose states. Never raises."""
    try:
        return _run(cells, template, facts, t3_other_derived)
    except (ArithmeticError, TypeError, ValueError):  # a malformed cell must not lose the report
        logger.exception("consistency checks failed")
        return [Check("checks", CheckStatus.UNVERIFIABLE, "核对时出错，未能完成勾稽检查")]


def _run(cells: Cells, template: str | None, facts: Sequence[Fact], t3_other_derived: bool) -> list[Check]:
    tpl = template or TEMPLATE_2021
    by_key: dict[str, Fact] = {}
    for fact in facts:
        by_key.setdefault(fact.key, fact)  # the first statement of a figure, as the reader sees it
    checks = [
        check_t3_balance(cells),
        check_t3_rows_sum(cells),
        check_t3_cols_sum(cells, tpl),
    ]
    if tpl == TEMPLATE_2021:
        checks.append(check_t3_other_sum(cells, derived=t3_other_derived))
    checks += [check_t4_sums(cells), check_t2_in_force(cells, tpl)]
    narrative = [_narrative(rule, by_key.get(fact), _table_value(cells, tpl, keys), what)
                 for rule, fact, keys, what in PROSE_TABLE_RULES]  # fmt: skip
    checks += [check for check in narrative if check is not None]
    return checks
