"""What kind of file this is: magic bytes first, the file name's extension second.

Users forward whatever they have: a PDF renamed .docx, an HTML page saved as .doc, a
GB18030 text file. The content decides; the extension only breaks ties. The formats and
their byte tests are parsing.formats' entries, tried in its order.
"""

from __future__ import annotations

from parsing import formats, magic
from parsing.errors import CORRUPT_BY_EXTENSION, CorruptFile, EmptyFile, UnsupportedFormat

# The kinds are the registry's (parsing.formats.Format.kind): "pdf", "docx", "html", ...
Kind = str


def sniff(data: bytes, filename: str = "") -> Kind:
    """Return the kind of `data`; raise EmptyFile, CorruptFile or UnsupportedFormat."""
    if not data.strip():
        raise EmptyFile()
    # Containers first, by their structure: a DOCX (zip with word/document.xml) whose text
    # happens to hold "%PDF-" near the start is still a DOCX; an XLSX is no PDF or text.
    container = magic.container(data)
    if container == "zip" and magic.zip_names(data) is None:
        raise CorruptFile()
    for entry in formats.FORMATS:
        if entry.container == container and entry.test(data, filename):
            return entry.kind
    if container is not None:
        raise UnsupportedFormat()  # XLSX, PPTX, ODT, plain archives: not a report we can read
    # Named as a format we read, but not that format inside: say it is broken, not unsupported.
    if (message := CORRUPT_BY_EXTENSION.get(magic.extension(filename))) is not None:
        raise CorruptFile(message)
    raise UnsupportedFormat()
