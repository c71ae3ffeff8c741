"""Logging for every nianbao command: one format, and a filter on the root handlers that

- replaces the bot token wherever it appears (python-telegram-bot logs "Set Bot API URL:
  https://api.telegram.org/bot<token>" at DEBUG when a Bot is built; httpx logs request URLs;
  a traceback may quote a URL), in the message, its arguments and the traceback text;
- writes control characters in string arguments as visible escapes, so a file name with a
  newline cannot forge a log line and one with ESC cannot drive the terminal.

The filter sits on the handlers, not on a logger, because a record logged by any library's
logger reaches the output through the root's handlers only.
"""

from __future__ import annotations

import logging
from collections.abc import Iterable, Mapping
from typing import Any

from bot.core.printable import printable

REDACTED = "<令牌已隐去>"
FORMAT = "%(asctime)s %(levelname)s %(name)s: %(message)s"


def secret_forms(token: str) -> list[str]:
    """The token, its secret half and their URL-encoded forms, longest first."""
    token = token.strip()
    if not token:
        return []
    forms = {token, token.replace(":", "%3A"), token.replace(":", "%3a")}
    _, _, secret = token.partition(":")
    if len(secret) >= 8:  # the half after the bot id is the actual secret
        forms.add(secret)
    return sorted(forms, key=len, reverse=True)


def _clean_arg(value: Any) -> Any:
    return printable(value) if isinstance(value, str) else value


class SafeLogFilter(logging.Filter):
    def __init__(self, secrets: Iterable[str] = ()) -> None:
        super().__init__()
        self.secrets = [s for s in secrets if s]

    def redact(self, text: str) -> str:
        for secret in self.secrets:
            if secret in text:
                text = text.replace(secret, REDACTED)
        return text

    def filter(self, record: logging.LogRecord) -> bool:
        args = record.args
        if isinstance(args, tuple):
            record.args = tuple(_clean_arg(a) for a in args)
        elif isinstance(args, Mapping):
            record.args = {k: _clean_arg(v) for k, v in args.items()}
        if not self.secrets:
            return True
        message = record.getMessage()
        redacted = self.redact(message)
        if redacted != message:
            record.msg, record.args = redacted, None
        if record.exc_info and not record.exc_text:
            record.exc_text = logging.Formatter().formatException(record.exc_info)
        if record.exc_text:
            record.exc_text = self.redact(record.exc_text)
        if record.stack_info:
            record.stack_info = self.redact(record.stack_info)
        return True


class OneLineFormatter(logging.Formatter):
    """Lines without tracebacks: a one-shot command's terminal gets its Chinese sentence and at
    most a line of log per problem; the traceback appears at DEBUG."""

    def format(self, record: logging.LogRecord) -> str:
        saved = record.exc_info, record.exc_text, record.stack_info
        record.exc_info, record.exc_text, record.stack_info = None, None, None
        try:
            return super().format(record)
        finally:
            record.exc_info, record.exc_text, record.stack_info = saved


def install(level: str | int, token: str = "", *, tracebacks: bool = True) -> SafeLogFilter:
    """Configure the root logger (once) and put the safe filter on every root handler.

    `tracebacks=False` (one-shot commands below DEBUG): log lines carry no traceback."""
    root = logging.getLogger()
    if not root.handlers:  # under a test runner the runner's capture handlers stay in charge
        logging.basicConfig(level=level, format=FORMAT)
        if not tracebacks:
            for ours in root.handlers:
                ours.setFormatter(OneLineFormatter(FORMAT))
    safe = SafeLogFilter(secret_forms(token))
    handlers = [*root.handlers, *([logging.lastResort] if logging.lastResort else [])]
    for handler in handlers:
        for old in [f for f in handler.filters if isinstance(f, SafeLogFilter)]:
            handler.removeFilter(old)
        handler.addFilter(safe)
    # httpx logs request URLs, which contain the token; keep them out even before redaction.
    logging.getLogger("httpx").setLevel(logging.WARNING)
    logging.getLogger("httpcore").setLevel(logging.WARNING)
    return safe
