"""Text from users made safe to print on one line: in a log file and on a terminal.

A file name is chosen by whoever sends it. A newline in it would forge a log line; an escape
sequence (ESC [ ...) would move the cursor or recolour a terminal; a right-to-left override
would show "exe.pdf" for "fdp.exe". Such characters are shown as visible escapes instead.
"""

from __future__ import annotations

import unicodedata

# Bidirectional overrides and isolates: invisible, but they reorder what follows.
_BIDI_CONTROLS = frozenset("\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069\u200e\u200f")


def _escape(ch: str) -> str:
    code = ord(ch)
    if ch == "\n":
        return "\\n"
    if ch == "\r":
        return "\\r"
    if ch == "\t":
        return "\\t"
    return f"\\x{code:02x}" if code < 0x100 else f"\\u{code:04x}"


def printable(text: str) -> str:
    """`text` with control characters (C0, DEL, C1, bidi controls) written as visible escapes."""
    if text.isprintable():
        return text
    return "".join(
        _escape(ch)
        if unicodedata.category(ch) == "Cc" or ch in _BIDI_CONTROLS
        else ch
        for ch in text
    )


def terminal_safe(text: str) -> str:
    """Multi-line text for a terminal: line ends and tabs kept, every other control escaped."""
    return "\n".join(printable(line).replace("\\t", "\t") for line in text.split("\n"))
