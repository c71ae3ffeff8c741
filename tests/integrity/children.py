"""Child processes of the integrity harness (tests.integrity.harness), one storage job each.

    python -m tests.integrity.children upgrade URL N      migrate URL; kill -9 itself right after
                                                          the Nth SQL statement (0: never); prints
                                                          how many statements ran
    python -m tests.integrity.children ingest URL FILE... `nianbao ingest FILE... --db URL` with a
                                                          fast stand-in parser (see fake_report)

The stand-in parser reads a file's few bytes of JSON ({"agency", "year", "version"}) as a whole
report: the harness races storage, not the PDF reader, and a real parse per file would make 20
rounds of 4 processes take most of an hour on a small machine.
"""

from __future__ import annotations

import json
import os
import signal
import sys
from typing import Any

from sqlalchemy import event

from parsing import Report
from storage.db import make_engine
from storage.migrate import upgrade
from tests.factories import make_report


def upgrade_killed_after(url: str, kill_after: int) -> int:
    engine = make_engine(url)
    count = 0

    def after_execute(*_args: Any) -> None:
        nonlocal count
        count += 1
        if count == kill_after:
            os.kill(os.getpid(), signal.SIGKILL)

    event.listen(engine, "after_cursor_execute", after_execute)
    upgrade(engine)
    engine.dispose()
    return count


def fake_report(data: bytes, filename: str, **_kwargs: Any) -> Report:
    spec = json.loads(data)
    return make_report(spec["agency"], spec["year"], facts={"proactive.total": spec["version"]})


def ingest_cli(url: str, files: list[str]) -> int:
    import bot.core.ingest
    from bot.main import main

    assert hasattr(bot.core.ingest, "default_parse"), "the ingest's parser hook moved: update the harness"
    bot.core.ingest.default_parse = lambda: fake_report
    return main(["ingest", *files, "--db", url])


if __name__ == "__main__":
    job, url = sys.argv[1], sys.argv[2]
    if job == "upgrade":
        sys.stdout.write(f"{upgrade_killed_after(url, int(sys.argv[3]))}\n")
    elif job == "ingest":
        sys.exit(ingest_cli(url, sys.argv[3:]))
    else:
        sys.exit(f"unknown job {job}")
