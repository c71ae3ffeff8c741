"""`nianbao ingest DIR --recursive [--jobs N | --queue]`: an archive through the worker processes.

--jobs N starts N local workers that read the files from disk; --queue hands the bytes to the
workers already running (`nianbao worker`, any machine) through the database. Either way a
progress bar follows the run, a rerun resumes it, and a CSV lists every file not stored.
"""

from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

from bot.config import Settings
from bot.core import bulk
from bot.core.services import Services
from bot.core.workers import LocalWorkers

PLANNED = "共 {files} 个文件：已入库跳过 {stored}，同一文件重复 {same}，无法读取 {unreadable}，继续上次未完成 {adopted}，新排队 {queued}。"
DONE = "完成：{outcomes}。用时 {seconds:.1f} 秒（{rate:.1f} 个/秒）。"
FAILURES = "未入库的 {count} 个文件及原因已写入 {path}"
NO_FAILURES = "所有文件均已入库。"
WORKERS_GONE = "本机的解析进程意外退出，剩余文件留在队列中；重新运行同一命令即可继续。"
OUTCOME_WORDS = {
    "stored": "新入库",
    "new_version": "新版本",
    "duplicate": "重复",
    "failed": "失败",
    "needs_agency": "待确认单位",
}


def _bar(total: int) -> object | None:
    if not sys.stderr.isatty() or total == 0:
        return None
    from tqdm import tqdm

    bar: object = tqdm(total=total, unit="个", desc="入库", file=sys.stderr)
    return bar


def main(args: argparse.Namespace, settings: Settings) -> int:
    services = Services.open(settings, args.db)
    started = time.monotonic()
    workers: LocalWorkers | None = None
    try:
        paths = list(bulk.walk((Path(p) for p in args.files), recursive=args.recursive))
        plan = bulk.plan(services, paths)
        bulk.submit(services, plan, agency=args.agency, with_bytes=args.queue)
        skipped = {skip: sum(1 for _, s, _ in plan.skipped if s is skip) for skip in bulk.Skip}
        print(
            PLANNED.format(
                files=len(paths),
                stored=skipped[bulk.Skip.STORED],
                same=skipped[bulk.Skip.SAME_BYTES],
                unreadable=skipped[bulk.Skip.UNREADABLE],
                adopted=plan.adopted,
                queued=len(plan.queue),
            ),
            file=sys.stderr,
        )
        if not args.queue:
            url = services.engine.url.render_as_string(hide_password=False)
            workers = LocalWorkers(settings, url, max(1, args.jobs or 1), until_empty=True, nice=False)
            workers.start()
        done, total = _follow(services, plan.batch, workers)
        if done < total:
            print(WORKERS_GONE, file=sys.stderr)
        result = bulk.summary(services, plan)
    finally:
        if workers is not None:
            workers.stop()
        services.close()
    seconds = time.monotonic() - started
    words = "，".join(f"{OUTCOME_WORDS.get(k, k)} {v}" for k, v in sorted(result.outcomes.items()))
    print(DONE.format(outcomes=words or "无", seconds=seconds, rate=done / seconds if seconds else 0.0))
    failures_path = Path(args.failures)
    if result.failures:
        with failures_path.open("w", encoding="utf-8-sig", newline="") as out:
            bulk.write_failures(out, result.failures)
        print(FAILURES.format(count=len(result.failures), path=failures_path))
    else:
        print(NO_FAILURES)
    return 1 if result.failures or done < total else 0


def _follow(services: Services, batch: str, workers: LocalWorkers | None) -> tuple[int, int]:
    """Wait for the run's jobs, with a progress bar; local workers that quit early are restarted
    once per pass (a killed one leaves its job to be taken over)."""
    done, total = bulk.progress(services, batch)
    bar = _bar(total)
    shown = 0
    restarts = 0
    while done < total:
        time.sleep(0.5)
        done, total = bulk.progress(services, batch)
        if bar is not None:
            bar.update(done - shown)  # type: ignore[attr-defined]
            shown = done
        if workers is not None and done < total and workers.wait(0):
            if restarts >= 3:
                break
            restarts += 1
            workers.processes = []
            workers.start()
    if bar is not None:
        bar.close()  # type: ignore[attr-defined]
    return done, total
