"""Report links (issue 15): pages, attachments, and the guard against the internal network."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from sqlalchemy import select

from bot.core.fetch import FetchError, FetchPolicy, FetchProblem, check_url, fetch
from bot.core.ingest import IngestOutcome, ingest
from bot.core.links import fetch_report, find_url, link_request, without_url
from bot.core.replies.links import fetch_failed
from bot.core.services import Services
from bot.main import main
from storage.models import SourceFile
from tests.conftest import make_settings
from tests.links.server import REPORT_NAME, report_site

LOCAL = FetchPolicy.from_strings(["127.0.0.1/32"], max_bytes=1_000_000, timeout_s=10)


@pytest.fixture(scope="module")
def site() -> Iterator[str]:
    with report_site() as base:
        yield base


def test_a_link_is_found_in_a_message() -> None:
    text = "请看 https://www.wendeng.gov.cn/art/2022/1/27/art_1.html，威海市文登区科学技术局"
    url = find_url(text)
    assert url == "https://www.wendeng.gov.cn/art/2022/1/27/art_1.html"
    assert without_url(text, url) == "请看 ，威海市文登区科学技术局"
    assert find_url("文登科技局2021主动公开多少条") is None


def test_page_that_is_the_report(site: str) -> None:
    linked = fetch_report(f"{site}/art/report.html", LOCAL)
    assert linked.filename == "report.html" and b"<table" in linked.data


def test_page_whose_attachment_is_the_report_after_a_redirect(site: str) -> None:
    linked = fetch_report(f"{site}/moved", LOCAL)
    assert linked.filename == REPORT_NAME
    assert linked.data.startswith(b"%PDF") and len(linked.data) > 10_000
    assert linked.page_url == f"{site}/moved"


def test_ingest_from_a_link_keeps_the_page_address(site: str, tmp_path: Path) -> None:
    settings = make_settings(tmp_path, f"sqlite:///{tmp_path / 'db.sqlite3'}")
    services = Services.open(settings)
    try:
        result = ingest(services, link_request(f"{site}/art/attached.html", LOCAL))
        assert result.outcome is IngestOutcome.STORED
        with services.sessions() as session:
            (source,) = session.execute(select(SourceFile)).scalars()
            assert source.source_url == f"{site}/art/attached.html"
            assert source.original_name == REPORT_NAME
    finally:
        services.close()


@pytest.mark.parametrize(
    "url",
    [
        "http://127.0.0.1/",
        "http://localhost:8080/",
        "http://10.1.2.3/",
        "http://192.168.1.1/",
        "http://172.16.0.1/",
        "http://169.254.169.254/latest/meta-data/",
        "http://100.64.0.1/",
        "http://0.0.0.0/",
        "http://[::1]/",
        "http://[fc00::1]/",
        "http://[::ffff:127.0.0.1]/",
        "http://224.0.0.1/",
    ],
)
def test_internal_addresses_are_refused_by_default(url: str) -> None:
    with pytest.raises(FetchError) as exc:
        check_url(url, FetchPolicy())
    assert exc.value.problem is FetchProblem.PRIVATE_ADDRESS
    assert "内网" in fetch_failed(exc.value)


def test_local_test_server_is_refused_by_default(site: str) -> None:
    with pytest.raises(FetchError) as exc:
        fetch_report(f"{site}/art/report.html", FetchPolicy())
    assert exc.value.problem is FetchProblem.PRIVATE_ADDRESS


@pytest.mark.parametrize("path", ["/to-loopback", "/to-metadata", "/to-private"])
def test_a_redirect_into_the_internal_network_is_refused(site: str, path: str) -> None:
    """Only 127.0.0.1 is allowed here: the redirect target (127.0.0.2, 169.254.x, 10.x) is checked again."""
    with pytest.raises(FetchError) as exc:
        fetch(f"{site}{path}", LOCAL)
    assert exc.value.problem is FetchProblem.PRIVATE_ADDRESS
    assert "内网" in fetch_failed(exc.value)


@pytest.mark.parametrize(
    ("path", "problem", "words"),
    [
        ("/to-file", FetchProblem.BAD_SCHEME, "http"),
        ("/loop", FetchProblem.TOO_MANY_REDIRECTS, "跳转"),
        ("/big", FetchProblem.TOO_LARGE, "太大"),
        ("/missing", FetchProblem.HTTP_STATUS, "404"),
    ],
)
def test_bad_links_are_explained_in_chinese(site: str, path: str, problem: FetchProblem, words: str) -> None:
    with pytest.raises(FetchError) as exc:
        fetch(f"{site}{path}", FetchPolicy.from_strings(["127.0.0.1/32"], max_bytes=100_000, timeout_s=10))
    assert exc.value.problem is problem
    assert words in fetch_failed(exc.value)


def test_other_schemes_are_refused() -> None:
    for url in ("ftp://example.org/a.pdf", "file:///etc/passwd", "gopher://x/"):
        with pytest.raises(FetchError) as exc:
            check_url(url, FetchPolicy())
        assert exc.value.problem is FetchProblem.BAD_SCHEME


def test_cli_ingest_url(site: str, tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("NIANBAO_DATA_DIR", str(tmp_path))
    db = f"sqlite:///{tmp_path / 'cli.sqlite3'}"
    assert main(["ingest", f"{site}/art/attached.html", "--db", db]) == 1  # default: loopback refused
    assert "内网" in capsys.readouterr().out
    monkeypatch.setenv("NIANBAO_FETCH_ALLOWED_NETWORKS", "127.0.0.1/32")
    assert main(["ingest", f"{site}/art/attached.html", "--db", db]) == 0
    assert "威海市文登区科学技术局" in capsys.readouterr().out
