"""Which originals stay on disk: those of stored reports; a refused upload's bytes go again.

Policy (issue 10): an ingest writes the original before parsing, so a crash or kill mid-parse
loses nothing. When the file is then refused for what it is (not a report, unreadable, too
large, no plausible year), bot.core.ingest discards the original it wrote, unless a stored
report has the same bytes. Kept: originals of stored reports, of files that failed for the
database's or the disk's sake (for the retry), and of files waiting for their agency's name.
Files over the size limit are refused before anything is written.
"""

from __future__ import annotations

from pathlib import Path

from sqlalchemy import select
from sqlalchemy.exc import SQLAlchemyError
from sqlalchemy.orm import Session, sessionmaker

from storage.files import StoredFile, remove_original
from storage.models import SourceFile


def discard_unreferenced_original(sessions: sessionmaker[Session], data_dir: Path, stored: StoredFile) -> bool:
    """Remove the original `stored` describes if this upload wrote it and no report refers to it.

    Returns whether it was removed. A file that was there before the upload (another upload's,
    perhaps one waiting for its agency) is left alone; so is one whose references cannot be
    checked (database down): keeping it is the safe side.
    """
    if not stored.created:
        return False
    try:
        with sessions() as session:
            if session.scalar(select(SourceFile.id).where(SourceFile.sha256 == stored.sha256)) is not None:
                return False
    except SQLAlchemyError:
        return False
    remove_original(data_dir, stored.relative_path)
    return True
