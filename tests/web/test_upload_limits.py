"""An upload is read as `planwatch ingest` reads a file: by a background job, in a worker
process within the document budget, its hostile cases ending in a failed job naming the
file and the reason in one line (issue 12), for a reviewer who may upload."""

from __future__ import annotations

import io
import zipfile

import pytest

from .conftest import upload

REPORT = "绿洲县2025年政府工作报告\n全年地区生产总值增长5.5%。\n"


def _refused(view: dict, *words: str) -> str:
    job = view["job"]
    assert job["status"] == "failed" and view["document"] is None, job
    assert "\n" not in job["message"]
    for word in words:
        assert word in job["message"], job["message"]
    return job["message"]


def test_an_upload_past_its_time_budget_fails_its_job_and_the_next_one_is_read(editor, monkeypatch):
    monkeypatch.setenv("PLANWATCH_DOCUMENT_SECONDS", "2")
    slow = ("全县一般公共预算收入增长3%，地区生产总值增长5%；" * 400 + "\n") * 800
    _refused(upload(editor, "slow.txt", slow.encode()), "slow.txt", "over 2 s", "PLANWATCH_DOCUMENT_SECONDS")
    after = upload(editor, "after.txt", REPORT.encode())
    assert after["job"]["status"] == "done" and after["document"]["facts"] >= 1


@pytest.mark.parametrize("name, make, words", [
    ("rot13.html", lambda: f'<html><head><meta charset="rot13"></head><body><p>{REPORT}</p></body></html>'
     .encode("gbk"), None),
    ("deep.html", lambda: ("<html><body>" + "<div>" * 400 + f"<p>{REPORT}</p>" + "</div>" * 400 + "</body></html>")
     .encode(), None),
    ("bomb.docx", lambda: _zip({"word/document.xml": b"<w:document/>", "word/filler.xml": bytes(40 << 20)}),
     ("bomb.docx", "PLANWATCH_MAX_XML_PART_MB")),
])
def test_hostile_uploads_are_read_or_refused_in_one_line(editor, name, make, words):
    view = upload(editor, name, make())
    if words is None:
        assert view["job"]["status"] == "done", view["job"]
        assert view["document"]["facts"] >= 1
    else:
        _refused(view, *words)


def _zip(parts: dict[str, bytes]) -> bytes:
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, data in parts.items():
            archive.writestr(name, data)
    return out.getvalue()
