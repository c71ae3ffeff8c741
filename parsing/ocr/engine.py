"""The OCR engine: rapidocr-onnxruntime, loaded once per process, boxes out."""

from __future__ import annotations

import logging
import threading
from dataclasses import dataclass
from typing import Any

import numpy as np

log = logging.getLogger(__name__)

ENGINE_NAME = "rapidocr-onnxruntime PP-OCRv4"
# Boxes below this score are dropped by the engine; above it they are kept and the
# caller flags the low ones (ParseOptions.ocr_min_confidence), so a badly read figure
# is a warning, never a silently empty cell.
_KEEP_SCORE = 0.3
# Longest image side handed to the engine. An A4 page at about 220 dpi; more costs time
# and gains nothing for print of 9 points and up.
MAX_SIDE = 2600


@dataclass(frozen=True)
class Box:
    """One recognised text line: its corner points (clockwise from top-left), text, score."""

    points: tuple[tuple[float, float], ...]
    text: str
    confidence: float


_engines: dict[int, Any] = {}
_lock = threading.Lock()


def _engine(threads: int) -> Any:
    with _lock:
        engine = _engines.get(threads)
        if engine is None:
            from rapidocr_onnxruntime import RapidOCR

            engine = RapidOCR(
                text_score=_KEEP_SCORE,
                max_side_len=MAX_SIDE,
                intra_op_num_threads=threads,
                inter_op_num_threads=1,
            )
            _engines[threads] = engine
        return engine


def read_boxes(image: np.ndarray, *, threads: int = 1, use_cls: bool = False) -> list[Box]:
    """Text lines of an RGB/BGR or grey image. `use_cls` also reads lines printed upside down."""
    engine = _engine(threads)
    result, _elapsed = engine(image, use_cls=use_cls)
    boxes: list[Box] = []
    for points, text, score in result or ():
        corners = tuple((float(x), float(y)) for x, y in points)
        boxes.append(Box(corners, str(text), float(score)))
    return boxes
