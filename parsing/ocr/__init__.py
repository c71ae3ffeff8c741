"""OCR of scanned pages and photos: images -> Document, read like a PDF's text layer.

rapidocr-onnxruntime runs the PP-OCR Chinese models shipped inside its wheel on the
CPU (no download at run time). Its text boxes become positioned glyphs that go through
the same table rebuilding as borderless PDFs (parsing.extract.borderless) and the same
paragraph assembly (parsing.extract.layout); every value keeps OCR's confidence.

OCR is slow (seconds a page), so a parse that needs it tells whoever runs it
(`set_listener`): the parse sandbox then allows the OCR time limit instead of the
ordinary one.
"""

from __future__ import annotations

from collections.abc import Callable

_listener: Callable[[], None] | None = None


def set_listener(listener: Callable[[], None] | None) -> None:
    """Called once when a parse starts OCR (the sandbox worker tells its parent)."""
    global _listener
    _listener = listener


def announce_ocr() -> None:
    if _listener is not None:
        _listener()
