"""Every current report as one CSV or XLSX table (`nianbao export`). Read-only."""

from __future__ import annotations

from bot.config import Settings
from bot.core.services import Services
from storage.export import FORMATS, Header, export_bytes

__all__ = ["FORMATS", "Header", "export_reports"]


def export_reports(settings: Settings, db: str | None, fmt: str, header: Header = Header.BOTH) -> bytes:
    """The table's bytes; CSV with a BOM (Excel shows the Chinese only with it)."""
    services = Services.open(settings, db, read_only=True)
    try:
        with services.sessions() as session:
            return export_bytes(session, fmt, header=header)
    finally:
        services.close()
