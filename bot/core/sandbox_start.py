"""Starting the parse sandbox ahead of the first parse (issue 14).

Light on purpose: `nianbao worker` imports this before its database side (about 1 s of imports),
so the sandbox process imports the parsers meanwhile and a bulk run's first file does not wait.
"""

from __future__ import annotations


def warm_sandbox(parsers: int | None = None) -> None:
    """`parsers`: parses at once in this process (default: one per CPU)."""
    from parsing.sandbox import default_sandbox

    default_sandbox(parsers).warm()
