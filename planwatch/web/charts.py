"""ECharts options, built in Python as plain JSON (app.js only hands them to echarts).

One chart shape serves the region and indicator pages: years on the x axis, for
each region its results as a line (estimated results as hollow points) and its
targets as markers whose shape says the comparator; a range target (`upper`) is
a box from its lower to its upper bound.
"""

from __future__ import annotations

from collections import defaultdict

PALETTE = ("#c23531", "#2f4554", "#61a0a8", "#d48265", "#91c7ae", "#749f83", "#ca8622", "#bda29a")
SYMBOLS = {">=": "triangle", ">": "triangle", "<=": "path://M0,0 L10,0 L5,10 Z",
           "<": "path://M0,0 L10,0 L5,10 Z", "~": "diamond", "=": "rect"}
MAX_AXIS_YEARS = 60


def year_of(period: str) -> int | None:
    return int(period) if period.isdigit() and len(period) == 4 else None


def span_of(fact: dict) -> tuple[int, int] | None:
    """The years of a plan's average-growth target (2021-2025 增长6%左右), drawn as a
    dashed line across them; cumulative changes and other spans stay in the tables."""
    first, dash, last = fact["period"].partition("-")
    if (fact["role"] != "target" or fact["measure"] != "growth" or fact["cumulative"]
            or fact["value"] is None or not (dash and year_of(first) and year_of(last))):
        return None
    return int(first), int(last)


def time_series(points: list[dict], t, unit: str | None) -> dict:
    """points: {region, period, role, measure, value, upper, comparator, estimated, cumulative};
    yearly periods and plan-span growth targets are drawn (quarters stay in the tables)."""
    drawn = [p for p in points if p["value"] is not None and (year_of(p["period"]) or span_of(p))]
    years = _axis({year_of(p["period"]) for p in drawn if year_of(p["period"])}
                  | {y for p in drawn if (span := span_of(p)) for y in range(span[0], span[1] + 1)})
    by_region: dict[str, list[dict]] = defaultdict(list)
    for p in drawn:
        by_region[p["region"]].append(p)
    series = []
    for i, (region, pts) in enumerate(sorted(by_region.items())):
        series += _region_series(region, pts, years, PALETTE[i % len(PALETTE)], t)
    return {
        "animation": False,
        "color": list(PALETTE),
        "tooltip": {"trigger": "item"},
        "legend": {"type": "scroll", "top": 0},
        "grid": {"left": 56, "right": 24, "top": 48, "bottom": 32},
        "xAxis": {"type": "category", "data": [str(y) for y in years]},
        "yAxis": {"type": "value", "name": unit or "", "scale": True},
        "series": series,
    }


def _axis(years: set[int]) -> list[int]:
    """Every year from the first to the last, so that a year without data shows as a gap
    in the line rather than being skipped; a span too wide to read keeps the years there are."""
    if years and max(years) - min(years) <= MAX_AXIS_YEARS:
        return list(range(min(years), max(years) + 1))
    return sorted(years)


def _region_series(region: str, pts: list[dict], years: list[int], color: str, t) -> list[dict]:
    index = {y: i for i, y in enumerate(years)}
    actual: list = [None] * len(years)
    targets, ranges, spans = [], [], []
    for p in pts:
        if span := span_of(p):
            spans.append({"name": f"{region} {t('plan_target')}", "type": "line", "symbol": "none",
                          "lineStyle": {"type": "dashed", "color": color}, "itemStyle": {"color": color},
                          "data": [[index[y], p["value"]] for y in range(span[0], span[1] + 1)]})
            continue
        x = index[year_of(p["period"])]
        if p["role"] in ("actual", "baseline"):
            point = {"value": p["value"]}
            if p["estimated"]:
                point |= {"symbol": "emptyCircle", "symbolSize": 9}
            if actual[x] is None or not p["estimated"]:   # a final result wins over an estimate
                actual[x] = point
        elif p["upper"] is not None:
            ranges.append([x, p["value"], p["upper"], p["value"], p["upper"]])
        else:
            targets.append({"value": [x, p["value"]], "symbol": SYMBOLS.get(p["comparator"], "rect"),
                            "name": f"{t('target')} {p['comparator'] or ''} {p['value']}"})
    series = [{"name": f"{region} {t('actual')}", "type": "line", "connectNulls": False,
               "itemStyle": {"color": color}, "symbol": "circle", "symbolSize": 7, "data": actual},
              {"name": f"{region} {t('target')}", "type": "scatter", "symbolSize": 13,
               "itemStyle": {"color": color, "opacity": 0.75}, "data": targets}]
    if ranges:
        series.append({"name": f"{region} {t('target')}", "type": "candlestick", "barMaxWidth": 14,
                       "itemStyle": {"color": color, "color0": color, "borderColor": color,
                                     "borderColor0": color, "opacity": 0.35},
                       "data": ranges, "encode": {"x": 0, "y": [1, 2, 3, 4]}})
    return series + spans
