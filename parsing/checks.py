"""The consistency rules (勾稽关系) of SCHEMA.md, evaluated on a report's cells and facts.

A failed rule is a finding, never an exception. For each equation (one per column, row or
group): all operands blank -> nothing printed there, skipped; some blank -> that equation
cannot be verified; all present -> pass or fail. A rule fails if any equation fails, is
unverifiable if any equation could not be verified (or none was printed), else passes.
"""

from __future__ import annotations

import logging
from collections.abc import Mapping, Sequence

from parsing.check_details import CheckDetail, DetailCode, Equation, close, total
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
from parsing.wording import check_detail

logger = logging.getLogger(__name__)

_SHOWN = 3  # equations quoted in a detail

Cells = Mapping[str, Number | None]

_T3_HANDLED = [k for k in T3_ROWS_COMMON_HEAD if k not in ("new", "carried_in")] + ["other"]


def _check(rule: str, status: CheckStatus, detail: CheckDetail) -> Check:
    return Check(rule, status, check_detail(detail))


def _aggregate(rule: str, equations: Sequence[Equation], empty: CheckDetail) -> Check:
    outcomes = [(eq, eq.outcome()) for eq in equations]
    failed = tuple(eq for eq, o in outcomes if o == CheckStatus.FAIL)
    unsure = tuple(eq for eq, o in outcomes if o == CheckStatus.UNVERIFIABLE)
    passed = tuple(eq for eq, o in outcomes if o == CheckStatus.PASS)
    if failed:
        return _check(
            rule,
            CheckStatus.FAIL,
            CheckDetail(DetailCode.FAILED, equations=failed[:_SHOWN], count=len(failed)),
        )
    if unsure:
        return _check(
            rule,
            CheckStatus.UNVERIFIABLE,
            CheckDetail(
                DetailCode.UNVERIFIABLE, equations=unsure[:_SHOWN], count=len(unsure), passed=len(passed)
            ),
        )
    if passed:
        return _check(
            rule, CheckStatus.PASS, CheckDetail(DetailCode.PASSED, equations=passed[-1:], count=len(passed))
        )
    return _check(rule, CheckStatus.UNVERIFIABLE, empty)


_T3_EMPTY = CheckDetail(DetailCode.NO_VALUES, table="t3")


def _v(cells: Cells, key: str) -> Number | None:
    return cells.get(key)


def _add_up(
    cells: Cells, table: str, lines: dict[str, str], whole: str, parts: Sequence[str], *, down: bool
) -> list[Equation]:
    """In each line — a column when `down`, else a row — the `whole` cell is the sum of the
    `parts` cells (rows when `down`, else columns)."""

    def key(line: str, item: str) -> str:
        return f"{table}.{item}.{line}" if down else f"{table}.{line}.{item}"

    return [
        Equation(label, down, (_v(cells, key(line, whole)),), tuple(_v(cells, key(line, p)) for p in parts))
        for line, label in lines.items()
    ]


_T3_PARTS = tuple(c for c in T3_COLUMNS if c != "total")


def check_t3_balance(cells: Cells) -> Check:
    eqs = [
        Equation(
            label,
            True,
            (_v(cells, f"t3.new.{c}"), _v(cells, f"t3.carried_in.{c}")),
            (_v(cells, f"t3.handled_total.{c}"), _v(cells, f"t3.carried_out.{c}")),
        )
        for c, label in T3_COLUMNS.items()
    ]
    return _aggregate("t3.balance", eqs, _T3_EMPTY)


def check_t3_rows_sum(cells: Cells) -> Check:
    eqs = _add_up(cells, "t3", T3_COLUMNS, "handled_total", _T3_HANDLED, down=True)
    return _aggregate("t3.rows_sum", eqs, _T3_EMPTY)


def check_t3_cols_sum(cells: Cells, template: str) -> Check:
    eqs = _add_up(cells, "t3", t3_rows(template), "total", _T3_PARTS, down=False)
    return _aggregate("t3.cols_sum", eqs, _T3_EMPTY)


def check_t3_other_sum(cells: Cells, *, derived: bool) -> Check:
    if derived:
        # The 2021 format prints no 其他处理 total row: `other` is defined as this sum.
        values = [_v(cells, f"t3.other.{c}") for c in T3_COLUMNS]
        if all(v is None for v in values):
            return _check(
                "t3.other_sum", CheckStatus.UNVERIFIABLE, CheckDetail(DetailCode.T3_OTHER_ITEMS_BLANK)
            )
        return _check("t3.other_sum", CheckStatus.PASS, CheckDetail(DetailCode.T3_OTHER_DERIVED))
    eqs = _add_up(
        cells, "t3", T3_COLUMNS, "other", ("other_overdue", "other_unpaid", "other_other"), down=True
    )
    return _aggregate("t3.other_sum", eqs, CheckDetail(DetailCode.T3_OTHER_BLANK))


def check_t4_sums(cells: Cells) -> Check:
    eqs = _add_up(cells, "t4", T4_GROUPS, "total", tuple(c for c in T4_COLUMNS if c != "total"), down=False)
    return _aggregate("t4.sums", eqs, CheckDetail(DetailCode.NO_VALUES, table="t4"))


def check_t2_in_force(cells: Cells, template: str) -> Check:
    keys = [k for k in (T2_2021 if template == TEMPLATE_2021 else T2_2019) if not k.endswith(".change")]
    present = {k: cells.get(k) for k in keys if cells.get(k) is not None}
    if not present:
        return _check("t2.in_force", CheckStatus.UNVERIFIABLE, CheckDetail(DetailCode.NO_VALUES, table="t2"))
    negatives = tuple((k, v) for k, v in present.items() if v is not None and v < 0)
    if negatives:
        return _check("t2.in_force", CheckStatus.FAIL, CheckDetail(DetailCode.NEGATIVE, negatives=negatives))
    return _check("t2.in_force", CheckStatus.PASS, CheckDetail(DetailCode.NONE_NEGATIVE, count=len(present)))


def _narrative(rule: str, fact: Fact | None, table_value: Number | None) -> Check | None:
    """None when the prose states no figure: nothing to compare, so the rule does not apply."""
    if fact is None:
        return None
    if table_value is None:
        return _check(
            rule,
            CheckStatus.UNVERIFIABLE,
            CheckDetail(DetailCode.PROSE_TABLE_BLANK, rule=rule, prose=fact.value),
        )
    status = CheckStatus.PASS if close(fact.value, table_value) else CheckStatus.FAIL
    detail = CheckDetail(
        DetailCode.PROSE_TABLE, rule=rule, prose=fact.value, table_value=table_value, status=status
    )
    return _check(rule, status, detail)


def _sum_or_none(values: Sequence[Number | None]) -> Number | None:
    if any(v is None for v in values):
        return None
    return total(values)


# Every fact the prose states that a table holds too: (rule, fact key, the cells whose sum
# is the same figure per template); what the table calls it is worded by the rule
# (parsing.wording.PROSE_TABLE_WHAT). A rule appears only when the prose states its figure;
# a blank cell makes it unverifiable, never a pass.
PROSE_TABLE_RULES: tuple[tuple[str, str, dict[str, tuple[str, ...]]], ...] = (
    ("narrative.applications", "applications.received",
     {TEMPLATE_2021: ("t3.new.total",), TEMPLATE_2019: ("t3.new.total",)}),
    ("narrative.review", "review.count",
     {TEMPLATE_2021: ("t4.review.total",), TEMPLATE_2019: ("t4.review.total",)}),
    ("narrative.suit", "suit.count",
     {t: ("t4.suit_direct.total", "t4.suit_after_review.total") for t in (TEMPLATE_2021, TEMPLATE_2019)}),
    ("narrative.normative", "normative.issued",
     {TEMPLATE_2021: ("t2.normative.made",), TEMPLATE_2019: ("t2.normative.new_made",)}),
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
        return [_check("checks", CheckStatus.UNVERIFIABLE, CheckDetail(DetailCode.CRASHED))]


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
    narrative = [
        _narrative(rule, by_key.get(fact), _table_value(cells, tpl, keys))
        for rule, fact, keys in PROSE_TABLE_RULES
    ]
    checks += [check for check in narrative if check is not None]
    return checks
