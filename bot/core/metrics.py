"""What can be asked: a declarative table from the phrases people use to SCHEMA keys.

A metric names the keys that hold its figure, in priority order, for both templates
(2021 keys first, then 2019 keys, then the narrative fact), so one question works on any
year's report. Table rows and columns are qualifiers: "行政复议被纠正" is the 行政复议 metric
with the 结果纠正 column; "自然人申请" is the 新收申请 metric with the 自然人 column.
"""

from __future__ import annotations

from dataclasses import dataclass

from parsing.schema import FACTS, T3_COLUMNS, T4_COLUMNS, T4_GROUPS, cell_label, t3_rows
from parsing.vocabulary import AMOUNT_KEYS, AMOUNT_UNIT, FACT_WORDS_BY_KEY
from parsing.vocabulary import questions as Q

# Qualifier and metric phrases live in the vocabulary (parsing.vocabulary.questions).
T3_COLUMN_PHRASES = Q.T3_COLUMN_PHRASES
T4_COLUMN_PHRASES = Q.T4_COLUMN_PHRASES
T2_ACTIONS = Q.T2_ACTIONS
T2_ITEM_COLUMNS = Q.T2_ITEM_COLUMNS
WEAK_PHRASES = Q.WEAK_PHRASES
FALLBACK_PHRASES = Q.FALLBACK_PHRASES

# A metric found together with the one it details gives way to it ("政府网站主动公开" is the
# website figure; "属于国家秘密不予公开" is that row, not the sum of eight).
REFINES: dict[str, str] = {
    "proactive.website": "proactive.total",
    "proactive.new_media": "proactive.total",
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
    axis: str = ""  # "t3" (row; applicant column), "t3sum", "t4", "t4sum", "t2", "t2item", "doc"
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


def _fact(key: str, **kw: object) -> MetricDef:
    words = FACT_WORDS_BY_KEY[key]
    return MetricDef(id=key, phrases=words.asked_as, label=words.label, unit=words.unit, keys=(key,), **kw)  # type: ignore[arg-type]


def _table(id: str, **kw: object) -> MetricDef:
    """A table metric asked with its vocabulary phrases (and labelled there when summed)."""
    return MetricDef(id, Q.METRIC_PHRASES[id], label=Q.SUM_LABELS.get(id, ""), **kw)  # type: ignore[arg-type]


_DENIED = tuple(r for r in t3_rows("2021") if r.startswith("denied_"))
_UNABLE = tuple(r for r in t3_rows("2021") if r.startswith("unable_"))
_REJECTED = tuple(r for r in t3_rows("2021") if r.startswith("rejected_"))

METRICS: tuple[MetricDef, ...] = (
    # --- narrative facts
    _fact("proactive.total", parts=("proactive.website", "proactive.new_media")),
    _fact("proactive.website"),
    _fact("proactive.new_media"),
    _fact("documents.issued", axis="doc"),
    _fact("open_day.count"),
    _fact("proposals.count"),
    _fact("fees.collected"),
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

# Every phrase with its metric, longest first: the longest phrase found in a question wins.
PHRASES: tuple[tuple[str, MetricDef], ...] = tuple(
    sorted(((p, m) for m in METRICS for p in m.phrases), key=lambda pm: -len(pm[0]))
)
BY_ID: dict[str, MetricDef] = {m.id: m for m in METRICS}
# The table-3 rows detailing a summed group (不予公开 = the eight denied_* rows, ...).
for _defn in METRICS:
    _group = _defn.rows[0].split("_")[0] if _defn.axis == "t3" and "_" in _defn.rows[0] else ""
    if _group in ("denied", "unable", "rejected", "other"):
        REFINES.setdefault(_defn.id, f"t3.{_group}")


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
    if defn.axis == "doc" and qualifier == "published":
        words = FACT_WORDS_BY_KEY[Q.DOCUMENTS_PUBLISHED]
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
    if defn.axis == "doc":
        return Q.DOC_ACTIONS
    return {}


def unit_of(key: str, default: str = "件") -> str:
    """Unit of a stored figure by key (cells carry none; facts carry theirs)."""
    if key in AMOUNT_KEYS:
        return AMOUNT_UNIT
    if key in FACTS:
        return FACTS[key][1]
    return default
