"""Scans, photos and links (issue 15): how a report was read by OCR, and the page it came from.

Revision ID: 0009_ocr_and_source_url
Revises: 0008_report_corrections
Create Date: 2026-11-29 15:10:00

reports.ocr: null for a report with a text layer; for one read by OCR, its engine, pages and
the confidence of every value read (cell and fact keys) and the keys read with low confidence.
source_files.source_url (and ingest_jobs.source_url, while queued): the page address a report was fetched from (a link sent to the bot).
"""

from __future__ import annotations

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0009_ocr_and_source_url"
down_revision: str | None = "0008_report_corrections"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    with op.batch_alter_table("reports") as batch:
        batch.add_column(sa.Column("ocr", sa.JSON(), nullable=True))
    with op.batch_alter_table("source_files") as batch:
        batch.add_column(sa.Column("source_url", sa.Text(), nullable=True))
    with op.batch_alter_table("ingest_jobs") as batch:
        batch.add_column(sa.Column("source_url", sa.Text(), nullable=True))


def downgrade() -> None:
    with op.batch_alter_table("ingest_jobs") as batch:
        batch.drop_column("source_url")
    with op.batch_alter_table("source_files") as batch:
        batch.drop_column("source_url")
    with op.batch_alter_table("reports") as batch:
        batch.drop_column("ocr")
