"""Words on charts and about them (/chart, `nianbao chart`)."""

from __future__ import annotations

from bot.core.chart_data import ChartData, ChartKind

TREND_TITLE = "{agency}\n{metric}（{first}—{last}）"
RANKING_TITLE = "{year}年{scope}{metric}排名"
YEAR_TICK = "{year}年"
AXIS_UNIT = "{metric}（{unit}）"
CAPTION = "{title}"
USAGE = (
    "用法：/chart 问题，画出趋势或排名图，例如：\n"
    "/chart 文登科技局历年主动公开\n"
    "/chart 2021年哪个单位收到申请最多"
)
NO_CHART = "这个问题的回答没有可以画图的数字（图表用于多年趋势和排名）。回答如下：\n\n{answer}"
NO_FONT = (
    "没有找到中文字体（如 Noto Sans CJK），图表中的汉字将无法显示。"
    "请安装 fonts-noto-cjk（Debian/Ubuntu：apt-get install fonts-noto-cjk）。"
)
SAVED = "图表已保存到 {path}"


def tick(chart: ChartData, label: str) -> str:
    """A point's label on the axis: a year of a trend as 2021年, an agency's name as it is."""
    return YEAR_TICK.format(year=label) if chart.kind is ChartKind.TREND else label


def title(chart: ChartData) -> str:
    if chart.kind is ChartKind.TREND:
        first, last = tick(chart, chart.points[0][0]), tick(chart, chart.points[-1][0])
        return TREND_TITLE.format(agency=chart.agency, metric=chart.metric, first=first, last=last)
    return RANKING_TITLE.format(year=chart.year, scope=chart.scope, metric=chart.metric)
