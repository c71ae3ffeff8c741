"""Which deadline applies to an agency's report on a year.

《政府信息公开条例》第四十九条: departments of county-level-and-above governments publish their
report on the past year by 31 January; county-level-and-above governments publish their own (本级)
report by 31 March. Local rules may set earlier dates and dates for 乡镇/街道. Precedence: the
agency's own rule, then the most specific matching region rule (a category-specific one before one
for every category), then the statute.
"""

from __future__ import annotations

import calendar
import re
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date
from enum import StrEnum
from typing import Protocol

from bot.core.replies import reminders as say


class Category(StrEnum):
    DEPARTMENT = "department"  # 县级以上人民政府部门
    GOVERNMENT = "government"  # 县级以上人民政府（本级）
    TOWNSHIP = "township"  # 乡镇人民政府、街道办事处


CATEGORY_LABELS = {category: say.CATEGORY_LABELS[category.value] for category in Category}

# What people type in a CSV "level" column -> the stored level (see storage.models.Agency.level).
LEVELS = {
    "province": "province", "省": "province", "省级": "province",
    "city": "city", "市": "city", "市级": "city", "地市": "city", "地级": "city",
    "county": "county", "县": "county", "县级": "county", "区县": "county", "县区": "county", "区": "county",
    "township": "township", "乡镇": "township", "街道": "township", "乡镇街道": "township",
    "乡镇（街道）": "township", "镇": "township", "乡": "township",
}  # fmt: skip

_TOWNSHIP_NAME = re.compile(r"(乡|镇)人民政府$|街道办事处$|街道$")


@dataclass(frozen=True)
class Deadline:
    day: date
    source: str  # Chinese: why this date


class AgencyLike(Protocol):
    @property
    def agency_id(self) -> int: ...
    @property
    def name(self) -> str: ...
    @property
    def region(self) -> str: ...
    @property
    def level(self) -> str: ...
    @property
    def kind(self) -> str: ...


class RuleLike(Protocol):
    agency_id: int | None
    region: str
    category: str
    month: int
    day: int
    note: str


def category_of(name: str, level: str, kind: str = "") -> Category:
    if level == "township" or "乡镇" in kind or "街道" in kind or _TOWNSHIP_NAME.search(name):
        return Category.TOWNSHIP
    if kind == "政府" or name.endswith("人民政府"):
        return Category.GOVERNMENT
    return Category.DEPARTMENT


def region_match_depth(region: str, name: str, query: str) -> int:
    """How specifically `query` ("威海市", "山东省/威海市") names the agency's place; 0 = not at all.

    Regions are stored as "山东省/威海市/文登区"; a query matches a contiguous run of its parts. An
    agency with no region falls back to its name ("威海市文登区科学技术局" contains "文登区").
    """
    parts = [p for p in query.strip().strip("/").split("/") if p]
    if not parts:
        return 0
    have = [p for p in region.split("/") if p]
    for start in range(len(have) - len(parts) + 1):
        if have[start : start + len(parts)] == parts:
            return start + len(parts)
    if not have and "".join(parts) in name:
        return len(parts)
    return 0


def statutory(category: Category, year: int) -> Deadline:
    if category is Category.GOVERNMENT:
        return Deadline(date(year + 1, 3, 31), say.DEADLINE_STATUTORY_GOVERNMENT)
    if category is Category.TOWNSHIP:
        return Deadline(date(year + 1, 1, 31), say.DEADLINE_TOWNSHIP_AS_DEPARTMENT)
    return Deadline(date(year + 1, 1, 31), say.DEADLINE_STATUTORY_DEPARTMENT)


def resolve(agency: AgencyLike, year: int, rules: Sequence[RuleLike]) -> Deadline:
    """The deadline for `agency`'s report on `year` (a date in year + 1)."""
    for rule in rules:
        if rule.agency_id == agency.agency_id:
            return Deadline(_on(year + 1, rule.month, rule.day), rule.note or say.DEADLINE_AGENCY_RULE)
    category = category_of(agency.name, agency.level, agency.kind)
    best: tuple[int, int, RuleLike] | None = None
    for rule in rules:
        if rule.agency_id is not None or rule.category not in ("", category.value):
            continue
        depth = region_match_depth(agency.region, agency.name, rule.region) if rule.region else 0
        if rule.region and not depth:
            continue
        rank = (depth, 1 if rule.category else 0)
        if best is None or rank > best[:2]:
            best = (*rank, rule)
    if best is not None:
        rule = best[2]
        return Deadline(_on(year + 1, rule.month, rule.day), rule.note or say.DEADLINE_REGION_RULE.format(region=rule.region or say.DEADLINE_EVERYWHERE))
    return statutory(category, year)


def parse_month_day(text: str) -> tuple[int, int] | None:
    """Month and day of "01-26", "1/26", "1月26日" or "2027-01-26" -> (1, 26); None if not a date."""
    text = text.strip()
    match = re.fullmatch(r"(?:\d{4}[-/.年])?(\d{1,2})[-/.月](\d{1,2})日?", text)
    if not match:
        return None
    month, day = int(match.group(1)), int(match.group(2))
    if not 1 <= month <= 12 or not 1 <= day <= calendar.monthrange(2024, month)[1]:
        return None
    return month, day


def _on(year: int, month: int, day: int) -> date:
    return date(year, month, min(day, calendar.monthrange(year, month)[1]))


def format_day(day: date) -> str:
    return f"{day.year}年{day.month}月{day.day}日"
