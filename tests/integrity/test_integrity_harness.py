"""Issue 10, items 1 and 2: a few trials of the harness in the normal suite (benchmarks/integrity.py runs all)."""

from __future__ import annotations

from pathlib import Path

from tests.integrity.harness import count_upgrade_statements, ingest_round, report_set, upgrade_trial


def test_db_upgrade_killed_at_a_statement_is_completed_by_the_next_upgrade(tmp_path: Path) -> None:
    total = count_upgrade_statements(tmp_path / "count")
    assert total > 10
    # First CREATE TABLE, one in the middle, the last before COMMIT (the full sweep: benchmarks/integrity.py).
    for n in sorted({2, total // 2, total}):
        trial = upgrade_trial(tmp_path / f"kill-{n}", n)
        assert trial.ok, str(trial)


def test_four_concurrent_ingests_store_every_file_once(db_url: str, tmp_path: Path) -> None:
    """Four `nianbao ingest` of one set (three versions of two reports among them) at once."""
    result = ingest_round(db_url, tmp_path, report_set())
    assert result.ok, str(result)
