"""The order of evidence for role and period: each fact says which step decided
and quotes its words; the strongest step that speaks wins; confidence follows the
step. Invented documents in the shapes of real reports."""

from __future__ import annotations

from pathlib import Path

import pytest
from typer.testing import CliRunner

from planwatch.cli import app
from planwatch.documents import load
from planwatch.extract.explain import explain
from planwatch.extract.grammar import grammar
from planwatch.extract.resolve import ORDER

SEEDS = Path(__file__).resolve().parents[2] / ".." / "shared" / "seeds"
seeds = pytest.mark.skipif(not SEEDS.is_dir(), reason="../shared/seeds not available")


def _why(tmp_path, text: str) -> list[tuple]:
    path = tmp_path / "invented.txt"
    path.write_text(text, encoding="utf-8")
    return [(e.fact.indicator, e.fact.role, e.fact.period, e.fact.measure,
             e.role.rule, e.role.words, e.period.rule, e.period.words) for e in explain(load(path))]


SESSION = "2021年1月20日"  # the date it was given: a report given in January plans that year
CASES = {
    "the sentence's period words beat the heading; the clause's goal words beat the review heading": (
        "某市2023年上半年经济运行情况\n一、2023年计划执行情况\n"
        "上半年,全市地区生产总值增长6%。全年目标:地区生产总值预期目标增长6.5%。\n",
        [("地区生产总值", "actual", "2023H1", "growth", "heading", "一、2023年计划执行情况", "sentence", "上半年"),
         ("地区生产总值", "target", "2023", "growth", "clause", "预期目标", "sentence", "全年")],
    ),
    "a list of goals decides the role": (
        "2024年某市人民政府工作报告\n今年主要预期目标是:地区生产总值增长5%左右,城镇新增就业5万人。\n",
        [("地区生产总值", "target", "2024", "growth", "goals", "今年主要预期目标是:", "sentence", "今年"),
         ("城镇新增就业", "target", "2024", "level", "goals", "今年主要预期目标是:", "sentence", "今年")],
    ),
    "a mid-year table: each column its own role and period, as in prose": (
        "某区2023年主要指标上半年完成情况\n指标名称|全年目标|上半年完成\n"
        "地区生产总值增速(%)|6.5|5.8\n固定资产投资增速(%)|8|7.2\n",
        [("地区生产总值", "target", "2023", "growth", "column", "全年目标", "title", "某区2023年主要指标上半年完成情况"),
         ("地区生产总值", "actual", "2023H1", "growth", "column", "上半年完成", "column", "上半年完成"),
         ("全社会固定资产投资", "target", "2023", "growth", "column", "全年目标", "title", "某区2023年主要指标上半年完成情况"),
         ("全社会固定资产投资", "actual", "2023H1", "growth", "column", "上半年完成", "column", "上半年完成")],
    ),
    "only a date line frames an untitled release": (
        "某县经济运行简报\n2023-11-20\n全县地区生产总值120亿元,增长6.5%。\n",
        [("地区生产总值", "actual", "2023", "level", "dateline", "2023-11-20", "dateline", "2023-11-20"),
         ("地区生产总值", "actual", "2023", "growth", "dateline", "2023-11-20", "dateline", "2023-11-20")],
    ),
    "a bullet's target before its colon and the estimate after it": (
        "2023年某县国民经济和社会发展计划执行情况\n一、2023年计划执行情况\n"
        "——一般公共预算收入完成20亿元:预计全年完成19亿元。\n",
        [("地方一般公共预算收入", "target", "2023", "level", "clause", ":预计", "heading", "一、2023年计划执行情况"),
         ("地方一般公共预算收入", "actual", "2023", "level", "heading", "一、2023年计划执行情况", "sentence", "全年")],
    ),
    "a report's paragraphs framed by the years they open with: one year, five years, the next plan": (
        "2026年某省政府工作报告\n一、2025年和“十四五”时期工作回顾\n"
        "各位代表！刚刚过去的2025年，全省地区生产总值增长5.2%。\n"
        "五年来，我们攻坚克难。\n"
        "一般公共预算收入累计完成3000亿元，城乡居民人均可支配收入增长30%。粮食产量稳定在500亿斤以上。"
        "人均地区生产总值从6万元提高到8万元。\n"
        "“十五五”时期，全省地区生产总值年均增长5%左右。\n"
        "今年是“十五五”开局之年。今年主要预期目标是：地区生产总值增长5%左右。\n",
        [("地区生产总值", "actual", "2025", "growth", "heading", "一、2025年和“十四五”时期工作回顾",
          "paragraph", "刚刚过去的2025年"),
         ("地方一般公共预算收入", "actual", "2021-2025", "level", "heading", "一、2025年和“十四五”时期工作回顾",
          "paragraph", "五年来"),
         ("居民人均可支配收入", "actual", "2021-2025", "growth", "heading", "一、2025年和“十四五”时期工作回顾",
          "paragraph", "五年来"),
         ("粮食产量", "actual", "2021-2025", "level", "heading", "一、2025年和“十四五”时期工作回顾",
          "paragraph", "五年来"),
         ("人均地区生产总值", "baseline", "2020", "level", "sentence", "人均地区生产总值从6万元", "paragraph", "五年来"),
         ("人均地区生产总值", "actual", "2025", "level", "heading", "一、2025年和“十四五”时期工作回顾",
          "paragraph", "五年来"),
         ("地区生产总值", "target", "2026-2030", "growth", "paragraph", "“十五五”时期", "sentence", "“十五五”时期"),
         ("地区生产总值", "target", "2026", "growth", "goals", "今年主要预期目标是：", "sentence", "今年")],
    ),
    "a dated report: the review of five years, of the last year, and the next plan's goals": (
        "某市人民政府工作报告\n——2021年1月20日在市第十六届人民代表大会第五次会议上\n"
        "过去五年，全市地区生产总值年均增长6%，城镇新增就业年均超过5万人。\n"
        "刚刚过去的2020年，全市地区生产总值增长2%。\n"
        "“十四五”时期，全市地区生产总值年均增长6%以上。\n",
        [("地区生产总值", "actual", "2016-2020", "growth", "dateline", SESSION, "sentence", "过去五年"),
         ("城镇新增就业", "actual", "2016-2020", "level", "dateline", SESSION, "sentence", "过去五年"),
         ("地区生产总值", "actual", "2020", "growth", "dateline", SESSION, "paragraph", "刚刚过去的2020年"),
         ("地区生产总值", "target", "2021-2025", "growth", "paragraph", "“十四五”时期", "sentence", "“十四五”时期")],
    ),
    "从X提高到Y with years: X is the base when it is the year before the five years reviewed": (
        "2026年某省政府工作报告\n一、2025年和“十四五”时期工作回顾\n"
        "这五年，全省人均地区生产总值从2020年的10.5万元提高到2025年的14万元，"
        "地区生产总值从2015年的3000亿元增加到2025年的6000亿元。\n",
        [("人均地区生产总值", "baseline", "2020", "level", "sentence",
          "人均地区生产总值从2020年的10.5万元提高到2025年的14万元", "sentence", "2020年"),
         ("人均地区生产总值", "actual", "2025", "level", "heading", "一、2025年和“十四五”时期工作回顾", "sentence", "2025年"),
         ("地区生产总值", "actual", "2015", "level", "heading", "一、2025年和“十四五”时期工作回顾", "sentence", "2015年"),
         ("地区生产总值", "actual", "2025", "level", "heading", "一、2025年和“十四五”时期工作回顾", "sentence", "2025年")],
    ),
    "an annual-average concentration (PM2.5年均浓度) is a name, not an average growth over a span": (
        "2026年某省政府工作报告\n一、2025年工作回顾\n"
        "全省PM2.5年均浓度为30微克/立方米、下降6%。\n"
        "这五年，全省地区生产总值年均增长5%。\n",
        [("PM2.5浓度", "actual", "2025", "level", "heading", "一、2025年工作回顾", "heading", "一、2025年工作回顾"),
         ("PM2.5浓度", "actual", "2025", "growth", "heading", "一、2025年工作回顾", "heading", "一、2025年工作回顾"),
         ("地区生产总值", "actual", "2021-2025", "growth", "heading", "一、2025年工作回顾", "sentence", "这五年")],
    ),
}


@pytest.mark.parametrize("text,expected", CASES.values(), ids=list(CASES))
def test_the_strongest_evidence_decides_and_is_quoted(tmp_path, text, expected):
    assert _why(tmp_path, text) == expected


def test_confidence_follows_the_weakest_deciding_step(tmp_path):
    by_rule = {step.rule: step.confidence for step in grammar().evidence}
    path = tmp_path / "invented.txt"
    path.write_text("2024年某市人民政府工作报告\n今年主要预期目标是:地区生产总值增长5%左右。\n"
                    "某县经济运行简报\n", encoding="utf-8")
    for item in explain(load(path)):
        assert item.fact.confidence == min(by_rule[item.role.rule], by_rule[item.period.rule])
    dated = tmp_path / "dated.txt"
    dated.write_text("某县经济运行简报\n2023-11-20\n全县地区生产总值120亿元。\n", encoding="utf-8")
    (guess,) = explain(load(dated))
    assert guess.fact.confidence == by_rule["dateline"] < min(by_rule["sentence"], by_rule["goals"])


def test_the_order_of_evidence_is_the_documented_one_and_trust_falls_along_it():
    assert ORDER == ("sentence", "clause", "goals", "paragraph", "column", "heading", "title", "metadata", "dateline")
    trust = [step.confidence for step in grammar().evidence]
    assert trust == sorted(trust, reverse=True) and all(0 < c <= 1 for c in trust)


@seeds
@pytest.mark.parametrize("seed", sorted(p.name for p in SEEDS.glob("*.txt")) if SEEDS.is_dir() else [])
def test_every_seed_fact_has_a_deciding_rule_and_span(seed):
    document = load(SEEDS / seed)
    explained = explain(document)
    assert explained
    for item in explained:
        for reason in (item.role, item.period):
            assert reason is not None and reason.rule in ORDER, item.fact
            assert reason.words and document.text[reason.start:reason.end].strip() == reason.words, item.fact


@seeds
def test_explain_command_prints_why_for_each_fact():
    seed = sorted(SEEDS.glob("*.txt"))[1]
    result = CliRunner().invoke(app, ["explain", str(seed)])
    assert result.exit_code == 0, result.output
    blocks = [b for b in result.output.split("\n\n") if b.strip()]
    assert len(blocks) == len(explain(load(seed)))
    for block in blocks:
        lines = block.splitlines()
        assert lines[1].lstrip().startswith("evidence") and "「" in lines[2] and "「" in lines[3], block
    as_json = CliRunner().invoke(app, ["explain", "--format", "jsonl", str(seed)])
    assert as_json.exit_code == 0 and '"why"' in as_json.output.splitlines()[0]
