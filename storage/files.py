"""Original files, content-addressed under the data directory: files/ab/cdef… (sha256).

Written before any database transaction and never removed by one, so an upload is kept
even when storing its report fails. The same bytes are stored once.
"""

from __future__ import annotations

import hashlib
import os
import tempfile
from dataclasses import dataclass
from pathlib import Path

FILES_DIR = "files"


@dataclass(frozen=True)
class StoredFile:
    sha256: str
    relative_path: str  # relative to the data directory, with forward slashes
    size: int
    created: bool  # False when the same bytes were already there


def sha256_hex(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


def relative_path_for(sha256: str) -> str:
    return f"{FILES_DIR}/{sha256[:2]}/{sha256[2:]}"


def _fsync_dir(path: Path) -> None:
    # Makes the rename itself durable; not possible (nor needed) on every platform.
    try:
        fd = os.open(path, os.O_RDONLY)
    except OSError:
        return
    try:
        os.fsync(fd)
    except OSError:
        pass
    finally:
        os.close(fd)


def store_original(data_dir: Path, data: bytes, *, sha256: str | None = None) -> StoredFile:
    """Write `data` to its content address atomically (temp file, fsync, rename)."""
    digest = sha256 or sha256_hex(data)
    relative = relative_path_for(digest)
    target = data_dir / relative
    if target.exists() and target.stat().st_size == len(data):
        return StoredFile(digest, relative, len(data), created=False)
    target.parent.mkdir(parents=True, exist_ok=True)
    fd, temp_name = tempfile.mkstemp(dir=target.parent, prefix=".incoming-")
    try:
        with os.fdopen(fd, "wb") as handle:
            handle.write(data)
            handle.flush()
            os.fsync(handle.fileno())
        os.replace(temp_name, target)
    except BaseException:
        Path(temp_name).unlink(missing_ok=True)
        raise
    _fsync_dir(target.parent)
    return StoredFile(digest, relative, len(data), created=True)


def remove_original(data_dir: Path, relative_path: str) -> None:
    """Delete one original (a refused upload's); gone already is fine."""
    (data_dir / relative_path).unlink(missing_ok=True)


def read_original(data_dir: Path, relative_path: str) -> bytes:
    return (data_dir / relative_path).read_bytes()
