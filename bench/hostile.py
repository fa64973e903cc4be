"""Hostile input against a real server (issue 12): what each case gets, how long it
takes, and the server's peak memory meanwhile.

    .venv/bin/python bench/hostile.py [--only NAME ...] [--keep-going]

Generates each input in a temporary folder (nothing big is kept), starts
`planwatch serve` on the loopback with an empty SQLite database and the default
settings, sends the cases one after another as a reviewer's script does (an API
token), and prints per case: the HTTP status, the seconds until the outcome (an
upload is answered 202 with a job at once; its job is followed to done or failed),
the peak RSS of the server process and of the server with its reading workers, and
the first words of the error. Acceptance: every case
a 4xx or a 2xx that read the document within its budget, none a 500; memory under
1 GiB throughout. Nothing leaves the machine.
"""

from __future__ import annotations

import argparse
import http.client
import io
import json
import os
import socket
import struct
import subprocess
import sys
import tempfile
import threading
import time
import zipfile
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import quote

from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.cidfonts import UnicodeCIDFont
from reportlab.pdfgen import canvas

REPORT = "绿洲县2025年政府工作报告\n全年地区生产总值增长5.5%，一般公共预算收入增长4%。\n"
MIB = 1 << 20


# ---- the inputs

SENTENCES = ["全县地区生产总值增长{}%。", "一般公共预算收入完成{}亿元。", "城镇新增就业{}人。",
             "社会消费品零售总额增长{}%。", "固定资产投资增长{}%。", "实际利用外资{}亿美元。", "粮食产量{}万吨。"]


def ruled_pdf(path: Path, pages: int, text: bool = False) -> bytes:
    """Pages of grid lines only (a form, a scan's rules); with `text`, three lines of
    prose on each instead, different from page to page (no running header)."""
    if "STSong-Light" not in pdfmetrics.getRegisteredFontNames():
        pdfmetrics.registerFont(UnicodeCIDFont("STSong-Light"))
    page = canvas.Canvas(str(path))
    for n in range(pages):
        if text:
            page.setFont("STSong-Light", 11)
            for line in range(3):
                page.drawString(60, 780 - 20 * line, SENTENCES[(n + 3 * line) % len(SENTENCES)].format(n % 97 + 1))
        else:
            for i in range(61):
                page.line(40, 40 + i * 12.5, 555, 40 + i * 12.5)
            for j in range(42):
                page.line(40 + j * 12.5, 40, 40 + j * 12.5, 790)
        page.showPage()
    page.save()
    return path.read_bytes()


def docx_with_xml(size: int, declared: int | None = None) -> bytes:
    """A minimal DOCX whose document.xml is `size` bytes of text in one run; with
    `declared`, its headers lie that the part is that small."""
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("[Content_Types].xml", '<?xml version="1.0"?><Types xmlns="http://schemas.openxmlformats.org/'
                         'package/2006/content-types"><Default Extension="xml" ContentType="application/xml"/></Types>')
        with archive.open("word/document.xml", "w", force_zip64=True) as part:
            part.write(b'<w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main">'
                       b"<w:body><w:p><w:r><w:t>")
            block = "增长".encode() * (MIB // 6)
            for _ in range(size // len(block)):
                part.write(block)
            part.write(b"</w:t></w:r></w:p></w:body></w:document>")
    raw = bytearray(out.getvalue())
    if declared is not None:
        _declare(raw, "word/document.xml", declared)
    return bytes(raw)


def _declare(raw: bytearray, name: str, size: int) -> None:
    """Rewrite a part's uncompressed size in its local header and directory entry (ZIP64
    sizes live in an extra field: the 32-bit fields then read 0xFFFFFFFF and are set too)."""
    info = zipfile.ZipFile(io.BytesIO(bytes(raw))).getinfo(name)
    raw[info.header_offset + 22:info.header_offset + 26] = struct.pack("<I", size)
    at = raw.find(b"PK\x01\x02")
    while at >= 0:
        length = struct.unpack("<H", raw[at + 28:at + 30])[0]
        if raw[at + 46:at + 46 + length] == name.encode():
            raw[at + 24:at + 28] = struct.pack("<I", size)
        at = raw.find(b"PK\x01\x02", at + 4)
    _zip64_sizes(raw, info.header_offset, name, size)


def _zip64_sizes(raw: bytearray, offset: int, name: str, size: int) -> None:
    """The ZIP64 extra field (id 1) of the local header: uncompressed size first."""
    name_length, extra_length = struct.unpack("<HH", raw[offset + 26:offset + 30])
    extra = offset + 30 + name_length
    end = extra + extra_length
    while extra + 4 <= end:
        kind, length = struct.unpack("<HH", raw[extra:extra + 4])
        if kind == 1:
            raw[extra + 4:extra + 12] = struct.pack("<Q", size)
        extra += 4 + length


def many_members(count: int) -> bytes:
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w") as archive:
        archive.writestr("word/document.xml", "<w:document/>")
        for n in range(count):
            archive.writestr(f"word/media/{n}.bin", b"")
    return out.getvalue()


def deep_html(levels: int) -> bytes:
    return ("<html><body>" + "<div>" * levels + f"<p>{REPORT}</p>" + "</div>" * levels + "</body></html>").encode()


# ---- the cases

@dataclass
class Case:
    name: str
    method: str
    path: str
    make: object = None          # () -> bytes of the upload, or None for a GET
    filename: str = "file.txt"
    stream_mib: int = 0          # a chunked upload of this many MiB, never held in memory


def cases(folder: Path) -> list[Case]:
    return [
        Case("1 GiB upload, chunked", "POST", "/api/documents", stream_mib=1024, filename="huge.txt"),
        Case("ZIP bomb, lying sizes (300 MiB in ~0.3 MB)", "POST", "/api/documents",
             lambda: docx_with_xml(300 * MIB, declared=4000), "bomb.docx"),
        Case("DOCX with 250 MiB of XML, honest", "POST", "/api/documents",
             lambda: docx_with_xml(250 * MIB), "big_xml.docx"),
        Case("DOCX of 20,000 parts", "POST", "/api/documents", lambda: many_members(20_000), "parts.docx"),
        Case("200-page ruled PDF, no text", "POST", "/api/documents",
             lambda: ruled_pdf(folder / "ruled.pdf", 200), "ruled.pdf"),
        Case("1,999-page PDF", "POST", "/api/documents",
             lambda: ruled_pdf(folder / "long.pdf", 1999, text=True), "long.pdf"),
        Case("2,001-page PDF", "POST", "/api/documents",
             lambda: ruled_pdf(folder / "longer.pdf", 2001, text=True), "longer.pdf"),
        Case("4 MB line without sentence ends", "POST", "/api/documents",
             lambda: ("一、2023年工作回顾\n" + "全县一般公共预算收入增长3%," * 200_000).encode(), "line.txt"),
        Case("HTML nested 5,000 levels", "POST", "/api/documents", lambda: deep_html(5000), "deep.html"),
        Case("HTML charset=rot13", "POST", "/api/documents",
             lambda: f'<html><head><meta charset="rot13"></head><body><p>{REPORT}</p></body></html>'.encode("gbk"),
             "rot13.html"),
        Case("HTML charset=base64", "POST", "/api/documents",
             lambda: f'<html><head><meta charset="base64"></head><body><p>{REPORT}</p></body></html>'.encode("gbk"),
             "base64.html"),
        Case("upload name with NUL", "POST", "/api/documents", lambda: (REPORT + "1").encode(), "a\x00b.txt"),
        Case("upload name of 600 bytes", "POST", "/api/documents", lambda: (REPORT + "2").encode(),
             "长" * 200 + ".txt"),
        Case("formula as a name", "POST", "/api/documents", lambda: (REPORT + "3").encode(),
             '=HYPERLINK("#A1").txt'),
        Case("NUL in a route parameter", "GET", "/regions/%00"),
        Case("NUL in a query", "GET", "/facts?region=%00"),
        Case("search of 50,000 characters", "GET", "/search.json?q=" + quote("增长" * 25_000)),
        Case("search of 1,000 words", "GET", "/search.json?q=" + quote(" ".join(["增长"] * 1000))),
        Case("document id past 64 bits", "GET", "/documents/99999999999999999999"),
    ]


# ---- the server and its memory

def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def tree(pid: int) -> list[int]:
    """The process and its descendants (the reading workers' forkserver and workers)."""
    parents = {}
    for stat in Path("/proc").glob("[0-9]*/stat"):
        try:
            fields = stat.read_text().rsplit(")", 1)[1].split()
        except OSError:
            continue
        parents.setdefault(int(fields[1]), []).append(int(stat.parent.name))
    found, queue = [], [pid]
    while queue:
        current = queue.pop()
        found.append(current)
        queue += parents.get(current, [])
    return found


def rss(pid: int) -> int:
    try:
        for line in Path(f"/proc/{pid}/status").read_text().splitlines():
            if line.startswith("VmRSS:"):
                return int(line.split()[1]) * 1024
    except OSError:
        pass
    return 0


class Peaks(threading.Thread):
    """Samples the server's RSS, and its tree's, every 20 ms."""

    def __init__(self, pid: int):
        super().__init__(daemon=True)
        self.pid, self.server, self.total, self.running = pid, 0, 0, True

    def run(self):
        while self.running:
            pids = tree(self.pid)
            self.server = max(self.server, rss(self.pid))
            self.total = max(self.total, sum(rss(p) for p in pids))
            time.sleep(0.02)

    def reset(self):
        self.server = self.total = 0


def bench_token(database: str) -> str:
    """An API token of a reviewer (uploads need one) in a new database."""
    from planwatch.accounts import Accounts
    from planwatch.store import Store

    with Store(database) as store:
        accounts = Accounts(store)
        accounts.add_user("bench", os.urandom(16).hex(), "reviewer", by="bench")
        return accounts.add_token("bench", "hostile inputs", by="bench")[1]


def send(port: int, case: Case, token: str, upload: bytes = b"") -> tuple[int, str, str]:
    """(status, error message or '', what was sent); an accepted upload's job followed to its end."""
    if case.method == "GET":
        return _get(port, case.path)
    status, message, sent = _post(port, case, token, upload)
    if status == 202:
        return _follow(port, message, token, sent)
    return status, message, sent


def _follow(port: int, job_url: str, token: str, sent: str) -> tuple[int, str, str]:
    """The job's outcome: 200 and what was stored, or 422 and why it failed."""
    while True:
        conn = http.client.HTTPConnection("127.0.0.1", port, timeout=600)
        conn.request("GET", job_url + ".json", headers={"Authorization": f"Bearer {token}"})
        view = json.loads(conn.getresponse().read())
        conn.close()
        job = view["job"]
        if job["status"] == "done":
            return 200, f"job done: {(view.get('document') or {}).get('facts', '?')} facts", sent
        if job["status"] == "failed":
            return 422, f"job failed: {job['message']}", sent
        time.sleep(0.2)


def _post(port: int, case: Case, token: str, upload: bytes) -> tuple[int, str, str]:
    conn = http.client.HTTPConnection("127.0.0.1", port, timeout=600)
    head = (b'--B0UNDARY\r\nContent-Disposition: form-data; name="file"; filename="'
            + case.filename.encode() + b'"\r\nContent-Type: application/octet-stream\r\n\r\n')
    tail = b"\r\n--B0UNDARY--\r\n"
    conn.putrequest("POST", case.path)
    conn.putheader("Content-Type", "multipart/form-data; boundary=B0UNDARY")
    conn.putheader("Accept", "application/json")
    conn.putheader("Authorization", f"Bearer {token}")
    if case.stream_mib:
        conn.putheader("Transfer-Encoding", "chunked")
        conn.endheaders()
        sent = 0
        try:
            conn.send(b"%x\r\n%s\r\n" % (len(head), head))
            chunk = ("增长5%。" * (MIB // 9)).encode()[:MIB]
            for _ in range(case.stream_mib):
                conn.send(b"%x\r\n%s\r\n" % (len(chunk), chunk))
                sent += 1
            conn.send(b"%x\r\n%s\r\n0\r\n\r\n" % (len(tail), tail))
        except OSError:
            pass   # the server answered and closed the connection
        return _answer(conn, f"{sent} MiB sent")
    body = head + upload + tail
    conn.putheader("Content-Length", str(len(body)))
    conn.endheaders()
    try:
        conn.send(body)
    except OSError:
        pass
    return _answer(conn, f"{len(body) / MIB:.1f} MiB sent")


def _get(port: int, path: str) -> tuple[int, str, str]:
    """A GET on a raw socket: a server refusing an over-long request line answers and
    closes before reading it all, which http.client reports as a reset, not the answer."""
    with socket.create_connection(("127.0.0.1", port), timeout=600) as conn:
        conn.sendall(f"GET {path} HTTP/1.1\r\nHost: 127.0.0.1\r\nAccept: application/json\r\n"
                     "Connection: close\r\n\r\n".encode())
        raw = b""
        try:
            while chunk := conn.recv(65536):
                raw += chunk
        except OSError:
            pass
    head, _, body = raw.partition(b"\r\n\r\n")
    if not head:
        return 0, "no HTTP answer", ""
    status = int(head.split()[1])
    try:
        return status, json.loads(body).get("error", {}).get("message", "ok"), ""
    except ValueError:
        return status, body[:80].decode(errors="replace"), ""


def _answer(conn: http.client.HTTPConnection, sent: str) -> tuple[int, str, str]:
    try:
        response = conn.getresponse()
        raw = response.read()
    except OSError as exc:
        return 0, f"no HTTP answer: {exc}", sent
    finally:
        conn.close()
    try:
        body = json.loads(raw)
    except ValueError:
        return response.status, raw[:80].decode(errors="replace"), sent
    if response.status == 202:
        return 202, body["url"], sent
    return response.status, body.get("error", {}).get("message", "") if not body.get("ok", True) else "ok", sent


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--only", nargs="*", help="run only the cases whose name holds one of these words")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory(prefix="planwatch-hostile-") as tmp:
        folder = Path(tmp)
        port = free_port()
        env = dict(os.environ, PYTHONPATH=str(Path(__file__).resolve().parents[1]))
        token = bench_token(f"sqlite:///{folder}/pw.db")
        server = subprocess.Popen([sys.executable, "-m", "planwatch", "serve", "--db", f"sqlite:///{folder}/pw.db",
                                   "--port", str(port)], env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        try:
            _wait(port)
            peaks = Peaks(server.pid)
            peaks.start()
            # one plain upload first: the reading worker is started outside the measured cases
            send(port, Case("warm", "POST", "/api/documents", filename="warm.txt"), token, REPORT.encode())
            print(f"{'case':<44} {'status':>6} {'seconds':>8} {'server':>9} {'+workers':>9}  answer")
            for case in cases(folder):
                if args.only and not any(word in case.name for word in args.only):
                    continue
                upload = case.make() if case.make else b""
                peaks.reset()
                started = time.monotonic()
                status, message, sent = send(port, case, token, upload)
                took = time.monotonic() - started
                time.sleep(0.05)
                print(f"{case.name:<44} {status:>6} {took:>8.2f} {peaks.server / MIB:>7.0f}Mi {peaks.total / MIB:>7.0f}Mi"
                      f"  {message[:110]}{'  (' + sent + ')' if sent and case.stream_mib else ''}", flush=True)
            peaks.running = False
        finally:
            server.terminate()
            server.wait(30)


def _wait(port: int) -> None:
    for _ in range(600):
        try:
            with socket.create_connection(("127.0.0.1", port), timeout=1):
                return
        except OSError:
            time.sleep(0.1)
    raise SystemExit("the server did not start")


if __name__ == "__main__":
    main()
