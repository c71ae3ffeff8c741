"""Exceptions around a command (settings, data directory, database) -> one Chinese paragraph and
an exit code. Anything not listed here is a bug: it propagates with its traceback.
"""

from __future__ import annotations

from typing import Any

from pydantic import ValidationError

from bot.core.printable import printable
from bot.core.replies import cli as say
from bot.core.setup import SetupError, SetupProblem

EXIT_FAILED, EXIT_USAGE = 1, 2
_MAX_VALUE = 80
_LIST_SETTINGS = ("NIANBAO_ADMINS", "NIANBAO_ALLOWED_CHATS", "NIANBAO_REMINDER_OFFSETS")


def _shown(value: Any, limit: int | None = None) -> str:
    text = printable(str(value))
    return text if limit is None or len(text) <= limit else text[: limit - 1] + "…"


def _reason(error: Any) -> str:
    name = str(error["loc"][0]) if error.get("loc") else ""
    kind = error.get("type", "")
    ctx = error.get("ctx") or {}
    if kind == "value_error":
        if name in _LIST_SETTINGS:
            return say.CONFIG_LIST_ITEM
        return str(ctx.get("error", "")) or say.CONFIG_REASON_OTHER
    template = say.CONFIG_REASONS.get(kind)
    if template is None:
        return say.CONFIG_REASON_OTHER
    return template.format(**{k: f"{v:g}" if isinstance(v, int | float) else v for k, v in ctx.items()})


def describe_config_error(exc: ValidationError) -> str:
    """Each invalid setting by its environment variable's name, value and what it should be."""
    lines = [say.CONFIG_HEAD]
    for error in exc.errors():
        name = str(error["loc"][0]) if error.get("loc") else "?"
        lines.append(say.CONFIG_ITEM.format(name=name, value=_shown(error.get("input", ""), _MAX_VALUE), reason=_reason(error)))
    lines.append(say.CONFIG_TAIL)
    return "\n".join(lines)


def describe_setup_error(exc: SetupError, db_given: str | None = None) -> tuple[str, int]:
    p = SetupProblem
    db_option = f" --db {db_given}" if db_given else ""
    texts = {
        p.DATA_DIR_NOT_DIR: (say.DATA_DIR_NOT_DIR, EXIT_USAGE),
        p.DATA_DIR_READ_ONLY: (say.DATA_DIR_READ_ONLY, EXIT_USAGE),
        p.DATA_DIR_OTHER: (say.DATA_DIR_OTHER, EXIT_USAGE),
        p.DB_URL_MALFORMED: (say.DB_URL_MALFORMED, EXIT_USAGE),
        p.DB_URL_UNSUPPORTED: (say.DB_URL_UNSUPPORTED, EXIT_USAGE),
        p.DB_URL_NO_DATABASE: (say.DB_URL_NO_DATABASE, EXIT_USAGE),
        p.DB_FILE_NO_DIR: (say.DB_FILE_NO_DIR, EXIT_USAGE),
        p.DB_EMPTY: (say.DB_EMPTY, EXIT_FAILED),
        p.DB_OUTDATED: (say.DB_OUTDATED, EXIT_FAILED),
    }
    template, code = texts[exc.problem]
    text = template.format(
        path=_shown(exc.path),
        url=_shown(exc.url),
        scheme=_shown(exc.error),
        error=_shown(exc.error),
        where=_shown(exc.url),
        db_option=_shown(db_option),
    )
    return text, code


def describe_database_error(exc: Exception) -> str | None:
    """A database out of reach (server down, file unopenable) in one sentence; else None."""
    from bot.core.database import as_unreachable  # SQLAlchemy only once a command has failed

    unreachable = as_unreachable(exc)
    if unreachable is None:
        return None
    return say.DB_UNREACHABLE.format(error=_shown(unreachable.error, 300))
