"""`planwatch commitments` and `planwatch projects` on a real database: what a promise
became, in every format, the same records as the Python API."""

from __future__ import annotations

import csv
import hashlib
import io
import json

import pytest
from typer.testing import CliRunner

from planwatch.cli import app
from planwatch.documents import Document, DocumentMeta
from planwatch.evaluate import follow, project_records

PLAN = "青石县2023年计划执行情况：2024年计划新建充电桩5500个，完工区级市政道路9条，开工建设青菱寺路。"
REPORT = "青石县2024年计划执行情况：全年新建充电桩5600个，开工建设区级市政道路6条，青菱寺路开工。"


def _document(name: str, text: str, date: str) -> Document:
    raw = text.encode("utf-8")
    return Document(name=name, text=text, sha256=hashlib.sha256(raw).hexdigest(), encoding="utf-8", original=raw,
                    meta=DocumentMeta(title=name, region="青石县", doc_type="annual_report", date=date))


def _key(quote, role, obj, stage, action, value=None, unit=None):
    return {"kind": "task", "role": role, "period": "2024", "object": obj, "stage": stage, "action": action,
            "value": value, "unit": unit, "comparator": "=" if value else None, "money": None,
            "names": [] if value else [obj], "responsible": None, "quote": quote}


@pytest.fixture
def linked(store, key_commitments):
    plan, _ = store.add_document(_document("plan.txt", PLAN, "2024-01-10"), [])
    report, _ = store.add_document(_document("report.txt", REPORT, "2025-01-12"), [])
    store.add_commitments(plan.id, key_commitments("plan.txt", PLAN, [
        _key("新建充电桩5500个", "target", "充电桩", "other", "新建", 5500, "个"),
        _key("完工区级市政道路9条", "target", "区级市政道路", "finish", "完工", 9, "条"),
        _key("开工建设青菱寺路", "target", "青菱寺路", "start", "开工建设")]))
    store.add_commitments(report.id, key_commitments("report.txt", REPORT, [
        _key("新建充电桩5600个", "actual", "充电桩", "other", "新建", 5600, "个"),
        _key("开工建设区级市政道路6条", "actual", "区级市政道路", "start", "开工建设", 6, "条"),
        _key("青菱寺路开工", "actual", "青菱寺路", "start", "开工")]))
    return store


def run(*args):
    return CliRunner().invoke(app, [str(a) for a in args])


def test_commitments_as_csv_say_what_each_promise_became(linked):
    result = run("commitments", "--db", linked.url, "--region", "青石县", "--format", "csv")
    assert result.exit_code == 0, result.output
    rows = list(csv.DictReader(io.StringIO(result.output)))
    assert [(r["object"], r["status"], r["label"], r["answer"]) for r in rows] == [
        ("充电桩", "exceeded", "超额完成", "新建5600个"),
        ("区级市政道路", "in_progress", "已开工未完工", "开工建设6条"),
        ("青菱寺路", "done", "完成", "开工")]
    assert REPORT[int(rows[0]["answer_start"]):int(rows[0]["answer_end"])] == "新建充电桩5600个"
    assert PLAN[int(rows[0]["start"]):int(rows[0]["end"])] == "新建充电桩5500个"


def test_commitments_as_jsonl_are_the_apis_links_with_chinese_kept(linked):
    result = run("commitments", "--db", linked.url, "--status", "in_progress")
    assert result.exit_code == 0, result.output
    assert "\\u" not in result.output
    printed = [json.loads(line) for line in result.output.splitlines()]
    expected = json.loads(json.dumps([link.to_dict() for link in follow(linked, status="in_progress")],
                                     ensure_ascii=False, default=str))
    assert printed == expected and [p["object"] for p in printed] == ["区级市政道路"]


def test_an_unknown_status_is_one_line_naming_the_statuses(linked):
    result = run("commitments", "--db", linked.url, "--status", "finished")
    assert result.exit_code == 1
    assert "'finished' is not a status" in result.output and "not_reported" in result.output


def test_projects_in_every_format(linked):
    table = run("projects", "--db", linked.url, "--format", "table")
    assert table.exit_code == 0 and "青菱寺路" in table.output
    rows = list(csv.DictReader(io.StringIO(run("projects", "--db", linked.url, "--format", "csv").output)))
    assert [(r["name"], r["phase"], r["mentions"], r["documents"]) for r in rows] == [
        ("青菱寺路", "started", "2", "plan.txt；report.txt")]
    printed = [json.loads(line) for line in run("projects", "--db", linked.url).output.splitlines()]
    assert [p["name"] for p in printed] == [p.name for p in project_records(linked)]
    assert [m["phase"] for m in printed[0]["mentions"]] == ["planned", "started"]


def test_the_key_tasks_table_from_the_shell(linked, tmp_path):
    output = tmp_path / "表.csv"
    result = run("report", "--tasks", "--region", "青石县", "--period", "2024", "--format", "csv", "--output", output,
                 "--db", linked.url)
    assert result.exit_code == 0, result.output
    assert "青石县2024年重点工作任务完成情况表：3项任务" in result.output
    rows = list(csv.reader(io.StringIO(output.read_text(encoding="utf-8-sig"))))
    assert [r[2] for r in rows[1:]] == ["新建充电桩", "完工区级市政道路", "开工建设青菱寺路"]
    missing = run("report", "--tasks", "--region", "青石县", "--period", "2030", "--output", output, "--db", linked.url)
    assert missing.exit_code == 1 and "没有2030年的重点工作任务" in missing.output
