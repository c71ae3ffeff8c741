"""Issue 10, items 12 and 18: a data directory or database URL that cannot work, and settings
with bad values, are Chinese sentences with the documented exit codes, never tracebacks; the
read-only commands (ask, export) create nothing in the database they are pointed at."""

from __future__ import annotations

import contextlib
import os
import subprocess
from collections.abc import Iterator
from pathlib import Path

import pytest
from sqlalchemy import create_engine, inspect

from bot.core.services import Services
from bot.main import main
from tests.conftest import make_settings
from tests.hardening.support import ROOT, assert_no_traceback, nianbao

SAMPLE = next(p for p in sorted((ROOT / "bot" / "samples").iterdir()) if "文登" in p.name)


@pytest.fixture
def clean_cli(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> Path:
    """The CLI in this process, with no setting from the environment or a .env file."""
    monkeypatch.chdir(tmp_path)
    for name in list(os.environ):
        if name.startswith("NIANBAO_") or name == "TELEGRAM_BOT_TOKEN":
            monkeypatch.delenv(name)
    return tmp_path


@pytest.mark.parametrize(
    ("url", "words"),
    [
        ("mysql://user@127.0.0.1/nianbao", "不支持的数据库类型"),
        ("::::", "数据库地址无法识别"),
        ("postgresql+psycopg://postgres@127.0.0.1:5432", "没有写库名"),
        ("sqlite://", "没有写库名"),
        ("sqlite:///no/such/dir/x.sqlite3", "所在的目录"),
    ],
)
@pytest.mark.parametrize("command", ["ingest", "ask", "export", "db"])
def test_unusable_database_url(
    clean_cli: Path, capsys: pytest.CaptureFixture[str], url: str, words: str, command: str
) -> None:
    args = {"ingest": ["ingest", str(SAMPLE)], "ask": ["ask", "有多少份2021年报告"], "export": ["export"],
            "db": ["db", "upgrade"]}[command]
    code = main([*args, "--db", url])
    err = capsys.readouterr().err
    if "no/such" in url and command in ("ask", "export"):  # read-only: simply no database there
        expected, words = 1, str(clean_cli / "no/such/dir/x.sqlite3")
    else:
        expected = 2
    assert code == expected, err
    assert words in err


def test_unusable_database_url_in_a_real_process(tmp_path: Path) -> None:
    done = nianbao("ingest", str(SAMPLE), "--db", "mysql://user@127.0.0.1/nianbao", cwd=tmp_path)
    assert done.returncode == 2 and "不支持的数据库类型" in done.stderr
    assert_no_traceback(done.stderr)


def test_data_dir_that_is_a_file(tmp_path: Path) -> None:
    (tmp_path / "afile").write_text("x")
    for data_dir in ("afile", "afile/below"):
        done = nianbao("ingest", str(SAMPLE), cwd=tmp_path, env={"NIANBAO_DATA_DIR": data_dir})
        assert done.returncode == 2
        assert "不是目录" in done.stderr
        assert_no_traceback(done.stderr)


def test_missing_parents_of_the_data_dir_are_created(tmp_path: Path) -> None:
    done = nianbao("ingest", str(SAMPLE), cwd=tmp_path, env={"NIANBAO_DATA_DIR": "a/b/data"})
    assert done.returncode == 0, done.stderr
    assert (tmp_path / "a" / "b" / "data" / "nianbao.sqlite3").is_file()


@contextlib.contextmanager
def read_only_dir(path: Path) -> Iterator[None]:
    """Not writable even for root (chattr +i) when the tests run as root."""
    path.chmod(0o555)
    immutable = False
    try:
        probe = path / "probe"
        try:
            probe.write_bytes(b"")
        except PermissionError:
            pass
        else:
            probe.unlink()
            done = subprocess.run(["chattr", "+i", str(path)], capture_output=True, check=False)
            if done.returncode != 0:
                pytest.skip("cannot make a directory read-only here")
            immutable = True
        yield
    finally:
        if immutable:
            subprocess.run(["chattr", "-i", str(path)], check=False)
        path.chmod(0o755)


def test_read_only_data_dir(tmp_path: Path) -> None:
    data = tmp_path / "data"
    env = {"NIANBAO_DATA_DIR": str(data)}
    assert nianbao("ingest", str(SAMPLE), cwd=tmp_path, env=env).returncode == 0
    before = sorted(os.listdir(data))
    with read_only_dir(data):
        # Writing is refused in one sentence ...
        done = nianbao("ingest", str(SAMPLE), cwd=tmp_path, env=env)
        assert done.returncode == 2
        assert "不可写" in done.stderr
        assert_no_traceback(done.stderr)
        # ... reading still works, and writes nothing.
        asked = nianbao("ask", "文登科技局2021主动公开多少条", cwd=tmp_path, env=env)
        assert asked.returncode == 0, asked.stderr
        assert "253" in asked.stdout
        exported = nianbao("export", "--format", "csv", cwd=tmp_path, env=env)
        assert exported.returncode == 0, exported.stderr
    assert sorted(os.listdir(data)) == before


@pytest.mark.parametrize(
    "command", [["ask", "有多少份2021年报告"], ["export", "--format", "csv"], ["summary", "文登区", "2021"]]
)
def test_read_only_commands_create_nothing(tmp_path: Path, db_url: str, command: list[str]) -> None:
    """Pointed at an empty database (or a path with none), ask/export say so and create nothing."""
    done = nianbao(*command, "--db", db_url, cwd=tmp_path)
    assert done.returncode == 1, done.stderr
    assert "数据库为空" in done.stderr and "nianbao db upgrade" in done.stderr
    assert_no_traceback(done.stderr)
    if db_url.startswith("sqlite"):
        assert not (tmp_path / "test.sqlite3").exists()
        assert "test.sqlite3" in done.stderr  # which database was used
    else:
        engine = create_engine(db_url)
        try:
            assert inspect(engine).get_table_names() == []
        finally:
            engine.dispose()
    assert not (tmp_path / "data").exists()


def test_empty_default_database_says_where_it_looked(tmp_path: Path) -> None:
    """Run from another directory: the default ./data is empty; the message names the path."""
    done = nianbao("ask", "文登科技局2021主动公开多少条", cwd=tmp_path)
    assert done.returncode == 1
    assert str(tmp_path / "data" / "nianbao.sqlite3") in done.stderr
    assert "NIANBAO_DATA_DIR" in done.stderr
    assert not (tmp_path / "data").exists()


def test_read_only_open_refuses_an_outdated_schema(tmp_path: Path) -> None:
    url = f"sqlite:///{tmp_path / 'x.sqlite3'}"
    from storage.migrate import upgrade

    upgrade(url, "0001")
    from bot.core.setup import SetupError, SetupProblem

    with pytest.raises(SetupError) as caught:
        Services.open(make_settings(tmp_path, url), read_only=True)
    assert caught.value.problem is SetupProblem.DB_OUTDATED


@pytest.mark.parametrize(
    ("name", "value", "words"),
    [
        ("NIANBAO_PARSE_TIMEOUT", "abc", "应为数字"),
        ("NIANBAO_PARSE_TIMEOUT", "-1", "应大于 0"),
        ("NIANBAO_ADMINS", "alice", "逗号分隔的整数"),
        ("NIANBAO_TIMEZONE", "Mars/Olympus", "未知时区"),
        ("NIANBAO_REMINDER_TIME", "9点", "HH:MM"),
        ("NIANBAO_DIGEST_INTERVAL_DAYS", "0", "应不小于 1"),
        ("NIANBAO_PROXY_URL", "ftp://127.0.0.1", "代理地址"),
        ("NIANBAO_LOG_LEVEL", "LOUD", "日志级别"),
    ],
)
def test_configuration_errors_in_chinese(
    clean_cli: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str],
    name: str, value: str, words: str,
) -> None:
    monkeypatch.setenv(name, value)
    assert main(["ask", "x"]) == 2
    err = capsys.readouterr().err
    assert "配置错误" in err
    assert f"{name}={value}" in err and words in err
    assert "pydantic" not in err and "validation error" not in err


def test_empty_data_dir_setting_means_the_default(tmp_path: Path) -> None:
    settings = make_settings(tmp_path)
    assert settings.data_dir == tmp_path
    from bot.config import Settings

    assert Settings(_env_file=None, NIANBAO_DATA_DIR="").data_dir == Path("data")  # type: ignore[call-arg]


def test_agency_csv_and_chat_id_are_documented() -> None:
    from bot.core.deadlines import LEVELS

    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    assert "name,region,level,chat,responsible,deadline" in readme  # the header row, spelt out
    assert "第一行必须是表头" in readme
    for value in set(LEVELS.values()):
        assert f"`{value}`" in readme, value
    assert "群 id 怎么找" in readme and "getUpdates" in readme and "/register" in readme


def test_read_only_services_cannot_write(tmp_path: Path, db_url: str) -> None:
    from sqlalchemy import text
    from sqlalchemy.exc import DBAPIError

    Services.open(make_settings(tmp_path / "d", db_url)).close()  # a migrated database
    services = Services.open(make_settings(tmp_path / "d", db_url), read_only=True)
    try:
        with pytest.raises(DBAPIError), services.sessions.begin() as session:
            session.execute(text("CREATE TABLE nianbao_probe (x integer)"))
    finally:
        services.close()
