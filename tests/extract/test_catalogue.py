"""The indicator catalogue and the grammar words, as tables of name as written -> meaning."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from planwatch.extract import catalogue
from planwatch.extract.catalogue import normalise
from planwatch.errors import SettingsError
from planwatch.evaluate.vocabulary import lower_is_better
from planwatch.extract.grammar import grammar
from planwatch.extract.names import find_mentions

LOOKUPS = [
    # name as written (table row, heading)      standard name
    ("地区生产总值 (简称“GDP”)", "地区生产总值"),
    ("GDP", "地区生产总值"),
    # older plans' and reports' names (十五/十一五 plans, term reviews, Shanghai's target list)
    ("转移农业劳动力", "农村劳动力转移就业"),
    ("单位工业增加值用水量", "万元工业增加值用水量"),
    ("农业灌溉用水有效利用系数", "农田灌溉水有效利用系数"),
    ("城镇基本养老保险覆盖人数", "城镇参加基本养老保险人数"),
    ("全国总人口", "常住人口"),
    ("价格总水平", "居民消费价格指数"),
    ("旅游外汇收入", "旅游外汇收入"),
    ("国内旅游收入", "国内旅游收入"),
    ("单位GDP水耗", "万元地区生产总值用水量"),
    ("单位GDP建设用地使用面积", "单位地区生产总值建设用地使用面积"),
    ("技术合同交易总额", "技术合同成交额"),
    ("每千人口拥有3岁以下婴幼儿托位", "每千人口拥有3岁以下婴幼儿托位数"),
    ("非化石能源消费占比", "非化石能源占一次能源消费比重"),
    ("环保投入相当于全市生产总值的比例", "环保投入相当于地区生产总值的比例"),
    ("外贸进出口总额", "进出口总额"),
    ("外贸出口总额", "出口总额"),
    ("外商直接投资（FDI）", "外商直接投资"),
    ("实际使用外资金额", "实际利用外资"),
    ("新增“四上”企业", "新增四上企业"),
    ("“四上”企业总量", "四上企业数"),
    ("单位地区生产总值能耗 降低率", "单位地区生产总值能源消耗"),
    ("城镇常驻居民人均可支配收入", "城镇居民人均可支配收入"),
    ("农村常住居民人均可支配收入", "农村居民人均可支配收入"),
    ("全体居民人均可支配收入", "居民人均可支配收入"),
    ("研究与试验发展经费投入强度(%)", "研究与试验发展经费投入强度"),
    ("R&D经费投入强度", "研究与试验发展经费投入强度"),
    ("每万人口高价值发明专利拥有量（件）", "每万人口高价值发明专利拥有量"),
    ("数字经济核心产业增加值占GDP比重", "数字经济核心产业增加值占地区生产总值比重"),
    ("每千人口拥有执业（助理）医师数", "每千人口拥有执业(助理)医师数"),
    ("地表水达到或好于Ⅲ类水体比例", "地表水达到或好于III类水体比例"),
    ("万元GDP用水量", "万元地区生产总值用水量"),
    ("细颗粒物（PM2.5）年均浓度", "PM2.5浓度"),
    ("PM_2.5年均浓度", "PM2.5浓度"),   # a subscript's underscore in converted text
    ("PM_10平均浓度", "PM10浓度"),
    ("新登记市场主体", "新增市场主体"),
    ("市场主体净增", "净增市场主体"),
    ("高新技术企业认定数", "新增高新技术企业"),
    ("高新技术企业总数", "高新技术企业数"),
    ("全社会研发经费支出占地区生产总值的比重（%）", "研究与试验发展经费投入强度"),
    ("民营经济增加值占GDP的比重(%)", "民营经济增加值占地区生产总值比重"),
    ("贫困村销号", "贫困村退出"),
    ("财政总支出", "一般公共预算支出"),
    ("固定资产投资总额", "全社会固定资产投资"),
    ("财政投入民生事业", "民生支出"),
    ("民生投入占财政支出", "民生支出占一般公共预算支出比重"),
    # older and local names (issue 8): a report of a provincial capital, city reports of the 2010s
    ("辖内财政收入", "辖内财政收入"),
    ("专利申请数", "专利申请量"),
    ("发明专利申请量", "发明专利申请量"),
    ("高新技术产品增加值", "高新技术产业增加值"),
    ("服务外包业务量", "服务外包业务总量"),
    ("社保参保率", "社会保险参保率"),
    ("养老保险覆盖面", "基本养老保险参保率"),
    ("医疗保险覆盖面", "基本医疗保险参保率"),
    ("固定宽带家庭普及率", "家庭宽带普及率"),
    ("规模以上固定资产投资", "全社会固定资产投资"),
    ("服务业占GDP比重", "服务业增加值占地区生产总值比重"),
    ("第三产业占地区生产总值比重", "服务业增加值占地区生产总值比重"),
    # names of reports around 2010 (tune4 keys)
    ("转移农村富余劳动力", "农村劳动力转移就业"),
    ("新增城镇就业岗位", "城镇新增就业"),
    ("高技术产业投资", "高新技术产业投资"),
    ("农民收入", "农村居民人均可支配收入"),
    ("消费品零售总额", "社会消费品零售总额"),
    ("社消总额", "社会消费品零售总额"),
    ("游客接待人数", "旅游接待人次"),
    ("居民消费品价格", "居民消费价格指数"),
    ("居民消费品价格指数", "居民消费价格指数"),
    ("城乡常住居民人均收入", "居民人均可支配收入"),
    ("引进内资实际到位资金", "实际利用内资"),
    ("引进内资到位资金", "实际利用内资"),
    ("空气质量良好以上天数", "空气质量优良天数"),
    ("良好以上天数", "空气质量优良天数"),
    ("高技术工业增加值", "高技术产业增加值"),
    ("非公有制经济完成增加值", "非公有制经济增加值"),
    ("非公有制经济实现增加值", "非公有制经济增加值"),
    # city reports of the corpus (tune5): 黔东南州 2018 and others
    ("接待游客总人次", "旅游接待人次"),
    ("游客总人次", "旅游接待人次"),
    ("文化旅游投资", "旅游投资"),
    ("投入民生资金", "民生支出"),
    ("城乡人均可支配收入", "居民人均可支配收入"),
    ("农村人均可支配收入", "农村居民人均可支配收入"),
    ("失业再就业", "失业人员再就业"),
    # devset city reports of a Tibetan city and two new-term reports (tune6), each name in several corpus reports
    ("农牧民转移就业", "农村劳动力转移就业"),
    ("农牧区劳动力转移就业", "农村劳动力转移就业"),
    ("全民参保率", "社会保险参保率"),
    ("每千人床位数", "每千人口医疗卫生机构床位数"),
    ("农业科技贡献率", "农业科技进步贡献率"),
    ("地表水考核断面优良率", "地表水达到或好于III类水体比例"),
    ("考核断面水质优良率", "地表水达到或好于III类水体比例"),
]


@pytest.mark.parametrize("written, standard", LOOKUPS)
def test_names_as_written_find_their_indicator(written, standard):
    assert catalogue.lookup(written).name == standard


# Invented phrases, one per class of name real reports use: the standard name each one reads as.
PHRASES = [
    # fiscal names, current and historical
    ("全县地方财政总收入增长8%", "公共财政总收入"),
    ("完成公共财政预算收入12亿元", "地方一般公共预算收入"),
    ("地方财政一般预算收入达到9亿元", "地方一般公共预算收入"),
    ("财政公共预算收入增长12%", "地方一般公共预算收入"),
    ("公共预算收入增长10%", "地方一般公共预算收入"),
    ("农村常住居民人均收入增长9%", "农村居民人均可支配收入"),
    ("主要污染物总量减排任务全面完成", "主要污染物排放总量"),
    ("全国财政收入突破6万亿元", "全国一般公共预算收入"),
    ("贫困发生率降至0.12%", "贫困发生率"),
    ("每万人有效发明专利拥有量23.6件", "每万人口发明专利拥有量"),
    ("“十三五”时期经济年均增长保持在6.5%以上", "地区生产总值"),
    ("新认定国家高新技术企业560家", "新增高新技术企业"),
    ("财政赤字率按3%安排", "赤字率"),
    # national documents
    ("单位国内生产总值能耗下降3%", "单位地区生产总值能源消耗"),
    ("单位国内生产总值二氧化碳排放量降低4%", "单位地区生产总值二氧化碳排放"),
    ("人均国内生产总值达到1万美元", "人均地区生产总值"),
    ("化学需氧量排放量减少2%", "化学需氧量排放量"),
    ("二氧化硫排放量下降3%", "二氧化硫排放量"),
    # investment by who invests and in what
    ("区本级固定资产投资完成30亿元", "本级固定资产投资"),
    ("市本级固定资产投资增长5%", "本级固定资产投资"),
    ("基础设施投资增长6%", "基础设施投资"),
    ("交通投资完成120亿元", "交通基础设施投资"),
    ("水利建设投资40亿元", "水利投资"),
    ("制造业投资增长9%", "制造业投资"),
    ("民间投资占比达到60%", "民间投资占固定资产投资比重"),
    # capital from elsewhere
    ("招商引资到位资金增长10%", "招商引资到位资金"),
    ("引进省外到位资金200亿元", "实际利用内资"),
    ("注册外资实际到账2亿美元", "实际利用外资"),
    ("产业项目到位资金30亿元", "产业项目到位资金"),
    # prices, incomes, poverty
    ("居民消费价格 涨幅控制在3%左右", "居民消费价格指数"),
    ("农民人均纯收入增长12%", "农村居民人均纯收入"),
    ("农牧民人均纯收入达到8000元", "农村居民人均纯收入"),
    ("城乡居民收入比缩小到2.1", "城乡居民收入比"),
    ("城乡居民收入倍差缩小", "城乡居民收入比"),
    ("脱贫人口人均纯收入增长11%", "脱贫人口人均纯收入"),
    ("全年减少农村贫困人口2.1万人", "农村贫困人口脱贫"),
    ("累计减贫12万人", "农村贫困人口脱贫"),
    ("全年脱贫人口1.5万人", "农村贫困人口脱贫"),
    # health insurance then and now
    ("新农合参合率达到98%", "新型农村合作医疗参合率"),
    ("新型农村合作医疗参合率保持在95%以上", "新型农村合作医疗参合率"),
    ("166万农民参加新型农村合作医疗，参合率达96%", "新型农村合作医疗参合率"),
    ("接待海内外游客3288万人次", "旅游接待人次"),
    ("实际到位外资26亿美元", "实际利用外资"),
    ("财政用于民生领域支出占比提高至80%", "民生支出占一般公共预算支出比重"),
    ("力争省考以上断面优Ⅲ比例稳定达到100%", "地表水达到或好于III类水体比例"),
    ("单位 GDP能耗下降 3%", "单位地区生产总值能源消耗"),  # a space before a Latin word, as newspapers print it
    ("研发支出与地区生产总值之比达1%", "研究与试验发展经费投入强度"),
    ("城乡居民人均可支配收入之比下降到3.04", "城乡居民收入比"),
    ("输转农村劳动力69.28万人", "农村劳动力转移就业"),
    ("全市粮食播面达68.8万亩", "粮食播种面积"),
    ("国省考断面水质优Ⅲ比例达到90%", "地表水达到或好于III类水体比例"),
    ("引进市外境内资金850亿元", "实际利用内资"),
    ("非公有经济占地区生产总值60.1%", "非公有制经济增加值占地区生产总值比重"),
    ("基本医保参保率稳定在95%", "基本医疗保险参保率"),
    ("城乡三项医疗保险参保率达到96%", "城乡三项医疗参保率"),
    ("养老保险参保率达到90%", "基本养老保险参保率"),
    # environment
    ("主要污染物排放总量完成省下达任务", "主要污染物排放总量"),
    ("空气质量优良天数比例达到85%", "空气质量优良天数比率"),
    ("环境空气质量优良天数比例提高2个百分点", "空气质量优良天数比率"),
    ("地表水国考断面水质优良率达到90%", "地表水达到或好于III类水体比例"),
    ("近岸海域水质优良比例达到85%", "近岸海域水质优良比例"),
    ("林木覆盖率达到24%", "林木覆盖率"),
    ("草原综合植被盖度稳定在45%", "草原综合植被盖度"),
    ("受污染耕地安全利用率达到93%", "受污染耕地安全利用率"),
    ("规上工业单位增加值能耗下降4%", "规模以上工业单位增加值能耗"),
    # innovation and the digital economy
    ("R&D经费支出占GDP比重达到2.5%", "研究与试验发展经费投入强度"),
    ("全社会研发投入占GDP比重2.4%", "研究与试验发展经费投入强度"),
    ("研究与试验发展（R&D）经费投入强度达到2%", "研究与试验发展经费投入强度"),
    ("研发强度提高到3%", "研究与试验发展经费投入强度"),
    ("全社会研发投入增长12%", "全社会研发经费投入"),
    ("数字经济核心产业增加值增长15%", "数字经济核心产业增加值"),
    ("数字经济核心产业营收突破千亿元", "数字经济核心产业营业收入"),
    ("数字经济占GDP比重达到40%", "数字经济增加值占地区生产总值比重"),
    ("发明专利授权量增长20%", "发明专利授权量"),
    ("科技进步贡献率达到60%", "科技进步贡献率"),
    ("规上高新技术企业达到500家", "规模以上高新技术企业数"),
    ("战新产业产值增长15%", "战略性新兴产业产值"),
    # sectors, shares and contributions
    ("金融业增加值增长6%", "金融业增加值"),
    ("建筑业总产值达到300亿元", "建筑业总产值"),
    ("民营经济增加值占比达到55%", "民营经济增加值占地区生产总值比重"),
    ("规上服务业营业收入增长9%", "规模以上服务业营业收入"),
    ("规上工业企业利润增长7%", "规模以上工业企业利润"),
    ("服务业对经济增长贡献率达到60%", "第三产业对地区生产总值增长贡献率"),
    ("消费对经济增长贡献率超过60%", "消费对经济增长贡献率"),
    ("服务业在国内生产总值中的比重达到50%", "服务业增加值占国内生产总值比重"),
    ("社会融资规模增长9%", "社会融资规模"),
    ("旅游总花费增长9%", "旅游总收入"),
    ("游客总花费达到80亿元", "旅游总收入"),
    ("总花费突破百亿元", "旅游总收入"),
    ("接待游客数量增长7%", "旅游接待人次"),
    ("服务业企业营收年均增长8%", "规模以上服务业营业收入"),
    ("信贷规模突破5000亿元", "金融机构本外币贷款余额"),
    ("企业主体超过20万户", "企业数量"),
    ("失业人员实现再就业1.2万人", "失业人员再就业"),
    ("就业困难人员实现就业3000人", "就业困难人员再就业"),
    ("农村富余劳动力转移就业2万人", "农村劳动力转移就业"),
    ("高新产业增加值增长9%", "高新技术产业增加值"),
    ("新型农村合作医疗制度覆盖90万人", "新型农村合作医疗参合人数"),
    ("国内游客接待人次增长6%", "国内旅游人次"),
    ("劳务输转城乡富余劳动力50万人", "农村劳动力转移就业"),
    # older and local wordings of the same indicators
    ("城市居民人均可支配收入达到11230元", "城镇居民人均可支配收入"),
    ("引入国内资金155亿元", "实际利用内资"),
    ("引进到位资金1000亿元以上", "招商引资到位资金"),
    ("普惠性幼儿园占比提高到93%以上", "普惠性幼儿园在园幼儿占比"),
    ("一产增长5.3%", "第一产业增加值"),
    ("二产增长7%", "第二产业增加值"),
    ("三产增长5.5%", "服务业增加值"),
    ("单位生产总值综合能耗降低4%", "单位地区生产总值能源消耗"),
    ("安置城镇就业再就业11万人", "城镇新增就业"),
    ("城镇职工和城镇居民基本医疗保险参保4亿人", "基本医疗保险参保人数"),
    ("非公有制经济占GDP的比重达到48%", "非公有制经济增加值占地区生产总值比重"),
    ("国际收支状况改善", "国际收支"),
    # 安全保障
    ("粮食播种面积稳定在500万亩", "粮食播种面积"),
    ("粮食种植面积稳定在120万亩", "粮食播种面积"),
    ("原煤产量达到1亿吨", "原煤产量"),
]


@pytest.mark.parametrize("phrase, standard", PHRASES)
def test_names_in_phrases_read_as_their_standard_name(phrase, standard):
    assert [indicator.name for _, _, indicator in catalogue.mentions(phrase)][:1] == [standard]


ENERGY, CARBON, POLLUTANTS = "单位地区生产总值能源消耗", "单位地区生产总值二氧化碳排放", "主要污染物排放总量"


@pytest.mark.parametrize("phrase, expected", [
    # 减污 is pollutant emissions as 降碳 is carbon intensity; compounds of the two stand for both
    ("节能减排减污降碳指标完成省下达目标", {ENERGY, CARBON, POLLUTANTS}),
    ("完成上级下达的降碳减排任务", {CARBON, POLLUTANTS}),
    ("减排降碳约束性指标全面完成", {CARBON, POLLUTANTS}),
    ("减污降碳任务超额完成", {CARBON, POLLUTANTS}),
    # a bare 减排 is a task word (工程减排, 治污减排), no indicator
    ("推进工程减排、管理减排", set()),
])
def test_saving_and_reduction_compounds_name_each_indicator(phrase, expected):
    assert {indicator.name for _, _, indicator in catalogue.mentions(phrase)} == expected


def test_counted_names_belong_to_main_indicators_with_a_unit():
    counted = catalogue.counted()
    assert counted["贫困村出列"].name == "贫困村退出" and counted["县摘帽"].name == "贫困县摘帽"
    assert all(indicator.main and indicator.unit for indicator in counted.values())


@pytest.mark.parametrize("written, category", [("粮食播种面积", "安全保障"), ("原煤产量", "安全保障"),
                                               ("能源综合生产能力", "安全保障"), ("林草覆盖率", "绿色生态")])
def test_indicators_sit_in_the_14th_plan_categories(written, category):
    assert catalogue.get(written).category == category


@pytest.mark.parametrize("written", ["规模以上工业企业", "网络零售额", "港口货物吞吐量", "科技型中小企业"])
def test_ordinary_quantities_are_read_but_not_main(written):
    assert not catalogue.is_main(catalogue.lookup(written).name)


@pytest.mark.parametrize("written", ["开工建设道路", "新建充电桩", "专精特新企业", "", "   "])
def test_task_words_are_not_indicators(written):
    assert catalogue.lookup(written) is None


def test_every_entry_has_a_known_category_and_unique_names():
    seen = {}
    for entry in catalogue.indicators():
        assert entry.category in catalogue.CATEGORIES
        for name in (entry.name, *entry.names):
            assert seen.setdefault(normalise(name), entry.name) == entry.name, name


@pytest.mark.parametrize("name, polarity", [
    ("城镇调查失业率", "lower"), ("单位GDP能耗", "lower"), ("PM2.5年均浓度", "lower"),
    ("地区生产总值", "higher"), ("森林覆盖率", "higher"), ("居民消费价格涨幅", "lower"), ("常住人口", "neutral"), ("开工建设道路", None),
])
def test_polarity_says_which_way_is_better(name, polarity):
    assert catalogue.polarity(name) == polarity


def test_shares_name_their_numerator_and_denominator_in_the_system():
    share = catalogue.get("服务业增加值占GDP比重")
    assert (catalogue.by_id(share.numerator).name, catalogue.by_id(share.denominator).name) == \
        ("服务业增加值", "地区生产总值")
    assert catalogue.by_id(catalogue.get("农村居民收入").parent).name == "居民人均可支配收入"


def test_every_relation_names_an_indicator_and_ids_are_ascii_slugs():
    for entry in catalogue.indicators():
        assert entry.id.isascii() and entry.id.replace("_", "").isalnum(), entry.id
        for related in (entry.parent, entry.numerator, entry.denominator, entry.successor):
            assert related is None or catalogue.by_id(related) is not None, (entry.name, related)


def test_a_name_in_the_reading_hints_for_an_unknown_id_is_refused(tmp_path, monkeypatch):
    names = tmp_path / "names.yaml"
    names.write_text("no_such_indicator:\n  names: [某指标]\n", encoding="utf-8")
    monkeypatch.setattr(catalogue, "NAMES_FILE", names)
    catalogue._load.cache_clear()
    try:
        with pytest.raises(SettingsError, match="no_such_indicator"):
            catalogue.indicators()
    finally:
        monkeypatch.undo()
        catalogue._load.cache_clear()


def test_mentions_find_names_inside_sentences_with_their_offsets():
    text = "预计地区生产总值增长4.9%;新增“四上”企业206家,外商直接投资（FDI）完成4347万美元。"
    found = [(text[s:e], ind.name) for s, e, ind in catalogue.mentions(text)]
    assert found == [("地区生产总值", "地区生产总值"), ("新增“四上”企业", "新增四上企业"),
                     ("外商直接投资（FDI）", "外商直接投资")]


GOLD = Path(__file__).resolve().parents[2] / ".." / "shared" / "gold"


@pytest.mark.skipif(not GOLD.exists(), reason="../shared not available")
def test_every_answer_key_indicator_resolves_to_an_accepted_name():
    for path in GOLD.glob("*.jsonl"):
        for line in path.read_text(encoding="utf-8").splitlines():
            fact = json.loads(line)
            accepted = {normalise(n) for n in (fact["indicator"], *fact.get("names", []))}
            assert normalise(catalogue.lookup(fact["indicator"]).name) in accepted, fact["indicator"]


GRAMMAR = [
    # word      table            comparator
    ("以上", "after", ">="),
    ("以内", "after", "<="),
    ("左右", "after", "~"),
    ("不低于", "before", ">="),
    ("突破", "before", ">"),
    ("跨越", "before", ">"),
    ("迈过", "before", ">"),
    ("不超过", "before", "<="),
    ("低于", "before", "<"),
    ("余", "inside", ">"),
]


@pytest.mark.parametrize("word, table, comparator", GRAMMAR)
def test_grammar_words_mean_their_comparator(word, table, comparator):
    assert getattr(grammar(), table)[word] == comparator


def test_reduction_verbs_are_down_and_growth_verbs_up():
    g = grammar()
    assert all(g.is_down(w) for w in ("下降", "降低", "减少"))
    assert not any(g.is_down(w) for w in ("增长", "提高", "增加"))


@pytest.mark.parametrize("text, expected", [
    ("装备制造业、高技术制造业增加值分别增长10%、12%",
     ["装备制造业增加值", "高技术制造业增加值"]),
    ("制造业、高新技术产业投资均增长15%以上",
     ["制造业投资", "高新技术产业投资"]),
    ("基本养老保险、基本医疗保险参保率均稳定在95%以上",
     ["基本养老保险参保率", "基本医疗保险参保率"]),
    ("战略性新兴产业、高新技术产业增加值分别增长9%、8%",
     ["战略性新兴产业增加值", "高新技术产业增加值"]),
    ("单位国内生产总值用水量、能耗、二氧化碳排放量分别下降10%、8%、9%",
     ["万元地区生产总值用水量", "单位地区生产总值能源消耗", "单位地区生产总值二氧化碳排放"]),
    # a first name that holds 及 itself
    ("文化及相关产业、旅游及相关产业增加值占地区生产总值比重分别达到4%、6%",
     ["文化及相关产业增加值占地区生产总值比重", "旅游及相关产业增加值占地区生产总值比重"]),
    # three names sharing the last one's tail, the middle one no main indicator but still read in order
    ("职工养老保险、失业保险和医疗保险覆盖面分别达到90%、80%和85%",
     ["基本养老保险参保率", "失业保险参保率", "基本医疗保险参保率"]),
    ("化学需氧量、二氧化硫、氨氮排放量分别下降1%、2%、3%",
     ["化学需氧量排放量", "二氧化硫排放量", "氨氮排放量"]),
    # a second name read as written needs no head from the first (规上 is no part of 固定资产投资总额)
    ("规上工业增加值、固定资产投资总额分别增长8%、9%", ["规模以上工业增加值", "全社会固定资产投资"]),
])
def test_names_written_short_in_a_coordination_are_each_read(text, expected):
    assert [mention.indicator.name for mention in find_mentions(text, [])] == expected


@pytest.mark.parametrize("text, expected", [
    ("城乡居民收入比2010年翻一番", "居民人均可支配收入"),
    ("城乡居民人均可支配收入比2010年增长一倍", "居民人均可支配收入"),
    ("城乡居民收入比缩小到1.9", "城乡居民收入比"),
])
def test_a_name_ending_in_bi_before_a_year_compares(text, expected):
    assert [mention.indicator.name for mention in find_mentions(text, [])] == [expected]


@pytest.mark.parametrize("indicator, lower", [
    ("能源消费总量", True),          # a cap the system marks lower, though no word of the fallback list says so
    ("城镇调查失业率", True),
    ("居民消费价格指数", True),       # a price rise target is a ceiling
    ("常住人口", False),              # neutral
    ("森林覆盖率", False),
    ("某某事故死亡率", True),         # not catalogued: the evaluation's word list decides
])
def test_evaluation_reads_which_way_is_better_from_the_system(indicator, lower):
    assert lower_is_better(indicator) is lower


@pytest.mark.parametrize("text, expected", [
    ("全社会研发投入占GDP比重达到2.5%", "研究与试验发展经费投入强度"),
    ("研发经费支出占地区生产总值的比重超过2%", "研究与试验发展经费投入强度"),
    ("研发经费支出占地区生产总值1.8%", "研究与试验发展经费投入强度"),
    ("全社会研发经费支出相当于地区生产总值的比例达到3%", "研究与试验发展经费投入强度"),
    ("研发投入占比提高到2%", "研究与试验发展经费投入强度"),
    ("R&D 经费投入强度达到1.3%", "研究与试验发展经费投入强度"),
    ("民营经济增加值占GDP比重达到55%", "民营经济增加值占地区生产总值比重"),
    ("工业增加值占GDP的比重提高到30%以上", "工业增加值占地区生产总值比重"),
    ("金融业增加值占地区生产总值比重提高到8%", "金融业增加值占地区生产总值比重"),
    ("海洋生产总值占地区生产总值的比重达到10%", "海洋生产总值占地区生产总值比重"),
    ("企业研发投入占营业收入比重达到3%", "全社会研发经费投入"),   # no share of 研发投入 in 营收: the name alone
])
def test_a_share_is_its_numerator_in_the_whole_named_after_zhan(text, expected):
    assert [mention.indicator.name for mention in find_mentions(text, [])][:1] == [expected]


@pytest.mark.parametrize("text, expected", [
    # a qualifier glued before a name narrows it to a part the system does not hold
    ("新增涉海高新技术企业80家", []),
    ("省级高新技术企业达到120家", []),
    ("农产品出口额增长9%", []),
    ("跨境电商进出口增长30%", []),
    ("全市园区规上工业增加值增长8%", []),
    ("普惠小微贷款余额增长20%", []),
    ("新型农业经营主体达到900个", []),
    ("服务贸易进出口50亿元", ["服务贸易额"]),
    ("科技贷款余额超过600亿元", []),
    ("制造业中长期贷款余额增长15%", []),
    ("入境过夜游客人数增长12%", []),
    ("对东盟市场出口增长9%", []),
    ("“新三样”出口增长40%", []),
    ("中央财政支出增长6%", []),
    ("工业用电量增长11%", []),
    ("单位GDP建设用地使用面积下降6%", ["单位地区生产总值建设用地使用面积"]),  # in the system now: no narrowing
    ("万元GDP用地面积下降5%", []),
    ("万元 GDP用地面积下降 3.2%", []),  # a space from a PDF or newspaper text: still no GDP
    ("每万人拥有市场经营主体数1018.6户", []),  # a density, not the stock
    # a part of the region as the subject, glued or with its verb between
    ("全市产业集聚区完成固定资产投资900亿元", []),
    ("高新区规模以上工业总产值达到1200亿元", []),
    ("经开区全社会研发投入强度达到3%", []),
    ("4个园区实现工业总产值80亿元", []),
    ("全市完成固定资产投资900亿元", ["全社会固定资产投资"]),
    # an economy of a kind, or the counties' part of the region
    ("全市数字经济增长10%", []),
    ("六大农业龙型经济增长9.5%", []),
    ("县域经济总量增长8%", []),
    ("县域规模以上工业产值达650亿元", []),
    ("数字经济核心产业增加值增长12%", ["数字经济核心产业增加值"]),
    # the whole region's indicator, and names that hold such a word, still read
    ("国家高新技术企业超过300家", ["高新技术企业数"]),
    ("高新技术产业增加值增长12%", ["高新技术产业增加值"]),
    ("农业增加值增长3%", ["第一产业增加值"]),
    ("外贸进出口增长5%,其中出口增长7%", ["进出口总额", "出口总额"]),
    ("市场经营主体发展到20万户", ["市场主体总量"]),
    ("工业投资增长12%,工业技改投资增长15%,工业固投增长9%", ["工业投资", "技改投资", "工业投资"]),
    ("工业战略性新兴产业增加值增长10%", ["战略性新兴产业增加值"]),
    ("规上工业高新技术产业增加值增长9%", ["高新技术产业增加值"]),
    ("年末金融机构本外币贷款余额增长9%", ["金融机构本外币贷款余额"]),
    ("单位GDP能耗下降3%,万元GDP用水量下降2%", ["单位地区生产总值能源消耗", "万元地区生产总值用水量"]),
    ("万元 GDP能耗下降 3.2%", ["单位地区生产总值能源消耗"]),
])
def test_a_qualifier_glued_before_a_name_narrows_it_to_no_indicator(text, expected):
    assert [indicator.name for _, _, indicator in catalogue.mentions(text)] == expected


@pytest.mark.parametrize("row", ["涉海高新技术企业数", "农产品出口额"])
def test_a_narrowed_table_row_finds_no_indicator(row):
    assert catalogue.lookup(row) is None


PRIMARY, SECONDARY, TERTIARY = "第一产业增加值", "第二产业增加值", "服务业增加值"


@pytest.mark.parametrize("text, expected", [
    # the three sectors named together give each its place in a 分别 list
    ("三次产业增加值分别增长3%、5%和6%", [PRIMARY, SECONDARY, TERTIARY]),
    ("一、二、三产业增加值分别增长2.5%、8%、8%", [PRIMARY, SECONDARY, TERTIARY]),
    ("一二三产分别完成100亿元、300亿元、250亿元", [PRIMARY, SECONDARY, TERTIARY]),
    # without 分别 the structure is no sector's value
    ("三次产业结构为8.1:40.2:51.7", ["三次产业增加值"]),
])
def test_the_three_sectors_named_together_split_into_each(text, expected):
    assert [indicator.name for _, _, indicator in catalogue.mentions(text)] == expected
    assert not catalogue.is_main("三次产业增加值")


def _wrapped(text: str, width: int) -> str:
    return "\n".join(text[i:i + width] for i in range(0, len(text), width))


PROSE = "全县坚持稳中求进工作总基调推动经济社会高质量发展取得新成效地区生产总值增长百分之六" * 3


def test_a_name_split_by_a_width_wrapped_line_is_found():
    """PDF text wrapped every 36 characters splits words, here 地区\n生产总值 once: the name is still read."""
    wrapped = _wrapped(PROSE, 36)
    assert "地区\n生产总值" in wrapped
    assert [m.indicator.name for m in find_mentions(wrapped, [])].count("地区生产总值") == 3


def test_short_lines_split_no_words():
    """Lines of 25 characters are a list or a table, not prose wrapped by width: a break is a break."""
    wrapped = _wrapped(PROSE, 25)
    assert wrapped.count("地区生产总值") == 2  # the third is split
    assert [m.indicator.name for m in find_mentions(wrapped, [])].count("地区生产总值") == 2


SHARED = Path(__file__).resolve().parents[2] / ".." / "shared"
EDGE_CASES = ("新增“四上”企业“206家”,R&D 经费投入强度2%,PM_2.5浓度下降,每千人口拥有执业（助理)医师数3人,"
              "全 员劳动生产率,地区\n生产总值,“地区生产总值”")


@pytest.mark.skipif(not SHARED.exists(), reason="../shared not available")
@pytest.mark.parametrize("spaced", [False, True])
def test_the_automaton_misses_no_name_the_regex_reads_at_any_offset(spaced):
    """Names are looked for where the automaton says one may start; on real documents and on
    names written with quotation marks, spaces, underscores and brackets inside, that finds every
    name the catalogue's regex finds trying each offset, also inside a window of the text."""
    loaded = catalogue._load()
    pattern = loaded.spaced if spaced else loaded.pattern
    texts = [EDGE_CASES, *(p.read_text(encoding="utf-8") for p in sorted((SHARED / "seeds").glob("*.txt"))),
             *(p.read_text(encoding="utf-8") for p in sorted((SHARED / "devset" / "raw").iterdir())[::4])]
    for text in texts:
        for start, end in ((0, len(text)), (len(text) // 3, len(text) // 3 + 500)):
            expected = [match.span() for match in pattern.finditer(text, start, end)]
            assert expected or start, "a text without names tests nothing"
            assert [match.span() for match in catalogue._matches(loaded, text, start, end, spaced)] == expected
