"""Charts in the chat: beside trend and ranking answers, and /chart 问题. Rendered in the chart process."""

from __future__ import annotations

from telegram import InputFile, Message
from telegram.error import BadRequest

from bot.core.chart_data import ChartData
from bot.core.charts import render_png
from bot.core.replies import charts as say
from bot.tg.state import BotContext

COMMAND = "chart"


async def send_chart(message: Message, context: BotContext, chart: ChartData) -> None:
    """Render in the chart process (matplotlib is CPU-bound and large) and send the PNG as a photo."""
    caption = say.title(chart)[:1024]
    sent_charts = context.state.sent_charts
    if (file_id := sent_charts.get(chart)) is not None:
        try:
            await message.reply_photo(file_id, caption=caption)
            return
        except BadRequest:  # Telegram no longer knows the id: render and upload again
            sent_charts.forget(chart)
    png = await context.state.run_chart(render_png, chart)
    sent = await message.reply_photo(InputFile(png, filename="chart.png"), caption=caption)
    if sent.photo:
        sent_charts.put(chart, sent.photo[-1].file_id)
