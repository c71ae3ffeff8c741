"""When a figure counts: the report's year, or another time — another year, part of the year, a
span reaching back before the year ("自2019年以来，累计…1500条")."""

from __future__ import annotations

import re

from parsing.narrative.channels import TIME_ONLY
from parsing.narrative.clauses import Clause
from parsing.narrative.quantities import quantities
from parsing.vocabulary import alternation
from parsing.vocabulary import prose as P

_OTHER_YEAR = re.compile(alternation(P.OTHER_YEAR_WORDS))
YEAR = re.compile(r"((?:19|20)[0-9]{2})\s*年")
# A clause that only dates what follows ("截至2018年12月31日，我局新增…266条" in a 2019 report).
_DATE_CLAUSE = re.compile(
    r"(?:截至|截止到?|到|至)?\s*(?:19|20)[0-9]{2}\s*年(?:[0-9０-９]{1,2}\s*月(?:[0-9０-９]{1,2}\s*日)?)?\s*(?:底|末|止)?"
)
_PART_OF_YEAR = re.compile(
    r"(?:截至|截止|至|到)\s*(?:(?:19|20)[0-9]{2}\s*年)?\s*(?:[1-9]|1[01])\s*月|[1１]\s*[-—－~～]\s*(?:[1-9]|1[01])\s*月"
    rf"|{alternation(P.PART_OF_YEAR_WORDS)}"
)
# "自2019年以来", "2019年至今", "从2018年起": a span from a year on (titles in 《》 name no time).
_SINCE_YEAR = re.compile(
    rf"(?:{alternation(P.SPAN_FROM)})?\s*(?P<year>(?:19|20)[0-9]{{2}})\s*年[^，,；;《》]{{0,8}}?{alternation(P.SPAN_ON)}"
)


def other_year(before: str, year: int | None) -> bool:
    """Another year, or part of the year only ("截至11月底", "1-10月", "上半年")."""
    if _OTHER_YEAR.search(before) or _PART_OF_YEAR.search(before):
        return True
    if year is None:
        return False
    return any(int(found) != year for found in YEAR.findall(before))


def other_time(clauses: list[Clause], year: int | None) -> bool:
    """The count-less clauses before a figure in its member (`clauses`) date it to another time: the
    member's own time clause names another year ("2022年，…400条；2023年，…500条"), part of the year
    ("截至11月底，受理…"), or a span from an earlier year ("自2019年以来，累计…")."""
    plain = [c.text for c in clauses if not c.aside]
    when = [t for t in plain if TIME_ONLY.fullmatch(t.strip()) or _DATE_CLAUSE.fullmatch(t.strip())]
    if when and other_year(when[-1], year):
        return True
    if any(_PART_OF_YEAR.search(t) and not quantities(t) for t in plain):
        return True
    return year is not None and any(
        int(m.group("year")) < year for t in plain if not quantities(t) for m in _SINCE_YEAR.finditer(t)
    )


def up_to_now(clauses: list[Clause]) -> bool:
    """A count-less clause before the figure counts up to now ("截至目前，…"): a stock, not a year's flow."""
    return any(_OTHER_YEAR.search(c.text) and not quantities(c.text) for c in clauses if not c.aside)


def only_dates(text: str) -> bool:
    """A clause that only says when ("2024年", "截至2024年12月31日")."""
    return bool(TIME_ONLY.fullmatch(text.strip()) or _DATE_CLAUSE.fullmatch(text.strip()))


_MEANS_FIRST = re.compile(alternation(P.MEANS_PREPOSITIONS))


def dated_by_the_one_before(previous: str, text: str, year: int | None) -> bool:
    """ "2019年,我镇通过抚松县政府网站公开信息94条。通过微信公众平台公布信息25条。" in a 2020 report:
    a sentence with no subject and no time of its own, opening with the means, goes on with the one
    before — the year its opening clause named, when that is another."""
    if year is None or not _MEANS_FIRST.match(text.lstrip()) or YEAR.search(text) or _OTHER_YEAR.search(text):
        return False
    opening = re.split(r"[，,；;]", previous.lstrip(), maxsplit=1)[0]
    return only_dates(opening) and other_year(opening, year)
