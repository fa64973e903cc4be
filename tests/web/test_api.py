"""The app through HTTP, on a real database (SQLite and PostgreSQL)."""

from __future__ import annotations

import csv
import io
import re
from decimal import Decimal
from urllib.parse import quote

import pytest
from openpyxl import load_workbook

from .conftest import HOSTILE, TestClient, finished, refuses_writes_without_a_reviewer, upload

ERROR_KEYS = {"status", "title", "message"}


def test_home_counts_what_was_stored(client):
    view = client.get("/.json").json()
    assert view["latest_region"] == {"key": "河湾区", "name": "河湾区"}
    verdicts = next(t for t in view["tables"] if t["name"] == "latest_verdicts")["rows"]
    assert [{k: v for k, v in row.items() if k != "reason"} for row in verdicts] == [
        {"indicator": "地区生产总值", "period": "2024", "measure": "增速", "target": "约5.5%", "actual": "2024 5%",
         "status": "未完成"}]
    assert view["counts"] == {"documents": 5, "facts": 21, "regions": 3}
    assert {r["key"] for r in view["regions"]} == {"青山县", "河湾区", "石桥镇"}
    assert view["documents"][0]["name"] == "hewan-2024.txt"   # latest date first


def test_every_page_has_a_json_twin_by_suffix_or_accept_header(client, ids):
    for path in ("/", f"/regions/{quote('青山县')}", f"/indicators/{quote('地区生产总值')}",
                 f"/documents/{ids['qingshan-2023.txt']}", f"/search?q={quote('失业率')}"):
        by_accept = client.get(path, headers={"Accept": "application/json"})
        stem, _, query = path.partition("?")
        by_suffix = client.get(f"{stem.rstrip('/')}.json" + (f"?{query}" if query else "") if stem != "/"
                               else "/.json")
        html = client.get(path)
        assert by_accept.headers["content-type"] == "application/json"
        assert by_accept.json() == by_suffix.json()
        assert html.headers["content-type"].startswith("text/html")


def test_region_table_colours_targets_by_evaluate_verdicts(client):
    view = client.get(f"/regions/{quote('河湾区')}.json").json()
    gdp = next(r for r in view["rows"] if r["indicator"] == "地区生产总值" and r["measure"] == "growth")
    target = gdp["cells"]["2024"]["targets"][0]
    assert (target["value"], target["comparator"], target["status"]) == (5.5, "~", "missed")
    html = client.get(f"/regions/{quote('河湾区')}").text
    assert re.search(r'class="st-missed"[^>]*>目标 <a class="fact-link" href="/documents/\d+#fact-\d+"', html)


def test_region_shows_plan_progress_and_verdicts_of_its_five_year_plan(client):
    view = client.get(f"/regions/{quote('青山县')}.json").json()
    assert [p["span"] for p in view["plans"]] == ["2021-2025"]
    gdp_2024 = next(v for v in view["verdicts"] if v["indicator"] == "地区生产总值" and v["period"] == "2024")
    assert gdp_2024["status"] in ("met", "exceeded")
    assert gdp_2024["target"]["source"]["fact_id"] is not None


def test_unknown_region_is_a_404_in_the_one_error_envelope(client):
    response = client.get(f"/regions/{quote('不存在县')}.json")
    assert response.status_code == 404
    body = response.json()
    assert body["ok"] is False and set(body["error"]) == ERROR_KEYS
    assert "不存在县" in body["error"]["message"]
    page = client.get(f"/regions/{quote('不存在县')}")
    assert page.status_code == 404 and "不存在县" in page.text and "<!doctype html>" in page.text


def test_a_malformed_parameter_is_a_400_with_details(client):
    response = client.get("/documents/abc.json")
    assert response.status_code == 400
    assert response.json()["error"]["details"][0]["where"] == "path.doc_id"


def test_indicator_compares_regions_and_can_be_narrowed(client):
    view = client.get(f"/indicators/{quote('地区生产总值')}.json").json()
    assert view["measure"] == "growth"
    assert {r["key"] for r in view["regions"]} == {"青山县", "河湾区", "石桥镇"}
    names = {s["name"] for s in view["chart"]["option"]["series"]}
    assert {"青山县 完成", "青山县 目标", "河湾区 完成"} <= names
    one = client.get(f"/indicators/{quote('地区生产总值')}.json?region={quote('河湾区')}").json()
    facts = next(table for table in one["tables"] if table["name"] == "facts")
    assert {f["region_key"] for f in facts["rows"]} == {"河湾区"}
    assert client.get(f"/indicators/{quote('地区生产总值')}.json?measure=level").json()["measure"] == "level"


def test_range_target_is_drawn_as_a_band(client):
    view = client.get(f"/indicators/{quote('地方一般公共预算收入')}.json?region={quote('青山县')}").json()
    bands = [s for s in view["chart"]["option"]["series"] if s["type"] == "candlestick"]
    assert bands and bands[0]["data"] == [[view["chart"]["option"]["xAxis"]["data"].index("2025"), 4, 5, 4, 5]]


def test_document_marks_every_fact_with_an_anchor_on_its_evidence(client, ids):
    doc_id = ids["qingshan-2023.txt"]
    view = client.get(f"/documents/{doc_id}.json").json()
    html = client.get(f"/documents/{doc_id}").text
    assert len(view["facts"]) == 8
    for fact in view["facts"]:
        anchor = f'<span class="anchor" id="fact-{fact["id"]}"></span><mark class="fact" data-facts="{fact["id"]}">'
        assert anchor + fact["evidence"] + "</mark>" in html
    assert view["facts"][0]["evidence"] == "预计地区生产总值增长5.2%"
    assert Decimal(str(view["facts"][0]["value"])) == Decimal("5.2")


def test_untrusted_text_is_escaped_and_scripts_are_forbidden(client, ids):
    response = client.get(f"/documents/{ids['shiqiao-2024.html']}")
    html = response.text
    assert "<script>alert" not in html and "<img src=x" not in html and 'href="javascript:' not in html
    assert "&lt;script&gt;alert(&#34;x&#34;)&lt;/script&gt;" in html
    assert "石桥镇&lt;b&gt;2024&lt;/b&gt;年工作报告" in html
    assert re.findall(r"<script\b[^>]*>", html) == ['<script src="/static/app.js">']
    csp = response.headers["content-security-policy"]
    assert "script-src 'self'" in csp and "unsafe-inline" not in csp.split("script-src")[1].split(";")[0]
    assert client.get(f"/documents/{ids['shiqiao-2024.html']}.json").json()["document"]["text"].count(HOSTILE) == 1
    found = client.get(f"/search?q={quote('点此查看')}").text   # the passage around the hit is text too
    assert "&lt;a href=&#34;javascript:alert(2)&#34;&gt;" in found and "<a href=\"javascript:" not in found


def test_an_unexpected_failure_is_a_500_in_the_same_envelope(app):
    with app.state.engine.begin() as conn:
        conn.exec_driver_sql("ALTER TABLE facts RENAME TO facts_moved")
    try:
        with TestClient(app, base_url="http://localhost", raise_server_exceptions=False) as broken:
            response = broken.get(f"/regions/{quote('青山县')}.json")
            page = broken.get(f"/regions/{quote('青山县')}")
    finally:
        with app.state.engine.begin() as conn:
            conn.exec_driver_sql("ALTER TABLE facts_moved RENAME TO facts")
    assert response.status_code == 500
    assert response.json() == {"ok": False, "error": {"status": 500, "title": "Internal Server Error",
                                                      "message": "服务器内部错误,已记录日志"}}
    assert page.status_code == 500 and "服务器内部错误" in page.text and "Traceback" not in page.text


def test_search_finds_documents_indicators_and_facts_in_chinese(client):
    view = client.get(f"/search.json?q={quote('地区生产总值')}").json()
    assert view["indicators"][0]["name"] == "地区生产总值"
    assert {d["name"] for d in view["documents"]} == {"qingshan-2023.txt", "qingshan-2024.txt", "qingshan-plan.txt",
                                                      "hewan-2024.txt", "shiqiao-2024.html"}
    assert any(p["hit"] and p["text"] == "地区生产总值" for p in view["documents"][0]["passage"])
    assert {f["indicator"] for f in view["facts"]} == {"地区生产总值"} and len(view["facts"]) == 11


def test_search_narrows_by_region_and_finds_words_inside_longer_ones(client):
    view = client.get(f"/search.json?q={quote('河湾区 地区生产总值')}").json()
    assert [r["key"] for r in view["regions"]] == ["河湾区"]
    assert {f["region_key"] for f in view["facts"]} == {"河湾区"}
    retail = {d["name"] for d in client.get(f"/search.json?q={quote('零售')}").json()["documents"]}
    assert retail == {"qingshan-2023.txt", "qingshan-2024.txt"}   # 零售 inside 社会消费品零售总额
    assert client.get(f"/search.json?q={quote('火星基地')}").json()["documents"] == []


def test_downloads_are_the_tables_shown(client):
    response = client.get(f"/regions/{quote('青山县')}.csv?table=facts")
    assert response.headers["content-disposition"].startswith("attachment;")
    rows = list(csv.reader(io.StringIO(response.content.decode("utf-8-sig"))))
    assert rows[0][:4] == ["指标", "类别", "时期", "口径"]
    assert ["地区生产总值", "actual", "2023", "growth", "5.2"] in [r[:5] for r in rows]
    english = client.get(f"/regions/{quote('青山县')}.csv?table=facts&lang=en").content.decode("utf-8-sig")
    assert english.startswith("Indicator,Role,Period,Measure")
    book = load_workbook(io.BytesIO(client.get(f"/regions/{quote('青山县')}.xlsx?lang=zh").content))
    assert book.sheetnames == ["主要指标目标与完成情况", "提示与问题", "指标数据", "文件"]
    assert book["指标数据"].max_row == len(rows)
    missing = client.get(f"/regions/{quote('青山县')}.csv?table=nothing")
    assert missing.status_code == 404 and "facts" in missing.text


def test_language_switch_is_remembered(client):
    english = client.get("/?lang=en")
    assert "Upload" in english.text and english.cookies.get("lang") == "en"
    assert "Upload" in client.get("/upload").text
    assert "上传文件" in client.get("/upload?lang=zh").text


def test_openapi_and_docs_need_no_outside_host(client):
    paths = client.get("/openapi.json").json()["paths"]
    assert {"/regions/{key}", "/indicators/{name}", "/documents/{doc_id}", "/search", "/api/documents",
            "/regions/{key}/report/{period}"} <= set(paths)
    docs = client.get("/docs").text
    assert "/vendor/swagger-ui-bundle.js" in docs and "http" not in docs
    assert client.get("/vendor/swagger-ui-bundle.js").status_code == 200


UPLOAD = ("青山县2025年上半年国民经济和社会发展计划执行情况\n\n"
          "上半年,全县地区生产总值增长5.8%,社会消费品零售总额增长6.9%。\n")


def test_upload_returns_a_job_that_stores_the_document_like_ingest(editor):
    response = editor.post("/api/documents", files={"file": ("qingshan-2025h1.txt", UPLOAD.encode("gb18030"))})
    assert response.status_code == 202 and response.headers["location"] == response.json()["url"]
    assert response.json()["job"]["status"] == "queued"   # returned before it was read
    view = finished(editor, response)
    assert view["job"]["status"] == "done" and view["job"]["added"] is True
    assert view["document"]["name"] == "qingshan-2025h1.txt" and view["document"]["facts"] == 2
    page = editor.get(view["document"]["url"] + ".json").json()
    assert page["document"]["text"] == UPLOAD
    again = upload(editor, "copy.txt", UPLOAD.encode("gb18030"))
    assert again["job"]["added"] is False and again["document"]["id"] == view["document"]["id"]
    found = editor.get(f"/search.json?q={quote('上半年')}").json()["documents"]   # indexed by the job
    assert [d["name"] for d in found] == ["qingshan-2025h1.txt"]


@pytest.mark.parametrize("name, content, reason", [
    ("empty.txt", b"", "empty"),
    ("old.doc", b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\0" * 600, ".doc"),
])
def test_a_bad_upload_fails_its_job_naming_the_file_and_reason(editor, name, content, reason):
    before = editor.get("/.json").json()
    view = upload(editor, name, content)
    job = view["job"]
    assert job["status"] == "failed" and view["document"] is None
    assert reason in job["error"] and job["message"].startswith(f"{name}: ") and job["error"] in job["message"]
    assert editor.get("/.json").json() == before   # nothing stored, nothing lost
    zh = editor.get(job["url"] + "?lang=zh").text
    assert "失败" in zh and name in zh and job["error"] in zh


def test_upload_form_redirects_to_the_job_page_which_links_the_document(editor):
    response = editor.post("/upload", files={"file": ("h1.txt", UPLOAD.encode())}, follow_redirects=False)
    assert response.status_code == 303
    view = finished(editor, response)
    page = editor.get(response.headers["location"] + "?lang=zh").text
    assert "完成" in page and f'href="/documents/{view["document"]["id"]}"' in page
    listed = editor.get("/upload?lang=zh").text   # the upload page lists the recent jobs
    assert f'href="{response.headers["location"]}"' in listed and "h1.txt" in listed


def test_re_extracting_a_document_is_a_job_and_keeps_its_review_decisions(editor, client, store):
    doc = upload(editor, "h3.txt", UPLOAD.encode())["document"]
    growth = next(f for f in store.facts(document_id=doc["id"]) if f.fact.indicator == "地区生产总值")
    store.confirm(growth.id, actor="张三")
    page = editor.get(doc["url"] + "?lang=zh").text
    assert f'action="/documents/{doc["id"]}/reextract"' in page and "重新提取" in page
    assert "/reextract" not in client.get(doc["url"]).text   # only reviewers see the button
    response = editor.post(f"/documents/{doc['id']}/reextract", follow_redirects=False)
    assert response.status_code == 303   # queued, not run within the request
    view = finished(editor, response)
    assert (view["job"]["kind"], view["job"]["status"], view["document"]["id"]) == ("reextract", "done", doc["id"])
    assert "重新提取" in editor.get(response.headers["location"] + "?lang=zh").text
    [kept] = [f for f in store.facts(document_id=doc["id"]) if f.fact.indicator == "地区生产总值"]
    assert kept.review == "confirmed" and len(store.facts(document_id=doc["id"])) == doc["facts"]
    api = editor.post(f"/api/documents/{doc['id']}/reextract")
    assert api.status_code == 202 and api.headers["location"] == api.json()["url"]
    assert finished(editor, api)["job"]["status"] == "done"
    assert editor.post("/api/documents/999999/reextract").status_code == 404


def test_only_reviewers_re_extract_a_document(app, client, ids):
    refuses_writes_without_a_reviewer(app, client, f"/api/documents/{ids['hewan-2024.txt']}/reextract", {})


def test_jobs_are_seen_by_those_who_may_upload(editor, client):
    location = editor.post("/api/documents", files={"file": ("h2.txt", UPLOAD.encode())}).headers["location"]
    assert client.get(location + ".json").status_code == 401
    assert "h2.txt" not in client.get("/upload").text
    assert editor.get("/jobs/999999.json").status_code == 404


def test_region_links_report_tables_served_by_export(client):
    region = quote("青山县")
    assert client.get(f"/regions/{region}.json").json()["reports"] == ["2021-2025", "2025", "2024"]
    table = client.get(f"/regions/{region}/report/2024.json").json()
    assert table["title"] == "青山县2024年主要指标完成情况表"
    gdp = next(r for r in table["rows"] if r["indicator"] == "地区生产总值")
    assert gdp["growth"] == "增长6.3%"
    book = load_workbook(io.BytesIO(client.get(f"/regions/{region}/report/2024.xlsx").content))
    assert "青山县2024年主要指标完成情况表" in [c.value for c in book.active["A"]]
    docx = client.get(f"/regions/{region}/report/2021-2025.docx")
    assert docx.content[:2] == b"PK" and "attachment" in docx.headers["content-disposition"]
    assert f'href="/regions/{region}/report/2024.xlsx"' in client.get(f"/regions/{region}").text
    missing = client.get(f"/regions/{region}/report/1999.json")
    assert missing.status_code == 404 and "1999" in missing.json()["error"]["message"]


def test_an_upload_without_a_file_name_is_an_error_page_at_once(editor):
    response = editor.post("/upload", files={"file": ("/", b"x")})
    assert response.status_code == 400 and response.headers["content-type"].startswith("text/html")
    assert "<!doctype html>" in response.text


def test_a_region_opens_under_any_form_of_its_name(client):
    by_key = client.get(f"/regions/{quote('青山县')}.json").json()
    by_full_name = client.get(f"/regions/{quote('某某省某某市青山县')}.json").json()
    assert by_full_name["region"]["key"] == "青山县"
    assert by_full_name["rows"] == by_key["rows"]


def test_an_upload_over_the_size_limit_is_refused_before_it_is_read(editor, monkeypatch):
    monkeypatch.setenv("PLANWATCH_MAX_FILE_MB", "1")
    # Refused as the body streams in (413), before the form is parsed: no file name to give yet.
    response = editor.post("/api/documents", files={"file": ("big.txt", "增长5%。".encode() * 200_000)})
    assert response.status_code == 413
    assert "PLANWATCH_MAX_FILE_MB" in response.json()["error"]["message"]


def test_a_new_version_replaces_the_old_one_in_pages_and_search(editor):
    first = "石桥镇2025年工作报告\n\n全年粮食总产量稳定。\n"
    second = "石桥镇2025年工作报告(修订)\n\n全年蔬菜总产量稳定。\n"
    old = upload(editor, "shiqiao-2025.txt", first.encode())
    new = upload(editor, "shiqiao-2025.txt", second.encode())
    assert new["document"]["version"] == old["document"]["version"] + 1
    assert editor.get(f"/search.json?q={quote('粮食')}").json()["documents"] == []
    assert [d["id"] for d in editor.get(f"/search.json?q={quote('蔬菜')}").json()["documents"]] == [new["document"]["id"]]
    region = editor.get(f"/regions/{quote('石桥镇')}.json").json()
    assert old["document"]["id"] not in {d["id"] for d in region["documents"]}


def test_the_year_tables_shown_download_as_they_read(client):
    rows = list(csv.reader(io.StringIO(
        client.get(f"/regions/{quote('河湾区')}.csv?table=indicator_table").content.decode("utf-8-sig"))))
    assert rows == [["指标", "口径", "单位", "2023", "2024"],
                    ["地区生产总值", "增速", "%", "完成 4.8%", "目标 约5.5%[未完成]；完成 5%"]]
    compared = client.get(f"/indicators/{quote('地方一般公共预算收入')}.csv?table=regions_compared&region={quote('青山县')}")
    table = list(csv.reader(io.StringIO(compared.content.decode("utf-8-sig"))))
    assert table[0] == ["地区", "2023", "2024", "2025"]
    assert table[1] == ["青山县", "完成 3.1%", "目标 ≥5%[未完成]；完成 4.1%", "目标 4–5%[待核实]"]


def test_a_plan_average_growth_target_is_a_dashed_line_across_its_years(client):
    view = client.get(f"/indicators/{quote('地区生产总值')}.json?region={quote('青山县')}").json()
    option = view["chart"]["option"]
    assert option["xAxis"]["data"] == ["2021", "2022", "2023", "2024", "2025"]
    plan = [s for s in option["series"] if s["name"] == "青山县 规划年均目标"]
    assert plan == [{"name": "青山县 规划年均目标", "type": "line", "symbol": "none",
                     "lineStyle": {"type": "dashed", "color": plan[0]["lineStyle"]["color"]},
                     "itemStyle": {"color": plan[0]["lineStyle"]["color"]},
                     "data": [[0, 6], [1, 6], [2, 6], [3, 6], [4, 6]]}]


def test_periods_read_in_chinese_and_in_time_order(client):
    page = client.get(f"/regions/{quote('青山县')}").text
    heads = re.findall(r"<th[^>]*>(\d{4}[^<]*)</th>", page)
    assert heads and heads == sorted(heads)   # 2023年 … 2025年, then the plan's span by its first year
    assert "2024年" in heads and "2024" not in heads
    english = re.findall(r"<th[^>]*>(\d{4}[^<]*)</th>", client.get(f"/regions/{quote('青山县')}?lang=en").text)
    assert "2024" in english
