"""The channels a clause names (website, new media, notice boards …) and the verb before a count."""

from __future__ import annotations

import re

from parsing.narrative.quantities import quantities
from parsing.vocabulary import FactWords, alternation
from parsing.vocabulary import facts as W
from parsing.vocabulary import prose as P
from parsing.vocabulary.outlets import (
    NEWS_CLIENT_WORDS,
    OTHER_BODY_SITE_OWNERS,
    OUTSIDE_OUTLET_WORDS,
    SITE_LEVELS,
    SITE_OWNER_ENDINGS,
    SUBORDINATES_MARK,
)

WEBSITE = "website"
MEDIA = "media"
NAMED = "named"  # an account named by its title only ("“濂溪区人民政府发布”发布信息459条")
OTHER = "other"
PRESS = "press"  # newspapers, news media: publicity, not disclosure  # notice boards, newspapers …: a figure across these and the web is a total

WEBSITE_NAME = re.compile(alternation(W.WEBSITE_WORDS) + f"(?!{alternation(P.NOT_A_CHANNEL_AFTER)})")
_MEDIA = re.compile(alternation(W.NEW_MEDIA_WORDS))
# "图书馆网站", "上级部门网站": another body's site (GUIDE 13), another channel
_OTHER_BODY_SITE = re.compile(f"{alternation(OTHER_BODY_SITE_OWNERS)}[^，,、；;和及与“”]{{0,6}}?{alternation(W.WEBSITE_WORDS)}")
_LEVEL = {word: rank for rank, words in enumerate(SITE_LEVELS) for word in words}
_LEVELLED_SITE = re.compile(
    f"(?<!{SUBORDINATES_MARK})(?P<level>{alternation(tuple(_LEVEL))})(?:人民)?"
    f"(?:{alternation(SITE_OWNER_ENDINGS)}|[\u4e00-\u9fff]{{1,4}}?(?:{alternation(SITE_OWNER_ENDINGS)}))"
    f"[\u4e00-\u9fff]{{0,6}}?{alternation(W.WEBSITE_WORDS)}"
)


def upper_sites(text: str) -> list[tuple[int, int]]:
    """The spans of sites `text` names of a level above the lowest it names ("通过县政府网站、天水市科技局
    官网等…": 天水市科技局官网 is an upper level's site, no second site of the body's own: GUIDE 13)."""
    sites = [(m.span(), _LEVEL[m.group("level")]) for m in _LEVELLED_SITE.finditer(text)]
    lowest = max((level for _, level in sites), default=0)
    return [span for span, level in sites if level < lowest]
# A site named by its own name ("杭州教育网", "大众网"): a channel, but which one is unknown.
_SITE_NAME = re.compile(
    "[\u4e00-\u9fff]{2}" + "".join(f"(?<!{w})" for w in P.NOT_SITE_BEFORE) + f"网(?!{alternation(P.NOT_SITE_AFTER)})"
)
# ("政务公开栏目" is a column, no 公开栏)
_OTHER_CHANNEL = re.compile(alternation(W.OTHER_CHANNEL_WORDS) + "(?!目)")
# A platform that is neither the website nor new media ("“三务公开”平台", "通过平台发布"): another channel.
LIST_ENDING = re.compile(rf"等[^，,、；;。]{{0,6}}?{alternation(P.CHANNEL_LIST_NOUNS)}")
# (the press, and outside outlets like a county's media app: "通过掌上鹿城APP发布信息716条")
_PRESS = re.compile(f"(?<!{alternation(W.NOT_PRESS_BEFORE)})" + alternation(W.PRESS_WORDS + OUTSIDE_OUTLET_WORDS))
_PLATFORM = re.compile(f"(?<!{alternation(P.ALL_PLATFORMS_BEFORE)})" + alternation(W.OTHER_PLATFORM_WORDS))
CHANNEL_WORD = re.compile(alternation(W.WEBSITE_WORDS + W.NEW_MEDIA_WORDS))
_CARRIED_CHANNEL = re.compile(
    rf"{alternation(P.CHANNEL_PREPOSITIONS)}[^，,；;]{{0,16}}?(?:{alternation(W.WEBSITE_WORDS)}|{alternation(W.NEW_MEDIA_WORDS)})"
)
_BARE_NEWS_CLIENT = re.compile(f"(?<![”」\"》]){alternation(NEWS_CLIENT_WORDS)}")
TITLES = re.compile("|".join(f"{re.escape(o)}[^{re.escape(c)}]*{re.escape(c)}" for o, c in P.TITLE_QUOTES))
_PUBLISH = re.compile(alternation(W.PUBLISH_VERBS))
_UPKEEP = re.compile(alternation(P.CHANNEL_UPKEEP))
_WORK = re.compile(alternation(P.WORK_VERBS))
# A clause that only says when ("2024年，“金塔司法”微信公众号…，发布876篇信息"): the subject follows.
TIME_ONLY = re.compile(r"(?:(?:19|20)[0-9]{2}\s*年度?|全年|本年度?|今年|年内)(?:以来)?")
# "在“梁溪区人民政府”网公开…", "在《云县人民政府网》公开…": a title that names a website.
_TITLE_THEN_WEBSITE = re.compile(r"[”》\"」]网")
_WEBSITE_TITLE = re.compile(rf"(?:网|{alternation(W.WEBSITE_WORDS)})[”》\"」]$")  # (《…网》, “首都之窗”)
# "通过“黄平县政务微博”发布信息361条": a title that names an account of a platform.
_MEDIA_TITLE = re.compile(rf"({alternation(P.TITLED_MEDIA)})[”》\"」]$")
# "通过微信公众号等渠道共发布…": one channel named, then others unnamed — a figure across
# channels, not the named one's (a list "网站、公众号等平台" names its channels); but the website
# named so is the figure's channel ("通过新区官网政务信息平台等渠道…", GUIDE 14; 6: "通过政府网站等方式").
_ONE_THEN_OTHERS = re.compile(
    rf"(?:^|{alternation(P.CHANNEL_PREPOSITIONS)})[^、，,；;和及与]*等[^、，,；;和及与]{{0,6}}?{alternation(P.CHANNEL_LIST_NOUNS)}"
)

_PUBLISH_THEN_LIST = re.compile(f"{alternation(W.PUBLISH_VERBS)}等")


_CHANNEL_THEN_TOPIC = re.compile(
    f'(?:{alternation(W.WEBSITE_WORDS + W.NEW_MEDIA_WORDS)})[”》"」]?(?:上的|中的|的|上|中)?(?P<topic>[^，,、；;的]+)$'
)
_TRAILING_FILLERS = re.compile(f"(?:{alternation(P.OBJECT_FILLERS)}|\\s)+$")


def topic(subject: str) -> str:
    """What a subject names as counted after its channel when the verb has nothing after it
    ("信息公开网站的部门动态信息发布49篇" counts 部门动态信息); "" when it names nothing counted."""
    match = _CHANNEL_THEN_TOPIC.search(_TRAILING_FILLERS.sub("", subject.strip()))
    if match is None or not match.group("topic").endswith(W.INFO_OBJECTS):
        return ""
    return match.group("topic")


_LISTED_ITEMS = re.compile(alternation(P.ITEM_CONJUNCTIONS))
_KNOWN_CHANNEL = re.compile(
    alternation(W.WEBSITE_WORDS + W.NEW_MEDIA_WORDS + W.OTHER_CHANNEL_WORDS + W.PRESS_WORDS + OUTSIDE_OUTLET_WORDS)
)


def _unknown_listed(text: str) -> bool:
    """ "通过市政府门户网站和歌画东阳融合号等渠道": a list of channels closed by 等渠道 with an item
    that is no known channel — another channel all the same."""
    ending = LIST_ENDING.search(text)
    if ending is None:
        return False
    listed = re.split(alternation(P.CHANNEL_PREPOSITIONS), text[: ending.start()])[-1]
    items = [item for item in _LISTED_ITEMS.split(listed) if item.strip()]
    return len(items) > 1 and any(not _KNOWN_CHANNEL.search(item) for item in items)


def channel_name(subject: str) -> str:
    """The words naming the channel: the subject after its last clause-opening word."""
    return re.split(r"[，,、；;]|通过|依托|利用|在|其中", subject)[-1].strip() or subject.strip()


def fits_channel(words: FactWords, kinds: set[str], part: bool) -> bool:
    if not words.channels:  # the total: no single web channel named, and not a part of another figure
        press_only = PRESS in kinds and kinds <= {PRESS, OTHER}
        return not part and not press_only and kinds not in ({WEBSITE}, {MEDIA}, {NAMED})
    wanted = WEBSITE if words.channels == W.WEBSITE_WORDS else MEDIA
    return kinds == {wanted}


def channels(text: str) -> tuple[set[str], str | None]:
    """The kinds of channel named (website, media) and the media word, titles in quotes left out."""
    for descriptor in P.CHANNEL_DESCRIPTORS:  # “两微一条” describes channels: keep it as words
        text = re.sub(rf"[“\"「]({descriptor})[”\"」]", r"\1", text)
    news_client = bool(_BARE_NEWS_CLIENT.search(text))  # (the newspaper's outlet, no account of the body)
    text = original = _BARE_NEWS_CLIENT.sub("", text)
    untitled = TITLES.sub("", text)
    titled = untitled != text
    if untitled.strip() or not text.strip():
        text = untitled
    upper = upper_sites(text)
    kinds: set[str] = {OTHER} if _OTHER_BODY_SITE.search(text) or upper else set()
    for start, end in reversed(upper):
        text = text[:start] + text[end:]
    text = _OTHER_BODY_SITE.sub("", text)
    if WEBSITE_NAME.search(_PRESS.sub("", text)):  # ("新闻网站" is the press's, no website)
        kinds.add(WEBSITE)
    media = last(_MEDIA, text)
    if media is not None:
        kinds.add(MEDIA)
    main = kinds and any(w in text for w in P.MAIN_CHANNEL_WORDS)  # ("以门户网站为主渠道": others besides)
    # (… unless what is named is a way of publishing, "通过网页发布等形式": the others are ways too)
    one_then = _ONE_THEN_OTHERS.search(text)
    one_then_others = one_then and (kinds != {WEBSITE} or _PUBLISH_THEN_LIST.search(one_then.group()))
    if main or _OTHER_CHANNEL.search(text) or (kinds and (one_then_others or _unknown_listed(text))):
        kinds.add(OTHER)
    if not kinds and _PLATFORM.search(text):
        kinds.add(OTHER)
    # (a newspaper named by its title, "通过“今日历下”、“济南日报”…等新媒体": the press among them)
    if _PRESS.search(text) or (titled and any(_PRESS.search(t) for t in TITLES.findall(original))):
        kinds.add(PRESS)
    if (
        not kinds
        and titled
        and (
            _TITLE_THEN_WEBSITE.search(original)
            or any(_WEBSITE_TITLE.search(t) for t in TITLES.findall(original))
        )
    ):
        kinds.add(WEBSITE)
    titled_media = [m for t in TITLES.findall(original) if (m := _MEDIA_TITLE.search(t))] if titled else []
    if not kinds and titled_media:
        kinds.add(MEDIA)
        media = titled_media[-1]
    if not kinds and titled and not untitled.strip(" 的"):
        kinds.add(NAMED)
    if not kinds and _SITE_NAME.search(text):
        kinds.add(OTHER)  # the agency's own site or another's: a channel, not surely the website
    if news_client:
        kinds.add(PRESS)
    return kinds, (media.group(media.lastindex or 0) if media is not None else None)


_MEANS = re.compile(
    "".join(f"(?<!{re.escape(w)})" for w in P.NOT_MEANS_BEFORE)
    + f"{alternation(P.MEANS_PREPOSITIONS)}(?!{alternation(P.NOT_MEANS_AFTER)})"
)
_AFTER_MEANS = re.compile(f"(?:{alternation(P.AFTER_MEANS)})+$")


def without_means(text: str) -> str:
    """`text` less its means phrase, from the preposition to the last channel word ("我局通过区政府网
    政务公开政府部门民政局网页" -> "我局"): what the clause says besides where it published."""
    found = _MEANS.search(text)
    ends = [m.end() for m in CHANNEL_WORD.finditer(text)]
    if found is None or not ends or max(ends) < found.end():
        return text
    return text[: found.start()] + text[max(ends) :]


def means_not_all(subject: str) -> bool:
    """The subject publishes through one thing that is no known channel ("在政务公开法定主动公开目录共
    发布…", "通过《××公报》公开…") or through the rest of the channels ("通过其他方式公开…"): the
    figure is that one's, no total (known channels, and means in general, are read by `channels`)."""
    found = last(_MEANS, subject)
    if found is None:
        return False
    means = subject[found.end() :]
    # (but "通过政府网站、微信公众号…及其他渠道": the channels named and the rest, all of them)
    if any(w in means and not channels(means[: means.index(w)])[0] for w in P.RESIDUAL_WORDS):
        return True
    means = _AFTER_MEANS.sub("", means.strip())
    if not means or channels(means)[0] or any(w in means for w in P.GENERAL_MEANS + P.NOT_MEANS):
        return False
    return not re.search("[，,、和及与]", means)


def several_channels(text: str) -> bool:
    """Other channels named as a list ("公示栏、电子显示屏", "公告栏等公开渠道"), not one alone."""
    return bool(LIST_ENDING.search(text)) or len(_OTHER_CHANNEL.findall(text)) > 1


ALL_MEDIA = "all media"


def platform(channel: str | None) -> str | None:
    """The new-media platform a channel's name names (微信 for “××发布”微信公众号 and 公众号 alike),
    ALL_MEDIA for new media as a whole, the name itself for anything else."""
    if channel is None:
        return None
    for words in W.MEDIA_PLATFORMS:
        if any(w in channel for w in words):
            return words[0]
    whole = any(w in channel for w in W.ALL_MEDIA_WORDS) and not any(w in channel for w in W.ANOTHER_WORDS)
    return ALL_MEDIA if whole else channel


def platforms_named(text: str) -> set[str]:
    """Every new-media platform `text` names (微信 for 公众号 too; titles left out, and "今日头条公众号"
    is 头条's alone: a platform word takes the account word after it)."""
    text = TITLES.sub("", text)
    out: set[str] = set()
    for words in W.MEDIA_PLATFORMS:  # (the most specific first)
        pattern = re.compile(f"{alternation(words)}(?:{alternation(W.MEDIA_PLATFORMS[-1])}|号)?")
        if pattern.search(text):
            out.add(words[0])
            text = pattern.sub("", text)
    return out


def account(channel: str | None) -> str | None:
    """The account's own name in quotes ("“铜梁城管执法”官方微信公众号"), None for a bare channel word."""
    titles = TITLES.findall(channel or "")
    return titles[0] if titles else None


def carried_channels(earlier: list[str]) -> tuple[set[str], str | None]:
    """Channels introduced in earlier clauses ("依托…网站，…，主动公开…"), none once a count intervened;
    with the account's name when the subject names one ("“平安灯都”南方+于…开通，…发布信息125条")."""
    kinds: set[str] = set()
    name: str | None = None
    upkept = False  # a channel worked on ("加强政务新媒体建设"): the figure may be its, or a total
    for index, text in enumerate(earlier):
        # a figure of what was published ends the subject's reach; "开设专栏5个", "访问量120万次",
        # "现有一个公众号" count other things
        if any(q.unit in W.PUBLISHED_UNITS and not CHANNEL_WORD.match(text, q.end) for q in quantities(text)):
            kinds, name, upkept = set(), None, False
            continue
        if _UPKEEP.search(text) and not _PUBLISH.search(text):
            upkept = upkept or bool(channels(text)[0] & {WEBSITE, MEDIA})
        if index == _subject_index(earlier):  # the sentence's subject: "××公众号公开内容…，…，发布信息331篇"
            verb = _PUBLISH.search(text)
            subject = text[: verb.start()] if verb is not None else text
            found, media = channels(subject)
            kinds |= found
            name = channel_name(subject) if media is not None else name
        match = _CARRIED_CHANNEL.search(text)
        if match is not None and _WORK.search(text, match.end()):
            upkept = True  # "在政府官网积极做好…工作": where work was done; a figure after may be its, or all
        elif match is not None:
            kinds |= channels(text[match.start() :])[0]
    return (kinds or ({OTHER} if upkept else set())), name


def _subject_index(earlier: list[str]) -> int:
    """The first clause that is more than a connective ("同时，“活力安镇”公众号…") or a clause on a
    channel's upkeep with no verb of publishing ("加强政务新媒体建设，“丰都教育”微信订阅号…", "按照网站
    管理要求，…"): a channel named there is what was worked on, not what published the figure."""
    for index, text in enumerate(earlier):
        upkeep = not _PUBLISH.search(text) and _UPKEEP.search(text)
        if text.strip() not in P.CONNECTIVES and not TIME_ONLY.fullmatch(text.strip()) and not upkeep:
            return index
    return -1


def verb_in(pattern: re.Pattern[str], text: str) -> re.Match[str] | None:
    """The last verb in `text` that is not part of a channel's name ("“三务”公开网站63条")."""
    names = [m.span() for m in WEBSITE_NAME.finditer(text)]
    for match in reversed(list(pattern.finditer(text))):
        if not any(start <= match.start() < end for start, end in names):
            return match
    return None


def last(pattern: re.Pattern[str], text: str) -> re.Match[str] | None:
    matches = list(pattern.finditer(text))
    return matches[-1] if matches else None
