"""The archive benchmarks/ingest_workers.py ingests: files built from four seed reports
(000, 002, 003, 004) as PDF, HTML and TXT, a third each.

distinct (the default): file i is the report of an agency of its own — the seed's place name
(文登区, 汶上县, 临港区, 平罗县) replaced by a made-up one, numbered by i — so every file is a new
(agency, year), as in a province's archive of thousands of agencies. HTML and TXT get the name
replaced in their text; PDFs are drawn again with the tests' reportlab renderer from the seed's
blocks (~40 ms a file; LibreOffice, which made the committed fixtures, would take seconds).

versions: the committed fixtures copied as they are, each copy padded so its bytes differ: every
file after the first four is a new version of one of four (agency, year), and the workers queue
on the same rows.
"""

from __future__ import annotations

import sys
from functools import cache
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SAMPLES = ROOT / "tests" / "samples"
SEEDS = ("000", "002", "003", "004")
# The place in each seed's agency name, replaced by a made-up one of the same kind.
PLACES = {"000": ("文登区", "区"), "002": ("汶上县", "县"), "003": ("临港区", "区"), "004": ("平罗县", "县")}
# Characters of made-up place names: none of them is a unit of the administration (市, 县, 区, 局…).
_NAME_CHARS = "安宁平和兴盛东岭泉山河江林松柏桃梅竹青云星月阳光明丰乐嘉福清源德康泰昌永新"
_FORMATS = (".pdf", ".html", ".txt")


def place_name(i: int) -> str:
    """A made-up three-character place name, distinct for every i below len(_NAME_CHARS) ** 3."""
    n = len(_NAME_CHARS)
    j = (i * 7919 + 1234) % n**3  # 7919 is prime to n: a bijection that spreads neighbouring i apart
    return _NAME_CHARS[j // (n * n)] + _NAME_CHARS[j // n % n] + _NAME_CHARS[j % n]


def source(i: int) -> tuple[str, str]:
    """(seed, suffix) of file i: the same order as the versions archive, so the same mix."""
    k = i % (len(SEEDS) * len(_FORMATS))
    return SEEDS[k % len(SEEDS)], _FORMATS[k // len(SEEDS)]


def build(root: Path, n_files: int, *, distinct: bool = True) -> None:
    if n_files > len(_NAME_CHARS) ** 3:
        raise ValueError(f"at most {len(_NAME_CHARS) ** 3} distinct agencies")
    for i in range(n_files):
        seed, suffix = source(i)
        folder = root / f"batch{i // 50}"
        folder.mkdir(parents=True, exist_ok=True)
        data = _distinct(seed, suffix, i) if distinct else _version(seed, suffix, i)
        (folder / f"{i}-{seed}{suffix}").write_bytes(data)


def _version(seed: str, suffix: str, i: int) -> bytes:
    pads = {".pdf": b"\n%", ".html": b"\n<!-- -->", ".txt": b"\n"}
    path = _seed_text(seed) if suffix == ".txt" else SAMPLES / "generated" / f"{seed}{suffix}"
    return path.read_bytes() + pads[suffix] * (i + 1)


def _distinct(seed: str, suffix: str, i: int) -> bytes:
    old, kind = PLACES[seed]
    new = place_name(i) + kind
    if suffix == ".txt":
        return _seed_text(seed).read_text(encoding="utf-8").replace(old, new).encode()
    if suffix == ".html":
        raw = (SAMPLES / "generated" / f"{seed}.html").read_bytes()
        try:
            encoding, html = "utf-8", raw.decode("utf-8")
        except UnicodeDecodeError:  # 002 and 004 are served as GB18030, as sites do
            encoding, html = "gb18030", raw.decode("gb18030")
        return html.replace(old, new).encode(encoding)
    text, template, cells = _seed(seed)
    layout, pdf = _renderers()
    return bytes(pdf.render_pdf(layout.seed_blocks(text.replace(old, new), template, cells)))


def _seed_text(seed: str) -> Path:
    return next((SAMPLES / "seeds").glob(f"{seed}_*.txt"))


@cache
def _renderers():  # type: ignore[no-untyped-def]
    sys.path.insert(0, str(SAMPLES))  # the fixture modules import each other by bare name
    import fixture_layout  # type: ignore[import-not-found]
    import fixture_pdf  # type: ignore[import-not-found]

    return fixture_layout, fixture_pdf


@cache
def _seed(seed: str) -> tuple[str, str, dict[str, int | float | None]]:
    _renderers()
    import make_fixtures  # type: ignore[import-not-found]

    loaded = make_fixtures.load_seed(_seed_text(seed).stem)
    assert loaded is not None, seed
    return loaded  # type: ignore[no-any-return]
