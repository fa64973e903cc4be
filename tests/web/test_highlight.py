"""Cutting a document's text at evidence boundaries, overlapping spans included."""

from __future__ import annotations

from planwatch.web.highlight import fact_pieces

TEXT = "全年地区生产总值增长4.5%—5%,服务业增长6%。"


def test_pieces_put_the_text_back_together_and_mark_overlaps_with_both_facts():
    whole = TEXT.index("增长4.5%—5%")
    lower = TEXT.index("4.5%")
    facts = [{"id": 1, "start": whole, "end": whole + len("增长4.5%—5%")},
             {"id": 2, "start": lower, "end": lower + len("4.5%")},
             {"id": 3, "start": TEXT.index("服务业"), "end": len(TEXT) - 1}]
    pieces = fact_pieces(TEXT, facts)
    assert "".join(p.text for p in pieces) == TEXT
    table = [(p.text, p.facts, p.anchors) for p in pieces]
    assert table == [
        ("全年地区生产总值", (), ()),
        ("增长", (1,), (1,)),
        ("4.5%", (1, 2), (2,)),
        ("—5%", (1,), ()),
        (",", (), ()),
        ("服务业增长6%", (3,), (3,)),
        ("。", (), ()),
    ]


def test_spans_beyond_the_text_are_clipped_not_lost():
    pieces = fact_pieces("增长5%", [{"id": 7, "start": 2, "end": 99}])
    assert [(p.text, p.facts) for p in pieces] == [("增长", ()), ("5%", (7,))]
