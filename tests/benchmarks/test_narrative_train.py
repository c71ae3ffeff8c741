"""The offline candidate scorer of the prose reader (benchmarks/narrative_train.py): every candidate
the reader considers is featurised in words, a fitted table scores it, thresholds keep precision."""

from __future__ import annotations

from functools import cache

from benchmarks.narrative_features import Option, group_of, options
from benchmarks.narrative_train import (
    Decision,
    Model,
    Row,
    choose_thresholds,
    decisions,
    fit,
    probabilities,
    rows_of,
)
from parsing.vocabulary import FACTS
from tests.parsing.narrative_corpus.corpus import load

_TEXT = "一、总体情况\n2023年，本机关主动公开政府信息120条，较上年增加主动公开信息15条。"


def _option(key: str, value: int) -> Option | None:
    return next((o for o in options(_TEXT, 2023) if o.key == key and o.value == value), None)


@cache
def _dev_model() -> Model:
    return fit(rows_of(load("dev"), True), 1.0)


def test_a_clearly_stated_total_is_the_rules_choice_and_kept() -> None:
    total = _option("proactive.total", 120)
    assert total is not None
    for name in ("the rules chose it", "kept by the rules", "verb of the key before the number"):
        assert total.features.get(name) == 1.0, name


def test_a_change_figure_is_a_loose_candidate_marked_as_a_change() -> None:
    change = _option("proactive.total", 15)
    assert change is not None
    assert "read by the rules" not in change.features
    assert change.features.get("change word before the number (增加/较上年)") == 1.0


def test_fitted_on_dev_a_stated_total_is_accepted_and_a_change_rejected() -> None:
    total, change = _option("proactive.total", 120), _option("proactive.total", 15)
    assert total is not None and change is not None
    p = probabilities(_dev_model(), [Row(0, total, True, True, True), Row(0, change, False, False, False)])
    assert p[0] > 0.9 and p[1] < 0.1, p


def test_a_fitted_table_scores_by_its_features() -> None:
    def row(i: int, features: dict[str, float], label: bool) -> Row:
        o = options(_TEXT, 2023)[0]
        o.features = {"bias": 1.0, **features}
        return Row(i, o, label, False, False)

    rows = [row(i, {"stated as a total (共/累计)": 1.0}, True) for i in range(20)]
    rows += [row(20 + i, {"change word before the number (增加/较上年)": 1.0}, False) for i in range(20)]
    model = fit(rows, 1.0)
    assert set(model) == {group_of(rows[0].option.key)}
    p = probabilities(model, [rows[0], rows[-1]])
    assert p[0] > 0.8 > 0.2 > p[1]
    best = decisions([rows[0], rows[-1]], p)
    assert all(d.right == (d.p > 0.5) for d in best.values())


def test_thresholds_keep_precision_and_veto_apart_from_additions() -> None:
    key = "proactive.total"
    d = {(i, key): Decision(0.95, True, True) for i in range(99)}
    d[(99, key)] = Decision(0.5, False, True)  # a rule choice the model doubts, and wrong
    d |= {(100 + i, key): Decision(0.8, i % 2 == 0, False) for i in range(10)}  # additions: a coin toss
    t = choose_thresholds(d, 0.99)
    assert set(t) == set(FACTS)
    veto, addition = t[key]
    assert 0.5 < veto <= 0.95 and addition > 0.8
