"""Initial schema: agencies and aliases, source files, reports with cells, facts and checks.

Revision ID: 0001
Revises:
Create Date: 2026-11-23 12:33:23

Later revisions (e.g. the reminder registry) chain on this one: keep the history linear.
"""

from __future__ import annotations

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0001"
down_revision: str | None = None
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

# storage.column_types.UTCDateTime stores aware UTC datetimes in this column type.
AwareDateTime = sa.DateTime(timezone=True)


def upgrade() -> None:
    op.create_table(
        "agencies",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("name", sa.String(length=200), nullable=False),
        sa.Column("region", sa.String(length=200), nullable=False),
        sa.Column("level", sa.String(length=20), nullable=False),
        sa.Column("kind", sa.String(length=20), nullable=False),
        sa.Column("created_at", AwareDateTime, nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_agencies")),
        sa.UniqueConstraint("name", name=op.f("uq_agencies_name")),
    )
    op.create_table(
        "source_files",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("sha256", sa.String(length=64), nullable=False),
        sa.Column("path", sa.String(length=300), nullable=False),
        sa.Column("original_name", sa.String(length=300), nullable=False),
        sa.Column("size", sa.BigInteger(), nullable=False),
        sa.Column("kind", sa.String(length=20), nullable=False),
        sa.Column("sender_id", sa.BigInteger(), nullable=True),
        sa.Column("sender_name", sa.String(length=200), nullable=True),
        sa.Column("chat_id", sa.BigInteger(), nullable=True),
        sa.Column("received_at", AwareDateTime, nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_source_files")),
        sa.UniqueConstraint("sha256", name=op.f("uq_source_files_sha256")),
    )
    op.create_table(
        "agency_aliases",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("agency_id", sa.Integer(), nullable=False),
        sa.Column("alias", sa.String(length=200), nullable=False),
        sa.Column("source", sa.String(length=20), nullable=False),
        sa.ForeignKeyConstraint(
            ["agency_id"], ["agencies.id"],
            name=op.f("fk_agency_aliases_agency_id_agencies"), ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_agency_aliases")),
        sa.UniqueConstraint("agency_id", "alias", name=op.f("uq_agency_aliases_agency_id")),
    )
    op.create_index(op.f("ix_agency_aliases_alias"), "agency_aliases", ["alias"])

    op.create_table(
        "reports",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("agency_id", sa.Integer(), nullable=False),
        sa.Column("year", sa.Integer(), nullable=False),
        sa.Column("template", sa.String(length=4), nullable=True),
        sa.Column("title", sa.String(length=300), nullable=True),
        sa.Column("published_on", sa.Date(), nullable=True),
        sa.Column("source_file_id", sa.Integer(), nullable=False),
        sa.Column("parser_version", sa.String(length=20), nullable=False),
        sa.Column("is_current", sa.Boolean(), nullable=False),
        sa.Column("version", sa.Integer(), nullable=False),
        sa.Column("supersedes_id", sa.Integer(), nullable=True),
        sa.Column("changes", sa.JSON(), nullable=True),
        sa.Column("warnings", sa.JSON(), nullable=False),
        sa.Column("checks_ok", sa.Boolean(), nullable=False),
        sa.Column("received_at", AwareDateTime, nullable=False),
        sa.ForeignKeyConstraint(
            ["agency_id"], ["agencies.id"],
            name=op.f("fk_reports_agency_id_agencies"), ondelete="RESTRICT",
        ),
        sa.ForeignKeyConstraint(
            ["source_file_id"], ["source_files.id"], name=op.f("fk_reports_source_file_id_source_files")
        ),
        sa.ForeignKeyConstraint(
            ["supersedes_id"], ["reports.id"], name=op.f("fk_reports_supersedes_id_reports")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_reports")),
    )
    op.create_index(op.f("ix_reports_source_file_id"), "reports", ["source_file_id"])
    op.create_index("ix_reports_year_current", "reports", ["year", "is_current"])
    # At most one current version per agency and year (partial unique index on both backends).
    op.create_index(
        "uq_reports_current",
        "reports",
        ["agency_id", "year"],
        unique=True,
        sqlite_where=sa.text("is_current"),
        postgresql_where=sa.text("is_current"),
    )

    op.create_table(
        "report_cells",
        sa.Column("report_id", sa.Integer(), nullable=False),
        sa.Column("key", sa.String(length=60), nullable=False),
        sa.Column("value", sa.Float(), nullable=True),
        sa.Column("raw", sa.Text(), nullable=True),
        sa.Column("page", sa.Integer(), nullable=True),
        sa.Column("table_index", sa.Integer(), nullable=True),
        sa.Column("row_index", sa.Integer(), nullable=True),
        sa.Column("col_index", sa.Integer(), nullable=True),
        sa.ForeignKeyConstraint(
            ["report_id"], ["reports.id"],
            name=op.f("fk_report_cells_report_id_reports"), ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("report_id", "key", name=op.f("pk_report_cells")),
        sqlite_with_rowid=False,
    )

    op.create_table(
        "report_facts",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("report_id", sa.Integer(), nullable=False),
        sa.Column("key", sa.String(length=60), nullable=False),
        sa.Column("value", sa.Float(), nullable=False),
        sa.Column("unit", sa.String(length=10), nullable=False),
        sa.Column("source", sa.Text(), nullable=False),
        sa.Column("page", sa.Integer(), nullable=True),
        sa.Column("paragraph", sa.Integer(), nullable=True),
        sa.ForeignKeyConstraint(
            ["report_id"], ["reports.id"],
            name=op.f("fk_report_facts_report_id_reports"), ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_report_facts")),
    )
    op.create_index("ix_report_facts_key_value", "report_facts", ["key", "value"])
    op.create_index(op.f("ix_report_facts_report_id"), "report_facts", ["report_id"])

    op.create_table(
        "report_checks",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("report_id", sa.Integer(), nullable=False),
        sa.Column("rule", sa.String(length=60), nullable=False),
        sa.Column("status", sa.String(length=20), nullable=False),
        sa.Column("detail", sa.Text(), nullable=False),
        sa.ForeignKeyConstraint(
            ["report_id"], ["reports.id"],
            name=op.f("fk_report_checks_report_id_reports"), ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_report_checks")),
    )
    op.create_index(op.f("ix_report_checks_report_id"), "report_checks", ["report_id"])


def downgrade() -> None:
    op.drop_table("report_checks")
    op.drop_table("report_facts")
    op.drop_table("report_cells")
    op.drop_table("reports")
    op.drop_table("agency_aliases")
    op.drop_table("source_files")
    op.drop_table("agencies")
