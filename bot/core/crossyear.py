"""Checks across years: one agency's report on a year against its report on the year before.

`cross_year_checks(earlier, later)` is pure: two report snapshots in, typed results out. Loading
the neighbours from the database and storing the results is the caller's job (ingest, the draft
checker); the wording lives in bot.core.replies.crossyear.

Rules (both the 2019 and the 2021 format):
- CARRY_OVER: this year's 上年结转 equals last year's 结转下年度继续办理, per applicant column
  where both reports print it.
- IN_FORCE: 表二 现行有效 = last year's 现行有效 + 本年制发 − 本年废止 (2021 format columns, where
  all four numbers are printed).
- JUMP: a headline figure changed by an order of magnitude or more: "please verify", not an error.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from enum import StrEnum

from parsing.model import Number
from parsing.schema import T3_COLUMNS

# A figure that moved at least this many times up or down is worth a second look...
JUMP_FACTOR = 10
# ...when the larger of the two is at least this (3 -> 30 requests is a plausible year).
JUMP_FLOOR = 50


class CrossRule(StrEnum):
    CARRY_OVER = "cross.carry_over"
    IN_FORCE = "cross.in_force"
    JUMP = "cross.jump"


class CrossStatus(StrEnum):
    PASS = "pass"
    FAIL = "fail"
    VERIFY = "verify"  # not wrong for sure: please verify
    UNVERIFIABLE = "unverifiable"  # a number needed is blank in one of the reports


@dataclass(frozen=True)
class ReportRef:
    """Which report: a stored one (report_id) or a draft (report_id None)."""

    agency: str
    year: int
    version: int | None = None
    filename: str | None = None
    report_id: int | None = None

    @property
    def is_draft(self) -> bool:
        return self.report_id is None


@dataclass(frozen=True)
class YearReport:
    """What the rules read of one report."""

    ref: ReportRef
    template: str | None
    cells: Mapping[str, Number | None]
    facts: Mapping[str, Number]


@dataclass(frozen=True)
class Finding:
    """One compared pair: `later_key` in the later report against `earlier_key` in the earlier one.

    `expected` is what the later report should print given the earlier one (for IN_FORCE: the
    earlier 现行有效 plus this year's 制发 minus 废止); `found` is what it prints.
    """

    later_key: str
    earlier_key: str
    expected: Number | None
    found: Number | None
    status: CrossStatus
    earlier_value: Number | None = None  # what the earlier report prints under earlier_key


@dataclass(frozen=True)
class CrossCheck:
    rule: CrossRule
    status: CrossStatus
    earlier: ReportRef
    later: ReportRef
    findings: tuple[Finding, ...] = ()

    @property
    def problems(self) -> tuple[Finding, ...]:
        return tuple(f for f in self.findings if f.status in (CrossStatus.FAIL, CrossStatus.VERIFY))


# Headline figures compared for jumps: cells of both formats, then narrative facts.
JUMP_CELLS = (
    "t3.new.total",
    "t3.handled_total.total",
    "t2.licensing.decisions",
    "t2.punishment.decisions",
    "t2.coercion.decisions",
    "t4.review.total",
)
JUMP_FACTS = ("proactive.total",)
IN_FORCE_ITEMS = ("rules", "normative")


def _same(a: Number, b: Number) -> bool:
    return abs(float(a) - float(b)) < 1e-9


def _aggregate(
    rule: CrossRule, earlier: YearReport, later: YearReport, findings: list[Finding]
) -> CrossCheck:
    statuses = {f.status for f in findings}
    for status in (CrossStatus.FAIL, CrossStatus.VERIFY, CrossStatus.PASS):
        if status in statuses:
            break
    else:
        status = CrossStatus.UNVERIFIABLE
    return CrossCheck(rule, status, earlier.ref, later.ref, tuple(findings))


def carry_over(earlier: YearReport, later: YearReport) -> CrossCheck:
    findings = []
    for column in T3_COLUMNS:
        before = earlier.cells.get(f"t3.carried_out.{column}")
        now = later.cells.get(f"t3.carried_in.{column}")
        if before is None and now is None:
            continue
        if before is None or now is None:
            status = CrossStatus.UNVERIFIABLE
        else:
            status = CrossStatus.PASS if _same(before, now) else CrossStatus.FAIL
        findings.append(
            Finding(f"t3.carried_in.{column}", f"t3.carried_out.{column}", before, now, status, before)
        )
    return _aggregate(CrossRule.CARRY_OVER, earlier, later, findings)


def in_force(earlier: YearReport, later: YearReport) -> CrossCheck:
    findings = []
    for item in IN_FORCE_ITEMS:
        before = earlier.cells.get(f"t2.{item}.in_force")
        made = later.cells.get(f"t2.{item}.made")
        repealed = later.cells.get(f"t2.{item}.repealed")
        now = later.cells.get(f"t2.{item}.in_force")
        if before is None or made is None or repealed is None or now is None:
            # The 2019 format prints no 现行有效; a blank is not stated: nothing to compare.
            continue
        expected = before + made - repealed
        status = CrossStatus.PASS if _same(expected, now) else CrossStatus.FAIL
        findings.append(Finding(f"t2.{item}.in_force", f"t2.{item}.in_force", expected, now, status, before))
    return _aggregate(CrossRule.IN_FORCE, earlier, later, findings)


def _is_jump(before: Number, now: Number) -> bool:
    low, high = sorted((abs(float(before)), abs(float(now))))
    return high >= JUMP_FLOOR and high >= JUMP_FACTOR * max(low, 1.0)


def jumps(earlier: YearReport, later: YearReport) -> CrossCheck:
    findings = []
    pairs = [(earlier.cells.get(k), later.cells.get(k), k) for k in JUMP_CELLS]
    pairs += [(earlier.facts.get(k), later.facts.get(k), k) for k in JUMP_FACTS]
    for before, now, key in pairs:
        if before is None or now is None:
            continue
        status = CrossStatus.VERIFY if _is_jump(before, now) else CrossStatus.PASS
        findings.append(Finding(key, key, before, now, status, before))
    return _aggregate(CrossRule.JUMP, earlier, later, findings)


def cross_year_checks(earlier: YearReport, later: YearReport) -> list[CrossCheck]:
    """Every cross-year rule for two reports of one agency on consecutive years. Never raises on data.

    A rule with nothing to compare (no 表三 in either, a 2019-format pair for IN_FORCE) is left out.
    """
    if later.ref.year != earlier.ref.year + 1:
        raise ValueError("cross-year checks compare consecutive years")
    checks = [carry_over(earlier, later), in_force(earlier, later), jumps(earlier, later)]
    return [c for c in checks if c.findings]
