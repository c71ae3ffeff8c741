"""Issue 12: every report of the narrative corpus (real 总体情况 prose) read as annotated.

Each report is a test: every annotated fact with its value and qualifier, and nothing for the
keys it does not state. What the reader still gets wrong on the test split (never tuned on) is
listed in KNOWN_MISSES / KNOWN_WRONG, strictly: a fix makes the test fail until the entry goes.
"""

from __future__ import annotations

import pytest

from tests.parsing.narrative_corpus.corpus import SPLITS, Entry, agrees, extract, load

ENTRIES = [entry for split in SPLITS for entry in load(split)]
# url -> keys the reader misses (never a wrong or invented value: those fail outright).
KNOWN_MISSES: dict[str, set[str]] = {
    "http://www.gdqy.gov.cn/xxgk/zzjg/zfjg/qysnyncj/zfxxgknb/content/post_1506022.html": {
        "proactive.website"
    },
    "http://www.yw.gov.cn/art/2021/1/12/art_1229134028_3787891.html": {"proactive.new_media"},
    "http://www.hlgls.gov.cn/zwgk/zfxxgk/zfxxgknb/2023/smzc/202401/t20240129_638926.html": {
        "proactive.website"
    },
    "https://www.gangcha.gov.cn/html/5845/322280.html": {"proactive.total"},
    "https://www.dean.gov.cn/zw/03/07/hdx_184344/zfxxgknb_184382/202301/t20230116_5911420.html": {
        "applications.received"
    },
    "https://www.ynyx.gov.cn/info/1025/61695.htm": {"proactive.total"},
    "https://www.zlq.gov.cn/zlq/zwgk/zfxxgkzl/bmxxgkml/smxz/sdz95/zfxxgknb/2024011617343525212/index.shtml": {
        "suit.count"
    },
    "http://zltq.gov.cn/zltq/2026-02/02/article_2026020215383939768.html": {"applications.received"},
}
# url -> keys read with a value the report does not state for them.
KNOWN_WRONG: dict[str, set[str]] = {
    "https://www.xuanzhou.gov.cn/XxgkAnnualReport/show/5326.html": {"proactive.total", "proactive.website"},
}


@pytest.mark.parametrize("entry", ENTRIES, ids=[e.url[-60:] for e in ENTRIES])
def test_corpus_report_reads_as_annotated(entry: Entry) -> None:
    got = extract(entry)
    gold = entry.gold()
    wrong = {k: (f.value, f.qualifier) for k, f in got.items() if k not in gold or not agrees(f, gold[k])}
    assert set(wrong) == KNOWN_WRONG.get(entry.url, set()), f"read but not stated so: {wrong}"
    missed = {k for k in gold if k not in got and k not in wrong}
    assert missed == KNOWN_MISSES.get(entry.url, set())


def test_corpus_is_split_once_and_covers_every_kind() -> None:
    urls = [e.url for e in ENTRIES]
    assert len(urls) == len(set(urls))
    assert {e.kind for e in ENTRIES} == {"部门", "街道", "乡镇", "委员会", "政府本级"}
    assert all(set(e.absent).isdisjoint(e.gold()) for e in ENTRIES)
