"""Reading a file named on the command line: regular files only, never more than a limit.

`path.read_bytes()` hangs on a FIFO (until someone writes to it) and reads /dev/zero until
memory runs out, before any sandbox sees the bytes. Here the file is opened without blocking,
checked to be a regular file (a symlink counts as what it points to) and its size checked
before one byte is read; the read itself stops at the limit even if the file grows meanwhile.
"""

from __future__ import annotations

import errno
import hashlib
import os
import stat
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import BinaryIO

from bot.core.replies import cli as say
from parsing import ParseOptions

# What the parser accepts at most: a larger file is refused before it is read.
MAX_BYTES = ParseOptions().max_bytes
_CHUNK = 1 << 20


class NotARegularFile(OSError):
    """A FIFO, a device (/dev/zero), a socket: nothing a report comes in."""

    def __init__(self, path: Path) -> None:
        super().__init__(errno.EINVAL, say.NOT_A_REGULAR_FILE, str(path))


class FileTooLarge(OSError):
    def __init__(self, path: Path, limit: int) -> None:
        super().__init__(errno.EFBIG, say.FILE_OVER_LIMIT.format(mb=limit // (1024 * 1024)), str(path))


@contextmanager
def open_regular(path: Path, limit: int = MAX_BYTES) -> Iterator[BinaryIO]:
    """Open `path` for reading if it is a regular file of at most `limit` bytes (else OSError)."""
    fd = os.open(path, os.O_RDONLY | os.O_NONBLOCK | os.O_CLOEXEC)
    try:
        info = os.fstat(fd)
        if stat.S_ISDIR(info.st_mode):
            raise IsADirectoryError(errno.EISDIR, os.strerror(errno.EISDIR), str(path))
        if not stat.S_ISREG(info.st_mode):
            raise NotARegularFile(path)
        if info.st_size > limit:
            raise FileTooLarge(path, limit)
        os.set_blocking(fd, True)
        handle = os.fdopen(fd, "rb")
    except BaseException:
        os.close(fd)
        raise
    with handle:
        yield handle


def read_regular(path: Path, limit: int = MAX_BYTES) -> bytes:
    with open_regular(path, limit) as handle:
        data = handle.read(limit + 1)
    if len(data) > limit:  # it grew after the check
        raise FileTooLarge(path, limit)
    return data


def hash_regular(path: Path, limit: int = MAX_BYTES) -> str:
    """sha256 of a regular file, read in chunks and never past `limit` bytes."""
    digest = hashlib.sha256()
    total = 0
    with open_regular(path, limit) as handle:
        while chunk := handle.read(_CHUNK):
            total += len(chunk)
            if total > limit:
                raise FileTooLarge(path, limit)
            digest.update(chunk)
    return digest.hexdigest()
