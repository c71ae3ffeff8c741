"""Make a photographed or scanned page look like a flat, evenly lit, upright scan.

- `flatten_page`: a photo taken at an angle shows the page as a quadrilateral on a
  darker background; its corners are found and the page is warped back to a rectangle.
- `even_light`: a shadow or a lamp makes one side darker; dividing by the background
  (the page with its text closed over) evens it out.
- `skew_angle` / `unrotate`: a page fed crooked through a scanner is read as is (the
  recogniser crops each line along its own slant); the slant of long text lines then
  says how far to turn the box positions back so rows and columns line up again.
"""

from __future__ import annotations

import math
import statistics
from collections.abc import Sequence

import cv2
import numpy as np

from parsing.ocr.engine import Box

# A quadrilateral smaller than this share of the photo is not the page (a table cell, a stamp).
_MIN_PAGE_AREA = 0.3
# Below this slant (degrees) turning the positions back changes nothing that matters.
_MIN_SKEW = 0.15


def to_grey(image: np.ndarray) -> np.ndarray:
    if image.ndim == 2:
        return image
    if image.shape[2] == 4:
        return cv2.cvtColor(image, cv2.COLOR_RGBA2GRAY)
    return cv2.cvtColor(image, cv2.COLOR_RGB2GRAY)


def flatten_page(grey: np.ndarray) -> np.ndarray:
    """The page warped to a rectangle when its four corners stand out from the background;
    else the image unchanged."""
    height, width = grey.shape
    scale = 800 / max(height, width)
    small = cv2.resize(grey, None, fx=scale, fy=scale, interpolation=cv2.INTER_AREA) if scale < 1 else grey
    scale = min(scale, 1.0)
    blurred = cv2.GaussianBlur(small, (5, 5), 0)
    _, mask = cv2.threshold(blurred, 0, 255, cv2.THRESH_BINARY + cv2.THRESH_OTSU)
    mask = cv2.morphologyEx(mask, cv2.MORPH_CLOSE, np.ones((9, 9), np.uint8))
    contours, _ = cv2.findContours(mask, cv2.RETR_EXTERNAL, cv2.CHAIN_APPROX_SIMPLE)
    if not contours:
        return grey
    page = max(contours, key=cv2.contourArea)
    area = cv2.contourArea(page)
    if area < _MIN_PAGE_AREA * small.shape[0] * small.shape[1] or area > 0.97 * small.shape[0] * small.shape[1]:
        return grey  # no page edge in view (a scan, or a photo of the middle of a page)
    corners = cv2.approxPolyDP(page, 0.02 * cv2.arcLength(page, True), True)
    if len(corners) != 4:
        return grey
    quad = _order(corners.reshape(4, 2).astype(np.float32) / scale)
    top_left, top_right, bottom_right, bottom_left = quad
    out_w = int(max(np.linalg.norm(top_right - top_left), np.linalg.norm(bottom_right - bottom_left)))
    out_h = int(max(np.linalg.norm(bottom_left - top_left), np.linalg.norm(bottom_right - top_right)))
    target = np.array([[0, 0], [out_w - 1, 0], [out_w - 1, out_h - 1], [0, out_h - 1]], dtype=np.float32)
    matrix = cv2.getPerspectiveTransform(quad, target)
    return cv2.warpPerspective(grey, matrix, (out_w, out_h), flags=cv2.INTER_LINEAR, borderValue=255)


def _order(points: np.ndarray) -> np.ndarray:
    """Corners as top-left, top-right, bottom-right, bottom-left."""
    total = points.sum(axis=1)
    diff = np.diff(points, axis=1).ravel()
    return np.array(
        [points[np.argmin(total)], points[np.argmin(diff)], points[np.argmax(total)], points[np.argmax(diff)]],
        dtype=np.float32,
    )


def even_light(grey: np.ndarray) -> np.ndarray:
    """Divide out an uneven background; an evenly lit image comes back unchanged."""
    size = max(15, (min(grey.shape) // 40) | 1)
    background = cv2.morphologyEx(grey, cv2.MORPH_CLOSE, cv2.getStructuringElement(cv2.MORPH_RECT, (size, size)))
    background = cv2.medianBlur(background, 21)
    low, high = np.percentile(background, (5, 95))
    if high - low < 25:
        return grey
    flat = grey.astype(np.float32) / np.maximum(background, 1).astype(np.float32)
    low_ink = float(flat.min())
    stretched = (flat - low_ink) / max(1.0 - low_ink, 1e-3) * 255
    return np.clip(stretched, 0, 255).astype(np.uint8)


def skew_angle(boxes: Sequence[Box]) -> float:
    """The median slant of long text lines, in degrees (positive: lines rise to the right... in
    image coordinates, y grows downwards, so positive means falling to the right)."""
    angles = []
    for box in boxes:
        (x0, y0), (x1, y1) = box.points[0], box.points[1]
        height = math.dist(box.points[0], box.points[3])
        if x1 - x0 > 4 * max(height, 1.0):
            angles.append(math.degrees(math.atan2(y1 - y0, x1 - x0)))
    if len(angles) < 3:
        return 0.0
    return statistics.median(angles)


def horizontal_rules(grey: np.ndarray, angle: float) -> list[float]:
    """Heights (pixels, in the frame turned back by `angle`) of the horizontal ruling lines:
    dark runs at least a twentieth of the page wide. They separate a ruled table's rows."""
    height, width = grey.shape
    if abs(angle) >= _MIN_SKEW:
        turn = cv2.getRotationMatrix2D((width / 2, height / 2), angle, 1.0)
        grey = cv2.warpAffine(grey, turn, (width, height), flags=cv2.INTER_LINEAR, borderValue=255)
    ink = cv2.adaptiveThreshold(grey, 255, cv2.ADAPTIVE_THRESH_MEAN_C, cv2.THRESH_BINARY_INV, 25, 15)
    kernel = cv2.getStructuringElement(cv2.MORPH_RECT, (max(width // 20, 10), 1))
    lines = cv2.morphologyEx(ink, cv2.MORPH_OPEN, kernel)
    count, _, stats, centroids = cv2.connectedComponentsWithStats(lines, connectivity=8)
    rules = [
        float(centroids[i][1])
        for i in range(1, count)
        if stats[i, cv2.CC_STAT_WIDTH] >= width // 20 and stats[i, cv2.CC_STAT_HEIGHT] <= max(height // 200, 4)
    ]
    return sorted(rules)


def unrotate(boxes: Sequence[Box], angle: float, centre: tuple[float, float]) -> list[Box]:
    """The boxes turned by -angle degrees about `centre` (positions only)."""
    if abs(angle) < _MIN_SKEW:
        return list(boxes)
    cos, sin = math.cos(math.radians(-angle)), math.sin(math.radians(-angle))
    cx, cy = centre
    out = []
    for box in boxes:
        points = tuple(
            (cx + (x - cx) * cos - (y - cy) * sin, cy + (x - cx) * sin + (y - cy) * cos) for x, y in box.points
        )
        out.append(Box(points, box.text, box.confidence))
    return out
