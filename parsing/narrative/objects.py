"""What a count counts: the object after the verb, a bare subject, a listed channel, a 其中 part."""

from __future__ import annotations

import re

from parsing.narrative.candidate import Candidate
from parsing.narrative.channels import CHANNEL_WORD, TITLES, channels, fits_channel, last
from parsing.narrative.quantities import Quantity, quantities
from parsing.vocabulary import FACT_WORDS, FactWords, alternation
from parsing.vocabulary import cases as C
from parsing.vocabulary import facts as W
from parsing.vocabulary import prose as P

_LISTED_PREFIXES = re.compile(alternation(P.LISTED_CHANNEL_PREFIXES))
_PART = re.compile(alternation(W.PART_WORDS))
_FILLERS = re.compile(alternation(P.OBJECT_FILLERS))
_CONJUNCTION = re.compile(alternation(P.OBJECT_CONJUNCTIONS))
_TRAILING_FILLERS = re.compile(f"(?:{alternation(P.OBJECT_FILLERS)}|\\s)+$")
_ONLY_FILLERS = f"(?:{alternation(P.OBJECT_FILLERS)}|\\s)*$"
_FIELDS = re.compile(f"^.*?(?<!{alternation(P.KIND_OF_FIELD)}){alternation(P.FIELD_WORDS)}(?={alternation(W.INFO_OBJECTS)}$)")
# "…的" before information in general ("涉及群众切身利益的政府信息"), but not a kind ("…类的信息").
_MODIFIED = re.compile(f"^[^、，,等]+(?<!类)的(?P<head>{alternation(W.INFO_OBJECTS)})$")
# When is no what ("主动公开政府信息2024年全年共计6条").
_WHEN = re.compile(r"(?:19|20)[0-9]{2}\s*年度?|全年|本年度?|今年|年内")
_OWNER = re.compile(f"^{alternation(P.OBJECT_OWNERS)}")


def fits_object(words: FactWords, counted: str, after: str, verb: str, unit: str) -> bool:
    """What was counted is information in general ("政务信息", "…等政府信息"), not one kind of it."""
    named_after = any(after.lstrip().startswith(noun) for noun in words.objects)
    counted = counted.strip()
    for other in reversed(quantities(counted)):  # "发布信息294期1014条": the other count is no object
        counted = counted[: other.start] + counted[other.end :]
    modified = _MODIFIED.match(_TRAILING_FILLERS.sub("", counted))
    if modified is not None:  # "群众广泛关注的政府信息": what it is about, not a kind of it
        counted = modified.group("head")
    listed = P.OBJECT_LIST_END in counted
    if listed:
        counted = counted.rsplit(P.OBJECT_LIST_END, 1)[1]
    else:
        conjuncts = _CONJUNCTION.split(counted)
        # "教育新闻和各类信息": the last of several kinds says "all kinds"
        general = len(conjuncts) > 1 and conjuncts[-1].startswith(P.GENERAL_KINDS)
        counted = conjuncts[-1] if general else conjuncts[0]
    counted = _OWNER.sub("", _FILLERS.sub("", _WHEN.sub("", counted)))
    if listed:  # "公开重大项目、经济运行、价格管理等多领域信息": the fields a list names, all of them
        counted = _FIELDS.sub("", counted)
    if counted:
        # "信息图文": made of the key's objects only
        return not re.sub(alternation(words.objects), "", counted)
    if words.channels:  # (a channel's 件 with nothing named are documents)
        return unit != "件"  # "门户网站公开39条"
    return named_after or verb == "主动公开"


def names_it(words: FactWords, before: str, verb: re.Match[str] | None, following: str) -> bool:
    """ "受理行政许可申请120件": another kind named, and none of the key's after it, is no figure of the
    key; "政府信息公开工作收到文件12份": nor is a thing named after the verb that is none of the key's
    — unless the key's thing is named after the number ("收到并按时办结16件…申请")."""
    ends = [before.rfind(k) + len(k) for k in words.other_kinds if k in before]
    if ends and not any(w in before[max(ends) :] for w in words.own_kind):
        return False
    counted = _FILLERS.sub("", before[verb.end() :]).strip(" ：:") if verb is not None else ""
    if not words.names or not counted or any(n in counted for n in words.names):
        return True
    return any(n in following for n in words.names)


def bare(words: FactWords, before: str) -> bool:
    """ "依申请公开3次": a subject of the key right before the count stands for its verb (never
    in a breakdown: "制发公文68件，其中…依申请公开21件" counts documents)."""
    handled = any(
        v in before for v in (*C.HANDLE_VERBS, *C.ANSWER_VERBS, "处理")
    )  # "办理…申请7件", "回复依申请公开1份" count no requests received
    # (the subject, then fillers only: "规范性文件数1条" — 件数 is no filler there)
    return bool(words.bare) and not handled and re.search(alternation(words.bare) + _ONLY_FILLERS, before) is not None


_ITEM_OPENING = re.compile(f"{alternation(P.ITEM_OPENINGS)}|[0-9０-９][^0-9０-９、，,]?")
_PUBLISH_VERB = re.compile(alternation(W.PUBLISH_VERBS))
_WHOLE = re.compile(
    f"{alternation(W.PUBLISH_VERBS)}[^，,；;。]*?{alternation(P.PUBLISHED_WHOLES)}(?:{alternation(P.OBJECT_FILLERS)})*"
    f"(?:{alternation(P.APPROX_BEFORE)})?[0-9０-９]"
)


def published_whole(text: str) -> bool:
    """ "主动公开政府信息643条，其中…": `text` states a whole of information or files published."""
    return _WHOLE.search(text) is not None


def listed_item(words: FactWords, before: str, whole: bool) -> bool:
    """ "…，其中行政规范性文件9条": a bare subject as an item of what was published (FactWords.bare_listed)
    — after a whole (`whole`) or right after a publish verb, naming no other kind nor joined to one."""
    ends = [m.start() for m in re.finditer(alternation(words.bare), before)]
    if not ends:
        return False
    head = before[: ends[-1]]
    for prefix in ("行政", "政府"):  # ("政策、行政规范性文件")
        head = head.removesuffix(prefix)
    if head[-1:] in P.OBJECT_CONJUNCTIONS and not re.search(r"[0-9０-９][^0-9０-９]?$", head[:-1]):
        return False  # joined to another kind ("规章及规范性文件27件", "政策、规范性文件类信息2条")
    item = _ITEM_OPENING.split(head)[-1]
    verb = [v for v in _PUBLISH_VERB.finditer(item) if not item[: v.start()].endswith(P.NOT_PUBLISHED_BEFORE)]
    if verb:
        item = item[verb[-1].end() :]
    elif _PUBLISH_VERB.search(item):
        return False  # ("提供应公开部门文件79份": not published)
    return (whole or bool(verb)) and not any(k in item for k in words.item_other_kinds)


_OWN_FILES = re.compile(
    f"(?:{alternation(C.DOCUMENT_OWNER_ENDS)})(?:{alternation(P.OBJECT_FILLERS)})*{alternation(C.DOCUMENT_ALONE_OBJECTS)}$"
)
_COLUMNS = re.compile(alternation(P.COLUMN_WORDS))


def stated_alone(words: FactWords, before: str, unit: str) -> bool:
    """ "主动公开文件17件", "公开市政府及市政府办公室文件237份": the figure of a `part_of` key stated on
    its own (FactWords.alone_objects) — the body's own files, its owner said, no other kind with them."""
    verb = last(re.compile(alternation(words.alone_verbs)), before)
    if unit not in C.DOCUMENT_UNITS or verb is None or before[: verb.start()].endswith(P.NOT_PUBLISHED_BEFORE):
        return False
    if _COLUMNS.search(before):  # a column holds earlier years' files too (GUIDE.md clarification 3)
        return False
    counted = _TRAILING_FILLERS.sub("", before[verb.end() :])
    if any(k in counted for k in C.DOCUMENT_OTHER_KINDS):
        return False
    own = verb.group() == C.DOCUMENT_OWN_VERB and _FILLERS.sub("", counted) in words.alone_objects
    return own or _OWN_FILES.search(counted) is not None


def opens_part(words: FactWords, before: str, verb: re.Match[str]) -> bool:
    """ "其中公开发布27件": only 其中 before the verb (no channel, no other kind), only the whole's
    objects or nothing between the verb and the count."""
    opening = _PART.sub("", before[: verb.start()]).strip(" ：:")
    counted = _FILLERS.sub("", before[verb.end() :]).strip()
    return not opening and (not counted or counted in words.objects)


def listed_channel(words: FactWords, quantity: Quantity, own: str) -> Candidate | None:
    """ "…，官方微博211条" / "…；微信、微博信息2102条": a channel and its figure (and at most what it
    counts) listed after a clause with the verb."""
    if quantity.unit not in words.units:
        return None
    rest = _LISTED_PREFIXES.sub("", CHANNEL_WORD.sub("", TITLES.sub("", own))).strip(" ：:")
    if rest and rest not in words.objects:
        return None
    kinds, channel = channels(own)
    if not fits_channel(words, kinds, False):
        return None
    return Candidate(words.key, quantity.value, quantity.unit, quantity.qualifier, 1, channel, quantity.raw)


_PUBLISH_AFTER = re.compile(alternation(W.PUBLISH_VERBS))
_CHANNEL_NOUN = {
    f.key: re.compile(
        f"(?P<channel>{alternation(f.channels)})(?:{alternation(f.objects)})(?:{alternation(P.OBJECT_FILLERS)})*$"
    )
    for f in FACT_WORDS
    if f.channels
}


def channel_noun(words: FactWords, quantity: Quantity, own: str) -> Candidate | None:
    """ "泸州市水务局政务网站信息796条；…微博信息162条": a channel's information and its count, with no
    verb needed — the channel word right before what it counts."""
    match = _CHANNEL_NOUN[words.key].search(own.strip())
    if quantity.unit not in words.units or match is None:
        return None
    # (only that channel named in the item, and no verb after it: "…网站公开信息91条" is no noun)
    if not fits_channel(words, channels(own)[0], False) or _PUBLISH_AFTER.match(own.strip(), match.end("channel")):
        return None
    channel = match.group("channel")
    return Candidate(words.key, quantity.value, quantity.unit, quantity.qualifier, 1, channel, quantity.raw, noun=True)
