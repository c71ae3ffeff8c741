"""The sandbox: results and typed errors cross the process boundary; hung workers die."""

from __future__ import annotations

import time
from collections.abc import Iterator
from concurrent.futures import ThreadPoolExecutor
from datetime import date

import pytest

from parsing.errors import EncryptedFile, ParseError, ParseTimeout, TooLarge
from parsing.options import ParseOptions
from parsing.sandbox import CRASH_MESSAGE, Sandbox

try:  # tests/parsing may or may not be a package
    import sandbox_hooks as hooks  # type: ignore[import-not-found]
except ImportError:
    from tests.parsing import sandbox_hooks as hooks


def _sandbox(fn: str, **kwargs: object) -> Sandbox:
    return Sandbox(target=f"{hooks.__name__}:{fn}", **kwargs)  # type: ignore[arg-type]


@pytest.fixture
def quick() -> Iterator[Sandbox]:
    sandbox = _sandbox("quick_parse", max_workers=2)
    yield sandbox
    sandbox.close()


def test_report_crosses_the_process_boundary(quick: Sandbox) -> None:
    report = quick.parse(b"abcd", "年报.pdf", caption="文登科技局")
    assert report.agency == "文登科技局"
    assert report.title == "年报.pdf"
    assert report.published_on == date(2022, 1, 27)
    assert dict(report.cells) == {"t3.new.total": 4, "t2.fees.amount": None}
    assert report.checks[0].ok is True
    # Still read-only on this side.
    with pytest.raises(TypeError):
        report.cells["t3.new.total"] = 0  # type: ignore[index]


def test_workers_are_reused() -> None:
    pid_sandbox = _sandbox("pid_parse", max_workers=1)
    try:
        first = pid_sandbox.parse(b"", "a")
        second = pid_sandbox.parse(b"", "b")
        assert first.cells["t3.new.total"] == second.cells["t3.new.total"]
    finally:
        pid_sandbox.close()


def test_typed_error_keeps_type_and_chinese_message() -> None:
    sandbox = _sandbox("encrypted_parse")
    with pytest.raises(EncryptedFile) as exc:
        sandbox.parse(b"", "x.pdf")
    assert exc.value.message == "自定义的中文提示"
    sandbox.close()


def test_crash_becomes_generic_parse_error_and_is_logged(caplog: pytest.LogCaptureFixture) -> None:
    sandbox = _sandbox("crashing_parse")
    with pytest.raises(ParseError) as exc:
        sandbox.parse(b"", "x.pdf")
    assert type(exc.value) is ParseError
    assert exc.value.message == CRASH_MESSAGE
    assert "Traceback" not in exc.value.message
    assert "KeyError" in caplog.text  # the traceback goes to the log
    sandbox.close()


def test_dead_worker_is_replaced() -> None:
    dying = _sandbox("dying_parse", max_workers=1)
    with pytest.raises(ParseError) as exc:
        dying.parse(b"", "x.pdf")
    assert exc.value.message == CRASH_MESSAGE
    with pytest.raises(ParseError):  # a fresh worker serves the next file
        dying.parse(b"", "y.pdf")
    dying.close()


def test_memory_limit_becomes_too_large() -> None:
    sandbox = _sandbox("hungry_parse", memory_limit=1024**3)
    with pytest.raises(TooLarge):
        sandbox.parse(b"", "bomb.pdf")
    sandbox.close()


def test_hung_worker_is_killed_at_the_time_limit_and_replaced() -> None:
    sandbox = _sandbox("slow_parse", max_workers=1)
    started = time.monotonic()
    with pytest.raises(ParseTimeout) as exc:
        sandbox.parse(b"30", "slow.pdf", options=ParseOptions(timeout_s=0.5))
    assert time.monotonic() - started < 5
    assert "超时" in exc.value.message
    # The killed worker's slot is free again and a new worker answers.
    report = sandbox.parse(b"0", "fast.pdf", options=ParseOptions(timeout_s=10))
    assert report.title == "fast.pdf"
    sandbox.close()


def test_concurrent_calls_from_threads(quick: Sandbox) -> None:
    payloads = [b"x" * n for n in range(1, 21)]
    with ThreadPoolExecutor(max_workers=6) as pool:
        reports = list(pool.map(lambda d: quick.parse(d, "f"), payloads))
    assert [r.cells["t3.new.total"] for r in reports] == list(range(1, 21))


def test_one_timeout_does_not_disturb_other_threads() -> None:
    sandbox = _sandbox("slow_parse", max_workers=3)

    def run(data: bytes) -> str:
        try:
            # Generous: fresh workers start (and import) inside the limit, slowly on a loaded CI box.
            return sandbox.parse(data, "f", options=ParseOptions(timeout_s=4.0)).title or ""
        except ParseTimeout:
            return "timeout"

    with ThreadPoolExecutor(max_workers=3) as pool:
        results = list(pool.map(run, [b"0.1", b"30", b"0.2"]))
    assert results == ["f", "timeout", "f"]
    sandbox.close()
