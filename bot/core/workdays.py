"""Working days in China: the State Council's holidays and 调休 workdays, and 春节 around a deadline.

chinese-calendar carries the official schedule, published each November for the next year. For a
year it does not cover yet, the date of 春节 comes from lunardate and its holiday is estimated the
way recent schedules set it (除夕 to 初六, eight days); weekends are then the only other days off.
Results say whether they rest on the official schedule, so the wording can say when they do not.
Never raises for a date in the lunar calendar's range (1900–2099); outside it, weekends only.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass
from datetime import date, timedelta
from enum import StrEnum
from functools import lru_cache

import chinese_calendar
from lunardate import LunarDate

log = logging.getLogger(__name__)

# chinese-calendar's name of the 春节 holiday in get_holiday_detail.
_SPRING_FESTIVAL = chinese_calendar.Holiday.spring_festival.value
# Estimated holiday when the official one is not published: 除夕 .. 初六.
_ESTIMATE_BEFORE, _ESTIMATE_AFTER = 1, 6
# Fixed-date holidays of every published schedule, kept for a year the table does not cover:
# 元旦, 劳动节, 国庆节 (their bridging days and 调休 vary and are not guessed).
_FIXED_HOLIDAYS = ((1, 1), (5, 1), (10, 1), (10, 2), (10, 3))
# A deadline this many days or fewer from the holiday is "next to" it.
NEAR_DAYS = 7


class FestivalRelation(StrEnum):
    NONE = "none"
    DURING = "during"  # the deadline falls inside the 春节 holiday
    BEFORE = "before"  # the holiday begins within NEAR_DAYS after the deadline
    AFTER = "after"  # the holiday ended within NEAR_DAYS before the deadline


@dataclass(frozen=True)
class SpringFestival:
    year: int
    new_year: date  # 正月初一
    first: date  # first day off
    last: date  # last day off
    official: bool  # from the State Council's schedule (else estimated)


@dataclass(frozen=True)
class DeadlineDays:
    """What the calendar says about a deadline, seen from `today`."""

    deadline: date
    today: date
    festival: SpringFestival | None  # the 春节 of the deadline's year (None outside the lunar range)
    relation: FestivalRelation
    workdays_left: int  # working days from today to the deadline, both included
    last_workday: date  # the last working day before the deadline
    official: bool  # every day counted is on the official schedule


@lru_cache(maxsize=64)
def is_covered(year: int) -> bool:
    """Whether the official holiday schedule of `year` is in chinese-calendar's table."""
    try:
        chinese_calendar.is_workday(date(year, 1, 1))
    except (NotImplementedError, ValueError):
        return False
    return True


@lru_cache(maxsize=64)
def spring_festival(year: int) -> SpringFestival | None:
    try:
        lunar = LunarDate(year, 1, 1)
        to_solar = getattr(lunar, "to_solar_date", None) or lunar.toSolarDate
        new_year: date = to_solar()
    except (ValueError, IndexError):
        log.warning("no lunar calendar for %d", year)
        return None
    if is_covered(year):
        days = [new_year + timedelta(days=d) for d in range(-10, 11)]
        off = [d for d in days if d.year == year and _official_festival_day(d)]
        if off:
            return SpringFestival(year, new_year, min(off), max(off), official=True)
    return SpringFestival(
        year,
        new_year,
        new_year - timedelta(days=_ESTIMATE_BEFORE),
        new_year + timedelta(days=_ESTIMATE_AFTER),
        official=False,
    )


def _official_festival_day(day: date) -> bool:
    holiday, name = chinese_calendar.get_holiday_detail(day)
    return bool(holiday) and name == _SPRING_FESTIVAL


def is_workday(day: date) -> bool:
    if is_covered(day.year):
        return bool(chinese_calendar.is_workday(day))
    festival = spring_festival(day.year)
    if festival is not None and festival.first <= day <= festival.last:
        return False
    return day.weekday() < 5 and (day.month, day.day) not in _FIXED_HOLIDAYS


def workdays_between(first: date, last: date) -> int:
    """Working days in [first, last]; 0 when last < first."""
    count, day = 0, first
    while day <= last:
        count += is_workday(day)
        day += timedelta(days=1)
    return count


def last_workday_before(day: date) -> date:
    """The last working day strictly before `day` (a long holiday is at most a few weeks)."""
    candidate = day - timedelta(days=1)
    for _ in range(60):
        if is_workday(candidate):
            return candidate
        candidate -= timedelta(days=1)
    return day - timedelta(days=1)


def relation(deadline: date, festival: SpringFestival | None) -> FestivalRelation:
    if festival is None:
        return FestivalRelation.NONE
    if festival.first <= deadline <= festival.last:
        return FestivalRelation.DURING
    if 0 < (festival.first - deadline).days <= NEAR_DAYS:
        return FestivalRelation.BEFORE
    if 0 < (deadline - festival.last).days <= NEAR_DAYS:
        return FestivalRelation.AFTER
    return FestivalRelation.NONE


def deadline_days(deadline: date, today: date) -> DeadlineDays:
    festival = spring_festival(deadline.year)
    return DeadlineDays(
        deadline=deadline,
        today=today,
        festival=festival,
        relation=relation(deadline, festival),
        workdays_left=workdays_between(today, deadline),
        last_workday=last_workday_before(deadline),
        official=is_covered(today.year) and is_covered(deadline.year),
    )


def estimate_matters(days: DeadlineDays) -> bool:
    """Whether an estimated (unpublished) 春节 holiday touches what is said: then say it is estimated."""
    festival = days.festival
    if days.official:
        return False
    if festival is None:
        return True  # outside the lunar calendar: nothing is known but weekends
    if festival.official:
        return False
    return days.relation is not FestivalRelation.NONE or (
        festival.first <= days.deadline and festival.last >= days.today
    )


def workdays_overdue(deadline: date, today: date) -> int:
    """Working days after the deadline up to and including today."""
    return workdays_between(deadline + timedelta(days=1), today)
