"""The minor prose keys (规范性文件, 公文, 建议提案, 收费, 复议/诉讼) read by broad shapes of the cue-word table,
each with its guard. Each test quotes a real sentence of the narrative corpus (dev split)."""

from __future__ import annotations

from parsing.extract.text import document_from_text
from parsing.narrative import read_narrative


def _facts(text: str, year: int) -> dict[str, int | float]:
    return {f.key: f.value for f in read_narrative(document_from_text(text).blocks, year=year).facts}


def test_publishing_the_normative_files_themselves_states_how_many_were_issued() -> None:
    assert _facts("公开县级决策事项16个,各类政策文件37件,公开行政规范性文件3件。", 2023) == {"normative.issued": 3}
    text = "加强政策解读,主动公开行政规范性文件4件,采取多种形式开展政策解读,解读率100%。"
    assert _facts(text, 2025) == {"normative.issued": 4}
    text = "主动公开规范性文件78件(其中地级16件),废止214件,现行有效的规范性文件共计488件。"
    assert _facts(text, 2023) == {"normative.issued": 78}


def test_normative_files_as_an_item_of_what_was_published() -> None:
    # GUIDE.md clarification 1: one kind of what the site published is the files published
    text = "2024年,街道信息公开网站公开政府信息83条,其中主动公开规范性文件0个,重点领域信息26条。"
    assert _facts(text, 2024)["normative.issued"] == 0
    text = "全年主动公开政府信息643条,其中行政规范性文件9条,政策解读12条,政府文件19条,通知公告88条。"
    assert _facts(text, 2021)["normative.issued"] == 9
    text = "2023年,主动公开政府信息32条,包括领导信息类1条、机构职能类1条、规范性文件类2条、整体规划类2条。"
    assert _facts(text, 2023)["normative.issued"] == 2
    text = "2021年公开政府信息3条，含规范性文件0份、政策解读0份，未收到政府信息公开申请。"
    assert _facts(text, 2021) == {"proactive.total": 3, "normative.issued": 0, "applications.received": 0}
    assert _facts("其中,规范性文件4篇,政策解读5篇。", 2021) == {"normative.issued": 4}
    # "文件数": the files' count (件数 is no filler after the files)
    text = "2020年主动公开信息总数458条，其中政府网站公开政府信息数238条，其他方式公开政府信息数49条，规范性文件数1条。"
    assert _facts(text, 2020)["normative.issued"] == 1
    # others' files may stand between the verb and the files when they are the government's own
    text = "2022年，在上海市人民政府网站主动公开市政府和市政府办公厅行政规范性文件42件，人事任免文件106件。"
    assert _facts(text, 2022) == {"normative.issued": 42}
    # the item of a list of kinds beside the whole is still the list's peer: no website figure
    text = "2022年,利用门户网站主动公开政府信息88条、规范性文件2条、人大代表建议及政协提案办理信息34条、财政信息2条。"
    assert _facts(text, 2022) == {"normative.issued": 2}


def test_a_normative_item_joined_to_another_kind_or_of_no_whole_is_no_figure() -> None:
    # joined to another kind: a figure of both
    text = "2023年度共主动公开政府信息66条,其中:机构职能类信息6条,政策、规范性文件类信息4条,规划计划类信息1条。"
    assert "normative.issued" not in _facts(text, 2023)
    assert _facts("2019年，累计对外公开规章和规范性文件14件，政府集中采购5项。", 2019) == {}
    # other kinds named in the item (departments', policy files) and files in force
    text = "通过政府公报公开州政府、州政府办公室重要政策文件和州直部门规范性文件111件。"
    assert _facts(text, 2024) == {}
    assert "normative.issued" not in _facts("1.行政法规、规章和规范性文件相关信息发布13条,公开现行规范性文件41个;", 2020)
    # an item after another kind's figure, with no whole of information published before it
    assert _facts("全年发布政策解读14个,规范性文件64个。", 2020) == {}
    text = "2020年,全市通过政府网站、政务微博微信、政府公报等平台主动公开规章4件、行政规范性文件1071件;"
    assert _facts(text, 2020) == {}
    # published up to now with the year named is the year's (dev: 2)
    text = "截至目前,2022年我区公开行政规范性文件2件,行政许可3606件,接收政府信息公开申请13件。"
    assert _facts(text, 2022) == {"normative.issued": 2, "applications.received": 13}


def test_a_normative_item_under_the_clauses_issuing_verb() -> None:
    text = "省交通运输厅政府信息公开专栏共主动发布政府信息473条,其中发布省政府规章1件、行政规范性文件6件,发布政策解读信息15条。"
    assert _facts(text, 2023)["normative.issued"] == 6
    text = "通过省政府门户网站主动公开本年度制发的省政府规章2件、省政府及省政府办公厅行政规范性文件2件，其他文件113件。"
    assert _facts(text, 2025)["normative.issued"] == 2
    # an item naming nothing of its own is still no normative figure
    text = "本机关2020年制定4份部门行政规范性文件和1份以市政府办公厅名义印发的《广州市产业发展资金管理办法》。"
    assert _facts(text, 2020)["normative.issued"] == 4


def test_no_normative_file_issued_and_the_table_label_shape() -> None:
    text = "2022年度法治政府建设工作情况的报告1条,未发布规范性文件,无行政许可、行政处罚、行政强制等相关信息需要公开。"
    assert _facts(text, 2023)["normative.issued"] == 0
    text = "全年未出现信息发布错误、延误等问题，无行政规范性文件出台及更新情况。"
    assert _facts(text, 2025) == {"normative.issued": 0}
    text = "2023年县档案局行政规范性文件制发件数0件，废止件数0件，现行有效件数0件。"
    assert _facts(text, 2023) == {"normative.issued": 0}
    # no statement about files issued: a reading of them
    assert "normative.issued" not in _facts("本年度未发布规范性文件解读。", 2023)
    # a rule followed, not a statement that none was issued
    assert _facts("坚持做到未经合法性审核的规范性文件发布。", 2023) == {}


def test_no_fee_charged_to_requesters() -> None:
    text = "在履行政府信息公开工作职能过程中,均严格执行《条例》和相关规定,未向申请人收费。"
    assert _facts(text, 2023) == {"fees.collected": 0}
    text = "本年度,我乡未发生政府信息依申请公开相关的收费及减免情况。"
    assert _facts(text, 2019)["fees.collected"] == 0
    assert "fees.collected" not in _facts("本年度未发生行政事业性收费减免情况。", 2019)


def test_cases_counted_in_tiao() -> None:
    text = "2022年横道河子镇共收到依申请公开0件,行政复议0件,行政诉讼0条。"
    assert _facts(text, 2022) == {"applications.received": 0, "review.count": 0, "suit.count": 0}
    # 条 counts cases only right after the case word: else items of information about them
    assert _facts("在网站发布行政复议相关信息12条。", 2022) == {}
    assert _facts("本年度公开行政复议决定书3条。", 2022) == {}
    # an article of the law is no case
    assert _facts("申请人可依照行政复议法9条申请复议。", 2022) == {}


def test_proposals_received_done_or_listed_after_other_kinds() -> None:
    assert _facts("2019年,市民政局收到人大代表建议和政协委员提案共24件。", 2019) == {"proposals.count": 24}
    # received, then fewer handled: the handled figure is no both-kinds figure, the received one not taken
    assert "proposals.count" not in _facts("2019年我乡共接到人大提案15件,共办理14件。", 2019)
    text = "紧盯时间节点,高质量完成人大建议和政协提案共61项,办结率达100%。"
    assert _facts(text, 2021) == {"proposals.count": 61}
    text = (
        "2022年,办理12345政务服务热线172件、四川信访系统1件、县长信箱2件,问政四川2件,麻辣社区1件,"
        "泸州市网络问政27件,人大代表建议和答复67件。"
    )
    assert _facts(text, 2022) == {"proposals.count": 67}
    # a breakdown after the figure of both is no list of the figure's kinds
    text = "本年度主动公开信息332条,人大建议和政协提案办理共计11件,其中人大建议办理6件,政协提案办理5件。"
    assert _facts(text, 2020)["proposals.count"] == 11


def test_the_bodys_own_files_published_stated_alone() -> None:
    # GUIDE.md clarification 2: files of the 公开属性 主动公开, or files whose owner is said
    assert _facts("2022年主动公开文件17件。", 2022) == {"documents.published": 17}
    text = "2022年,本局共印发主动公开文件66份,均通过局网站予以公开。"
    assert _facts(text, 2022) == {"documents.published": 66}
    text = "对照法定主动公开内容，及时公开本委文件226件，公开率和及时率均为100%。"
    assert _facts(text, 2023) == {"documents.published": 226}
    text = "全年公开以市政府和市政府办公室名义印发的文件58件，其中通过文字、图解、领导解读、召开新闻发布的形式解读文件32件。"
    assert _facts(text, 2023)["documents.published"] == 58
    # 政府令 are not added to the files
    text = "通过市委市政府门户网站公开沈阳市人民政府及沈阳市人民政府办公厅文件23件，沈阳市人民政府令6件。"
    assert _facts(text, 2024) == {"documents.published": 23}


def test_files_whose_owner_is_unsaid_or_through_a_column_are_no_own_files() -> None:
    assert _facts("2024年我局在政府信息公开基础平台公开文件38件。", 2024) == {}
    assert _facts("主动公开政务文件11份,开展政策解读活动15次。", 2023) == {}
    text = "本年度共公开政府信息3030条，公开主动公开政府文件1624份，转载新闻1317条。"
    assert "documents.published" not in _facts(text, 2022)
    text = "全年通过门户网站等平台公开发布信息2249条,向省政府办公厅送交主动公开文件45件。"
    assert "documents.published" not in _facts(text, 2022)
    # a column holds earlier years' files too (GUIDE.md clarification 3)
    text = "截止2023年12月31日，我区在政府信息公开专栏主动公开文件共783件。"
    assert _facts(text, 2023) == {}
    text = "2020年我局公开新制定规范性文件9件，并全部开展政策解读；规范性文件栏目共公开文件46件，其中失效4件。"
    assert "documents.published" not in _facts(text, 2020)


def test_review_cases_and_a_cut_list_are_no_proposals() -> None:
    # "复议案件" holds 议案 but counts review cases
    text = "办理行政复议案件9件、行政诉讼案件4件，实现行政复议“零纠错”、行政诉讼“零败诉”。"
    assert "proposals.count" not in _facts(text, 2025)
    # the text cut after one kind of proposal: the other kind's figure may follow
    text = "2024年，累计办理网站领导信箱信访1件、12345政务服务热线512件，网络问政14件，人大代表建议5件"
    assert _facts(text, 2024) == {}
    assert _facts(text + "。", 2024) == {"proposals.count": 5}


def test_the_bodys_files_as_an_item_of_what_it_published() -> None:
    # GUIDE.md clarification 17: "部门文件N条" in the list of what the body published
    text = "共主动公开信息8条，其中：部门文件2条，公示公告2条，财政预决算和审计信息2条，公开年度报告2条。"
    assert _facts(text, 2023) == {"proactive.total": 8, "documents.published": 2}
    text = "2023年陇县水利局在政府信息公开网站公开信息40条,其中工作动态信息25条、本部门文件12条,年初预算信息1条。"
    assert _facts(text, 2023)["documents.published"] == 12
    # files provided to a library "to be published" are not published
    text = "向县图书馆、档案馆提供应公开的规范性文件,2021年全年共向县图书馆、档案馆提供应公开部门文件79份。"
    assert _facts(text, 2021) == {}
    # a count with no unit is no own files' figure stated alone
    assert "documents.published" not in _facts("主动公开类文件全部实行档案化管理，2025年主动公开文件数量为0。", 2025)


def test_the_bodys_own_document_series_given_apart_are_added_up() -> None:
    # GUIDE.md clarification 18 (dev, wenzhou): 规范性文件, 法规, 规章 are not added
    text = (
        "2024年通过市政府门户网站主动发布市政府文件13条,市政府办公室文件14条,市政府、市政府办公室行政规范性文件22条,"
        "部门行政规范性文件58条,地方性法规4条,政府规章0条;编辑出版政府公报12期。"
    )
    assert _facts(text, 2024) == {"normative.issued": 22, "documents.published": 27}
    # near misses: one series followed by normative files only, or series in two units — no sum
    assert "documents.published" not in _facts("主动发布市政府文件9条，部门行政规范性文件34条。", 2024)
    assert "documents.published" not in _facts("主动发布市政府文件9条，市政府办公室文件14件。", 2024)
