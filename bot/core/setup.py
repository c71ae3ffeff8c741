"""Typed reasons why the data directory or the database cannot be used.

Kept free of SQLAlchemy so the command line can catch them without importing it.
Worded in bot/core/replies/cli.py.
"""

from __future__ import annotations

from enum import StrEnum


class SetupProblem(StrEnum):
    """Why the data directory or the database cannot be used; worded in replies/cli.py."""

    DATA_DIR_NOT_DIR = "data_dir_not_dir"
    DATA_DIR_READ_ONLY = "data_dir_read_only"
    DATA_DIR_OTHER = "data_dir_other"
    DB_URL_MALFORMED = "db_url_malformed"
    DB_URL_UNSUPPORTED = "db_url_unsupported"
    DB_URL_NO_DATABASE = "db_url_no_database"
    DB_FILE_NO_DIR = "db_file_no_dir"
    DB_EMPTY = "db_empty"  # read-only commands: nothing there, nothing created
    DB_OUTDATED = "db_outdated"


class SetupError(Exception):
    def __init__(self, problem: SetupProblem, *, path: str = "", url: str = "", error: str = "") -> None:
        super().__init__(problem.value)
        self.problem = problem
        self.path = path
        self.url = url
        self.error = error
