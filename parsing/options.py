"""Parse limits. Validated on construction so a bad option fails early, not mid-parse."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class ParseOptions:
    max_bytes: int = 50 * 1024 * 1024
    max_pages: int = 200
    # Wall-clock limit enforced from outside the parse (see parsing.sandbox).
    timeout_s: float = 60.0
    # Zip members (DOCX) may not inflate beyond this; guards against zip bombs.
    max_unzipped_bytes: int = 200 * 1024 * 1024

    def __post_init__(self) -> None:
        for name in ("max_bytes", "max_pages", "max_unzipped_bytes"):
            if getattr(self, name) <= 0:
                raise ValueError(f"{name} must be positive")
        if self.timeout_s <= 0:
            raise ValueError("timeout_s must be positive")
