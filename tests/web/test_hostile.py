"""Hostile input gets a 4xx with the error envelope, never a 500, and downloads never
carry a live formula (issue 12's list, the cases the web itself answers)."""

from __future__ import annotations

import csv
import io
from urllib.parse import quote

import pytest
from openpyxl import load_workbook

from .conftest import upload

FORMULA = '=HYPERLINK("#A1","点此")'


@pytest.mark.parametrize(("path", "status"), [
    ("/search?q=" + quote("地区生产总值" * 100), 400),
    ("/search?q=" + quote(" ".join(["增长"] * 1000)), 400),
    ("/documents/99999999999999999999", 400),
    ("/documents/0", 400),
    ("/regions/%00", 400),
    ("/regions/" + quote("青山县") + "?indicator=%00", 400),
    ("/indicators/" + quote("地区生产总值") + "?region=a%00b", 400),
    ("/search?q=%00", 400),
    ("/facts?region=%00", 400),
    ("/regions/" + quote("青山县") + "/report/%00.csv", 400),
])
def test_hostile_requests_get_a_4xx_envelope(client, path, status):
    response = client.get(path, headers={"Accept": "application/json"})
    assert response.status_code == status, response.text
    assert response.json()["ok"] is False and response.json()["error"]["status"] == status


@pytest.mark.parametrize("name", [b"a\x00b.txt", b"bell\x07.txt"])
def test_an_upload_name_with_control_characters_is_refused(editor, name):
    # Written by hand: a well-behaved editor would escape the name, an attacker does not.
    body = (b'--XyZ\r\nContent-Disposition: form-data; name="file"; filename="' + name + b'"\r\n'
            b"Content-Type: text/plain\r\n\r\n" + "绿洲县2025年工作报告\n增长5%。\n".encode() + b"\r\n--XyZ--\r\n")
    response = editor.post("/api/documents", content=body,
                           headers={"Content-Type": "multipart/form-data; boundary=XyZ"})
    assert response.status_code == 400 and "control characters" in response.json()["error"]["message"]


def test_an_upload_name_over_255_bytes_is_shortened_keeping_its_extension(editor):
    name = "很长的文件名" * 30 + ".txt"
    view = upload(editor, name, "绿洲县2025年工作报告\n地区生产总值增长5%。\n".encode())
    stored = view["document"]["name"]
    assert stored.endswith(".txt") and len(stored.encode()) <= 255 and name.startswith(stored[:-4])


def test_downloads_hold_a_formula_named_document_as_text(editor):
    text = "绿洲县2025年国民经济和社会发展计划执行情况\n\n一、2025年计划执行情况\n全年地区生产总值增长5.5%。\n"
    assert upload(editor, f"{FORMULA}.txt", text.encode())["job"]["status"] == "done"
    region = quote("绿洲县")
    rows = list(csv.reader(io.StringIO(editor.get(f"/regions/{region}.csv?table=documents").content.decode("utf-8-sig"))))
    names = [cell for row in rows for cell in row if "HYPERLINK" in cell]
    assert names and all(cell.startswith("'=") for cell in names)
    book = load_workbook(io.BytesIO(editor.get(f"/regions/{region}.xlsx").content))
    cells = [c for sheet in book for row in sheet.iter_rows() for c in row if "HYPERLINK" in str(c.value or "")]
    assert cells and all(c.data_type == "s" for c in cells)


def test_many_searches_at_once_all_answer(client):
    # Each search once held one pooled connection while the index took another: 32 at once
    # drained the pool and waited on each other until they failed.
    from concurrent.futures import ThreadPoolExecutor

    with ThreadPoolExecutor(32) as pool:
        statuses = list(pool.map(lambda n: client.get(f"/search.json?q={quote('地区生产总值')}{n % 3}").status_code,
                                 range(64)))
    assert statuses == [200] * 64


@pytest.mark.parametrize(("credentials", "status"), [("token", 413), (None, 401)])
def test_an_oversized_upload_is_refused_once_the_limit_is_read(app, monkeypatch, credentials, status):
    # A real server on the loopback, fed a chunked body with no Content-Length: it must
    # stop reading about where the limit is (a reviewer's token), or at once (no
    # credentials at all), not spool 64 MiB first.
    import http.client
    import socket
    import threading
    import time

    import uvicorn

    monkeypatch.setenv("PLANWATCH_MAX_FILE_MB", "1")
    if credentials:
        app.state.accounts.add_user("robot", "a password for tests", "reviewer")
        _, secret = app.state.accounts.add_token("robot", "upload")
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    server = uvicorn.Server(uvicorn.Config(app, host="127.0.0.1", port=port, log_level="warning"))
    thread = threading.Thread(target=server.run, daemon=True)
    thread.start()
    while not server.started:
        time.sleep(0.05)
    sent = 0
    try:
        conn = http.client.HTTPConnection("127.0.0.1", port, timeout=30)
        conn.putrequest("POST", "/api/documents")
        conn.putheader("Content-Type", "multipart/form-data; boundary=XyZ")
        conn.putheader("Transfer-Encoding", "chunked")
        if credentials:
            conn.putheader("Authorization", f"Bearer {secret}")
        conn.endheaders()
        head = b'--XyZ\r\nContent-Disposition: form-data; name="file"; filename="big.txt"\r\n\r\n'
        chunk = "增长5%。".encode() * 100_000   # about 1 MiB
        try:
            conn.send(b"%x\r\n%s\r\n" % (len(head), head))
            for _ in range(64):
                conn.send(b"%x\r\n%s\r\n" % (len(chunk), chunk))
                sent += 1
        except OSError:
            pass   # the server answered and closed: what a refusal looks like from here
        response = conn.getresponse()
        assert response.status == status
    finally:
        server.should_exit = True
        thread.join(10)
    assert sent < 16   # a few MiB in flight at most, not 64
