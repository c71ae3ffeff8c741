"""A link to a report page -> IngestRequest: the page itself, or the report file it attaches.

Government sites publish a report as an article page (the report in the page) or as a page
that links the report as an attachment (PDF, DOC, DOCX, WPS: the formats parsing.formats
marks `attached`). The page is fetched under
bot.core.fetch's rules; an attachment whose link names a report (年度报告, 年报, 信息公开) is
fetched the same way, else the only attachment, else the page itself is the report. The
stored original is what was read; its source is the page address the user sent.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import PurePosixPath
from typing import TYPE_CHECKING, Any
from urllib.parse import unquote, urljoin, urlsplit

from bot.core.fetch import Fetched, FetchError, FetchPolicy, fetch
from bot.core.ingest import IngestRequest
from parsing import formats
from parsing.sniff import sniff

if TYPE_CHECKING:
    from bot.config import Settings

# A link in a message: up to the first space or Chinese punctuation.
URL = re.compile(r"https?://[^\s<>\"'，。；、）)】」]+", re.IGNORECASE)
_REPORT_WORDS = ("年度报告", "年报", "信息公开")
_MAX_ATTACHMENTS = 20


def find_url(text: str) -> str | None:
    match = URL.search(text or "")
    return match.group().rstrip(".,;:!?") if match else None


def without_url(text: str, url: str) -> str | None:
    """The rest of the message (e.g. the agency's name), used like a file's caption."""
    rest = " ".join(text.replace(url, " ").split())
    return rest or None


@dataclass(frozen=True)
class LinkedReport:
    page_url: str
    data: bytes
    filename: str


def fetch_report(url: str, policy: FetchPolicy) -> LinkedReport:
    """The report behind a link; raises bot.core.fetch.FetchError."""
    page = fetch(url, policy)
    if not _is_html(page):
        return LinkedReport(url, page.data, page.filename)
    attachment = _pick(attachments(page))
    if attachment is None:
        return LinkedReport(url, page.data, _page_name(page))
    href, text = attachment
    found = fetch(href, policy)
    return LinkedReport(url, found.data, _attachment_name(found, text))


def policy_for(settings: Settings) -> FetchPolicy:
    return FetchPolicy.from_strings(
        settings.fetch_allowed_networks, max_bytes=settings.fetch_max_bytes, timeout_s=settings.fetch_timeout
    )


def link_request(url: str, policy: FetchPolicy, **fields: Any) -> IngestRequest:
    """Fetch the report behind `url` and wrap it as an upload whose source is `url`.
    `fields` are IngestRequest's other fields (caption, sender...). Raises FetchError."""
    linked = fetch_report(url, policy)
    return IngestRequest(data=linked.data, filename=linked.filename, source_url=linked.page_url, **fields)


def _is_html(page: Fetched) -> bool:
    if "html" in page.content_type.lower():
        return True
    try:
        return sniff(page.data, page.filename) == "html"
    except Exception:
        return False


def attachments(page: Fetched) -> list[tuple[str, str]]:
    """(absolute address, link text) of every link to a report file, in page order: a file of
    a format whose registry entry is `attached` (parsing.formats)."""
    from lxml import html

    try:
        tree = html.fromstring(page.data)
    except (ValueError, TypeError, html.etree.ParserError):
        return []
    suffixes = formats.attachment_suffixes()
    out: list[tuple[str, str]] = []
    for anchor in tree.iter("a"):
        href = (anchor.get("href") or "").strip()
        if not href or href.startswith(("javascript:", "mailto:", "#")):
            continue
        absolute = urljoin(page.url, href)
        path = unquote(urlsplit(absolute).path).lower()
        text = " ".join(anchor.text_content().split())
        if path.endswith(suffixes) or text.lower().endswith(suffixes):
            out.append((absolute, text))
        if len(out) >= _MAX_ATTACHMENTS:
            break
    return out


def _pick(found: list[tuple[str, str]]) -> tuple[str, str] | None:
    for href, text in found:
        if any(word in text or word in unquote(href) for word in _REPORT_WORDS):
            return href, text
    return found[0] if len(found) == 1 else None


def _attachment_name(found: Fetched, text: str) -> str:
    """The link text when it names the file (often the report's title), else the address's name."""
    if text.lower().endswith(formats.attachment_suffixes()):
        return text
    suffix = PurePosixPath(found.filename).suffix
    return f"{text}{suffix}" if text and suffix else found.filename


def _page_name(page: Fetched) -> str:
    name = page.filename
    return name if name.lower().endswith(formats.page_suffixes()) else f"{name}.html"


__all__ = ["FetchError", "FetchPolicy", "LinkedReport", "fetch_report", "find_url", "without_url"]
