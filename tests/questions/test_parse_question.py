"""The question parser on its own (issue 13): phrase -> typed Query, no database, no answer text.

The stored names arrive as a small Lexicon, as storage.agency_lookup.agency_lexicon builds it.
"""

from __future__ import annotations

from datetime import datetime
from zoneinfo import ZoneInfo

import pytest

from bot.core.entities import Lexicon
from bot.core.questions import Query, QueryKind, parse_question
from storage.agency_lookup import place_names

NOW = datetime(2023, 3, 1, 10, 0, tzinfo=ZoneInfo("Asia/Shanghai"))
NAMES = {
    1: ("威海市文登区科学技术局", ("文登区科学技术局", "文登科技局", "文登区科技局")),
    2: ("平罗县科学技术局", ("平罗县科技局", "平罗科技局", "平罗科学技术局")),
    3: ("威海市文登区公安局", ("文登区公安局", "文登公安局")),
    4: ("威海市环翠区和平街道办事处", ("和平街道", "环翠区和平街道")),
    5: ("威海市环翠区人力资源和社会保障局", ("环翠人社局", "环翠区人社局")),
}


def _lexicon() -> Lexicon:
    names: dict[str, set[int]] = {}
    places: dict[str, set[int]] = {}
    for i, (name, aliases) in NAMES.items():
        for n in (name, *aliases):
            names.setdefault(n, set()).add(i)
        for p in place_names(name):
            places.setdefault(p, set()).add(i)
    return Lexicon(
        {k: frozenset(v) for k, v in names.items()},
        {k: frozenset(v) for k, v in places.items() if k not in names},
    )


LEX = _lexicon()


def ask(text: str) -> Query:
    query = parse_question(text, now=NOW, lexicon=LEX)
    assert query is not None, text
    return query


def ids(query: Query) -> list[tuple[int, ...]]:
    return [r.ids for r in query.agencies]


def test_two_agencies_joined_by_he_are_two() -> None:
    q = ask("平罗科技局和文登科技局2021年主动公开比较")
    assert q.kind is QueryKind.EACH
    assert ids(q) == [(2,), (1,)]
    assert q.years == (2021,) and q.metric is not None and q.metric.id == "proactive.total"


def test_a_name_with_he_inside_is_not_split() -> None:
    q = ask("和平街道2021年收到多少申请")
    assert q.kind is QueryKind.VALUE and ids(q) == [(4,)]
    q = ask("和平街道和文登科技局2021年收到申请一共多少")
    assert q.kind is QueryKind.SUM_AGENCIES and ids(q) == [(4,), (1,)]


@pytest.mark.parametrize(
    ("text", "kind"),
    [
        ("平罗科技局和文登科技局2021年主动公开一共多少", QueryKind.SUM_AGENCIES),
        ("平罗科技局比文登科技局2021年主动公开多多少", QueryKind.DIFF_AGENCIES),
        ("文登科技局、文登公安局和环翠人社局2021年谁收到申请最多", QueryKind.RANK_AGENCIES),
        ("文登科技局与文登公安局2021年收到申请分别多少", QueryKind.EACH),
        ("文登科技局跟文登公安局21年行政诉讼相差几件", QueryKind.DIFF_AGENCIES),
    ],
)
def test_several_agencies(text: str, kind: QueryKind) -> None:
    q = ask(text)
    assert q.kind is kind and len(q.agencies) >= 2 and all(r.ids for r in q.agencies)


def test_place_alone_is_the_agencies_of_that_place() -> None:
    q = ask("文登2021主动公开多少条")
    assert len(q.agencies) == 1 and q.agencies[0].place and set(q.agencies[0].ids) == {1, 3}
    assert q.kind is QueryKind.EACH


def test_government_website_is_a_channel_not_an_agency() -> None:
    q = ask("2020年政府网站主动公开合计")
    assert q.kind is QueryKind.SUM and not q.agencies
    assert q.metric is not None and q.metric.id == "proactive.website"


@pytest.mark.parametrize(
    "text", ["文登公安局2021年因政府信息公开被起诉几件", "文登公安局2021年对政府信息公开被起诉了几件"]
)
def test_words_after_the_agency_stay_out_of_it(text: str) -> None:
    q = ask(text)
    assert q.kind is QueryKind.VALUE and ids(q) == [(3,)]
    assert q.metric is not None and q.metric.id == "t4.suit"


def test_an_unknown_agency_is_left_for_fuzzy_matching_without_the_rest() -> None:
    q = ask("火星市科技局2021年因政府信息公开被起诉几件")
    assert [r.typed for r in q.agencies] == ["火星市科技局"] and ids(q) == [()]


def test_a_stored_name_glued_to_unknown_words_goes_to_fuzzy_whole() -> None:
    q = ask("威海文登科学技术局2021年主动公开信息多少条")
    assert [r.typed for r in q.agencies] == ["威海文登科学技术局"] and ids(q) == [()]


def test_documents_published_is_not_documents_issued() -> None:
    q = ask("平罗科技局2021年公文公开发布多少件")
    assert q.metric is not None and q.metric.id == "documents.published"
    q = ask("平罗科技局2021年制发公文多少件")
    assert q.metric is not None and q.metric.id == "documents.issued"


@pytest.mark.parametrize(
    ("text", "key"),
    [
        ("文登科技局2020年行政许可上一年项目数量", "t2.licensing.prev_items"),
        ("文登科技局2020年行政处罚本年增减", "t2.punishment.change"),
        ("文登科技局2020年其他对外管理服务事项处理决定数", "t2.other_services.decisions"),
        ("文登科技局2020年行政事业性收费上一年项目数", "t2.fees.prev_items"),
        ("文登科技局2020年集中采购项目数量", "t2.procurement.items"),
        ("文登科技局2020年集中采购金额", "t2.procurement.amount"),
        ("文登科技局2021年行政许可", "t2.licensing.decisions"),
        ("文登科技局2020年规范性文件新公开", "t2.normative.new_published"),
    ],
)
def test_every_table_two_column(text: str, key: str) -> None:
    q = ask(text)
    assert q.kind is QueryKind.VALUE and q.metric is not None and key in q.metric.keys, q.metric


def test_previous_year_is_relative_to_the_year_asked() -> None:
    q = ask("文登科技局2022年比上一年多公开了多少条")
    assert q.kind is QueryKind.COMPARE_YEARS and q.years == (2022,) and q.previous
    q = ask("文登科技局上一年主动公开多少")
    assert q.kind is QueryKind.VALUE and q.years == (2022,)
    q = ask("文登科技局2023年比2021年主动公开少了多少")
    assert q.kind is QueryKind.COMPARE_YEARS and q.years == (2021, 2023)


@pytest.mark.parametrize(
    ("text", "years", "recent", "all_years"),
    [
        ("文登科技局去年主动公开", (2022,), None, False),
        ("文登科技局近三年主动公开", (), 3, False),
        ("文登科技局历年主动公开", (), None, True),
        ("文登科技局主动公开趋势", (), None, True),
        ("文登科技局2019到2021年主动公开", (2019, 2020, 2021), None, False),
    ],
)
def test_years(text: str, years: tuple[int, ...], recent: int | None, all_years: bool) -> None:
    q = ask(text)
    assert (q.years, q.recent, q.all_years) == (years, recent, all_years)


def test_two_items_of_one_report() -> None:
    q = ask("文登科技局2022年予以公开比部分公开多几件")
    assert q.kind is QueryKind.ITEM_DIFF and q.metric and q.other
    assert (q.metric.id, q.other.id) == ("t3.granted", "t3.partial")
    q = ask("文登科技局2022年予以公开占比")
    assert q.kind is QueryKind.ITEM_SHARE and q.metric and q.metric.id == "t3.granted" and q.other is None


def test_published_missing_and_failed() -> None:
    assert ask("文登科技局2021年报告什么时候发布的").kind is QueryKind.PUBLISHED
    assert ask("文登科技局2021年报告最新版本是哪个").version
    q = ask("2022年哪些单位没报")
    assert q.kind is QueryKind.MISSING and q.years == (2022,) and not q.late
    q = ask("文登2022年哪些单位迟报了")
    assert q.kind is QueryKind.MISSING and q.late and q.agencies[0].place
    assert ask("2022年哪些报告勾稽关系不对").kind is QueryKind.LIST_FAILED_CHECKS


def test_qualified_figures_take_their_column() -> None:
    q = ask("文登科技局去年行政复议被纠正几件")
    assert q.metric is not None and q.metric.keys[0] == "t4.review.corrected"
    assert q.qualifiers == ("corrected",)
    q = ask("文登科技局2021年属于国家秘密不予公开的")
    assert q.metric is not None and q.metric.id == "t3.denied_secret"
    q = ask("文登科技局2021年信访举报投诉类申请")
    assert q.metric is not None and q.metric.id == "t3.rejected_petition"


def test_agency_without_a_figure_is_its_own_kind() -> None:
    q = ask("文登科技局2021年")
    assert q.kind is QueryKind.NO_METRIC and ids(q) == [(1,)]
    assert parse_question("今天天气怎么样", now=NOW, lexicon=LEX) is None
