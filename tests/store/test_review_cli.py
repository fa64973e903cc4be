"""`planwatch review ...` and `planwatch reextract` as a user runs them."""

from __future__ import annotations

import json

from typer.testing import CliRunner

from planwatch.accounts import Accounts
from planwatch.cli import app
from planwatch.store import Store

PASSWORD = "a long password for tests"


def run(*args):
    return CliRunner().invoke(app, [str(a) for a in args])


def _admins(store, *names) -> None:
    """The command line writes under admins' names only (review_cmd.ACTOR_OPTION)."""
    for name in names:
        Accounts(store).add_user(name, PASSWORD, "admin", by="test")


def _records(result) -> list[dict]:
    assert result.exit_code == 0, result.output
    return [json.loads(line) for line in result.stdout.splitlines()]


def test_review_from_the_shell(database_url, document, facts):
    with Store(database_url) as store:
        stored, _ = store.add_document(document, facts)
        _admins(store, "张三", "李四", "王五")
    queue = _records(run("review", "queue", "--db", database_url, "--region", "青石县"))
    assert len(queue) == 5 and all(r["review"] == "unreviewed" and "id" in r for r in queue)
    by_indicator = {r["indicator"]: r["id"] for r in queue if r["measure"] == "growth"}

    [confirmed] = _records(run("review", "confirm", by_indicator["地区生产总值"], "--as", "张三", "--db", database_url))
    [corrected] = _records(run("review", "correct", by_indicator["一般公共预算收入"], "--value", "4.8",
                               "--not-stretch", "--as", "张三", "--db", database_url))
    [rejected] = _records(run("review", "reject", by_indicator["居民人均可支配收入"], "--as", "李四",
                              "--db", database_url))
    start = document.text.index("5.5%以内")
    [added] = _records(run("review", "add", "--document", stored.id, "--start", start, "--end", start + 7,
                           "--indicator", "城镇调查失业率", "--role", "actual", "--period", "2025", "--measure",
                           "level", "--value", "5.2", "--unit", "%", "--as", "王五", "--db", database_url))
    assert [r["action"] for r in (confirmed, corrected, rejected, added)] == ["confirmed", "corrected", "rejected",
                                                                            "added"]
    assert corrected["after"]["value"] == "4.8" and corrected["after"]["stretch"] is False

    facts_now = _records(run("facts", "--db", database_url))
    assert sorted(r["review"] for r in facts_now) == ["added", "confirmed", "corrected", "unreviewed", "unreviewed"]
    progress = _records(run("review", "progress", "--db", database_url))
    assert [(p["scope"], p["key"], p["reviewed"], p["total"]) for p in progress] == [("region", "青石县", 4, 6)]
    progress = _records(run("review", "progress", "--db", database_url, "--region", "青石县"))
    assert [(p["scope"], p["reviewed"], p["total"]) for p in progress] == [("region", 4, 6), ("document", 4, 6)]
    assert len(_records(run("review", "queue", "--db", database_url))) == 2
    history = _records(run("review", "history", "--db", database_url, "--document", stored.id))
    assert [h["actor"] for h in history] == ["张三", "张三", "李四", "王五"]


def test_bad_review_commands_are_one_line_and_a_non_zero_exit(database_url, document, facts):
    with Store(database_url) as store:
        store.add_document(document, facts)
        fact_id = store.facts()[0].id
        _admins(store, "张三")
    for args, words in ((("confirm", 999999), "no fact with id 999999"),
                        (("correct", fact_id, "--value", "abc"), "value must be a number"),
                        (("correct", fact_id, "--indicator", "不存在"), "catalogue"),
                        (("settle", 1, "--keep", "decision"), "no conflict to settle")):
        result = run("review", *args, "--as", "张三", "--db", database_url)
        assert result.exit_code == 1
        assert result.stderr.startswith("error") and words in result.stderr and len(result.stderr.splitlines()) == 1
    assert run("review", "confirm", fact_id, "--db", database_url).exit_code == 2   # --as is required


def test_reextract_and_conflicts(database_url, tmp_path):
    path = tmp_path / "report.txt"
    path.write_text("青石县2025年政府工作报告\n2025年地区生产总值增长5.5%左右。\n", "utf-8")
    assert run("ingest", path, "--db", database_url).exit_code == 0
    [fact] = _records(run("facts", "--db", database_url))
    with Store(database_url) as store:
        _admins(store, "张三")
    _records(run("review", "correct", fact["id"], "--value", "5.6", "--as", "张三", "--db", database_url))
    result = run("reextract", "--db", database_url, "--region", "青石县")
    assert result.exit_code == 0, result.output
    assert result.stdout.strip() == "refreshed 1, facts 1, failures 0, review conflicts 0"
    assert _records(run("review", "conflicts", "--db", database_url)) == []
    [again] = _records(run("facts", "--db", database_url))
    assert (again["value"], again["review"]) == (5.6, "corrected")


PROMISE = "青石县2025年计划执行情况：2026年新建充电桩500个，开工建设青菱路。"
ANSWER = "青石县2026年计划执行情况：全年新建充电桩420个。"


def _key(quote, role, obj, stage, action, value=None, unit=None):
    return {"kind": "task", "role": role, "period": "2026", "object": obj, "stage": stage, "action": action,
            "value": value, "unit": unit, "comparator": "=" if value else None, "money": None, "names": [],
            "responsible": None, "quote": quote}


def test_review_commitments_from_the_shell(database_url, make_document, key_commitments):
    with Store(database_url) as store:
        promise = make_document(name="promise.txt", text=PROMISE)
        answer = make_document(name="answer.txt", text=ANSWER)
        answer.meta.date = "2027-01-15"
        store.add_document(promise, [], commitments=key_commitments("promise.txt", PROMISE, [
            _key("新建充电桩500个", "target", "充电桩", "other", "新建", 500, "个"),
            _key("开工建设青菱路", "target", "青菱路", "start", "开工建设")]))
        second, _ = store.add_document(answer, [], commitments=key_commitments("answer.txt", ANSWER, [
            _key("新建充电桩420个", "actual", "充电桩", "other", "新建", 420, "个")]))
        _admins(store, "张三", "李四", "王五", "赵六")
    links = {r["object"]: r for r in _records(run("commitments", "--db", database_url, "--format", "jsonl"))}
    assert (links["充电桩"]["status"], links["充电桩"]["target"]["review"]) == ("partly", "unreviewed")
    queued = _records(run("review", "queue", "--commitments", "--db", database_url))
    assert [(c["role"], c["object"]) for c in queued] == [("target", "充电桩"), ("target", "青菱路"), ("actual", "充电桩")]
    refused = run("review", "queue", "--commitments", "--indicator", "地区生产总值", "--db", database_url)
    assert refused.exit_code == 1 and "--indicator" in refused.stderr

    [corrected] = _records(run("review", "commitments", "correct", links["充电桩"]["target"]["id"], "--value", "400",
                               "--expected", "0", "--as", "张三", "--db", database_url))
    [rejected] = _records(run("review", "commitments", "reject", links["青菱路"]["id"], "--as", "李四",
                              "--db", database_url))
    start = ANSWER.index("全年")
    [added] = _records(run("review", "commitments", "add", "--document", second.id, "--start", start, "--end",
                           start + 2, "--kind", "task", "--role", "actual", "--period", "2026", "--object", "公园",
                           "--stage", "other", "--value", "3", "--unit", "个", "--names", "东园、西园", "--as", "王五",
                           "--db", database_url))
    assert [(d["subject"], d["action"]) for d in (corrected, rejected, added)] == [
        ("commitment", "corrected"), ("commitment", "rejected"), ("commitment", "added")]
    assert (corrected["before"]["value"], corrected["after"]["value"]) == ("500", "400")
    assert added["after"]["names"] == ["东园", "西园"]

    links = {r["object"]: r for r in _records(run("commitments", "--db", database_url, "--format", "jsonl"))}
    assert set(links) == {"充电桩"} and links["充电桩"]["status"] == "exceeded"
    assert [c["object"] for c in _records(run("review", "queue", "--commitments", "--db", database_url))] == ["充电桩"]
    history = _records(run("review", "commitments", "history", "--db", database_url))
    assert [(h["actor"], h["object"]) for h in history] == [("张三", "充电桩"), ("李四", "青菱路"), ("王五", "公园")]
    stale = run("review", "commitments", "confirm", links["充电桩"]["target"]["id"], "--expected", "0", "--as", "赵六",
                "--db", database_url)
    assert stale.exit_code == 1 and "张三" in stale.stderr
    bad = run("review", "commitments", "correct", links["充电桩"]["target"]["id"], "--stage", "begun", "--as", "赵六",
              "--db", database_url)
    assert bad.exit_code == 1 and "stage must be one of" in bad.stderr


def test_the_command_line_decides_only_under_a_current_admins_name(database_url, document, facts):
    with Store(database_url) as store:
        store.add_document(document, facts)
        fact_id = store.facts()[0].id
        _admins(store, "管理员", "前任")
        accounts = Accounts(store)
        accounts.add_user("审核员", PASSWORD, "reviewer", by="test")
        accounts.set_disabled("前任", True, by="test")
    for name, words in (("无名氏", "no user named 无名氏"), ("前任", "disabled"),
                        ("审核员", "not an admin")):
        result = run("review", "confirm", fact_id, "--as", name, "--db", database_url)
        assert result.exit_code == 1 and words in result.stderr and len(result.stderr.splitlines()) == 1
    with Store(database_url) as store:
        assert store.audit_entries("fact") == [] and store.facts()[0].review == "unreviewed"
    [confirmed] = _records(run("review", "confirm", fact_id, "--as", "管理员", "--db", database_url))
    assert confirmed["actor"] == "管理员"


def test_manual_entry_from_the_shell(database_url, document, facts):
    with Store(database_url) as store:
        store.add_document(document, facts)
        _admins(store, "张三")
    source = "青石县统计局《2025年统计公报》，2026年3月"
    [entered] = _records(run("review", "enter", "--region", "青石县", "--indicator", "城镇调查失业率", "--role", "actual",
                             "--period", "2025", "--measure", "level", "--value", "5.1", "--unit", "%",
                             "--source", source, "--as", "张三", "--db", database_url))
    assert (entered["action"], entered["after"]["source"], entered["after"]["value"]) == ("added", source, "5.1")
    [fact] = [r for r in _records(run("facts", "--db", database_url)) if r["id"] == entered["fact_id"]]
    assert (fact["source"], fact["value"], fact["review"], fact["doc_type"]) == (source, 5.1, "added", "entries")
    refused = run("review", "enter", "--region", "白云县", "--indicator", "城镇调查失业率", "--role", "actual",
                  "--period", "2025", "--measure", "level", "--value", "5.1", "--source", source, "--as", "张三",
                  "--db", database_url)
    assert refused.exit_code == 1 and "白云县" in refused.stderr
