"""Issue 11: a new input format is one entry in parsing.formats (plus its extractor), and every
place that names or recognises formats follows: sniff, the extractor lookup, the
unsupported-format sentence, the help and reminder texts, the attachments followed on a web
page, the upload check, the ingest summary's label."""

from __future__ import annotations

import argparse
import dataclasses
import importlib
from collections.abc import Iterator

import pytest

from bot.cli import build_parser
from bot.core import ingest as core_ingest
from bot.core import links
from bot.core.fetch import Fetched
from bot.core.replies import bot as replies_bot
from bot.core.replies import reminders as replies_reminders
from parsing import formats
from parsing.errors import UnsupportedFormat
from parsing.extract import extract_document
from parsing.extract.base import Document, TextBlock
from parsing.options import ParseOptions
from parsing.sniff import sniff

OFD_BYTES = b"%OFD-1.0\x00\x01 binary body of an OFD file"


def extract_ofd(data: bytes, filename: str, options: ParseOptions) -> Document:
    return Document(blocks=(TextBlock(text="OFD 正文", index=0),), kind="ofd")


OFD = formats.Format(
    "ofd",
    "OFD",
    (".ofd",),
    ("application/ofd",),
    lambda data, filename: data.startswith(b"%OFD"),
    f"{__name__}:extract_ofd",
    attached=True,
)


@pytest.fixture
def with_ofd(monkeypatch: pytest.MonkeyPatch) -> Iterator[None]:
    """The registry with one more entry, before the text fallback; nothing else is touched."""
    text_at = next(i for i, f in enumerate(formats.FORMATS) if f.kind == "text")
    monkeypatch.setattr(formats, "FORMATS", (*formats.FORMATS[:text_at], OFD, *formats.FORMATS[text_at:]))
    yield


def _page_linking(name: str) -> Fetched:
    html = f'<html><head><meta charset="utf-8"></head><body><a href="/files/{name}">2021年度报告</a></body></html>'.encode()
    return Fetched("https://gov.example.cn/art/1.html", html, "text/html", "1.html")


def test_before_the_entry_no_reader_knows_the_format() -> None:
    with pytest.raises(UnsupportedFormat) as caught:
        sniff(OFD_BYTES, "年报.ofd")
    assert "OFD" not in caught.value.message
    assert core_ingest.upload_refusal("年报.ofd", "application/ofd") == caught.value.message
    assert links.attachments(_page_linking("report.ofd")) == []


@pytest.mark.usefixtures("with_ofd")
def test_one_registry_entry_reaches_every_reader() -> None:
    assert sniff(OFD_BYTES, "年报.ofd") == "ofd"
    assert sniff(OFD_BYTES, "no-name") == "ofd"  # the bytes decide, not the name
    document = extract_document(OFD_BYTES, "年报.ofd", ParseOptions())
    assert document.kind == "ofd"
    # Told to users as accepted, followed as a link's attachment, let through the upload check.
    assert "OFD" in UnsupportedFormat().message
    assert links.attachments(_page_linking("report.ofd")) == [("https://gov.example.cn/files/report.ofd", "2021年度报告")]
    assert core_ingest.upload_refusal("年报.ofd", "application/ofd") is None
    assert core_ingest.upload_refusal("年报", "application/ofd") is None
    assert formats.label_of("ofd") == "OFD"
    # Other formats are unchanged by the new entry.
    assert sniff(b"%PDF-1.7\n", "a.pdf") == "pdf"
    assert sniff("本机关2021年主动公开政府信息253条。".encode(), "a.txt") == "text"


def test_help_and_reminder_texts_name_the_registry_formats() -> None:
    """The texts are built from the registry when their module loads: rebuilt with a fake
    entry, they name it; rebuilt with the real registry, they are as before."""
    before = (replies_bot.HELP, replies_bot.START, replies_reminders.HOW_TO_SEND)
    real = formats.FORMATS
    try:
        formats.FORMATS = (*real, dataclasses.replace(OFD, kind="ofd"))
        importlib.reload(replies_bot)
        importlib.reload(replies_reminders)
        for text in (replies_bot.HELP, replies_bot.START, replies_reminders.HOW_TO_SEND, _parse_help()):
            assert "OFD" in text
    finally:
        formats.FORMATS = real
        importlib.reload(replies_bot)
        importlib.reload(replies_reminders)
    assert before == (replies_bot.HELP, replies_bot.START, replies_reminders.HOW_TO_SEND)
    for name in formats.listed_names():
        assert name in replies_bot.HELP and name in replies_reminders.HOW_TO_SEND and name in _parse_help()
    assert "OFD" not in _parse_help()


def _parse_help() -> str:
    """`nianbao parse --help`."""
    parser = build_parser()
    (subs,) = [a for a in parser._actions if isinstance(a, argparse._SubParsersAction)]
    return str(subs.choices["parse"].format_help())


@pytest.mark.parametrize(
    ("filename", "mime_type", "refused"),
    [
        ("年报.pdf", "application/pdf", False),
        ("年报.docx", "application/zip", False),  # a known ending: the bytes decide
        ("年报.bin", "application/octet-stream", False),  # an untold type: the bytes decide
        ("年报", "application/vnd.ms-excel", False),  # no ending: the bytes decide
        ("报表.xlsx", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", True),
        ("视频.mp4", "video/mp4", True),
        ("照片.heic", "image/heic", False),
    ],
)
def test_upload_check(filename: str, mime_type: str, refused: bool) -> None:
    refusal = core_ingest.upload_refusal(filename, mime_type)
    assert (refusal is not None) is refused
    if refused:
        assert refusal == UnsupportedFormat().message
