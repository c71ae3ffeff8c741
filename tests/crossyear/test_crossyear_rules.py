"""bot.core.crossyear: the pure cross-year rules on two report snapshots (issue 16, part 1)."""

from __future__ import annotations

import pytest

from bot.core.crossyear import (
    CrossRule,
    CrossStatus,
    ReportRef,
    YearReport,
    cross_year_checks,
)
from bot.core.replies import crossyear as say
from parsing.schema import TEMPLATE_2019, TEMPLATE_2021, cell_keys

AGENCY = "威海市文登区科学技术局"


def _year(year: int, template: str = TEMPLATE_2021, facts: dict[str, float] | None = None, **cells: float | None) -> YearReport:
    values: dict[str, float | None] = dict.fromkeys(cell_keys(template), 0)
    values.update({k.replace("__", "."): v for k, v in cells.items()})
    ref = ReportRef(AGENCY, year, 1, f"{year}年报.pdf", report_id=year)
    return YearReport(ref, template, values, facts or {})


def _rule(checks: list, rule: CrossRule):  # type: ignore[no-untyped-def]
    return next(c for c in checks if c.rule is rule)


def test_carry_over_matches_per_column() -> None:
    before = _year(2021, t3__carried_out__natural_person=2, t3__carried_out__total=2)
    after = _year(2022, t3__carried_in__natural_person=2, t3__carried_in__total=2)
    check = _rule(cross_year_checks(before, after), CrossRule.CARRY_OVER)
    assert check.status is CrossStatus.PASS
    assert len(check.findings) == 7 and not check.problems


def test_carry_over_mismatch_names_column_and_both_reports() -> None:
    before = _year(2021, t3__carried_out__commercial=1, t3__carried_out__total=1)
    after = _year(2022, t3__carried_in__commercial=4, t3__carried_in__total=4)
    check = _rule(cross_year_checks(before, after), CrossRule.CARRY_OVER)
    assert check.status is CrossStatus.FAIL
    assert [(f.later_key, f.expected, f.found) for f in check.problems] == [
        ("t3.carried_in.commercial", 1, 4),
        ("t3.carried_in.total", 1, 4),
    ]
    assert (check.earlier.year, check.later.year) == (2021, 2022)
    text = say.detail(check)
    assert "2021年报.pdf" in text and "2022年报.pdf" in text and "商业企业" in text


def test_carry_over_across_the_2019_and_2021_formats() -> None:
    before = _year(2020, TEMPLATE_2019, t3__carried_out__total=5, t3__carried_out__natural_person=5)
    after = _year(2021, TEMPLATE_2021, t3__carried_in__total=3, t3__carried_in__natural_person=3)
    check = _rule(cross_year_checks(before, after), CrossRule.CARRY_OVER)
    assert check.status is CrossStatus.FAIL


def test_blank_on_one_side_is_unverifiable_not_pass() -> None:
    before = _year(2021, **{f"t3__carried_out__{c}": None for c in ("natural_person", "commercial", "research", "social", "legal", "other_org", "total")})
    after = _year(2022)
    check = _rule(cross_year_checks(before, after), CrossRule.CARRY_OVER)
    assert check.status is CrossStatus.UNVERIFIABLE


def test_in_force_continuity() -> None:
    before = _year(2021, t2__normative__in_force=10)
    good = _year(2022, t2__normative__made=3, t2__normative__repealed=1, t2__normative__in_force=12)
    bad = _year(2022, t2__normative__made=3, t2__normative__repealed=1, t2__normative__in_force=15)
    assert _rule(cross_year_checks(before, good), CrossRule.IN_FORCE).status is CrossStatus.PASS
    check = _rule(cross_year_checks(before, bad), CrossRule.IN_FORCE)
    assert check.status is CrossStatus.FAIL
    assert [(f.expected, f.found, f.earlier_value) for f in check.problems] == [(12, 15, 10)]


def test_in_force_not_stated_in_the_2019_format_is_left_out() -> None:
    checks = cross_year_checks(_year(2019, TEMPLATE_2019), _year(2020, TEMPLATE_2019))
    assert CrossRule.IN_FORCE not in {c.rule for c in checks}


@pytest.mark.parametrize(
    ("before", "after", "status"),
    [(12, 340, CrossStatus.VERIFY), (600, 20, CrossStatus.VERIFY), (0, 80, CrossStatus.VERIFY),
     (3, 30, CrossStatus.PASS), (100, 400, CrossStatus.PASS)],
)
def test_jump_of_an_order_of_magnitude_asks_to_verify(before: float, after: float, status: CrossStatus) -> None:
    checks = cross_year_checks(_year(2021, t3__new__total=before), _year(2022, t3__new__total=after))
    finding = next(f for f in _rule(checks, CrossRule.JUMP).findings if f.later_key == "t3.new.total")
    assert finding.status is status


def test_jump_in_a_narrative_fact() -> None:
    checks = cross_year_checks(
        _year(2021, facts={"proactive.total": 253}), _year(2022, facts={"proactive.total": 25300})
    )
    check = _rule(checks, CrossRule.JUMP)
    assert check.status is CrossStatus.VERIFY
    assert "请核实" in say.detail(check)


def test_only_consecutive_years() -> None:
    with pytest.raises(ValueError):
        cross_year_checks(_year(2020), _year(2022))
