"""The OCR engine: rapidocr-onnxruntime's models, loaded once per process, boxes out.

The engine's own pipeline shrinks a page to one longest side for everything; here its
detector and recogniser are driven separately instead:

- text is *found* on the page brought to a fixed working size (an A4 page at about
  150 dpi), whatever the scan's resolution: the detector then sees print at the size it
  separates best (at 300 dpi it merges the one-character lines of a narrow header cell
  into tall boxes across columns), and a 300 dpi page costs no more time or memory;
- text is *read* from crops of the full-resolution page, so a finer scan reads better.
"""

from __future__ import annotations

import logging
import threading
from dataclasses import dataclass
from typing import Any

import cv2
import numpy as np

log = logging.getLogger(__name__)

ENGINE_NAME = "rapidocr-onnxruntime PP-OCRv4"
# Boxes below this score are dropped; above it they are kept and the caller flags the low
# ones (ParseOptions.ocr_min_confidence), so a badly read figure is a warning, never a
# silently empty cell.
_KEEP_SCORE = 0.3
# Longest side of the image text is detected on: an A4 page at 150 dpi.
DET_SIDE = 1760
# Longest image side kept for reading (an A4 page at about 220 dpi): finer costs time
# and gains nothing for print of 9 points and up.
MAX_SIDE = 2600
# The detector enlarges an image to at least this shortest side (its limit_side_len).
_DET_MIN_SIDE = 736
# A box this many times taller than wide is read turned on its side (vertical text).
_VERTICAL = 1.5


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


def read_boxes(image: np.ndarray, *, threads: int = 1) -> list[Box]:
    """Text lines of an RGB/BGR or grey image, in the image's pixel coordinates."""
    engine = _engine(threads)
    colour = cv2.cvtColor(image, cv2.COLOR_GRAY2BGR) if image.ndim == 2 else image[:, :, :3]
    height, width = colour.shape[:2]
    if min(height, width) < 32:
        return []
    scale = min(1.0, DET_SIDE / max(height, width))
    small = cv2.resize(colour, None, fx=scale, fy=scale, interpolation=cv2.INTER_AREA) if scale < 1 else colour
    found, _elapsed = engine.text_det(_padded(small))
    if found is None or len(found) == 0:
        return []
    quads = [np.asarray(q, dtype=np.float32) / scale for q in found]
    results, _elapsed = engine.text_rec([_crop(colour, quad) for quad in quads])
    boxes: list[Box] = []
    for quad, (text, score) in zip(quads, results, strict=True):
        if str(text).strip() and float(score) >= _KEEP_SCORE:
            corners = tuple((float(x), float(y)) for x, y in quad)
            boxes.append(Box(corners, str(text), float(score)))
    return boxes


def _padded(image: np.ndarray) -> np.ndarray:
    """A strip (a photo of one table row) padded with white below and right to the detector's
    shortest side, which it would otherwise reach by enlarging the whole strip many times over
    (a 100 x 2500 strip would become 736 x 18400 and take 2 GB). A small image whose enlarging
    stays within the working size is left to the detector to enlarge."""
    height, width = image.shape[:2]
    shortest, longest = min(height, width), max(height, width)
    if shortest >= _DET_MIN_SIDE or longest * _DET_MIN_SIDE / max(shortest, 1) <= DET_SIDE:
        return image
    bottom, right = max(0, _DET_MIN_SIDE - height), max(0, _DET_MIN_SIDE - width)
    return cv2.copyMakeBorder(image, 0, bottom, 0, right, cv2.BORDER_CONSTANT, value=(255, 255, 255))


def _crop(image: np.ndarray, quad: np.ndarray) -> np.ndarray:
    """The quad cut out of the image and straightened; a tall one turned on its side, as the
    engine does (vertical text then reads left to right)."""
    width = max(int(max(np.linalg.norm(quad[0] - quad[1]), np.linalg.norm(quad[2] - quad[3]))), 1)
    height = max(int(max(np.linalg.norm(quad[0] - quad[3]), np.linalg.norm(quad[1] - quad[2]))), 1)
    target = np.array([[0, 0], [width, 0], [width, height], [0, height]], dtype=np.float32)
    matrix = cv2.getPerspectiveTransform(quad, target)
    crop = cv2.warpPerspective(image, matrix, (width, height), borderMode=cv2.BORDER_REPLICATE, flags=cv2.INTER_CUBIC)
    return np.rot90(crop) if height >= _VERTICAL * width else crop
