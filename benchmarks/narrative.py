"""Precision and recall of the prose reader per fact key, on the narrative corpus.

    .venv/bin/python benchmarks/narrative.py [--split test|dev|all] [--errors]
        [--since-round N] [--until-round N]

The corpus is tests/parsing/narrative_corpus (real 总体情况 prose, hand-annotated, split once
into dev and test by a hash of the URL). Tune on dev; the test split is the figure to quote.
Targets (issue 12): recall >= 0.97, precision >= 0.99 for proactive.total, proactive.website,
proactive.new_media, applications.received; >= 0.95 / 0.99 for every other key.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from tests.parsing.narrative_corpus.corpus import SPLITS, load, score  # noqa: E402

MAIN_KEYS = ("proactive.total", "proactive.website", "proactive.new_media", "applications.received")


def report(split: str, show_errors: bool, since_round: int = 1, until_round: int | None = None) -> None:
    entries = [
        e
        for s in (SPLITS if split == "all" else (split,))
        for e in load(s)
        if e.round >= since_round and (until_round is None or e.round <= until_round)
    ]
    scores = score(entries)
    bounds = ([f">= {since_round}"] if since_round > 1 else []) + (
        [f"<= {until_round}"] if until_round else []
    )
    rounds = f" (rounds {', '.join(bounds)})" if bounds else ""
    print(f"== {split}{rounds}: {len(entries)} reports, {sum(len(e.facts) for e in entries)} stated facts")
    print(
        f"{'key':24} {'stated':>6} {'right':>5} {'wrong':>5} {'invent':>6} {'recall':>7} {'precis':>7}  target"
    )
    for key, s in scores.items():
        target = (0.97, 0.99) if key in MAIN_KEYS else (0.95, 0.99)
        ok = s.recall >= target[0] and s.precision >= target[1]
        print(
            f"{key:24} {s.stated:6} {s.right:5} {s.wrong:5} {s.invented:6} {s.recall:7.3f} {s.precision:7.3f}"
            f"  {'ok' if ok else 'MISSED'} ({target[0]}/{target[1]})"
        )
        if show_errors:
            for line in s.errors + [f"missed {m}" for m in s.misses]:
                print(f"    {line}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--split", choices=("test", "dev", "all"), default="test")
    parser.add_argument("--errors", action="store_true", help="list every wrong, invented and missed fact")
    parser.add_argument("--since-round", type=int, default=1, help="only reports of this collection round on")
    parser.add_argument("--until-round", type=int, help="only reports of this collection round or before")
    parser.add_argument("--no-meta", action="store_true", help="leave out meta accuracy")
    args = parser.parse_args()
    report(args.split, args.errors, args.since_round, args.until_round)
    if args.no_meta:
        return
    # Meta (agency, year, published_on) on the real-page meta corpus: benchmarks/meta.py.
    from benchmarks.meta import meta_lines

    for split in ("dev", "test") if args.split == "all" else (args.split,):
        print("\n".join(meta_lines(split, errors=args.errors)))


if __name__ == "__main__":
    main()
