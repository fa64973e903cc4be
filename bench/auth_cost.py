"""What accounts cost a request: a login (one Argon2id verification), and a page read
anonymously, with a login session (one user lookup) and with a Bearer token (one
token lookup). In-process (TestClient) over a temporary SQLite file; prints medians
in milliseconds.

    .venv/bin/python bench/auth_cost.py [--requests 100]
"""

from __future__ import annotations

import argparse
import os
import re
import statistics
import tempfile
import time
import warnings
from pathlib import Path

from planwatch.store import Store
from planwatch.web import create_app

warnings.filterwarnings("ignore", message="Using `httpx` with `starlette.testclient`")
from fastapi.testclient import TestClient  # noqa: E402

PASSWORD = "bench password 2025"


def _median_ms(action, count: int) -> float:
    times = []
    for _ in range(count):
        start = time.perf_counter()
        action()
        times.append((time.perf_counter() - start) * 1000)
    return statistics.median(times)


def _csrf(page: str) -> str:
    return re.search(r'name="csrf[-_]token" (?:value|content)="([^"]+)"', page).group(1)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--requests", type=int, default=100)
    count = parser.parse_args().requests
    with tempfile.TemporaryDirectory() as folder:
        os.environ["PLANWATCH_LOGIN_RATE"] = "100000/minute"   # the bench logs in many times from one address
        with Store(f"sqlite:///{Path(folder) / 'bench.db'}") as store:
            app = create_app(store)
            app.state.accounts.add_user("bench", PASSWORD, "reviewer")
            _, secret = app.state.accounts.add_token("bench", "bench")
            with TestClient(app) as anonymous, TestClient(app) as session:
                def log_in():
                    token = _csrf(session.get("/login").text)
                    session.post("/login", data={"name": "bench", "password": PASSWORD, "csrf_token": token},
                                 follow_redirects=False)

                login = _median_ms(log_in, max(5, count // 10))
                bearer = {"Authorization": f"Bearer {secret}"}
                figures = {
                    "login (GET form + POST, Argon2id verify)": login,
                    "GET /facts.json anonymous": _median_ms(lambda: anonymous.get("/facts.json"), count),
                    "GET /facts.json with a session": _median_ms(lambda: session.get("/facts.json"), count),
                    "GET /facts.json with a Bearer token": _median_ms(lambda: anonymous.get("/facts.json",
                                                                                           headers=bearer), count),
                }
    for what, ms in figures.items():
        print(f"{what:45s} median {ms:8.2f} ms")


if __name__ == "__main__":
    main()
