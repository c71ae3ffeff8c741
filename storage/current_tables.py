"""The tables of current figures (issue 14): what year-wide questions read, derived from the current
report of each (agency, year) and kept in step by storage.current_values.

A figure is one of three things, stored apart since migration 0017: a number other than 0 (a
current_values row, in the ranking index), 0 or blank (a key in the (agency, year)'s one
current_marks row). Absent is neither. Real reports are three quarters 0 and a fifth blank, so a
row per figure was ~250 rows a report of which a handful carry a number.
"""

from __future__ import annotations

from typing import Any

from sqlalchemy import JSON, Float, Index, Integer, String, text
from sqlalchemy.orm import Mapped, mapped_column

from storage.models import Base

_NONZERO: dict[str, Any] = dict.fromkeys(("sqlite_where", "postgresql_where"), text("value <> 0"))


class CurrentValue(Base):
    """A non-zero figure of the current report of (agency, year): a cell, the first fact of a key,
    or a combination (storage.derived). No primary key: rows are replaced a whole (agency, year) at
    a time, through ix_current_values_agency_year."""

    __tablename__ = "current_values"
    __table_args__ = (
        # Every row is non-zero since migration 0017; the predicate stays so queries match it as before.
        Index("ix_current_values_year_key_nonzero", "year", "key", "value", "agency_id", **_NONZERO),
        Index("ix_current_values_agency_year", "agency_id", "year"),
    )

    # No foreign key (migration 0014): checking it was a third of a bulk store; the table is derived.
    agency_id: Mapped[int] = mapped_column(Integer)
    year: Mapped[int] = mapped_column(Integer)
    key: Mapped[str] = mapped_column(String(60))
    value: Mapped[float | None] = mapped_column(Float, nullable=True)

    # The ORM needs an identity; the database needs no index for it.
    __mapper_args__ = {"primary_key": [agency_id, year, key]}  # noqa: RUF012


class CurrentMark(Base):
    """The keys of the current report of (agency, year) whose figure is 0, and those held but blank
    (JSON arrays of keys). No row when it has neither."""

    __tablename__ = "current_marks"

    agency_id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=False)
    year: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=False)
    zeros: Mapped[list[str]] = mapped_column(JSON)
    blanks: Mapped[list[str]] = mapped_column(JSON)
