"""The charts' options: what a reader sees drawn."""

from planwatch.web.charts import time_series


def _point(period, value, role="actual"):
    return {"region": "青山县", "period": period, "role": role, "measure": "growth", "value": value,
            "upper": None, "comparator": "=", "estimated": False, "cumulative": False}


def test_a_missing_year_breaks_the_line_instead_of_being_drawn_through():
    option = time_series([_point("2019", 6.1), _point("2020", 2.0), _point("2022", 4.5)], str, "%")
    assert option["xAxis"]["data"] == ["2019", "2020", "2021", "2022"]
    line = next(s for s in option["series"] if s["type"] == "line")
    assert [p and p["value"] for p in line["data"]] == [6.1, 2.0, None, 4.5]
    assert line["connectNulls"] is False


def test_years_too_far_apart_to_read_keep_only_the_years_there_are():
    option = time_series([_point("1900", 1.0), _point("2024", 2.0)], str, "%")
    assert option["xAxis"]["data"] == ["1900", "2024"]
