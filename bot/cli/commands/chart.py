"""`nianbao chart "问题" -o FILE.png`: the chart the bot would send beside a trend or ranking answer."""

from __future__ import annotations

import argparse
import sys
from datetime import datetime
from pathlib import Path

from bot.config import Settings
from bot.core.answer import answer_question
from bot.core.charts import check_font, render_png
from bot.core.replies import charts as say
from bot.core.services import Services


def main(args: argparse.Namespace, settings: Settings) -> int:
    if not check_font():
        print(say.NO_FONT, file=sys.stderr)
    services = Services.open(settings, args.db)
    try:
        answer = answer_question(services, args.question, now=datetime.now(settings.tz))
    finally:
        services.close()
    if answer.chart is None:
        print(say.NO_CHART.format(answer=answer.plain))
        return 1
    Path(args.output).write_bytes(render_png(answer.chart))
    print(answer.plain)
    print(say.SAVED.format(path=args.output), file=sys.stderr)
    return 0
