from __future__ import annotations

import hashlib
from pathlib import Path

from storage.files import read_original, store_original


def test_content_addressed_and_never_duplicated(tmp_path: Path) -> None:
    data = "政府信息公开工作年度报告".encode()
    digest = hashlib.sha256(data).hexdigest()
    first = store_original(tmp_path, data)
    assert first.created and first.sha256 == digest
    assert first.relative_path == f"files/{digest[:2]}/{digest[2:]}"
    assert read_original(tmp_path, first.relative_path) == data
    second = store_original(tmp_path, data)
    assert not second.created and second.relative_path == first.relative_path
    stored = [p for p in (tmp_path / "files").rglob("*") if p.is_file()]
    assert stored == [tmp_path / first.relative_path]  # no temp files left behind


def test_a_truncated_file_is_rewritten(tmp_path: Path) -> None:
    data = b"%PDF-1.7 whole file"
    target = tmp_path / store_original(tmp_path, data).relative_path
    target.write_bytes(data[:5])  # e.g. a crash of an older, non-atomic writer
    assert store_original(tmp_path, data).created
    assert target.read_bytes() == data
