"""Load on the Telegram bot: 50 users each upload a report and ask 10 questions, at once.

The bot runs in a child process (so its peak RSS is its own) and polls the fake Bot API
(tests/e2e/fake_bot_api.py) served by this process, which plays the users. Prints p50/p95
of the time from a user's question to the bot's answer while the parses run, lost and
duplicated replies, and the bot's peak RSS (plus its parse workers').

    .venv/bin/python benchmarks/bot_load.py [--users 50] [--questions 10]

Targets (issue 14): question p95 <= 0.5 s during the upload burst; no lost or duplicated reply;
bot RSS <= 150 MB. Parsing and storing run in the bot's local worker processes (NIANBAO_WORKERS).
"""

from __future__ import annotations

import argparse
import asyncio
import contextlib
import os
import random
import statistics
import subprocess
import sys
import tempfile
import time
from collections import defaultdict
from pathlib import Path
from typing import TYPE_CHECKING

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))


from bot.core.replies import bot as R  # noqa: E402

if TYPE_CHECKING:
    from tests.e2e.fake_bot_api import Call, FakeBotApi

SAMPLES = ROOT / "tests" / "samples"
QUESTIONS = (
    "文登科技局2021主动公开多少条",
    "文登科技局2021年新收多少申请",
    "文登科技局2021年网站发布多少条",
    "2021年哪个单位收到申请最多",
    "有多少份2021年报告",
    "文登科技局2021行政复议多少件",
    "2021年一共收到多少申请",
    "文登科技局有哪些年份的报告",
    "文登科技局2021予以公开多少件",
    "2021年哪些报告勾稽关系不对",
)


# Seed 001 never names its agency: its uploads carry the name in the caption, as a user would.
CAPTIONS = {"001": "某区科学技术和工业信息化局"}


def _sample_files() -> list[tuple[str, bytes, bytes, str | None]]:
    """(name, content, padding that makes a copy unique, caption) for the uploads, in rotation."""
    out: list[tuple[str, bytes, bytes, str | None]] = []
    for seed in sorted((SAMPLES / "seeds").glob("*.txt")):
        out.append((seed.name, seed.read_bytes(), b"\n", CAPTIONS.get(seed.name[:3])))
    pads = {".pdf": b"\n%", ".html": b"\n<!-- -->"}  # ignored after %%EOF / as a comment
    for name in ("000.pdf", "001.pdf", "000.html", "001.html"):
        path = SAMPLES / "generated" / name
        if path.exists():
            out.append((name, path.read_bytes(), pads[path.suffix], CAPTIONS.get(name[:3])))
    return out


def _rss_kb(pid: int, field: str) -> int:
    try:
        for line in Path(f"/proc/{pid}/status").read_text().splitlines():
            if line.startswith(field + ":"):
                return int(line.split()[1])
    except OSError:
        pass
    return 0


def _children(pid: int) -> list[int]:
    """Child processes started by any thread of `pid` (parse workers come from pool threads)."""
    out: list[int] = []
    for task in Path(f"/proc/{pid}/task").glob("*"):
        with contextlib.suppress(OSError):
            out += [int(p) for p in (task / "children").read_text().split()]
    return out


# --- the bot, in the child process ------------------------------------------------------------


def serve_bot(api_url: str, token: str, data_dir: str, db_url: str) -> None:
    from bot.config import Settings
    from bot.core.services import Services
    from bot.tg.app import build_application, running

    settings = Settings(  # type: ignore[call-arg]
        _env_file=None,
        TELEGRAM_BOT_TOKEN=token,
        NIANBAO_BOT_API_URL=api_url,
        NIANBAO_DATA_DIR=data_dir,
        NIANBAO_DATABASE_URL=db_url,
        NIANBAO_LOG_LEVEL="WARNING",
    )

    async def main() -> None:
        application = build_application(settings, Services.open)
        async with running(application, poll_timeout=5):
            # Run until the parent closes our stdin.
            await asyncio.to_thread(sys.stdin.read)

    asyncio.run(main())


# --- the users, in this process -----------------------------------------------------------------


class Inboxes:
    """Routes every bot call to the chat it is for."""

    def __init__(self) -> None:
        self.queues: dict[int, asyncio.Queue[Call]] = defaultdict(asyncio.Queue)
        self.calls: dict[int, list[Call]] = defaultdict(list)

    def __call__(self, call: Call) -> None:
        if call.chat_id is not None and call.method in ("sendMessage", "editMessageText", "sendDocument"):
            self.calls[call.chat_id].append(call)
            self.queues[call.chat_id].put_nowait(call)


async def user_session(
    api: FakeBotApi,
    inbox: Inboxes,
    user_id: int,
    upload: tuple[str, bytes, str | None],
    questions: int,
    think: float,
) -> list[tuple[float, float]]:
    """(when asked, seconds to the answer) for each question."""
    chat = api.private_chat(user_id)
    queue = inbox.queues[user_id]
    name, data, caption = upload
    if data:
        await api.send_document(chat, user_id, data, name, caption=caption)
    latencies: list[float] = []
    rng = random.Random(user_id)
    for i in range(questions):
        if think > 0:  # a person reads the answer and types the next question
            await asyncio.sleep(rng.uniform(0.5 * think, 1.5 * think))
        text = QUESTIONS[i % len(QUESTIONS)]
        sent = time.monotonic()
        await api.send_text(chat, user_id, text)
        while True:  # upload progress arrives on the same queue; the answer is a new message
            call = await asyncio.wait_for(queue.get(), 60)
            if call.method == "sendMessage" and not call.text.startswith("收到《"):
                latencies.append((sent, call.at - sent))
                break
    return latencies


def _spawn_bot(api: FakeBotApi, data_dir: str, db_url: str) -> subprocess.Popen[bytes]:
    return subprocess.Popen(
        [sys.executable, __file__, "--serve-bot", api.url, api.token, data_dir, db_url],
        stdin=subprocess.PIPE,
        cwd=ROOT,
    )


async def drive(users: int, questions: int, *, think: float, uploads: bool = True) -> int:
    # Imported here, in the users' process only: the bot's child must not carry aiohttp's server
    # (and the rest of the fake Bot API) in the RSS it reports.
    from tests.e2e.fake_bot_api import FakeBotApi

    api = FakeBotApi()
    await api.start()
    inbox = Inboxes()
    api.listeners.append(inbox)
    tmp = tempfile.mkdtemp(prefix="nianbao-load-")
    db_url = f"sqlite:///{tmp}/load.sqlite3"
    child = _spawn_bot(api, tmp, db_url)
    peak_workers_kb = 0
    sampling = True

    async def sample() -> None:
        nonlocal peak_workers_kb
        while sampling:
            workers = sum(_rss_kb(p, "VmRSS") for p in _children(child.pid))
            peak_workers_kb = max(peak_workers_kb, workers)
            await asyncio.sleep(0.2)

    try:
        await api.wait_for(lambda c: c.method == "setMyCommands", within=60)
        # Warm-up: one report stored so the questions have something to find.
        samples = _sample_files()
        seed_name, seed_data, _, _ = samples[0]
        warm_user = 1
        await api.send_document(api.private_chat(warm_user), warm_user, seed_data, seed_name)
        await api.wait_for(
            lambda c: c.method == "editMessageText" and c.chat_id == warm_user
            and c.text not in _progress(seed_name),
            within=120,
        )
        base_rss = _rss_kb(child.pid, "VmRSS")
        sampler = asyncio.create_task(sample())
        files = []
        for i in range(users):
            name, data, pad, caption = samples[i % len(samples)]
            files.append((f"u{i}_{name}", data + pad * (i + 1) if uploads else b"", caption))
        started = time.monotonic()
        results = await asyncio.gather(
            *(user_session(api, inbox, 1000 + i, files[i], questions, think) for i in range(users))
        )
        questions_done = time.monotonic() - started
        # Wait for every upload's final result.
        deadline = time.monotonic() + 300
        while time.monotonic() < deadline:
            finished = sum(1 for i in range(users) if _final_edits(inbox.calls[1000 + i], files[i][0]))
            if finished == users or not uploads:
                break
            await asyncio.sleep(0.5)
        await asyncio.sleep(1.0)  # let any duplicate show up
        sampling = False
        await sampler
        peak_kb = _rss_kb(child.pid, "VmHWM")
    finally:
        if child.stdin:
            child.stdin.close()
        try:
            await asyncio.to_thread(child.wait, 30)
        except subprocess.TimeoutExpired:
            child.kill()
        await api.stop()

    last_parse = max(
        (c.at for i in range(users) for c in _final_edits(inbox.calls[1000 + i], files[i][0])), default=0.0
    )
    latencies = sorted(x for r in results for _, x in r)
    during = sorted(x for r in results for asked, x in r if asked <= last_parse)
    lost = duplicated = 0
    failed_uploads = 0
    for i in range(users):
        calls = inbox.calls[1000 + i]
        answers = [c for c in calls if c.method == "sendMessage" and not c.text.startswith("收到《")]
        received = [c for c in calls if c.method == "sendMessage" and c.text.startswith("收到《")]
        finals = _final_edits(calls, files[i][0])
        expected = 1 if uploads else 0
        lost += max(0, questions - len(answers)) + max(0, expected - len(received)) + max(0, expected - len(finals))
        duplicated += (
            max(0, len(answers) - questions) + max(0, len(received) - expected) + max(0, len(finals) - expected)
        )
        failed_uploads += sum(1 for c in finals if c.text in (R.APOLOGY,))

    def pct(p: float, values: list[float] | None = None) -> float:
        values = latencies if values is None else values
        if not values:
            return 0.0
        return values[min(len(values) - 1, int(p * len(values)))] * 1000

    print(f"users: {users}, questions each: {questions}, uploads: {users if uploads else 0}, "
          f"think time: {think:.1f} s mean")
    print(f"answers: {len(latencies)}  p50 {pct(0.50):.0f} ms  p95 {pct(0.95):.0f} ms  "
          f"max {latencies[-1] * 1000:.0f} ms  mean {statistics.mean(latencies) * 1000:.0f} ms")
    if uploads:
        print(f"asked while parses ran: {len(during)}  p50 {pct(0.50, during):.0f} ms  "
              f"p95 {pct(0.95, during):.0f} ms  max {(during or [0])[-1] * 1000:.0f} ms")
    parsed = f"{last_parse - started:.1f} s" if uploads and last_parse else "-"
    print(f"all questions answered after {questions_done:.1f} s; every upload's result sent after {parsed}")
    print(f"lost replies: {lost}  duplicated replies: {duplicated}  uploads answered with an apology: {failed_uploads}")
    print(f"bot RSS: {base_rss / 1024:.0f} MB after warm-up, peak {peak_kb / 1024:.0f} MB (VmHWM); "
          f"parse workers peak {peak_workers_kb / 1024:.0f} MB together")
    ok = pct(0.95) <= 500 and pct(0.95, during) <= 500 and lost == 0 and duplicated == 0 and peak_kb / 1024 <= 150
    print("targets met" if ok else "TARGETS MISSED")
    return 0 if ok else 1


def _progress(name: str) -> set[str]:
    return {R.RECEIVED.format(name=name), R.PARSING.format(name=name)}


def _final_edits(calls: list[Call], name: str) -> list[Call]:
    progress = _progress(name)
    return [c for c in calls if c.method == "editMessageText" and c.text not in progress]


def main() -> int:
    if len(sys.argv) > 1 and sys.argv[1] == "--serve-bot":
        serve_bot(*sys.argv[2:6])
        return 0
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--users", type=int, default=50)
    parser.add_argument("--questions", type=int, default=10)
    parser.add_argument(
        "--think", type=float, default=2.0,
        help="mean seconds a user waits between an answer and the next question (0: back to back)",
    )
    parser.add_argument("--no-uploads", action="store_true", help="questions only (a baseline)")
    args = parser.parse_args()
    os.environ.setdefault("PYTHONPATH", str(ROOT))
    return asyncio.run(drive(args.users, args.questions, think=args.think, uploads=not args.no_uploads))


if __name__ == "__main__":
    sys.exit(main())
