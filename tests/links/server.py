"""A small HTTP server on 127.0.0.1 playing a government site: report pages, attachments, redirects."""

from __future__ import annotations

import threading
from collections.abc import Iterator
from contextlib import contextmanager
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from urllib.parse import quote

GENERATED = Path(__file__).resolve().parents[1] / "samples" / "generated"
REPORT_NAME = "威海市文登区科学技术局2021年政府信息公开工作年度报告.pdf"


def _routes(port: int) -> dict[str, tuple[int, dict[str, str], bytes]]:
    pdf = (GENERATED / "000.pdf").read_bytes()
    page = (GENERATED / "000.html").read_bytes()
    attaching = (
        "<html><head><meta charset='utf-8'><title>政府信息公开工作年度报告</title></head><body>"
        "<h1>威海市文登区科学技术局2021年政府信息公开工作年度报告</h1><p>详见附件。</p>"
        "<a href='/files/logo.pdf'>网站说明.pdf</a>"
        f"<a href='/files/{quote(REPORT_NAME)}'>{REPORT_NAME}</a>"
        "</body></html>"
    ).encode()
    html = {"Content-Type": "text/html; charset=utf-8"}
    return {
        "/art/report.html": (200, html, page),
        "/art/attached.html": (200, html, attaching),
        f"/files/{quote(REPORT_NAME)}": (200, {"Content-Type": "application/pdf"}, pdf),
        "/files/logo.pdf": (200, {"Content-Type": "application/pdf"}, b"%PDF-1.4 not the report"),
        "/moved": (302, {"Location": "/art/attached.html"}, b""),
        "/to-loopback": (302, {"Location": f"http://127.0.0.2:{port}/art/report.html"}, b""),
        "/to-metadata": (302, {"Location": "http://169.254.169.254/latest/meta-data/"}, b""),
        "/to-private": (302, {"Location": "http://10.0.0.1/admin"}, b""),
        "/to-file": (302, {"Location": "file:///etc/passwd"}, b""),
        "/loop": (302, {"Location": "/loop"}, b""),
        "/big": (200, {"Content-Type": "application/pdf"}, b"%PDF-1.4\n" + b"0" * 300_000),
        "/missing": (404, html, b"<html>not found</html>"),
    }


@contextmanager
def report_site() -> Iterator[str]:
    """Serve the site on 127.0.0.1 (a free port); yields its base address."""
    routes: dict[str, tuple[int, dict[str, str], bytes]] = {}

    class Handler(BaseHTTPRequestHandler):
        def do_GET(self) -> None:
            status, headers, body = routes.get(self.path, (404, {}, b""))
            self.send_response(status)
            for name, value in headers.items():
                self.send_header(name, value)
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            self.wfile.write(body)

        def log_message(self, format: str, *args: object) -> None:
            pass

    server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    routes.update(_routes(server.server_address[1]))
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}"
    finally:
        server.shutdown()
        server.server_close()
