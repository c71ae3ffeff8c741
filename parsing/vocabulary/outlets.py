"""Outlets that publish a body's items but are not its own channels (narrative_corpus/GUIDE.md): a
figure placed there is neither the body's new-media figure nor, alone, its total — like the press."""

from __future__ import annotations

# A media app of the county or city ("在大美仁寿APP公开发布内容26条", "通过掌上鹿城APP发布信息716条"):
# the local media's app where towns and bureaus place items, not the body's own new media.
MEDIA_APP_WORDS = ("APP", "App", "app")
# Every outside outlet besides the press words of `facts.PRESS_WORDS`.
OUTSIDE_OUTLET_WORDS = MEDIA_APP_WORDS
# A news client hosting bodies' accounts: named bare ("…人民网4条、南方网4条、南方+3条") it is the
# newspaper's outlet; after the account's own name in quotes ("“平安灯都”南方+") the body's new media.
NEWS_CLIENT_WORDS = ("南方+",)
