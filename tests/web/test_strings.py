"""Every word a template, a download header or a sheet name asks for is in strings.yaml, in both languages."""

from __future__ import annotations

import re
from pathlib import Path

from planwatch.evaluate.vocabulary import vocabulary
from planwatch.web import i18n

TEMPLATES = Path(i18n.__file__).with_name("templates")


def test_templates_ask_only_for_known_words():
    asked = {key for path in TEMPLATES.glob("*.html")
             for key in re.findall(r"\bt\('([a-z_]+)'\)", path.read_text(encoding="utf-8"))}
    assert asked and asked - set(i18n.strings()) == set()


def test_every_verdict_status_and_download_column_has_words(client):
    statuses = {f"status_{s}" for s in vocabulary()["labels"]}
    pages = ["/.json", "/regions/%E9%9D%92%E5%B1%B1%E5%8E%BF.json", "/documents/1.json",
             "/search.json?q=%E5%9C%B0%E5%8C%BA", "/indicators/%E5%9C%B0%E5%8C%BA%E7%94%9F%E4%BA%A7%E6%80%BB%E5%80%BC.json"]
    columns = {c for page in pages for table in client.get(page).json()["tables"] for c in table["columns"]
               if not re.match(r"\d{4}", c)}   # periods (2024, 2021-2025) head the year tables as they are
    names = {table["name"] for page in pages for table in client.get(page).json()["tables"]}
    assert len(columns) > 20
    assert (statuses | columns | names) - set(i18n.strings()) == set()


def test_english_is_not_a_copy_of_chinese():
    same = [k for k, words in i18n.strings().items() if words["zh"] == words["en"] and k != "json"]
    assert same == []


def test_every_finding_kind_has_its_words_in_both_languages():
    from planwatch.evaluate.findings import LABELS

    words = i18n.strings()
    assert all(re.fullmatch(r"[A-Za-z ,]+", words[f"finding_{kind}"]["en"]) for kind in LABELS)


def test_labels_evaluate_writes_are_defined_once_in_both_languages(client):
    """Verdict, commitment and finding labels are evaluation.yaml's (and findings.py's), in
    both languages: the JSON of an English page carries the same English the page shows."""
    page = client.get("/regions/%E9%9D%92%E5%B1%B1%E5%8E%BF.json", params={"lang": "en"}).json()
    shown = {verdict["label"] for verdict in page["verdicts"]}
    english = {words["en"] for key, words in i18n.strings().items() if key.startswith("status_")}
    assert shown and shown <= english
