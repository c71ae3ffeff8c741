"""Builders for test data: parsing.Report objects with complete, consistent tables."""

from __future__ import annotations

from datetime import date
from typing import Any

from parsing.model import Check, CheckStatus, Fact, Number, Provenance, Report
from parsing.schema import TEMPLATE_2021, cell_keys
from parsing.warnings import ParseWarning


def make_report(
    agency: str | None = "威海市文登区科学技术局",
    year: int | None = 2021,
    *,
    template: str = TEMPLATE_2021,
    published_on: date | None = date(2022, 1, 27),
    cells: dict[str, Number | None] | None = None,
    facts: dict[str, Number] | None = None,
    checks: list[Check] | None = None,
    warnings: tuple[ParseWarning, ...] = (),
    title: str | None = None,
    **extra: Any,
) -> Report:
    """A report where every cell of the template is 0 unless given in `cells`.

    `facts` maps fact keys to values (unit 条, a made-up source sentence); every cell gets a
    provenance with its raw text so storage of provenance can be checked.
    """
    values: dict[str, Number | None] = dict.fromkeys(cell_keys(template), 0)
    values.update(cells or {})
    sources = {
        key: Provenance(page=1, table=1, row=i, col=0, raw="" if v is None else str(v))
        for i, (key, v) in enumerate(values.items())
    }
    fact_rows = tuple(
        Fact(key=k, value=v, unit="条", source=f"共{k} {v}条。", provenance=Provenance(paragraph=3))
        for k, v in (facts if facts is not None else {"proactive.total": 253}).items()
    )
    return Report(
        agency=agency,
        year=year,
        template=template,
        published_on=published_on,
        cells=values,
        facts=fact_rows,
        checks=tuple(checks if checks is not None else [Check("t3.balance", CheckStatus.PASS, "0+0 = 0+0")]),
        warnings=warnings,
        title=title or (f"{agency}{year}年政府信息公开工作年度报告" if agency else None),
        cell_sources=sources,
        **extra,
    )
