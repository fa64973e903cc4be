"""Commitments (tasks and projects): every entry of planwatch/data/commitments.yaml gives
what its list says on its own example, and the contract's shapes read as it says
(two stages, a list of names, a batch's money, main indicators left to the facts)."""

from __future__ import annotations

import json
from decimal import Decimal

import pytest
import yaml
from typer.testing import CliRunner

from planwatch.cli import app
from planwatch.documents import load
from planwatch.extract import extract_all, extract_commitments
from planwatch.extract.commitment_words import WORDS_FILE
from planwatch.model import COMMITMENT_FIELDS

RAW = yaml.safe_load(WORDS_FILE.read_text("utf-8"))
REVIEW = "2023年某县国民经济和社会发展计划执行情况的报告\n一、2023年计划执行情况\n"
PLAN = "二、2024年工作安排\n"
CONTRACT = ("doc", "kind", "role", "period", "object", "stage", "action", "value", "unit", "comparator", "money",
            "names", "responsible", "start", "end")


def commitments_of(tmp_path, text: str):
    path = tmp_path / "report.txt"
    path.write_text(text, encoding="utf-8")
    return extract_commitments(load(path))


def _cases():
    for stage, verbs in RAW["verbs"].items():
        for word, example in verbs.items():
            yield "verbs", (stage, word), example
    for position, words in RAW["not_counts"].items():
        for word, example in words.items():
            yield "not_counts", (position, word), example
    for name in ("units", "class_nouns", "money_words", "exclusions", "object_lead", "object_tail", "also_words",
                 "verb_nouns", "not_named", "bare_nouns", "responsible_words", "main_objects", "milestone_ends",
                 "company_ends", "own_money_verbs"):
        for word, example in RAW[name].items():
            yield name, word, example


CASES = list(_cases())


def test_every_list_is_run_by_the_examples():
    assert {name for name, _, _ in CASES} == set(RAW)


@pytest.mark.parametrize("name,word,example", CASES, ids=[f"{n}-{w}" for n, w, _ in CASES])
def test_entry_example_gives_what_its_list_says(tmp_path, name, word, example):
    found = commitments_of(tmp_path, REVIEW + example)
    if name in ("exclusions", "not_named", "main_objects", "milestone_ends", "company_ends"):
        assert [c for c in found if name not in ("not_named", "milestone_ends", "company_ends") or c.value is None] == []
        return
    if name == "not_counts":
        assert all(c.value is None for c in found), [(c.object, c.value) for c in found]
        return
    assert found, example
    if name == "verbs":
        stage, verb = word
        assert any(c.action == verb and c.stage == stage for c in found), [(c.action, c.stage) for c in found]
    elif name == "units":
        assert any(c.unit and c.unit.endswith(word) for c in found)
    elif name == "class_nouns":
        assert any(c.kind == "project" for c in found)
    elif name == "own_money_verbs":  # the funds are a commitment of their own, the batch keeps no money
        assert any(c.action == word and c.unit.endswith("元") for c in found) and all(c.money is None for c in found)
    elif name == "money_words":
        assert any(c.money is not None for c in found) and all(c.unit is None or "元" not in c.unit for c in found)
    elif name == "object_lead":
        assert all(not c.object.startswith(word) for c in found), [c.object for c in found]
    elif name == "object_tail":
        assert all(not c.object.endswith(word) for c in found), [c.object for c in found]
    elif name == "also_words":
        assert len(found) == 1, [(c.object, c.value) for c in found]
    elif name == "responsible_words":
        assert all(c.responsible and c.responsible.endswith("局") for c in found), [c.responsible for c in found]
    elif name == "bare_nouns":
        assert len([c for c in found if c.value is None]) >= 2 and all(c.object != word for c in found)
    elif name == "verb_nouns":
        assert any(word in c.object for c in found), [c.object for c in found]


def test_two_stages_of_one_object_are_two_commitments(tmp_path):
    found = commitments_of(tmp_path, REVIEW + "改造背街小巷。\n" + PLAN + "全年开工建设8条、建成5条区级次干道。")
    read = sorted((c.role, c.period, c.stage, c.object, c.value) for c in found)
    assert read == [("target", "2024", "finish", "区级次干道", Decimal(5)),
                    ("target", "2024", "start", "区级次干道", Decimal(8))]


def test_a_list_ending_in_its_class_noun_is_one_commitment_with_names(tmp_path):
    [found] = commitments_of(tmp_path, REVIEW + "新开工城东片区、南湖地块等亿元以上项目18个,计划总投资96.5亿元。")
    assert (found.kind, found.object, found.stage, found.value, found.unit) == \
        ("project", "亿元以上项目", "start", Decimal(18), "个")
    assert found.names == ["城东片区", "南湖地块"] and found.money == Decimal("96.5")


def test_money_in_wan_yuan_is_stated_in_yi_yuan(tmp_path):
    [found] = commitments_of(tmp_path, REVIEW + "确定帮扶项目12个,投入帮扶资金350万元。")
    assert found.money == Decimal("0.035")


def test_money_alone_is_the_value(tmp_path):
    [found] = commitments_of(tmp_path, REVIEW + "发放创业担保贷款2.6亿元。")
    assert (found.value, found.unit, found.money) == (Decimal("2.6"), "亿元", None)


def test_named_items_started_or_finished(tmp_path):
    found = commitments_of(tmp_path, REVIEW + "城东中学、滨湖医院建成投用。开工建设南湖大道。加快推进城西片区改造。")
    assert sorted((c.object, c.stage, c.value) for c in found) == [
        ("南湖大道", "start", None), ("城东中学", "finish", None), ("滨湖医院", "finish", None)]


def test_a_named_item_lists_its_name_a_class_noun_its_list(tmp_path):
    text = REVIEW + "开工建设南湖大道。城东中学、滨湖医院建成投用。城北广场、滨江中心等项目竣工。甲路、乙路等道路建成通车。"
    assert sorted((c.object, c.names) for c in commitments_of(tmp_path, text)) == sorted([
        ("城东中学", ["城东中学"]), ("城北广场", ["城北广场"]), ("南湖大道", ["南湖大道"]),
        ("滨江中心", ["滨江中心"]), ("滨湖医院", ["滨湖医院"]), ("道路", ["甲路", "乙路"])])


def test_main_indicators_and_rates_are_no_commitments(tmp_path):
    text = REVIEW + "全社会固定资产投资完成365亿元。新建充电桩800个。完成全年目标的105%。"
    facts, found = extract_all(load_text(tmp_path, text))
    assert any(f.indicator == "全社会固定资产投资" for f in facts)
    assert [(c.object, c.value) for c in found] == [("充电桩", Decimal(800))]


def test_review_and_plan_give_actual_and_target(tmp_path):
    found = commitments_of(tmp_path, REVIEW + "新增停车泊位3000个。\n" + PLAN + "新增停车泊位4000个。")
    assert [(c.role, c.period, c.value) for c in found] == [("actual", "2023", Decimal(3000)),
                                                           ("target", "2024", Decimal(4000))]


def test_evidence_holds_the_quantity(tmp_path):
    text = REVIEW + "全年新建公厕12座、垃圾分类屋30座。"
    for commitment in commitments_of(tmp_path, text):
        assert str(commitment.value) in text[commitment.start:commitment.end]


def test_record_has_the_contract_fields_in_order():
    assert COMMITMENT_FIELDS[:len(CONTRACT) - 1] == CONTRACT[1:]


def test_cli_prints_the_contract_json_lines(tmp_path):
    path = tmp_path / "report.txt"
    path.write_text(REVIEW + "新建充电桩800个。地区生产总值增长6%。", encoding="utf-8")
    result = CliRunner().invoke(app, ["extract", "--what", "commitments", str(path)])
    assert result.exit_code == 0, result.output
    [record] = [json.loads(line) for line in result.output.splitlines()]
    assert tuple(record)[:len(CONTRACT)] == CONTRACT
    assert (record["doc"], record["object"], record["value"], record["unit"]) == ("report.txt", "充电桩", 800, "个")
    facts = CliRunner().invoke(app, ["extract", str(path)])
    assert [json.loads(line)["indicator"] for line in facts.output.splitlines()] == ["地区生产总值"]


def test_cli_all_tells_facts_from_commitments(tmp_path):
    path = tmp_path / "report.txt"
    path.write_text(REVIEW + "新建充电桩800个。地区生产总值增长6%。", encoding="utf-8")
    result = CliRunner().invoke(app, ["extract", "--what", "all", str(path)])
    assert sorted(json.loads(line)["record"] for line in result.output.splitlines()) == ["commitment", "fact"]


def test_a_bad_file_is_named_and_the_rest_still_read(tmp_path):
    good, bad = tmp_path / "good.txt", tmp_path / "empty.txt"
    good.write_text(REVIEW + "新建充电桩800个。", encoding="utf-8")
    bad.write_bytes(b"")
    result = CliRunner().invoke(app, ["extract", "--what", "commitments", str(bad), str(good)])
    assert result.exit_code == 1
    assert "empty.txt" in result.stderr if result.stderr_bytes else "empty.txt" in result.output
    assert '"充电桩"' in result.stdout


def load_text(tmp_path, text: str):
    path = tmp_path / "report.txt"
    path.write_text(text, encoding="utf-8")
    return load(path)


@pytest.mark.parametrize("sentence,expected", [
    # a threshold qualifies the count after it: the count is the commitment, the names stay out of the object
    ("引进甲公司、乙银行和丙集团30亿元以上现代服务业项目3个。", ("30亿元以上现代服务业项目", Decimal(3), ["甲公司", "乙银行", "丙集团"])),
    # a bare 项目 is told apart by what is done to it
    ("城东地块、南湖片区等5个项目完成征收公示。", ("征收公示项目", Decimal(5), ["城东地块", "南湖片区"])),
    # a size after a count of one statement stays in the quote
    ("拆除违法建设120处约3.5万平方米。", ("违法建设", Decimal(120), [])),
    # lost punctuation: a count whose unit opens the next verb is no threshold
    ("新建公厕3座、分类示范点12处置生活垃圾6万吨。", ("分类示范点", Decimal(12), [])),
])
def test_shapes_of_one_statement(tmp_path, sentence, expected):
    found = [(c.object, c.value, c.names) for c in commitments_of(tmp_path, REVIEW + sentence)]
    assert expected in found, found


@pytest.mark.parametrize("sentence,expected", [
    # a number in Chinese inside a name (一期, 第一) counts nothing: the named finish is read
    ("城东港区一期通道建成通车。", ("finish", "城东港区一期通道", None)),
    ("建成运营市第一人民医院新院。", ("finish", "市第一人民医院新院", None)),
    # an honour word of the next item does not take the count that closes its own
    ("实施省级重大项目30个、数量位居全省前列。", ("other", "省级重大项目", Decimal(30))),
])
def test_shapes_of_named_items_and_lists(tmp_path, sentence, expected):
    found = [(c.stage, c.object, c.value) for c in commitments_of(tmp_path, REVIEW + sentence)]
    assert expected in found, found


def test_an_honour_before_a_list_still_holds_for_every_item(tmp_path):
    assert commitments_of(tmp_path, REVIEW + "获批国家级试点2个、省级试点3个。") == []


def test_a_title_built_and_the_main_structure_are_no_finish_but_a_main_port_area_is(tmp_path):
    found = [(c.stage, c.object) for c in commitments_of(tmp_path, REVIEW + "建成国家森林城市。城西医院主体结构建成。")]
    assert found == []
    assert ("finish", "城南主体港区码头") in [(c.stage, c.object) for c in
                                          commitments_of(tmp_path, REVIEW + "城南主体港区码头建成投用。")]


def test_a_count_of_each_listed_item_is_one_commitment_per_item(tmp_path):
    found = [(c.object, c.value) for c in commitments_of(tmp_path, REVIEW + "新增公共停车泊位、共享停车位各2000个。")]
    assert found == [("公共停车泊位", Decimal(2000)), ("共享停车位", Decimal(2000))]


@pytest.mark.parametrize("sentence", ["全面推行“拿地即开工”改革。", "深化“一证开工”“竣工即交证”改革。"])
def test_a_verb_in_quotes_names_a_reform_nothing_started(tmp_path, sentence):
    assert commitments_of(tmp_path, REVIEW + sentence) == []


def test_a_company_inside_a_name_is_its_owner_a_company_alone_is_no_thing_built(tmp_path):
    text = REVIEW + "城投集团健康产业园等项目竣工。南湖公司智能工厂建成投产。科创投资集团投入运营。"
    assert sorted(c.object for c in commitments_of(tmp_path, text)) == ["南湖公司智能工厂", "城投集团健康产业园"]


@pytest.mark.parametrize("sentence,expected", [
    ("推进安置房建设,上半年完成新开工300套。", ("start", "安置房", Decimal(300))),
    ("继续大力推进标准厂房建设,力争全年建成50万平方米。", ("finish", "标准厂房", Decimal(50))),
    ("强化河道治理,投入2.5亿元。", ("other", "河道治理", Decimal("2.5"))),
    ("城东片区项目全部开工建设,累计建成12个。", ("finish", "城东片区项目", Decimal(12))),
])
def test_a_count_with_no_object_of_its_own_counts_the_work_of_the_clause_before(tmp_path, sentence, expected):
    assert expected in [(c.stage, c.object, c.value) for c in commitments_of(tmp_path, REVIEW + sentence)]


def test_a_name_joined_by_ji_or_yu_is_one_thing_a_list_by_dun_or_he_is_several(tmp_path):
    text = REVIEW + "城南大桥及连接线建成通车。城东水厂、城西水厂和滨湖泵站建成投用。启动老街保护与开发。"
    assert sorted(c.object for c in commitments_of(tmp_path, text)) == sorted(
        ["城南大桥及连接线", "城东水厂", "城西水厂", "滨湖泵站", "老街保护与开发"])


@pytest.mark.parametrize("sentence,expected", [
    ("城东片区重点项目完成投资24.6亿元。", ("城东片区重点项目", Decimal("24.6"))),
    ("引进城南产业园等项目,签约金额达36亿元。", ("项目", Decimal(36))),
    ("向上争取各类资金12亿元。", ("资金", Decimal(12))),
])
def test_an_amount_of_investment_is_of_what_comes_before_it_funds_are_their_own(tmp_path, sentence, expected):
    assert expected in [(c.object, c.value) for c in commitments_of(tmp_path, REVIEW + sentence)]


@pytest.mark.parametrize("sentence,expected", [
    ("新开工安置房800套、基本建成600套、分配入住500套。", ("finish", "安置房", Decimal(600))),
    ("新建公租房300套、交付200套、分配入住150套。", ("finish", "公租房", Decimal(200))),
])
def test_a_count_between_two_items_takes_the_object_before_where_the_next_names_only_its_action(
        tmp_path, sentence, expected):
    assert expected in [(c.stage, c.object, c.value) for c in commitments_of(tmp_path, REVIEW + sentence)]


@pytest.mark.parametrize("sentence,expected", [
    # actions older reports count that the verb list lacked: recovering, building under way, rehousing, equipping
    ("清收闲置土地1200亩,清收历年欠款3亿元。", ("清收", "闲置土地", Decimal(1200))),
    ("在建棚户区改造安置房3600套。", ("在建", "棚户区改造安置房", Decimal(3600))),
    ("回迁安置群众2800户。", ("回迁", "安置群众", Decimal(2800))),
    ("为乡镇卫生院配备救护车15台。", ("配备", "救护车", Decimal(15))),
    # building together, adding to a count
    ("与科研院所共建重点实验室6个,再添高新技术产业化基地3个。", ("共建", "重点实验室", Decimal(6))),
    ("再添国家级农业产业化龙头企业4家。", ("再添", "国家级农业产业化龙头企业", Decimal(4))),
])
def test_counted_actions_of_older_reports(tmp_path, sentence, expected):
    found = [(c.action, c.object, c.value) for c in commitments_of(tmp_path, REVIEW + sentence)]
    assert expected in found, found


@pytest.mark.parametrize("sentence", [
    "存在项目落地慢、投产慢等问题,企业竣工后达产难的问题比较突出。",
    "高新区启动整合转型,经开区启动升级转型。",
    # an organisation or a park that begins to run is neither a start of building nor a finish
    "城东电商产业园启动运行,城西生态产品交易中心启动运营。",
])
def test_a_problem_or_a_transformation_started_is_nothing_built(tmp_path, sentence):
    assert commitments_of(tmp_path, REVIEW + sentence) == []


@pytest.mark.parametrize("sentence,expected", [
    # a unit that goes on from the number grammar's (场 -> 场次, 家 -> 家次) is read whole
    ("开展送戏下乡活动260场次。", ("送戏下乡活动", Decimal(260), "场次")),
    ("组织企业参加境外展会1.2万家次。", ("企业参加境外展会", Decimal("1.2"), "万家次")),
])
def test_a_unit_that_goes_on_from_the_grammars_is_read_whole(tmp_path, sentence, expected):
    found = [(c.object, c.value, c.unit) for c in commitments_of(tmp_path, REVIEW + sentence)]
    assert expected in found, found


@pytest.mark.parametrize("sentence,funds", [
    # funds received or paid out in a clause after a batch are their own; paid to what the clause counts, the batch's
    ("纳入省级重点项目12个,获得专项补助资金3亿元;对800余家企业兑现奖补资金2亿元。", ("专项补助资金", Decimal(3))),
    ("落地招商项目30个,争取上级资金5亿元;对600家企业发放纾困资金1亿元。", ("上级资金", Decimal(5))),
])
def test_funds_with_a_verb_of_their_own_are_no_batch_money(tmp_path, sentence, funds):
    found = commitments_of(tmp_path, REVIEW + sentence)
    assert funds in [(c.object, c.value) for c in found], [(c.object, c.value, c.money) for c in found]
    assert [c.money for c in found if c.unit == "家"] == [Decimal(2) if "兑现" in sentence else Decimal(1)]


@pytest.mark.parametrize("sentence,expected", [
    # a count in Chinese right after the list it counts (甲、乙等四个…) is a count; elsewhere (一批, 两个) it is not
    ("城南泵站、北湖箱涵等四个市级工程全面完工。", ("市级工程", Decimal(4), ["城南泵站", "北湖箱涵"])),
    ("推进东村、西村等三个美丽乡村示范村建设。", ("美丽乡村示范村", Decimal(3), ["东村", "西村"])),
])
def test_a_count_in_chinese_after_its_list_is_a_count(tmp_path, sentence, expected):
    found = [(c.object, c.value, c.names) for c in commitments_of(tmp_path, REVIEW + sentence)]
    assert expected in found, found
    assert commitments_of(tmp_path, REVIEW + "建成一批社区食堂,打造两个示范片区。") == []


def test_a_batch_with_no_count_and_no_name_is_nothing_finished_one_with_names_is(tmp_path):
    found = commitments_of(tmp_path, REVIEW + "建成一批口袋公园,一批养老机构、日间照料中心投入使用。城东路、西湖路等一批道路建成通车。")
    assert [(c.stage, c.object, c.names) for c in found] == [("finish", "一批道路", ["城东路", "西湖路"])]


@pytest.mark.parametrize("sentence,expected", [
    # 完成…建设 of a named item with no count is its finish; a standard met (标准化建设) or other 完成 is none
    ("完成城北污水处理厂建设,完成社区卫生室标准化建设,完成年度目标任务。", [("finish", "城北污水处理厂")]),
    ("完成东部新城体育中心和会展中心建设。", [("finish", "东部新城体育中心"), ("finish", "会展中心")]),
])
def test_building_done_of_a_named_item_is_its_finish(tmp_path, sentence, expected):
    found = [(c.stage, c.object) for c in commitments_of(tmp_path, REVIEW + sentence)]
    assert found == expected, found


@pytest.mark.parametrize("sentence,expected", [
    # 明年 inside a review of 2023: next year's target, whether the item is named or counted
    ("城东科创中心主体封顶,城西科创基地预计明年竣工投用。", ("target", "2024", "城西科创基地", None)),
    ("建成社区食堂12个,预计明年再新建社区食堂8个。", ("target", "2024", "社区食堂", Decimal(8))),
])
def test_next_year_inside_a_review_is_a_target_of_the_year_after(tmp_path, sentence, expected):
    found = [(c.role, c.period, c.object, c.value) for c in commitments_of(tmp_path, REVIEW + sentence)]
    assert expected in found, found


@pytest.mark.parametrize("sentence,expected", [
    # short names before a longer last item share its head noun: one commitment with every name
    ("城东、城西污水处理厂建成投用。", [("污水处理厂", ["城东", "城西"])]),
    ("建成纺织、机械、化工产业大脑。", [("产业大脑", ["纺织", "机械", "化工"])]),
    # names of their own stay one each
    ("城东中学、滨湖实验小学建成投用。", [("城东中学", ["城东中学"]), ("滨湖实验小学", ["滨湖实验小学"])]),
    ("甲乙、丙丁戊高速建成通车。", [("甲乙", ["甲乙"]), ("丙丁戊高速", ["丙丁戊高速"])]),  # a head too short to tell
])
def test_a_head_noun_shared_by_a_list_of_short_names_is_one_commitment(tmp_path, sentence, expected):
    found = [(c.object, c.names) for c in commitments_of(tmp_path, REVIEW + sentence)]
    assert found == expected, found


@pytest.mark.parametrize("sentence,expected", [
    # a short work after 和 finishes one named work; two names of their own stay two
    ("启动实施南渠综合治理和分流工程。", [("start", "南渠综合治理和分流工程")]),
    ("城北河道清淤疏浚和护岸工程完工,城东路和城西路建成通车。",
     [("finish", "城北河道清淤疏浚和护岸工程"), ("finish", "城东路"), ("finish", "城西路")]),
])
def test_a_short_work_after_and_is_part_of_one_named_work(tmp_path, sentence, expected):
    found = [(c.stage, c.object) for c in commitments_of(tmp_path, REVIEW + sentence)]
    assert found == expected, found


@pytest.mark.parametrize("sentence,expected", [
    # a list of counts each with its object after it: every item is a commitment with the list's verb
    ("实施8个工业减排项目、50个农业减排项目。", [("工业减排项目", Decimal(8)), ("农业减排项目", Decimal(50))]),
    ("新增3个国家级生态乡镇、12个省级生态村。", [("国家级生态乡镇", Decimal(3)), ("省级生态村", Decimal(12))]),
    # a count after 和 is counted with the words after it, not the item before 和
    ("城南“两路一桥”和18条背街小巷改造竣工。", [("背街小巷改造", Decimal(18))]),
    # a count with no object of its own after 、 is a size of the one before
    ("改造35个老旧小区、1.2万户。", [("老旧小区", Decimal(35))]),
])
def test_every_item_of_a_list_of_counts_is_read_with_its_own_object(tmp_path, sentence, expected):
    found = [(c.object, c.value) for c in commitments_of(tmp_path, REVIEW + sentence)]
    assert found == expected, found
