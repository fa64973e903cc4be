"""Commitments linked from a year's promise to the later reports of its region: objects
matched by their words (a table of tricky pairs), statuses from hand-made pairs, and
follow() over a real store."""

from __future__ import annotations

import hashlib
import itertools
from decimal import Decimal

import pytest

from planwatch.documents import Document, DocumentMeta
from planwatch.errors import QueryError
from planwatch.evaluate.areas import area
from planwatch.evaluate.commitments import counts, follow, links
from planwatch.evaluate.objects import match, same_project, scaled
from planwatch.model import Commitment
from planwatch.store import StoredCommitment

_ids = itertools.count(1)
PLAN, REPORT, LATER = (1, "2024-01-10"), (2, "2025-01-12"), (3, "2026-01-15")


def promise(obj, value=None, unit=None, stage="other", role="target", *, doc=PLAN, period="2024",
            comparator="=", upper=None, region="青山县", action="新建", names=()) -> StoredCommitment:
    number = None if value is None else Decimal(str(value))
    commitment = Commitment(
        "task", role, period, obj, stage, action, number, unit if number is not None else None,
        comparator if number is not None else None, None, list(names), None, 0, 4,
        None if upper is None else Decimal(str(upper)))
    return StoredCommitment(next(_ids), commitment, doc[0], f"doc{doc[0]}.txt", f"文件{doc[0]}", region, region,
                            "annual_report", doc[1], "test")


def done(obj, value=None, unit=None, stage="other", *, doc=REPORT, **more) -> StoredCommitment:
    return promise(obj, value, unit, stage, "actual", doc=doc, **more)


@pytest.mark.parametrize("a, b, how", [
    ("充电桩", "充电桩", "same"),
    ("区级 市政道路", "区级市政道路", "same"),                  # spaces and punctuation do not count
    ("充电桩", "新能源汽车充电桩", "contains"),
    ("亿元以上项目", "10亿元以上项目", "contains"),              # one states no amount
    ("义务教育学位", "义务教育阶段学位", "similar"),            # bigram Dice 0.67
    ("30亿元以上项目", "10亿元以上项目", None),                # digits tell them apart (Dice 0.86)
    ("区级市政道路", "市级市政道路", None),                    # so do 区级 / 市级 (Dice 0.8)
    ("充电桩", "充电站", None),                               # Dice 0.5, under the threshold
    ("老旧小区改造", "老旧管网改造", None),                    # Dice 0.4
    ("桩", "充电桩", None),                                   # a contained name needs 2 characters
    ("公园", "口袋公园", "contains"),
    ("投资超5亿元工业项目", "5亿元以上工业项目", "contains"),    # bound words of an amount do not count
    ("超市", "超级市场", None),                               # ... only beside an amount
    ("共享停车位", "潮汐共享停车场", None),                    # Dice 0.6, under the threshold
])
def test_objects_match_by_their_words(a, b, how):
    found = match(a, b)
    assert (found.how if found else None) == how
    assert (match(b, a).how if match(b, a) else None) == how   # symmetric


def test_units_with_a_scale_prefix_compare_with_plain_ones():
    assert scaled(Decimal("1.7"), "万个") == (Decimal("17000.0"), "个")
    assert scaled(Decimal("3"), "个") == (Decimal("3"), "个")


def test_counting_words_for_the_same_things_compare_but_measures_do_not():
    assert _status(promise("省智能工厂", 25, "个"), done("省智能工厂", 17, "家"))[0] == "partly"
    assert _status(promise("省双创人才", 50, "名"), done("省双创人才", 72, "个"))[0] == "reported"


def _status(target, *answers):
    [link] = links([target, *answers])
    return link.status, [a.record.id for a in link.answers]


def test_statuses_from_the_answers_quantity():
    assert _status(promise("充电桩", 5500, "个"), done("充电桩", 5600, "个"))[0] == "exceeded"
    assert _status(promise("充电桩", 5500, "个"), done("充电桩", 5500, "个"))[0] == "done"
    assert _status(promise("充电桩", 5500, "个"), done("新能源汽车充电桩", 4000, "个"))[0] == "partly"
    assert _status(promise("义务段学位", 1.7, "万个"), done("义务段学位", 18000, "个"))[0] == "exceeded"
    assert _status(promise("专精特新企业", 2, "家", comparator=">=", upper=3),
                   done("专精特新企业", 3, "家"))[0] == "done"          # within the range: done, not exceeded
    assert _status(promise("道路", 9, "条"), done("道路", 12, "公里"))[0] == "reported"   # other units


def test_a_finish_promise_with_only_a_start_reported_is_in_progress():
    target = promise("区级市政道路", 9, "条", "finish", action="完工")
    started = done("区级市政道路", 6, "条", "start", action="开工建设")
    assert _status(target, started) == ("in_progress", [started.id])
    finished = done("区级市政道路", 9, "条", "finish", action="完工")
    assert _status(target, started, finished) == ("done", [finished.id])


def test_something_to_add_is_answered_by_its_finish_when_no_other_answer_says_so():
    target = promise("省级特色田园乡村", 10, "个", action="新增")
    built = done("省级特色田园乡村", 15, "个", "finish", action="建成")
    assert _status(target, built) == ("exceeded", [built.id])
    added = done("省级特色田园乡村", 9, "个", action="新增")
    assert _status(target, built, added) == ("partly", [added.id])


def test_a_start_promise_is_not_answered_by_other_stages():
    target = promise("区级市政道路", 6, "条", "start", action="开工建设")
    assert _status(target, done("区级市政道路", 9, "条", "finish"), done("区级市政道路", 9, "条"))[0] == "not_reported"


def test_a_named_item_without_a_quantity_is_done_once_its_stage_is_reported():
    target = promise("青菱寺路", stage="start", action="开工建设")
    assert _status(target, done("青菱寺路", stage="start", action="开工"))[0] == "done"


def test_only_later_documents_of_the_same_region_and_period_answer():
    target = promise("充电桩", 5500, "个")
    same_document = done("充电桩", 6000, "个", doc=PLAN)
    earlier = done("充电桩", 6000, "个", doc=(9, "2023-01-10"))
    other_region = done("充电桩", 6000, "个", region="河湾区")
    other_period = done("充电桩", 6000, "个", period="2025")
    assert _status(target, same_document, earlier, other_region, other_period) == ("not_reported", [])


def test_thirty_billion_projects_are_not_answered_by_ten_billion_ones():
    target = promise("30亿元以上项目", 4, "个", action="引进")
    assert _status(target, done("10亿元以上项目", 6, "个", action="引进"))[0] == "not_reported"


def test_the_best_matching_answer_decides_and_every_answer_is_kept():
    target = promise("充电桩", 5500, "个")
    loose = done("新能源汽车充电桩", 9000, "个")
    exact = done("充电桩", 5000, "个", doc=LATER)
    status, answers = _status(target, loose, exact)
    assert (status, answers) == ("partly", [exact.id, loose.id])


def test_reasons_say_what_was_promised_and_what_was_reported():
    [link] = links([promise("充电桩", 5500, "个", comparator=">="), done("充电桩", 5610, "个")])
    assert link.reason == "目标新建充电桩5500个以上；《文件2》报告新建充电桩5610个，为目标的102.0%"
    assert link.label == "超额完成"
    assert counts([link]) == {"promised": 1, "exceeded": 1, "done": 0, "partly": 0, "in_progress": 0,
                                   "reported": 0, "not_reported": 0}


def test_project_names_are_one_project_when_equal_or_contained():
    assert same_project("马房山地块", "马房山地块项目")
    assert same_project("青菱寺路", "青菱寺路")
    assert not same_project("地块", "马房山地块")          # too short to stand for a project
    assert not same_project("马房山地块", "白沙洲地块")


def _document(name: str, text: str, date: str) -> Document:
    raw = text.encode("utf-8")
    return Document(name=name, text=text, sha256=hashlib.sha256(raw).hexdigest(), encoding="utf-8", original=raw,
                    meta=DocumentMeta(title=name, region="青山县", doc_type="annual_report", date=date))


def test_follow_reads_a_store_and_filters_by_period_and_status(store, key_commitments):
    first = "青山县2023年计划执行情况：2024年计划新建充电桩5500个，开工建设青菱寺路。"
    second = "青山县2024年计划执行情况：全年新建充电桩5600个。"
    report, _ = store.add_document(_document("b.txt", second, "2025-01-12"), [])   # stored first, dated later
    plan, _ = store.add_document(_document("a.txt", first, "2024-01-10"), [])

    def key(quote, role, obj, stage, value, action):
        return {"kind": "task", "role": role, "period": "2024", "object": obj, "stage": stage, "action": action,
                "value": value, "unit": "个" if value else None, "comparator": "=" if value else None,
                "money": None, "names": [], "responsible": None, "quote": quote}

    store.add_commitments(plan.id, key_commitments("a.txt", first, [
        key("新建充电桩5500个", "target", "充电桩", "other", 5500, "新建"),
        key("开工建设青菱寺路", "target", "青菱寺路", "start", None, "开工建设")]))
    store.add_commitments(report.id, key_commitments("b.txt", second, [
        key("新建充电桩5600个", "actual", "充电桩", "other", 5600, "新建")]))
    assert [(l.target.commitment.object, l.status) for l in follow(store, region="青山县")] == [
        ("充电桩", "exceeded"), ("青菱寺路", "not_reported")]
    assert [l.target.commitment.object for l in follow(store, period="2024", status="not_reported")] == ["青菱寺路"]
    assert follow(store, period="2025") == []
    with pytest.raises(QueryError, match="not a status"):
        follow(store, status="finished")


@pytest.mark.parametrize("obj, names, expected", [
    ("义务段学位", (), "education"),
    ("企业职工基本养老保险参保", (), "employment_social"),    # insurance, not elderly care
    ("社区助餐点", (), "elderly_care"),
    ("区级市政道路", (), "transport"),
    ("老旧小区改造", (), "housing"),
    ("农业农村重大项目", (), "rural"),                        # before 项目 makes it industry
    ("亿元以上项目", ("马房山地块",), "industry_innovation"),
    ("口袋公园", (), "environment"),
    ("工程", ("地铁19号线", "友谊大道高架"), "transport"),     # a class noun: the named items decide
    ("矛盾纠纷", (), "other"),
])
def test_each_promise_has_an_area_by_its_words(obj, names, expected):
    assert area(promise(obj, names=names).commitment) == expected
