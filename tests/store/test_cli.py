"""`planwatch ingest`, `planwatch facts` and `planwatch documents` as a user runs them."""

from __future__ import annotations

import codecs
import json

import pytest
from typer.testing import CliRunner

from planwatch.cli import app
from planwatch.store import Store


@pytest.fixture
def folder(tmp_path, make_document):
    folder = tmp_path / "docs"
    folder.mkdir()
    (folder / "good.txt").write_bytes(make_document().original)
    (folder / "other.txt").write_text("白水区2025年政府工作报告\n地区生产总值增长6%。\n", "utf-8")
    (folder / "empty.txt").write_bytes(b"")
    (folder / "undecodable.txt").write_bytes(codecs.BOM_UTF8 + b"\xff\xfe\xfd")
    return folder


def run(*args, env=None):
    return CliRunner().invoke(app, [str(a) for a in args], env=env)


def test_ingest_names_each_failed_file_and_exits_non_zero(database_url, folder):
    result = run("ingest", folder, folder / "missing.txt", "--db", database_url)
    assert result.exit_code == 1
    errors = [line for line in result.stderr.splitlines() if line.startswith("error")]
    assert len(errors) == 3
    assert any("empty.txt" in line and "empty" in line.split("empty.txt")[1] for line in errors)
    assert any("undecodable.txt" in line for line in errors)
    assert any("missing.txt" in line and "No such file" in line for line in errors)
    assert result.stdout.strip().startswith("documents 2, new versions 0, unchanged 0, facts ")
    assert result.stdout.strip().endswith("failures 3")


def test_ingest_twice_reports_unchanged_and_succeeds_without_failures(database_url, folder):
    (folder / "empty.txt").unlink()
    (folder / "undecodable.txt").unlink()
    assert run("ingest", folder, "--db", database_url).exit_code == 0
    again = run("ingest", folder, "--db", database_url)
    assert again.exit_code == 0
    assert again.stdout.strip() == "documents 0, new versions 0, unchanged 2, facts 0, failures 0"


def test_database_url_comes_from_the_environment(database_url, folder):
    (folder / "empty.txt").unlink()
    (folder / "undecodable.txt").unlink()
    result = run("ingest", folder, env={"PLANWATCH_DATABASE_URL": database_url})
    assert result.exit_code == 0
    with Store(database_url) as store:
        assert {d.name for d in store.documents()} == {"good.txt", "other.txt"}


def test_facts_prints_chinese_and_exact_values_and_filters(database_url, document, facts, make_document):
    with Store(database_url) as store:
        store.add_document(document, facts)
        store.add_document(make_document(name="b.txt", text="白水区 " + document.text, region="白水区"), facts[:1])
    result = run("facts", "--db", database_url, "--region", "青石县", "--role", "target")
    assert result.exit_code == 0
    records = [json.loads(line) for line in result.stdout.splitlines()]
    assert [(r["indicator"], r["value"], r.get("upper")) for r in records] == [
        ("一般公共预算收入", 4.5, 5), ("城镇调查失业率", 5.5, None), ("居民人均可支配收入", None, None)]
    assert "一般公共预算收入" in result.stdout            # Chinese as is, never \u escapes
    gdp = run("facts", "--db", database_url, "--indicator", "地区生产总值", "--period", "2025", "-f", "csv")
    growth = run("facts", "--db", database_url, "--measure", "growth", "--region", "青石县", "-f", "csv")
    assert [line.split(",")[2] for line in growth.stdout.splitlines()[1:]] == [
        "地区生产总值", "一般公共预算收入", "居民人均可支配收入"]
    lines = gdp.stdout.splitlines()
    assert lines[0].startswith("doc,region,indicator,role,period,measure,value")
    assert sorted(line.split(",")[:7] for line in lines[1:]) == [
        ["b.txt", "白水区", "地区生产总值", "actual", "2025", "level", "1639999999.99"],
        ["qingshi_2025.txt", "青石县", "地区生产总值", "actual", "2025", "growth", "5"],
        ["qingshi_2025.txt", "青石县", "地区生产总值", "actual", "2025", "level", "1639999999.99"]]


def test_documents_lists_the_latest_versions(database_url, document, facts):
    with Store(database_url) as store:
        store.add_document(document, facts)
    result = run("documents", "--db", database_url)
    assert result.exit_code == 0
    [record] = [json.loads(line) for line in result.stdout.splitlines()]
    assert (record["name"], record["region"], record["version"], record["fact_count"]) == (
        "qingshi_2025.txt", "青石县", 1, 5)


def test_a_bad_database_url_is_one_red_line():
    result = run("facts", "--db", "oracle://nowhere/db")
    assert result.exit_code == 1
    assert result.stderr.count("\n") == 1 and "unsupported database" in result.stderr


def test_ingest_reextract_reports_refreshed_files(database_url, folder):
    (folder / "empty.txt").unlink()
    (folder / "undecodable.txt").unlink()
    run("ingest", folder, "--db", database_url)
    again = run("ingest", folder, "--db", database_url, "--reextract")
    assert again.exit_code == 0
    assert again.stdout.strip().startswith("documents 0, new versions 0, unchanged 0, ")
    assert again.stdout.strip().endswith("refreshed 2")


def test_a_misspelt_role_is_refused(database_url):
    result = run("facts", "--db", database_url, "--role", "goal")
    assert result.exit_code == 2
    assert "goal" in result.output
