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
    "https://www.szlhq.gov.cn/bmxxgk/sschzljgwlhj/xxgkgz_124575/xxgkndbg_124577/content/post_11099495.html": {
        "suit.count"
    },
    "http://rongchang.gov.cn/jz/hbz/zwgk_70755/zfxxgknb_70772/202101/t20210129_8843764.html": {
        "proactive.website"
    },
    "http://www.yfq.gov.cn/zwgk/zfxxgknb/202601/t20260129_3718878.shtml": {"documents.published"},
    "http://www.lianxi.gov.cn/zfxxgk/zfxxgknb/2024n/qzf/202502/t20250220_6854532.html": {
        "proactive.new_media"
    },
    "http://www.jsxishan.gov.cn/doc/2020/02/20/2784214.shtml": {"proactive.new_media"},
    "https://www.nantong.gov.cn/ntsrmzf/sjbm_2022/content/dec8a2df-6794-422c-978a-a21c35523b3b.htm": {
        "proactive.new_media"
    },
    "http://wjw.huangshi.gov.cn/xxgk_21/gknb/202003/t20200314_612653.html": {"proactive.website"},
    "https://www.gswuwei.gov.cn/art/2024/1/13/art_29411_1209062.html": {
        "proactive.new_media",
        "proactive.website",
    },
    "http://qionghai.hainan.gov.cn/zfxxgkzl/xz/dlz/gknb/202001/t20200120_2738687.html": {
        "documents.published"
    },
    "http://ccxi.gov.cn/info/1308/19387.htm": {"proposals.count"},
    "http://www.wuch.gov.cn/art/2024/1/24/art_1229181930_4131264.html": {"proactive.new_media"},
    "https://www.xwq.gov.cn/xwzmqq/zwgk/zfxxgkzl/zfxxgknb/2022061616284566735/index.html": {
        "proactive.website"
    },
    "http://101.230.193.164/article.html?infoid=fde1e3da-2f09-4f51-9e53-fe95f4fdb2bd": {
        "documents.issued",
        "documents.published",
    },
    "https://shpt.gov.cn/zhengwu/zfxxgknb-cfxcjdzfxxgk/2024/106/169658.html": {
        "documents.issued",
        "documents.published",
    },
    "https://www.tjwq.gov.cn/zwgk/zfxxgk/zj2/ycjdbsc/zfxxgknb41/202601/t20260129_7234339.html": {
        "proactive.new_media"
    },
    "https://csglw.beijing.gov.cn/zwxx/zfxxgk/zfxxgknb/202001/t20200119_1618303.html": {"proactive.total"},
    "http://www.ruijin.gov.cn/rjsxxgk/rj78243/202301/cc022ab779924f409382c2b59ab1364e.shtml": {
        "proactive.new_media"
    },
    "http://donghe.gov.cn/qzfgzbm22/24908624.jhtml": {"normative.issued"},
    "https://zazf.gov.cn/gk/gk05/tbnb/96193.htm": {"proactive.total", "proactive.website"},
    "https://www.putian.gov.cn/zfxxgk/zfxxgkndbg/2023nzfxxgkndbg/szfgbm/202401/t20240118_1899417.htm": {
        "normative.issued",
        "proactive.total",
    },
    "https://cncx.gov.cn/news/show/20250126173442825.html": {"proactive.total", "suit.count"},
    "http://www.hangzhou.gov.cn/art/2021/1/29/art_1229063423_3841182.html": {"proactive.website"},
    "https://linxia.gov.cn/lxz/zwgk/zfxxgknb/2023/zzfgbm/art/2024/art_d59836f6cd784887994011ec81c0a919.html": {
        "proactive.new_media"
    },
    "http://wlmq.gov.cn/wlmqs/c120230/202401/5408c3d0bf80452b984cc90cf4a67348.shtml": {
        "applications.received",
        "proactive.total",
    },
    "http://www.qiaojia.gov.cn/contents/6813/33812.html": {"proactive.new_media"},
    "http://gxq.cq.gov.cn/zwgk_202/zfxxgknb/jgbm/sthjj/202501/t20250123_14203737_wap.html": {
        "proactive.total"
    },
    "http://www.quxian.gov.cn/xxgk-show-48933.html": {"applications.received"},
    "http://wenshang.gov.cn/module/xxgk/xxgkAnnualReport.jsp?area=11370830MB285873X0&fbtime=2023": {
        "proactive.new_media"
    },
    "http://sfj.zhangzhou.gov.cn/cms/html/zzssfj/2022-01-20/1797164377.html": {
        "proactive.new_media",
        "proposals.count",
    },
    "http://www.dlweishan.gov.cn/wsrmzf/c106948/202002/54ed651c9acf4bac8ca8854ae7d0cf29.shtml": {
        "proactive.website"
    },
    "https://www.mz.gov.cn/gk/zfxxgk/zfxxgknb/2022/tjd/1572566.htm": {"proactive.total"},
    "http://www.shuicheng.gov.cn/newsite/zwgk/zcbm/xzjdbsc/fez_5645511/zfxxgk_564500721/zfxxgknb_5659683/202301/t20230112_77915714.html": {
        "proactive.total"
    },
    "http://zltq.gov.cn/zltq/2026-02/02/article_2026020215500030847.html": {"proactive.total"},
    "https://meeb.sz.gov.cn/xxgk/qt/ndxxgkbg/content/post_11117680.html": {
        "proactive.new_media",
        "proactive.website",
    },
    "https://www.wehdz.gov.cn/2022/zfxxgk/dfbm/gdj/zfxxgkndbg_44101/202601/t20260127_2719402.shtml": {
        "review.count"
    },
    "http://nyncw.cq.gov.cn/xxgk_161/zfxxgkzl/zfxxgknb/202201/t20220129_10359803_wap.html": {
        "proactive.website"
    },
    "http://www.njqxq.gov.cn/qxqrmzf/qxqzwfwglbgs/zfxxgkzn/zfxxgknb/202401/t20240116_4147099.html": {
        "proactive.new_media"
    },
    "https://cnzh.gov.cn/News/Detail/20240109090730751.html": {"proactive.website"},
    "http://www.wuxing.gov.cn/xxgk/wxxzxxgk/hdjd/zfxxgkznb/art/2025/art_920774925.html": {
        "documents.issued",
        "documents.published",
    },
    "https://www.wuchang.gov.cn/xxgk/sylj/zfxxgknb/202501/t20250113_2516908.html": {"applications.received"},
    "http://www.fzja.gov.cn/xjwz/zwgk/zfxxgk/zfxxgknb/202501/t20250113_4960842.htm": {
        "applications.received"
    },
    "http://www.luoyuan.gov.cn/xjwz/zwgk/zfxxgk/dfbmptlj/xzrmzf/kfq/zfxxgknb/202501/t20250107_4957517.htm": {
        "proactive.total"
    },
    "https://www.baiyinqu.gov.cn/XZJDBMDW/xzjd/slzrmzf/zfxxgknb/2024n/art/2026/art_f973dc2ac5be4360afb033ebcccd94d2.html": {
        "proactive.total"
    },
    "http://www.jxgc.gov.cn/art/2020/1/15/art_15445_3308214.html": {"proactive.website"},
    "https://dxal.gov.cn/dxal/c100117/202403/c13_276510.shtml": {"proactive.new_media"},
    "https://www.pingjiang.gov.cn/35048/35049/34957/36105/36106/content_2357648.html": {"proactive.website"},
    "https://www.jiande.gov.cn/art/2022/1/14/art_1229615157_58741.html": {
        "applications.received",
        "proactive.total",
    },
    "http://baishui.gov.cn/zfxxgk/zfxxgknb/bmxxgknb/1651146479113211905.html": {"documents.published"},
    "http://slj.suqian.gov.cn/swj/gknb/202501/5fb1f12c3b874ed3bfa8f879c4865945.shtml": {"proactive.website"},
    "http://www.kmyl.gov.cn/c/2023-01-18/6775635.shtml": {"proactive.new_media"},
    "https://gxq.als.gov.cn/art/2025/1/6/art_4823_522822.html": {"proactive.website"},
    "http://www.zltq.gov.cn/zltq/2025-01/15/article_2025011509012960891.html": {"applications.received"},
    "http://www.luqiao.gov.cn/art/2022/1/19/art_1229460365_59737.html": {"proactive.website"},
    "http://lingshou.gov.cn/columns/1418e580-18ec-4b53-afff-9682754ba2f0/202101/27/478ed8e6-4490-4cab-9b9f-93143ceb7f9f.html": {
        "proactive.total",
        "proactive.website",
    },
    "http://www.nxlw.gov.cn/zwgk/zfbmzsjgxxgk/lwssfj_29147/xxgknb_29150/202501/t20250123_4802040.html": {
        "proactive.new_media"
    },
    "http://www.zichang.gov.cn/zfxxgk/zfxxgknb/szfnb/2023n/1752504210521403394.html": {"proactive.website"},
    "https://ybj.dl.gov.cn/module/xxgk/xxgkAnnualReport.jsp?area=2103000004&fbtime=2024": {
        "proactive.new_media",
        "proactive.total",
    },
    "http://www.luqiao.gov.cn/art/2025/1/16/art_1229460341_97497.html": {"proactive.new_media"},
    "https://www.hbqj.gov.cn/xxgk/xxgkml/szfbmxxgkml/sylbzj/zfxxgk/ndbg/202501/t20250110_5496462.html": {
        "proactive.new_media"
    },
    "http://www.lcj.linzhi.gov.cn/lzslyj/c106061/202401/dc9911a197ab4f879b3d1903fa0a9a6f.shtml": {
        "proactive.total"
    },
    "https://www.taixing.gov.cn/zwgk/bmxxgk/nyncj/xxgknb/art/2026/art_d07cf2bdfaea42c783f6a5759e4e26d1.html": {
        "proactive.total"
    },
    "http://scjg.xianning.gov.cn/xxgk/xxgknb/202601/t20260121_4216647.shtml": {"review.count"},
    "https://www.kazuo.gov.cn/html/KZXZF/202601/0176869810066763.html": {"documents.published"},
    "http://www.aes.gov.cn/aes/2026-01/15/article_2026011509191225642.html": {"applications.received"},
    "http://www.xmta.gov.cn/zc/zfxxgkzl/bmzfxxgk/jyj/zfxxgk/zfxxgknb/202601/t20260121_1135042.htm": {
        "documents.published",
        "proactive.new_media",
    },
    "https://www.chaoyang.gov.cn/html/CYSZF/202601/0176889085625633.html": {"proactive.website"},
    "http://www.xincheng.gov.cn/zwgk/xxgknb/gdwxxgknb/2006274384404164609.html": {"proactive.website"},
    "https://www.chinafuning.gov.cn/single/283/72295.html": {"normative.issued"},
    "https://www.zjc.gov.cn/info/12082/1165502.htm": {"applications.received"},
    "https://xxgk.shbsq.gov.cn/article.html?infoid=d9d7456a-e99a-4d08-beab-fa4ed9bbe8d4": {
        "normative.issued"
    },
    "https://wtxgj.ezhou.gov.cn/zfxxgk/gknb/202202/t20220215_456518.html": {"proactive.website"},
    "https://www.songyang.gov.cn/art/2022/1/11/art_1229358718_4858173.html": {"applications.received"},
    "https://www.xixiu.gov.cn/web2023/zwgk/zfxxgk/zfxxgknb/2019/202303/t20230316_78541844.html": {
        "proactive.new_media",
        "proposals.count",
    },
    "http://www.chencang.gov.cn/art/2021/1/26/art_17375_1342605.html": {"applications.received"},
    "http://hntrmy.com/col/13649_176277/art/16436448/1645147752038KaoNWX9a.html": {"applications.received"},
    "http://www.kmjn.gov.cn/c/2024-04-09/6835337.shtml": {"proactive.new_media"},
    "http://www.lixia.gov.cn/gongkai/site_lixiaqulxqjzxcjdbscah/channel_63899b0337599182826238bc/doc_678da94a04f353179c1d50ff.html": {
        "fees.collected"
    },
    "https://www.hhjp.gov.cn/info/52571/225551.htm": {"proactive.new_media"},
    "https://cyx.gov.cn/html/CYXZF/202101/0163659667195739.html": {"proactive.website"},
    "http://rongan.gov.cn/xxgk/fdzdgknr/bmxxgknb/t19700101_3585253.shtml": {"proactive.website"},
    "http://www.lw.gov.cn/zwgkk/bmxxgkndbg/content/post_7010886.html": {"proactive.website"},
    "http://www.huli.gov.cn/zwgk/zfxxgkzl/bmzfxxgk/wjj/zfxxgkndbg_3297/202301/t20230111_894429.htm": {
        "proactive.total"
    },
    "http://jw.cq.gov.cn/zwgk_209/zfxxgknb/202301/t20230130_11546987_wap.html": {"proactive.total"},
    "https://zwgk.shcn.gov.cn/xxgk/gknb-xhljdzfxxgk/2024/11/71421.html": {"documents.published"},
    "https://www.lnjp.gov.cn/html/JPXZF/202601/0176890273828413.html": {"proactive.total"},
    "http://guangdong.chinatax.gov.cn/gdswzz/gzbysw_xxgknb/2022-01/24/content_e22611b27efe49d8834cd1646b8ef472.shtml": {
        "proactive.new_media"
    },
    "http://www.lipu.gov.cn/xxgk/xxgknb/202301/t20230129_2444881.html": {"applications.received"},
    "http://www.taian.gov.cn/module/xxgk/xxgkAnnualReport.jsp?area=370900004341&fbtime=2022&showType=2": {
        "proactive.website"
    },
    "http://www.lintong.gov.cn/zwgk/zfjg/jbgkml/hzjb/xxgknb/2013506421726420994.html": {
        "applications.received"
    },
    "http://www.lintong.gov.cn/zwgk/xxgkml/xxgknb/bmxxgknb/2012071816238473217.html": {"proactive.website"},
    "http://www.yanliang.gov.cn/xxgk/bmxxgknb/2013059725805506562.html": {"proactive.website"},
    "https://hkjmqz120.com/www/xxgk/bmxxgkml/ycsszglj_38951/xxgknb_38953/202301/t20230129_3932831": {
        "documents.published",
        "proactive.total",
    },
    "http://zwgk.changchun.gov.cn/gzl/swbm/daj/ndbg/202201/t20220127_2979362.html": {"proactive.total"},
    "http://zwgk.changchun.gov.cn/gzl/zcbm/cl/ndbg/202601/t20260106_3458405.html": {"proactive.new_media"},
    "https://www.hc.gov.cn/bmjd/bm_100475/gyygwh/zwgk_101619/zfxxgknb_101629/202101/t20210122_8799259.html": {
        "applications.received"
    },
    "https://www.gd-aijia.com/zwgk_146/xzfwxgk/xzwxxgknb/202101/t20210127_5339108.html": {
        "proactive.new_media"
    },
    "http://www.gzxy.gov.cn/zwgk/zfxxgk/zfxxgknb/2024h/xzjd/202501/t20250117_86639110.html": {
        "applications.received"
    },
    "http://www.hnyx.gov.cn/c26829/20250126/i2310545.html": {"proactive.website"},
    "https://www.tongliao.gov.cn/zwgk/zfxxgk/zfxxgknb/2022_645/szfzcbm/202301/t20230118_62744.html": {
        "proactive.new_media"
    },
    "http://www.weiyang.gov.cn/zwgk/zfjg/jdbsc/dmgjd/xxgknb/60190059f8fd1c2073f28df9.html": {
        "proactive.website"
    },
    "https://www.sandu.gov.cn/zfxxgk/zfxxgknb/2022n_5930973/202301/t20230119_77976340.html": {
        "proactive.new_media"
    },
    "http://www.xxtq.gov.cn/xxtjdb/zfxxgk/xxgkgzndbg/t6263658.html": {
        "applications.received",
        "proactive.website",
    },
    "http://www.bypc.gov.cn/zwgk-view/20746.html": {"applications.received"},
    "http://www.lianyun.gov.cn/lygslyqrmzfscjdbsc/zfxxgknb/content/d3b17f6f-0e49-4bd1-bccf-ebb3173f2576.html": {
        "proactive.website"
    },
    "http://ls-art.com/hjs/c123365/202401/b416bd4960e2405e97d55d5ef95408db.shtml": {"applications.received"},
    "http://www.gzzy.gov.cn/jgsz/xzbm/dyz/zfxxgk_5757227/zfxxgknbdyz/202401/t20240125_83626050.html": {
        "applications.received"
    },
    "http://www.xixianxinqu.gov.cn/zwgk/fdzdgknr/zzjg/jzjg/dzjb/xxgknb/1880166773996171265.html": {
        "applications.received"
    },
    "http://www.lda.gov.cn/lygjjjskfq/zfxxgknb/content/92f038c1-b236-4319-8635-c0cfec421548.html": {
        "proactive.website"
    },
    "http://www.lintong.gov.cn/zwgk/xxgkml/xxgknb/bmxxgknb/1881599928650727426.html": {"proactive.total"},
    "http://12348.hebyuanfa.com/art/2023/1/31/art_316821_37804.html": {
        "proactive.new_media",
        "proactive.website",
    },
    "https://www.yxes.gov.cn/esxzfxxgk/esxwshjhsyjzfxxgkndbg5679/20220121/1324571.html": {
        "review.count",
        "suit.count",
    },
    "http://www.lianyun.gov.cn/lygslyqrmzfscjdbsc/zfxxgknb/content/26bf67ae-14a6-4c6c-9f3a-877960cb282e.html": {
        "proactive.website"
    },
    "https://www.szss.gov.cn//sstbhzq/ssw/xxgk/zfxxgknb/content/post_10401683.html": {"proactive.website"},
    "http://2222898.com/xxxgk/gknb/2023_nd/2023_szbm/202401/t20240129_1092697.html": {"proactive.website"},
    "http://nyncj.yichun.gov.cn/ycsnyncj/zfxxgknb/202201/daa77484e9e34780b0b0b89d843ef224.shtml": {
        "proactive.total"
    },
    "http://www.xinle.gov.cn/columns/88c61391-baf6-4231-9468-735e7f167554/202401/24/b246451c-e2b1-4b51-a604-5d6cdf9a1ec5.html": {
        "proactive.website"
    },
    "http://www.rongcheng.gov.cn/module/xxgk/xxgkAnnualReport.jsp?area=11371082004230911E&fbtime=2025": {
        "applications.received"
    },
    "http://yuanjiang.gov.cn/21502/37151/37161/44708/index.htm": {"applications.received"},
    "https://www.bzqc.gov.cn/XxgkAnnualReport/show/6496.html": {"proactive.website"},
    "https://tfhid.com/art/2023/1/9/art_1229706625_5052304.html": {"proactive.website"},
    "https://kmariehair.com/oshow/4372.html": {"proactive.total", "proposals.count"},
    "http://www.haikou.gov.cn/xxgk/szfyjs/xxgkndbg_10370/202301/t1221496.shtml": {"applications.received"},
    "http://tjj.yaoyejob.com/web/zwgkx/zfxxgk1/2010zfxxgk_148535/2025/bmzfxxgkgzndbg/2026012914194811951/index.shtml": {
        "applications.received",
        "documents.published",
    },
    "https://www.shenyang.gov.cn/zwgk/zfxxgkndgzbg/2024n/gqxszfxxgkgzndbb/202502/t20250221_4812907.html": {
        "proactive.new_media",
        "proactive.website",
    },
    "http://www.liaoyang.gov.cn/govxxgk/LY/2024-03-05/cfa9849a-3f74-4747-82de-a497ee246555.html?deptcode=033": {
        "applications.received",
        "proactive.website",
    },
    "http://cqspb.gov.cn/zwgk_235/xxgk_19662/gknb/zfxxgknb_110/qzfjg/202301/t20230130_11545919.html": {
        "proactive.website",
        "suit.count",
    },
    "http://www.zhoukou.gov.cn/sitesources/zksrmzf/page_pc/zwgk/gkznhml/zfxxgknb/2020n/szf/articleA7403B21A6CE4D6C9002DB9926C0BDC5.html": {
        "proactive.total"
    },
    "https://linxia.gov.cn/lxz/zwgk/zfxxgknb/2022/gxs/art/2023/art_6b4782c5af6b461b94d2a10cc358aa97.html": {
        "proactive.total"
    },
    "http://www.cmc.gov.cn/zfxxgk/yjjd/zfxxgknb/art/2025/art_86dd4746f2294bcc8062b257e62c93f6.html": {
        "review.count",
        "suit.count",
    },
    "https://www.tongcheng.gov.cn/public/column/2000003131?type=3&action=detail&nav=3&title=2021": {
        "proactive.total"
    },
    "http://fzja.gov.cn/xjwz/zwgk/zfxxgk/zfxxgknb/202401/t20240109_4754000.htm": {"applications.received"},
    "http://jgswgl.wuhan.gov.cn/xxgk_59/xxgkndbg/202601/t20260124_2717619.shtml": {"proactive.new_media"},
    "http://www.huli.gov.cn/zwgk/zfxxgkzl/gjdzfxxgk/hljd/zfxxgkndbg_3382/202601/t20260109_1133838.htm": {
        "proactive.new_media"
    },
    "https://www.keceyun.com/policy/newsdetail/126980.html": {"applications.received"},
    "http://www.liunan.gov.cn/xxgk/zfxxgknb/t19700101_3441457.shtml": {"proactive.new_media"},
    "https://www.guiyang.gov.cn/zwgk/zfxxgks/zfxxgknb/2020nian/202101/t20210127_66559277.html": {
        "documents.published"
    },
    "https://saintpaulhem.com/ncszf/xxgknb/202501/f1b2674b1ce046e2aea8f1f9b1bd758c.shtml": {"open_day.count"},
    "https://www.hukou.gov.cn/lsz/zfxxgknb_171215/202401/t20240129_6385303.html": {
        "review.count",
        "suit.count",
    },
    "https://www.qdn.gov.cn/zwgk_5871642/zfxxgk_5871649/zfxxgknb_5871697/2023n_5975415/202501/t20250123_86671682.html": {
        "suit.count"
    },
    "http://www.daishan.gov.cn/art/2025/1/13/art_1229076492_96593.html": {"proactive.website"},
    "https://www.jiashan.gov.cn/art/2025/1/21/art_1229850102_98797.html": {"review.count"},
    "https://www.someoldsite.com/hqqrmzf/c108404/202401/acb3ff614cdb4297aefa495ceece064b.shtml": {
        "review.count"
    },
    "http://101.230.193.164/article.html?infoid=10acd7cd-712d-4e2c-a7fe-648521b05a2f": {"proactive.website"},
    "http://101.230.193.164/article.html?infoid=86ee0450-7c44-4eed-810a-d4ae4f2ee46e": {
        "documents.issued",
        "documents.published",
    },
    "https://wh.ahwft.com/content/detail/62d4c185a37af6dd6af120ce.html": {"proposals.count"},
    "http://bongotimes.com/info/1785/50257.html": {"proactive.new_media"},
    "https://gdb.xuancheng.gov.cn/XxgkAnnualReport/show/4225.html": {"proactive.total"},
    "https://ewenke.gov.cn/OpennessAnnualReport/show/7179.html": {
        "applications.received",
        "normative.issued",
    },
    "https://swj.taian.gov.cn/module/xxgk/xxgkAnnualReport.jsp?area=11370900004341363J&fbtime=2020": {
        "proposals.count"
    },
    "http://slt.gxzf.gov.cn/zfxxgk/xxgkndbg/t27172767.shtml": {"proactive.total"},
    "http://www.fl.gov.cn/bm/slj/zwgk_46474/zfxxgknb_46483/202601/t20260114_15318463.html": {
        "proactive.website"
    },
    "http://www.zjpy.gov.cn/art/2021/1/28/art_1229486740_50853.html": {"proactive.total"},
    "http://www.cqspb.gov.cn/bm/qmzj_63735/zwgk_63739/zfxxgknb_63756/202601/t20260123_15348750.html": {
        "proactive.new_media"
    },
    "http://whlanqingting.com/OpennessAnnualReport/show/648.html": {"proactive.total"},
    "http://www.anzhou.gov.cn/public/column/16371?type=3&nav=5&sub=5&timeFrame=2019&hasContent=true": {
        "proactive.total"
    },
    "http://www.tianqiao.gov.cn/gongkai/site_tianqiaoquqswjp/channel_6389a0ea3759918282633262/doc_697856e24a4281a744c2a844.html": {
        "fees.collected",
        "proactive.total",
    },
    "https://bjswsg.com/njsczj/xxgkzl/zfxxgkndbg/202101/t20210129_2809610": {"proactive.website"},
    "http://maojian.shiyan.gov.cn/xxgk/xxgknb/2023n_109815/202401/t20240117_4405804.shtml": {
        "proactive.website",
        "review.count",
        "suit.count",
    },
    "https://yngm.gov.cn/zfxxgk_gmx_sfj/artview/195/172227.html?nbYear=2021&orgCode=A01A07A02A08": {
        "review.count"
    },
    "http://tyj.sc.gov.cn/sctyj/zwxxgknb/2024/1/18/0d3c4ece0721428b8f0f79ad434614c9.shtml": {
        "proactive.website"
    },
    "http://bet365asia.net/xxgk/xxgkml/xxgknb/gbm/content/post_9455333.html": {
        "applications.received",
        "normative.issued",
    },
    "http://jindazhongye.com/XxgkAnnualReport/show/5891.html": {"proactive.total"},
    "https://www.suiyang.gov.cn/zfbm_5682332/sfj/zfxxgk_5682340/zfxxgknb_5682350/202301/t20230131_78049121.html?isMobile=true": {
        "proactive.new_media"
    },
    "http://www.yingshan.gov.cn/zwgk/zfxxgknbnew/xjbm/xsfj/202205/t20220506_1247276.html": {
        "documents.published",
        "proactive.website",
    },
    "http://zrzy.huangshi.gov.cn/zwgk/xxgknb/202302/t20230206_987996.html": {"proactive.website"},
    "http://wjw.sm.gov.cn/szfgzjg/wsj/zfxxgkndbg/202601/t20260120_2185257.htm": {
        "normative.issued",
        "proactive.new_media",
    },
    "https://www.qz.gov.cn/art/2025/1/14/art_1229038343_5444000.html": {
        "proactive.new_media",
        "proactive.website",
    },
    "https://www.302yl.com/a2119/art_1229780028_87896.html": {"proactive.total"},
    "https://sthjt.xinjiang.gov.cn/xjepd/gbsxxgkgzndbg/202401/0019ee88c98e4d268f4577bfc712b499.shtml": {
        "documents.published"
    },
    "https://mzj.changde.gov.cn/zwgk/public/6617352/3635895181.html": {
        "proactive.total",
        "proactive.website",
    },
    "https://www.scmxtz.com/zwgk/zjxxgk/tjjd/gknb/202201/t20220117_4239004.shtml": {"applications.received"},
    "https://www.wj.gov.cn/html/czwj/2023/NHOAQCNK_0110/72665.html": {"applications.received"},
    "http://jxxf.gov.cn/xfxxxgk/c101205/202501/bfb6ca650dc64b5199e5feeeb206cafc.shtml": {"proactive.total"},
    "https://wsjk.hld.gov.cn/zwgk/zfxxgk/zfxxgknb/202401/t20240125_1166582.html": {"proactive.total"},
    "https://www.zlq.gov.cn/zlq/zwgk/zfxxgkzl/bmxxgkml/smxz/sdz95/zfxxgknb/2024011617343525212/index.shtml": {
        "suit.count"
    },
    "http://zltq.gov.cn/zltq/2026-02/02/article_2026020215383939768.html": {"applications.received"},
    "http://www.gzdr.gov.cn/gzdr/bmxxgknb/202003/a6f133cbb8be447db4d9233c4d551d18.shtml": {"proactive.total"},
    "https://cnzh.gov.cn/News/Detail/20210510105558608.html": {"normative.issued", "proactive.total"},
    "https://scjgj.xinjiang.gov.cn/xjaic/myzfxxgk2019/zfxxgk_xxgkzd.shtml": {"proposals.count"},
    "http://zwgk.changchun.gov.cn/ng/xzjdrmzf/ngqztjdbsc/zfxxgknb/202601/t20260116_3461735.html": {
        "proactive.website"
    },
    "http://www.qingdao.gov.cn/zwgk/xxgk/csgl/gzbg/202301/t20230129_6822818.shtml": {"proactive.new_media"},
    "https://www.suibin.gov.cn/suibinxianrenminzhengfu/cbcc5c9e6bb44ed8af5cd0785606f554/202501/67436.shtml": {
        "proactive.new_media"
    },
    "https://www.ahqy.gov.cn/Xxgknb/show/5246.html": {"suit.count"},
    "http://www.dafeng.gov.cn/art/2021/3/23/art_25177_3536543.html": {"proactive.new_media"},
    "https://www.ms.gov.cn/xxgk/xxgk_content.jsp?urltype=news.NewsContentUrl&wbtreeid=5069&wbnewsid=1161616": {
        "proactive.total"
    },
    "https://www.whkfq.gov.cn/xxgk/zfxxgkndbg/zfxxgkndbg2020/202101/t20210118_1600100.html": {
        "review.count",
        "suit.count",
    },
    "http://gysj.cngy.gov.cn/new/show/20240117192758988.html": {"proactive.new_media"},
    "http://hljfy.gov.cn/govinfo/contents/1287/34951.html": {"proactive.new_media"},
    "https://www.hbdaye.gov.cn/zfxxgk/zfxxgkndbg/gb2025/2025szbm/202601/t20260126_1303171.html": {
        "proactive.website"
    },
    "http://www.julu.gov.cn/content/54279.html": {"proactive.website"},
    "http://www.qinan.gov.cn/info/14423/1395492.htm": {"proactive.new_media", "proactive.total"},
    "https://www.ms.gov.cn/xxgk/xxgk_content.jsp?urltype=news.NewsContentUrl&wbtreeid=5069&wbnewsid=1143514": {
        "proactive.website"
    },
    "http://hrss.xm.gov.cn/xxgk/zfxxgkzl/ndbg/202301/t20230106_2713453.htm": {"proactive.new_media"},
    "https://hrss.tj.gov.cn/zhengwugongkai/zfxxgknew/zfxxgknbnew/202302/t20230213_6103989.html": {
        "proactive.website"
    },
    "http://www.xialuqu.gov.cn/zwgk/xxgknb/2023n/2021qzfbm/202401/t20240117_1089560.html": {
        "proactive.new_media",
        "proactive.total",
    },
    "http://sthjj.xam.gov.cn/hygq/2023-01/19/article_1ce51b53c0994ca0b4d611cb39c2e6de.html": {"suit.count"},
    "http://xxgk.sxgp.gov.cn/gzbm/gpjtysj/zfxxgknb/202401/t20240129_1926589.shtml": {"proactive.website"},
    "http://www.kaiping.gov.cn/kpsjtysj/zwgk/gsgk/content/post_3429451.html": {"proactive.new_media"},
    "https://www.panan.gov.cn/art/2025/1/21/art_1229421929_4205907.html": {"proactive.total"},
    "http://cqqj.gov.cn/bm/qnyncw/zwgk_58495/zfxxgknb_58504/202501/t20250124_14209821.html": {
        "applications.received"
    },
    "http://www.rudong.gov.cn/rdxrmzf/zfxxgknb/content/a4ef1570-4339-4da8-946a-1af861aab40b.html": {
        "documents.published"
    },
    "http://www.jurong.gov.cn/jrslj/bmxxgknb/202301/4fba3b5e1eb64e06baaed3de922ccd45.shtml": {
        "applications.received"
    },
    "http://sf.xm.gov.cn/zwgk/sfjxxgk/xxgkndbg/202501/t20250117_2913703.htm": {"proactive.website"},
    "https://cqstl.gov.cn/bm/qsfj_71104/zwgk_70831/zfxxgknb_70842/202501/t20250115_14163770.html": {
        "normative.issued"
    },
    "http://www.xichang.gov.cn/zfxxgk/zfxxgknb/oldnb/xzjjdb_15916/dcb_16457/202201/t20220112_2128841.html": {
        "applications.received"
    },
    "http://yncxym.gov.cn/info/1356/53686.htm": {"proposals.count"},
    "http://www.bjchy.gov.cn/zfxxgk/gknb/4028805a9ba62cae019bc0704cc111b0.html": {"proactive.website"},
    "http://js.changchun.gov.cn/zcbm/swjw_3974/ndbg/202501/t20250122_3377325.html": {
        "proactive.new_media",
        "proactive.website",
    },
    "http://daixian.gov.cn/dxzw/zwgk/xxgknb/202501/t20250121_4056262.html": {"applications.received"},
    "https://www.chengxiang.gov.cn/zfxxgk/zfxxgkndbg/2021nzfxxgkndbg/qzbm/202201/t20220114_1698601.htm": {
        "proactive.total"
    },
    "https://www.hhml.gov.cn/info/143622/745302.htm": {"applications.received", "proactive.total"},
    "https://hnsn.gov.cn/hnsn/xxgknb/202003/a4bb87543c1e4b338043a3a361386fd9.shtml": {"proactive.new_media"},
    "https://cncx.gov.cn/news/show/20220117152348537.html": {"proactive.new_media"},
    "http://www.lixia.gov.cn/gongkai/site_lixiaqulxqysjdbscam/channel_63899b0337599182826238d0/doc_69780e3c3b15ceb212c2a5bb.html": {
        "fees.collected"
    },
    "http://www.xyxcq.gov.cn/zwgk/xxgknb/xcqnbzl/bm_xc3322/qrlzyhshbzj/202501/t20250117_3748713.shtml": {
        "proactive.new_media"
    },
    "https://wtl.sz.gov.cn/xxgk/qt/ndxxgkbg/content/post_12624792.html": {"applications.received"},
    "http://gk.ziyang.gov.cn/year_details.aspx?dept=24&year=2023": {"proactive.new_media"},
    "http://www.sayibak.gov.cn/info/2956/34000.htm": {"applications.received", "proactive.total"},
    "http://sthjj.wuhai.gov.cn/sthjj/1115793/1115732/1115787/2203861/index.html": {"proactive.total"},
    "http://ht.sanya.gov.cn/htqwjwsite/xxgknb/202301/26acee1ce1fe471389e28cf7fe51ce29.shtml": {
        "proactive.new_media"
    },
    "http://www.haicang.gov.cn/xx/zfxxgkzl/zfxxgknb/ajjnb/202601/t20260121_1134936.htm": {"documents.issued"},
    "http://ncqsh.nc.gov.cn/ncqsh/qshbmxxgknb3/202103/f45547d53e35487aa7defee6164e11ba.shtml": {
        "documents.published"
    },
    "http://www.tongzhou.gov.cn/tzqnywyh/xxgknb/content/dee4e630-8dc0-4356-b439-facd97e8eaa4.html": {
        "proactive.total"
    },
    "https://benxi.gov.cn/zw/zfxxgknb/2023nd/bmzfxxgkgzndbg2023/content_619634": {
        "proactive.total",
        "proposals.count",
    },
    "http://www.qinzhou.gov.cn/zfxxgk/zfxxgkgzndbg/sj/nb_2021/jgzfxxgknb/t15609267.shtml": {"suit.count"},
    "http://qzlc.gov.cn/zwgk/bm/mzj/nb/202001/t20200110_2017504.htm": {"proactive.total"},
    "https://www.bjdch.gov.cn/zfxxgkzl/zfxxgknb/2025nb/dcqjd2025/202601/t20260119_4446470.html": {
        "proactive.new_media"
    },
    "http://xxgk.jlbc.gov.cn/bcsrmzf/bcsrmzfndbg/202603/t20260312_1032479.html": {"documents.published"},
    "http://www.kaihua.gov.cn/module/xxgk/xxgkAnnualReport.jsp?area=11330824002626613H&fbtime=2020": {
        "proactive.new_media"
    },
    "https://www.wj.gov.cn/html/czwj/2025/KCMCPPDF_0117/77052.html": {"documents.published"},
    "https://www.putian.gov.cn/zfxxgk/zfxxgkndbg/2024nzfxxgkndbg/szfgbm/202501/t20250121_1971055.htm": {
        "proactive.total"
    },
    "http://www.lintong.gov.cn/zwgk/xxgkml/xxgknb/bmxxgknb/2017052662977646594.html": {"documents.published"},
    "https://www.gongqing.gov.cn/jtysj/fdzdgknr_187197/zfxxgkgz/ndbg/202601/t20260120_7151909.html": {
        "proactive.total"
    },
    "http://www.quxian.gov.cn/xxgk-show-43940.html": {"proactive.total"},
    "http://xiangan.gov.cn/zfxxgk/qrmzfjgzb/XM06104/gkndbg/202301/t20230106_893897.htm": {
        "proactive.website"
    },
    "https://www.gy.gov.cn/XxgkAnnualReport/show/6332.html": {"proactive.website"},
    "https://csgl.tj.gov.cn/zwgk_57/zfxxgk01/zfxxgknb/202601/t20260119_7225879.html": {"proactive.new_media"},
    "http://xxgk.sxgp.gov.cn/xzjd/gpmcz/zfxxgknb/202601/t20260130_2315513.shtml": {"proactive.total"},
    "https://www.lingyuan.gov.cn/html/LYSZF/202601/0176864103428826.html": {"review.count"},
    "http://www.dazhu.gov.cn/xxgk-show-224787.html": {"proactive.website"},
    "https://www.zhanjiang.gov.cn/zjsfw/bmdh/sfj/zwgk/xxgknb/content/post_2143084.html": {
        "proactive.new_media",
        "proactive.website",
    },
    "http://www.gaoling.gov.cn/zwgk/zfxxgknb/jbbmnb/2014181424194240513.html": {"review.count"},
    "http://www.wenshang.gov.cn/module/xxgk/xxgkAnnualReport.jsp?area=11370830004335350N&fbtime=2025": {
        "proactive.website"
    },
    "https://www.hbhr.gov.cn/hrqxxgk/xxgknb/2025/202601/t20260122_747480.html": {"proactive.website"},
    "https://www.hbqj.gov.cn/xxgk/xxgkml/szfbmxxgkml/ssthjj/zfxxgk/ndbg_1/202601/t20260114_5855003.html": {
        "proactive.new_media"
    },
    "http://xw.gov.cn/gov/pub/description/73519.html": {"applications.received"},
    "https://www.bypc.gov.cn/zfxxgk/bmdwxzjd/bmdw/qfgj/xxgknb/2024n/art/2026/art_4a25005ad4da4e0bbca9a04b98caea18.html": {
        "documents.published"
    },
    "http://js.changchun.gov.cn/szf_3410/ndbg/202501/t20250127_3378533.html": {"proactive.website"},
    "https://www.wenzhou.gov.cn/art/2025/1/16/art_1229850036_97440.html": {"proactive.website"},
    "http://cnjg.gov.cn/gongkai/show/20250126175955853.html": {"fees.collected"},
    "https://www.wehdz.gov.cn/2022/zfxxgk/dfbm/jyj/zfxxgkndbg_43869/202202/t20220214_1922457.shtml": {
        "normative.issued",
        "proactive.website",
    },
    "https://dyrmt.com/article-144505-1.html": {"proactive.website", "review.count"},
    "https://www.hukou.gov.cn/wjw/zfxxgknb/202301/t20230105_5901300.html": {"proactive.website"},
    "http://www.jinan.gov.cn/art/2025/1/24/art_55714_14262.html": {"proactive.website"},
    "https://cliffordsjerseys.com/huaihua/c134066/202302/329f72e3dc1246a7ac0e3e70e0597ba1.html": {
        "proactive.website"
    },
    "http://www.cqyz.gov.cn/jz_229/jfbjdbsc/zwgk_97157/zfxxgknb_97166/202201/t20220130_10366391.html": {
        "proactive.website"
    },
    "http://www.kmpl.gov.cn/c/2026-01-22/7100631.shtml": {"proactive.new_media"},
    "https://www.lishui.gov.cn/art/2025/1/17/art_1229850027_97998.html": {"proactive.new_media"},
    "https://dingan.hainan.gov.cn/dinganzfxxgkzl/xz/lhz/gknb/202104/t20210417_2965295.html": {
        "proactive.website"
    },
    "https://www.cqyz.gov.cn/zwgk_229/zfxxgknan_ew/2020_504392/qzfbgs/202601/t20260129_15364021.html": {
        "applications.received"
    },
    "https://www.cqyz.gov.cn/bm_229/zqjfbzyswqglwyh/zwgk_97157/zfxxgknb_97166/202101/t20210128_8832642.html": {
        "proposals.count"
    },
    "http://tpsnm.com/xwzx/ztzl/zfxxgknb/2023/gzj/bdjd/1.html": {"normative.issued"},
    "https://public.zzsj.gov.cn/D42Y/4678298.jhtml": {"proactive.total"},
    "http://www.ruian.gov.cn/module/xxgk/xxgkAnnualReport.jsp?area=001008003004069&fbtime=2024": {
        "applications.received"
    },
    "https://linxia.gov.cn/lxz/zwgk/zfxxgknb/2023/zzfgbm/art/2024/art_71f6e9baac51489b90371c94c70d244b.html": {
        "proactive.website"
    },
    "http://lycoop.linyi.cn/info/1097/4716.htm": {"proactive.new_media"},
    "http://taojiang.gov.cn/25076/25112/37254/37255/content_1500366.html": {"normative.issued"},
    "http://www.yaozhou.gov.cn/resources/site/153/html/yzgk/zfxxgknb/nbqzfgzbm/202401/833772.html": {
        "proactive.total"
    },
    "http://www.hanzhong.gov.cn/hzszf/zwgk/xxgknb/2020/sjbm/202102/490f56d5771a4f298b71acd31f984c0a.shtml": {
        "documents.published",
        "proactive.new_media",
        "proactive.website",
    },
    "https://www.gjzwxgk.com/amr/hzsjgj/gknb/202001/t20200103_624950": {
        "documents.published",
        "proactive.new_media",
        "proactive.website",
    },
    "https://bjxrth.com/fao/zwgk/ghjh/202101/t20210119_925905": {"documents.published"},
    "http://xianning.gov.cn/xxgk/xxgknb/2019/szbm/202001/t20200117_1909109.shtml": {"proactive.website"},
    "http://xialuqu.gov.cn/zwgk/xxgknb/2020n/202101/t20210125_758145.html": {"applications.received"},
    "http://www.pingdu.gov.cn/bmxxgkml_15/pdsylbzj_15/xxgkml_15/ndgzbg_15/202204/t20220423_5903002.shtml": {
        "proactive.new_media",
        "proactive.website",
    },
    "http://bva.jinan.gov.cn/art/2025/1/15/art_35198_4781738.html?xxgkhide=1": {"proactive.new_media"},
    "http://htx.gov.cn/htx/c114808/202401/d61d9141db284770946d5fc49772ac49.shtml": {"proactive.new_media"},
    "https://www.gz.gov.cn/zfjgzy/gzsrmzfbgt/zfxxgknb/bm/2020n/content/post_7059785.html": {
        "documents.published"
    },
    "https://thebolducs.com/OpennessAnnualReport/download/5077.html": {"proactive.new_media"},
    "http://www.jmdbq.gov.cn/art/2025/1/8/art_28091_1124470.html": {"proactive.total"},
    "http://www.lf.gov.cn/Item/117540.aspx": {"proactive.website"},
    "http://www.daishan.gov.cn/art/2022/1/28/art_1229076526_61753.html": {"proactive.new_media"},
    "http://jw.cq.gov.cn/zwgk_209/zfxxgknb/202401/t20240131_12886030_wap.html": {"proactive.total"},
    "http://tgflt.cn/haerbin/c107681/202301/c01_733888.shtml": {"applications.received"},
    "http://wglj.smx.gov.cn/10390/2026/1/2206615.html": {"proactive.new_media"},
    "http://sjj.trs.gov.cn/zfxxgk/zfxxgknb/2023n/": {"applications.received"},
    "http://dayueimage.com/zwgk/xxgk/hsslkz/zfxxgkgzndbg/content/post_2781552.html": {"documents.published"},
    "https://tjmarcaurele.com/gxq/xxgk/xxgkndbg/202301/t1221665.shtml": {
        "proactive.website",
        "proposals.count",
    },
    "https://tjmarcaurele.com/drc/xxxgk/xxgkndbg/202301/t1222134.shtml": {"documents.published"},
    "http://changtu.gov.cn/changtu/zwgk/zfxxgk/zfxxgknb99/2023n/xzfbmzfxxgkgzndbg/2025012410325479822/index.html": {
        "normative.issued"
    },
    "https://www.ningjin.gov.cn/content/39503.html": {"proactive.website"},
    "http://zfwb.cq.gov.cn/zwgk_162/zfxxgknb/202301/t20230130_11545071.html": {"fees.collected"},
    "http://www.xjwqx.gov.cn/xjwqx/c128570/202601/51371193541144ccb03682c001bdda67.shtml": {
        "proactive.total"
    },
    "https://fzgxq.fuzhou.gov.cn/zfxxgkzl/ndbg/202401/t20240110_4754276.htm": {"proactive.new_media"},
    "https://xxgk.shbsq.gov.cn/article.html?infoid=c4f73fb3-44df-4059-9b7f-8651c57f833a": {
        "documents.issued",
        "documents.published",
    },
    "https://www.bzqc.gov.cn/XxgkAnnualReport/show/6477.html": {"proactive.total"},
    "https://www.haicang.gov.cn/xx/zfxxgkzl/zfxxgknb/tyjrswj/202001/t20200117_724718.htm": {
        "proactive.total"
    },
    "http://ygdz.cngy.gov.cn/article_view.aspx?aid=1853": {"proactive.website"},
    "http://mckillo.com/xinjiang/c113421k/202301/030a16b02304483a9c6a13c58534900f.html": {
        "proactive.new_media"
    },
    "http://mzj.dazhou.gov.cn/xxgk-show-16835.html": {"normative.issued"},
    "https://sthjj.sxxz.gov.cn/xxgk/xxgknb/202102/t20210208_3601879.html": {"proactive.website"},
    "http://www.ljxq.gov.cn/bm/qsww/zwgk/zfxxgknb/202601/t20260130_15369867.html": {"normative.issued"},
    "https://dyrmt.com/article-138902-1.html": {"proactive.total"},
    "http://www.zjwy.gov.cn/art/2023/1/6/art_1229423290_4050802.html": {
        "proactive.new_media",
        "proactive.website",
    },
    "https://pinjiejiemufang.com/html/bandaotiyudianzi/gongsidongtai/626.html": {"proactive.new_media"},
    "https://m.listsmeifew.com/zwgk/bmhxzxxgkml/bm/sjtysj/zfxxgk/xxgknb/202201/t20220114_3964775.shtml": {
        "normative.issued"
    },
    "http://www.ny.gov.cn/module/xxgk/xxgkAnnualReport.jsp?area=113709210043498913&fbtime=2021&showType=2": {
        "proactive.website"
    },
    "https://www.gzhezhang.gov.cn/zwgk/zfxxgkzl/zfxxgknb/20231n/202402/t20240201_83662198.html": {
        "proactive.website"
    },
    "https://www.xinpianw.com/xgxxxgk/ccxbmnb/202401/f08ca552d1454a708441aca8a586eec2.shtml": {
        "proactive.website"
    },
    "https://www.by.gov.cn/zwgk/qzfxxgknb/zj/content/post_8041063.html": {"proactive.total"},
    "https://www.qingshan.gov.cn/qzfbm/zfpcjg/ghcj/zfxxgkgzndbg/202401/t20240119_2346458.shtml": {
        "applications.received"
    },
    "http://xphope.com/zwgk/zfxxgk/zfgbm/jyj/xxgknb/202101/t20210120_5329583.html": {"proactive.website"},
    "http://yz.sanya.gov.cn/yzqjyjsite/xxgknb/202101/6ced809a44a04d2489e815da6680d1e5.shtml": {
        "proactive.website"
    },
}
# url -> keys read with a value the report does not state for them.
KNOWN_WRONG: dict[str, set[str]] = {
    "http://www.fuxian.gov.cn/zfxxgk/zfxxgknb/xj/1882251480800149505.html": {"proactive.total"},
    "https://zgqingyang.gov.cn/gk/zfxxgk/xxgkndbg/2020n/szfzcbm3/content_175761": {"proactive.new_media"},
    "https://lyj.yaan.gov.cn/xinwen/show/b14f2b2f-01da-48f2-bda7-502c59a6d303.html": {"proactive.website"},
    "http://www.jintai.gov.cn/art/2023/1/18/art_10346_1584925.html": {"applications.received"},
    "https://www.taixing.gov.cn/zwgk/bmxxgk/nyncj/xxgknb/art/2026/art_d07cf2bdfaea42c783f6a5759e4e26d1.html": {
        "proactive.website"
    },
    "https://www.liyang.gov.cn/html/czly/2026/AQQEAIDE_0116/34540.html": {"proactive.total"},
    "http://xxgk-hj.cbs.gov.cn/zcbm/fgw_98042/ndbg/202601/t20260120_865727.html": {"proactive.website"},
    "http://www.chencang.gov.cn/art/2021/1/26/art_17375_1342605.html": {"proactive.total"},
    "http://guangdong.chinatax.gov.cn/gdswzz/gzbysw_xxgknb/2022-01/24/content_e22611b27efe49d8834cd1646b8ef472.shtml": {
        "proactive.total"
    },
    "https://public.zzgx.gov.cn/D42Y/6886238.jhtml": {"proactive.website"},
    "https://wlt.sc.gov.cn/scwlt/zfxxgkndbg2/2026/1/28/e850b3de0c3c4723853f53e1cc04521a.shtml": {
        "proactive.new_media"
    },
    "http://www.lianyun.gov.cn/lygslyqrmzfscjdbsc/zfxxgknb/content/d3b17f6f-0e49-4bd1-bccf-ebb3173f2576.html": {
        "proactive.total"
    },
    "http://heqing.gov.cn/dlrmzf/xxgkml/202503/e465a9d0187a452d82456b8afbe9c07a.shtml": {"normative.issued"},
    "https://www.wuchang.gov.cn/xxgk/xzspj/zfxxgknb/202601/t20260109_2709257.html": {"proactive.total"},
    "https://bjwhyl.com/zwgk/002005/002005002/002005002025/20230116/7981032b-760b-4487-b569-5499f220593e": {
        "proactive.website"
    },
    "http://www.lianyun.gov.cn/lygslyqrmzfscjdbsc/zfxxgknb/content/26bf67ae-14a6-4c6c-9f3a-877960cb282e.html": {
        "proactive.total"
    },
    "http://www.pingdu.gov.cn/bmxxgkml_15/pdsgaj_15/xxgkml_15/ndgzbg_15/202401/t20240116_7794358.shtml": {
        "proactive.total"
    },
    "https://cqstl.gov.cn/zwgk_171/zfxxgknb/qzfbm/qzfbgs/202301/t20230130_11545140.html": {"proactive.total"},
    "http://xizang.gov.cn/zwgk/xxgk_424/xxgknb/2020nb/202104/t20210409_199092.html": {
        "normative.issued",
        "proactive.website",
    },
    "http://tjj.ah.gov.cn/public/6981/146422691.html": {"proactive.total"},
    "https://ht.sanya.gov.cn/htqsite/xxgknb/202401/40df6b78343445ff816fb8d433c9dd04.shtml": {
        "proactive.new_media"
    },
    "https://www.qdnhp.gov.cn/xxgk/xxgknb/202502/t20250220_86926858.html": {"review.count", "suit.count"},
    "http://www.zjtz.gov.cn/art/2025/1/16/art_1229199489_97496.html": {"proactive.new_media"},
    "https://www.wuchang.gov.cn/xxgk/sfzx/zfxxgknb/202601/t20260130_2721877.html": {"proactive.total"},
    "https://www.xsx.gov.cn/zfbm/ylbzj/zfxxgk/zfxxgknb/202201/t20220128_81945429.html?isMobile=false": {
        "proactive.total"
    },
    "http://xiping.gov.cn/portal/zfxxgk/zfxxgknb/news/webinfo/2022/01/1647029629510885.htm": {
        "proactive.total"
    },
    "http://slt.gxzf.gov.cn/zfxxgk/xxgkndbg/t27172767.shtml": {"normative.issued", "proactive.website"},
    "http://www.yanliang.gov.cn/xxgk/bmxxgknb/6007a108f8fd1c2073eb9006.html": {"proactive.new_media"},
    "http://www.zjpy.gov.cn/art/2021/1/28/art_1229486740_50853.html": {"proactive.new_media"},
    "https://www.shenyang.gov.cn/zwgk/zfxxgkndgzbg/2025n/bmzfxxgkndbg2024/202601/t20260129_4978614.html": {
        "proactive.new_media"
    },
    "https://www.tjdl.gov.cn/gongkai/zfxxgkzl/zfgbm/dlqfgw/gknb/202601/t20260130_7235231.html": {
        "proactive.website"
    },
    "http://www.taizhou.gov.cn/zfxxgk/zfxxgknb/art/2026/art_683868698.html": {"proactive.total"},
    "https://www.yj.gov.cn/module/xxgk/xxgkAnnualReport.jsp?area=001008003014183&fbtime=2022": {
        "documents.published"
    },
    "http://www.yingshan.gov.cn/zwgk/zfxxgknbnew/xjbm/xsfj/202205/t20220506_1247276.html": {
        "normative.issued"
    },
    "http://whentby.com/html/HCS/202401/0170495898062751.html": {"normative.issued"},
    "https://www.shantou.gov.cn/stsjtyszhzfj/zwgk/zcfg/bmwj/content/post_2404019.html": {"proactive.total"},
    "http://www.hanzhong.gov.cn/hzszf/c101840ncce/202402/507c5e25f38041129b70739226822a81.shtml": {
        "proposals.count"
    },
    "https://www.scmxtz.com/zwgk/zjxxgk/tjjd/gknb/202201/t20220117_4239004.shtml": {"proactive.new_media"},
    "http://www.lntaian.gov.cn/html/TAZF/202101/0161188634669529.html": {"documents.issued"},
    "https://tongxin.gov.cn/zwgk/zfxxgknb/2021/bmzsjg/202201/t20220110_3278462.html": {"proactive.new_media"},
    "https://www.dean.gov.cn/zw/03/07/hdx_184344/zfxxgknb_184382/202301/t20230116_5911420.html": {
        "proactive.total"
    },
    "http://www.gzdr.gov.cn/gzdr/bmxxgknb/202003/a6f133cbb8be447db4d9233c4d551d18.shtml": {
        "proactive.website"
    },
    "http://www.qingdao.gov.cn/zwgk/xxgk/csgl/gzbg/202301/t20230129_6822818.shtml": {"proactive.total"},
    "https://shanghai.gov.cn/nw12344/20240329/d7775c906c0b402a93cbebf4e979c002.html": {"normative.issued"},
    "http://amr.hlj.gov.cn/amr/gknb/202401/c00_31704150.shtml": {"proactive.new_media"},
    "http://www.lianyun.gov.cn/lygslyqrmzfscjdbsc/zfxxgknb/content/235e4068-a906-4195-9b2b-3e9070ba1e73.html": {
        "proactive.total"
    },
    "https://hrss.tj.gov.cn/zhengwugongkai/zfxxgknew/zfxxgknbnew/202302/t20230213_6103989.html": {
        "proactive.total"
    },
    "http://sf.xm.gov.cn/zwgk/sfjxxgk/xxgkndbg/202501/t20250117_2913703.htm": {"review.count"},
    "http://gk.ziyang.gov.cn/year_details.aspx?dept=8&year=2023": {"proactive.website"},
    "https://www.bjdch.gov.cn/zfxxgkzl/zfxxgknb/2023nb/dcqzf2023/202403/t20240305_3580286.html": {
        "applications.received"
    },
    "http://www.qdn.gov.cn/zwgk_5871642/zfxxgk_5871649/zfxxgknb_5871697/2022n_5932848/202304/t20230417_79085442.html": {
        "proactive.total"
    },
    "https://yangling.gov.cn/zwgk/gknb/bmnb/1619593655548706818.html": {"proactive.website"},
    "http://www.jingzhouqu.gov.cn/xxgk/xxgkml/bmzfxxgknb/202202/t20220218_698433.shtml": {
        "proactive.website"
    },
    "http://www.tsqs.gov.cn/info/1082/16404.htm": {"proactive.total"},
    "http://www.lixia.gov.cn/gongkai/site_lixiaqulxqysjdbscam/channel_63899b0337599182826238d0/doc_69780e3c3b15ceb212c2a5bb.html": {
        "proactive.new_media"
    },
    "https://www.scanju.gov.cn/gongkai/show/aef646d86e226a4987af6f7c706e118a.html": {"proactive.total"},
    "https://xncz.gov.cn/info/4512/197132.htm": {"applications.received"},
    "http://gk.ziyang.gov.cn/year_details.aspx?dept=24&year=2023": {"proactive.website"},
    "http://www.jdzcjq.gov.cn/zwgk/zfxxgknb/2022n_1/t876963.shtml": {"proactive.total"},
    "http://www.kmxs.gov.cn/c/2026-02-03/7104080.shtml": {"proactive.new_media"},
    "http://www.ddk.gov.cn/bm/qwsjkw/zwgk_56869/zfxxgknb_56878/202601/t20260128_15360367.html": {
        "normative.issued"
    },
    "https://www.bjdch.gov.cn/zfxxgkzl/zfxxgknb/2019nb/dcqjd2019/202001/t20200120_2995341.html": {
        "proactive.new_media"
    },
    "http://www.yaozhou.gov.cn/resources/site/153/html/yzgk/zfxxgknb/nbqzfgzbm/202101/459854.html": {
        "proposals.count"
    },
    "http://www.hanzhong.gov.cn/hzszf/zwgk/xxgknb/2020/sjbm/202102/490f56d5771a4f298b71acd31f984c0a.shtml": {
        "proactive.total"
    },
    "https://www.gjzwxgk.com/amr/hzsjgj/gknb/202001/t20200103_624950": {"proactive.total"},
    "https://bjxrth.com/fao/zwgk/ghjh/202101/t20210119_925905": {"documents.issued"},
    "http://fgw.henan.gov.cn/2023/01-19/2677014.html": {"proposals.count"},
    "https://www.xsx.gov.cn/xzjdbsc/lcz/zfxxgk/zfxxgknb/202401/t20240126_83631298.html?isMobile=true": {
        "proactive.website"
    },
    "http://www.jmdbq.gov.cn/art/2025/1/8/art_28091_1124470.html": {"proactive.new_media"},
    "http://www.daishan.gov.cn/art/2022/1/28/art_1229076526_61753.html": {"proactive.website"},
    "http://szeb.sz.gov.cn/home/xxgk/zfxxgk/xxgknb/content/post_11104678.html": {"proactive.website"},
    "https://www.ningjin.gov.cn/content/39503.html": {"proactive.total"},
    "https://www.hegang.gov.cn/hegang/zxqgkndbg/202501/68226.shtml": {"proactive.new_media"},
    "https://www.tjhd.gov.cn/zwgk/zfxxgk/zfxxgkjz/tjkjdbsc1/zfxxgknb82/202401/t20240115_6508714.html": {
        "proactive.total"
    },
    "http://www.shqp.gov.cn/shqp/zwgk/gknb/zjd/20260119/1348924.html": {"proactive.total"},
    "http://www.nbhtz.gov.cn/art/2020/1/20/art_1229669626_25444.html": {"proactive.total"},
    "http://tyj.liuzhou.gov.cn/zwgk/zfxxgknb/t19700101_3416528.shtml": {"documents.published"},
    "http://tyj.cngy.gov.cn/News/Detail/cb186797-7c17-47cf-8097-4e3331d9a0fa.html": {"proposals.count"},
    "https://pinjiejiemufang.com/html/bandaotiyudianzi/gongsidongtai/626.html": {"proactive.total"},
    "http://www.cqkz.gov.cn/kz/fzhggwyh_7401812/zwgk_72016/zfxxgknb_72026/202301/t20230113_11498531.html": {
        "proactive.new_media"
    },
    "http://www.wenzhou.gov.cn/module/xxgk/xxgkAnnualReport.jsp?area=001008003015001&fbtime=2022": {
        "proactive.total"
    },
    "http://nyncj.xinxiang.gov.cn/Content/content/id/6122/cid/99.html": {"review.count", "suit.count"},
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
