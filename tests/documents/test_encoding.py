"""Text files in the encodings Chinese government documents come in."""

from __future__ import annotations

import codecs

import pytest

from planwatch.documents import load

TEXT = "某某市2023年国民经济和社会发展统计公报\r\n全年地区生产总值增长5.1%。\r\n城镇新增就业3.2万人。\n"


@pytest.mark.parametrize("codec, expected", [
    ("utf-8", "utf-8"),
    ("gb18030", "gb18030"),
    ("gbk", "gb18030"),
    ("gb2312", "gb18030"),
])
def test_text_decoded_exactly_line_endings_kept(tmp_path, codec, expected):
    path = tmp_path / "report.txt"
    path.write_bytes(TEXT.encode(codec) * 4)
    document = load(path)
    assert document.text == TEXT * 4
    assert document.encoding == expected


@pytest.mark.parametrize("bom, codec", [
    (codecs.BOM_UTF8, "utf-8"),
    (codecs.BOM_UTF16_LE, "utf-16-le"),
    (codecs.BOM_UTF16_BE, "utf-16-be"),
])
def test_byte_order_mark_decides_and_is_not_in_the_text(tmp_path, bom, codec):
    path = tmp_path / "bom.txt"
    path.write_bytes(bom + TEXT.encode(codec))
    document = load(path)
    assert document.text == TEXT
    assert document.meta.doc_type == "communique"


def test_gb18030_four_byte_characters_survive(tmp_path):
    text = "某某自治县2024年政府工作报告\n㐀䶵 and 𠀀 are rare characters; 增长6%。\n"
    path = tmp_path / "rare.txt"
    path.write_bytes(text.encode("gb18030"))
    assert load(path).text == text


def test_sha256_and_original_are_of_the_bytes(tmp_path):
    import hashlib
    raw = TEXT.encode("gbk")
    path = tmp_path / "r.txt"
    path.write_bytes(raw)
    document = load(path)
    assert document.original == raw
    assert document.sha256 == hashlib.sha256(raw).hexdigest()
    assert document.name == "r.txt"


@pytest.mark.parametrize("codec", ["utf-16-le", "utf-16-be"])
def test_utf16_without_byte_order_mark(tmp_path, codec):
    path = tmp_path / "no_bom.txt"
    path.write_bytes(TEXT.encode(codec))
    document = load(path)
    assert document.text == TEXT and document.encoding == codec


def test_utf8_cut_mid_character_keeps_the_text(tmp_path):
    """Scrapers cut files at a byte limit: the last character is broken, the rest stays."""
    raw = (TEXT * 3).encode("utf-8")
    path = tmp_path / "cut.txt"
    path.write_bytes(raw + "增".encode("utf-8")[:2])
    document = load(path)
    assert document.text == TEXT * 3 + "\ufffd" and document.encoding == "utf-8"
