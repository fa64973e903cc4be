"""Which files a folder gives to ingest."""

from __future__ import annotations

from planwatch.store.walk import files_under


def test_folders_are_read_recursively_in_name_order_without_hidden_files(tmp_path):
    for name in ("b.txt", "a/c.html", "a/d/e.pdf", ".git/config", "a/.hidden.txt"):
        (tmp_path / name).parent.mkdir(parents=True, exist_ok=True)
        (tmp_path / name).write_text("x")
    found = [p.relative_to(tmp_path).as_posix() for p in files_under([tmp_path])]
    assert found == ["a/c.html", "a/d/e.pdf", "b.txt"]


def test_a_link_back_up_the_tree_is_followed_once(tmp_path):
    (tmp_path / "docs").mkdir()
    (tmp_path / "docs" / "report.txt").write_text("x")
    (tmp_path / "docs" / "loop").symlink_to(tmp_path / "docs")
    assert [p.name for p in files_under([tmp_path / "docs"])] == ["report.txt"]


def test_named_files_come_as_given_even_when_missing(tmp_path):
    assert list(files_under([tmp_path / "missing.txt", str(tmp_path / "x.txt")])) == [
        tmp_path / "missing.txt", tmp_path / "x.txt"]
