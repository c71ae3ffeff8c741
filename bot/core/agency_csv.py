"""The agency registry as a CSV file: the expected reporters, imported in one transaction.

CSV columns: name,region,level,chat[,responsible][,deadline]; UTF-8 (with or without BOM) or
GB18030. The whole file is checked first and imported in one transaction, or not at all;
importing the same file again changes nothing. Used by `nianbao agencies`; the bot may call it too.
"""

from __future__ import annotations

import csv
import io
import re
from dataclasses import dataclass
from datetime import datetime

from bot.core.deadlines import LEVELS, Deadline, parse_month_day, resolve
from bot.core.registration import current_year
from bot.core.reminders import load_snapshot
from bot.core.replies import reminders as say
from bot.core.services import Services
from parsing.names import clean_name
from storage import registry
from storage.agencies import find_or_create_agency, parse_agency_name

REQUIRED = ("name", "region", "level", "chat")
OPTIONAL = ("responsible", "deadline")
# Chinese column names people put in a header row.
HEADER_ALIASES = {
    "机构": "name", "名称": "name", "机构名称": "name", "单位": "name", "单位名称": "name",
    "地区": "region", "区域": "region", "级别": "level", "层级": "level",
    "群": "chat", "群id": "chat", "chat_id": "chat",
    "负责人": "responsible", "截止日期": "deadline", "截止": "deadline",
}  # fmt: skip
_USERNAME = re.compile(r"@?([A-Za-z][A-Za-z0-9_]{3,31})")
MAX_TEXT = 200  # the name and region columns of the agencies table


@dataclass(frozen=True)
class Row:
    line: int
    name: str
    region: str
    level: str
    chat_id: int | None
    responsible: str
    deadline: tuple[int, int] | None


def decode(data: bytes) -> str:
    for encoding in ("utf-8-sig", "gb18030"):
        try:
            return data.decode(encoding)
        except UnicodeDecodeError:
            continue
    raise UnicodeDecodeError("gb18030", data, 0, 1, "neither UTF-8 nor GB18030")


def _region(value: str) -> str:
    value = re.sub(r"\s*[/／\\、>＞-]\s*", "/", clean_name(value)).strip("/")
    if "/" not in value and value:
        places = parse_agency_name(value).places
        if places and "".join(places) == value:
            return "/".join(places)
    return value


def parse_csv(text: str) -> tuple[list[Row], list[str]]:
    """Rows and the Chinese error messages (with line numbers) of the whole file."""
    # strict: a stray quote must not swallow the following lines into one name.
    reader = csv.reader(io.StringIO(text), strict=True)
    try:
        records = [(reader.line_num, cells) for cells in reader]
    except csv.Error:
        return [], [say.CSV_LINE.format(line=reader.line_num, problem=say.CSV_MALFORMED)]
    header = records[0][1] if records else None
    if not header or not any(h.strip() for h in header):
        return [], [say.CSV_EMPTY]
    columns = [HEADER_ALIASES.get(h.strip().lower(), h.strip().lower()) for h in header]
    unknown = [h for h, c in zip(header, columns, strict=True) if c not in REQUIRED + OPTIONAL]
    if unknown:
        return [], [say.CSV_UNKNOWN_COLUMNS.format(columns="、".join(unknown))]
    missing = [c for c in REQUIRED if c not in columns]
    if missing:
        return [], [say.CSV_MISSING_COLUMNS.format(columns="、".join(missing))]
    rows: list[Row] = []
    errors: list[str] = []
    first_line: dict[str, int] = {}
    for line, cells in records[1:]:
        if not any(c.strip() for c in cells):
            continue
        if len(cells) > len(columns):
            errors.append(say.CSV_LINE.format(line=line, problem=say.CSV_TOO_MANY))
            continue
        values = dict(
            zip(columns, [c.strip() for c in cells] + [""] * (len(columns) - len(cells)), strict=True)
        )
        problems = []
        name = clean_name(values["name"])
        if not name:
            problems.append(say.CSV_NO_NAME)
        elif len(name) > MAX_TEXT:
            problems.append(say.CSV_TOO_LONG.format(column=say.CSV_COLUMN_NAME, limit=MAX_TEXT))
        elif name in first_line:
            problems.append(say.CSV_DUPLICATE.format(name=name, first=first_line[name]))
        else:
            first_line[name] = line
        level_text = values["level"]
        level = LEVELS.get(level_text.lower(), None) if level_text else ""
        if level is None:
            problems.append(say.CSV_BAD_LEVEL.format(value=level_text))
        chat_text = values["chat"]
        chat_id = None
        if chat_text:
            try:
                chat_id = int(chat_text)
            except ValueError:
                problems.append(say.CSV_BAD_CHAT.format(value=chat_text))
            if chat_id is not None and not -(2**63) <= chat_id < 2**63:  # a 64-bit column
                chat_id = None
                problems.append(say.CSV_BAD_CHAT.format(value=chat_text))
        if len(values["region"]) > MAX_TEXT:
            problems.append(say.CSV_TOO_LONG.format(column=say.CSV_COLUMN_REGION, limit=MAX_TEXT))
        who_text = values.get("responsible", "")
        who = _USERNAME.fullmatch(who_text) if who_text else None
        if who_text and who is None:
            problems.append(say.CSV_BAD_RESPONSIBLE.format(value=who_text))
        deadline_text = values.get("deadline", "")
        deadline = parse_month_day(deadline_text) if deadline_text else None
        if deadline_text and deadline is None:
            problems.append(say.CSV_BAD_DEADLINE.format(value=deadline_text))
        errors.extend(say.CSV_LINE.format(line=line, problem=p) for p in problems)
        if not problems:
            rows.append(
                Row(line, name, _region(values["region"]), level or "", chat_id,
                    f"@{who.group(1)}" if who else "", deadline)
            )  # fmt: skip
    return rows, errors


def import_rows(services: Services, rows: list[Row], now: datetime) -> tuple[int, int, int]:
    """Created, updated, unchanged. One transaction."""
    created = updated = unchanged = 0
    with services.sessions.begin() as session:
        existing_chats = {r.agency_id: r.chat_id for r in registry.reporters(session)}
        for row in rows:
            agency, new = find_or_create_agency(
                session, row.name, region=row.region or None, level=row.level or None, now=now
            )
            changed = False
            if not new:
                changed |= registry.update_agency_place(
                    session, agency.id, region=row.region or agency.region, level=row.level or agency.level
                )
            # An empty chat column keeps a chat registered in Telegram.
            chat_id = row.chat_id if row.chat_id is not None else existing_chats.get(agency.id)
            _, reg_changed = registry.register_chat(
                session, agency.id, chat_id, now=now, responsible=row.responsible, source="csv"
            )
            changed |= reg_changed
            changed |= registry.set_agency_deadline(
                session, agency.id, row.deadline, now=now, note=say.DEADLINE_NOTE_CSV if row.deadline else ""
            )
            session.flush()
            if new:
                created += 1
            elif changed:
                updated += 1
            else:
                unchanged += 1
    return created, updated, unchanged


@dataclass(frozen=True)
class ListedAgency:
    """One expected reporter as `nianbao agencies list` shows it."""

    name: str
    region: str
    level: str
    chat_id: int | None
    responsible: str
    deadline: Deadline
    received: bool


def agency_listing(services: Services, now: datetime) -> tuple[int, list[ListedAgency]]:
    """The current reporting year and every expected reporter with its deadline and status."""
    year = current_year(now, services)
    snap = load_snapshot(services, [year])
    listed = [
        ListedAgency(r.name, r.region, r.level, r.chat_id, r.responsible, resolve(r, year, snap.rules),
                     (r.agency_id, year) in snap.reports)
        for r in snap.reporters
    ]  # fmt: skip
    return year, listed
