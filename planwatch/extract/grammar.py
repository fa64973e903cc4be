"""The target grammar words (planwatch/data/grammar.yaml), loaded once.

    from planwatch.extract.grammar import grammar, alternation
    g = grammar()
    g.before["超过"]      -> ">"      comparator word before a number
    g.after["以内"]       -> "<="     comparator word after a number and its unit
    g.inside["余"]        -> ">"      between number and unit: 430余家
    g.is_down("下降")     -> True     growth verbs that make a value negative
    alternation(words)    -> regex alternation, longest word first
    placeheld(words)      -> the same, {year} and {plan} standing for a year and a five-year plan
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache
from pathlib import Path

import yaml

from ..errors import SettingsError


GRAMMAR_FILE = Path(__file__).parents[1] / "data" / "grammar.yaml"
_YAML = getattr(yaml, "CSafeLoader", yaml.SafeLoader)  # libyaml's loader: ~8x faster on a file this size


@dataclass(frozen=True)
class Rule:
    """One step of the order of evidence for role and period."""

    rule: str
    says: str          # what it reads, in words
    confidence: float  # how far a fact decided by it is to be trusted


@dataclass(frozen=True)
class Grammar:
    before: dict[str, str]
    after: dict[str, str]
    inside: dict[str, str]
    control: tuple[str, ...]
    up: tuple[str, ...]
    down: tuple[str, ...]
    positive_growth: tuple[str, ...]
    negative_growth: tuple[str, ...]
    flat_growth: tuple[str, ...]
    change_from: tuple[str, ...]
    change_to: tuple[str, ...]
    close_qualitative: tuple[str, ...]
    close_lead: tuple[str, ...]
    level_after: tuple[str, ...]
    net_change: tuple[str, ...]
    level_qualitative: tuple[str, ...]
    held_qualitative: tuple[str, ...]
    target_words: tuple[str, ...]
    goal_met: tuple[str, ...]
    stretch_words: tuple[str, ...]
    estimate_words: tuple[str, ...]
    will_words: tuple[str, ...]
    result_words: tuple[str, ...]
    so_far_words: tuple[str, ...]
    compared_words: tuple[str, ...]
    column_words: dict[str, tuple[str, ...]]   # target | actual | baseline | growth | level
    cumulative_words: tuple[str, ...]
    qualitative: tuple[str, ...]
    evidence: tuple[Rule, ...]     # strongest first
    five_year_plans: dict[str, tuple[int, int]]   # 十四五 -> (2021, 2025)
    plan_ordinals: dict[str, str]                  # 第十四个五年 -> 十四五
    plan_period_words: dict[str, tuple[str, ...]]  # span | end | start | first_years
    first_years: dict[str, int]                    # 前四年 -> 4
    paragraph_leads: dict[str, tuple[str, ...]]    # year | five_years | plan -> lead words with {year}, {plan}
    five_year_sentences: tuple[str, ...]           # 这是{what}的五年: {what} a few words of praise
    addresses: tuple[str, ...]
    session_report_words: tuple[str, ...]
    review_since: tuple[str, ...]
    term_words: tuple[str, ...]
    throughout_words: tuple[str, ...]
    average_before_value: tuple[str, ...]
    run_words: tuple[str, ...]
    held_words: tuple[str, ...]
    held_result_words: tuple[str, ...]
    flow_words: tuple[str, ...]
    document_years: dict  # word lists (reviewed, this_year, …_titles, not_parts) and title_parts (word -> Q1, H1)
    period_words: dict  # parts (word -> H1, Q3, M1-9) and word lists: this_year, to_date, last_year …
    span_total_words: tuple[str, ...]
    reached_words: tuple[str, ...]
    goal_only_qualitative: tuple[str, ...]
    goals_list_qualitative: tuple[str, ...]
    growth_rank_qualitative: tuple[str, ...]
    milestone_words: tuple[str, ...]

    def is_down(self, verb: str) -> bool:
        return verb in self.down


def alternation(words) -> str:
    """A regex alternation of words, longest first so that 不超过 wins over 超过."""
    return "|".join(re.escape(w) for w in sorted(set(words), key=len, reverse=True))


def placeheld(words) -> str:
    """An alternation of words in which {year} stands for a year (2025年, the first
    group) and {plan} for a five-year plan's name (“十五五”)."""
    plans = alternation(grammar().five_year_plans)
    slots = {re.escape("{year}"): r"((?:19|20)\d\d)\s*年", re.escape("{plan}"): f"[“\"]?(?:{plans})[”\"]?"}
    pattern = alternation(words)
    for slot, regex in slots.items():
        pattern = pattern.replace(slot, regex)
    return pattern


def trie_pattern(words, char=re.escape) -> str:
    """A regex matching any of `words`, longest first, with shared prefixes factored
    out (新增|新登记 -> 新(?:增|登记)) so that a long list costs little per position.
    `char` turns one character into its regex (e.g. a class for （ and ()."""
    trie: dict = {}
    for word in words:
        node = trie
        for c in word:
            node = node.setdefault(c, {})
        node[""] = {}
    return _trie_regex(trie, char)


def _trie_regex(node: dict, char) -> str:
    ends = "" in node
    branches = [char(c) + _trie_regex(child, char) for c, child in sorted(node.items()) if c]
    if not branches:
        return ""
    body = branches[0] if len(branches) == 1 else "(?:" + "|".join(branches) + ")"
    return f"(?:{body})?" if ends else body


def _by_word(section: dict) -> dict[str, str]:
    return {word: comparator for comparator, words in (section or {}).items() for word in words}


@cache
def grammar() -> Grammar:
    """The grammar of planwatch/data/grammar.yaml; a missing or broken file is an error."""
    try:
        raw = yaml.load(GRAMMAR_FILE.read_text("utf-8"), Loader=_YAML)
    except (OSError, yaml.YAMLError) as exc:
        raise SettingsError(f"planwatch/data/grammar.yaml: {exc}") from exc
    comparators = raw["comparators"]
    return Grammar(
        before=_by_word(comparators["before"]),
        after=_by_word(comparators["after"]),
        inside=_by_word(comparators["inside"]),
        control=tuple(raw["control"]),
        up=tuple(raw["growth"]["up"]),
        down=tuple(raw["growth"]["down"]),
        positive_growth=tuple(raw["positive_growth"]),
        negative_growth=tuple(raw["negative_growth"]),
        flat_growth=tuple(raw["flat_growth"]),
        change_from=tuple(raw["change_from"]),
        change_to=tuple(raw["change_to"]),
        close_qualitative=tuple(raw["close_qualitative"]),
        close_lead=tuple(raw["close_lead"]),
        level_after=tuple(raw["level_after"]),
        net_change=tuple(raw["net_change"]),
        level_qualitative=tuple(raw["level_qualitative"]),
        held_qualitative=tuple(raw["held_qualitative"]),
        target_words=tuple(raw["target_words"]),
        goal_met=tuple(raw["goal_met"]),
        stretch_words=tuple(raw["stretch_words"]),
        estimate_words=tuple(raw["estimate_words"]),
        will_words=tuple(raw["will_words"]),
        result_words=tuple(raw["result_words"]),
        so_far_words=tuple(raw["so_far_words"]),
        compared_words=tuple(raw["compared_words"]),
        column_words={kind: tuple(words) for kind, words in raw["column_words"].items()},
        cumulative_words=tuple(raw["cumulative_words"]),
        qualitative=tuple(sorted(raw["qualitative"], key=len, reverse=True)),
        evidence=tuple(Rule(**step) for step in raw["evidence"]),
        five_year_plans={name: tuple(plan["years"]) for name, plan in raw["five_year_plans"].items()},
        plan_ordinals={plan["ordinal"]: name for name, plan in raw["five_year_plans"].items()},
        plan_period_words={kind: tuple(words) for kind, words in raw["plan_period_words"].items()},
        first_years=dict(raw["plan_period_words"]["first_years"]),
        paragraph_leads={kind: tuple(words) for kind, words in raw["paragraph_leads"].items()},
        five_year_sentences=tuple(raw["five_year_sentences"]),
        addresses=tuple(raw["addresses"]),
        session_report_words=tuple(raw["session_report_words"]),
        review_since=tuple(raw["review_since"]),
        term_words=tuple(raw["term_words"]),
        throughout_words=tuple(raw["throughout_words"]),
        average_before_value=tuple(raw["average_before_value"]),
        run_words=tuple(raw["run_words"]),
        held_words=tuple(raw["held_words"]),
        held_result_words=tuple(raw["held_result_words"]),
        flow_words=tuple(raw["flow_words"]),
        document_years={kind: (dict(words) if isinstance(words, dict) else tuple(words))
                        for kind, words in raw["document_years"].items()},
        period_words={kind: (dict(words) if isinstance(words, dict) else tuple(words))
                      for kind, words in raw["period_words"].items()},
        span_total_words=tuple(raw["span_total_words"]),
        reached_words=tuple(raw["reached_words"]),
        goal_only_qualitative=tuple(raw["goal_only_qualitative"]),
        goals_list_qualitative=tuple(raw["goals_list_qualitative"]),
        growth_rank_qualitative=tuple(raw["growth_rank_qualitative"]),
        milestone_words=tuple(raw["milestone_words"]),
    )
