"""Meta accuracy (agency, year, published_on) on the real-page meta corpus (issue 12 item 3).

    .venv/bin/python benchmarks/meta.py [--errors]

Prints, per split, the accuracy of each field over tests/parsing/meta_corpus/pages.jsonl.
`meta_lines(split)` returns the same lines for other benchmarks (benchmarks/narrative.py).
Target: >= 0.99 for each field on the test split.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from tests.parsing.meta_corpus.corpus import FIELDS, SPLITS, score  # noqa: E402


def meta_lines(split: str, *, errors: bool = False) -> list[str]:
    result = score(split)
    lines = [
        f"meta {split}: {result.pages} pages  "
        + "  ".join(f"{field} {result.accuracy(field):.3f}" for field in FIELDS)
    ]
    if errors:
        lines += [f"  {page} {field}: got {got!r}, want {want!r}" for page, field, got, want in result.errors]
    return lines


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--errors", action="store_true", help="list every page read wrong")
    parser.add_argument("--split", choices=SPLITS, help="one split only")
    args = parser.parse_args()
    for split in [args.split] if args.split else SPLITS:
        print("\n".join(meta_lines(split, errors=args.errors)))


if __name__ == "__main__":
    main()
