"""Raw table rows with their provenance; which table (2, 3 or 4) a row belongs to; the format."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field

from parsing.extract.base import TableBlock
from parsing.model import Number, Provenance
from parsing.numbers import normalize
from parsing.schema import TEMPLATE_2019, TEMPLATE_2021
from parsing.warnings import ParseWarning, WarningCode


@dataclass(frozen=True)
class RawRow:
    cells: tuple[str | None, ...]
    norm: tuple[str, ...]  # normalized cell texts ("" for None)
    table: int
    row: int
    page: int | None
    first_of_block: bool
    positional: bool = True

    @property
    def joined(self) -> str:
        return "".join(self.norm)

    def provenance(self, col: int) -> Provenance:
        raw = self.cells[col] if col < len(self.cells) else None
        return Provenance(page=self.page, table=self.table, row=self.row, col=col, raw=raw)


@dataclass
class TablesResult:
    template: str | None
    cells: dict[str, Number | None]
    sources: dict[str, Provenance]
    found: set[str] = field(default_factory=set)  # subset of {"t2", "t3", "t4"}
    warnings: list[ParseWarning] = field(default_factory=list)
    t3_other_derived: bool = False


def raw_rows(tables: Iterable[TableBlock]) -> list[RawRow]:
    out: list[RawRow] = []
    for block in tables:
        for r, cells in enumerate(block.rows):
            page = block.row_pages[r] if r < len(block.row_pages) else block.page
            norm = tuple(normalize(c) if c else "" for c in cells)
            out.append(RawRow(tuple(cells), norm, block.index, r, page, r == 0, block.positional))
    return out


# --- which table a row belongs to -------------------------------------------------------

_T4_STRONG = ("复议后起诉", "未经复议")
_T3_STRONG = ("申请人情况", "勾稽关系", "新收政府信息公开申请", "上年结转政府信息公开申请")
_T3_WEAK = (
    "予以公开",
    "部分公开",
    "不予公开",
    "无法提供",
    "不予处理",
    "其他处理",
    "结转下年",
    "本年度办理结果",
)
_T2_WEAK = (
    "规章",
    "规范性文件",
    "行政许可",
    "行政处罚",
    "行政强制",
    "行政事业性收费",
    "政府集中采购",
    "信息内容",
)
_T4_WEAK = ("结果维持", "结果纠正", "尚未审结")


def _strong_kind(text: str) -> str | None:
    if any(m in text for m in _T4_STRONG) or ("行政复议" in text and "行政诉讼" in text):
        return "t4"
    if any(m in text for m in _T3_STRONG):
        return "t3"
    if "第二十条" in text:
        return "t2"
    return None


def _weak_kind(text: str) -> str | None:
    if any(m in text for m in _T4_WEAK):
        return "t4"
    if any(m in text for m in _T3_WEAK):
        return "t3"
    if any(m in text for m in _T2_WEAK):
        return "t2"
    return None


def split_by_table(rows: Sequence[RawRow]) -> dict[str, list[RawRow]]:
    """Assign rows to t2/t3/t4. A strong marker switches the context; a new block with no
    strong marker takes its kind from weak markers, else continues the previous table
    (the rest of a table broken across pages)."""
    out: dict[str, list[RawRow]] = {"t2": [], "t3": [], "t4": []}
    context: str | None = None
    for row in rows:
        text = row.joined
        strong = _strong_kind(text)
        if strong:
            context = strong
        elif row.first_of_block or context is None:
            weak = _weak_kind(text)
            if weak:
                context = weak
        if context:
            out[context].append(row)
    return out


# --- template ---------------------------------------------------------------------------

_T2_2021_WORDS = ("制发件数", "废止件数", "现行有效", "收费金额")
_T2_2019_WORDS = ("新制作", "新公开", "对外公开总", "上一年项目", "增/减", "采购项目", "对外管理服务")


def detect_template(
    by_kind: dict[str, list[RawRow]], year: int | None
) -> tuple[str | None, list[ParseWarning]]:
    """The format, from the table headers themselves (not from the year)."""
    t2_text = "".join(r.joined for r in by_kind["t2"])
    n2021 = sum(t2_text.count(w) for w in _T2_2021_WORDS)
    n2019 = sum(t2_text.count(w) for w in _T2_2019_WORDS)
    t3_text = "".join(r.joined for r in by_kind["t3"])
    if "逾期不补正" in t3_text or "缴纳费用" in t3_text:
        n2021 += 1
    if n2021 != n2019:
        return (TEMPLATE_2021 if n2021 > n2019 else TEMPLATE_2019), []
    if year is not None:
        template = TEMPLATE_2021 if year >= 2021 else TEMPLATE_2019
        return template, [ParseWarning.of(WarningCode.TEMPLATE_FROM_YEAR, year=year, template=template)]
    return None, [ParseWarning.of(WarningCode.TEMPLATE_UNKNOWN)]
