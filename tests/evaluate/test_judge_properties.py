"""Properties of the comparator-aware core: a better result never gets a worse status."""

from __future__ import annotations

from decimal import Decimal

from hypothesis import given
from hypothesis import strategies as st

from planwatch.evaluate.judge import DOWN, UP, Goal, judge

RANK = {"missed": 0, "nearly_met": 1, "met": 2, "exceeded": 3}
values = st.decimals(min_value=-50, max_value=500, places=2, allow_nan=False, allow_infinity=False)
comparators = st.sampled_from(["=", ">=", ">", "<=", "<", "~"])


@given(values, comparators, values, values, st.sampled_from([UP, DOWN]))
def test_better_result_never_ranks_lower(target, comparator, a, b, direction):
    if comparator in (">=", ">"):
        direction = UP
    elif comparator in ("<=", "<"):
        direction = DOWN
    goal = Goal(target, comparator, None, direction)
    worse, better = sorted([a, b], key=lambda x: direction * x)
    tolerance = Decimal("0.2")
    assert RANK[judge(goal, worse, "=", tolerance)] <= RANK[judge(goal, better, "=", tolerance)]


@given(values)
def test_exact_hit_of_a_plain_target_is_met(target):
    assert judge(Goal(target, "="), target, "=", Decimal("0.2")) == "met"
    assert judge(Goal(target, ">="), target, "~", Decimal("0.2")) == "met"
