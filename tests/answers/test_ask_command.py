"""`nianbao ask`: prints what the bot would send, markup stripped; exit 1 when unanswered."""

from __future__ import annotations

from pathlib import Path

import pytest

from bot.core.services import Services
from bot.main import main


@pytest.fixture
def ask(answer_services: Services, tmp_path: Path, monkeypatch: pytest.MonkeyPatch):  # type: ignore[no-untyped-def]
    monkeypatch.chdir(tmp_path)
    monkeypatch.setenv("NIANBAO_DATA_DIR", str(tmp_path / "data"))
    url = answer_services.engine.url.render_as_string(hide_password=False)

    def run(question: str, capsys: pytest.CaptureFixture[str]) -> tuple[int, str]:
        code = main(["ask", question, "--db", url])
        return code, capsys.readouterr().out

    return run


def test_answered_question_exits_0_with_the_sentence(ask, capsys) -> None:  # type: ignore[no-untyped-def]
    code, out = ask("文登科技局2021主动公开多少条", capsys)
    assert code == 0
    assert "253条" in out
    assert "我局2021年来，共主动公开政务信息253条。" in out


def test_documents_published_is_the_published_part(ask, capsys) -> None:  # type: ignore[no-untyped-def]
    # Issue 13: 27 documents published, not the 68 issued nor the notice board's 20.
    code, out = ask("平罗科技局2021年公文公开发布多少件", capsys)
    assert code == 0
    assert "公开发布公文：27件" in out and "其中公开发布 27 件" in out
    code, out = ask("平罗科技局2021年制发公文多少件", capsys)
    assert code == 0
    assert "制发公文：68件" in out


def test_table_is_printed_without_markup(ask, capsys) -> None:  # type: ignore[no-untyped-def]
    code, out = ask("2021年哪个单位收到申请最多", capsys)
    assert code == 0
    assert "<pre>" not in out and "威海市文登区公安局" in out


@pytest.mark.parametrize(
    "question", ["文登科技局2023年主动公开多少", "今天天气怎么样", "火星市科技局2021主动公开"]
)
def test_unanswered_question_exits_1(ask, capsys, question: str) -> None:  # type: ignore[no-untyped-def]
    code, out = ask(question, capsys)
    assert code == 1
    assert out.strip()


def test_ambiguous_agency_prints_numbered_choices(ask, capsys) -> None:  # type: ignore[no-untyped-def]
    code, out = ask("文登局2021收到多少申请", capsys)
    assert code == 1
    assert "1. " in out and "2. " in out and "威海市文登区公安局" in out
    # The exact command to run for each candidate: the question with the full name.
    assert "nianbao ask '威海市文登区公安局2021收到多少申请' --db " in out
