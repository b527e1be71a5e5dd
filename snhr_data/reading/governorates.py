"""The governorates of a count: "five were killed in Idlib governorate", "Daraa and Homs governorates two
each", "- Daraa: 274 civilians."; all governorates when none is named, and left out when the text splits a
count over several governorates without saying how."""
from __future__ import annotations

import re
from dataclasses import dataclass

from ..grammar import regex
from ..vocab import find_governorates, find_parties
from .heads import Head, noun_end

AMBIGUOUS = ("?",)
COUNTED_IN_PLACES = {"bare", "generic", "children", "women", "medical", "media", "civil_defense"}


@dataclass(frozen=True)
class Governorates:
    codes: tuple[str, ...]  # () for all governorates; AMBIGUOUS: left out
    one_each: bool = False  # "2 deaths in Daraa and Homs": one in each

    def note(self, value: float) -> str:
        return f"{int(value)} deaths across {len(self.codes)} governorates: one each" if self.one_each else ""


def governorates_of(head: Head, is_first: bool, sentence: str, segment: str, report: str) -> Governorates:
    """The governorates ``head`` counts in."""
    end = head.mention.end
    found = Governorates(())
    after_groups = sentence[noun_end(sentence, head.groups[-1][1]):] if head.groups else ""
    gov = regex("GovernorateAfter").match(sentence[end:]) or regex("GovernorateAfterGroups").match(after_groups)
    before = regex("GovernorateBefore").search(segment)
    if gov and head.noun in COUNTED_IN_PLACES:
        found = listed_governorates(head, gov, sentence)
    elif head.noun in {"bare", "generic"} and before:
        named = find_governorates(before.group("list"))
        each = regex("EachAfter").match(sentence[end:])
        found = Governorates(tuple(m.code for m in named) if (len(named) == 1 or each) else (AMBIGUOUS if named else ()))
    elif head.noun == "bare" and regex("StatedAsShort").search(segment):
        named = find_governorates(segment)
        found = Governorates((named[0].code,) if len(named) == 1 else (AMBIGUOUS if named else ()))
    label = regex("Label").match(sentence)
    if label and is_first and label.end("label") < head.mention.start and not found.codes:
        found = place_label(label.group("label"), report) or found  # "- Daraa: 274 civilians."
    inline = regex("LabelRightBefore").search(sentence[: head.mention.start])
    if inline and not found.codes:
        found = place_label(inline.group("label"), report) or found  # "Aleppo: 502 civilians Idlib: 210 civilians"
    return found


def place_label(label: str, report: str) -> Governorates | None:
    """The governorate a label names, when it names one and no party."""
    named = find_governorates(label)
    if len(named) == 1 and not find_parties(label, report):
        return Governorates((named[0].code,))
    return None


def listed_governorates(head: Head, gov: re.Match[str], sentence: str) -> Governorates:
    listed = gov.group("list")
    names = find_governorates(listed[:120])
    if not names:
        if gov.group("the") and regex("GovernorateWord").match(listed.strip()):
            earlier = find_governorates(sentence[: head.mention.start])
            return Governorates((earlier[-1].code,) if earlier else ())
        return Governorates(())
    chain = [names[0]]  # the names of one list: "Daraa and Homs", "Aleppo, Idlib and Hama"
    for mention in names[1:]:
        if regex("GovernorateListJoin").fullmatch(listed[chain[-1].end:mention.start]):
            chain.append(mention)
        else:
            break
    codes = tuple(m.code for m in chain)
    if regex("GovernorateEachAfter").match(listed[chain[-1].end:]) or gov.group("each1"):
        return Governorates(codes)
    if len(chain) == 1:
        return Governorates(codes)
    if head.mention.value == len(chain):
        return Governorates(codes, one_each=True)
    return Governorates(AMBIGUOUS)
