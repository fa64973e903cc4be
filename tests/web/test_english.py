"""The English dashboard (?lang=en) is English throughout: Chinese is left only where it
is data (what a document says, its title, a region, an indicator's name and unit), never
in the words planwatch writes: labels, verdict reasons, finding messages, commitment
reasons, value words (约), punctuation between items, error messages."""

from __future__ import annotations

import json
import re

import lxml.html
import pytest

from planwatch.extract import catalogue
from planwatch.web import i18n

from .conftest import commitments, documents

CJK = re.compile(r"[\u3000-\u303f\u4e00-\u9fff\uff00-\uffef]+")
PAGES = ["/", "/regions/青山县", "/regions/河湾区", "/regions/青山县/commitments", "/regions/青山县/projects",
         "/indicators/地区生产总值", "/documents/1", "/documents/2", "/documents/3", "/search?q=地区生产总值",
         "/review", "/audit", "/upload"]
ERRORS = ["/regions/不存在区", "/documents/999", "/indicators/不存在指标", "/regions/青山县/report/2031",
          "/regions/青山县/commitments/report/2031", "/nosuch"]
# Attributes whose values are what the reader typed or the address of data, not words shown
NOT_SHOWN = {"href", "value", "action", "src", "id", "name", "class", "lang"}


@pytest.fixture(scope="module")
def data() -> str:
    """Everything that may stay Chinese in English: the documents, their metadata, their
    commitments (action and object as one), the indicator system, what the reader asked for
    (an unknown region is named back), and the Chinese examples the English strings give."""
    texts = [f"{document.text}\n{document.meta}" for document, _ in documents()]
    texts += [f"{c.action}{c.object}" for found in commitments().values() for c in found]
    texts += [repr(commitments()), repr(catalogue.indicators()), *PAGES, *ERRORS]
    texts += [words["en"] for words in i18n.strings().values()]
    return "\n".join(texts)


def _planwatch_words(runs: list[str], data: str) -> list[str]:
    return sorted({run for run in runs if run not in data})


def _shown(page: str) -> list[str]:
    """The CJK runs a reader sees on a page: text and shown attributes (titles, placeholders)."""
    root = lxml.html.fromstring(page)
    runs = []
    for element in root.iter():
        if not isinstance(element.tag, str) or element.tag in ("script", "style"):
            continue
        for text in (element.text, element.tail):
            runs += CJK.findall(text or "")
        for attribute, value in element.attrib.items():
            if attribute not in NOT_SHOWN and not attribute.startswith("data-"):
                runs += CJK.findall(value)
    return runs


@pytest.mark.parametrize("path", PAGES + ERRORS)
def test_english_pages_show_chinese_only_as_data(editor, data, path):
    response = editor.get(path, params={"lang": "en"})
    assert response.status_code in (200, 404), response.text[:300]
    assert _planwatch_words(_shown(response.text), data) == []


def _strings_under(value, keys: set[str]) -> list[str]:
    if isinstance(value, dict):
        return [s for k, v in value.items()
                for s in ([v] if k in keys and isinstance(v, str) else _strings_under(v, keys))]
    if isinstance(value, list):
        return [s for item in value for s in _strings_under(item, keys)]
    return []


@pytest.mark.parametrize("path", ["/regions/青山县.json", "/.json", "/indicators/地区生产总值.json",
                                  "/regions/青山县/commitments.json", "/regions/不存在区.json"])
def test_english_json_gives_labels_reasons_and_messages_in_english(client, data, path):
    body = client.get(path, params={"lang": "en"}).json()
    words = _strings_under(body, {"reason", "message", "label", "status_label", "target", "actual"})
    assert words, json.dumps(body, ensure_ascii=False)[:300]
    assert _planwatch_words([run for text in words for run in CJK.findall(text)], data) == []


def test_chinese_stays_the_default_with_the_same_reasons(client):
    zh = client.get("/regions/青山县.json").json()
    en = client.get("/regions/青山县.json", params={"lang": "en"}).json()
    reasons = [(a["reason"], b["reason"]) for a, b in zip(zh["verdicts"], en["verdicts"], strict=True)]
    assert len(reasons) > 3 and all(CJK.search(a) and a != b for a, b in reasons)
    assert any("目标" in a and "target" in b for a, b in reasons)
