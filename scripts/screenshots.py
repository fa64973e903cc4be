"""Serve a database with `planwatch serve`, open its main pages in headless
Chromium and save a PNG of each into docs/screenshots/ (see scripts/screenshots):
first as a visitor, then logged in as a reviewer (made for the purpose in the
database shown) for the pages and controls of review, manual entry and upload."""

from __future__ import annotations

import argparse
import secrets
import socket
import subprocess
import sys
import tempfile
import time
import urllib.request
from pathlib import Path
from urllib.parse import quote

from playwright.sync_api import sync_playwright

from planwatch.accounts import Accounts
from planwatch.errors import AccountError
from planwatch.store import Store

ROOT = Path(__file__).resolve().parents[1]
OUT = ROOT / "docs" / "screenshots"
SEEDS = ROOT.parent / "shared" / "seeds"
REVIEWER = "screenshots"
CHROMIUM_FLAGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking",
                  "--disable-component-update", "--disable-sync", "--no-first-run"]


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def wait_until_up(url: str, seconds: float = 30) -> None:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        try:
            urllib.request.urlopen(url, timeout=1)
            return
        except OSError:
            time.sleep(0.2)
    raise SystemExit(f"the server at {url} did not answer within {seconds} s")


def pages(db: str) -> tuple[list[tuple[str, str]], list[tuple[str, str]]]:
    """The pages a visitor sees, and those a reviewer sees."""
    with Store(db) as store:
        regions = store.regions()
        documents = sorted(store.documents(), key=lambda d: -d.fact_count)
        facts = store.facts(document_id=documents[0].id) if documents else []
    shots, reviewing = [("home", "/")], [("review", "/review"), ("upload", "/upload")]
    if regions:
        region = quote("".join(regions[0].split()))
        shots += [("region", f"/regions/{region}"), ("commitments", f"/regions/{region}/commitments"),
                  ("projects", f"/regions/{region}/projects")]
    if facts:
        shots.append(("indicator", f"/indicators/{quote(facts[0].fact.indicator)}"))
        shots.append(("document", f"/documents/{documents[0].id}#fact-{facts[len(facts) // 2].id}"))
        reviewing += [("document_review", f"/documents/{documents[0].id}#fact-{facts[len(facts) // 2].id}"),
                      ("fact", f"/facts/{facts[len(facts) // 2].id}")]
    shots.append(("search", f"/search?q={quote('地区生产总值')}"))
    return shots, reviewing


def reviewer(db: str) -> str:
    """A password for REVIEWER, made anew (the account too, if the database has none)."""
    password = secrets.token_urlsafe(16)
    with Store(db) as store:
        accounts = Accounts(store)
        try:
            accounts.set_password(REVIEWER, password, by=REVIEWER)
        except AccountError:
            accounts.add_user(REVIEWER, password, "reviewer", by=REVIEWER)
    return password


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--db", help="database URL; default: the seeds in a temporary SQLite file")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        db = args.db or f"sqlite:///{tmp}/screenshots.db"
        if not args.db:
            with Store(db) as store:
                store.ingest([SEEDS])
        port = free_port()
        server = subprocess.Popen([sys.executable, "-c", "from planwatch.cli import main; main()", "serve",
                                   "--db", db, "--port", str(port)])
        try:
            base = f"http://127.0.0.1:{port}"
            wait_until_up(base + "/")
            shots, reviewing = pages(db)
            shoot(base, shots, reviewing, reviewer(db), Path(tmp) / "profile")
        finally:
            server.terminate()
            server.wait(10)


def shoot(base: str, shots: list[tuple[str, str]], reviewing: list[tuple[str, str]], password: str,
          profile: Path) -> None:
    OUT.mkdir(parents=True, exist_ok=True)
    with sync_playwright() as p:
        browser = p.chromium.launch_persistent_context(
            str(profile), executable_path="/usr/bin/chromium", headless=True, args=CHROMIUM_FLAGS,
            viewport={"width": 1366, "height": 768}, locale="zh-CN")   # an office laptop's screen
        page = browser.new_page()
        for name, path in shots:
            _shot(page, base + path, name)
        page.goto(base + "/login", wait_until="networkidle")
        page.fill("input[name=name]", REVIEWER)
        page.fill("input[name=password]", password)
        page.click("form.login [type=submit]")
        page.wait_for_load_state("networkidle")
        for name, path in reviewing:
            _shot(page, base + path, name)
        browser.close()


def _shot(page, url: str, name: str) -> None:
    page.goto(url, wait_until="networkidle")
    page.wait_for_timeout(300)   # ECharts draws on the next frame
    page.screenshot(path=str(OUT / f"{name}.png"), full_page=not name.startswith("document"))
    print(OUT / f"{name}.png")


if __name__ == "__main__":
    main()
