"""Scanned and photographed versions of the PDF fixtures, made at test time (nothing committed).

- `scan_pdf`: every page rendered to a grey image at `dpi`, optionally turned by `rotate`
  degrees with speckle noise, and put back into a PDF with no text layer (as a scanner makes).
- `photo_of_page`: one page as a phone photo: on a dark desk, seen at an angle (perspective),
  lit unevenly from one side, saved as JPEG.
"""

from __future__ import annotations

import io

import numpy as np
import pypdfium2 as pdfium
from PIL import Image


def render_pages(pdf_bytes: bytes, dpi: int, pages: list[int] | None = None) -> list[Image.Image]:
    document = pdfium.PdfDocument(pdf_bytes)
    try:
        numbers = pages if pages is not None else list(range(len(document)))
        return [document[n].render(scale=dpi / 72, grayscale=True).to_pil().convert("L") for n in numbers]
    finally:
        document.close()


def degrade(image: Image.Image, *, rotate: float, noise: float, seed: int = 0) -> Image.Image:
    """Turned by `rotate` degrees (white corners), with `noise` share of pixels flipped to grey specks."""
    out = image.rotate(rotate, resample=Image.Resampling.BICUBIC, expand=False, fillcolor=255) if rotate else image
    if noise:
        pixels = np.asarray(out, dtype=np.int16).copy()
        rng = np.random.default_rng(seed)
        pixels += rng.normal(0, 12, pixels.shape).astype(np.int16)
        specks = rng.random(pixels.shape) < noise
        pixels[specks] = rng.integers(0, 160, int(specks.sum()))
        out = Image.fromarray(np.clip(pixels, 0, 255).astype(np.uint8))
    return out


def images_to_pdf(images: list[Image.Image], dpi: int) -> bytes:
    buffer = io.BytesIO()
    images[0].save(buffer, format="PDF", save_all=True, append_images=images[1:], resolution=dpi)
    return buffer.getvalue()


def scan_pdf(
    pdf_bytes: bytes, dpi: int, *, rotate: float = 0.0, noise: float = 0.0, pages: list[int] | None = None
) -> bytes:
    images = [
        degrade(img, rotate=rotate, noise=noise, seed=i) for i, img in enumerate(render_pages(pdf_bytes, dpi, pages))
    ]
    return images_to_pdf(images, dpi)


def photo_of_page(page: Image.Image, *, seed: int = 0) -> bytes:
    """A JPEG of the page lying on a dark desk, photographed from the lower left."""
    import cv2

    rng = np.random.default_rng(seed)
    width, height = page.size
    canvas_w, canvas_h = int(width * 1.25), int(height * 1.2)
    source = np.array([[0, 0], [width, 0], [width, height], [0, height]], dtype=np.float32)
    jitter = rng.uniform(-0.01, 0.01, (4, 2)) * [canvas_w, canvas_h]
    target = np.array(
        [
            [canvas_w * 0.12, canvas_h * 0.06],
            [canvas_w * 0.92, canvas_h * 0.09],
            [canvas_w * 0.96, canvas_h * 0.95],
            [canvas_w * 0.05, canvas_h * 0.93],
        ]
    ) + jitter
    matrix = cv2.getPerspectiveTransform(source, target.astype(np.float32))
    paper = np.asarray(page, dtype=np.uint8)
    warped = cv2.warpPerspective(paper, matrix, (canvas_w, canvas_h), borderValue=0)
    mask = cv2.warpPerspective(np.full_like(paper, 255), matrix, (canvas_w, canvas_h), borderValue=0)
    desk = np.full((canvas_h, canvas_w), 60, dtype=np.float32)
    photo = np.where(mask > 0, warped.astype(np.float32), desk)
    # Light from the left: the right side of the page is up to 45% darker.
    light = np.linspace(1.0, 0.55, canvas_w, dtype=np.float32)[None, :]
    photo = photo * light + rng.normal(0, 4, photo.shape)
    image = Image.fromarray(np.clip(photo, 0, 255).astype(np.uint8))
    buffer = io.BytesIO()
    image.save(buffer, format="JPEG", quality=85)
    return buffer.getvalue()
