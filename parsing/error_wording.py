"""The Chinese sentences of parse errors (parsing.errors), in one place."""

from __future__ import annotations

PARSE_ERROR = "无法解析这个文件。"
# {formats}: the accepted formats' names (parsing.formats), joined by format_list.
UNSUPPORTED_FORMAT = "不支持这种文件格式，请发送 {formats} 格式的年度报告，或报告的照片、扫描图片。"
ENCRYPTED_FILE = "文件有密码保护，无法读取。请发送未加密的版本。"
CORRUPT_FILE = "文件已损坏或不完整，无法打开。请重新下载后再发送。"
EMPTY_FILE = "文件是空的。"
NO_TEXT_LAYER = "这是扫描件，没有文字层，且未启用文字识别（OCR）。请发送带文字的 PDF 或 Word 版本。"
NOT_ANNUAL_REPORT = "这个文件看起来不是政府信息公开工作年度报告。"
TOO_LARGE = "文件太大或页数太多，超出了处理上限。"
PARSE_TIMEOUT = "解析超时：文件过于复杂，已停止处理。"
OCR_TIMEOUT = "识别扫描件（图片）超时：页数太多或图片太大，已停止处理。请发送带文字层的 PDF 或 Word 版本，或分页拍照发送。"
OCR_UNAVAILABLE = "这是扫描件或图片，但服务器未安装文字识别（OCR）组件，无法读取。请发送带文字的 PDF 或 Word 版本。"
CONVERTER_MISSING = "服务器未安装 LibreOffice，无法读取 DOC/WPS 文件。请另存为 PDF 或 DOCX 后再发送。"


def format_list(names: tuple[str, ...]) -> str:
    """ "PDF、DOCX、DOC": names of formats in a sentence."""
    return "、".join(names)


# A file named .pdf / .docx whose content is no such thing (random bytes, a truncated download).
CORRUPT_BY_EXTENSION = {
    ".pdf": "文件已损坏或不是有效的 PDF，无法打开。请重新下载或重新导出 PDF 后再发送。",
    ".docx": "文件已损坏或不是有效的 DOCX，无法打开。请用 Word 或 WPS 重新保存后再发送。",
}
# The parse worker died (a crash in a native library), or the ingest around it failed unexpectedly
# (bot.core.replies.ingest.INTERNAL_ERROR is this sentence): said without a traceback.
CRASH = "处理这个文件时出现内部错误，已记录。请稍后重试，或改发 PDF/DOCX 版本。"
