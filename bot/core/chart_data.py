"""What a chart shows, carried by an answer: the tg adapter and `nianbao chart` render it (bot.core.charts).

Plain typed data, no matplotlib: building an answer never pays for plotting.
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum


class ChartKind(StrEnum):
    TREND = "trend"  # one agency's figure over the years
    RANKING = "ranking"  # agencies ranked by a figure in one year


@dataclass(frozen=True)
class ChartData:
    kind: ChartKind
    metric: str  # the figure's label, e.g. 主动公开
    unit: str
    points: tuple[tuple[str, float], ...]  # (year or agency, value), in the order to draw
    agency: str = ""  # TREND: whose figure
    year: int | None = None  # RANKING: which year
    scope: str = ""  # RANKING: the region or "" for every agency

    def __post_init__(self) -> None:
        if not self.points:
            raise ValueError("a chart needs at least one point")
