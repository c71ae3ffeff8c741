"""Issue 12 item 4: every figure the prose states that a table holds too is checked against
the table (收到申请 vs 表三 新收, 复议/诉讼 vs 表四, 规范性文件 vs 表二), and a rule that could
not be checked is reported as such, never as passed."""

from __future__ import annotations

import pytest

from parsing.checks import PROSE_TABLE_RULES, run_checks
from parsing.model import Check, CheckStatus, Fact
from parsing.schema import TEMPLATE_2019, TEMPLATE_2021, cell_keys


def _fact(key: str, value: int) -> Fact:
    return Fact(key=key, value=value, unit="件", source=f"{key} {value}")


def _rule(checks: list[Check], rule: str) -> Check | None:
    return next((c for c in checks if c.rule == rule), None)


CASES = [
    # template, fact, cells, rule, status
    (TEMPLATE_2021, _fact("normative.issued", 2), {"t2.normative.made": 2}, "narrative.normative", "pass"),
    (TEMPLATE_2021, _fact("normative.issued", 3), {"t2.normative.made": 2}, "narrative.normative", "fail"),
    (
        TEMPLATE_2021,
        _fact("normative.issued", 2),
        {"t2.normative.made": None},
        "narrative.normative",
        "unverifiable",
    ),
    (
        TEMPLATE_2019,
        _fact("normative.issued", 4),
        {"t2.normative.new_made": 4},
        "narrative.normative",
        "pass",
    ),
    (
        TEMPLATE_2021,
        _fact("applications.received", 14),
        {"t3.new.total": 14},
        "narrative.applications",
        "pass",
    ),
    (TEMPLATE_2021, _fact("applications.received", 0), {"t3.new.total": 1}, "narrative.applications", "fail"),
    (TEMPLATE_2021, _fact("review.count", 1), {"t4.review.total": 1}, "narrative.review", "pass"),
    (TEMPLATE_2021, _fact("review.count", 1), {"t4.review.total": None}, "narrative.review", "unverifiable"),
    (
        TEMPLATE_2021,
        _fact("suit.count", 2),
        {"t4.suit_direct.total": 1, "t4.suit_after_review.total": 1},
        "narrative.suit",
        "pass",
    ),
    (
        TEMPLATE_2021,
        _fact("suit.count", 2),
        {"t4.suit_direct.total": 2, "t4.suit_after_review.total": None},
        "narrative.suit",
        "unverifiable",
    ),
]


@pytest.mark.parametrize(("template", "fact", "given", "rule", "status"), CASES)
def test_prose_figure_against_its_table(
    template: str, fact: Fact, given: dict[str, int | None], rule: str, status: str
) -> None:
    cells: dict[str, int | float | None] = dict.fromkeys(cell_keys(template), 0)
    cells.update(given)
    check = _rule(run_checks(cells, template, [fact]), rule)
    assert check is not None and check.status == status
    assert check.status is CheckStatus(status)
    assert check.ok is {"pass": True, "fail": False}.get(status)


def test_every_prose_table_rule_appears_only_when_the_prose_states_its_figure() -> None:
    cells: dict[str, int | float | None] = dict.fromkeys(cell_keys(TEMPLATE_2021), 0)
    assert not [c for c in run_checks(cells, TEMPLATE_2021, []) if c.rule.startswith("narrative.")]
    facts = [_fact(fact_key, 0) for _, fact_key, _ in PROSE_TABLE_RULES]
    rules = {c.rule: c.status for c in run_checks(cells, TEMPLATE_2021, facts)}
    assert {rule: rules.get(rule) for rule, *_ in PROSE_TABLE_RULES} == dict.fromkeys(
        [rule for rule, *_ in PROSE_TABLE_RULES], CheckStatus.PASS
    )


def test_without_tables_a_prose_figure_is_unverifiable_never_passed() -> None:
    facts = [_fact(fact_key, 1) for _, fact_key, _ in PROSE_TABLE_RULES]
    checks = run_checks(dict.fromkeys(cell_keys(TEMPLATE_2021)), TEMPLATE_2021, facts)
    assert all(c.status is not CheckStatus.PASS for c in checks if c.rule != "t3.other_sum"), checks


def test_the_first_statement_of_a_figure_is_the_one_checked() -> None:
    cells: dict[str, int | float | None] = dict.fromkeys(cell_keys(TEMPLATE_2021), 0)
    cells["t3.new.total"] = 5
    facts = [_fact("applications.received", 5), _fact("applications.received", 7)]
    check = _rule(run_checks(cells, TEMPLATE_2021, facts), "narrative.applications")
    assert check is not None and check.status is CheckStatus.PASS


def test_a_status_read_back_as_text_is_typed() -> None:
    assert Check("t3.balance", "unverifiable", "").status is CheckStatus.UNVERIFIABLE  # type: ignore[arg-type]
    assert Check("t3.balance", CheckStatus.PASS, "").to_json_dict()["status"] == "pass"
