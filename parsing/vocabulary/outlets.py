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
# A site of a subordinate institution ("图书馆网站", "文化馆官网") or of an upper level ("上级部门网站"):
# another body's site, no second site of the body's own (GUIDE 13) — another channel.
OTHER_BODY_SITE_OWNERS = ("图书馆", "文化馆", "博物馆", "美术馆", "纪念馆", "科技馆", "群艺馆", "少年宫", "上级")
# Administrative levels, highest first, as a site's owner names them ("省政府外事办网站", "天水市科技局官网",
# "县政府网站"): in a sentence naming sites of several levels, those above the lowest one are upper
# levels' sites (GUIDE 13); sites of "各县（市、区）" are the subordinate governments' and set no level.
SITE_LEVELS = (("国家", "中央"), ("省", "自治区"), ("市", "州", "盟"), ("县", "区", "旗"), ("镇", "乡", "街道"))
SITE_OWNER_ENDINGS = ("政府", "局", "委", "厅", "办")
SUBORDINATES_MARK = "各"
# News of the body's work posted on a website ("通过政府网站发布动态信息26条", "在县政府网站发布工作动态38条"):
# with the site named in its clause, what the site published (a website's figure, never a total).
SITE_NEWS_OBJECTS = ("动态信息", "工作动态", "政务动态", "政务动态信息")
