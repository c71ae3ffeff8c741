"""Issue 10, item 15: a .env copied from .env.example cannot move the service's or the
container's data directory; the Docker build context leaves secrets and local data out."""

from __future__ import annotations

import fnmatch
import shlex

from tests.hardening.support import ROOT

DEPLOY = ROOT / "deploy"


def _env_file_values(text: str) -> dict[str, str]:
    values = {}
    for line in text.splitlines():
        line = line.strip()
        if line and not line.startswith("#") and "=" in line:
            name, _, value = line.partition("=")
            values[name.strip()] = value.strip()
    return values


def _systemd_environment(unit: str, env_file: str, exec_key: str) -> dict[str, str]:
    """The environment `exec_key` runs with: Environment=, then EnvironmentFile= (which overrides
    it, as systemd.exec(5) says), then an `env NAME=value` prefix on the command line itself."""
    env: dict[str, str] = {}
    command = ""
    for line in unit.splitlines():
        key, _, value = line.partition("=")
        if key == "Environment":
            for item in shlex.split(value):
                name, _, val = item.partition("=")
                env[name] = val
        elif key == "EnvironmentFile":
            env.update(_env_file_values(env_file))
        elif key == exec_key:
            command = value
    words = shlex.split(command)
    if words and words[0].endswith("/env"):
        for word in words[1:]:
            if "=" not in word:
                break
            name, _, val = word.partition("=")
            env[name] = val
    return env


def test_example_env_sets_no_data_dir() -> None:
    values = _env_file_values((ROOT / ".env.example").read_text(encoding="utf-8"))
    assert "NIANBAO_DATA_DIR" not in values


def test_systemd_data_dir_survives_a_copied_env_file() -> None:
    unit = (DEPLOY / "nianbao.service").read_text(encoding="utf-8")
    # The worst case: a user uncomments the example's NIANBAO_DATA_DIR=./data.
    example = (ROOT / ".env.example").read_text(encoding="utf-8").replace("# NIANBAO_DATA_DIR=", "NIANBAO_DATA_DIR=")
    assert _env_file_values(example)["NIANBAO_DATA_DIR"] == "./data"
    for key in ("ExecStart", "ExecStartPre"):
        env = _systemd_environment(unit, example, key)
        assert env["NIANBAO_DATA_DIR"] == "/var/lib/nianbao", key
    assert "ReadWritePaths=/var/lib/nianbao" in unit
    assert "WorkingDirectory=/var/lib/nianbao" in unit  # relative paths land in the state directory


def test_docker_runs_from_its_volume() -> None:
    dockerfile = (DEPLOY / "Dockerfile").read_text(encoding="utf-8")
    after_user = dockerfile.split("USER ", 1)[1]
    # The last WORKDIR is the volume: a relative NIANBAO_DATA_DIR from --env-file stays on it.
    assert [line for line in after_user.splitlines() if line.startswith("WORKDIR")][-1] == "WORKDIR /data"
    compose = (DEPLOY / "compose.yaml").read_text(encoding="utf-8")
    assert "NIANBAO_DATA_DIR: /data" in compose  # compose's environment: beats env_file


def _ignored(patterns: list[str], path: str) -> bool:
    ignored = False
    for pattern in patterns:
        negate = pattern.startswith("!")
        pattern = pattern.lstrip("!").rstrip("/")
        if fnmatch.fnmatch(path, pattern) or fnmatch.fnmatch(path.split("/")[0], pattern):
            ignored = not negate
    return ignored


def test_dockerignore_keeps_secrets_and_local_state_out() -> None:
    lines = (ROOT / ".dockerignore").read_text(encoding="utf-8").splitlines()
    patterns = [line.strip() for line in lines if line.strip() and not line.startswith("#")]
    for path in (".env", ".venv", "data", ".git", ".venv/bin/python", "data/nianbao.sqlite3", ".mypy_cache",
                 ".pytest_cache", ".env.production"):
        assert _ignored(patterns, path), path
    for path in ("bot/cli/__init__.py", "parsing/sniff.py", "pyproject.toml", "README.md", ".env.example"):
        assert not _ignored(patterns, path), path
