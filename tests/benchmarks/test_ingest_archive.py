"""Issue 14: the archive benchmarks/ingest_workers.py ingests is, by default, one report an agency —
every file parses to an (agency, year) of its own, its tables read as the seed's are."""

from __future__ import annotations

from pathlib import Path

from benchmarks import ingest_archive
from parsing import parse_report

SAMPLES = Path(__file__).resolve().parents[1] / "samples"


def _parsed(path: Path) -> tuple[str | None, int | None, dict[str, object]]:
    report = parse_report(path.read_bytes(), path.name).to_json_dict()
    return report["agency"], report["year"], report["cells"]


def test_every_file_is_an_agency_and_year_of_its_own(tmp_path: Path) -> None:
    ingest_archive.build(tmp_path, 24)  # each seed in each format twice
    files = sorted(tmp_path.rglob("*.*"), key=lambda p: int(p.name.split("-")[0]))
    assert [p.suffix for p in files].count(".pdf") == [p.suffix for p in files].count(".txt") == 8
    seen = set()
    for path in files:
        agency, year, cells = _parsed(path)
        seed, suffix = ingest_archive.source(int(path.name.split("-")[0]))
        place = ingest_archive.place_name(int(path.name.split("-")[0]))
        assert agency is not None and place in agency, (path.name, agency)
        assert (agency, year) not in seen, path.name
        seen.add((agency, year))
        # The tables read as in the committed fixture of the same seed and format.
        fixture = (
            SAMPLES / "generated" / f"{seed}{suffix}"
            if suffix != ".txt"
            else next((SAMPLES / "seeds").glob(f"{seed}_*.txt"))
        )
        assert len(cells) >= 190 and cells == _parsed(fixture)[2], path.name


def test_place_names_are_distinct_for_a_large_archive() -> None:
    assert len({ingest_archive.place_name(i) for i in range(20_000)}) == 20_000


def test_versions_archive_is_four_reports_padded(tmp_path: Path) -> None:
    ingest_archive.build(tmp_path, 24, distinct=False)
    agencies = {_parsed(path)[:2] for path in tmp_path.rglob("*.*")}
    assert len(agencies) == 4
