"""Commitments on the dashboard (SQLite and PostgreSQL): 青山县's 2024 promises followed to
its 2024 report, with statuses, both evidence spans, filters, downloads and the report table."""

from __future__ import annotations

import csv
import json
import io
import re
from urllib.parse import quote

from docx import Document as DocxDocument
from openpyxl import load_workbook

from planwatch.web import i18n

from .conftest import QINGSHAN_2023, QINGSHAN_2024

REGION = f"/regions/{quote('青山县')}"


def _rows(client, query: str = "") -> list[tuple]:
    view = client.get(f"{REGION}/commitments.json{query}").json()
    return [(r["object"], r["status"]) for r in view["commitments"]]


def test_the_years_promises_with_their_statuses(client):
    assert _rows(client) == [("充电桩", "exceeded"), ("区级市政道路", "in_progress"), ("青菱寺路", "done"),
                             ("亿元以上项目", "partly"), ("公园", "not_reported")]


def test_each_promise_carries_both_evidence_spans_as_the_documents_state_them(client, ids):
    view = client.get(f"{REGION}/commitments.json").json()
    charging = view["commitments"][0]
    assert (charging["target_evidence"], charging["answer_evidence"]) == ("新建充电桩5500个", "全年新建充电桩5600个")
    assert charging["target_document_id"] == ids["qingshan-2023.txt"]
    assert charging["answer_document_id"] == ids["qingshan-2024.txt"]
    assert charging["reason"].endswith("为目标的101.8%")
    park = view["commitments"][-1]
    assert park["answer_evidence"] is None and park["target_evidence"] in QINGSHAN_2023


def test_both_spans_are_links_to_the_highlighted_words(client, ids):
    page = client.get(f"{REGION}/commitments").text
    links = re.findall(r'href="/documents/(\d+)#commitment-(\d+)">「([^」]+)」', page)
    assert ("新建充电桩5500个" in {words for _, _, words in links}
            and "全年新建充电桩5600个" in {words for _, _, words in links})
    for doc_id, commitment_id, words in links:
        document = client.get(f"/documents/{doc_id}").text
        assert f'<span class="anchor" id="commitment-{commitment_id}">' in document
        assert _marked(document, commitment_id) == words


def _marked(page: str, commitment_id: str) -> str:
    """The words a document page marks as one commitment's evidence (a fact's mark may sit inside)."""
    pieces = re.findall(r'<mark class="commitment" data-commitments="([\d ]+)">'
                        r'((?:<mark class="fact"[^>]*>[^<]*</mark>)|[^<]*)</mark>', page)
    return "".join(re.sub(r"<[^>]+>", "", inner) for ids, inner in pieces if commitment_id in ids.split())


def test_filters_by_status_kind_words_and_year(client):
    assert _rows(client, "?status=not_reported") == [("公园", "not_reported")]
    assert _rows(client, "?kind=project") == [("亿元以上项目", "partly")]
    assert _rows(client, f"?q={quote('道路')}") == [("区级市政道路", "in_progress")]
    assert _rows(client, "?area=transport") == [("充电桩", "exceeded"), ("区级市政道路", "in_progress"),
                                                ("青菱寺路", "done")]
    assert _rows(client, "?area=environment") == [("公园", "not_reported")]
    assert _rows(client, "?period=2025") == []
    assert len(_rows(client, "?period=all")) == 5


def test_bad_filters_and_unknown_regions_are_clear_errors(client):
    assert client.get(f"{REGION}/commitments.json?status=finished").status_code == 400
    assert client.get(f"{REGION}/commitments.json?area=space").status_code == 400
    assert client.get(f"{REGION}/commitments.json?period=abc").status_code == 400
    missing = client.get(f"/regions/{quote('无此县')}/commitments.json")
    assert missing.status_code == 404 and "无此县" in missing.json()["error"]["message"]


def test_the_region_page_counts_promised_done_and_not_reported(client):
    counts = client.get(f"{REGION}.json").json()["commitments"]
    assert (counts["promised"], counts["fulfilled"], counts["not_reported"]) == (5, 2, 1)
    page = client.get(REGION).text
    assert f'{REGION}/commitments?period=all">承诺 <b>5</b>' in page and "未见报告 <b>1</b>" in page


def test_projects_collect_every_mention(client, ids):
    view = client.get(f"{REGION}/projects.json").json()
    [road] = view["projects"]
    assert (road["project"], road["phase"], road["years"]) == ("青菱寺路", "started", ["2024"])
    assert [(m["phase"], m["evidence"], m["document_id"]) for m in road["mentions"]] == [
        ("planned", "开工建设青菱寺路", ids["qingshan-2023.txt"]), ("started", "青菱寺路开工", ids["qingshan-2024.txt"])]
    assert "青菱寺路开工" in client.get(f"{REGION}/projects").text


def test_downloads_of_commitments_and_projects_have_chinese_headers(client):
    text = client.get(f"{REGION}/commitments.csv").content.decode("utf-8-sig")
    rows = list(csv.DictReader(io.StringIO(text)))
    assert [(r["任务对象"], r["完成状态"], r["计划原文"], r["完成情况原文"]) for r in rows][0] == (
        "充电桩", "超额完成", "新建充电桩5500个", "全年新建充电桩5600个")
    book = load_workbook(io.BytesIO(client.get(f"{REGION}/projects.xlsx").content))
    assert book.sheetnames == ["重大项目", "项目记载"]
    assert [c.value for c in book["项目记载"][2]][:3] == ["青菱寺路", "2024", "target"]


def test_every_column_and_status_of_the_pages_has_words_in_both_languages(client):
    words = set(i18n.strings())
    for page in (f"{REGION}/commitments.json", f"{REGION}/projects.json"):
        for table in client.get(page).json()["tables"]:
            assert {table["name"], *table["columns"]} <= words
    statuses = client.get(f"{REGION}/commitments.json").json()["statuses"]
    assert {f"cstatus_{s}" for s in statuses} <= words


def test_the_key_tasks_table_as_a_page_and_as_files(client):
    view = client.get(f"{REGION}/commitments/report/2024.json").json()
    assert view["title"] == "青山县2024年重点工作任务完成情况表"
    assert [(r["task"], r["status"]) for r in view["rows"]][:2] == [("新建充电桩", "超额完成"), ("完工区级市政道路", "已开工未完工")]
    book = load_workbook(io.BytesIO(client.get(f"{REGION}/commitments/report/2024.xlsx").content))
    sheet = book["重点工作任务"]
    assert sheet["A1"].value == "青山县2024年重点工作任务完成情况表"
    docx = DocxDocument(io.BytesIO(client.get(f"{REGION}/commitments/report/2024.docx").content))
    cells = {cell.text for table in docx.tables for row in table.rows for cell in row.cells}
    assert {"新建充电桩", "超额完成", "未见报告"} <= cells
    assert client.get(f"{REGION}/commitments/report/2030.json").status_code == 404


def test_the_answering_document_marks_its_own_commitments(client, ids):
    view = client.get(f"/documents/{ids['qingshan-2024.txt']}.json").json()
    assert [(c["object"], c["evidence"]) for c in view["commitments"]][:2] == [
        ("充电桩", "全年新建充电桩5600个"), ("区级市政道路", "开工建设区级市政道路6条")]
    assert all(QINGSHAN_2024[c["start"]:c["end"]] == c["evidence"] for c in view["commitments"])


def test_the_json_api_says_what_the_cli_says(client, database_url):
    from typer.testing import CliRunner

    from planwatch.cli import app as cli

    for command, query, options in (("commitments", "?region=青山县&status=exceeded", ["--status", "exceeded"]),
                                    ("projects", "?region=青山县", [])):
        api = client.get(f"/{command}{query}").json()[command]
        printed = CliRunner().invoke(cli, [command, "--db", database_url, "--region", "青山县", *options])
        assert printed.exit_code == 0, printed.output
        assert api == [json.loads(line) for line in printed.output.splitlines()] and api
    assert client.get("/commitments?status=finished").status_code == 400


def test_hostile_words_in_a_promise_stay_words(client):
    shiqiao = f"/regions/{quote('石桥镇')}"
    for page in (f"{shiqiao}/commitments", f"{shiqiao}/projects"):
        html = client.get(page).text
        assert "<script>alert" not in html and "&lt;script&gt;" in html
    book = load_workbook(io.BytesIO(client.get(f"{shiqiao}/commitments.xlsx").content))
    cells = [c for row in book.active.iter_rows() for c in row if isinstance(c.value, str) and "HYPERLINK" in c.value]
    assert cells and all(c.data_type == "s" for c in cells)
    text = client.get(f"{shiqiao}/commitments.csv").content.decode("utf-8-sig")
    assert all(not cell.startswith("=") for row in csv.reader(io.StringIO(text)) for cell in row)


def test_a_documents_commitments_download_with_their_words(client, ids):
    text = client.get(f"/documents/{ids['qingshan-2023.txt']}.csv?table=commitments").content.decode("utf-8-sig")
    rows = list(csv.DictReader(io.StringIO(text)))
    assert [(r["任务对象"], r["原文"]) for r in rows][:2] == [("充电桩", "新建充电桩5500个"), ("区级市政道路", "完工区级市政道路9条")]
