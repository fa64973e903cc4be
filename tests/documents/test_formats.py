"""HTML, DOCX and PDF: the text a reader sees, tables with exact offsets,
merged cells read once, furniture gone, metadata from the container."""

from __future__ import annotations

import docx
import pypdf
import pytest

from planwatch.documents import Document, load

# The indicator table of conftest.INDICATORS, as a reader sees it: merged cells once.
EXPECTED_ROWS = [
    [("指标", 1, 2), ("2024年", 2, 1), ("2025年目标", 1, 2)],
    [("目标", 1, 1), ("完成", 1, 1)],
    [("地区生产总值增速（%）", 1, 1), ("6.5", 1, 1), ("6.2", 1, 1), ("6左右", 1, 1)],
    [("一般公共预算收入（亿元）", 1, 1), ("12.4", 1, 1), ("12.9", 1, 1), ("13.5", 1, 1)],
]


def assert_indicator_table(document: Document) -> None:
    assert len(document.tables) == 1
    table = document.tables[0]
    assert [[(c.text, c.colspan, c.rowspan) for c in row] for row in table.rows] == EXPECTED_ROWS
    for row in table.rows:
        for cell in row:
            assert document.text[cell.start:cell.end] == cell.text
    # the table stands between the first paragraph and the rest, as in the source
    first = document.text.index("稳中有进")
    assert first < table.rows[0][0].start < document.text.index("主要预期目标")


def assert_paragraphs(document: Document, paragraphs: list[str]) -> None:
    for paragraph in paragraphs:
        assert paragraph in document.text


@pytest.mark.parametrize("charset, codec", [("gb2312", "gb18030"), ("gbk", "gbk"), (None, "gb18030"),
                                            ("utf-8", "gb18030"), ("utf-8", "utf-8")])
def test_portal_page(tmp_path, make, charset, codec):
    """Declared, undeclared and wrongly declared (utf-8 on GB bytes) charsets."""
    path = tmp_path / "page.htm"
    page = make.html_page([make.TITLE, *make.PARAGRAPHS], make.INDICATORS, title=make.TITLE, charset=charset)
    path.write_bytes(page.encode(codec))
    document = load(path)
    assert document.format == "html"
    assert_paragraphs(document, make.PARAGRAPHS)
    assert_indicator_table(document)
    for furniture in ("打印本页", "关闭窗口", "主办单位", "备案号", "相关链接", "大 中 小", "政务公开"):
        assert furniture not in document.text
    assert document.meta.region == "青川县" and document.meta.doc_type == "annual_report"
    assert document.meta.target_years == [2025]


def test_html_big5_declared(tmp_path, make):
    text = "某某市2023年統計公報：全年地區生產總值增長3.1%，社會消費品零售總額增長5%。"
    page = make.html_page([text], charset="big5", title="統計公報", furniture=False).replace("首页", "首頁")
    page = page.replace("政务公开", "政務公開").replace("政策解读", "政策解讀")
    path = tmp_path / "tw.html"
    path.write_bytes(page.encode("big5"))
    document = load(path)
    assert text in document.text
    assert document.encoding == "big5"


def test_html_furniture_left_by_the_article_extractor_is_removed(tmp_path):
    """Furniture inside the article container, where trafilatura keeps it."""
    page = ("<html><head><meta charset='gb18030'><title>某某区2024年政府工作报告</title>"
            "<meta name='PubDate' content='2024-02-01 09:30'></head><body><div id='content'>"
            "<p>某某区2024年政府工作报告</p><p>字号：大 中 小</p><p>发布时间：2024-02-01</p>"
            "<p>过去一年，全区地区生产总值增长5.3%，城镇新增就业1.2万人，居民人均可支配收入增长6%。</p>"
            "<p>今年主要预期目标：地区生产总值增长5.5%左右，一般公共预算收入增长3%。</p>"
            "<p>【打印本页】 【关闭窗口】</p></div></body></html>")
    path = tmp_path / "report.html"
    path.write_bytes(page.encode("gb18030"))
    document = load(path)
    assert "地区生产总值增长5.5%左右" in document.text
    for furniture in ("字号", "打印本页", "关闭窗口"):
        assert furniture not in document.text
    assert document.meta.date == "2024-02-01"
    assert document.meta.doc_type == "work_report"
    assert document.meta.region == "某某区"


def test_html_layout_tables_are_not_data(tmp_path):
    long = "全年完成固定资产投资增长7%，其中工业投资增长12%，民间投资增长4%，" * 10
    page = (f"<html><body><table><tr><td><table><tr><td>导航</td><td>首页</td></tr></table></td>"
            f"<td><p>{long}</p></td></tr><tr><td>左栏</td><td>右栏</td></tr></table></body></html>")
    path = tmp_path / "layout.html"
    path.write_text(page, encoding="utf-8")
    document = load(path)
    assert document.tables == []
    assert "工业投资增长12%" in document.text


def test_docx_with_merged_cells(tmp_path, make):
    path = make.write_docx(tmp_path / "report.docx", [make.TITLE, *make.PARAGRAPHS], make.INDICATORS,
                           title=make.TITLE)
    document = load(path)
    assert document.format == "docx"
    assert_paragraphs(document, make.PARAGRAPHS)
    assert_indicator_table(document)
    assert document.meta.title == make.TITLE and document.meta.region_level == "county"


def test_docx_title_from_core_properties(tmp_path, make):
    path = make.write_docx(tmp_path / "untitled.docx", make.PARAGRAPHS,
                           title="某某市2022年国民经济和社会发展统计公报")
    document = load(path)
    assert document.meta.doc_type == "communique"
    assert document.meta.region == "某某市" and document.meta.report_years == [2022]


def test_pdf_with_cjk_font_and_table(tmp_path, make):
    path = make.write_pdf(tmp_path / "report.pdf", [make.TITLE, *make.PARAGRAPHS], make.INDICATORS,
                          title=make.TITLE)
    document = load(path)
    assert document.format == "pdf"
    assert_paragraphs(document, make.PARAGRAPHS)
    assert_indicator_table(document)
    assert document.original == path.read_bytes()


def test_same_document_same_text_in_every_format(tmp_path, make):
    """One report as HTML, DOCX and PDF gives one text (up to the HTML page title)."""
    paragraphs = [make.TITLE, *make.PARAGRAPHS]
    html = tmp_path / "r.html"
    html.write_bytes(make.html_page(paragraphs, make.INDICATORS, furniture=False).encode("gb18030"))
    docx_text = load(make.write_docx(tmp_path / "r.docx", paragraphs, make.INDICATORS)).text
    pdf_text = load(make.write_pdf(tmp_path / "r.pdf", paragraphs, make.INDICATORS)).text
    assert docx_text == pdf_text
    assert load(html).text.endswith(docx_text.split("\n", 1)[1])


def test_table_title_from_the_paragraph_before_it(tmp_path, make):
    paragraphs = ["某某县2023年政府工作报告", "表1 2023年主要指标完成情况", "全县经济运行总体平稳。"]
    document = load(make.write_docx(tmp_path / "t.docx", paragraphs, make.INDICATORS))
    assert document.tables[0].title == "表1 2023年主要指标完成情况"


OLD_PORTAL = """<html><head><meta http-equiv="Content-Type" content="text/html; charset=gb2312">
<title>某某县2022年国民经济和社会发展统计公报</title></head><body><table width="980">
<tr><td><table><tr><td><a href="/">首页</a></td><td><a href="/x">信息公开</a></td></tr></table></td></tr>
<tr><td><table width="100%"><tr><td class="title">某某县2022年国民经济和社会发展统计公报</td></tr>
<tr><td>发布时间：2023-03-20 来源：县统计局 【字体：大 中 小】</td></tr>
<tr><td class="content"><p>初步核算，全年全县地区生产总值达到215.6亿元，比上年增长4.8%。</p>
<p>全年一般公共预算收入12.3亿元，增长6.1%。</p><p>表1 2022年主要指标</p>
<table border="1"><tr><td>指标</td><td>数值</td><td>增长%</td></tr>
<tr><td>地区生产总值（亿元）</td><td>215.6</td><td>4.8</td></tr>
<tr><td>社会消费品零售总额（亿元）</td><td>88.1</td><td>2.5</td></tr></table>
<p>全年城镇新增就业4500人。</p></td></tr></table></td></tr>
<tr><td>主办：某某县人民政府办公室　技术支持：某某网络公司　备案号：某ICP备000号</td></tr></table></body></html>"""


def test_old_portal_built_of_layout_tables(tmp_path):
    """The article inside nested layout tables, a data table inside it: the
    data table's text appears once, as the table, where it stood."""
    path = tmp_path / "old.htm"
    path.write_bytes(OLD_PORTAL.encode("gb2312"))
    document = load(path)
    assert document.text.count("215.6") == 2           # the sentence and the table cell
    assert document.text.count("88.1") == 1
    [table] = document.tables
    assert table.title == "表1 2022年主要指标"
    assert document.text.index("增长6.1%") < table.rows[0][0].start < document.text.index("新增就业4500人")
    assert "备案号" not in document.text and "字体" not in document.text
    assert (document.meta.doc_type, document.meta.date, document.meta.report_years) == ("communique", "2023-03-20", [2022])


def test_docx_body_inside_a_content_control(tmp_path, make):
    """Word wraps parts of a body in content controls (w:sdt); their text counts."""
    import docx
    from docx.oxml import parse_xml
    from docx.oxml.ns import nsdecls
    path = make.write_docx(tmp_path / "plain.docx", ["某某县2024年政府工作报告"])
    document = docx.Document(path)
    control = parse_xml(f"<w:sdt {nsdecls('w')}><w:sdtContent><w:p><w:r><w:t>全年城镇新增就业3100人。</w:t></w:r></w:p>"
                        "</w:sdtContent></w:sdt>")
    document.element.body.insert(0, control)
    document.save(path)
    assert "全年城镇新增就业3100人。" in load(path).text


def test_pdf_running_header_and_page_numbers_left_out(tmp_path, make):
    paragraphs = [make.TITLE] + [f"第{i}项：全年完成固定资产投资{i}.5亿元，同比增长{i}%。" * 6 for i in range(1, 60)]
    path = make.write_pdf(tmp_path / "long.pdf", paragraphs, make.INDICATORS, header="某某县发展和改革局文件")
    assert len(pypdf.PdfReader(path).pages) >= 3
    document = load(path)
    assert "某某县发展和改革局文件" not in document.text
    assert "— 2 —" not in document.text
    assert "第59项：全年完成固定资产投资59.5亿元" in document.text.replace("\n", "")


def test_saved_web_page_mhtml(tmp_path, make):
    """A page saved by a browser as one .mht file: quoted-printable GBK HTML inside MIME."""
    import quopri
    page = make.html_page([make.TITLE, *make.PARAGRAPHS], make.INDICATORS, title=make.TITLE, charset=None)
    body = quopri.encodestring(page.encode("gbk")).decode("ascii")
    mime = ("From: <Saved by Blink>\r\nMIME-Version: 1.0\r\n"
            'Content-Type: multipart/related; type="text/html"; boundary="----B"\r\n\r\n'
            "------B\r\nContent-Type: text/html; charset=gbk\r\nContent-Transfer-Encoding: quoted-printable\r\n\r\n"
            f"{body}\r\n------B--\r\n")
    path = tmp_path / "page.mht"
    path.write_bytes(mime.encode("ascii"))
    document = load(path)
    assert document.format == "html"
    assert_paragraphs(document, make.PARAGRAPHS)
    assert_indicator_table(document)


def test_pdf_letter_spaced_chinese_joins_but_columns_stay_apart(tmp_path):
    """Justified Chinese is set with wide letter spacing; an unruled table's
    columns stand further apart."""
    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfbase.cidfonts import UnicodeCIDFont
    from reportlab.pdfgen import canvas
    if "STSong-Light" not in pdfmetrics.getRegisteredFontNames():
        pdfmetrics.registerFont(UnicodeCIDFont("STSong-Light"))
    path = tmp_path / "spaced.pdf"
    page = canvas.Canvas(str(path))
    line = page.beginText(72, 700)
    line.setFont("STSong-Light", 12)
    line.setCharSpace(4)
    line.textLine("全年地区生产总值增长6.5%，一般公共预算收入增长5%。")
    page.drawText(line)
    page.setFont("STSong-Light", 12)
    for x, text in ((72, "地区生产总值"), (200, "1080"), (260, "1515")):
        page.drawString(x, 660, text)
    page.save()
    document = load(path)
    assert "全年地区生产总值增长6.5%，一般公共预算收入增长5%。" in document.text
    assert "地区生产总值 1080 1515" in document.text


def test_pdf_wrapped_lines_joined_into_paragraphs(tmp_path, make):
    sentence = "，".join(f"第{i}类投资增长{i}.5%" for i in range(1, 30)) + "。"
    paragraphs = [make.TITLE, sentence, "二、2025年主要目标", "地区生产总值增长6%左右。"]
    document = load(make.write_pdf(tmp_path / "wrapped.pdf", paragraphs))
    assert sentence in document.text                            # one line again
    assert "\n二、2025年主要目标\n地区生产总值增长6%左右。" in document.text   # a heading stays a line


def test_pdf_line_broken_before_a_number_joined(tmp_path, make):
    """A number is never broken, so the line before it ends short of the margin."""
    sentence = "上半年地方一般公共预算收入同口径同比增长" * 2 + "123456.789%，好于预期。"
    filler = "全区经济运行总体平稳，" * 12    # lines that fill the text width
    document = load(make.write_pdf(tmp_path / "number.pdf", [make.TITLE, filler, sentence]))
    assert sentence in document.text


def test_pdf_table_broken_by_the_page_end_is_one_table(tmp_path, make):
    rows = [["指标", "2024年", "2025年目标"]] + [[f"第{i}项指标", f"{i}.5", f"{i}.8"] for i in range(1, 80)]
    document = load(make.write_pdf(tmp_path / "long.pdf", make.PARAGRAPHS, make.TableSpec(rows=rows)))
    assert len(document.tables) == 1
    assert [c.text for c in document.tables[0].rows[-1]] == rows[-1]
    assert len(document.tables[0].rows) == len(rows)


def test_docx_row_starting_right_keeps_its_columns(tmp_path, make):
    """w:gridBefore: Word skips grid columns at a row's start instead of writing empty cells."""
    from docx.oxml import OxmlElement
    from docx.oxml.ns import qn

    path = make.write_docx(tmp_path / "skip.docx", make.PARAGRAPHS, make.INDICATORS)
    document = docx.Document(path)
    row = document.tables[0].rows[3]._tr
    row.remove(row.findall(qn("w:tc"))[0])
    before = OxmlElement("w:gridBefore")
    before.set(qn("w:val"), "1")
    properties = OxmlElement("w:trPr")
    properties.append(before)
    row.insert(0, properties)
    document.save(path)
    cells = load(path).tables[0].rows[3]
    assert [(c.text, c.colspan) for c in cells] == [("", 1), ("12.4", 1), ("12.9", 1), ("13.5", 1)]
