"""Stand-in parse functions the sandbox tests run in its worker processes."""

from __future__ import annotations

import os
import time
from datetime import date

from parsing.errors import EncryptedFile
from parsing.model import Check, CheckStatus, Report
from parsing.options import ParseOptions


def quick_parse(
    data: bytes, filename: str, *, caption: str | None = None, options: ParseOptions | None = None
) -> Report:
    return Report(
        agency=caption,
        year=2021,
        template="2021",
        published_on=date(2022, 1, 27),
        cells={"t3.new.total": len(data), "t2.fees.amount": None},
        checks=(Check("t3.balance", CheckStatus.PASS, "0+0 = 0+0"),),
        title=filename,
    )


def slow_parse(
    data: bytes, filename: str, *, caption: str | None = None, options: ParseOptions | None = None
) -> Report:
    time.sleep(float(data.decode() or "30"))
    return quick_parse(data, filename, caption=caption, options=options)


def encrypted_parse(
    data: bytes, filename: str, *, caption: str | None = None, options: ParseOptions | None = None
) -> Report:
    raise EncryptedFile("自定义的中文提示")


def crashing_parse(
    data: bytes, filename: str, *, caption: str | None = None, options: ParseOptions | None = None
) -> Report:
    raise KeyError("internal detail")


def dying_parse(
    data: bytes, filename: str, *, caption: str | None = None, options: ParseOptions | None = None
) -> Report:
    os._exit(3)


def hungry_parse(
    data: bytes, filename: str, *, caption: str | None = None, options: ParseOptions | None = None
) -> Report:
    hog = bytearray(4 * 1024**3)  # beyond the sandbox's address-space cap
    return quick_parse(bytes(hog[:1]), filename)


def pid_parse(
    data: bytes, filename: str, *, caption: str | None = None, options: ParseOptions | None = None
) -> Report:
    return quick_parse(b"x" * os.getpid(), filename)


def ocr_parse(
    data: bytes, filename: str, *, caption: str | None = None, options: ParseOptions | None = None
) -> Report:
    """Turns to OCR at once (as a scanned file does), then takes `data` seconds."""
    from parsing.ocr import announce_ocr

    announce_ocr()
    return slow_parse(data, filename, caption=caption, options=options)
