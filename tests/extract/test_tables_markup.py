"""Real tables, read by the documents loader from HTML, give the same facts
as their flattened text would, and are not read twice."""

from __future__ import annotations

from decimal import Decimal

from planwatch.documents import load
from planwatch.extract import extract
from planwatch.extract.tables import extract_tables

PAGE = """<!DOCTYPE html><html><head><meta charset="utf-8"><title>某区2023年国民经济和社会发展计划执行情况</title></head>
<body><div class="article"><h1>某区2023年国民经济和社会发展计划执行情况</h1>
<p>今年以来，全区经济运行稳中向好，主要指标完成情况如下表。</p>
<p>表1 2023年主要指标完成情况</p>
<table border="1">
<tr><td rowspan="2">指标</td><td rowspan="2">单位</td><td colspan="2">2023年完成情况（预计）</td><td rowspan="2">2024年目标</td></tr>
<tr><td>总量</td><td>增速</td></tr>
<tr><td>地区生产总值</td><td>亿元</td><td>1350</td><td>6.2%</td><td>6.5%左右</td></tr>
<tr><td>社会消费品零售总额</td><td>亿元</td><td>610</td><td>8.1%</td><td>8%以上</td></tr>
<tr><td>城镇调查失业率</td><td>%</td><td>5.1</td><td>-</td><td>5.5以内</td></tr>
</table>
<p>下一步，我们将继续做好稳增长各项工作。</p></div></body></html>
"""


def test_html_table_with_rowspan_and_colspan_header(tmp_path):
    path = tmp_path / "report.html"
    path.write_text(PAGE, encoding="utf-8")
    document = load(path)
    assert len(document.tables) == 1
    facts = extract_tables(document)
    got = {(f.indicator, f.role, f.period, f.measure, f.value, f.unit, f.comparator, f.estimated) for f in facts}
    assert got == {
        ("地区生产总值", "actual", "2023", "level", Decimal("1350"), "亿元", "=", True),
        ("地区生产总值", "actual", "2023", "growth", Decimal("6.2"), "%", "=", True),
        ("地区生产总值", "target", "2024", "growth", Decimal("6.5"), "%", "~", False),
        ("社会消费品零售总额", "actual", "2023", "level", Decimal("610"), "亿元", "=", True),
        ("社会消费品零售总额", "actual", "2023", "growth", Decimal("8.1"), "%", "=", True),
        ("社会消费品零售总额", "target", "2024", "growth", Decimal("8"), "%", ">=", False),
        ("城镇调查失业率", "actual", "2023", "level", Decimal("5.1"), "%", "=", True),
        ("城镇调查失业率", "target", "2024", "level", Decimal("5.5"), "%", "<=", False),
    }
    assert len(facts) == len(got)       # the table's `|` rendering in the text is not read again
    for fact in facts:
        assert document.text[fact.start:fact.end].startswith(f"{fact.value:f}".lstrip("-")[:2])


GRID_PAGE = """<!DOCTYPE html><html><head><meta charset="utf-8"><title>某区“十三五”规划实施情况</title></head>
<body><div class="article"><p>表1 “十三五”主要指标完成情况表（单位：亿元、%）</p>
<table border="1">
<tr><td rowspan="2">序号</td><td rowspan="2">指标</td><td rowspan="2">2020年</td><td rowspan="2">年均增长</td>
<td rowspan="2"></td><td colspan="2">2018</td><td colspan="2">2019</td><td colspan="2">2020</td><td rowspan="2"></td></tr>
<tr><td>总量</td><td>增速</td><td>总量</td><td>增速</td><td>总量</td><td>增速</td></tr>
<tr><td colspan="12">经济发展</td></tr>
<tr><td>1</td><td>地区生产总值</td><td>500</td><td>8%</td><td>340</td><td>430</td><td>8.1%</td><td>460</td><td>7.5%</td><td>480</td><td>4.3%</td><td>区发改局</td></tr>
<tr><td>2</td><td>森林覆盖率</td><td>30%</td><td></td><td>25%</td><td colspan="2">27%</td><td colspan="2">28%</td><td colspan="2">29%</td><td>区园林局</td></tr>
</table>
<p>全区经济平稳运行。</p></div></body></html>
"""


def test_real_table_cells_read_where_they_stand(tmp_path):
    """A merged 总量|增速 pair, a blank target cell and the base-year column
    whose label the header lost: each cell read in its own grid column."""
    path = tmp_path / "plan.html"
    path.write_text(GRID_PAGE, encoding="utf-8")
    document = load(path)
    got = {(f.indicator, f.role, f.period, f.measure, f.value) for f in extract(document)}
    assert got == {
        ("地区生产总值", "target", "2020", "level", Decimal("500")),
        ("地区生产总值", "target", "2016-2020", "growth", Decimal("8")),
        ("地区生产总值", "baseline", "2015", "level", Decimal("340")),
        ("地区生产总值", "actual", "2018", "level", Decimal("430")),
        ("地区生产总值", "actual", "2018", "growth", Decimal("8.1")),
        ("地区生产总值", "actual", "2019", "level", Decimal("460")),
        ("地区生产总值", "actual", "2019", "growth", Decimal("7.5")),
        ("地区生产总值", "actual", "2020", "level", Decimal("480")),
        ("地区生产总值", "actual", "2020", "growth", Decimal("4.3")),
        ("森林覆盖率", "target", "2020", "level", Decimal("30")),
        ("森林覆盖率", "baseline", "2015", "level", Decimal("25")),
        ("森林覆盖率", "actual", "2018", "level", Decimal("27")),
        ("森林覆盖率", "actual", "2019", "level", Decimal("28")),
        ("森林覆盖率", "actual", "2020", "level", Decimal("29")),
    }


def test_title_row_across_the_table_is_no_column_label(tmp_path):
    """Portal tables often open with a row of one cell (the title, 单位): the header is below it."""
    path = tmp_path / "report.html"
    page = PAGE.replace("<p>表1 2023年主要指标完成情况</p>\n<table border=\"1\">",
                        '<table border="1">\n<tr><td colspan="5">表1 2023年主要指标完成情况</td></tr>')
    assert page != PAGE
    path.write_text(page, encoding="utf-8")
    got = {(f.indicator, f.role, f.period, f.measure, f.value) for f in extract_tables(load(path))}
    assert ("地区生产总值", "actual", "2023", "level", Decimal("1350")) in got
    assert ("社会消费品零售总额", "target", "2024", "growth", Decimal("8")) in got
    assert len(got) == 8


def test_role_label_over_year_labels(tmp_path):
    """规划目标 spanning 2020年 | 年均增长: the top label gives the role, each sub-label its period."""
    page = GRID_PAGE.replace('<td rowspan="2">2020年</td><td rowspan="2">年均增长</td>', '<td colspan="2">规划目标</td>')
    page = page.replace("<tr><td>总量</td>", "<tr><td>2020年</td><td>年均增长</td><td>总量</td>", 1)
    assert page.count("规划目标") == 1 and page.count("年均增长") == 1
    path = tmp_path / "plan.html"
    path.write_text(page, encoding="utf-8")
    got = {(f.indicator, f.role, f.period, f.measure, f.value) for f in extract_tables(load(path))}
    assert ("地区生产总值", "target", "2020", "level", Decimal("500")) in got
    assert ("地区生产总值", "target", "2016-2020", "growth", Decimal("8")) in got
    assert ("地区生产总值", "baseline", "2015", "level", Decimal("340")) in got
    assert ("森林覆盖率", "actual", "2020", "level", Decimal("29")) in got


def test_real_row_short_of_the_grid_is_aligned(tmp_path):
    """Sloppy markup drops a cell (here the blank 年均增长 of a rate row): the row no
    longer reaches the grid's width and is aligned like a flattened row."""
    page = GRID_PAGE.replace("<td>30%</td><td></td><td>25%</td>", "<td>30%</td><td>25%</td>")
    assert page != GRID_PAGE
    path = tmp_path / "plan.html"
    path.write_text(page, encoding="utf-8")
    got = {(f.indicator, f.role, f.period, f.measure, f.value) for f in extract_tables(load(path))}
    assert {("森林覆盖率", "target", "2020", "level", Decimal("30")),
            ("森林覆盖率", "baseline", "2015", "level", Decimal("25")),
            ("森林覆盖率", "actual", "2020", "level", Decimal("29"))} <= got
