"""Issue 11: the layers as drawn, with no exceptions listed; Chinese sentences only in the wording modules."""

from __future__ import annotations

import ast
import tomllib
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
CONTRACTS = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["tool"]["importlinter"]["contracts"]


def test_the_layer_contract_is_the_drawn_one_and_lists_no_exceptions() -> None:
    layers = [c for c in CONTRACTS if c["type"] == "layers"]
    assert [c["layers"] for c in layers] == [["bot.main", "bot.tg | bot.cli", "bot.core", "storage", "parsing"]]
    assert not any("ignore_imports" in c for c in CONTRACTS)
    adapters = [c for c in CONTRACTS if c["type"] == "forbidden" and set(c["source_modules"]) == {"bot.tg", "bot.cli"}]
    assert adapters and {"storage", "parsing", "sqlalchemy"} <= set(adapters[0]["forbidden_modules"])


def _cjk_literals(path: Path) -> list[str]:
    tree = ast.parse(path.read_text(encoding="utf-8"))
    docstrings = {
        id(node.body[0].value)
        for node in ast.walk(tree)
        if isinstance(node, ast.Module | ast.ClassDef | ast.FunctionDef | ast.AsyncFunctionDef)
        and node.body
        and isinstance(node.body[0], ast.Expr)
        and isinstance(node.body[0].value, ast.Constant)
    }
    return [
        f"{path.relative_to(ROOT)}:{node.lineno}: {node.value!r}"
        for node in ast.walk(tree)
        if isinstance(node, ast.Constant)
        and isinstance(node.value, str)
        and id(node) not in docstrings
        and any("\u4e00" <= ch <= "\u9fff" for ch in node.value)
    ]


def test_commands_and_adapters_hold_no_chinese_sentences() -> None:
    # bot/cli/__init__.py keeps its argparse help; everything a command prints comes from bot.core.replies.
    modules = [
        *sorted((ROOT / "bot" / "cli" / "commands").glob("*.py")),
        *sorted((ROOT / "bot" / "tg" / "commands").glob("*.py")),
        *(ROOT / "bot" / name for name in ("main.py", "tg/reminders.py", "tg/uploads.py", "tg/drafts.py",
                                             "tg/errors.py", "core/reminders.py", "core/reminder_model.py",
                                             "core/local_files.py", "config.py")),
    ]  # fmt: skip
    found = [line for path in modules for line in _cjk_literals(path)]
    assert found == []


def test_the_crash_sentence_has_one_source() -> None:
    from bot.core.replies.ingest import INTERNAL_ERROR
    from parsing.error_wording import CRASH

    assert INTERNAL_ERROR is CRASH
