"""Scanned PDFs and image files (JPEG, PNG, WebP, TIFF, HEIC...) -> Document through OCR."""

from __future__ import annotations

import io
import warnings
from collections.abc import Iterator

import numpy as np
import pypdfium2 as pdfium
import pypdfium2.raw as pdfium_c

from parsing.errors import CorruptFile, OcrUnavailable, TooLarge, UnsupportedFormat
from parsing.extract.base import Document
from parsing.options import ParseOptions

# A scanned page is rendered at the resolution of the image it holds, within these bounds:
# below 150 dpi print is too coarse to read, above 300 only time is lost.
_MIN_DPI, _MAX_DPI = 150, 300


def _document(pages: Iterator[np.ndarray], options: ParseOptions, *, kind: str, photo: bool) -> Document:
    try:
        from parsing.ocr.document import read_page_images
    except ImportError as exc:  # rapidocr / onnxruntime / OpenCV missing from this install
        raise OcrUnavailable() from exc
    return read_page_images(pages, options, kind=kind, photo=photo)


def read_scanned_pdf(pdf: pdfium.PdfDocument, options: ParseOptions) -> Document:
    return _document(_rendered_pages(pdf, options), options, kind="pdf", photo=False)


def _rendered_pages(pdf: pdfium.PdfDocument, options: ParseOptions) -> Iterator[np.ndarray]:
    for number in range(len(pdf)):
        try:
            page = pdf[number]
        except pdfium.PdfiumError as exc:
            raise CorruptFile() from exc
        try:
            width_pt, height_pt = page.get_size()
            dpi = min(max(_image_dpi(page, width_pt), _MIN_DPI), _MAX_DPI)
            if (width_pt * dpi / 72) * (height_pt * dpi / 72) > options.max_image_pixels:
                raise TooLarge()
            bitmap = page.render(scale=dpi / 72, grayscale=True)
            yield np.array(bitmap.to_numpy(), copy=True)
        finally:
            page.close()


def _image_dpi(page: pdfium.PdfPage, width_pt: float) -> float:
    """Resolution of the widest image on the page, taken as printed across the page."""
    widest = 0
    for obj in page.get_objects(filter=[pdfium_c.FPDF_PAGEOBJ_IMAGE], max_depth=2):
        try:
            width_px, _ = obj.get_px_size()
        except (pdfium.PdfiumError, AttributeError):
            continue
        widest = max(widest, int(width_px))
    return widest / (width_pt / 72) if widest and width_pt > 0 else 200.0


def extract_image(data: bytes, filename: str, options: ParseOptions) -> Document:
    """A photo or a scanned image; every frame of a multi-page TIFF is a page."""
    return _document(_image_pages(data, options), options, kind="image", photo=True)


def _image_pages(data: bytes, options: ParseOptions) -> Iterator[np.ndarray]:
    from PIL import Image, ImageOps, UnidentifiedImageError

    _register_heif()
    Image.MAX_IMAGE_PIXELS = options.max_image_pixels
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("error", Image.DecompressionBombWarning)
            image = Image.open(io.BytesIO(data))
            frames = getattr(image, "n_frames", 1)
            if frames > options.max_pages:
                raise TooLarge()
            for index in range(frames):
                image.seek(index)
                # A phone stores "turn me" in EXIF rather than turning the pixels.
                upright = ImageOps.exif_transpose(image) if frames == 1 else image
                yield _bounded(np.asarray(upright.convert("L")))
    except (Image.DecompressionBombError, Image.DecompressionBombWarning) as exc:
        raise TooLarge() from exc
    except UnidentifiedImageError as exc:
        raise UnsupportedFormat() from exc
    except (OSError, ValueError, EOFError) as exc:
        raise CorruptFile() from exc


def _bounded(grey: np.ndarray) -> np.ndarray:
    """A phone photo of 4000 px and more, brought down to what OCR needs."""
    import cv2

    from parsing.ocr.engine import MAX_SIDE

    longest = max(grey.shape[:2])
    if longest <= MAX_SIDE:
        return grey
    scale = MAX_SIDE / longest
    return cv2.resize(grey, None, fx=scale, fy=scale, interpolation=cv2.INTER_AREA)


def _register_heif() -> None:
    try:
        from pillow_heif import register_heif_opener
    except ImportError:  # HEIC photos then fail as an unsupported format
        return
    register_heif_opener()
