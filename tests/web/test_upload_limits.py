"""An upload is read as `planwatch ingest` reads a file: in a worker process within the
document budget, its hostile cases answered with a 400 naming the file and the reason
(issue 12), for a reviewer who may upload."""

from __future__ import annotations

import io
import zipfile

import pytest

REPORT = "绿洲县2025年政府工作报告\n全年地区生产总值增长5.5%。\n"


def _refused(response, *words: str) -> str:
    assert response.status_code == 400, response.text
    error = response.json()["error"]
    assert error["status"] == 400 and "\n" not in error["message"]
    for word in words:
        assert word in error["message"], error["message"]
    return error["message"]


def test_an_upload_past_its_time_budget_is_a_400_and_the_next_one_is_read(editor, monkeypatch):
    monkeypatch.setenv("PLANWATCH_DOCUMENT_SECONDS", "2")
    slow = ("全县一般公共预算收入增长3%，地区生产总值增长5%；" * 400 + "\n") * 800
    response = editor.post("/api/documents", files={"file": ("slow.txt", slow.encode())})
    _refused(response, "slow.txt", "over 2 s", "PLANWATCH_DOCUMENT_SECONDS")
    after = editor.post("/api/documents", files={"file": ("after.txt", REPORT.encode())})
    assert after.status_code == 201 and after.json()["document"]["facts"] >= 1


@pytest.mark.parametrize("name, make, words", [
    ("rot13.html", lambda: f'<html><head><meta charset="rot13"></head><body><p>{REPORT}</p></body></html>'
     .encode("gbk"), None),
    ("deep.html", lambda: ("<html><body>" + "<div>" * 400 + f"<p>{REPORT}</p>" + "</div>" * 400 + "</body></html>")
     .encode(), None),
    ("bomb.docx", lambda: _zip({"word/document.xml": b"<w:document/>", "word/filler.xml": bytes(40 << 20)}),
     ("bomb.docx", "PLANWATCH_MAX_XML_PART_MB")),
])
def test_hostile_uploads_are_read_or_refused_in_one_line(editor, name, make, words):
    response = editor.post("/api/documents", files={"file": (name, make())})
    if words is None:
        assert response.status_code == 201, response.text
        assert response.json()["document"]["facts"] >= 1
    else:
        _refused(response, *words)


def _zip(parts: dict[str, bytes]) -> bytes:
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, data in parts.items():
            archive.writestr(name, data)
    return out.getvalue()
