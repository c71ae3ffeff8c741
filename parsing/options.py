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
    # OCR of scans and photos: on/off, its own wall-clock limit (the sandbox allows it
    # once a parse starts OCR), CPU threads per parse, and the confidence below which a
    # value read is flagged.
    ocr: bool = True
    ocr_timeout_s: float = 300.0
    ocr_threads: int = 2
    ocr_min_confidence: float = 0.6
    # Decoded pixels of one image (photo or scanned page) at most: a decompression bomb stops here.
    max_image_pixels: int = 80_000_000

    def __post_init__(self) -> None:
        positive = ("max_bytes", "max_pages", "max_unzipped_bytes", "timeout_s", "ocr_timeout_s", "ocr_threads")
        for name in (*positive, "max_image_pixels"):
            if getattr(self, name) <= 0:
                raise ValueError(f"{name} must be positive")
        if not 0 <= self.ocr_min_confidence <= 1:
            raise ValueError("ocr_min_confidence must be between 0 and 1")
