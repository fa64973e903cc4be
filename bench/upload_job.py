"""An upload of a big PDF through a real server (issue 12): how long the upload takes to
return, then the job's stages as its page shows them, until it is done.

    .venv/bin/python bench/upload_job.py [--pages 200] [--pg postgresql://user@host:port/db]

Generates a PDF of `--pages` pages of prose (a full page of numbered lines each, in a
temporary folder), starts `planwatch serve` on the loopback (an empty SQLite database, whose
server runs the job itself; or with `--pg`, a database there that must be empty, with one
`planwatch worker` beside the server), uploads it with a reviewer's token, and polls
`/jobs/ID.json` every 0.2 s. Prints the upload's seconds and status, each stage with the
seconds since the upload, and the outcome. Nothing leaves the machine.
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import tempfile
import time
import urllib.request
from pathlib import Path

from hostile import free_port
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.cidfonts import UnicodeCIDFont
from reportlab.pdfgen import canvas

ROOT = Path(__file__).resolve().parents[1]
SUBJECTS = ("地区生产总值", "一般公共预算收入", "社会消费品零售总额", "固定资产投资", "城镇居民人均可支配收入")


def prose_pdf(path: Path, pages: int) -> bytes:
    if "STSong-Light" not in pdfmetrics.getRegisteredFontNames():
        pdfmetrics.registerFont(UnicodeCIDFont("STSong-Light"))
    sheet = canvas.Canvas(str(path))
    for page in range(pages):
        sheet.setFont("STSong-Light", 10)
        for line in range(44):
            n = page * 44 + line
            sheet.drawString(50, 800 - 17 * line, f"第{n % 97 + 1}片区{SUBJECTS[n % len(SUBJECTS)]}增长{n % 9 + 1}.{n % 10}%，"
                                                  f"比上年提高{n % 5}.{n % 7}个百分点。")
        sheet.showPage()
    sheet.save()
    return path.read_bytes()


def _request(url: str, secret: str, body: bytes | None = None, content_type: str | None = None):
    request = urllib.request.Request(url, data=body, headers={"Authorization": f"Bearer {secret}",
                                                              "Accept": "application/json"})
    if content_type:
        request.add_header("Content-Type", content_type)
    try:
        with urllib.request.urlopen(request, timeout=600) as response:
            return response.status, response.headers.get("Location"), json.loads(response.read())
    except urllib.error.HTTPError as exc:
        return exc.code, exc.headers.get("Location"), json.loads(exc.read())


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--pages", type=int, default=200)
    parser.add_argument("--pg", help="an empty PostgreSQL database instead of SQLite")
    args = parser.parse_args()
    sys.path.insert(0, str(ROOT))
    from planwatch.accounts import Accounts
    from planwatch.store import Store

    with tempfile.TemporaryDirectory(prefix="planwatch-upload-job-") as tmp:
        folder = Path(tmp)
        url = args.pg or f"sqlite:///{folder}/pw.db"
        pdf = prose_pdf(folder / "big.pdf", args.pages)
        with Store(url) as store:
            accounts = Accounts(store)
            accounts.add_user("bench", "a bench password 2025", "reviewer", by="bench")
            _, secret = accounts.add_token("bench", "upload bench", by="bench")
        env = dict(os.environ, PYTHONPATH=str(ROOT), PLANWATCH_DATABASE_URL=url)
        port = free_port()
        command = [sys.executable, "-m", "planwatch"]
        processes = [subprocess.Popen([*command, "serve", "--port", str(port), "--log-level", "warning"], env=env)]
        if args.pg:
            processes.append(subprocess.Popen([*command, "worker"], env=env))
        try:
            base = f"http://127.0.0.1:{port}"
            for _ in range(600):
                try:
                    urllib.request.urlopen(base + "/healthz", timeout=1)
                    break
                except OSError:
                    time.sleep(0.1)
            body = (b'--B0UNDARY\r\nContent-Disposition: form-data; name="file"; filename="big.pdf"\r\n'
                    b"Content-Type: application/pdf\r\n\r\n" + pdf + b"\r\n--B0UNDARY--\r\n")
            started = time.monotonic()
            status, location, answer = _request(base + "/api/documents", secret, body,
                                               "multipart/form-data; boundary=B0UNDARY")
            print(f"{args.pages}-page PDF, {len(pdf) / 1024:.0f} KiB, on {'PostgreSQL' if args.pg else 'SQLite'}: "
                  f"upload answered {status} in {time.monotonic() - started:.2f} s, "
                  f"Location {location}, job {answer['job']['status']}", flush=True)
            seen = None
            while True:
                _, _, view = _request(base + location + ".json", secret)
                job = view["job"]
                now = (job["status"], job["stage"])
                if now != seen:
                    print(f"  {time.monotonic() - started:7.2f} s  {job['status']:<8} {job['stage'] or ''}", flush=True)
                    seen = now
                if job["status"] in ("done", "failed"):
                    break
                time.sleep(0.2)
            outcome = view["document"] and f"document {view['document']['id']}, {view['document']['facts']} facts"
            print(f"  {job['status']}: {outcome or job['message']}")
        finally:
            for process in processes:
                process.terminate()
                process.wait(60)


if __name__ == "__main__":
    main()
