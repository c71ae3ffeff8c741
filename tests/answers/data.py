"""The database the answer tests ask: the five seed reports plus synthetic agencies and years.

The seeds (tests/samples/seeds/*.txt) go through the real ingest path (parse, check,
store). Seed 001 never names its agency (only "科学技术和工业信息化局"), so it is ingested
with the override SEED_001_AGENCY, as `nianbao ingest --agency` would. The synthetic
reports (other agencies, other years, failed checks) are written through the ORM.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from datetime import date, datetime
from pathlib import Path
from zoneinfo import ZoneInfo

from sqlalchemy.orm import Session

from bot.core.ingest import IngestOutcome, IngestRequest, ingest
from bot.core.services import Services
from parsing import parse_report
from parsing.schema import cell_keys
from storage import current_values
from storage.agencies import find_or_create_agency
from storage.models import (
    Agency,
    AgencyAlias,
    CellRow,
    ChatRegistration,
    CheckRow,
    FactRow,
    ReportRow,
    SourceFile,
)

SEED_001_AGENCY = "某区科学技术和工业信息化局"
CHECK_RULES = ("t3.balance", "t3.rows_sum", "t3.cols_sum", "t3.other_sum", "t4.sums", "t2.in_force")
NOW = datetime(2023, 3, 1, 10, 0, tzinfo=ZoneInfo("Asia/Shanghai"))


@dataclass
class Spec:
    agency: str
    year: int
    template: str
    cells: Mapping[str, float | None] = field(default_factory=dict)  # overrides of the all-zero table
    blank: Iterable[str] = ()  # keys stored as blank cells
    facts: Iterable[tuple[str, float, str, str]] = ()  # key, value, unit, sentence
    failed: Mapping[str, str] = field(default_factory=dict)  # rule -> detail
    published_on: date | None = None


WENDENG = "威海市文登区科学技术局"
WENDENG_2021_TOTAL = "我局2021年来，共主动公开政务信息253条。"
WENDENG_2021_CHANNELS = (
    "政府网站主动公开124条，其中，本年度制定和公开行政规范性文件1件，转发上级规范性文件并对外公开2件；"
    "无行政处罚和行政强制公开情况等；官方微信公开129条，相对于2020年同比增长约50%。"
)

SYNTHETIC: tuple[Spec, ...] = (
    Spec(
        WENDENG,
        2022,
        "2021",
        cells={
            "t3.new.natural_person": 4,
            "t3.new.commercial": 1,
            "t3.new.total": 5,
            "t3.granted.total": 3,
            "t3.granted.natural_person": 3,
            "t3.partial.total": 1,
            "t3.partial.natural_person": 1,
            "t3.handled_total.total": 4,
            "t3.handled_total.natural_person": 4,
            "t3.carried_out.total": 0,
            "t4.review.corrected": 1,
            "t4.review.total": 1,
            "t2.licensing.decisions": 12,
            "t2.fees.amount": 0.0375,
        },
        facts=(
            ("proactive.total", 300, "条", "2022年，我局共主动公开政务信息300条。"),
            ("open_day.count", 2, "次", "全年组织政府开放日活动2次。"),
        ),
        failed={"t3.balance": "5+0 ≠ 4+0"},
        published_on=date(2023, 1, 20),
    ),
    Spec(
        WENDENG,
        2019,
        "2019",
        cells={"t2.rules.new_made": 0, "t2.normative.new_made": 2, "t3.new.total": 1},
        facts=(("proactive.total", 180, "条", "2019年共主动公开政府信息180条。"),),
    ),
    Spec(
        "威海市文登区公安局",
        2021,
        "2021",
        cells={
            "t3.new.total": 12,
            "t3.new.natural_person": 12,
            "t2.punishment.decisions": 950,
            "t2.coercion.decisions": 31,
            "t4.suit_direct.total": 2,
            "t4.suit_direct.upheld": 2,
            "t4.suit_after_review.total": 1,
            "t4.suit_after_review.pending": 1,
        },
        facts=(("proactive.total", 410, "条", "全年主动公开政府信息410条。"),),
        failed={"t3.balance": "12+0 ≠ 0+0", "t3.rows_sum": "0 ≠ 0+…"},
    ),
    Spec(
        "威海市环翠区人力资源和社会保障局",
        2021,
        "2021",
        cells={
            "t3.new.total": 7,
            "t3.new.natural_person": 6,
            "t3.new.legal": 1,
            "t3.granted.total": 4,
            "t3.denied_third_party.total": 1,
            "t3.unable_no_info.total": 2,
            "t3.handled_total.total": 7,
            "t4.review.total": 2,
            "t4.review.corrected": 1,
            "t4.review.upheld": 1,
            "t2.licensing.decisions": 88,
        },
        facts=(("proactive.total", 96, "条", "2021年共主动公开信息96条。"),),
    ),
    Spec(
        "济南市历下区科学技术局",
        2021,
        "2021",
        cells={"t3.new.total": 3, "t3.granted.total": 3, "t3.handled_total.total": 3},
        facts=(
            (
                "proactive.website",
                70,
                "条",
                "全年在区政府网站公开信息70条，在“历下科技”微信公众号发布信息41条。",
            ),
            (
                "proactive.new_media",
                41,
                "条",
                "全年在区政府网站公开信息70条，在“历下科技”微信公众号发布信息41条。",
            ),
        ),
    ),
    Spec(
        "济南市历下区科学技术局",
        2022,
        "2021",
        cells={"t3.new.total": 6, "t3.granted.total": 6, "t3.handled_total.total": 6},
        facts=(("proactive.total", 150, "条", "全年主动公开政府信息150条。"),),
        failed={"t4.sums": "1 ≠ 0+0+0+0"},
    ),
    Spec(
        "北京市朝阳区市场监督管理局",
        2022,
        "2021",
        cells={
            "t3.new.total": 40,
            "t3.granted.total": 25,
            "t3.rejected_repeat.total": 3,
            "t2.punishment.decisions": 1200,
            "t2.fees.amount": 1.5,
        },
        facts=(("proactive.total", 2048, "条", "全年主动公开各类信息2048条。"),),
    ),
)


# One agency spelt without and with its city (issue 12 item 6): stored as one agency.
HONGZE_SHORT = "洪泽区人民政府"
HONGZE_LONG = "淮安市洪泽区人民政府"
SPELLINGS: tuple[Spec, ...] = (
    Spec(HONGZE_SHORT, 2017, "2021", cells={"t3.new.total": 20}, facts=(("proactive.total", 500, "条", "全年主动公开信息500条。"),)),
    Spec(HONGZE_LONG, 2018, "2021", cells={"t3.new.total": 26}, facts=(("proactive.total", 640, "条", "全年主动公开信息640条。"),)),
)
# Expected reporters (the reminders' registry): 财政局 never reports; 文登科技局's 2022 report came
# after the 31 January deadline (received NOW = 1 March 2023).
REGISTERED = (WENDENG, "威海市文登区公安局", "威海市文登区财政局")


def add_report(session: Session, spec: Spec, *, file_no: int) -> ReportRow:
    now = NOW
    # H3's find-or-create: the agency gets the aliases the real ingest path generates.
    agency, _ = find_or_create_agency(session, spec.agency, now=now)
    source = SourceFile(
        sha256=f"{file_no:064x}",
        path=f"files/{file_no}",
        original_name=f"{spec.agency}{spec.year}.txt",
        size=1,
        kind="txt",
        received_at=now,
    )
    session.add(source)
    session.flush()
    report = ReportRow(
        agency_id=agency.id,
        year=spec.year,
        template=spec.template,
        published_on=spec.published_on,
        source_file_id=source.id,
        parser_version="test",
        is_current=True,
        version=1,
        warnings=[],
        checks_ok=not spec.failed,
        received_at=now,
    )
    session.add(report)
    session.flush()
    blank = set(spec.blank)
    values = {k: None if k in blank else float(spec.cells.get(k, 0) or 0) for k in cell_keys(spec.template)}
    raw = {k: [None if v is None else str(v), None, None, None, None] for k, v in values.items()}
    session.add(CellRow(report_id=report.id, cells=values, sources=raw))
    for key, value, unit, sentence in spec.facts:
        session.add(FactRow(report_id=report.id, key=key, value=float(value), unit=unit, source=sentence))
    for rule in CHECK_RULES:
        status = "fail" if rule in spec.failed else "pass"
        session.add(CheckRow(report_id=report.id, rule=rule, status=status, detail=spec.failed.get(rule, "")))
    # Written row by row here, as no ingest would: keep the year-wide figures in step, as the ingest does.
    current_values.resync(session, [(agency.id, spec.year)])
    return report


def add_alias(session: Session, agency_name: str, alias: str) -> None:
    agency = session.query(Agency).filter_by(name=agency_name).one()
    session.add(AgencyAlias(agency_id=agency.id, alias=alias, source="user"))


SEED_DIR = Path(__file__).resolve().parent.parent / "samples" / "seeds"


def ingest_seeds(services: Services) -> None:
    for path in sorted(SEED_DIR.glob("*.txt")):
        agency = SEED_001_AGENCY if path.name.startswith("001_") else None
        # In-process parse: the same pipeline as the sandbox, without its worker start-up.
        result = ingest(
            services,
            IngestRequest(data=path.read_bytes(), filename=path.name, agency=agency),
            parse=parse_report,
        )
        assert result.outcome is IngestOutcome.STORED, (path.name, result.outcome, result.message)


def populate(services: Services) -> None:
    ingest_seeds(services)
    with services.sessions.begin() as session:
        for i, spec in enumerate((*SYNTHETIC, *SPELLINGS), start=1):
            add_report(session, spec, file_no=i)
        for name in REGISTERED:
            agency, _ = find_or_create_agency(session, name, now=NOW)
            session.add(ChatRegistration(agency_id=agency.id, chat_id=None, registered_at=NOW, source="csv"))
        # One alias confirmed by a user in chat.
        add_alias(session, "威海市环翠区人力资源和社会保障局", "环翠人社")
