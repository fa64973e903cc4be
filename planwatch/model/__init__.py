"""The core objects every stage shares, declared once: a fact and its period.

    from planwatch.model import Fact, Period, Basis
"""

from .fact import (COMPARATORS, FIELDS, MEASURES, ROLES, Basis, Comparator, Fact, Measure, Role,
                   json_value, number_json)
from .period import Period

__all__ = ["COMPARATORS", "FIELDS", "MEASURES", "ROLES", "Basis", "Comparator", "Fact", "Measure", "Period",
           "Role", "json_value", "number_json"]
