"""The words of commitments (planwatch/data/commitments.yaml), loaded and compiled once.

    from planwatch.extract.commitment_words import words
    w = words()
    w.verb.finditer(text)     -> every action verb, longest first (开工建设 over 开工)
    w.stage["竣工"]            -> "finish"
    w.unit.match(text, pos)   -> a count unit the number grammar does not read (块, 批 …)
    w.exclusion.search(text)  -> an honour, a document, a change or a stock: no commitment
    w.lead.sub("", words)     -> an object without the words before it (全年, 加快推动 …)
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache
from pathlib import Path

import yaml

from ..errors import SettingsError
from .grammar import alternation, trie_pattern

WORDS_FILE = Path(__file__).parents[1] / "data" / "commitments.yaml"
_MARKS = "“”\"、,，"  # quotes and separators around an object, stripped as its lead and tail words are


@dataclass(frozen=True)
class CommitmentWords:
    stage: dict[str, str]        # verb -> start | finish | other
    verb: re.Pattern
    unit: re.Pattern
    unit_tails: frozenset[str]   # the second characters of the units: one may go on from the grammar's (场 -> 场次)
    class_noun: re.Pattern       # 项目, 工程: the object is a project
    money_word: re.Pattern       # 计划总投资 … at the end of the words before an amount
    own_money: re.Pattern        # 获得, 兑现 … before it: the amount is funds of their own, not the batch's
    exclusion: re.Pattern
    lead: re.Pattern             # words before an object that are not part of it (全年, 加快推动 …)
    lead_first: frozenset[str]   # the characters `lead` can begin with, besides spaces: no other words have one to strip
    tail: re.Pattern             # and after it (正式, 已 …)
    tail_last: frozenset[str]    # the characters `tail` can end on, besides spaces: no other words have one to strip
    also: re.Pattern             # 共计, 约 … between two quantities: the second is a size of the first
    bare_noun: re.Pattern        # 项目: a list ending in it is one commitment per name
    responsible: re.Pattern      # （牵头单位：民政厅）: group 1 names the unit
    rank_before: re.Pattern      # 第5个: a rank, no count (matched ending where the quantity starts)
    grade_after: re.Pattern      # 5万吨级: a grade, no count
    not_named: re.Pattern        # a named item holding one is a clause about work (工作, 力度 …)
    main_object: re.Pattern      # an object holding one is a main indicator's (参保, 规上 …)
    milestone_end: re.Pattern    # a named item ending in one is a part's milestone (…工程主体)
    company_end: re.Pattern      # a named item ending in one is a company (…集团), not a thing built


def _verb_pattern(verbs: list[str], nouns: list[str]) -> str:
    """Any verb, longest first, except where a noun that opens with it begins (服务 of
    服务中心). One branch per first character, the noun test after that character: a
    pattern that opens with plain characters lets the regex engine skip the rest of the
    text in its fast loop, where a leading lookahead ran at every position."""
    branches = []
    for first in sorted({verb[0] for verb in verbs}):
        nouns_after = [noun[1:] for noun in nouns if noun[0] == first]
        guard = f"(?!{alternation(nouns_after)})" if nouns_after else ""
        branches.append(re.escape(first) + guard + trie_pattern([verb[1:] for verb in verbs if verb[0] == first]))
    return "|".join(branches)


@cache
def raw_words() -> dict:
    """The file as written, examples included (the tests run them)."""
    try:
        return yaml.safe_load(WORDS_FILE.read_text("utf-8"))
    except (OSError, yaml.YAMLError) as exc:
        raise SettingsError(f"planwatch/data/commitments.yaml: {exc}") from exc


@cache
def words() -> CommitmentWords:
    raw = raw_words()
    stage = {verb: name for name, verbs in raw["verbs"].items() for verb in verbs}
    return CommitmentWords(
        stage=stage,
        verb=re.compile(_verb_pattern(list(stage), raw["verb_nouns"])),
        unit=re.compile(alternation(raw["units"])),
        unit_tails=frozenset(word[1] for word in raw["units"] if len(word) > 1),
        class_noun=re.compile(alternation(raw["class_nouns"])),
        money_word=re.compile(f"(?:{alternation(raw['money_words'])})[为达约共计]*$"),
        own_money=re.compile(alternation(raw["own_money_verbs"])),
        exclusion=re.compile(alternation(raw["exclusions"])),
        lead=re.compile(f"^(?:[\\s{_MARKS}]|{alternation(raw['object_lead'])})+"),
        lead_first=frozenset(_MARKS).union(word[0] for word in raw["object_lead"]),
        also=re.compile(alternation(raw["also_words"])),
        bare_noun=re.compile(alternation(raw["bare_nouns"])),
        responsible=re.compile(f"[（(](?:{alternation(raw['responsible_words'])})[:：]\\s*([^）)\\n]{{1,40}})[）)]"),
        rank_before=re.compile(f"(?:{alternation(raw['not_counts']['before'])})$"),
        grade_after=re.compile(alternation(raw["not_counts"]["after"])),
        not_named=re.compile(alternation(raw["not_named"])),
        main_object=re.compile(alternation(raw["main_objects"])),
        milestone_end=re.compile(f"(?:{alternation(raw['milestone_ends'])})$"),
        company_end=re.compile(f"(?:{alternation(raw['company_ends'])})$"),
        tail=re.compile(f"(?:[\\s{_MARKS}]|{alternation(raw['object_tail'])})+$"),
        tail_last=frozenset(_MARKS).union(word[-1] for word in raw["object_tail"]),
    )
