"""News of a body's work published on its website ("通过政府网站发布动态信息26条"): one kind of
information, which on the site stands for what the site published when the sentence names no other
kind of it (narrative_corpus/GUIDE.md: a column or category of a site is the site's figure only when
no whole of the site is given)."""

from __future__ import annotations

# What the verb publishes on the website, right before the figure: the site's news.
SITE_NEWS_KINDS = ("工作动态信息", "政务动态信息", "工作动态", "政务动态", "动态信息", "快讯信息", "动态")
# Read as this (an object of information in general) when the news stands for the site's figure.
SITE_NEWS_AS = "信息"
# Units of the site's other kinds of information (not "回复群众诉求11件": what was answered).
SITE_KIND_UNITS = ("条", "篇", "条次", "则")
# A clause opening with one of these after a 其中 part states a kind of its own again ("；发布法定主动
# 公开内容1条"; not "公示公告109条", a noun).
REOPENING_VERBS = ("主动公开", "公开", "发布", "推送", "更新", "上传")
