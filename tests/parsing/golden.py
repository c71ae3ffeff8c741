"""Hand-checked truth of the seed reports (tests/parsing/golden/<stem>.json) and its assertion.

Shared by every format's golden tests: the text seeds and the DOCX/PDF/HTML fixtures built
from them must all parse to the same record. Import with `from golden import ...` (this
directory has no __init__.py, pytest puts it on sys.path).
"""

from __future__ import annotations

import json
import re
from pathlib import Path
from typing import Any

from parsing.model import Report
from parsing.wording import warning_text

GOLDEN_DIR = Path(__file__).parent / "golden"
SEEDS_DIR = Path(__file__).parents[1] / "samples" / "seeds"
_SPACES = re.compile(r"\s+")


def golden_stems() -> list[str]:
    return sorted(p.stem for p in GOLDEN_DIR.glob("*.json"))


def load_golden(stem: str) -> dict[str, Any]:
    """The truth for one seed, by the seed's file stem (e.g. "000_32627ba4512e0993")."""
    with (GOLDEN_DIR / f"{stem}.json").open(encoding="utf-8") as f:
        golden: dict[str, Any] = json.load(f)
    return golden


def seed_path(stem: str) -> Path:
    return SEEDS_DIR / f"{stem}.txt"


def report_mismatches(report: Report, golden: dict[str, Any]) -> list[str]:
    """Every difference between a parsed report and the truth, as readable lines."""
    problems: list[str] = []
    for field in ("agency", "year", "template"):
        if getattr(report, field) != golden[field]:
            problems.append(f"{field}: got {getattr(report, field)!r}, want {golden[field]!r}")
    published = report.published_on.isoformat() if report.published_on else None
    if published != golden["published_on"]:
        problems.append(f"published_on: got {published!r}, want {golden['published_on']!r}")

    cells = dict(report.cells)
    want_cells: dict[str, Any] = golden["cells"]
    if set(cells) != set(want_cells):
        extra, missing = sorted(set(cells) - set(want_cells)), sorted(set(want_cells) - set(cells))
        problems.append(f"cell keys differ: extra {extra[:5]}, missing {missing[:5]}")
    for key, want in want_cells.items():
        got = cells.get(key)
        if (got is None) != (want is None) or (want is not None and got != want):
            problems.append(f"cell {key}: got {got!r}, want {want!r}")
        elif got is not None:
            source = report.cell_sources.get(key)
            if source is None or source.raw is None:
                problems.append(f"cell {key}: no provenance")

    facts = {f.key: f for f in report.facts}
    want_facts: dict[str, Any] = golden["facts"]
    if set(facts) != set(want_facts):
        problems.append(f"fact keys: got {sorted(facts)}, want {sorted(want_facts)}")
    for key, want in want_facts.items():
        fact = facts.get(key)
        if fact is not None and fact.value != want:
            problems.append(f"fact {key}: got {fact.value!r} ({fact.source}), want {want!r}")
    for key, phrase in golden.get("fact_sources", {}).items():
        fact = facts.get(key)
        if fact is not None and _SPACES.sub("", phrase) not in _SPACES.sub("", fact.source):
            problems.append(f"fact {key}: source {fact.source!r} lacks {phrase!r}")

    checks = {c.rule: c for c in report.checks}
    want_checks: dict[str, str] = golden["checks"]
    if set(checks) != set(want_checks):
        problems.append(f"check rules: got {sorted(checks)}, want {sorted(want_checks)}")
    for rule, want in want_checks.items():
        check = checks.get(rule)
        if check is not None and check.status != want:
            problems.append(f"check {rule}: got {check.status} ({check.detail}), want {want}")

    for phrase in golden.get("warnings_contain", []):
        if not any(phrase in warning_text(w) for w in report.warnings):
            problems.append(f"no warning containing {phrase!r} in {list(report.warnings)}")
    return problems


def assert_matches_golden(report: Report, golden: dict[str, Any]) -> None:
    problems = report_mismatches(report, golden)
    assert not problems, f"{golden.get('seed')}: {len(problems)} mismatches:\n" + "\n".join(problems[:60])
