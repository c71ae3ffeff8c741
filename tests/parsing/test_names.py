"""parsing.names: one home of agency-name text rules (issue 11)."""

from __future__ import annotations

import subprocess
import sys

import pytest

from parsing.names import ABBREVIATIONS, abbreviate, clean_name, match_key, name_key, simplify


@pytest.mark.parametrize(("long", "short"), ABBREVIATIONS)
def test_every_alias_abbreviation_matches_its_long_form(long: str, short: str) -> None:
    assert match_key(f"文登区{long}局") == match_key(f"文登区{short}局")


def test_stored_form_keeps_punctuation_comparison_form_drops_it() -> None:
    assert clean_name(" 威海市 （文登区）科学技术局 ") == "威海市(文登区)科学技术局"
    assert name_key("威海市（文登區）科学技术局") == "威海市文登区科学技术局"
    assert simplify("文登區 科學") == "文登区 科学"


def test_abbreviate_longest_first() -> None:
    assert abbreviate("威海市人民政府办公室") == "威海市政府办"


def test_names_pull_in_no_database() -> None:
    code = "import sys, parsing.names; print('sqlalchemy' in sys.modules)"
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "False"
