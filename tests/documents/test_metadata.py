"""Metadata from invented titles and openings of documents from all levels
and kinds of region."""

from __future__ import annotations

import pytest

from planwatch.documents import detect_meta, region_key

CASES = """\
title | region | level | doc_type | report | target | span
关于四川省2023年国民经济和社会发展计划执行情况与2024年计划草案的报告 | 四川省 | province | annual_report | 2023 | 2024 | -
广西壮族自治区国民经济和社会发展第十四个五年规划和2035年远景目标纲要 | 广西壮族自治区 | province | plan_outline | 2016,2017,2018,2019,2020 | 2021,2022,2023,2024,2025,2035 | 2021-2025
北京市2022年国民经济和社会发展统计公报 | 北京市 | province | communique | 2022 | - | -
长沙市2021年上半年国民经济和社会发展计划执行情况的报告 | 长沙市 | city | midyear_report | 2021 | 2021 | -
关于大理白族自治州1-6月国民经济和社会发展计划执行情况的报告（2022年） | 大理白族自治州 | city | midyear_report | 2022 | 2022 | -
峨边彝族自治县国民经济和社会发展第十三个五年规划纲要 | 峨边彝族自治县 | county | plan_outline | 2011,2012,2013,2014,2015 | 2016,2017,2018,2019,2020 | 2016-2020
浙江省宁波市鄞州区国民经济和社会发展第十四个五年规划和二〇三五年远景目标纲要 | 浙江省宁波市鄞州区 | district | plan_outline | 2016,2017,2018,2019,2020 | 2021,2022,2023,2024,2025,2035 | 2021-2025
雄安新区2024年国民经济和社会发展计划草案 | 雄安新区 | district | annual_report | - | 2024 | -
鄂托克前旗2023年政府工作报告 | 鄂托克前旗 | county | work_report | 2022 | 2023 | -
某某县2020年度政府工作报告 | 某某县 | county | work_report | 2020 | 2021 | -
2023年某某市国民经济和社会发展统计公报 | 某某市 | city | communique | 2023 | - | -
某某市发展和改革委员会关于某某市2024年上半年国民经济和社会发展计划执行情况的报告 | 某某市 | city | midyear_report | 2024 | 2024 | -
关于某某区2023年国民经济和社会发展计划执行情况和2024年计划（草案）的报告 | 某某区 | district | annual_report | 2023 | 2024 | -
某某市2025年国民经济和社会发展计划 | 某某市 | city | annual_report | - | 2025 | -
甘肃省庆阳市西峰区"十四五"规划（2021-2025年） | 甘肃省庆阳市西峰区 | district | plan_outline | 2016,2017,2018,2019,2020 | 2021,2022,2023,2024,2025 | 2021-2025
"""


def parse_cases(table: str = CASES):
    lines = table.strip().splitlines()
    keys = [k.strip() for k in lines[0].split("|")]
    for line in lines[1:]:
        yield dict(zip(keys, (v.strip() for v in line.split("|"))))


def years(field: str) -> list[int]:
    return [] if field == "-" else [int(y) for y in field.split(",")]


@pytest.mark.parametrize("case", list(parse_cases()), ids=lambda c: c["title"][:12])
def test_titles(case):
    meta = detect_meta(case["title"] + "\n\n各位代表：\n现在，我代表政府向大会报告，请予审议。\n", "doc.txt")
    assert (meta.region, meta.region_level, meta.doc_type) == (case["region"], case["level"], case["doc_type"])
    assert (meta.report_years, meta.target_years) == (years(case["report"]), years(case["target"]))
    assert meta.plan_span == (None if case["span"] == "-" else case["span"])
    assert meta.title == case["title"]


def test_opening_without_title_line():
    """No title line: the meeting line and the opening sentence carry it all."""
    text = ("——2022年1月6日在贵州省遵义市汇川区第五届人民代表大会\n第二次会议上\n区发展和改革局局长 某某\n各位代表：\n"
            "受区人民政府委托，现将汇川区2021年国民经济和社会发展计划执行情况和2022年计划草案提请审议。\n")
    meta = detect_meta(text, "7f3a.txt")
    assert meta.region == "贵州省遵义市汇川区" and meta.region_level == "district"
    assert meta.meeting == "贵州省遵义市汇川区第五届人民代表大会第二次会议"
    assert meta.date == "2022-01-06"
    assert meta.doc_type == "annual_report"
    assert (meta.report_years, meta.target_years) == ([2021], [2022])


def test_the_state_council_s_report_is_national():
    """The national report names no region of its own; its opening says whose it is."""
    text = ("各位代表：\n现在，我代表国务院向大会作政府工作报告，请予审议，并请全国政协各位委员提出意见。\n"
            "一、2009年工作回顾\n2009年是新世纪以来我国经济发展最为困难的一年。只要特别行政区保持繁荣稳定。\n")
    meta = detect_meta(text, "043.txt")
    assert (meta.region, meta.region_level) == ("全国", "national")
    assert meta.report_years == [2009]


def test_portal_page_text():
    """Title, publication line and footer of a scraped portal page."""
    text = ("2018年政府工作报告\n发布时间：2018-02-12 信息来源：区政府办公室 字体：[ ]\n各位代表：\n"
            "一、2017年工作回顾\n过去一年……\n二、2018年工作安排\n今年……\n"
            "版权所有：江西省南昌市青山湖区人民政府 | 赣ICP备00000000号\n")
    meta = detect_meta(text, "page.html")
    assert meta.region == "江西省南昌市青山湖区" and meta.doc_type == "work_report"
    assert meta.date == "2018-02-12"
    assert (meta.report_years, meta.target_years) == ([2017], [2018])


def test_public_catalogue_fields():
    text = ("名  称: 关于某某县2019年上半年国民经济和社会发展计划执行情况的报告 发布机构: 县发改局\n"
            "公开日期: 2019年07月30日 公开方式: 主动公开\n")
    meta = detect_meta(text, "x.txt")
    assert meta.title == "关于某某县2019年上半年国民经济和社会发展计划执行情况的报告"
    assert meta.region == "某某县" and meta.doc_type == "midyear_report" and meta.date == "2019-07-30"


def test_chinese_numeral_dates_and_years():
    text = "某某市二〇二三年国民经济和社会发展统计公报\n（二〇二四年三月十五日）\n"
    meta = detect_meta(text, "x.txt")
    assert meta.date == "2024-03-15" and meta.report_years == [2023]


def test_no_region_named():
    meta = detect_meta("关于开展安全生产检查的通知\n各单位：请于本月底前完成自查。\n", "notice.txt")
    assert meta.region is None and meta.doc_type == "other"


@pytest.mark.parametrize("names", [
    ("武汉市洪山区", "洪山区", "湖北省武汉市洪山区"),
    ("长阳土家族自治县", "湖北省宜昌市长阳土家族自治县"),
    ("上海市浦东新区", "浦东新区"),
    ("宿州市萧县", "萧县", "安徽省宿州市萧县"),
    ("济南市市中区", "市中区"),
    ("广州市", "广东省广州市"),
    ("恩施州", "恩施土家族苗族自治州", "湖北省恩施州"),
    ("黔东南州", "贵州省黔东南苗族侗族自治州"),
    ("克州", "克孜勒苏州", "克孜勒苏柯尔克孜自治州"),
])
def test_region_key_matches_however_named(names):
    assert len({region_key(n) for n in names}) == 1


def test_region_key_tells_regions_apart():
    keys = [region_key(n) for n in ("武汉市洪山区", "武汉市武昌区", "武汉市", "湖北省", "洪山县",
                                    "巴音郭楞蒙古自治州", "四川省巴中市巴州区", "大理州", "大理市")]
    assert len(set(keys)) == len(keys)


def test_region_key_of_a_government_name():
    assert region_key("湖北省武汉市洪山区人民政府") == region_key("洪山区")


def test_title_of_a_publishing_notice():
    meta = detect_meta("关于印发《某某市国民经济和社会发展第十四个五年规划和二〇三五年远景目标纲要》的通知\n各区人民政府：\n", "n.txt")
    assert (meta.region, meta.doc_type, meta.plan_span) == ("某某市", "plan_outline", "2021-2025")


@pytest.mark.parametrize("line", ["时间：2024-03-16", "发布日期：2024年3月16日", "更新时间: 2024/03/16 10:21"])
def test_labelled_dates(line):
    assert detect_meta(f"某某区2023年政府工作报告\n{line}\n各位代表：\n", "x.txt").date == "2024-03-16"


SEED_META = """\
seed | region | doc_type | report | target | date
000 | 洪山区 | annual_report | 2023 | 2024 | 2024-01-10
001 | 武汉市武昌区 | annual_report | 2023 | 2024 | 2023-12-25
002 | 武汉市洪山区 | work_report | 2019 | 2020 | 2019-12-25
003 | 武汉市洪山区 | plan_outline | 2016,2017,2018,2019,2020 | 2021,2022,2023,2024,2025,2035 | -
004 | 武昌区 | midyear_report | 2017 | 2017 | 2018-01-02
"""


def test_seed_documents():
    from pathlib import Path

    from planwatch.documents import load
    seeds = Path(__file__).resolve().parents[2] / ".." / "shared" / "seeds"
    if not seeds.is_dir():
        pytest.skip("../shared/seeds is not beside the repository")
    lines = SEED_META.strip().splitlines()
    keys = [k.strip() for k in lines[0].split("|")]
    for line in lines[1:]:
        row = dict(zip(keys, (v.strip() for v in line.split("|"))))
        meta = load(next(seeds.glob(f"{row['seed']}_*.txt"))).meta
        got = (meta.region, meta.doc_type, meta.report_years, meta.target_years, meta.date or "-")
        assert got == (row["region"], row["doc_type"], years(row["report"]), years(row["target"]), row["date"]), row["seed"]


# Work reports as city and prefecture governments publish them: the name short
# or doubled by mistake, the meeting named short, the date only in the dateline
# or beside the title, the type only in the opening sentence.
WORK_REPORTS = r"""
head | region | level | report | target | date
恩施州政府工作报告（2024年1月10日 某某）\n各位代表： | 恩施州 | city | 2023 | 2024 | 2024-01-10
——2023年2月8日在黔东南州第十五届人民代表大会第二次会议上\n州长 某某\n各位代表： | 黔东南州 | city | 2022 | 2023 | 2023-02-08
2021年1月9日在伊犁州第十四届人民代表大会第五次会议上\n各位代表： | 伊犁州 | city | 2020 | 2021 | 2021-01-09
某某市市政府工作报告（2016年1月27日 某某）\n各位代表： | 某某市 | city | 2015 | 2016 | 2016-01-27
政府工作报告\n2007年2月1日在某某市十三届人大一次会议上\n各位代表： | 某某市 | city | 2006 | 2007 | 2007-02-01
湘西州政府工作报告（2022年12月16日 某某）\n一、2022年工作回顾\n今年…… | 湘西州 | city | 2022 | 2023 | 2022-12-16
**政府工作报告**\n**2019年12月30日在某某市第七届人民代表大会第二次会议上** | 某某市 | city | 2019 | 2020 | 2019-12-30
市长 某某\n各位代表：\n现在，我代表某某市人民政府，向大会报告工作，请予审议。 | 某某市 | city | - | - | -
"""


@pytest.mark.parametrize("case", list(parse_cases(WORK_REPORTS)), ids=lambda c: c["region"] + c["date"])
def test_work_reports_of_cities_and_prefectures(case):
    opening = "\n现在，我代表市人民政府，向大会报告工作，请予审议。\n过去一年，全市经济平稳运行。\n"
    meta = detect_meta(case["head"].replace("\\n", "\n") + opening, "2024.md")
    assert (meta.region, meta.region_level, meta.doc_type) == (case["region"], case["level"], "work_report")
    assert (meta.report_years, meta.target_years) == (years(case["report"]), years(case["target"]))
    assert meta.date == (None if case["date"] == "-" else case["date"])


def test_tasks_of_the_reviewed_year_are_not_its_plan():
    """2023年工作任务全面完成 is said of the year reviewed, before the next year's plan."""
    text = ("某某市政府工作报告（2024年1月20日 某某）\n各位代表：\n"
            "过去一年，2023年工作任务全面完成。\n二、今年工作安排\n")
    meta = detect_meta(text, "x.md")
    assert (meta.report_years, meta.target_years) == ([2023], [2024])


@pytest.mark.parametrize("line, meeting", [
    ("——2014年1月12日在州七届人大四次会议上", "州七届人大四次会议"),
    ("2007年2月1日在某某市十三届人大一次会议上", "某某市十三届人大一次会议"),
    ("——2023年1月8日在某某市第二届人民代表大会第二次全体会议上", "某某市第二届人民代表大会第二次全体会议"),
    ("市三届人大一次会议以来的五年，全市经济总量翻了一番。", None),   # an earlier meeting named in prose
])
def test_meetings_named_short(line, meeting):
    assert detect_meta(f"某某市政府工作报告\n{line}\n各位代表：\n", "x.md").meeting == meeting


YEARS_READ = {
    "a title with its years": ("某某市2023年国民经济和社会发展计划执行情况\n全市地区生产总值增长5%。\n",
                               ("title", "2023年国民经济和社会发展计划执行情况")),
    "a review heading far into a report": ("某某县人民政府工作报告\n各位代表：\n" + "我们坚持稳中求进。" * 120
                                           + "\n一、2019年工作回顾\n全县地区生产总值增长6%。\n",
                                           ("heading", "2019年工作回顾")),
    "only the day it was given": ("某某县人民政府工作报告\n（2021年1月20日在县第十届人民代表大会第五次会议上）\n各位代表：\n",
                                  ("dateline", "2021年1月20日")),
}


@pytest.mark.parametrize("text,read", YEARS_READ.values(), ids=list(YEARS_READ))
def test_the_words_the_years_were_read_from_are_kept(text, read):
    """The extractor quotes them as the step that framed the document (title > heading > date line)."""
    meta = detect_meta(text, "report.txt")
    assert meta.report_years or meta.target_years
    assert meta.years_read == read
