"""DOC, WPS and RTF -> DOCX with LibreOffice headless, then the DOCX extractor.

Each conversion gets its own temporary profile (-env:UserInstallation) so parallel
conversions do not fight over one LibreOffice profile, and runs in its own process
group so a conversion that hangs is killed whole (soffice forks soffice.bin).
"""

from __future__ import annotations

import contextlib
import dataclasses
import logging
import os
import shutil
import signal
import subprocess
import tempfile
from pathlib import Path

from parsing.errors import ConverterMissing, CorruptFile, ParseTimeout
from parsing.extract import docx as docx_extractor
from parsing.extract.base import Document
from parsing.options import ParseOptions
from parsing.sniff import sniff

log = logging.getLogger(__name__)

# The conversion must finish before the sandbox's own limit kills the worker, or
# soffice would outlive it.
_SHARE_OF_TIMEOUT = 0.8


def find_soffice() -> str | None:
    return shutil.which("soffice") or shutil.which("libreoffice")


def convert_to_docx(data: bytes, suffix: str, timeout_s: float) -> bytes:
    soffice = find_soffice()
    if soffice is None:
        raise ConverterMissing()
    with tempfile.TemporaryDirectory(prefix="nianbao-office-") as tmp:
        workdir = Path(tmp)
        source = workdir / f"input{suffix}"
        source.write_bytes(data)
        profile = (workdir / "profile").as_uri()
        command = [
            soffice,
            f"-env:UserInstallation={profile}",
            "--headless",
            "--norestore",
            "--nologo",
            "--convert-to",
            "docx:MS Word 2007 XML",
            "--outdir",
            str(workdir / "out"),
            str(source),
        ]
        process = subprocess.Popen(
            command,
            stdin=subprocess.DEVNULL,
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            start_new_session=True,
            env={**os.environ, "HOME": tmp},
        )
        try:
            out, err = process.communicate(timeout=timeout_s)
        except subprocess.TimeoutExpired:
            _kill_group(process)
            raise ParseTimeout() from None
        result = workdir / "out" / "input.docx"
        if not result.exists():
            log.warning(
                "soffice could not convert (exit %s): %s %s",
                process.returncode,
                out.decode(errors="replace")[-500:],
                err.decode(errors="replace")[-500:],
            )
            raise CorruptFile()
        return result.read_bytes()


def _kill_group(process: subprocess.Popen[bytes]) -> None:
    with contextlib.suppress(ProcessLookupError):
        os.killpg(process.pid, signal.SIGKILL)
    process.wait(timeout=10)


def extract(data: bytes, filename: str, options: ParseOptions) -> Document:
    kind = sniff(data, filename)
    converted = convert_to_docx(data, f".{kind}", options.timeout_s * _SHARE_OF_TIMEOUT)
    document = docx_extractor.extract(converted, filename, options)
    return dataclasses.replace(document, kind=kind)
