"""What can be asked: a declarative table from the phrases people use to SCHEMA keys.

A metric names the keys that hold its figure, in priority order, for both templates
(2021 keys first, then 2019 keys, then the narrative fact), so one question works on any
year's report. Table rows and columns are qualifiers: "行政复议被纠正" is the 行政复议 metric
with the 结果纠正 column; "自然人申请" is the 新收申请 metric with the 自然人 column.

Every word comes from the vocabulary: a prose fact is askable by its FactWords entry alone
(`asked_as`, label, unit, `refines`, `part_of`), a table metric by its phrases in
parsing.vocabulary.questions. `table()` builds the table from the vocabulary as it is.
"""

from __future__ import annotations

from dataclasses import dataclass

from parsing.schema import T3_COLUMNS, T4_COLUMNS, T4_GROUPS, cell_label, t3_rows
from parsing.vocabulary import AMOUNT_KEYS, AMOUNT_UNIT, FactWords, facts, unit_of
from parsing.vocabulary import questions as Q

# Qualifier and metric phrases live in the vocabulary (parsing.vocabulary.questions).
T3_COLUMN_PHRASES = Q.T3_COLUMN_PHRASES
T4_COLUMN_PHRASES = Q.T4_COLUMN_PHRASES
T2_ACTIONS = Q.T2_ACTIONS
T2_ITEM_COLUMNS = Q.T2_ITEM_COLUMNS
WEAK_PHRASES = Q.WEAK_PHRASES
FALLBACK_PHRASES = Q.FALLBACK_PHRASES

# A table metric found together with the one it details gives way to it (复议后起诉 is that
# figure, not all 行政诉讼); facts say so by `FactWords.refines`.
_TABLE_REFINES: dict[str, str] = {
    "t4.suit_direct": "t4.suit",
    "t4.suit_after_review": "t4.suit",
}


@dataclass(frozen=True)
class MetricDef:
    """One row of the synonym table. `axis` says which qualifier applies."""

    id: str
    phrases: tuple[str, ...]
    label: str = ""
    unit: str = "件"
    keys: tuple[str, ...] = ()
    parts: tuple[str, ...] = ()  # figures shown when the report states no total
    axis: str = ""  # "t3" (row; applicant column), "t3sum", "t4", "t4sum", "t2", "t2item", "part"
    rows: tuple[str, ...] = ()  # t3 rows / t4 groups / t2 item
    fact: str = ""  # narrative fallback for the default column


@dataclass(frozen=True)
class Metric:
    """A metric resolved with its qualifier: the keys to read and how to label the figure."""

    id: str
    label: str
    unit: str
    keys: tuple[str, ...] = ()  # first key with a number wins
    sum_of: tuple[str, ...] = ()  # or: the explicit sum of these cells (shown with its parts)
    parts: tuple[str, ...] = ()
    phrase: str = ""

    @property
    def all_keys(self) -> tuple[str, ...]:
        return tuple(dict.fromkeys((*self.sum_of, *self.keys, *self.parts)))


def _fact(words: FactWords, fact_words: tuple[FactWords, ...]) -> MetricDef:
    """A prose fact asked by its own words; its channels are its parts, and a fact that is a
    part of it ("其中公开发布") is asked as its qualifier (axis "part")."""
    parts = tuple(w.key for w in fact_words if w.refines == words.key)
    asked_parts = any(w.part_of == words.key and w.asked_as_part for w in fact_words)
    return MetricDef(
        id=words.key,
        phrases=words.asked_as,
        label=words.label,
        unit=words.unit,
        keys=(words.key,),
        parts=parts,
        axis="part" if asked_parts else "",
    )


def _table(id: str, **kw: object) -> MetricDef:
    """A table metric asked with its vocabulary phrases (and labelled there when summed)."""
    return MetricDef(id, Q.METRIC_PHRASES[id], label=Q.SUM_LABELS.get(id, ""), **kw)  # type: ignore[arg-type]


_DENIED = tuple(r for r in t3_rows("2021") if r.startswith("denied_"))
_UNABLE = tuple(r for r in t3_rows("2021") if r.startswith("unable_"))
_REJECTED = tuple(r for r in t3_rows("2021") if r.startswith("rejected_"))

def _table_metrics() -> tuple[MetricDef, ...]:
    """The table metrics with their phrases (parsing.vocabulary.questions) as they are now."""
    return (
        # --- table 3 rows (column qualifier; default 总计)
        _table("t3.new", axis="t3", rows=("new",), fact="applications.received"),
        _table("t3.carried_in", axis="t3", rows=("carried_in",)),
        _table("t3.carried_out", axis="t3", rows=("carried_out",)),
        _table("t3.granted", axis="t3", rows=("granted",)),
        _table("t3.partial", axis="t3", rows=("partial",)),
        _table("t3.denied", axis="t3sum", rows=_DENIED),
        *(_table(f"t3.{row}", axis="t3", rows=(row,)) for row in _DENIED),
        _table("t3.unable", axis="t3sum", rows=_UNABLE),
        *(_table(f"t3.{row}", axis="t3", rows=(row,)) for row in _UNABLE),
        _table("t3.rejected", axis="t3sum", rows=_REJECTED),
        *(_table(f"t3.{row}", axis="t3", rows=(row,)) for row in _REJECTED),
        _table("t3.other_overdue", axis="t3", rows=("other_overdue",)),
        _table("t3.other_unpaid", axis="t3", rows=("other_unpaid",)),
        _table("t3.other", axis="t3", rows=("other",)),
        _table("t3.handled_total", axis="t3", rows=("handled_total",)),
        # --- table 4 (column qualifier; default 总计)
        _table("t4.suit_after_review", axis="t4", rows=("suit_after_review",)),
        _table("t4.suit_direct", axis="t4", rows=("suit_direct",)),
        _table("t4.review", axis="t4", rows=("review",), fact="review.count"),
        _table("t4.suit", axis="t4sum", rows=("suit_direct", "suit_after_review"), fact="suit.count"),
        _table("t4.corrected", axis="t4sum", rows=tuple(T4_GROUPS), keys=("corrected",)),
        # --- table 2 (action qualifier for 规章 / 规范性文件)
        _table("t2.rules", axis="t2", rows=("rules",)),
        _table("t2.normative", axis="t2", rows=("normative",), fact="normative.issued"),
        *(
            _table(f"t2.{item}", axis="t2item", rows=(item,))
            for item in ("licensing", "punishment", "coercion", "other_services", "fees", "procurement")
        ),
    )


@dataclass(frozen=True)
class MetricTable:
    metrics: tuple[MetricDef, ...]  # the prose facts first (FACT_WORDS order), then the tables
    # Every phrase with its metric, longest first: the longest phrase found in a question wins.
    phrases: tuple[tuple[str, MetricDef], ...]
    by_id: dict[str, MetricDef]
    # A metric found together with the one it details gives way to it ("政府网站主动公开" is
    # the website figure).
    refines: dict[str, str]


def build(fact_words: tuple[FactWords, ...]) -> MetricTable:
    metrics = (*(_fact(w, fact_words) for w in fact_words if w.asked_as), *_table_metrics())
    refines = {w.key: w.refines for w in fact_words if w.refines} | _TABLE_REFINES
    # The table-3 rows detailing a summed group (不予公开 = the eight denied_* rows, ...).
    for defn in metrics:
        group = defn.rows[0].split("_")[0] if defn.axis == "t3" and "_" in defn.rows[0] else ""
        if group in ("denied", "unable", "rejected", "other"):
            refines.setdefault(defn.id, f"t3.{group}")
    return MetricTable(
        metrics=metrics,
        phrases=tuple(sorted(((p, m) for m in metrics for p in m.phrases), key=lambda pm: -len(pm[0]))),
        by_id={m.id: m for m in metrics},
        refines=refines,
    )


_built: tuple[tuple[FactWords, ...], MetricTable] | None = None


def table() -> MetricTable:
    """The metric table of the vocabulary as it is now (built once per FACT_WORDS)."""
    global _built
    if _built is None or _built[0] is not facts.FACT_WORDS:
        _built = (facts.FACT_WORDS, build(facts.FACT_WORDS))
    return _built[1]


METRICS = table().metrics


def _t3_label(row: str, col: str) -> str:
    label = t3_rows("2021")[row]
    return label if col == "total" else f"{label}（{T3_COLUMNS[col]}）"


def _t4_label(group: str, col: str) -> str:
    label = T4_GROUPS[group]
    return label if col == "total" else f"{label} {T4_COLUMNS[col]}"


def resolve(defn: MetricDef, qualifier: str | None = None, phrase: str = "") -> Metric:
    """The keys of a metric for a qualifier (table column or 规章 action); None = default."""
    if defn.axis == "t3":
        col = qualifier or "total"
        (row,) = defn.rows
        keys = (f"t3.{row}.{col}",) + ((defn.fact,) if defn.fact and col == "total" else ())
        return Metric(defn.id, _t3_label(row, col), "件", keys=keys, phrase=phrase)
    if defn.axis == "t3sum":
        col = qualifier or "total"
        label = defn.label if col == "total" else f"{defn.label}（{T3_COLUMNS[col]}）"
        return Metric(defn.id, label, "件", sum_of=tuple(f"t3.{r}.{col}" for r in defn.rows), phrase=phrase)
    if defn.axis == "t4":
        col = qualifier or "total"
        (group,) = defn.rows
        keys = (f"t4.{group}.{col}",) + ((defn.fact,) if defn.fact and col == "total" else ())
        return Metric(defn.id, _t4_label(group, col), "件", keys=keys, phrase=phrase)
    if defn.axis == "t4sum":
        col = defn.keys[0] if defn.keys else (qualifier or "total")
        label = defn.label if (col == "total" or defn.keys) else f"{defn.label} {T4_COLUMNS[col]}"
        keys = (defn.fact,) if defn.fact and col == "total" else ()
        return Metric(
            defn.id, label, "件", sum_of=tuple(f"t4.{g}.{col}" for g in defn.rows), keys=keys, phrase=phrase
        )
    if defn.axis == "t2":
        (item,) = defn.rows
        action = qualifier or "made"
        _, new, old, col_label = T2_ACTIONS[action]
        keys = tuple(f"t2.{item}.{s}" for s in (new, old) if s)
        if defn.fact and action == "made":
            keys += (defn.fact,)
        name = "规章" if item == "rules" else "行政规范性文件"
        return Metric(f"{defn.id}.{action}", f"{name} {col_label}", "件", keys=keys, phrase=phrase)
    if defn.axis == "t2item":
        (item,) = defn.rows
        column = qualifier or Q.T2_ITEM_DEFAULT.get(item, "decisions")
        key = f"t2.{item}.{column}"
        unit = (
            AMOUNT_UNIT
            if key in AMOUNT_KEYS
            else "项"
            if column in ("prev_items", "items", "change")
            else "件"
        )
        label = cell_label(key).removeprefix("表二 ")
        return Metric(f"{defn.id}.{column}", label, unit, keys=(key,), phrase=phrase)
    if defn.axis == "part" and qualifier is not None:
        words = facts.FACT_WORDS_BY_KEY[qualifier]
        return Metric(words.key, words.label, words.unit, keys=(words.key,), phrase=phrase)
    label = defn.label or cell_label(defn.keys[0])
    return Metric(defn.id, label, defn.unit, keys=defn.keys, parts=defn.parts, phrase=phrase)


def qualifier_table(defn: MetricDef) -> dict[str, tuple[str, ...]]:
    """The qualifier phrases that apply to a metric (empty when it takes none)."""
    if defn.axis in ("t3", "t3sum"):
        return T3_COLUMN_PHRASES
    if defn.axis == "t4" or (defn.axis == "t4sum" and not defn.keys):
        return T4_COLUMN_PHRASES
    if defn.axis == "t2":
        return {action: spec[0] for action, spec in T2_ACTIONS.items()}
    if defn.axis == "t2item":
        return {c: T2_ITEM_COLUMNS[c][0] for c in Q.T2_ITEM_HAS[defn.rows[0]]}
    if defn.axis == "part":
        return {w.key: w.asked_as_part for w in facts.FACT_WORDS if w.part_of == defn.id and w.asked_as_part}
    return {}


__all__ = ["METRICS", "Metric", "MetricDef", "MetricTable", "build", "qualifier_table", "resolve", "table", "unit_of"]
