"""Every figure the current-figure tables hold, read back as one row per figure (issue 14): a
current_values row is a number other than 0, a key in current_marks' zeros a 0, in its blanks None."""

from __future__ import annotations

from sqlalchemy import select
from sqlalchemy.orm import Session

from storage.current_tables import CurrentMark, CurrentValue

Figures = dict[tuple[int, int, str], float | None]


def figures(session: Session, agency_id: int | None = None, year: int | None = None) -> Figures:
    """(agency_id, year, key) -> value; a key found twice (in a row and a mark) fails the test."""
    out: Figures = {}

    def put(key: tuple[int, int, str], value: float | None) -> None:
        assert key not in out, key
        out[key] = value

    values = select(CurrentValue.agency_id, CurrentValue.year, CurrentValue.key, CurrentValue.value)
    marks = select(CurrentMark)
    if agency_id is not None:
        values, marks = (
            values.where(CurrentValue.agency_id == agency_id),
            marks.where(CurrentMark.agency_id == agency_id),
        )
    if year is not None:
        values, marks = values.where(CurrentValue.year == year), marks.where(CurrentMark.year == year)
    for a, y, k, v in session.execute(values):
        assert v, (a, y, k, v)  # 0 and blank are marks, never rows
        put((a, y, k), v)
    for mark in session.scalars(marks):
        assert mark.zeros or mark.blanks  # no empty marks row
        for k in mark.zeros:
            put((mark.agency_id, mark.year, k), 0.0)
        for k in mark.blanks:
            put((mark.agency_id, mark.year, k), None)
    return out
