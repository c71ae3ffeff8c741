"""Parse one file without storing it (`nianbao parse`), in the sandbox, as the bot's ingest does."""

from __future__ import annotations

from bot.config import Settings
from parsing.errors import ParseError
from parsing.model import Report
from parsing.sandbox import parse_report_isolated

__all__ = ["Report", "Unparsable", "parse_file"]


class Unparsable(Exception):
    """The file could not be turned into a report. `message`: the parser's Chinese sentence."""

    def __init__(self, message: str) -> None:
        super().__init__(message)
        self.message = message


def parse_file(data: bytes, filename: str, settings: Settings, caption: str | None = None) -> Report:
    try:
        return parse_report_isolated(data, filename, caption=caption, options=settings.parse_options())
    except ParseError as exc:
        raise Unparsable(exc.message) from exc
