"""parsing.vocabulary: the one list of figure words is consistent with the SCHEMA keys it names."""

from __future__ import annotations

import re

from bot.core.metrics import METRICS
from parsing.schema import all_cell_keys, t3_rows
from parsing.vocabulary import FACT_WORDS, FACTS, alternation, keys, questions, tables


def test_fact_keys_in_schema_order_with_their_units() -> None:
    assert list(FACTS)[:9] == [
        "proactive.total",
        "proactive.website",
        "proactive.new_media",
        "normative.issued",
        "documents.issued",
        "applications.received",
        "open_day.count",
        "proposals.count",
        "fees.collected",
    ]
    for words in FACT_WORDS:
        assert words.unit in words.units, words.key
        assert all(group for group in words.required), words.key
        for word in (*words.helpful, *words.excluding, *words.negative, *words.asked_as):
            assert word.strip() == word and word, words.key


def test_table_words_name_existing_keys() -> None:
    cells = set(all_cell_keys())
    rows = set(t3_rows(keys.TEMPLATE_2021)) | set(t3_rows(keys.TEMPLATE_2019))
    assert {row for row, _ in tables.T3_ROW_WORDS} <= rows
    assert set(tables.T3_HEADER_WORDS.values()) == set(keys.T3_COLUMNS)
    assert {col for col, _ in tables.T4_COLUMN_WORDS} == set(keys.T4_COLUMNS)
    items = {item for item, _ in tables.T2_ITEM_WORDS}
    assert items == {key.split(".")[1] for key in cells if key.startswith("t2.")}
    assert cells >= keys.AMOUNT_KEYS


def test_every_question_phrase_belongs_to_a_metric() -> None:
    ids = {metric.id for metric in METRICS}
    assert set(questions.METRIC_PHRASES) <= ids
    assert set(questions.SUM_LABELS) <= ids


def test_alternation_tries_longer_words_first() -> None:
    assert re.fullmatch(alternation(keys.MONEY_UNITS), "万元")
    assert re.match(alternation(("元", "万元")), "万元").group() == "万元"  # type: ignore[union-attr]
