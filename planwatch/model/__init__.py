"""The core objects every stage shares, declared once: a fact, a commitment and their period.

    from planwatch.model import Fact, Commitment, Period, Basis
"""

from .commitment import COMMITMENT_FIELDS, COMMITMENT_ROLES, KINDS, STAGES, Commitment, Kind, Stage
from .fact import (COMPARATORS, FIELDS, MEASURES, ROLES, Basis, Comparator, Fact, Measure, Role,
                   json_value, number_json)
from .period import Period

__all__ = ["COMMITMENT_FIELDS", "COMMITMENT_ROLES", "COMPARATORS", "FIELDS", "KINDS", "MEASURES", "ROLES", "STAGES",
           "Basis", "Commitment", "Comparator", "Fact", "Kind", "Measure", "Period", "Role", "Stage", "json_value",
           "number_json"]
