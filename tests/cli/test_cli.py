"""The command's contract: subcommands, their help, exit codes."""

from __future__ import annotations

import subprocess
import sys

import pytest

from bot.cli import EXIT_USAGE, build_parser
from bot.main import main

SUBCOMMANDS = ["parse", "ingest", "check", "summary", "chart", "fix", "ask", "run", "remind", "export", "db", "agencies"]


def test_help_lists_every_subcommand(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as exc:
        main(["--help"])
    assert exc.value.code == 0
    out = capsys.readouterr().out
    for name in SUBCOMMANDS:
        assert name in out


@pytest.mark.parametrize("name", SUBCOMMANDS)
def test_each_subcommand_has_help_with_examples(name: str, capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as exc:
        main([name, "--help"])
    assert exc.value.code == 0
    out = capsys.readouterr().out
    assert "示例 / examples" in out
    assert f"nianbao {name}" in out


@pytest.mark.parametrize("name", ["ingest", "check", "summary", "chart", "fix", "ask", "remind", "export", "db", "agencies", "run"])
def test_data_subcommands_take_db(name: str) -> None:
    actions = build_parser()._subparsers._group_actions[0].choices[name]._option_string_actions  # type: ignore[union-attr]
    assert "--db" in actions


def test_no_subcommand_is_a_usage_error(capsys: pytest.CaptureFixture[str]) -> None:
    assert main([]) == EXIT_USAGE


def test_bad_option_exits_2() -> None:
    with pytest.raises(SystemExit) as exc:
        main(["export", "--format", "pdf"])
    assert exc.value.code == 2


def test_console_script_is_installed() -> None:
    done = subprocess.run(
        [sys.executable, "-m", "bot", "--help"], capture_output=True, text=True, check=False
    )
    assert done.returncode == 0
    assert "nianbao" in done.stdout


def test_closed_pipe_is_not_a_traceback(tmp_path) -> None:  # type: ignore[no-untyped-def]
    """`nianbao parse FILE --json | head -1`: the reader leaves early; no traceback on stderr."""
    from pathlib import Path

    fixture = Path(__file__).resolve().parents[1] / "samples" / "generated" / "000.docx"
    proc = subprocess.Popen(
        [sys.executable, "-m", "bot", "parse", str(fixture), "--json"],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        cwd=tmp_path,
    )
    assert proc.stdout is not None and proc.stderr is not None
    proc.stdout.read(1)
    proc.stdout.close()
    err = proc.stderr.read().decode()
    proc.wait(timeout=60)
    assert "Traceback" not in err


def test_the_cli_alone_hands_telegram_commands_to_the_composition_root(capsys: pytest.CaptureFixture[str]) -> None:
    # bot.cli never imports bot.tg: `run` and `remind` come from bot.main, the console script.
    from bot import cli

    assert cli.main(["run"]) == EXIT_USAGE
    assert "python -m bot" in capsys.readouterr().err
