"""Projects collected across documents and years, on two of 洪山区's seed reports
(2019 work report, 2023 plan report) and their answer keys."""

from __future__ import annotations

from pathlib import Path

import pytest

from planwatch.documents import load
from planwatch.evaluate.projects import project_records

SEEDS = Path(__file__).resolve().parents[2] / ".." / "shared" / "seeds"
HONGSHAN = ("002_560a354189f325d1.txt", "000_d8508dcb86787947.txt")   # 2019 (plans 2020), 2023 (plans 2024)


@pytest.fixture
def hongshan(store, key_commitments):
    for name in HONGSHAN:
        document = load(SEEDS / name)
        stored, _ = store.add_document(document, [])
        store.add_commitments(stored.id, key_commitments(name, document.text))
    return store


def _by_name(store):
    return {p.name: p for p in project_records(store, region="洪山区")}


def test_a_project_promised_in_one_year_and_finished_in_a_later_one_reads_in_one_place(hongshan):
    road = _by_name(hongshan)["桂湖东路"]
    assert [(m.record.commitment.period, m.phase) for m in road.mentions] == [("2020", "planned"), ("2023", "finished")]
    assert road.phase == "finished" and road.years == ["2020", "2023"]
    assert {m.record.doc for m in road.mentions} == set(HONGSHAN)


def test_a_shorter_name_contained_in_a_longer_one_is_the_same_project(hongshan):
    projects = _by_name(hongshan)
    assert "邮科院宿舍片" not in projects
    names = [m.name for m in projects["武汉邮科院宿舍片"].mentions]
    assert sorted(names) == ["武汉邮科院宿舍片", "邮科院宿舍片"]


def test_a_batch_with_its_investment_names_its_projects(hongshan):
    plot = _by_name(hongshan)["马房山地块"]
    [mention] = plot.mentions
    assert (mention.record.commitment.object, mention.phase, plot.investment) == ("亿元以上项目", "started", [172])


def test_enterprises_and_events_named_in_a_task_are_not_projects(hongshan):
    projects = _by_name(hongshan)
    assert "大学之城就业节" not in projects    # a job fair named in 招聘会85场
    assert all(m.record.commitment.kind == "project" or m.record.commitment.stage != "other"
               for p in projects.values() for m in p.mentions)


def test_every_project_is_of_the_region_asked_for(hongshan):
    assert {p.region_key for p in project_records(hongshan)} == {"洪山区"}
