"""Agency-name text: the one place where names are cleaned, compared and abbreviated.

Pure (no database): storage keeps stored names in `clean_name` form and matches typed
names by `name_key` / `match_key`; bot.core reads questions through `simplify`.
"""

from __future__ import annotations

import functools
import re
import unicodedata

from opencc import OpenCC

_T2S = OpenCC("t2s")
_SPACES = re.compile(r"\s+")
_PUNCT = re.compile(r"[\s,.;:!?、，。；：！？“”\"'‘’（）()《》<>【】\[\]·\-—_/]+")


def clean_name(name: str) -> str:
    """The form a name is stored in: NFKC (full-width letters and brackets), no whitespace."""
    return _SPACES.sub("", unicodedata.normalize("NFKC", name))


@functools.lru_cache(maxsize=8192)
def simplify(text: str) -> str:
    """Traditional -> simplified, full-width -> half-width (NFKC). Keeps spaces and punctuation."""
    simplified: str = _T2S.convert(unicodedata.normalize("NFKC", text))
    return simplified


def name_key(text: str) -> str:
    """The form names and aliases are compared in: simplified, half-width, no spaces/punctuation."""
    return _PUNCT.sub("", simplify(text)).lower()


# Long form -> what people write. Applied in order, so longer forms come first. Aliases are
# generated with this table, and `match_key` applies it to both sides of a lookup, so a
# generated alias and the long form it stands for always compare equal.
ABBREVIATIONS: tuple[tuple[str, str], ...] = (
    ("科学技术和工业信息化", "科工信"),
    ("科学技术", "科技"),
    ("工业和信息化", "工信"),
    ("人力资源和社会保障", "人社"),
    ("人力资源社会保障", "人社"),
    ("自然资源和规划", "自然资源"),
    ("住房和城乡建设", "住建"),
    ("住房城乡建设", "住建"),
    ("市场监督管理", "市场监管"),
    ("发展和改革委员会", "发改委"),
    ("发展改革委员会", "发改委"),
    ("发展和改革局", "发改局"),
    ("卫生健康委员会", "卫健委"),
    ("卫生健康", "卫健"),
    ("教育和体育", "教体"),
    ("文化和旅游", "文旅"),
    ("退役军人事务", "退役军人"),
    ("应急管理局", "应急局"),
    ("医疗保障", "医保"),
    ("交通运输", "交通"),
    ("城市管理", "城管"),
    ("综合行政执法", "综合执法"),
    ("行政审批服务", "行政审批"),
    ("人民政府办公室", "政府办"),
    ("人民政府", "政府"),
    ("街道办事处", "街道"),
    ("管理委员会", "管委会"),
    ("经济技术开发区", "经开区"),
    ("高新技术产业开发区", "高新区"),
)

# Shorter still, for matching only (never an alias: 审批局 alone names no office): applied
# after ABBREVIATIONS so that 威海文登科学技术局 and 文登科技局 land near 威海市文登区科学技术局.
_MATCH_ONLY: tuple[tuple[str, str], ...] = (
    ("发展和改革", "发改"),
    ("发展改革", "发改"),
    ("工业信息化", "工信"),
    ("文化旅游", "文旅"),
    ("农业农村", "农业"),
    ("应急管理", "应急"),
    ("行政审批", "审批"),
    ("委员会", "委"),
    ("办公室", "办"),
)

# Characters every agency name shares; dropped before fuzzy scoring so that the place and
# the line of work decide (火星市科技局 must not look like 文登区科技局 because of 市/局).
_GENERIC = re.compile(r"[省市区县局委办厅]")


def abbreviate(text: str) -> str:
    for long, short in ABBREVIATIONS:
        text = text.replace(long, short)
    return text


def match_key(text: str) -> str:
    """What fuzzy matching compares: `name_key`, abbreviated, generic characters dropped."""
    out = abbreviate(name_key(text))
    for long, short in _MATCH_ONLY:
        out = out.replace(long, short)
    return _GENERIC.sub("", out) or out
