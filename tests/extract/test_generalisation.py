"""Documents of other provinces, cities, counties and years: invented sentences in
the shapes that real reports use, read through the whole pipeline (load, metadata,
extract). Each case lists facts a reader takes from it and identities that must
not come out (a wrong role, period or fold). A case that expects nothing must
give nothing."""

from __future__ import annotations

from decimal import Decimal

import pytest

from planwatch.documents import load
from planwatch.extract import extract
from planwatch.extract.script import fold, is_traditional

# indicator, role, period, measure, value or text, unit, comparator
CASES = {
    "traditional characters": (
        "2015年某縣人民政府工作報告\n"
        "一、2014年工作回顧\n"
        "預計全年完成地區生產總值88億元,同比增長7%;城鎮居民人均可支配收入31000元,增長9%。\n"
        "二、2015年工作目標\n"
        "居民收入增長與經濟增長同步。\n",
        [("地区生产总值", "actual", "2014", "level", "88", "亿元", "="),
         ("地区生产总值", "actual", "2014", "growth", "7", "%", "="),
         ("城镇居民人均可支配收入", "actual", "2014", "level", "31000", "元", "="),
         ("居民人均可支配收入", "target", "2015", "growth", "經濟增長同步", None, None)],
        [],
    ),
    "county fiscal names": (
        "2020年某县人民政府工作报告\n"
        "一、2019年工作回顾\n"
        "全年财政收入21.5亿元,增长3.2%;地方级收入13亿元,增长1.1%。公共财政收入在上年基础上稳中有进。\n",
        [("公共财政总收入", "actual", "2019", "level", "21.5", "亿元", "="),
         ("公共财政总收入", "actual", "2019", "growth", "3.2", "%", "="),
         ("地方一般公共预算收入", "actual", "2019", "level", "13", "亿元", "="),
         ("地方一般公共预算收入", "actual", "2019", "growth", "1.1", "%", "=")],
        [],
    ),
    "catalogue keeps near names apart": (
        "2022年某县人民政府工作报告\n"
        "一、2021年工作回顾\n"
        "全县工业增加值增长5.1%,其中规模以上工业增加值增长8.3%。全部工业总产值300亿元,规模工业总产值260亿元。"
        "常住人口城镇化率达到58.2%,户籍人口城镇化率达到41.5%。"
        "粮食总产量36.5万吨。人口自然增长率为2.6‰。全年转移农村劳动力3.2万人。\n",
        [("规模以上工业增加值", "actual", "2021", "growth", "8.3", "%", "="),
         ("工业总产值", "actual", "2021", "level", "300", "亿元", "="),
         ("规模以上工业总产值", "actual", "2021", "level", "260", "亿元", "="),
         ("常住人口城镇化率", "actual", "2021", "level", "58.2", "%", "="),
         ("户籍人口城镇化率", "actual", "2021", "level", "41.5", "%", "="),
         ("粮食产量", "actual", "2021", "level", "36.5", "万吨", "="),
         ("人口自然增长率", "actual", "2021", "level", "2.6", "‰", "="),
         ("农村劳动力转移就业", "actual", "2021", "level", "3.2", "万人", "=")],
        [("工业增加值", "actual", "2021", "growth")],
    ),
    "a communique's sector parts are ordinary quantities": (
        "某县2021年国民经济和社会发展统计公报\n"
        "全年实现地区生产总值80亿元,增长6%。其中,第一产业增加值12亿元,增长3%;"
        "第二产业增加值30亿元,增长7%,其中工业增加值22亿元;第三产业增加值38亿元,增长6.5%。"
        "一般公共预算收入6亿元,其中税收收入4亿元。\n",
        [("地区生产总值", "actual", "2021", "level", "80", "亿元", "="),
         ("服务业增加值", "actual", "2021", "level", "38", "亿元", "="),
         ("地方一般公共预算收入", "actual", "2021", "level", "6", "亿元", "=")],
        [("第一产业增加值", "actual", "2021", "level"), ("第二产业增加值", "actual", "2021", "growth"),
         ("工业增加值", "actual", "2021", "level"), ("税收收入", "actual", "2021", "level")],
    ),
    "goals after 是 and a comma": (
        "2019年某省人民政府工作报告\n"
        "今年全省经济社会发展的主要预期目标是,地区生产总值增长7%左右,城镇登记失业率控制在4.5%以内。\n",
        [("地区生产总值", "target", "2019", "growth", "7", "%", "~"),
         ("城镇登记失业率", "target", "2019", "level", "4.5", "%", "<=")],
        [("地区生产总值", "actual", "2018", "growth"), ("城镇登记失业率", "actual", "2018", "level")],
    ),
    "a list of goals runs across sentences to a result or a paragraph that states none": (
        "刚刚过去的2020年,全市地区生产总值比上年增长3.1%。\n"
        "2021年主要预期目标是:地区生产总值增长6%。城镇新增就业5万人,城镇登记失业率控制在4.5%以内。"
        "全县经济排名前移2位。居民消费价格涨幅3%左右。全市规模以上工业增加值同比增长2%。\n"
        "为实现上述目标,要做好以下工作。\n"
        "全市城镇新增就业4.8万人。\n",
        [("地区生产总值", "actual", "2020", "growth", "3.1", "%", "="),
         ("地区生产总值", "target", "2021", "growth", "6", "%", "="),
         ("城镇新增就业", "target", "2021", "level", "5", "万人", "="),
         ("城镇登记失业率", "target", "2021", "level", "4.5", "%", "<="),
         ("居民消费价格指数", "target", "2021", "growth", "3", "%", "~"),
         ("规模以上工业增加值", "actual", "2020", "growth", "2", "%", "="),
         ("城镇新增就业", "actual", "2020", "level", "4.8", "万人", "=")],
        [("规模以上工业增加值", "target", "2021", "growth")],
    ),
    "■ headings without a colon and ● bullets": (
        "某省政府工作报告摘要\n"
        "某日报 2023年01月16日\n"
        "■ 2022年成绩单\n"
        "●预计全省地区生产总值增长4%左右\n"
        "■ 2023年经济社会发展的主要预期目标\n"
        "●地区生产总值增长6%左右\n"
        "●城镇新增就业60万人以上\n",
        [("地区生产总值", "actual", "2022", "growth", "4", "%", "~"),
         ("地区生产总值", "target", "2023", "growth", "6", "%", "~"),
         ("城镇新增就业", "target", "2023", "level", "60", "万人", ">=")],
        [("城镇新增就业", "actual", "2022", "level")],
    ),
    "a bare line of goals before —— bullets": (
        "2025年某县人民政府工作报告\n"
        "2025年经济社会发展的主要预期目标\n"
        "——地区生产总值增长6%左右;\n"
        "——城镇新增就业7000人以上。\n",
        [("地区生产总值", "target", "2025", "growth", "6", "%", "~"),
         ("城镇新增就业", "target", "2025", "level", "7000", "人", ">=")],
        [("地区生产总值", "actual", "2024", "growth")],
    ),
    "the date of the meeting line gives the years": (
        "政府工作报告\n"
        "——2020年1月8日在某县第十届人民代表大会第四次会议上\n"
        "各位代表:\n"
        "过去一年,全县地区生产总值完成120亿元,增长7.5%。\n",
        [("地区生产总值", "actual", "2019", "level", "120", "亿元", "="),
         ("地区生产总值", "actual", "2019", "growth", "7.5", "%", "=")],
        [],
    ),
    "a placeholder year gives no facts": (
        "各位代表:\n"
        "20XX年工作回顾\n"
        "20XX年,全县实现地区生产总值120亿元,增长6.5%。\n",
        [],
        [],
    ),
    "a quarterly release: every sentence is about the quarter": (
        "某县2024年一季度经济运行情况\n"
        "一季度,全县实现地区生产总值38亿元,增长5%。\n"
        "一、工业生产稳定\n"
        "全县规模以上工业增加值增长7%。\n"
        "二、消费市场回暖\n"
        "全县实现社会消费品零售总额12亿元,增长4.2%。\n",
        [("地区生产总值", "actual", "2024Q1", "level", "38", "亿元", "="),
         ("规模以上工业增加值", "actual", "2024Q1", "growth", "7", "%", "="),
         ("社会消费品零售总额", "actual", "2024Q1", "level", "12", "亿元", "=")],
        [("规模以上工业增加值", "actual", "2024", "growth"), ("社会消费品零售总额", "actual", "2024", "level")],
    ),
    "a work summary titled with its year plans that year": (
        "—— 2019 年某县政府工作摘要\n"
        "主要预期目标是:地区生产总值增长8%左右,一般公共预算收入增长6%。\n",
        [("地区生产总值", "target", "2019", "growth", "8", "%", "~"),
         ("地方一般公共预算收入", "target", "2019", "growth", "6", "%", "=")],
        [],
    ),
    "a year in the opening paragraph": (
        "2016年,全县经济运行稳中有进。全县地区生产总值完成80亿元,增长7%。\n",
        [("地区生产总值", "actual", "2016", "level", "80", "亿元", "="),
         ("地区生产总值", "actual", "2016", "growth", "7", "%", "=")],
        [("地区生产总值", "target", "2016", "level")],
    ),
    "goals in other wordings": (
        "2017年某省人民政府工作报告\n"
        "今年主要预期目标是:进出口保持稳定,人口自然增长率控制在5‰以内,农村劳动力转移就业80万人,"
        "完成省市下达的节能减排降碳等约束性指标。年内招商引资到位固定资产投资20亿元以上。\n",
        [("进出口总额", "target", "2017", "growth", "保持稳定", None, None),
         ("人口自然增长率", "target", "2017", "level", "5", "‰", "<="),
         ("农村劳动力转移就业", "target", "2017", "level", "80", "万人", "="),
         ("单位地区生产总值能源消耗", "target", "2017", "growth", "完成省市下达", None, None),
         ("主要污染物排放总量", "target", "2017", "growth", "完成省市下达", None, None),
         ("单位地区生产总值二氧化碳排放", "target", "2017", "growth", "完成省市下达", None, None)],
        [("全社会固定资产投资", "target", "2017", "level"), ("招商引资总额", "target", "2017", "level")],
    ),
    "今年 in a report given early in the year it plans": (
        "2022年某省人民政府工作报告\n"
        "今年发展面临的机遇大于挑战,预期地区生产总值增长5.5%。\n",
        [("地区生产总值", "target", "2022", "growth", "5.5", "%", "=")],
        [("地区生产总值", "target", "2021", "growth")],
    ),
    "a repost's date is not when the report was given": (
        "2021年某县人民政府工作报告\n"
        "发布时间:2023-05-06\n"
        "今年全县经济社会发展的主要预期目标是:地区生产总值增长8%左右。\n",
        [("地区生产总值", "target", "2021", "growth", "8", "%", "~")],
        [("地区生产总值", "target", "2023", "growth")],
    ),
    "results after 完成目标任务, are no goals": (
        "2019年某县人民政府工作报告\n"
        "一、2018年工作回顾\n"
        "全面完成县十届人大三次会议确定的目标任务,全县地区生产总值增长7.2%,城镇新增就业3200人。\n",
        [("地区生产总值", "actual", "2018", "growth", "7.2", "%", "="),
         ("城镇新增就业", "actual", "2018", "level", "3200", "人", "=")],
        [("地区生产总值", "target", "2019", "growth")],
    ),
    "a five-year review heading in a work report gives its span": (
        "某县政府工作报告\n"
        "——2021年1月10日在某县第五届人民代表大会第二次会议上\n"
        "一、“十三五”时期工作回顾\n"
        "五年来,全县地区生产总值由2015年的80亿元增加到2020年的120亿元,年均增长7.5%。\n"
        "二、2021年主要目标\n"
        "全县地区生产总值增长7%以上,城镇居民人均可支配收入增长7%。\n",
        [("地区生产总值", "actual", "2020", "level", "120", "亿元", "="),
         ("地区生产总值", "actual", "2016-2020", "growth", "7.5", "%", "="),
         ("地区生产总值", "target", "2021", "growth", "7", "%", ">="),
         ("城镇居民人均可支配收入", "target", "2021", "growth", "7", "%", "=")],
        [("地区生产总值", "actual", "2020", "growth")],
    ),
    "a total split by 分别 names its parts": (
        "2024年某县人民政府工作报告\n"
        "一、2023年工作回顾\n"
        "年末金融机构本外币存贷款余额分别达到300亿元、200亿元。全县存贷款余额突破500亿元。\n",
        [("金融机构本外币存款余额", "actual", "2023", "level", "300", "亿元", "="),
         ("金融机构本外币贷款余额", "actual", "2023", "level", "200", "亿元", "="),
         ("金融机构本外币存贷款余额", "actual", "2023", "level", "500", "亿元", ">")],
        [],
    ),
    "城乡常住 incomes split by 分别": (
        "2024年某县人民政府工作报告\n"
        "一、2023年工作回顾\n"
        "城乡常住居民人均可支配收入分别达到40000元和20000元,分别增长6%和8%。\n",
        [("城镇居民人均可支配收入", "actual", "2023", "level", "40000", "元", "="),
         ("农村居民人均可支配收入", "actual", "2023", "level", "20000", "元", "="),
         ("城镇居民人均可支配收入", "actual", "2023", "growth", "6", "%", "="),
         ("农村居民人均可支配收入", "actual", "2023", "growth", "8", "%", "=")],
        [("居民人均可支配收入", "actual", "2023", "level")],
    ),
    "a release on months 1 to 11": (
        "某县2023年1-11月经济运行简况\n"
        "1-11月,全县规模以上工业增加值同比增长6.2%。\n"
        "一、投资\n"
        "全县固定资产投资同比增长4%。\n",
        [("规模以上工业增加值", "actual", "2023M1-11", "growth", "6.2", "%", "="),
         ("全社会固定资产投资", "actual", "2023M1-11", "growth", "4", "%", "=")],
        [("全社会固定资产投资", "actual", "2023", "growth")],
    ),
    "goals in brackets and 建议为": (
        "2024年某市人民政府工作报告\n"
        "一、2023年工作回顾\n"
        "全市地区生产总值增长5.5%。\n"
        "【2024年主要预期目标】\n"
        "地区生产总值增长6%左右,城镇调查失业率5.5%以内。\n"
        "今年全市发展的主要预期目标建议为:一般公共预算收入增长5%。\n",
        [("地区生产总值", "actual", "2023", "growth", "5.5", "%", "="),
         ("地区生产总值", "target", "2024", "growth", "6", "%", "~"),
         ("城镇调查失业率", "target", "2024", "level", "5.5", "%", "<="),
         ("地方一般公共预算收入", "target", "2024", "growth", "5", "%", "=")],
        [("城镇调查失业率", "actual", "2023", "level")],
    ),
    "a plan of work for one year only plans": (
        "某县2024年经济工作要点\n"
        "主要目标:地区生产总值增长6%左右,固定资产投资增长8%。\n"
        "全县社会消费品零售总额增长7%。\n",
        [("地区生产总值", "target", "2024", "growth", "6", "%", "~"),
         ("全社会固定资产投资", "target", "2024", "growth", "8", "%", "="),
         ("社会消费品零售总额", "target", "2024", "growth", "7", "%", "=")],
        [("社会消费品零售总额", "actual", "2024", "growth"), ("地区生产总值", "target", "2025", "growth")],
    ),
    "results in a document framed only by the year it plans": (
        "某县2024年国民经济和社会发展计划\n"
        "预计全年全县地区生产总值增长5.2%,一般公共预算收入同比增长3%。\n"
        "全县2024年主要预期目标是:地区生产总值增长6%左右。\n"
        "全县规模以上工业增加值增长8%。\n"
        "力争全年社会消费品零售总额同比增长7%。\n",
        [("地区生产总值", "actual", "2023", "growth", "5.2", "%", "="),
         ("地方一般公共预算收入", "actual", "2023", "growth", "3", "%", "="),
         ("地区生产总值", "target", "2024", "growth", "6", "%", "~"),
         ("规模以上工业增加值", "target", "2024", "growth", "8", "%", "="),
         ("社会消费品零售总额", "target", "2024", "growth", "7", "%", "=")],
        [("地区生产总值", "target", "2024", "level")],
    ),
    "城乡 incomes with their pair of values before 分别": (
        "2024年某县人民政府工作报告\n"
        "一、2023年工作回顾\n"
        "城乡居民人均可支配收入40000元和20000元,分别增长6%和8%。城乡居民人均可支配收入增长7%。\n",
        [("城镇居民人均可支配收入", "actual", "2023", "level", "40000", "元", "="),
         ("农村居民人均可支配收入", "actual", "2023", "level", "20000", "元", "="),
         ("城镇居民人均可支配收入", "actual", "2023", "growth", "6", "%", "="),
         ("农村居民人均可支配收入", "actual", "2023", "growth", "8", "%", "="),
         ("居民人均可支配收入", "actual", "2023", "growth", "7", "%", "=")],
        [("居民人均可支配收入", "actual", "2023", "level")],
    ),
    "paired and distributive lists": (
        "2018年某县人民政府工作报告\n"
        "主要预期目标是:规模以上工业增加值、固定资产投资均增长12%左右,"
        "城镇和农村居民人均可支配收入分别增长7%和8%左右。\n",
        [("规模以上工业增加值", "target", "2018", "growth", "12", "%", "~"),
         ("全社会固定资产投资", "target", "2018", "growth", "12", "%", "~"),
         ("城镇居民人均可支配收入", "target", "2018", "growth", "7", "%", "~"),
         ("农村居民人均可支配收入", "target", "2018", "growth", "8", "%", "~")],
        [],
    ),
    "deposits and loans, each with its growth since the start of the year": (
        "2024年某县人民政府工作报告\n"
        "一、2023年工作回顾\n"
        "金融机构本外币存贷款余额分别达到300亿元、200亿元,比年初分别增长10%和12%。\n",
        [("金融机构本外币存款余额", "actual", "2023", "growth", "10", "%", "="),
         ("金融机构本外币贷款余额", "actual", "2023", "growth", "12", "%", "=")],
        [],
    ),
    "a growth since a base year and the average over the span": (
        "2021年某县人民政府工作报告\n"
        "一、2020年工作回顾\n"
        "2020年,全县一般公共预算收入完成9亿元,比2015年增长40%,年均增长7%。财政总收入与上年持平。\n",
        [("地方一般公共预算收入", "actual", "2020", "level", "9", "亿元", "="),
         ("地方一般公共预算收入", "actual", "2016-2020", "growth", "7", "%", "="),
         ("公共财政总收入", "actual", "2020", "growth", "0", "%", "=")],
        [("地方一般公共预算收入", "actual", "2015", "growth")],
    ),
    "progress against the year's plan, then the growth": (
        "关于某区2022年国民经济和社会发展计划执行情况与2023年计划草案的报告\n"
        "一、2022年国民经济和社会发展计划执行情况\n"
        "全区地区生产总值600亿元,完成年计划650亿元的92.3%(主要是工业未达预期),增长2.5%。"
        "固定资产投资200亿元,完成年计划250亿元的80%,下降10%。\n",
        [("地区生产总值", "actual", "2022", "level", "600", "亿元", "="),
         ("地区生产总值", "target", "2022", "level", "650", "亿元", "="),
         ("地区生产总值", "actual", "2022", "growth", "2.5", "%", "="),
         ("全社会固定资产投资", "target", "2022", "level", "250", "亿元", "="),
         ("全社会固定资产投资", "actual", "2022", "growth", "-10", "%", "=")],
        [("地区生产总值", "target", "2022", "growth")],
    ),
    "two incomes and one growth verb before a pair of values": (
        "2013年某县人民政府工作报告\n"
        "一、2012年工作回顾\n"
        "城镇居民人均可支配收入20000元,农村居民人均纯收入9000元,同比增长8.5%和13%。"
        "居民消费价格指数控制在3%以内。\n",
        [("城镇居民人均可支配收入", "actual", "2012", "growth", "8.5", "%", "="),
         ("农村居民人均可支配收入", "actual", "2012", "growth", "13", "%", "="),
         ("居民消费价格指数", "actual", "2012", "growth", "3", "%", "<=")],
        [],
    ),
    "a news report on the meeting, goals 如下 in numbered lines": (
        "某市政府工作报告发布\n"
        "2024-01-12 来源:某报\n"
        "报告回顾了过去一年的工作。全市地区生产总值增长5.1%。\n"
        "今年全市经济社会发展主要预期目标如下:\n"
        "1.地区生产总值增长6%左右;\n"
        "2.城镇新增就业2万人以上。\n"
        "报告还提出,要坚持稳中求进。\n",
        [("地区生产总值", "actual", "2023", "growth", "5.1", "%", "="),
         ("地区生产总值", "target", "2024", "growth", "6", "%", "~"),
         ("城镇新增就业", "target", "2024", "level", "2", "万人", ">=")],
        [],
    ),
    "经济增长 as GDP, not inside 与经济增长同步; new registrations": (
        "2025年某省人民政府工作报告\n"
        "今年经济社会发展的主要预期目标是:经济增长5%左右,居民收入增长与经济增长同步,"
        "第一产业增加值增长3.5%,新注册市场主体8万户以上。\n",
        [("地区生产总值", "target", "2025", "growth", "5", "%", "~"),
         ("居民人均可支配收入", "target", "2025", "growth", "经济增长同步", None, None),
         ("新增市场主体", "target", "2025", "level", "8", "万户", ">=")],
        [("市场主体总量", "target", "2025", "level"), ("第一产业增加值", "target", "2025", "growth")],
    ),
    "a first-year report: the last five years, the next five, this year": (
        "2021年某县人民政府工作报告\n"
        "一、过去五年工作回顾\n"
        "五年来,全县地区生产总值年均增长7.5%,2020年达到120亿元。\n"
        "二、今后五年的奋斗目标\n"
        "今后五年,全县地区生产总值年均增长6%以上,2025年达到160亿元。\n"
        "三、2021年工作安排\n"
        "今年全县经济社会发展的主要预期目标是:地区生产总值增长7%左右。\n",
        [("地区生产总值", "actual", "2016-2020", "growth", "7.5", "%", "="),
         ("地区生产总值", "actual", "2020", "level", "120", "亿元", "="),
         ("地区生产总值", "target", "2021-2025", "growth", "6", "%", ">="),
         ("地区生产总值", "target", "2025", "level", "160", "亿元", "="),
         ("地区生产总值", "target", "2021", "growth", "7", "%", "~")],
        [],
    ),
    "a quarterly release titled without its year, dated": (
        "一季度全县经济运行情况\n"
        "发布时间:2025-04-20\n"
        "一季度,全县实现地区生产总值30亿元,增长5%。全县固定资产投资增长6.5%。\n",
        [("地区生产总值", "actual", "2025Q1", "level", "30", "亿元", "="),
         ("全社会固定资产投资", "actual", "2025Q1", "growth", "6.5", "%", "=")],
        [("全社会固定资产投资", "actual", "2024", "growth")],
    ),
    "a PDF line wrapped inside a number": (
        "2020年某县人民政府工作报告\n"
        "一、2019年工作回顾\n"
        "预计全年城镇居民人均可支配收入35504元、增长8.7%,农村居民人均可支配收入17\n"
        "772元、增长8.5%,全年完成地方一般公共预算收入8.5亿元。\n",
        [("农村居民人均可支配收入", "actual", "2019", "level", "17772", "元", "="),
         ("农村居民人均可支配收入", "actual", "2019", "growth", "8.5", "%", "=")],
        [],
    ),
    "a PDF line wrapped inside a parenthesis, the line without commas": (
        "2020年某县人民政府工作报告\n"
        "一、2019年工作回顾\n"
        "基本完成县人大确定的目标任务。预计全年地区生产总值增长8%;固定资产投资(\n"
        "不含农户)增长15%;社会消费品零售总额增长9%。\n",
        [("地区生产总值", "actual", "2019", "growth", "8", "%", "="),
         ("全社会固定资产投资", "actual", "2019", "growth", "15", "%", "="),
         ("社会消费品零售总额", "actual", "2019", "growth", "9", "%", "=")],
        [],
    ),
    "the goals set at the start of the year under review": (
        "关于2023年某县国民经济和社会发展计划执行情况与2024年计划草案的报告\n"
        "一、2023年计划执行情况\n"
        "年初县人代会确定的主要预期目标是:地区生产总值增长6.5%。全年预计完成6%。\n",
        [("地区生产总值", "target", "2023", "growth", "6.5", "%", "=")],
        [("地区生产总值", "target", "2024", "growth")],
    ),
    "a line that reports goals met opens no list": (
        "2019年某县人民政府工作报告\n"
        "一、2018年工作回顾\n"
        "全面完成年度目标任务\n"
        "全县地区生产总值增长7.2%。\n",
        [("地区生产总值", "actual", "2018", "growth", "7.2", "%", "=")],
        [("地区生产总值", "target", "2019", "growth")],
    ),
    "a communique published the next year: its 今年 is the year it reports": (
        "某县2023年国民经济和社会发展统计公报\n"
        "发布时间:2024-03-20\n"
        "今年全县地区生产总值120亿元,比上年增长5%。\n",
        [("地区生产总值", "actual", "2023", "level", "120", "亿元", "="),
         ("地区生产总值", "actual", "2023", "growth", "5", "%", "=")],
        [("地区生产总值", "actual", "2024", "level")],
    ),
    "an annual plan report without a date: 今年 is each section's year": (
        "关于2023年某县国民经济和社会发展计划执行情况与2024年计划草案的报告\n"
        "一、2023年计划执行情况\n"
        "今年全县地区生产总值预计增长6%。\n"
        "二、2024年计划草案\n"
        "今年全县地区生产总值预期增长6.5%。\n",
        [("地区生产总值", "actual", "2023", "growth", "6", "%", "="),
         ("地区生产总值", "target", "2024", "growth", "6.5", "%", "=")],
        [("地区生产总值", "actual", "2024", "growth")],
    ),
    "goals phrased 比上年增长 stay goals": (
        "2013年某县人民政府工作报告\n"
        "今年全县经济社会发展的主要预期目标是:地区生产总值比上年增长12%。"
        "地方财政收入比上年增长15%。去年全县地区生产总值增长13%。\n",
        [("地区生产总值", "target", "2013", "growth", "12", "%", "="),
         ("地方一般公共预算收入", "target", "2013", "growth", "15", "%", "="),
         ("地区生产总值", "actual", "2012", "growth", "13", "%", "=")],
        [("地方一般公共预算收入", "actual", "2012", "growth")],
    ),
    "the tasks after the goals, under 重点抓好以下工作:": (
        "政府工作报告\n"
        "——2024年1月10日在某县第十届人民代表大会第三次会议上\n"
        "各位代表:\n"
        "过去一年,全县地区生产总值增长6.2%。\n"
        "今年政府工作的总体要求是:坚持稳中求进。主要预期目标是:地区生产总值增长6.5%左右。\n"
        "重点抓好以下工作:\n"
        "(一)扩大有效投资。固定资产投资增长10%。\n",
        [("地区生产总值", "actual", "2023", "growth", "6.2", "%", "="),
         ("地区生产总值", "target", "2024", "growth", "6.5", "%", "~"),
         ("全社会固定资产投资", "target", "2024", "growth", "10", "%", "=")],
        [("全社会固定资产投资", "actual", "2023", "growth")],
    ),
    "numbered headings that say only their year": (
        "三明市2022年某区政府工作报告\n"
        "一、2021年主要工作\n"
        "全区实现地区生产总值300亿元,增长7%。\n"
        "二、2022年主要工作\n"
        "全区地区生产总值增长6%左右,固定资产投资增长10%。\n",
        [("地区生产总值", "actual", "2021", "growth", "7", "%", "="),
         ("地区生产总值", "target", "2022", "growth", "6", "%", "~"),
         ("全社会固定资产投资", "target", "2022", "growth", "10", "%", "=")],
        [("全社会固定资产投资", "actual", "2021", "growth")],
    ),
    "wordings of goals: 上涨幅度, 基本上同步, 约为, 农民人均收入, shares and energy tasks": (
        "2022年某省人民政府工作报告\n"
        "今年主要预期目标是:居民消费价格上涨幅度控制在3%左右,居民收入增长与经济增长基本上同步,"
        "研发支出占地区生产总值比重达到2.5%左右,空气质量优良天数占比达到90%,农民人均收入达到1.8万元,"
        "节能减排、降碳指标完成国家及省定目标,粮食产量保持在300万吨以上;完成国家下达的节能减排任务。"
        "到2025年,全省GDP约为5万亿元。\n",
        [("居民消费价格指数", "target", "2022", "growth", "3", "%", "~"),
         ("居民人均可支配收入", "target", "2022", "growth", "经济增长基本上同步", None, None),
         ("研究与试验发展经费投入强度", "target", "2022", "level", "2.5", "%", "~"),
         ("空气质量优良天数比率", "target", "2022", "level", "90", "%", "="),
         ("农村居民人均可支配收入", "target", "2022", "level", "1.8", "万元", "="),
         ("单位地区生产总值二氧化碳排放", "target", "2022", "growth", "完成国家及省定目标", None, None),
         ("主要污染物排放总量", "target", "2022", "growth", "完成国家及省定目标", None, None),
         ("地区生产总值", "target", "2025", "level", "5", "万亿元", "~")],
        [("粮食产量", "target", "2022", "growth")],
    ),
    "a plan's review of the last plan, in PDF text with spaces": (
        "某市国民经济和社会发展第十四个五年规划和二〇三五年远景目标纲要\n"
        "2020 年,全市 地区生产总值为 300.5 亿元。“十三五”期间,全市社会消费品零售总额年均 增长 8.1%。"
        "常住人口人 均 GDP 从 2015 年的 42000 元增长到 2020 年的 58000 元。"
        "全 员劳动生产率从 2015 年的 7.5 万元/人增长到 2020 年的 10.2 万元/人,年均递增 6.3%。\n"
        "“十四五”时期(2021年至2025年)的主要目标:\n"
        "地区生产总值年均增长7%左右,居民收入增长与经济增长基本同步。\n",
        [("地区生产总值", "actual", "2020", "level", "300.5", "亿元", "="),
         ("社会消费品零售总额", "actual", "2016-2020", "growth", "8.1", "%", "="),
         ("人均地区生产总值", "actual", "2015", "level", "42000", "元", "="),
         ("人均地区生产总值", "actual", "2020", "level", "58000", "元", "="),
         ("全员劳动生产率", "actual", "2015", "level", "7.5", "万元/人", "="),
         ("全员劳动生产率", "actual", "2020", "level", "10.2", "万元/人", "="),
         ("全员劳动生产率", "actual", "2016-2020", "growth", "6.3", "%", "="),
         ("地区生产总值", "target", "2021-2025", "growth", "7", "%", "~"),
         ("居民人均可支配收入", "target", "2021-2025", "growth", "经济增长基本同步", None, None)],
        [("地区生产总值", "target", "2025", "level"), ("地区生产总值", "actual", "2015", "level"),
         ("全员劳动生产率", "actual", "2020", "growth"), ("居民人均可支配收入", "target", "2021", "growth")],
    ),
    "a review headed by the plan's name, lines wrapped short": (
        "2021年某市人民政府工作报告\n"
        "十三五工作回顾\n"
        "过去的五年,是全市砥砺前行的五年,也是各项事业全面进步的五年\n"
        "。2020年全市地区生产总值达到300亿元,年均增长5.5%。\n",
        [("地区生产总值", "actual", "2020", "level", "300", "亿元", "="),
         ("地区生产总值", "actual", "2016-2020", "growth", "5.5", "%", "=")],
        [("地区生产总值", "actual", "2020", "growth")],
    ),
    "a heading that reports goals met is a review": (
        "2024年某省政府工作报告摘要\n"
        "■ 2023年目标任务圆满完成\n"
        "●全省地区生产总值增长5.5%\n"
        "■ 2024年主要预期目标\n"
        "●地区生产总值增长5%左右\n",
        [("地区生产总值", "actual", "2023", "growth", "5.5", "%", "="),
         ("地区生产总值", "target", "2024", "growth", "5", "%", "~")],
        [("地区生产总值", "target", "2023", "growth")],
    ),
}


def _load(tmp_path, text: str):
    path = tmp_path / "invented.txt"
    path.write_text(text, encoding="utf-8")
    return load(path)


def _row(fact) -> tuple:
    shown = fact.text if fact.value is None else fact.value
    return (fact.indicator, fact.role, fact.period, fact.measure, shown, fact.unit, fact.comparator)


def _expected(row: tuple) -> tuple:
    value = row[4] if row[5] is None else Decimal(row[4])
    return (*row[:4], value, *row[5:])


def test_a_stretch_word_after_a_name_is_that_name_s_alone(tmp_path):
    text = ("2013年某省人民政府工作报告\n"
            "今年主要预期目标是,进出口总额力争增长8%左右,城镇新增就业100万人。"
            "力争全年社会消费品零售总额增长12%,其中网上零售额增长20%。\n")
    stretch = {f.indicator: f.stretch for f in extract(_load(tmp_path, text))}
    assert stretch == {"进出口总额": True, "城镇新增就业": False, "社会消费品零售总额": True}


@pytest.mark.parametrize("case", sorted(CASES))
def test_other_regions_documents_give_the_facts_a_reader_takes(case, tmp_path):
    text, expected, unwanted = CASES[case]
    document = _load(tmp_path, text)
    facts = extract(document)
    got = {_row(f) for f in facts}
    assert [row for row in map(_expected, expected) if row not in got] == []
    assert expected or facts == []
    assert [f.identity for f in facts if f.identity in set(unwanted)] == []
    for fact in facts:
        assert document.text[fact.start:fact.end], fact


def test_traditional_fold_keeps_every_offset():
    text = "預計全年完成地區生產總值88億元,同比增長7%。"
    assert is_traditional(text)
    assert fold(text) == "预计全年完成地区生产总值88亿元,同比增长7%。"
    assert len(fold(text)) == len(text)


def test_simplified_text_is_not_folded():
    assert not is_traditional("预计全年完成地区生产总值88亿元,同比增长7%。乾隆年间的旧城区改造完成。")
