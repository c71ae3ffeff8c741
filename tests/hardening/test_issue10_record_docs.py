"""Issue 10, item 17: the record format is documented in the repository itself, and the README
and `parse --help` point there, not to ../shared/SCHEMA.md (which users do not have)."""

from __future__ import annotations

import pytest

from bot.main import main
from parsing.schema import FACTS, T3_COLUMNS, T4_COLUMNS, T4_GROUPS, all_cell_keys, t3_rows
from parsing.warnings import WarningCode
from tests.hardening.support import ROOT

RECORD = ROOT / "docs" / "record.md"


def test_record_doc_names_every_key() -> None:
    text = RECORD.read_text(encoding="utf-8")
    for key in ["agency", "year", "template", "published_on", "cells", "facts", "checks", "warnings",
                "title", "cell_sources", "provenance", "status", "warning_codes", "ocr", "confidence",
                "qualifier"]:
        assert f'"{key}"' in text or f"`{key}`" in text or f"[].{key}`" in text, key
    for key in all_cell_keys():
        table, group, column = key.split(".")
        if table == "t2":  # written `t2.rules.made` / `.repealed` / `.in_force`
            assert f"`{key}`" in text or (f"`t2.{group}." in text and f"`.{column}`" in text), key
    for row in t3_rows("2021") | t3_rows("2019"):
        assert f"`{row}`" in text, row
    for name in [*T3_COLUMNS, *T4_GROUPS, *T4_COLUMNS, *FACTS]:
        assert f"`{name}`" in text, name
    for code in WarningCode:
        assert f"`{code.value}`" in text, code


def test_readme_and_help_point_to_the_repository_doc(capsys: pytest.CaptureFixture[str]) -> None:
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    assert "../shared/SCHEMA.md" not in readme
    assert "docs/record.md" in readme
    with pytest.raises(SystemExit):
        main(["parse", "--help"])
    out = capsys.readouterr().out
    assert "docs/record.md" in out and "SCHEMA.md" not in out
