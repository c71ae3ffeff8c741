"""Issue 11: a new fact key or a new question synonym is one vocabulary entry. The question
parser, the metric table (label, unit, parts) and the units all follow it; no list in
bot.core.metrics or elsewhere is touched."""

from __future__ import annotations

import dataclasses
import subprocess
import sys
from datetime import datetime
from zoneinfo import ZoneInfo

import pytest

from bot.core import metrics
from bot.core.questions import QueryKind, parse_question
from bot.core.replies.ingest import key_figures
from parsing.model import Fact, Report
from parsing.vocabulary import facts, unit_of
from parsing.vocabulary import questions as Q
from tests.questions.test_parse_question import _lexicon

NOW = datetime(2023, 3, 1, 10, 0, tzinfo=ZoneInfo("Asia/Shanghai"))
COMPLAINTS = facts.FactWords(
    "complaints.count",
    "收到投诉举报",
    "件",
    ("件", "起"),
    verbs=("收到", "受理"),
    required=(("投诉", "举报"),),
    asked_as=("投诉举报", "投诉"),
)


def _ask(text: str) -> tuple[str, str, str, tuple[str, ...]] | None:
    query = parse_question(text, now=NOW, lexicon=_lexicon())
    if query is None or query.metric is None:
        return None
    m = query.metric
    return m.id, m.label, m.unit, m.keys


def _with_entry(monkeypatch: pytest.MonkeyPatch, entry: facts.FactWords) -> None:
    """The vocabulary with `entry` added, or in place of the entry of its key."""
    others = tuple(f for f in facts.FACT_WORDS if f.key != entry.key)
    monkeypatch.setattr(facts, "FACT_WORDS", (*others, entry))
    monkeypatch.setitem(facts.FACT_WORDS_BY_KEY, entry.key, entry)
    monkeypatch.setitem(facts.FACTS, entry.key, (entry.label, entry.unit))


def test_a_new_fact_key_is_askable_by_its_entry_alone(monkeypatch: pytest.MonkeyPatch) -> None:
    question = "文登科技局2021年收到投诉多少件"
    assert (_ask(question) or ("",))[0] != "complaints.count"
    assert "complaints.count" not in metrics.table().by_id

    _with_entry(monkeypatch, COMPLAINTS)
    assert _ask(question) == ("complaints.count", "收到投诉举报", "件", ("complaints.count",))
    query = parse_question("文登科技局2021年投诉举报多少件", now=NOW, lexicon=_lexicon())
    assert query is not None and query.kind == QueryKind.VALUE and query.years == (2021,)
    defn = metrics.table().by_id["complaints.count"]
    assert (defn.label, defn.unit, defn.phrases) == ("收到投诉举报", "件", ("投诉举报", "投诉"))
    assert unit_of("complaints.count") == "件"
    # Other questions are read as before.
    assert _ask("文登科技局2021主动公开多少条") == (
        "proactive.total", "主动公开信息总数", "条", ("proactive.total",)
    )


def test_a_new_channel_of_a_fact_is_a_part_of_it(monkeypatch: pytest.MonkeyPatch) -> None:
    """`refines`: the channel's figure wins beside the total and is shown as its part."""
    billboard = facts.FactWords(
        "proactive.billboard", "公开栏公开", "条", ("条",), asked_as=("公开栏",),
        refines="proactive.total", part_label="公开栏",
    )
    _with_entry(monkeypatch, billboard)
    assert _ask("文登科技局2021年公开栏主动公开多少条") == (
        "proactive.billboard", "公开栏公开", "条", ("proactive.billboard",)
    )
    total = metrics.resolve(metrics.table().by_id["proactive.total"])
    assert "proactive.billboard" in total.parts
    # The upload summary names it among the channels when the report states no total.
    report = Report("某局", 2021, "2021", None, facts=(Fact("proactive.billboard", 12, "条", "公开栏公开12条"),))
    assert dict(key_figures(report))["主动公开"] == "公开栏12条，报告未给出合计"


def test_a_new_synonym_of_a_fact_is_one_word_in_its_entry(monkeypatch: pytest.MonkeyPatch) -> None:
    question = "文登科技局2021晒出多少条"
    assert _ask(question) is None
    total = facts.FACT_WORDS_BY_KEY["proactive.total"]
    _with_entry(monkeypatch, dataclasses.replace(total, asked_as=(*total.asked_as, "晒出")))
    assert _ask(question) == ("proactive.total", "主动公开信息总数", "条", ("proactive.total",))


def test_a_new_synonym_of_a_table_figure_is_one_word_in_its_phrases(monkeypatch: pytest.MonkeyPatch) -> None:
    question = "文登科技局2021年来函多少件"
    assert _ask(question) is None
    monkeypatch.setitem(Q.METRIC_PHRASES, "t3.new", (*Q.METRIC_PHRASES["t3.new"], "来函"))
    monkeypatch.setattr(metrics, "_built", None)  # the table is built once per vocabulary
    found = _ask(question)
    assert found is not None and found[0] == "t3.new" and found[3][0] == "t3.new.total"


def test_the_derived_table_keeps_every_fact_metric() -> None:
    """The fact metrics derived from the vocabulary are the ones once listed by hand."""
    table = metrics.table()
    fact_ids = [m.id for m in table.metrics if m.id in facts.FACTS]
    assert fact_ids == [
        "proactive.total", "proactive.website", "proactive.new_media", "documents.issued",
        "open_day.count", "proposals.count", "fees.collected",
    ]
    assert table.by_id["proactive.total"].parts == ("proactive.website", "proactive.new_media")
    assert table.by_id["documents.issued"].axis == "part"
    assert table.refines["proactive.website"] == "proactive.total"
    assert table.metrics == metrics.METRICS


_FRESH_PROCESS = """
import parsing.vocabulary as V
from parsing.vocabulary import facts as F

# As if the entry were written in parsing/vocabulary/facts.py: added before any reader loads.
entry = F.FactWords(
    "complaints.count", "收到投诉举报", "件", ("件", "起"),
    verbs=("收到", "受理"), required=(("投诉", "举报"),), asked_as=("投诉举报",),
)
F.FACT_WORDS = V.FACT_WORDS = (*F.FACT_WORDS, entry)
F.FACT_WORDS_BY_KEY[entry.key] = entry
F.FACTS[entry.key] = (entry.label, entry.unit)

from parsing.extract.base import TextBlock
from parsing.narrative import extract_facts
from bot.core.questions import parse_question

facts = extract_facts([TextBlock(text="2021年，本机关共收到投诉举报5件，均已办结。", index=0)], year=2021)
print([(f.key, f.value, f.unit) for f in facts])
query = parse_question("2021年投诉举报多少件")
print(query.metric.id, query.metric.label, query.metric.unit)
"""


def test_a_new_fact_key_is_read_from_prose_and_asked_in_a_fresh_process() -> None:
    """The prose reader (parsing.narrative) reads a plain new entry with no change of its own."""
    done = subprocess.run([sys.executable, "-c", _FRESH_PROCESS], capture_output=True, text=True, timeout=120)
    assert done.returncode == 0, done.stderr
    assert done.stdout.splitlines() == ["[('complaints.count', 5, '件')]", "complaints.count 收到投诉举报 件"]
