"""A report written in traditional characters (繁體) is stored with the
metadata read on its folded text: its type, years and a region whose key is
the simplified name's, while its text and evidence stay as written."""

from __future__ import annotations

from planwatch.documents import detect_meta

WORK_REPORT = ("青灣縣2024年政府工作報告\n"
               "——2024年1月12日在青灣縣第十八屆人民代表大會第三次會議上\n"
               "各位代表：\n現在，我代表縣人民政府向大會報告工作，請予審議。\n"
               "一、2023年工作回顧\n全縣地區生產總值增長6.1%，城鎮居民人均可支配收入增長5.5%。\n")


def test_traditional_report_is_stored_with_its_region_and_type(store, tmp_path):
    path = tmp_path / "青灣縣2024.txt"
    path.write_text(WORK_REPORT, "utf-8")
    report = store.ingest([path])
    assert report.ok and report.documents == 1
    stored = store.documents(region="青湾县")
    assert [(d.region, d.region_key, d.doc_type, d.report_years, d.target_years) for d in stored] == [
        ("青湾县", "青湾县", "work_report", (2023,), (2024,))]
    assert store.document(stored[0].id).text == WORK_REPORT
    facts = store.facts(region="青湾县")
    assert {(f.fact.indicator, str(f.fact.period)) for f in facts} >= {("地区生产总值", "2023")}
    for f in facts:
        assert "增長" in WORK_REPORT[f.fact.start:f.fact.end]   # evidence in the text as written


def test_traditional_annual_report_title():
    meta = detect_meta("關於白沙市2023年國民經濟和社會發展計劃執行情況與2024年計劃草案的報告\n各位代表：\n", "報告.txt")
    assert (meta.region, meta.doc_type, meta.report_years, meta.target_years) == ("白沙市", "annual_report", [2023], [2024])
    assert meta.title == "关于白沙市2023年国民经济和社会发展计划执行情况与2024年计划草案的报告"
