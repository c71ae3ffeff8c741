"""The meta corpus: openings of real report pages (title, page dates, introduction, the first lines
of 一、总体情况) with what a careful reader takes from them — agency, year, published_on.

pages.jsonl, one page a line: id, url (where the page was published), text, agency (the full name
as the report prints it, with its region; null when the text gives none), agency_also (other
spellings a reader would accept), year (the year reported on), published_on (the date the page
or report gives as its publication — 发布日期/发布时间/日期/时间/信息提供日期/公开日期 or a closing
date; null when none is given), split (dev | test, fixed once: id number divisible by 3 -> test;
never tune on test). Pages in traditional characters (mirror sites) were left out.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import Any

from parsing.extract.text import document_from_text
from parsing.header import Header, read_header

PAGES = Path(__file__).with_name("pages.jsonl")
FIELDS = ("agency", "year", "published_on")
SPLITS = ("dev", "test")


def load(split: str | None = None) -> list[dict[str, Any]]:
    rows = [json.loads(line) for line in PAGES.read_text(encoding="utf-8").splitlines() if line.strip()]
    return [r for r in rows if split is None or r["split"] == split]


def read(row: dict[str, Any]) -> Header:
    """The parser's reading of one page, as `nianbao parse` reads a saved page's text."""
    document = document_from_text(row["text"])
    return read_header(list(document.paragraphs), filename="年报.txt", caption=None)


def mismatches(row: dict[str, Any], header: Header) -> dict[str, tuple[Any, Any]]:
    """field -> (got, want) for every field the parser got wrong."""
    got: dict[str, Any] = {
        "agency": header.agency,
        "year": header.year,
        "published_on": header.published_on.isoformat() if isinstance(header.published_on, date) else None,
    }
    out: dict[str, tuple[Any, Any]] = {}
    agencies = {row["agency"], *row.get("agency_also", [])}
    if got["agency"] not in agencies or (row["agency"] is None and got["agency"] is not None):
        out["agency"] = (got["agency"], row["agency"])
    for field in ("year", "published_on"):
        if got[field] != row[field]:
            out[field] = (got[field], row[field])
    return out


@dataclass(frozen=True)
class MetaScore:
    split: str
    pages: int
    correct: dict[str, int]  # field -> pages read right
    errors: list[tuple[str, str, Any, Any]]  # (page id, field, got, want)

    def accuracy(self, field: str) -> float:
        return self.correct[field] / self.pages if self.pages else 0.0


def score(split: str) -> MetaScore:
    rows = load(split)
    correct = dict.fromkeys(FIELDS, 0)
    errors: list[tuple[str, str, Any, Any]] = []
    for row in rows:
        wrong = mismatches(row, read(row))
        for field in FIELDS:
            if field in wrong:
                errors.append((row["id"], field, *wrong[field]))
            else:
                correct[field] += 1
    return MetaScore(split, len(rows), correct, errors)
