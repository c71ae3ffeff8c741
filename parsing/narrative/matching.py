"""One sentence -> candidate facts, read against the vocabulary's description of each key.

Every count in a clause (parsing.narrative.quantities) is tried against every key of
parsing.vocabulary.facts.FACT_WORDS; what rules a figure out for all keys is decided once:
a change ("较上年减少3条"), another year ("2021年收到…" in a 2022 report, "上年结转"), an aside
in brackets. Negative forms ("未收到…申请") give 0. A key that is `part_of` another is read only
from a "其中" part of a sentence stating the other's figure before it.
"""

from __future__ import annotations

import re

from parsing.narrative.candidate import Candidate
from parsing.narrative.channels import (
    CHANNEL_WORD,
    LIST_ENDING,
    MEDIA,
    OTHER,
    WEBSITE,
    WEBSITE_NAME,
    carried_channels,
    channel_name,
    channels,
    fits_channel,
    means_not_all,
    several_channels,
    topic,
    verb_in,
)
from parsing.narrative.clauses import Clause, clauses
from parsing.narrative.means import means_website, named_just_before, restates_subject
from parsing.narrative.negatives import negatives_in
from parsing.narrative.news import lone_news, site_news
from parsing.narrative.objects import (
    bare,
    channel_noun,
    fits_object,
    listed_channel,
    listed_item,
    names_it,
    opens_part,
    published_whole,
    stated_alone,
)
from parsing.narrative.quantities import Quantity, quantities
from parsing.narrative.sums import closing_sum, closing_total, new_this_year, no_peer_totals, respectively
from parsing.narrative.times import YEAR, other_time, other_year, up_to_now
from parsing.vocabulary import FACT_WORDS, FactWords, alternation
from parsing.vocabulary import cases as C
from parsing.vocabulary import facts as W
from parsing.vocabulary import prose as P

_KEYS = tuple(f for f in FACT_WORDS if f.key != "proposals.count")
_PART_OF = {f.key: f.part_of for f in _KEYS if f.part_of is not None}
_VERBS = {f.key: re.compile(alternation(f.verbs)) for f in _KEYS if f.verbs}
_TIGHT = {f.key: re.compile(alternation(tuple(w for g in f.required for w in g)) + f"(?:{alternation(P.OBJECT_FILLERS)}|\\s)*$") for f in _KEYS if f.tight_units}  # (only fillers after)
_PUBLISH = re.compile(alternation(W.PUBLISH_VERBS))
_LIST_ITEM_END = re.compile(r"[、，,；;]")
_CHANGE = re.compile(alternation(P.CHANGE_WORDS))
_PART = re.compile(alternation(W.PART_WORDS))
# "…部门动态发布信息32条，校园风采栏目发布信息21条": figures of single columns, not of the
# website nor a total ("…等栏目主动公开" names the website's columns as a whole, "…网站××局栏目"
# the agency's own part of a website, "其中：…栏目…" a breakdown).
_COLUMN = re.compile("(?<!等)" + alternation(P.COLUMN_WORDS))
# "发布信息51篇，被《硚口信息》采用4篇": articles submitted to others, not published.
_DIRECT = re.compile(rf"{alternation(W.WEBSITE_WORDS)}[上中内]?{alternation(W.PUBLISH_VERBS)}[^，,；;]*$")
_ADOPTED = re.compile(r"^\s*被.{0,20}?(?:采用|录用|刊用|采纳)")
_PROACTIVE = ("proactive.total", "proactive.website", "proactive.new_media")
_FILLERS = re.compile(alternation(P.OBJECT_FILLERS))
_MEDIA_ONLY = re.compile(f"(?:{alternation(W.NEW_MEDIA_WORDS)}|[、和及与])+")
_SUBORDINATE = re.compile(alternation(W.SUBORDINATE_WORDS))
_NOT_OWN = re.compile(f"{alternation(W.SUBORDINATE_WORDS + P.OTHER_PUBLISHER_WORDS)}|{P.PLANNED}")
_ITEM_SEPARATORS = " 、，,及和与以及"
_CHANNEL_KEYS = ("proactive.website", "proactive.new_media")
_TOTAL_KEYS = ("proactive.total", "proactive.website")
_TOTAL_UNITS = next(f.units for f in FACT_WORDS if f.key == "proactive.total")
_TOTAL_VERB = re.compile(alternation(W.TOTAL_VERBS))
_ANY_VERB = re.compile(alternation(tuple({v for f in _KEYS for v in f.verbs})))


# A required word followed by this is part of another word ("印发文件" names no 发文).
_REQUIRED = {
    f.key: [
        re.compile(
            "|".join(
                re.escape(w)
                + (f"(?!{re.escape(C.REQUIRED_NOT_BEFORE[w])})" if w in C.REQUIRED_NOT_BEFORE else "")
                for w in sorted(group, key=len, reverse=True)
            )
        )
        for group in f.required
    ]
    for f in _KEYS
}
def sentence_candidates(sentence: str, year: int | None) -> list[Candidate]:
    """Every candidate fact stated in one sentence."""
    out: list[Candidate] = []
    parts = clauses(sentence)
    part_of_before = False
    columns: set[int] = set()  # the members (after a semicolon) stating a figure of one column
    at: dict[int, tuple[Candidate, int]] = {}  # each candidate's member (the candidate kept: its id stays its)
    direct: set[int] = set()  # figures whose verb follows the website's name (no column between)
    loose = False  # a count of one kind of thing opened a list before: a later "total" is an item
    whole_is_channel: bool | None = None
    figures: list[tuple[Quantity, list[Candidate], str]] = []  # the member's: what each read, its text
    for i, clause in enumerate(parts):
        # After "其中" every figure of the sentence is a part of one stated before it.
        if clause.after_semicolon:
            part_of_before = False
            figures = []
        part_of_before = part_of_before or bool(i and _PART.search(parts[i - 1].text))
        # a member of the sentence after a semicolon has its own subject ("…；“平安灯都”南方+…，发布信息125条")
        member = max((j for j in range(i + 1) if parts[j].after_semicolon), default=0)
        since_opening = any(w in c.text for c in parts[member : i + 1] for w in P.SINCE_OPENING)
        # "…公开政务信息83条。其中，“三务”公开网站63条，…": a breakdown lists channels too
        listed = any(_PUBLISH.search(c.text) for c in parts[:i] if not c.aside) or bool(_PART.match(sentence))
        counts = quantities(clause.text)
        # (a whole of what was published stated before, for an item of it: FactWords.bare_listed)
        whole = bool(_PART.match(sentence)) or published_whole("，".join(c.text for c in parts[:i] if not c.aside))
        # (what the clauses before say of the figures' time and channel, only when there are figures)
        dated_before = bool(counts) and other_time(parts[member:i], year)
        near = bool(counts) and (named_just_before(parts[member:i]) or means_website(parts[member : i + 1], counts))
        carried = carried_channels([c.text for c in parts[member:i] if not c.aside]) if counts and not restates_subject(clause, counts) else (set(), None)
        adopted = i + 1 < len(parts) and bool(_ADOPTED.match(parts[i + 1].text))
        if counts and not (clause.aside or part_of_before):
            subject = clause.text[: counts[0].start]
            if (  # ("维护专题栏目17个" counts columns kept, "…栏目收到留言1条" what it got)
                _COLUMN.search(subject) and not WEBSITE_NAME.search(subject) and not _PART.search(subject)
                and counts[0].unit in W.PUBLISHED_UNITS and (_PUBLISH.search(subject) or not _ANY_VERB.search(subject))
            ):
                columns.add(member)
        read_here: list[Candidate] = []
        # A figure in brackets is taken only as a more specific statement ("其中本年度新收…"), or as
        # the channels' figures of the whole before it ("…1261条(其中:网站390条、微信公众号871条)"),
        # not when the whole is a channel's ("新媒体发布236条(其中:微博发布112条…)").
        if clause.aside and whole_is_channel is None:  # (the figures before the brackets, once)
            whole_is_channel = any(c.key in _CHANNEL_KEYS and not c.partial for c in out)
        breakdown = clause.breakdown and not whole_is_channel
        for q_index, quantity in enumerate(counts):
            end = counts[q_index + 1].start if q_index + 1 < len(counts) else len(clause.text)
            start = counts[q_index - 1].end if q_index else 0
            after = clause.text[quantity.end : end]
            read = _read(
                clause, quantity, start, after, carried, part_of_before or clause.aside, year, listed, near, whole
            )
            read = [c for c in read if not ((adopted or since_opening) and c.key in _PROACTIVE)]
            read = [c for c in read if not c.news or lone_news(clause.text[quantity.end :], parts[i + 1 :])]
            then = dated_before and not YEAR.search(clause.text[: quantity.start])
            if then or up_to_now(parts[member:i]):  # ("截至目前，…公开行政规范性文件2件": published so far)
                read = [] if then else [c for c in read if not c.stock or YEAR.search(clause.text[: quantity.start])]
            # (…unless stated as a total itself: "…文件数量2件，主动公开政府信息总数150条")
            stated_total = any(w in clause.text[start : quantity.start] for w in P.TOTAL_NOUNS)
            read = [c for c in read if not (loose and c.key == "proactive.total" and not stated_total)]
            # "微信公众号推送300期，发布信息900条": after a figure of a channel named in its member, one
            # naming none is that channel's (its subject) or the total — neither, unless stated as a total
            after_channel = any(CHANNEL_WORD.search(text) for _, _, text in figures)
            if after_channel and not stated_total and not CHANNEL_WORD.search(clause.text):
                read = [c for c in read if c.key != "proactive.total"]
            if _DIRECT.search(clause.text[: quantity.start]):
                direct.update(id(c) for c in read)
            own = clause.text[start : quantity.start]
            # (a figure of another time, "截至目前共发布592条", opens no list of kinds)
            dated = then or bool(_CHANGE.search(own)) or other_year(clause.text[: quantity.start], year)
            if not read and not clause.aside and quantity.unit in _TOTAL_UNITS and not dated:
                loose = loose or not _ANY_VERB.search(own) or bool(_TOTAL_VERB.search(own))
            read_here.extend(
                c for c in read if not clause.aside or c.score > 1 or (breakdown and c.key in _CHANNEL_KEYS)
            )
            if not clause.aside:
                figures.append((quantity, read, clause.text[start : quantity.start]))
        out.extend(read_here)
        if counts and not clause.aside:
            out.extend(closing_sum(clause.text, counts, figures[: -len(counts)]))
            parts_of_sum, summed = closing_total(clause.text, counts, figures[: -len(counts)])
            out = [c for c in out if id(c) not in parts_of_sum] + summed
        if not clause.aside:
            # "这3起…均未发生…行政复议": a statement of none after the clause's counts
            tail = clause.text[counts[-1].end :] if counts else clause.text
            # ("2022年，我局无依申请公开事项" in a 2021 report: another year's none)
            negatives = negatives_in(tail)
            if negatives and (other_time(parts[member:i], year) or other_year(tail, year)):
                negatives = []
            out.extend(c for c in negatives if all(r.key != c.key for r in read_here))
        at.update((id(c), (c, member)) for c in out if id(c) not in at)
    # (but "在市党政外网公开信息580余条" beside "…栏目完成信息公开90余条" is the website's, and a column's
    # figure after a semicolon leaves the members before it alone: "…等方式…19322条；…；专栏公开…4件")
    out = [c for c in out if c.key not in _TOTAL_KEYS or id(c) in direct or at[id(c)][1] not in columns]
    # "收到申请44件，其中网上申请42件…": a part; "收到来信等26件，其中依申请公开7件": the figure,
    # but "制发公文68件，其中…依申请公开21件" counts documents: a part without a verb needs the
    # sentence's verb to be its key's.
    stated = {c.key for c in out if not c.in_part}
    out = [c for c in out if not (c.in_part and c.key in stated)]
    out = [c for c in out if not (c.bare and c.in_part and not _VERBS[c.key].search(sentence))]
    out = [c for c in out if not c.news or not any(o.key == c.key and not o.news for o in out)]
    out = respectively(sentence, out)
    out = new_this_year(sentence, out)
    out = no_peer_totals(sentence, out)
    if sum(c.noun for c in out) < 2:  # a channel's noun alone is no enumeration of channels' figures
        out = [c for c in out if not c.noun]
    # "制发公文68件，其中公开发布27件": a part only of the whole stated before it in the sentence.
    return [
        c
        for i, c in enumerate(out)
        if c.key not in _PART_OF or c.alone or any(w.key == _PART_OF[c.key] and not w.in_part for w in out[:i])
    ]


def _read(
    clause: Clause,
    quantity: Quantity,
    own_start: int,
    after: str,
    carried: tuple[set[str], str | None],
    part: bool,
    year: int | None,
    listed: bool = False,
    near: bool = True,
    listed_whole: bool = False,
) -> list[Candidate]:
    """`own_start`: where the text of this count begins, after the count before it in the clause."""
    before = clause.text[: quantity.start]
    own = clause.text[own_start : quantity.start]
    if _CHANGE.search(own) or other_year(before, year):
        return []
    part = part or bool(_PART.search(before))
    own_verb = _PUBLISH.search(own)
    if own_verb is not None and own_start and not own[: own_verb.start()].strip(_ITEM_SEPARATORS):
        # "“××”微信公众号全年共推送156期、发布信息512条": a later item with a verb of its own and no
        # channel of its own shares the clause's subject
        opening = channels(clause.text[:own_start])
        if opening[0]:
            carried = opening
    out: list[Candidate] = []
    whole = listed_whole or published_whole(before)  # (an item of what was published: bare_listed)
    for words in _KEYS:
        verbs = _VERBS.get(words.key)
        # A count after another in one clause ("门户网站公开39条、微信公众号公开92篇") has its own
        # verb and channel when it names a verb of its own.
        text = own if (verb_in(verbs, own) if verbs is not None else own_start > 0) else before
        # A later count in a clause names what it counts ("制定规范性文件4份和1份…", "发布规章1件、规范性文件6件").
        named = (own if text is own or words.required_counted else "") if own_start else None
        if words.channels and own_start and text is before and CHANNEL_WORD.search(own):
            # "微信公众号推送300余条、微博300余条": the later count names its own channel
            candidate = listed_channel(words, quantity, own)
        else:
            item = own if own_start and text is before else None
            candidate = _match(words, quantity, text, after, carried, part, named, item, near, whole)
        if (
            candidate is None
            and listed
            and words.channels
            and verbs is not None
            and not verb_in(verbs, before)
        ):
            candidate = listed_channel(words, quantity, own)
        if candidate is None and words.channels and not part:
            candidate = channel_noun(words, quantity, own)
        if candidate is not None:
            out.append(candidate)
    return out


def _match(
    words: FactWords,
    quantity: Quantity,
    before: str,
    after: str,
    carried: tuple[set[str], str | None],
    part: bool,
    named: str | None = None,
    item: str | None = None,
    near: bool = True,
    whole: bool = False,
) -> Candidate | None:
    if quantity.unit not in words.units or (quantity.unit in words.tight_units and not _TIGHT[words.key].search(before)):
        return None
    listed = bool(words.bare_listed and bare(words, before) and listed_item(words, before, whole))
    if words.alone_verbs and ((not part and stated_alone(words, before, quantity.unit)) or listed):
        if _NOT_OWN.search(before):
            return None
        return Candidate(words.key, quantity.value, quantity.unit, quantity.qualifier, 1, None, quantity.raw, alone=True)
    verb = verb_in(_VERBS[words.key], before) if words.key in _VERBS else None
    if words.verbs and verb is None and not (bare(words, before) and (not words.bare_listed or listed)):
        return None
    # What follows the count names it only up to the next list item ("行政复议案4件、办理行政诉讼0件").
    following = _LIST_ITEM_END.split(after, maxsplit=1)[0]
    window = (before if named is None else named) + following
    if not all(pattern.search(window) for pattern in _REQUIRED[words.key]):
        return None
    stated_before = all(
        pattern.search(before if named is None else named) for pattern in _REQUIRED[words.key]
    )
    if words.required and not stated_before and any(n in following for n in W.NONE_WORDS):
        return None  # "这3起…均未发生…行政复议": what follows the count denies it
    if words.required and not words.objects and _listed_kind(words, before if named is None else named):
        return None  # "发布政府公报、行政规范性文件等政府信息11000余条" counts the list's whole
    checked = before
    if words.objects and verb is not None and P.OBJECT_LIST_END in before[verb.end() :]:
        # "…推送部门文件、政策解读、通知公告等各类信息773条": the kinds a list names exclude nothing
        checked = before[: verb.end()] + before[verb.end() :].rsplit(P.OBJECT_LIST_END, 1)[1]
    for phrase in words.excluding_except:
        checked = checked.replace(phrase, "")
    if any(w in checked for w in words.excluding) or (not words.objects and _SUBORDINATE.search(before)):
        return None
    if not names_it(words, before, verb, following):
        return None
    channel: str | None = None
    news = False
    if words.part_of is not None:
        if not part or verb is None or not opens_part(words, before, verb):
            return None
    elif words.objects:
        subject = before[: verb.start()] if verb is not None else before
        if _NOT_OWN.search(subject):
            return None
        kinds, channel = channels(subject)
        if channel is not None:  # the account as named ("…微信公众号" / "…今日头条公众号")
            channel = channel_name(subject)
        # (posts of media name their channel themselves, before any channel of the clauses before)
        if not kinds and verb is not None and _MEDIA_ONLY.fullmatch(before[verb.end() :].strip()):
            kinds, channel = {MEDIA}, before[verb.end() :].strip()  # "发布微信、微博590余条次": posts of each
        elif not kinds:
            kinds, channel = carried
            if words.channels == W.WEBSITE_WORDS and WEBSITE in kinds and not near:
                # "依托…人民政府网站，结合…，加大主动公开力度，主动公开…6750余条": the website named
                # as the means of the work, a clause or more before, may be the channel or the
                # carrier of everything — the figure's or the total; neither is read
                return None
        elif LIST_ENDING.search(subject):  # "…门户网站、“××”微信公众号，“××”APP等平台共推送…"
            kinds = kinds | carried[0]
        if not fits_channel(words, kinds, part):
            return None
        if not words.channels and means_not_all(subject):
            return None
        if not words.channels and kinds == {OTHER}:
            if not several_channels(subject):
                return None  # "通过平台发布信息1110条": one other channel's figure, no total
            channel = OTHER  # notice boards only: the total, unless the paragraph states another
        elif not words.channels and WEBSITE in kinds:
            channel = None  # "通过门户网站和微信公众号共公开…": across the website and others
        counted = before[verb.end() :] if verb is not None else ""
        if not counted.strip():  # "信息公开网站的部门动态信息发布49篇": named before the verb
            counted = topic(subject)
        if item is not None and item.strip(_ITEM_SEPARATORS):
            # a later item of the clause counts what it names ("编发政务信息220条、…、在线留言咨询1条")
            counted = item.strip(_ITEM_SEPARATORS)
        verb_text = verb.group() if verb is not None else ""
        fits = fits_object(words, counted, after, verb_text, quantity.unit)
        news = not fits and site_news(words, counted, after, verb_text, quantity.unit)
        if not fits and not news:
            if words.sums_channels:
                return Candidate(
                    words.key, quantity.value, quantity.unit, None, 0, channel, quantity.raw, True
                )
            return None
    elif (
        words.key in ("review.count", "suit.count")
        and all(w in before for w in ("行政复议", "行政诉讼"))
        and quantity.value != 0
        and not any(w in before[-4:] for w in C.EACH_WORDS)
    ):
        # one figure for both: each's only when said so ("行政复议、行政诉讼各0件") or none at all
        # ("产生行政复议及行政诉讼0件": no case of either)
        return None
    score = 1 + sum(1 for w in words.helpful if w in before)
    in_part = part and words.parts_excluded and score == 1  # (a more specific figure, 新收, is no part)
    totalled = any(w in before for w in P.TOTAL_WORDS)
    return Candidate(
        words.key,
        quantity.value,
        quantity.unit,
        quantity.qualifier,
        score,
        channel,
        quantity.raw,
        in_part=in_part,
        totalled=totalled,
        bare=bool(words.verbs) and verb is None,
        column=words.channels == W.WEBSITE_WORDS and bool(_COLUMN.search(before)),
        stock=verb is not None and verb.group() in words.stock_verbs,
        news=news,
    )


def _listed_kind(words: FactWords, before: str) -> bool:
    """The required word is one item of a list closed by 等 before the count: the count is the whole's
    (or, for a key whose required word is what is counted, anything but fillers and verbs follows it)."""
    ends = [m.end() for pattern in _REQUIRED[words.key] for m in pattern.finditer(before)]
    if not ends:
        return False
    rest = before[max(ends) :]
    if words.required_counted and _FILLERS.sub("", _VERBS[words.key].sub("", rest)).strip(" ：:"):
        return True
    return P.OBJECT_LIST_END in rest
