"""Add annotated reports to the corpus: `python tests/parsing/narrative_corpus/add.py < new.jsonl`.

Input lines: {"u": url, "k": kind, "y": year, "t": text, "f": {key: value | [value, unit] |
[value, unit, qualifier]}}. Each goes to dev or test by a hash of its URL (60/40, fixed once);
each fact's sentence is the one stating it (the extractor's when it agrees, else found by
its figure); keys not annotated are recorded as absent.
"""

from __future__ import annotations

import hashlib
import json
import re
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[3]
sys.path.insert(0, str(ROOT))

from parsing.extract.text import document_from_text  # noqa: E402
from parsing.narrative import read_narrative  # noqa: E402
from parsing.vocabulary import FACTS  # noqa: E402

HERE = Path(__file__).resolve().parent
# The collection round of the reports added now (see corpus.py).
ROUND = 35
_SENTENCES = re.compile(r"[^。！？\n]+[。！？]?")


def split_of(url: str) -> str:
    return "dev" if hashlib.sha1(url.encode()).digest()[0] % 10 < 6 else "test"


def _sentence(text: str, value: object, drafted: str | None) -> str:
    if drafted:
        return drafted
    # The figure as a whole number: 34 is not the 34 inside 12345.
    figure = re.compile(rf"(?<![\d.]){re.escape(str(value))}(?![\d.])")
    for sentence in _SENTENCES.findall(text):
        if figure.search(sentence):
            return sentence.strip()
    return ""


def convert(row: dict) -> dict:
    text = row["t"]
    drafted = {f.key: f for f in read_narrative(document_from_text(text).blocks, year=row["y"]).facts}
    facts = []
    for key, spec in row["f"].items():
        value, unit, qualifier = ([*spec, None, None])[:3] if isinstance(spec, list) else (spec, None, None)
        draft = drafted.get(key)
        agreed = draft.source if draft is not None and draft.value == value else None
        fact = {"key": key, "value": value, "unit": unit or FACTS[key][1], "sentence": _sentence(text, value, agreed)}
        if qualifier:
            fact["qualifier"] = qualifier
        facts.append(fact)
    absent = [key for key in FACTS if key not in row["f"]]
    return {
        "url": row["u"],
        "kind": row["k"],
        "year": row["y"],
        "text": text,
        "facts": facts,
        "absent": absent,
        "round": ROUND,
    }


def main() -> None:
    existing = {json.loads(line)["url"] for split in ("dev", "test") if (HERE / f"{split}.jsonl").exists()
                for line in (HERE / f"{split}.jsonl").read_text(encoding="utf-8").splitlines()}
    for line in sys.stdin:
        if not line.strip():
            continue
        row = json.loads(line)
        if row["u"] in existing:
            continue
        existing.add(row["u"])
        with (HERE / f"{split_of(row['u'])}.jsonl").open("a", encoding="utf-8") as out:
            out.write(json.dumps(convert(row), ensure_ascii=False) + "\n")


if __name__ == "__main__":
    main()
