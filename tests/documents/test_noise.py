"""Noise spans: invented spam and page furniture are covered, the document's
own sentences are not."""

from __future__ import annotations

import pytest

from planwatch.documents import find_noise, in_noise
from planwatch.errors import SettingsError

REAL = [
    "全年地区生产总值增长6%左右，规模以上工业增加值增长7%。",
    "推进二维码支付在农贸市场全覆盖，新增充电桩300个。",   # a real sentence that names 二维码
    "加强技术支持和人才培养，技术合同成交额达到20亿元。",
    "1080",                                                 # a table cell flattened onto its own line
]
NOISE = [
    "大佬们都在玩{精选官网网址: www.example8.Cc }值得信任的品牌平台!",
    "【字体：大 中 小】",
    "字号：大 中 小",
    "? 打印本页 ? ? 关闭窗口 ?",
    "下载 打印 全屏",
    "扫一扫在手机打开当前页",
    "用微信扫描二维码分享",
    "栏目：政务公开 发布时间：2022-03-01",
    "发布日期：2021-12-30 浏览次数：1024",
    "版权所有：某某县人民政府 主办单位：某某县人民政府办公室",
    "某ICP备12345678号-1 某公网安备 33010002000001号",
    "网站标识码：3301000001",
    "editor 11-23 108 阅读 2 评论",
    "评论列表 (暂无评论,3人围观)",
    "还没有评论,来说两句吧...",
    "相关链接：",
    "上一篇：关于某某工作的通知",
    "本文链接：https://blog.example.com/post/7.html",
]


def covered(text: str, part: str) -> bool:
    start = text.index(part)
    spans = find_noise(text)
    return any(a <= start and start + len(part) <= b for a, b in spans)


@pytest.mark.parametrize("line", NOISE)
def test_furniture_and_spam_lines_are_noise(line):
    text = "\n".join([REAL[0], line, REAL[1]]) + "\n"
    assert covered(text, line)
    assert not in_noise(find_noise(text), 0, len(REAL[0]))
    assert not in_noise(find_noise(text), text.index(REAL[1]), len(text))


@pytest.mark.parametrize("line", REAL)
def test_real_text_is_not_noise(line):
    text = "\n".join(["二、主要指标", line, "三、下一步工作"]) + "\r\n"
    assert not in_noise(find_noise(text), text.index(line), text.index(line) + len(line))


def test_spam_glued_to_a_table_cell_leaves_the_cell():
    cell = "与经济增长基本同步"
    text = f"  居民人均可支配收入增速\n  {cell}大佬们都在玩{{精选官网网址: www.example8.Cc }}值得信任的品牌平台!\n"
    spans = find_noise(text)
    start = text.index(cell)
    assert not in_noise(spans, start, start + len(cell))
    assert in_noise(spans, text.index("大佬们"), text.index("大佬们") + 1)


def test_spans_are_sorted_and_disjoint():
    text = "\n".join(NOISE * 3)
    spans = find_noise(text)
    assert spans == sorted(spans)
    assert all(a < b <= c for (a, b), (c, _) in zip(spans, spans[1:]))


def test_patterns_come_from_a_file_a_user_can_extend(tmp_path):
    patterns = tmp_path / "noise.yaml"
    patterns.write_text("lines:\n  - name: ad\n    pattern: '点击领取.*'\ninline: []\n", encoding="utf-8")
    text = "全年增长5%。\n点击领取红包\n"
    assert find_noise(text, patterns) == [(text.index("点击"), len(text) - 1)]


def test_a_broken_pattern_file_is_a_clear_error(tmp_path):
    patterns = tmp_path / "noise.yaml"
    patterns.write_text("lines:\n  - name: bad\n    pattern: '(unclosed'\n", encoding="utf-8")
    with pytest.raises(SettingsError, match="bad"):
        find_noise("x", patterns)


@pytest.mark.parametrize("line", ["- 3 -", "— 12 —", "第 3 页 共 12 页", "2/9页"])
def test_page_numbers_are_noise_but_numbers_in_cells_are_not(line):
    text = f"地区生产总值\n1080\n{line}\n12.5%\n"
    spans = find_noise(text)
    assert covered(text, line)
    assert not in_noise(spans, text.index("1080"), text.index("1080") + 4)
    assert not in_noise(spans, text.index("12.5%"), text.index("12.5%") + 5)


@pytest.mark.parametrize("pattern, line, other", [
    # tried only on lines that hold one of its words (版权所有, 主办): both still found, the rest not
    (r".{0,20}(版权所有|主办)\s*[:：].*", "本站版权所有：某某县人民政府", "本站主要指标：地区生产总值"),
    (r".{0,20}(版权所有|主办)\s*[:：].*", "某某网 主办：某某县人民政府", "全县主要指标：地区生产总值"),
    # a word whose characters may stand apart (邮\s*编): found written either way, tried only there
    (r".{0,20}(版权所有|邮\s*编)\s*[:：].*", "地址：某某路1号 邮 编：430000", "全年邮政业务总量：12亿元"),
    (r".{0,20}(版权所有|邮\s*编)\s*[:：].*", "地址：某某路1号 邮编：430000", "邮寄包裹编号：地区生产总值"),
    # words that may match in any case are no filter: the pattern is tried on every line
    (r"(?i:copyright).*", "COPYRIGHT 2024 某某县人民政府", "全年增长5%。"),
    (r"(?i:all rights) reserved.*", "ALL RIGHTS reserved", "all rights RESERVED"),
])
def test_a_line_pattern_matches_whatever_words_it_needs(tmp_path, pattern, line, other):
    patterns = tmp_path / "noise.yaml"
    patterns.write_text(f"lines:\n  - name: footer\n    pattern: '{pattern}'\n", encoding="utf-8")
    text = f"{other}\n{line}\n{other}\n"
    assert find_noise(text, patterns) == [(text.index(line), text.index(line) + len(line))]
