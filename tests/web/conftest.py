"""The web app over the shared `store` fixture (SQLite and PostgreSQL), filled
with small invented plan-like documents and their facts.

Facts are built here from (phrase, fields) pairs: the phrase is found in the
text and becomes the fact's evidence span, so the highlighted evidence is
exactly the words the test looks for. Regions and numbers are made up.
"""

from __future__ import annotations

import hashlib
import re
import time
import warnings
from decimal import Decimal

import pytest

from planwatch.documents import Document, DocumentMeta
from planwatch.extract import Fact
from planwatch.model import Commitment
from planwatch.web import create_app

warnings.filterwarnings("ignore", message="Using `httpx` with `starlette.testclient`")
from fastapi.testclient import TestClient  # noqa: E402

HOSTILE = '<script>alert("x")</script> <img src=x onerror="alert(1)"> <a href="javascript:alert(2)">点此查看</a>'

QINGSHAN_2023 = """青山县2023年国民经济和社会发展计划执行情况及2024年计划草案的报告
——在青山县第九届人民代表大会第三次会议上

一、2023年计划执行情况
一年来,全县经济运行稳中向好。预计地区生产总值增长5.2%;地方一般公共预算收入完成18.6亿元,增长3.1%;社会消费品零售总额增长7.4%。

二、2024年主要预期目标
地区生产总值增长6%左右;地方一般公共预算收入增长5%以上;社会消费品零售总额增长8%;城镇调查失业率控制在5.5%以内。

三、2024年重点工作
新建充电桩5500个;完工区级市政道路9条;开工建设青菱寺路;新开工亿元以上项目12个,计划总投资86亿元;新增公园3个。
"""

QINGSHAN_2024 = """青山县2024年国民经济和社会发展计划执行情况及2025年计划草案的报告

一、2024年计划执行情况
全年地区生产总值实现6.3%的增长;地方一般公共预算收入增长4.1%;社会消费品零售总额增长8.5%;城镇调查失业率为5.1%。

二、2025年主要预期目标
地区生产总值增长5.5%以上;地方一般公共预算收入增长4%至5%。

三、2024年重点工作完成情况
全年新建充电桩5600个;开工建设区级市政道路6条;青菱寺路开工;新开工亿元以上项目10个。
"""

QINGSHAN_PLAN = """青山县国民经济和社会发展第十四个五年规划和二〇三五年远景目标纲要

主要指标:2020年地区生产总值为320亿元,到2025年地区生产总值达到450亿元,年均增长6%左右。
"""

HEWAN_2024 = """河湾区2024年国民经济和社会发展计划执行情况及2025年计划草案的报告

2023年地区生产总值增长4.8%。2024年地区生产总值增长5.0%,低于年初确定的5.5%左右的预期目标。
"""

HOSTILE_DOC = f"""石桥镇2024年工作报告

网页残留:{HOSTILE}
全年地区生产总值增长4.2%。
"""


def _fact(text: str, phrase: str, **fields) -> Fact:
    start = text.index(phrase)
    values = {k: Decimal(v) if k in ("value", "upper") else v for k, v in fields.items()}
    values.setdefault("unit", "%")
    values.setdefault("comparator", "=")
    return Fact(start=start, end=start + len(phrase), **values)


def _growth(text, phrase, role, period, value, indicator="地区生产总值", **more):
    return _fact(text, phrase, indicator=indicator, role=role, period=period, measure="growth",
                 value=value, **more)


def _document(name: str, text: str, **meta) -> Document:
    raw = text.encode("utf-8")
    return Document(name=name, text=text, sha256=hashlib.sha256(raw).hexdigest(), encoding="utf-8",
                    original=raw, meta=DocumentMeta(**meta))


def documents() -> list[tuple[Document, list[Fact]]]:
    a, b, p, h, x = QINGSHAN_2023, QINGSHAN_2024, QINGSHAN_PLAN, HEWAN_2024, HOSTILE_DOC
    revenue, retail, jobless = "地方一般公共预算收入", "社会消费品零售总额", "城镇调查失业率"
    return [
        (_document("qingshan-2023.txt", a, title="青山县2023年计划执行情况报告", region="青山县",
                   region_level="county", doc_type="annual_report", date="2024-01-12",
                   report_years=[2023], target_years=[2024]),
         [_growth(a, "预计地区生产总值增长5.2%", "actual", "2023", "5.2", estimated=True),
          _fact(a, "完成18.6亿元", indicator=revenue, role="actual", period="2023", measure="level",
                value="18.6", unit="亿元"),
          _growth(a, "增长3.1%", "actual", "2023", "3.1", indicator=revenue),
          _growth(a, "社会消费品零售总额增长7.4%", "actual", "2023", "7.4", indicator=retail),
          _growth(a, "地区生产总值增长6%左右", "target", "2024", "6", comparator="~"),
          _growth(a, "地方一般公共预算收入增长5%以上", "target", "2024", "5", indicator=revenue, comparator=">="),
          _growth(a, "社会消费品零售总额增长8%", "target", "2024", "8", indicator=retail),
          _fact(a, "城镇调查失业率控制在5.5%以内", indicator=jobless, role="target", period="2024",
                measure="level", value="5.5", comparator="<=")]),
        (_document("qingshan-2024.txt", b, title="青山县2024年计划执行情况报告", region="青山县",
                   region_level="county", doc_type="annual_report", date="2025-01-10",
                   report_years=[2024], target_years=[2025]),
         [_growth(b, "地区生产总值实现6.3%的增长", "actual", "2024", "6.3"),
          _growth(b, "地方一般公共预算收入增长4.1%", "actual", "2024", "4.1", indicator=revenue),
          _growth(b, "社会消费品零售总额增长8.5%", "actual", "2024", "8.5", indicator=retail),
          _fact(b, "城镇调查失业率为5.1%", indicator=jobless, role="actual", period="2024", measure="level",
                value="5.1"),
          _growth(b, "地区生产总值增长5.5%以上", "target", "2025", "5.5", comparator=">="),
          _growth(b, "地方一般公共预算收入增长4%至5%", "target", "2025", "4", indicator=revenue,
                  comparator=">=", upper="5")]),
        (_document("qingshan-plan.txt", p, title="青山县第十四个五年规划纲要", region="青山县",
                   region_level="county", doc_type="plan_outline", date="2021-02-01", plan_span="2021-2025"),
         [_fact(p, "2020年地区生产总值为320亿元", indicator="地区生产总值", role="baseline", period="2020",
                measure="level", value="320", unit="亿元"),
          _fact(p, "到2025年地区生产总值达到450亿元", indicator="地区生产总值", role="target", period="2025",
                measure="level", value="450", unit="亿元"),
          _growth(p, "年均增长6%左右", "target", "2021-2025", "6", comparator="~")]),
        (_document("hewan-2024.txt", h, title="河湾区2024年计划执行情况报告", region="河湾区",
                   region_level="district", doc_type="annual_report", date="2025-01-15"),
         [_growth(h, "2023年地区生产总值增长4.8%", "actual", "2023", "4.8"),
          _growth(h, "2024年地区生产总值增长5.0%", "actual", "2024", "5.0"),
          _growth(h, "5.5%左右的预期目标", "target", "2024", "5.5", comparator="~")]),
        (_document("shiqiao-2024.html", x, title="石桥镇<b>2024</b>年工作报告", region="石桥镇",
                   doc_type="work_report", date="2024-06-01"),
         [_growth(x, "地区生产总值增长4.2%", "actual", "2024", "4.2")]),
    ]


def _commitment(text: str, quote: str, role: str, obj: str, stage: str, action: str, value=None, unit=None,
                kind="task", money=None, names=()) -> Commitment:
    """A 2024 commitment of 青山县 whose evidence is `quote` in `text`."""
    start = text.index(quote)
    number = None if value is None else Decimal(value)
    return Commitment(kind, role, "2024", obj, stage, action, number, unit, "=" if number is not None else None,
                      None if money is None else Decimal(money), list(names), None, start, start + len(quote))


def commitments() -> dict[str, list[Commitment]]:
    """Promises of 青山县's 2023 report for 2024, and what its 2024 report says of them;
    one of 石桥镇 made of hostile words."""
    a, b = QINGSHAN_2023, QINGSHAN_2024
    return {
        "qingshan-2023.txt": [
            _commitment(a, "新建充电桩5500个", "target", "充电桩", "other", "新建", "5500", "个"),
            _commitment(a, "完工区级市政道路9条", "target", "区级市政道路", "finish", "完工", "9", "条"),
            _commitment(a, "开工建设青菱寺路", "target", "青菱寺路", "start", "开工建设", names=("青菱寺路",)),
            _commitment(a, "新开工亿元以上项目12个,计划总投资86亿元", "target", "亿元以上项目", "start", "新开工",
                        "12", "个", kind="project", money="86"),
            _commitment(a, "新增公园3个", "target", "公园", "other", "新增", "3", "个")],
        "qingshan-2024.txt": [
            _commitment(b, "全年新建充电桩5600个", "actual", "充电桩", "other", "新建", "5600", "个"),
            _commitment(b, "开工建设区级市政道路6条", "actual", "区级市政道路", "start", "开工建设", "6", "条"),
            _commitment(b, "青菱寺路开工", "actual", "青菱寺路", "start", "开工", names=("青菱寺路",)),
            _commitment(b, "新开工亿元以上项目10个", "actual", "亿元以上项目", "start", "新开工", "10", "个",
                        kind="project")],
        # A page's leftovers read as a promise: its words must stay words on every page and file.
        "shiqiao-2024.html": [
            _commitment(HOSTILE_DOC, HOSTILE, "target", "=HYPERLINK(\"x\")" + HOSTILE, "start", "开工",
                        names=(HOSTILE,))],
    }


def fill(store) -> dict[str, int]:
    """Store every document with its facts and commitments; document ids by file name."""
    ids = {}
    for document, facts in documents():
        stored, _ = store.add_document(document, facts)
        ids[document.name] = stored.id
    for name, promised in commitments().items():
        store.add_commitments(ids[name], promised)
    return ids


@pytest.fixture
def ids(store) -> dict[str, int]:
    return fill(store)


PASSWORD = "青山县 2024 plan"


def add_user(app, name: str, role: str) -> None:
    """An account (each costs an Argon2 hash: a test adds only those it logs in as)."""
    app.state.accounts.add_user(name, PASSWORD, role, by="test")


@pytest.fixture
def app(store, ids, monkeypatch):
    """The app over the filled store; afterwards the database is left with the store's
    schema only (PostgreSQL's test database is shared by every stage's tests)."""
    monkeypatch.setenv("PLANWATCH_SESSION_SECRET", "a session key for tests, never used elsewhere")
    app = create_app(store)
    yield app
    app.state.jobs.join(120)   # SQLite: the upload a test left queued, read before its database goes
    app.state.search.drop()


def csrf_of(page: str) -> str:
    """The CSRF token a page holds (a form field, or the meta tag our scripts read)."""
    match = re.search(r'name="csrf[-_]token" (?:value|content)="([^"]+)"', page)
    assert match, "the page holds no CSRF token"
    return match.group(1)


def log_in(client: TestClient, name: str, password: str = PASSWORD):
    """Log in through the login form, as a browser does; the response to the form."""
    token = csrf_of(client.get("/login").text)
    return client.post("/login", data={"name": name, "password": password, "csrf_token": token, "next": "/"},
                       follow_redirects=False)


def logged_in(app, name: str) -> TestClient:
    """A client logged in as `name` that sends the session's CSRF token with every request,
    as our scripts do (the X-CSRF-Token header)."""
    client = TestClient(app, base_url="http://localhost")
    assert log_in(client, name).status_code == 303
    client.headers["X-CSRF-Token"] = csrf_of(client.get("/").text)
    return client


@pytest.fixture
def client(app) -> TestClient:
    """A visitor who has not logged in: reading is open to all (the public_read setting)."""
    with TestClient(app, base_url="http://localhost") as test_client:
        yield test_client


@pytest.fixture
def editor(app) -> TestClient:
    """Logged in as a reviewer, who may upload."""
    add_user(app, "editor", "reviewer")
    with logged_in(app, "editor") as test_client:
        yield test_client


def finished(client: TestClient, response) -> dict:
    """The job page (JSON) of the job an upload became (its 202's Location, or the form's
    redirect) once a worker has finished it: on SQLite the app's own thread runs it, on
    PostgreSQL a procrastinate worker is run here until the queue is empty."""
    assert response.status_code in (202, 303), response.text
    location = response.headers["location"]
    assert re.fullmatch(r"/jobs/\d+", location)
    deadline = time.monotonic() + 300   # a bound on waiting, not a measure: the assertions are on the job
    while True:
        client.app.state.jobs.drain()
        view = client.get(location + ".json").json()
        if view["job"]["status"] in ("done", "failed") or time.monotonic() > deadline:
            return view
        time.sleep(0.05)


def upload(client: TestClient, name: str, content: bytes) -> dict:
    """Upload through the API and wait for the job: its page (JSON), the document's with it."""
    return finished(client, client.post("/api/documents", files={"file": (name, content)}))


def refuses_writes_without_a_reviewer(app, client, url: str, body: dict) -> None:
    """A write to URL is refused to an anonymous client whatever address it claims (401), to a
    viewer (403), and to a reviewer whose request lacks the CSRF token (403)."""
    assert client.post(url, json=body, headers={"X-Forwarded-For": "127.0.0.1"}).status_code == 401
    add_user(app, "reader", "viewer")
    with logged_in(app, "reader") as viewer:
        assert viewer.post(url, json=body).status_code == 403
    add_user(app, "editor", "reviewer")
    with logged_in(app, "editor") as editor:
        del editor.headers["X-CSRF-Token"]
        refused = editor.post(url, json=body)
        assert refused.status_code == 403 and "CSRF" in refused.text.upper()
