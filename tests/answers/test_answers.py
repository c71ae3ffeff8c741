"""The phrasing table: questions as people type them, with what the answer must (not) say.

Run as one parametrised test over the seed reports and synthetic agencies of data.py,
on SQLite and (with NIANBAO_TEST_POSTGRES_URL) PostgreSQL. `now` is 2023-03-01 in
Asia/Shanghai, so 去年 = 2022, 前年 = 2021, 今年 = 2023.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

import pytest

from bot.core.answer import TELEGRAM_LIMIT, AnswerOutcome, answer_question
from bot.core.services import Services
from tests.answers.data import NOW, WENDENG, WENDENG_2021_CHANNELS, WENDENG_2021_TOTAL

Out = AnswerOutcome
WD = WENDENG
ONE_CHECK = "该报告有1项勾稽关系未通过"


@dataclass(frozen=True)
class Case:
    question: str
    outcome: AnswerOutcome
    has: tuple[str, ...] = ()
    lacks: tuple[str, ...] = ()
    choices: tuple[str, ...] = ()

    def __str__(self) -> str:
        return self.question


def c(
    question: str,
    outcome: AnswerOutcome,
    *has: str,
    lacks: tuple[str, ...] = (),
    choices: tuple[str, ...] = (),
) -> Case:
    return Case(question, outcome, has, lacks, choices)


P253 = (WD, "2021年", "253条", WENDENG_2021_TOTAL)
NO_NUMBER = re.compile(r"\d+(?:\.\d+)?(?:条|件|次|元|万元)")

CASES: list[Case] = [
    # --- the 253 of the issue, written every way people write it
    c("文登科技局2021主动公开多少条", Out.ANSWERED, *P253),
    c("文登科技局2021年主动公开多少条", Out.ANSWERED, *P253),
    c("文登区科技局2021年主动公开了多少条信息", Out.ANSWERED, *P253),
    c("威海文登科学技术局2021年主动公开信息多少条", Out.ANSWERED, *P253),
    c("威海市文登区科学技术局2021年主动公开政府信息数量", Out.ANSWERED, *P253),
    c("文登科技局21年主动公开多少条", Out.ANSWERED, *P253),
    c("文登科技局二〇二一年主动公开多少条", Out.ANSWERED, *P253),
    c("文登科技局二零二一年主动公开多少条", Out.ANSWERED, *P253),
    c("文登科技局前年主动公开多少条", Out.ANSWERED, *P253),
    c("文登科技局２０２１年主动公开多少条", Out.ANSWERED, *P253),
    c("文登 科技局 2021 主动公开 多少条", Out.ANSWERED, *P253),
    c("文登科技局2021年度主动公开信息总数", Out.ANSWERED, *P253),
    c("文登科技局2021年主動公開多少條", Out.ANSWERED, *P253),
    c("文登科技局2021年主动公开多少条？", Out.ANSWERED, *P253),
    c("请问文登科技局2021年主动公开了多少条？", Out.ANSWERED, *P253),
    c("2021年文登科技局主动公开多少条", Out.ANSWERED, *P253),
    c("2021文登科技局主动公开", Out.ANSWERED, *P253),
    c("文登科技居2021主动公开多少条", Out.ANSWERED, *P253),
    c("文登科学技术局2021年主动公开多少条", Out.ANSWERED, *P253),
    c("文登區科技局2021年主動公開多少條", Out.ANSWERED, *P253),
    c("威海文登科技局２１年主动公开多少", Out.ANSWERED, *P253),
    c("文登科技局2021年公开信息多少条", Out.ANSWERED, *P253),
    c("帮我查一下文登科技局2021年主动公开政务信息多少条", Out.ANSWERED, *P253),
    c("文登科技局 2021年度 主动公开？", Out.ANSWERED, *P253),
    c("文登科技局2021年一共主动公开多少条", Out.ANSWERED, *P253),
    c("文登科技局，2021，主动公开", Out.ANSWERED, *P253),
    c("威海市文登区科学技术局 2021 主动公开", Out.ANSWERED, *P253),
    c("文登科技局2021年的主动公开信息是多少", Out.ANSWERED, *P253),
    c("文登科技局2021年主动公开政府信息多少条啊", Out.ANSWERED, *P253),
    c("文登科技　局2021年主动公开多少条", Out.ANSWERED, *P253),
    # --- other figures of the same report, facts with their sentences
    c("文登科技局2021年网站发布多少条", Out.ANSWERED, "124条", WENDENG_2021_CHANNELS),
    c("文登科技局2021年政府网站公开了多少", Out.ANSWERED, "124条"),
    c("文登科技局2021年微信公开多少条", Out.ANSWERED, "129条", WENDENG_2021_CHANNELS),
    c("文登科技局2021年新媒体发布多少条", Out.ANSWERED, "129条"),
    c("文登科技局2021年政府开放日几次", Out.ANSWERED, "1次", "政府开放日活动"),
    c("文登科技局2021年开放日活动搞了几次", Out.ANSWERED, "1次"),
    c("文登科技局2021年办理提案多少件", Out.ANSWERED, "2件", "共办理政协委员提案2件"),
    c("文登科技局2021年人大代表建议和政协提案", Out.ANSWERED, "2件"),
    c("文登科技局2021年收取信息处理费多少", Out.ANSWERED, "0元", "暂无收取信息处理费情况"),
    c("文登科技局2021年信息处理费", Out.ANSWERED, "0元"),
    # --- table 2, 2021 format
    c("文登科技局2021年规范性文件制发多少件", Out.ANSWERED, "1件"),
    c("文登科技局2021年行政规范性文件本年制发件数", Out.ANSWERED, "1件"),
    c("文登科技局2021年废止规范性文件几件", Out.ANSWERED, "2件", "表二 行政规范性文件 本年废止件数"),
    c("文登科技局2021年现行有效的规范性文件", Out.ANSWERED, "1件", "现行有效件数"),
    c("文登科技局2021年规章制发多少件", Out.ANSWERED, "0件", "表二 规章 本年制发件数"),
    c("文登科技局2021年规章废止", Out.ANSWERED, "0件", "废止"),
    c("文登科技局2021年现行有效规章", Out.ANSWERED, "0件", "现行有效"),
    c("文登科技局2021年行政许可多少件", Out.ANSWERED, "0件", "表二 行政许可"),
    c("文登科技局2021年行政处罚决定数量", Out.ANSWERED, "0件", "行政处罚"),
    c("文登科技局2021年行政强制", Out.ANSWERED, "0件", "行政强制"),
    c("文登科技局2021年收费金额多少", Out.ANSWERED, "0万元", "行政事业性收费"),
    c("文登科技局2021年行政事业性收费", Out.ANSWERED, "0万元"),
    # --- table 3
    c("文登科技局2021年收到多少申请", Out.ANSWERED, "0件", "表三 本年新收政府信息公开申请数量 / 总计"),
    c("文登科技局2021年新收多少申请", Out.ANSWERED, "0件", "表三"),
    c("文登科技局2021年依申请公开多少件", Out.ANSWERED, "0件"),
    c("文登科技局2021年受理了几件依申请公开", Out.ANSWERED, "0件"),
    c("文登科技局2021年自然人申请多少", Out.ANSWERED, "0件", "自然人"),
    c("文登科技局2021年商业企业申请", Out.ANSWERED, "0件", "商业企业"),
    c("文登科技局2021年予以公开多少件", Out.ANSWERED, "0件", "予以公开"),
    c("文登科技局2021年部分公开几件", Out.ANSWERED, "0件", "部分公开"),
    c("文登科技局2021年不予公开多少件", Out.ANSWERED, "0件", "8项相加"),
    c("文登科技局2021年无法提供多少件", Out.ANSWERED, "0件", "3项相加"),
    c("文登科技局2021年不予处理多少", Out.ANSWERED, "0件", "5项相加"),
    c("文登科技局2021年其他处理", Out.ANSWERED, "0件", "其他处理"),
    c("文登科技局2021年上年结转多少申请", Out.ANSWERED, "0件", "上年结转"),
    c("文登科技局2021年结转下年度多少件", Out.ANSWERED, "0件", "结转下年度"),
    c("文登科技局2021年结转多少", Out.ANSWERED, "0件", "结转下年度"),
    c("文登科技局2021年办理结果总计", Out.ANSWERED, "0件", "办理结果总计"),
    c("文登科技局2021年重复申请", Out.ANSWERED, "0件", "重复申请"),
    c("文登科技局2021年属于国家秘密不予公开的", Out.ANSWERED, "0件", "国家秘密"),
    c("文登科技局2021年不掌握相关信息的有几件", Out.ANSWERED, "0件", "不掌握"),
    c("文登科技局2021年信访举报投诉类申请", Out.ANSWERED, "0件", "信访举报投诉类"),
    # --- table 4
    c("文登科技局2021年行政复议多少件", Out.ANSWERED, "0件", "表四 行政复议 / 总计"),
    c("文登科技局2021年行政诉讼多少件", Out.ANSWERED, "0件", "2项相加"),
    c("文登科技局2021年复议被纠正", Out.ANSWERED, "0件", "结果纠正"),
    c("文登科技局2021年被纠正几件", Out.ANSWERED, "0件", "3项相加"),
    c("文登科技局2021年直接起诉的行政诉讼", Out.ANSWERED, "0件", "未经复议直接起诉"),
    # --- the synthetic 2022 report of the same agency (去年), with a failed check
    c("文登科技局去年行政复议被纠正几件", Out.ANSWERED, WD, "2022年", "1件", "结果纠正", ONE_CHECK),
    c("文登科技局2022年收费多少", Out.ANSWERED, "0.0375万元", ONE_CHECK),
    c("文登科技局22年主动公开多少条", Out.ANSWERED, "300条", "2022年，我局共主动公开政务信息300条。"),
    c("文登科技局去年收到多少申请", Out.ANSWERED, "5件", ONE_CHECK),
    c("文登科技局2022年自然人申请", Out.ANSWERED, "4件"),
    c("文登科技局2022年行政许可", Out.ANSWERED, "12件"),
    c("文登科技局2022年予以公开", Out.ANSWERED, "3件"),
    # --- no year: the latest report, and the answer says which year
    c("文登科技局主动公开多少条", Out.ANSWERED, "300条", "未指定年份", "2022年"),
    c("文登科技局收到多少申请", Out.ANSWERED, "5件", "未指定年份"),
    c("平罗科技局公文多少件", Out.ANSWERED, "68件", "未指定年份", "2021年"),
    # --- 2019 format differences
    c("文登科技局2019年规章废止多少件", Out.NOT_STATED, "2019年格式", lacks=("0件",)),
    c("文登科技局2019年规范性文件现行有效", Out.NOT_STATED, "2019年格式"),
    c("文登科技局2019年规范性文件制发多少件", Out.ANSWERED, "2件", "本年新制作"),
    c("文登科技局2019年主动公开", Out.ANSWERED, "180条"),
    c("文登科技局2019年收费金额", Out.NOT_STATED, "2019年格式"),
    c("汶上县科学技术局2020年集中采购金额", Out.ANSWERED, "0万元", "政府集中采购"),
    c("汶上科技局2020年规章新公开多少", Out.ANSWERED, "0件", "本年新公开"),
    # --- seed 002: no total of 主动公开, blank rows
    c(
        "汶上县科技局2020年主动公开多少条",
        Out.NOT_STATED,
        "网站125条",
        "微信等新媒体98条",
        "报告未给出合计",
        "汶上县科学技术局",
    ),
    c("汶上科技局2020主动公开信息总数", Out.NOT_STATED, "125条", "98条", "报告未给出合计"),
    c("汶上科技局2020年网站公开多少条", Out.ANSWERED, "125条", "通过政府网站及局门户网站公开125条"),
    c("汶上科技局2020年微信公众号发了多少", Out.ANSWERED, "98条"),
    c("汶上科技局2020年予以公开多少件", Out.BLANK, "报告中该格为空", "表三 予以公开 / 总计", lacks=("0件",)),
    c("汶上科技局2020年办理结果总计", Out.BLANK, "报告中该格为空"),
    c("汶上科技局2020年行政复议", Out.BLANK, "报告中该格为空"),
    c("汶上科技局2020年收到多少申请", Out.ANSWERED, "0件"),
    c("汶上科技局2020年收费", Out.NOT_STATED, "2019年格式"),
    c("汶上縣科學技術局2020年主動公開", Out.NOT_STATED, "报告未给出合计"),
    # --- seed 004: only the 总计 column filled
    c("平罗科技局2021年自然人申请多少件", Out.BLANK, "报告中该格为空", "自然人", lacks=("0件",)),
    c("平罗县科学技术局2021年商业企业申请数", Out.BLANK, "报告中该格为空"),
    c("平罗县科技局2021年新收申请总数", Out.ANSWERED, "0件"),
    c("平罗科技局2021年制发公文多少件", Out.ANSWERED, "68件", "年内共制发公文 68 件"),
    c("平罗科技局2021年主动公开多少条", Out.NOT_STATED, "报告未给出", lacks=("条（",)),
    c("平羅縣科學技術局2021年發文多少", Out.ANSWERED, "68件"),
    # --- seed 001 (stored under SEED_001_AGENCY) and seed 003
    c("科学技术和工业信息化局2022年收到多少申请", Out.ANSWERED, "某区科学技术和工业信息化局", "0件"),
    c("科工信局2022依申请公开多少件", Out.ANSWERED, "0件"),
    c("某区科技和工信局2022年行政许可", Out.ANSWERED, "0件"),
    c("科学技术和工业信息化局2022年主动公开多少条", Out.NOT_STATED, "报告未给出"),
    c("临港科创局2020收到申请", Out.ANSWERED, "威海临港区科技创新局", "0件"),
    c("威海临港区科技创新局2020年行政处罚", Out.ANSWERED, "0件"),
    # --- synthetic agencies: aliases, abbreviations
    c("环翠人社2021年收到多少申请", Out.ANSWERED, "威海市环翠区人力资源和社会保障局", "7件"),
    c("环翠区人社局2021年行政复议被纠正", Out.ANSWERED, "1件"),
    c("环翠人力资源和社会保障局2021年行政复议维持几件", Out.ANSWERED, "1件", "结果维持"),
    c("环翠人社局2021年不予公开", Out.ANSWERED, "1件", "8项相加"),
    c("环翠人社局2021年无法提供", Out.ANSWERED, "2件"),
    c("环翠人社局2021年律师申请", Out.ANSWERED, "1件", "法律服务机构"),
    c("文登公安局2021年行政处罚多少件", Out.ANSWERED, "威海市文登区公安局", "950件"),
    c("文登公安2021年行政强制", Out.ANSWERED, "31件"),
    c("文登公安局2021年行政诉讼", Out.ANSWERED, "3件", "2+1"),
    c("文登公安局2021年诉讼尚未审结", Out.ANSWERED, "1件"),
    c("历下科技局2022年主动公开", Out.ANSWERED, "150条", "勾稽关系未通过"),
    c(
        "历下区科学技术局2021年主动公开多少条",
        Out.NOT_STATED,
        "网站70条",
        "微信等新媒体41条",
        "报告未给出合计",
    ),
    c("朝阳区市场监管局2022年主动公开", Out.ANSWERED, "北京市朝阳区市场监督管理局", "2048条"),
    c("朝阳市场监督管理局2022年重复申请", Out.ANSWERED, "3件"),
    # --- comparisons across years
    c("文登科技局2021和2022主动公开对比", Out.COMPARED, "253条", "300条", "增加47条", "+18.6%"),
    c("文登科技局2021年与2022年主动公开比较", Out.COMPARED, "增加47条"),
    c("文登科技局2021到2022年主动公开变化", Out.COMPARED, "增加47条"),
    c("文登科技局主动公开比去年多了多少", Out.COMPARED, "2021年", "2022年", "增加47条"),
    c("文登科技局近三年主动公开变化", Out.COMPARED, "180条", "253条", "300条", "2022年比2019年增加120条"),
    c("文登科技局历年主动公开", Out.COMPARED, "2019年", "2021年", "2022年"),
    c("文登科技局2022年新收申请同比", Out.COMPARED, "0件", "5件", "增加5件", "上年为0"),
    c("历下科技局2021和2022收到申请对比", Out.COMPARED, "3件", "6件", "增加3件", "+100.0%"),
    c("历下科技局2021和2022主动公开对比", Out.COMPARED, "未给出", "150条", "不足两个"),
    c("文登科技局2020和2021主动公开对比", Out.COMPARED, "没有报告", "253条", "不足两个"),
    c("文登科技局2022和2021年行政许可对比", Out.COMPARED, "0件", "12件", "增加12件"),
    c("文登科技局2023和2024年主动公开对比", Out.NO_REPORT, "没有", lacks=("300条",)),
    # --- rankings
    c(
        "2021年哪个单位收到申请最多",
        Out.RANKED,
        "<pre>",
        "威海市文登区公安局",
        "12件",
        "最多的是威海市文登区公安局",
    ),
    c("2021年收到申请最少的单位", Out.RANKED, "最少"),
    c("2022年主动公开排名前3", Out.RANKED, "北京市朝阳区市场监督管理局", "2048条", "前3个单位"),
    c("2022年主动公开前三名", Out.RANKED, "前3个单位"),
    c("2021年行政处罚最多的单位", Out.RANKED, "950件"),
    c("2022年收费最高的单位", Out.RANKED, "1.5万元"),
    c("去年哪个单位主动公开最多", Out.RANKED, "2022年", "2048条"),
    c("2021年行政复议排名", Out.RANKED, "威海市环翠区人力资源和社会保障局", "2件"),
    c("2021年哪个单位不予公开最多", Out.RANKED, "威海市环翠区人力资源和社会保障局", "1件"),
    c("哪个单位主动公开最多", Out.RANKED, "未指定年份", "2022年"),
    c("2030年哪个单位收到申请最多", Out.NO_DATA, "没有2030年的报告"),
    c("2020年哪个单位主动公开最多", Out.NO_DATA, "都没有给出"),
    # --- sums
    c("2021年一共收到多少申请", Out.SUMMED, "22件", "5份报告"),
    c("2021年全部单位收到申请合计", Out.SUMMED, "22件"),
    c("2022年所有单位主动公开合计", Out.SUMMED, "2498条", "1份未给出"),
    c("2021年总共多少行政处罚", Out.SUMMED, "950件"),
    c("2022年一共收费多少", Out.SUMMED, "1.5375万元"),
    c("2030年一共收到多少申请", Out.NO_DATA, "没有2030年的报告"),
    c("2020年一共主动公开多少条", Out.NO_DATA, "都没有给出"),
    # --- counts
    c("有多少份2021年报告", Out.COUNTED, "2021年的报告共5份"),
    c("2022年收到几份年报", Out.COUNTED, "共4份"),
    c("2020年有多少份报告", Out.COUNTED, "共2份"),
    c("２０１９年报告数量", Out.COUNTED, "共1份"),
    c("一共有多少份报告", Out.COUNTED, "<pre>", "2021年"),
    c("2030年有多少份报告", Out.NO_DATA, "没有2030年的报告"),
    # --- failed checks
    c("2022年哪些报告勾稽关系不对", Out.LISTED, WD, "济南市历下区科学技术局", "<pre>", lacks=("北京市",)),
    c("2021年勾稽关系有问题的报告", Out.LISTED, "威海市文登区公安局"),
    c("2020年哪些报告校验未通过", Out.LISTED, "没有未通过", "并非每项都能核对", "无法核对的规则", lacks=("全部通过",)),
    c("文登科技局2022年报告有问题吗", Out.LISTED, "勾稽关系未通过"),
    c("文登科技局2021年勾稽关系", Out.LISTED, "全部通过"),
    c("2030年哪些报告勾稽关系不对", Out.NO_DATA, "没有2030年的报告"),
    # --- years held
    c("文登科技局有哪些年份的报告", Out.LISTED, "2019年、2021年、2022年"),
    c("汶上科技局有几份报告", Out.LISTED, "2020年"),
    # --- no such report: never a number
    c(
        "文登科技局2023年主动公开多少",
        Out.NO_REPORT,
        "没有威海市文登区科学技术局2023年的报告",
        "2019年、2021年、2022年",
    ),
    c("文登科技局今年主动公开多少条", Out.NO_REPORT, "2023年"),
    c("平罗科技局2020年收到多少申请", Out.NO_REPORT, "没有平罗县科学技术局2020年的报告"),
    c("汶上科技局2019年主动公开", Out.NO_REPORT, "没有"),
    c("文登科技局2018年行政复议", Out.NO_REPORT, "没有"),
    # --- which agency?
    c("文登局2021收到多少申请", Out.AMBIGUOUS_AGENCY, "请选择", choices=(WD, "威海市文登区公安局")),
    c("科技局2021主动公开多少条", Out.AMBIGUOUS_AGENCY, "请选择", choices=(WD, "平罗县科学技术局")),
    c("文登区2021年行政处罚", Out.EACH, "950件", "0件", "“文登区”有3个单位", "没有报告", choices=(WD, "威海市文登区公安局")),
    # --- unknown agency: the close ones
    c("朝阳区科委2022年主动公开", Out.UNKNOWN_AGENCY, "没有找到", "北京市朝阳区市场监督管理局"),
    c("火星市科技局2021主动公开", Out.UNKNOWN_AGENCY, "没有找到", "相近的单位"),
    c("火星市教育局2021年收到多少申请", Out.UNKNOWN_AGENCY, "没有找到"),
    # --- issue 13: several agencies at once
    c("平罗科技局和文登科技局2021年主动公开比较", Out.EACH, "253条", "平罗县科学技术局", "未给出", "没有这个数字"),
    c("平罗科技局和文登科技局2021年收到申请一共多少", Out.SUMMED, "2个单位", "0件"),
    c("文登科技局比文登公安局2021年收到申请多多少", Out.DIFFERENCE, "少12件"),
    c("文登科技局、文登公安局和环翠人社局2021年谁收到申请最多", Out.RANKED, "最多的是威海市文登区公安局：12件"),
    c("文登科技局、文登公安局和平罗科技局2021年主动公开排名", Out.RANKED, "410条", "未参加排名", "平罗县科学技术局"),
    c("文登2021主动公开多少条", Out.EACH, "253条", "410条", "没有报告", choices=(WD, "威海市文登区公安局")),
    # --- other years, relative years, trend
    c("文登科技局2022年比上一年多公开了多少条", Out.COMPARED, "增加47条", "+18.6%"),
    c("文登科技局2022年比2019年主动公开少了多少", Out.COMPARED, "增加120条"),
    c("文登科技局主动公开趋势", Out.COMPARED, "最高为2022年", "最低为2019年"),
    c("洪泽区人民政府2017和2018年主动公开对比", Out.COMPARED, "淮安市洪泽区人民政府", "增加140条", "+28.0%"),
    c("淮安市洪泽区人民政府2018年比上一年收到申请多了多少", Out.COMPARED, "20件", "26件", "增加6件"),
    # --- two figures of one report
    c("文登科技局2022年予以公开比部分公开多几件", Out.DIFFERENCE, "多2件"),
    c("文登科技局2022年予以公开占比", Out.SHARE, "75.0%"),
    c("汶上科技局2020年予以公开占比", Out.NOT_STATED, "报告没有给出", lacks=("%",)),
    # --- dates, versions, who has not reported
    c("文登科技局2021年报告什么时候发布的", Out.PUBLISHED, "2022-01-27"),
    c("2022年哪些单位没报", Out.MISSING_LIST, "威海市文登区财政局", "威海市文登区公安局", "迟报"),
    # --- the wrong numbers and wrong agencies of the issue
    c("2020年政府网站主动公开合计", Out.SUMMED, "政府网站主动公开", "125条"),
    c("文登公安局2021年因政府信息公开被起诉几件", Out.ANSWERED, "威海市文登区公安局", "3件"),
    c(
        "平罗科技局2021年公文公开发布多少件",
        Out.ANSWERED,
        "公开发布公文：27件",
        "其中公开发布 27 件",
        lacks=("68件",),
    ),
    c("汶上科技局2020年行政许可上一年项目数量", Out.ANSWERED, "上一年项目数量", "0项"),
    c("汶上科技局2020年行政处罚本年增减", Out.ANSWERED, "本年增/减"),
    c("文登科技局2022年比2019年少了多少", Out.NOT_UNDERSTOOD, "不知道要查哪一项", "可以这样问"),
    # --- not understood: what can be asked, with examples
    c("今天天气怎么样", Out.NOT_UNDERSTOOD, "可以这样问", "文登科技局2021年主动公开多少条"),
    c("你好", Out.NOT_UNDERSTOOD, "可以这样问"),
    c("文登科技局2021年", Out.NOT_UNDERSTOOD, "可以问的项目"),
    c("", Out.NOT_UNDERSTOOD, "请输入问题"),
    c("？？？", Out.NOT_UNDERSTOOD),
    c("文登科技局2021年食堂花了多少钱", Out.NOT_UNDERSTOOD, "可以这样问"),
]

NOT_A_NUMBER = {
    Out.NO_REPORT,
    Out.NO_DATA,
    Out.AMBIGUOUS_AGENCY,
    Out.UNKNOWN_AGENCY,
    Out.NOT_UNDERSTOOD,
    Out.BLANK,
}


def test_table_is_large() -> None:
    assert len(CASES) >= 150
    assert len({case.question for case in CASES}) == len(CASES)


@pytest.mark.parametrize("case", CASES, ids=str)
def test_answer(answer_services: Services, case: Case) -> None:
    answer = answer_question(answer_services, case.question, now=NOW)
    shown = f"{case.question!r} -> [{answer.outcome}]\n{answer.text}"
    assert answer.outcome is case.outcome, shown
    for fragment in case.has:
        assert fragment in answer.text, f"missing {fragment!r} in {shown}"
    for fragment in case.lacks:
        assert fragment not in answer.text, f"unexpected {fragment!r} in {shown}"
    for name in case.choices:
        assert name in answer.choices, shown
    if answer.outcome in NOT_A_NUMBER:
        # A question the data cannot answer never gets a figure.
        assert not NO_NUMBER.search(answer.plain), shown
    assert len(answer.text) < TELEGRAM_LIMIT
    assert answer.html == ("<pre>" in answer.text)
    assert answer.answered == (answer.outcome not in NOT_A_NUMBER - {Out.BLANK})
