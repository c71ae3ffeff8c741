"""Per-year totals kept by the database itself (issue 14): how many current reports a year holds and
how many fail a check, and per (year, key) of current_values how many rows, how many with a number
and their sum. A year-wide count, sum or ranking reads a few rows here instead of counting every
agency of the year (rank and failed checks were 54 ms at 600 000 reports, growing with each one).

Triggers written by migration 0015 keep the tables in step with every write of reports and
current_values, whichever code path makes it (store, batch store, corrections, rebuilds, bulk SQL):
statement-level with transition tables on PostgreSQL (one upsert per (year, key) a statement),
row-level on SQLite. Concurrent writers on PostgreSQL add to their own shard (backend pid % SHARDS)
so two stores of the same year never wait on each other's rows; readers sum the shards.
"""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy import Float, Integer, String, func, select
from sqlalchemy.orm import Mapped, Session, mapped_column

from storage.models import Base

SHARDS = 16


class YearTotal(Base):
    """Current reports of a year (one shard's share), and those of them whose checks fail."""

    __tablename__ = "year_totals"

    year: Mapped[int] = mapped_column(Integer, primary_key=True)
    shard: Mapped[int] = mapped_column(Integer, primary_key=True)
    reports: Mapped[int] = mapped_column(Integer)
    failing: Mapped[int] = mapped_column(Integer)


class ValueTotal(Base):
    """current_values rows of (year, key) (one shard's share): all, with a number, and their sum."""

    __tablename__ = "value_totals"

    year: Mapped[int] = mapped_column(Integer, primary_key=True)
    key: Mapped[str] = mapped_column(String(60), primary_key=True)
    shard: Mapped[int] = mapped_column(Integer, primary_key=True)
    rows: Mapped[int] = mapped_column(Integer)
    numbers: Mapped[int] = mapped_column(Integer)
    zeros: Mapped[int] = mapped_column(Integer)
    total: Mapped[float] = mapped_column(Float)


def year_reports(session: Session, year: int) -> tuple[int, int]:
    """(current reports, of which failing a check) of the year."""
    row = session.execute(
        select(
            func.coalesce(func.sum(YearTotal.reports), 0), func.coalesce(func.sum(YearTotal.failing), 0)
        ).where(YearTotal.year == year)
    ).one()
    return int(row[0]), int(row[1])


@dataclass(frozen=True)
class KeyTotal:
    rows: int  # current reports holding the key (a blank cell included)
    numbers: int  # of which with a number
    zeros: int  # of which 0 (left out of the (year, key, value) index)
    total: float


def key_total(session: Session, year: int, key: str) -> KeyTotal:
    row = session.execute(
        select(
            func.coalesce(func.sum(ValueTotal.rows), 0),
            func.coalesce(func.sum(ValueTotal.numbers), 0),
            func.coalesce(func.sum(ValueTotal.zeros), 0),
            func.coalesce(func.sum(ValueTotal.total), 0.0),
        ).where(ValueTotal.year == year, ValueTotal.key == key)
    ).one()
    return KeyTotal(int(row[0]), int(row[1]), int(row[2]), float(row[3]))
