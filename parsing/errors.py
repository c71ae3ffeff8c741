"""Typed parse errors. Each carries the short Chinese sentence the user sees."""

from __future__ import annotations


class ParseError(Exception):
    """Base: a file that could not be turned into a report. `message` is shown to users."""

    default_message = "无法解析这个文件。"

    def __init__(self, message: str | None = None) -> None:
        self.message = message or self.default_message
        super().__init__(self.message)


class UnsupportedFormat(ParseError):
    default_message = "不支持这种文件格式，请发送 PDF、DOCX、DOC、WPS、HTML、TXT 格式的年度报告，或报告的照片、扫描图片。"


class EncryptedFile(ParseError):
    default_message = "文件有密码保护，无法读取。请发送未加密的版本。"


class CorruptFile(ParseError):
    default_message = "文件已损坏或不完整，无法打开。请重新下载后再发送。"


# A file named .pdf / .docx whose content is no such thing (random bytes, a truncated download).
CORRUPT_BY_EXTENSION = {
    ".pdf": "文件已损坏或不是有效的 PDF，无法打开。请重新下载或重新导出 PDF 后再发送。",
    ".docx": "文件已损坏或不是有效的 DOCX，无法打开。请用 Word 或 WPS 重新保存后再发送。",
}


class EmptyFile(ParseError):
    default_message = "文件是空的。"


class NoTextLayer(ParseError):
    default_message = (
        "这是扫描件，没有文字层，且未启用文字识别（OCR）。请发送带文字的 PDF 或 Word 版本。"
    )


class NotAnnualReport(ParseError):
    default_message = "这个文件看起来不是政府信息公开工作年度报告。"


class TooLarge(ParseError):
    default_message = "文件太大或页数太多，超出了处理上限。"


class ParseTimeout(ParseError):
    default_message = "解析超时：文件过于复杂，已停止处理。"


class OcrTimeout(ParseTimeout):
    default_message = "识别扫描件（图片）超时：页数太多或图片太大，已停止处理。请发送带文字层的 PDF 或 Word 版本，或分页拍照发送。"


class OcrUnavailable(ParseError):
    default_message = "这是扫描件或图片，但服务器未安装文字识别（OCR）组件，无法读取。请发送带文字的 PDF 或 Word 版本。"


class ConverterMissing(ParseError):
    default_message = "服务器未安装 LibreOffice，无法读取 DOC/WPS 文件。请另存为 PDF 或 DOCX 后再发送。"
