"""Charts as PNG: a trend over the years of one agency, a ranking within a region or year.

matplotlib's object API on the Agg canvas (no pyplot state), one render at a time: callers run
`render_png` in a worker thread, never on the bot's event loop. The CJK font is looked up once;
without one the labels would be boxes, so `cjk_font()` returns None and the caller warns.
"""

from __future__ import annotations

import contextlib
import io
import logging
import os
import threading
import warnings
from functools import lru_cache

from bot.core.chart_data import ChartData, ChartKind
from bot.core.replies import charts as say

log = logging.getLogger(__name__)

# Families that carry simplified Chinese, best first (fonts-noto-cjk provides the first).
CJK_FAMILIES = (
    "Noto Sans CJK SC",
    "Noto Sans CJK JP",
    "Noto Serif CJK SC",
    "Source Han Sans SC",
    "WenQuanYi Zen Hei",
    "WenQuanYi Micro Hei",
    "SimHei",
    "Microsoft YaHei",
)
_LOCK = threading.Lock()
_BAR = "#3b6ea8"
_DPI = 120


@lru_cache(maxsize=1)
def cjk_font() -> str | None:
    """The first installed CJK family, or None."""
    from matplotlib import font_manager

    installed = {f.name for f in font_manager.fontManager.ttflist}
    return next((family for family in CJK_FAMILIES if family in installed), None)


def check_font() -> bool:
    """Log a clear warning at start when no CJK font is installed. True when one is."""
    family = cjk_font()
    if family is None:
        log.warning("%s", say.NO_FONT)
        return False
    log.info("charts use the font %s", family)
    return True


def lower_priority() -> None:
    """The chart process's initializer: a chart follows its answer, so under load the answers,
    not the renders, get the CPU first (issue 14)."""
    with contextlib.suppress(OSError):
        os.nice(10)


def _label(value: float) -> str:
    return str(int(value)) if float(value).is_integer() else f"{value:g}"


def render_png(chart: ChartData) -> bytes:
    """The chart as PNG bytes. Glyphs the font lacks are logged, never raised."""
    png, missing = render(chart)
    if missing:
        log.warning("chart glyphs missing (%d): %s", len(missing), missing[0])
    return png


def render(chart: ChartData) -> tuple[bytes, list[str]]:
    """The PNG and matplotlib's missing-glyph warnings (empty when every character has a glyph)."""
    from matplotlib import rc_context
    from matplotlib.backends.backend_agg import FigureCanvasAgg
    from matplotlib.figure import Figure

    family = cjk_font()
    fonts = [family, "DejaVu Sans"] if family else ["DejaVu Sans"]
    with _LOCK, rc_context({"font.family": fonts, "axes.unicode_minus": False}), warnings.catch_warnings(
        record=True
    ) as caught:
        warnings.simplefilter("always")
        labels = [say.tick(chart, label) for label, _ in chart.points]
        values = [value for _, value in chart.points]
        if chart.kind is ChartKind.TREND:
            figure = Figure(figsize=(7, 4), dpi=_DPI)
            axes = figure.add_subplot()
            axes.plot(labels, values, marker="o", color=_BAR)
            for x, y in zip(labels, values, strict=True):
                axes.annotate(_label(y), (x, y), textcoords="offset points", xytext=(0, 6), ha="center")
            axes.set_ylim(bottom=0, top=max(values) * 1.2 or 1)
        else:
            figure = Figure(figsize=(7, max(2.5, 0.45 * len(labels) + 1.2)), dpi=_DPI)
            axes = figure.add_subplot()
            positions = list(range(len(labels)))[::-1]  # the first ranked on top
            axes.barh(positions, values, color=_BAR)
            axes.set_yticks(positions, labels)
            for y, value in zip(positions, values, strict=True):
                axes.annotate(_label(value), (value, y), textcoords="offset points", xytext=(4, -4))
            axes.set_xlim(left=0, right=max(values) * 1.15 or 1)
        axes.set_title(say.title(chart))
        if chart.kind is ChartKind.TREND:
            axes.set_ylabel(say.AXIS_UNIT.format(metric=chart.metric, unit=chart.unit))
        axes.spines[["top", "right"]].set_visible(False)
        figure.tight_layout()
        buffer = io.BytesIO()
        FigureCanvasAgg(figure)  # attaches the Agg canvas: no pyplot, no GUI backend
        figure.savefig(buffer, format="png")
    return buffer.getvalue(), [str(w.message) for w in caught if "missing from" in str(w.message)]
