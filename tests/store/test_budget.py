"""Each document is read within a time and memory budget, in a worker process that
is stopped past it: the document is one error line naming it and the reason, the
batch goes on, nothing stored is lost. And the batch's summary survives a failing
update after it (statistics, search index on a full disk)."""

from __future__ import annotations

import os
import re
import subprocess
import zipfile
from pathlib import Path

import pytest
from reportlab.pdfgen import canvas
from typer.testing import CliRunner

from planwatch.cli import app
from planwatch.store import Store

SEEDS = Path(__file__).parents[2] / "../shared/seeds"
SUMMARY = re.compile(r"^documents (\d+), new versions 0, unchanged 0, facts (\d+), failures (\d+)$", re.M)


def run(*args, env=None):
    return CliRunner().invoke(app, [str(a) for a in args], env=env)


@pytest.fixture
def folder(tmp_path) -> Path:
    """Two plain reports around one that takes long to read (a long report many times over)."""
    folder = tmp_path / "batch"
    folder.mkdir()
    (folder / "a_first.txt").write_text("白水区2025年政府工作报告\n地区生产总值增长6%。\n", "utf-8")
    (folder / "b_slow.txt").write_text((SEEDS / "003_d0c67b48df9c6228.txt").read_text("utf-8") * 150, "utf-8")
    (folder / "c_after.txt").write_text("青石县2024年政府工作报告\n一般公共预算收入增长4%。\n", "utf-8")
    return folder


def _errors(result) -> list[str]:
    return [line for line in result.stderr.splitlines() if line.startswith("error")]


def test_a_document_past_its_time_budget_is_one_line_and_the_batch_goes_on(database_url, folder):
    result = run("ingest", folder, "--db", database_url, env={"PLANWATCH_DOCUMENT_SECONDS": "2"})
    assert result.exit_code == 1
    [line] = _errors(result)
    assert "b_slow.txt" in line and "over 2 s" in line and "PLANWATCH_DOCUMENT_SECONDS" in line
    assert SUMMARY.search(result.stdout)[1] == "2" and SUMMARY.search(result.stdout)[3] == "1"
    with Store(database_url) as store:   # the one after the stopped worker was read by a new one
        assert {d.name for d in store.documents()} == {"a_first.txt", "c_after.txt"}


def test_a_document_past_its_memory_budget_is_one_line_and_the_batch_goes_on(database_url, folder):
    (folder / "b_slow.txt").write_text("全县地区生产总值增长5%，一般公共预算收入增长4%。" * 1_000_000, "utf-8")  # 75 MB
    result = run("ingest", folder, "--db", database_url,
                 env={"PLANWATCH_DOCUMENT_MEMORY_MB": "220", "PLANWATCH_MAX_FILE_MB": "100"})
    assert result.exit_code == 1
    [line] = _errors(result)
    assert "b_slow.txt" in line and "220 MiB" in line and "PLANWATCH_DOCUMENT_MEMORY_MB" in line
    assert SUMMARY.search(result.stdout)[1] == "2"


def test_hostile_files_in_a_batch_are_one_line_each_and_the_rest_goes_in(sqlite_url, folder):
    (folder / "b_slow.txt").unlink()
    with zipfile.ZipFile(folder / "bomb.docx", "w", zipfile.ZIP_DEFLATED) as bomb:
        bomb.writestr("word/document.xml", "<w:document/>")
        bomb.writestr("word/filler.xml", bytes(40 << 20))   # 40 MiB of XML in 40 KiB
    form = canvas.Canvas(str(folder / "form.pdf"))
    for _ in range(3):
        for i in range(30):
            form.line(50, 60 + i * 20, 550, 60 + i * 20)
        form.showPage()
    form.save()
    (folder / "deep.html").write_text("<html><body>" + "<div>" * 1000 + "<p>绿洲县2025年政府工作报告。全年地区生产总值增长5.5%。"
                                      "</p>" + "</div>" * 1000 + "</body></html>", "utf-8")
    (folder / "rot13.html").write_bytes('<html><head><meta charset="rot13"></head><body><p>河谷县2025年政府工作报告。'
                                        '全年地区生产总值增长5%。</p></body></html>'.encode("gbk"))
    result = run("ingest", folder, "--db", sqlite_url)
    assert result.exit_code == 1
    errors = _errors(result)
    assert len(errors) == 2
    assert any("bomb.docx" in line and "PLANWATCH_MAX_XML_PART_MB" in line for line in errors)
    assert any("form.pdf" in line and "no text layer" in line and "OCR" in line for line in errors)
    assert SUMMARY.search(result.stdout)[1] == "4"


# ---- a full disk: a real tmpfs of a few hundred KiB (needs root to mount)

@pytest.fixture
def small_disk(tmp_path):
    mount = tmp_path / "disk"
    mount.mkdir()
    if os.geteuid() != 0:
        pytest.skip("mounting a small tmpfs needs root")
    done = subprocess.run(["mount", "-t", "tmpfs", "-o", "size=4m", "tmpfs", str(mount)], capture_output=True)
    if done.returncode != 0:
        pytest.skip(f"cannot mount a tmpfs here: {done.stderr.decode(errors='replace').strip()}")
    try:
        yield mount
    finally:
        subprocess.run(["umount", "-l", str(mount)], check=True)


def _fill(disk: Path) -> None:
    try:   # unbuffered: the write that finds the disk full raises here, not at close
        with (disk / "filler").open("wb", buffering=0) as out:
            while True:
                out.write(bytes(64 * 1024))
    except OSError:
        pass


def test_the_report_survives_a_disk_that_fills_after_the_documents(small_disk):
    url = f"sqlite:///{small_disk / 'planwatch.db'}"
    seeds = sorted(SEEDS.iterdir())
    with Store(url) as store:
        report = store.ingest(seeds, on_progress=lambda step: step.done == step.total and _fill(small_disk))
        assert report.documents == len(seeds) and not report.failures
        assert report.warnings and "search index not updated" in report.warnings[-1] and "full" in report.warnings[-1]
        assert len(store.documents()) == len(seeds)   # what was stored stays stored


def test_the_summary_line_is_printed_when_the_disk_is_full(small_disk):
    (small_disk / "filler").write_bytes(bytes(3800 * 1024))   # room for the schema, not for the seeds
    result = run("ingest", SEEDS, "--db", f"sqlite:///{small_disk / 'planwatch.db'}")
    assert result.exit_code == 1
    summary = SUMMARY.search(result.stdout)
    assert summary and int(summary[3]) >= 1, result.stdout + result.stderr
    assert any("disk is full" in line for line in _errors(result) + result.stderr.splitlines())
