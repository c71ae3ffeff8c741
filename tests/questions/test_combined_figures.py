"""Every figure a question combines from several keys is one the ingest keeps as its own key
(storage.derived), so ranking or summing it over a year reads one index range (issue 14)."""

from __future__ import annotations

from bot.core.metrics import qualifier_table, resolve, table
from storage.derived import COMBINED, combined_key, combined_rows


def test_every_combination_a_question_asks_is_kept() -> None:
    asked = set()
    for defn in table().metrics:
        for qualifier in (None, *qualifier_table(defn)):
            metric = resolve(defn, qualifier)
            if metric.sum_of or len(metric.keys) > 1:
                asked.add((metric.keys, metric.sum_of))
    kept = {(c.keys, c.sum_of) for c in COMBINED}
    assert asked - kept == set(), "add these to storage.derived.COMBINED"
    assert all(combined_key(keys, sum_of) for keys, sum_of in asked)
    assert len({c.key for c in COMBINED}) == len(COMBINED) and all(len(c.key) <= 60 for c in COMBINED)


def test_combined_values_follow_the_rule_for_several_keys() -> None:
    rows = dict(combined_rows({"t3.new.total": None, "applications.received": 4.0, "t4.review.total": 0.0}))
    assert rows["=t3.new.total"] == 4.0  # the table's blank gives way to the prose
    assert rows["=t4.review.total"] == 0.0  # a 0 is a number: the prose is not asked
    assert "=t2.rules.made" not in rows  # holds none of the keys: no row (missing, not blank)
    suit = {"t4.suit_direct.total": 2.0, "t4.suit_after_review.total": None, "suit.count": 9.0}
    assert dict(combined_rows(suit))["=t4.suit.total"] == 9.0  # a blank part: the stated total
    suit["t4.suit_after_review.total"] = 1.0
    assert dict(combined_rows(suit))["=t4.suit.total"] == 3.0
    denied = {f"t3.{r}.total": None for r in ("denied_secret", "denied_law")}
    assert "=t3.denied.total" not in dict(combined_rows(denied))  # only two of the eight rows held
