"""Issue 11: the consistency checks decide on typed findings (parsing.check_details); their
Chinese is worded only in parsing.wording."""

from __future__ import annotations

import ast
import re
from pathlib import Path

import parsing.checks
from parsing.check_details import CheckDetail, CheckStatus, DetailCode, Equation
from parsing.checks import run_checks
from parsing.wording import check_detail

_CJK = re.compile(r"[\u4e00-\u9fff]")


def test_checks_module_holds_no_chinese_sentence() -> None:
    tree = ast.parse(Path(parsing.checks.__file__).read_text(encoding="utf-8"))
    docstrings = {
        id(node.body[0].value)
        for node in ast.walk(tree)
        if isinstance(node, ast.Module | ast.FunctionDef | ast.ClassDef)
        and node.body
        and isinstance(node.body[0], ast.Expr)
        and isinstance(node.body[0].value, ast.Constant)
    }
    literals = [
        node.value
        for node in ast.walk(tree)
        if isinstance(node, ast.Constant) and isinstance(node.value, str) and id(node) not in docstrings
    ]
    assert [s for s in literals if _CJK.search(s)] == []


def test_findings_are_worded_in_the_wording_module() -> None:
    eq = Equation("总计", True, (1, 2), (4,))
    assert check_detail(CheckDetail(DetailCode.FAILED, equations=(eq,), count=5)) == "总计列：1+2 ≠ 4等5处不符"
    both = Equation("予以公开", False, (3,), (1, None))
    detail = CheckDetail(DetailCode.UNVERIFIABLE, equations=(both,), count=1, passed=2)
    assert check_detail(detail) == "有空格无法核对：予以公开：3 ? 1+空（另有2处相符）"
    prose = CheckDetail(DetailCode.PROSE_TABLE, rule="narrative.review", prose=2, table_value=2.0, status=CheckStatus.PASS)
    assert check_detail(prose) == "正文 2 = 表中 2"
    blank = CheckDetail(DetailCode.PROSE_TABLE_BLANK, rule="narrative.review", prose=2)
    assert check_detail(blank) == "正文 2，表中行政复议为空"


def test_a_report_without_figures_says_which_table_is_empty() -> None:
    details = {c.rule: c.detail for c in run_checks({}, "2021", [])}
    assert details["t3.balance"] == "表三没有数值"
    assert details["t4.sums"] == "表四没有数值"
    assert details["t2.in_force"] == "表二没有数值"
