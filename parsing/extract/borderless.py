"""Tables without ruling lines, rebuilt from the positions of their glyphs.

The glyphs come from a PDF's text layer or from OCR of a scanned page (each OCR text box
is one glyph run with its confidence); from here on both are read the same way:
glyphs -> visual lines -> words -> column starts -> rows of cells.
"""

from __future__ import annotations

import itertools
import re
import statistics
from collections.abc import Iterable, Mapping
from dataclasses import dataclass

from parsing.extract.base import Row
from parsing.extract.layout import Table


@dataclass(frozen=True)
class Glyph:
    """One character (text layer) or one recognised run of characters (OCR)."""

    text: str
    x0: float
    x1: float
    top: float  # distance from the top of the page
    bottom: float
    confidence: float | None = None


@dataclass
class Word:
    x0: float
    x1: float
    text: str
    confidence: float | None = None


@dataclass
class GlyphLine:
    top: float
    bottom: float
    words: list[Word]

    @property
    def x0(self) -> float:
        return self.words[0].x0

    @property
    def x1(self) -> float:
        return max(w.x1 for w in self.words)


def _lower(a: float | None, b: float | None) -> float | None:
    if a is None:
        return b
    return a if b is None else min(a, b)


def glyph_lines(glyphs: Iterable[Glyph], *, word_gap: float = 0.5) -> list[GlyphLine]:
    """Glyphs -> visual lines (by vertical overlap) -> words (split at gaps wider than
    `word_gap` glyph heights)."""
    lines: list[tuple[float, float, list[Glyph]]] = []
    for glyph in sorted(glyphs, key=lambda g: (g.top, g.x0)):
        middle = (glyph.top + glyph.bottom) / 2
        if lines and lines[-1][0] <= middle <= lines[-1][1]:
            lines[-1][2].append(glyph)
        else:
            lines.append((glyph.top, glyph.bottom, [glyph]))
    out: list[GlyphLine] = []
    for top, bottom, members in lines:
        members.sort(key=lambda g: g.x0)
        size = max(bottom - top, 1.0)
        words: list[Word] = []
        for glyph in members:
            if words and glyph.x0 - words[-1].x1 <= size * word_gap:
                word = words[-1]
                word.x1 = max(word.x1, glyph.x1)
                word.text += glyph.text
                word.confidence = _lower(word.confidence, glyph.confidence)
            else:
                words.append(Word(glyph.x0, glyph.x1, glyph.text, glyph.confidence))
        out.append(GlyphLine(top, max(g.bottom for g in members), words))
    return out


def borderless_tables(
    lines: Mapping[int, list[GlyphLine]], rules: Mapping[int, list[float]] | None = None
) -> dict[int, list[Table]]:
    """Tables of the given pages (page number -> its lines, top to bottom).

    `rules` are the heights of horizontal ruling lines per page, where known (a scanned
    ruled table: the rules are in the image, not in a text layer); a rule between two
    lines always starts a new row.

    A page is cut at section titles ("四、政府信息公开行政复议、行政诉讼情况") first, so two
    tables on one page never share a column grid. The part of a table continued at the
    top of the next page takes the column starts of the part before: its rows may fill
    only some columns (a report with figures only under 总计), and each figure must stay
    in the column it is printed in.
    """
    found: dict[int, list[Table]] = {}
    previous: list[float] = []  # column starts of a table running off the foot of the page before
    for number, page_lines in lines.items():
        segments = _split_at_titles(page_lines)
        page_tables: list[Table] = []
        ends_in_table = False
        for k, segment in enumerate(segments):
            carried = previous if k == 0 else []
            region = _table_region(segment, at_least=1 if carried else 3)
            ends_in_table = False
            if region is None:
                continue
            rows, line_pitch, size = region
            tolerance = size * 0.3
            if carried and _continues(rows, carried, tolerance):
                starts = _continued_starts(rows, carried, tolerance)
            elif len(_multi_word(rows)) >= 3:
                starts = _column_starts(rows, tolerance=tolerance)
            else:
                continue
            if len(starts) >= 2:
                page_rules = (rules or {}).get(number, [])
                page_tables.append(_borderless_grid(rows, line_pitch, starts, size, page_rules))
                ends_in_table = k == len(segments) - 1
        if page_tables:
            found[number] = page_tables
        previous = list(page_tables[-1].columns) if ends_in_table and number + 1 in lines else []
    return found


# A section title between the tables: "三、收到和处理政府信息公开申请情况".
_SECTION_TITLE = re.compile(r"^[一二三四五六七八九十]+、\S*情况$")
_ROW_LABEL = re.compile(r"^(?:[（(][一二三四五六七八九十]+[）)]|[一二三四五六七八九十]+、|\d{1,2}[.．、])")
_NUMERIC = re.compile(r"^[\d０-９.,，．/／—–\-]+$")


def _split_at_titles(lines: list[GlyphLine]) -> list[list[GlyphLine]]:
    """The page's lines cut at section titles (the titles themselves are left out)."""
    segments: list[list[GlyphLine]] = [[]]
    for line in lines:
        if len(line.words) == 1 and _SECTION_TITLE.match(line.words[0].text):
            segments.append([])
        else:
            segments[-1].append(line)
    return [segment for segment in segments if segment]


def _multi_word(lines: list[GlyphLine]) -> list[GlyphLine]:
    return [line for line in lines if len(line.words) >= 2]


def _label_words(line: GlyphLine) -> list[Word]:
    """The words before the line's first figure: its row label."""
    label: list[Word] = []
    for word in line.words:
        if _NUMERIC.match(word.text):
            break
        label.append(word)
    return label


def _first_value_column(rows: list[GlyphLine], starts: list[float], tolerance: float) -> int:
    """Index of the first carried column right of every row label of the continuation."""
    right = max((w.x0 for line in rows for w in _label_words(line)), default=starts[0])
    return next((i for i, x in enumerate(starts) if i >= 1 and x > right + tolerance), len(starts))


def _continues(rows: list[GlyphLine], starts: list[float], tolerance: float) -> bool:
    """Headerless rows with figures, every word from a row's first figure on standing at one
    of the value columns' starts. Row labels may stand anywhere left of the value columns: a
    continuation often prints them in sub-columns of its own (table 3's "（三）不予公开 |
    1.属于国家秘密"), which the part before, showing only the top rows, never had, and a
    skewed scan puts them a little off the first part's label columns."""
    multi = _multi_word(rows)
    values = starts[_first_value_column(rows, starts, tolerance) :]
    return (
        bool(multi)
        and bool(values)
        and _has_figures(rows[0].words[1:])
        and all(
            any(abs(w.x0 - x) <= tolerance for x in values)
            for line in multi
            for w in line.words[len(_label_words(line)) :]
        )
    )


def _continued_starts(rows: list[GlyphLine], starts: list[float], tolerance: float) -> list[float]:
    """A continuation's columns: its own label sub-columns where its labels share some, else
    the carried label columns; then the carried value columns."""
    first = _first_value_column(rows, starts, tolerance)
    found = _shared_edges([w.x0 for line in rows for w in _label_words(line)], tolerance)
    if not found:
        return starts
    labels = found if found[0] <= starts[0] + tolerance else [starts[0], *found]
    return labels + starts[first:]


def _has_figures(words: list[Word]) -> bool:
    return any(_NUMERIC.match(w.text) for w in words)


def _column_starts(lines: list[GlyphLine], tolerance: float) -> list[float]:
    """Left edges shared by words of at least two multi-word lines: the columns' starts."""
    return _shared_edges([w.x0 for line in lines if len(line.words) >= 2 for w in line.words], tolerance)


def _shared_edges(edges: list[float], tolerance: float) -> list[float]:
    """The left edges that at least two words share (within `tolerance`), left to right."""
    clusters: list[list[float]] = []
    for x in sorted(edges):
        if clusters and x - clusters[-1][-1] <= tolerance:
            clusters[-1].append(x)
        else:
            clusters.append([x])
    return [min(c) for c in clusters if len(c) >= 2]


def _table_region(
    lines: list[GlyphLine], *, at_least: int = 3
) -> tuple[list[GlyphLine], float, float] | None:
    """The lines from the first to the last with two or more words, the pitch of wrapped
    lines and the glyph height; None when fewer than `at_least` lines have several words."""
    multi = [i for i, line in enumerate(lines) if len(line.words) >= 2]
    if not multi or len(multi) < at_least:
        return None
    first, last = multi[0], multi[-1]
    size = statistics.median(line.bottom - line.top for line in lines[first : last + 1])
    # Wrapped lines of one cell follow each other at the font's line pitch; rows stand
    # farther apart (cell padding, paragraph spacing). Lines closer than a glyph's
    # height are one line's pieces at slightly different baselines. Prose on the page
    # shows the pitch too; single spacing is below twice the glyph height.
    pitches = [b.top - a.top for a, b in itertools.pairwise(lines)]
    line_pitch = min([p for p in pitches if p > size * 1.2] + [size * 1.9])
    # The last row's label may wrap below the last line with two words.
    while last + 1 < len(lines) and lines[last + 1].top - lines[last].top <= line_pitch * 1.25:
        last += 1
    return lines[first : last + 1], line_pitch, size


def _borderless_grid(
    region: list[GlyphLine], line_pitch: float, starts: list[float], size: float, rules: list[float]
) -> Table:
    """A borderless table as printed by a word processor: cells left-aligned in columns,
    wrapped cell text on lines closer together than the rows.

    A word belongs to the last column starting at or left of it, so a label spanning
    columns stands at its top-left position as a merged cell does. A line starts a new
    row when it stands farther from the line above than wrapped lines do, when it brings
    figures while the row has some already, or when it begins with a row number;
    otherwise it is a wrapped continuation and is appended cell by cell.
    """

    def column(word: Word) -> int:
        return max((i for i, x in enumerate(starts) if x <= word.x0 + size * 0.3), default=0)

    rows: list[list[str]] = []
    confidence: list[list[float | None]] = []
    row_has_figures = False
    previous: GlyphLine | None = None
    for line in region:
        cells = [""] * len(starts)
        scores: list[float | None] = [None] * len(starts)
        for word in line.words:
            at = column(word)
            cells[at] = f"{cells[at]} {word.text}" if cells[at] else word.text
            scores[at] = _lower(scores[at], word.confidence)
        figures = any(_NUMERIC.match(c) for c in cells[1:] if c)
        new_row = (
            previous is None
            or line.top - previous.top > line_pitch * 1.25
            or (figures and row_has_figures)
            or bool(_ROW_LABEL.match(line.words[0].text))  # "（三）", "2.", "四、" open a row
            or any(previous.bottom - size * 0.2 < y < line.top + size * 0.2 for y in rules)
        )
        if new_row:
            rows.append(cells)
            confidence.append(scores)
            row_has_figures = figures
        else:
            rows[-1] = [a + b for a, b in zip(rows[-1], cells, strict=True)]
            confidence[-1] = [_lower(a, b) for a, b in zip(confidence[-1], scores, strict=True)]
            row_has_figures = row_has_figures or figures
        previous = line
    x0 = min(w.x0 for line in region for w in line.words)
    x1 = max(w.x1 for line in region for w in line.words)
    grid: tuple[Row, ...] = tuple(tuple(row) for row in rows)
    scored = any(c is not None for row in confidence for c in row)
    return Table(
        region[0].top,
        region[-1].bottom,
        x0,
        x1,
        grid,
        tuple(starts),
        tuple(tuple(row) for row in confidence) if scored else (),
    )
