"""The indicator catalogue and the grammar words, as tables of name as written -> meaning."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from planwatch.extract import catalogue
from planwatch.extract.catalogue import normalise
from planwatch.errors import SettingsError
from planwatch.extract.grammar import grammar

LOOKUPS = [
    # name as written (table row, heading)      standard name
    ("地区生产总值 (简称“GDP”)", "地区生产总值"),
    ("GDP", "地区生产总值"),
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
    ("新登记市场主体", "新增市场主体"),
    ("市场主体净增", "净增市场主体"),
    ("高新技术企业认定数", "新增高新技术企业"),
    ("高新技术企业总数", "高新技术企业数"),
]


@pytest.mark.parametrize("written, standard", LOOKUPS)
def test_names_as_written_find_their_indicator(written, standard):
    assert catalogue.lookup(written).name == standard


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
