"""A document is its content and its source (the path it was read from), never its
file name and a region guess."""

from __future__ import annotations

REPORT = "绿洲县{year}年政府工作报告\n\n二、{year}年主要预期目标\n地区生产总值增长{growth}%左右。\n"


def _write(path, year=2021, growth=6):
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(REPORT.format(year=year, growth=growth), encoding="utf-8")
    return path


def test_two_reports_of_one_name_in_two_folders_are_two_documents(store, tmp_path):
    _write(tmp_path / "a" / "2021.md", growth=6)
    _write(tmp_path / "b" / "2021.md", growth=7)
    first = store.ingest([tmp_path])
    again = store.ingest([tmp_path])
    assert (first.documents, first.versions, again.documents, again.versions, again.unchanged) == (2, 0, 0, 0, 2)
    documents = store.documents(include_superseded=True)
    assert [(d.name, d.version, d.superseded) for d in documents] == [("2021.md", 1, False)] * 2


def test_a_changed_file_at_the_same_path_is_a_new_version(store, tmp_path):
    path = _write(tmp_path / "a" / "2021.md", growth=6)
    _write(tmp_path / "b" / "2021.md", growth=7)
    store.ingest([tmp_path])
    _write(path, growth=6.5)
    report = store.ingest([tmp_path])
    assert (report.documents, report.versions, report.unchanged) == (0, 1, 1)
    current = {store.sources(d.id)[0]: d for d in store.documents()}
    assert current[str(path)].version == 2
    assert [f.fact.value for f in store.facts(document_id=current[str(path)].id)] == [6.5]


def test_one_content_from_two_paths_is_stored_once_and_remembers_both(store, tmp_path):
    first = _write(tmp_path / "inbox" / "报告.txt")
    second = tmp_path / "archive" / "2021年报告.txt"
    second.parent.mkdir()
    second.write_bytes(first.read_bytes())
    report = store.ingest([first, second])
    assert (report.documents, report.unchanged) == (1, 1)
    [document] = store.documents()
    assert store.sources(document.id) == [str(first), str(second)]
