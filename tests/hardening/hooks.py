"""Stand-in parse functions for the issue 10 tests, run inside sandbox workers."""

from __future__ import annotations

from pathlib import Path

from parsing.model import Report
from parsing.options import ParseOptions


def environ_parse(
    data: bytes, filename: str, *, caption: str | None = None, options: ParseOptions | None = None
) -> Report:
    """What a hostile file's code would find: the worker's own /proc/self/environ."""
    environ = Path("/proc/self/environ").read_bytes().decode("utf-8", "replace")
    return Report(agency=None, year=None, template=None, published_on=None, title=environ)
