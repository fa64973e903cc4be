"""A batch with bad files in it: each bad file is reported by name, the good
ones are stored, and a second run adds nothing."""

from __future__ import annotations

import codecs
from pathlib import Path

import pytest

SEEDS = Path(__file__).parents[2] / "../shared/seeds"
SEED = "000_d8508dcb86787947.txt"


@pytest.fixture
def batch(tmp_path, make_document) -> tuple[list[Path], dict[str, str]]:
    """A folder of good and bad files, the seeds, and a path that does not exist.
    Returns the paths to ingest and, per bad file name, a word its reason must contain."""
    folder = tmp_path / "batch"
    (folder / "more").mkdir(parents=True)
    (folder / "good.txt").write_bytes(make_document().original)
    (folder / "more" / "another.txt").write_text("白水区2025年政府工作报告\n地区生产总值增长6%。\n", "utf-8")
    (folder / ".DS_Store").write_bytes(b"\x00\x01hidden")
    (folder / "empty.txt").write_bytes(b"")
    (folder / "binary.txt").write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(256)) * 8)
    (folder / "undecodable.txt").write_bytes(codecs.BOM_UTF8 + "规划".encode() + b"\xff\xfe\xfd")
    seed_text = (SEEDS / SEED).read_bytes().decode("utf-8")
    (folder / "seed_gb18030.txt").write_bytes(seed_text.encode("gb18030"))
    missing = tmp_path / "no_such_file.txt"
    bad = {"empty.txt": "empty", "binary.txt": "", "undecodable.txt": "", "no_such_file.txt": "No such file"}
    return [SEEDS, folder, missing], bad


def _snapshot(store):
    return ([(d.name, d.version, d.sha256, d.fact_count) for d in store.documents(include_superseded=True)],
            [f.to_dict() for f in store.facts(include_superseded=True)])


def test_bad_files_are_named_and_good_ones_stored(store, batch):
    paths, bad = batch
    steps = []
    report = store.ingest(paths, on_progress=steps.append)

    assert sorted(Path(path).name for path, _ in report.failures) == sorted(bad)
    for path, reason in report.failures:
        assert reason and bad[Path(path).name] in reason
    assert (report.documents, report.versions, report.unchanged) == (8, 0, 0)   # 5 seeds + 3 good files
    assert not report.ok
    assert report.facts == sum(d.fact_count for d in store.documents())
    stored = {d.name for d in store.documents()}
    assert {"good.txt", "another.txt", "seed_gb18030.txt", SEED} <= stored
    assert ".DS_Store" not in stored and not stored & set(bad)
    assert [s.done for s in steps] == list(range(1, 13)) and {s.total for s in steps} == {12}


def test_a_second_run_adds_nothing(store, batch):
    paths, bad = batch
    store.ingest(paths)
    before = _snapshot(store)
    report = store.ingest(paths)
    assert (report.documents, report.versions, report.unchanged, report.facts) == (0, 0, 8, 0)
    assert len(report.failures) == len(bad)
    assert _snapshot(store) == before


def test_a_gb18030_copy_reads_as_the_same_text_and_facts(store, batch):
    paths, _ = batch
    store.ingest(paths)
    by_name = {d.name: d for d in store.documents()}
    copy, seed = store.document(by_name["seed_gb18030.txt"].id), store.document(by_name[SEED].id)
    assert copy.encoding.replace("-", "").lower() == "gb18030"
    assert copy.text == seed.text

    def payload(doc):
        return [{k: v for k, v in f.to_dict().items() if k not in ("doc", "document_id", "id")}
                for f in store.facts(document_id=doc.id)]
    assert payload(copy) == payload(seed)


def test_a_changed_file_is_a_new_version_on_the_next_run(store, tmp_path):
    path = tmp_path / "report.txt"
    path.write_text("青石县报告\n地区生产总值增长5%。\n", "utf-8")
    store.ingest([path])
    path.write_text("青石县报告（修订）\n地区生产总值增长5.2%。\n", "utf-8")
    report = store.ingest([path])
    assert (report.documents, report.versions, report.unchanged) == (0, 1, 0)
    assert [(d.version, d.superseded) for d in store.documents(include_superseded=True)] == [(1, True), (2, False)]


def test_ingest_indexes_its_documents_for_search(store, tmp_path):
    # The first search after an ingest finds the index built, instead of building it.
    from sqlalchemy import text

    from planwatch.store.search import SearchIndex

    folder = tmp_path / "docs"
    folder.mkdir()
    for n, county in enumerate(("绿洲县", "白杨县")):
        (folder / f"{n}.txt").write_text(f"{county}2025年政府工作报告\n地区生产总值增长6%。\n", "utf-8")
    store.ingest([folder])
    with store.engine.connect() as conn:
        assert conn.execute(text("SELECT count(*) FROM search_documents")).scalar() == 2
    assert SearchIndex(store.engine).refresh() == 0
