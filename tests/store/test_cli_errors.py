"""Errors that say what to do: a read never creates a database; an unknown region or a
malformed period is one line and a non-zero exit, never a traceback or an empty answer."""

from __future__ import annotations

import pytest
from typer.testing import CliRunner

from planwatch import settings
from planwatch.cli import app

SEED_LIKE = "绿洲县2024年政府工作报告\n\n二、2024年主要预期目标\n地区生产总值增长6%左右。\n"


def run(*args):
    return CliRunner().invoke(app, [str(a) for a in args])


def _one_line(result) -> str:
    lines = [line for line in result.output.splitlines() if line.strip()]
    assert len(lines) == 1, result.output
    assert "Traceback" not in result.output
    return lines[0]


@pytest.mark.parametrize("command", [["documents"], ["facts"], ["evaluate"], ["findings"], ["plans"],
                                     ["commitments"], ["projects"], ["report", "--region", "绿洲县", "--period", "2024", "--output", "r.csv"]])
def test_a_read_without_a_database_says_where_it_looked_and_creates_none(tmp_path, command):
    missing = tmp_path / "nowhere" / "planwatch.db"
    result = run(*command, "--db", f"sqlite:///{missing}")
    assert result.exit_code == 1
    line = _one_line(result)
    assert str(missing) in line and "planwatch ingest" in line
    assert not missing.exists() and not missing.parent.exists()


def test_the_default_database_is_named_in_help():
    result = CliRunner().invoke(app, ["--help"], terminal_width=300)
    assert result.exit_code == 0
    assert settings.get("database_url") in result.output


@pytest.fixture
def stored(database_url, tmp_path):
    document = tmp_path / "绿洲县2024.txt"
    document.write_text(SEED_LIKE, encoding="utf-8")
    assert run("ingest", document, "--db", database_url).exit_code == 0
    return database_url


@pytest.mark.parametrize("command", [["evaluate"], ["findings"], ["facts"], ["documents"], ["plans"],
                                     ["commitments"], ["projects"]])
def test_an_unknown_region_is_one_line_naming_the_stored_ones(stored, command):
    result = run(*command, "--region", "不存在区", "--db", stored)
    assert result.exit_code == 1
    line = _one_line(result)
    assert "不存在区" in line and "绿洲县" in line


@pytest.mark.parametrize("command", [["evaluate", "--period", "abc"], ["evaluate", "--period", "20x3"],
                                     ["commitments", "--period", "abc"], ["facts", "--period", "abc"], ["plans", "--span", "2021-20"],
                                     ["report", "--region", "绿洲县", "--period", "abc", "--output", "r.csv"]])
def test_a_malformed_period_explains_how_to_write_one(stored, command):
    result = run(*command, "--db", stored)
    assert result.exit_code == 1
    line = _one_line(result)
    assert "is not a period" in line and "2023H1" in line and "2021-2025" in line


def test_a_region_given_by_its_short_or_full_name_answers(stored):
    result = run("evaluate", "--region", "绿洲县", "--db", stored, "--format", "csv")
    assert result.exit_code == 0, result.output
    assert "地区生产总值" in result.output


def test_plans_take_every_format(database_url, tmp_path):
    plan = tmp_path / "plan.txt"
    plan.write_text("绿洲县国民经济和社会发展第十四个五年规划和二〇三五年远景目标纲要\n\n"
                    "到2025年，地区生产总值达到450亿元，年均增长6%左右。2020年地区生产总值为320亿元。\n", "utf-8")
    assert run("ingest", plan, "--db", database_url).exit_code == 0
    result = run("plans", "--db", database_url, "--format", "csv")
    assert result.exit_code == 0, result.output
    header, *rows = result.output.splitlines()
    assert header.startswith("region,span,indicator")
    assert any("地区生产总值" in row and "2021-2025" in row for row in rows)
