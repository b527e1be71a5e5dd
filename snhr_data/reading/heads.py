"""Heads: the numbers of a sentence that count something, the noun each counts, and the children and women
groups attached to them ("91 civilians, including 12 children and nine women"). The nouns, qualifiers and
the words that make a number no count are entries of ``vocab/counts.yaml`` and ``vocab/clauses.yaml``."""
from __future__ import annotations

import re
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field, replace
from types import MappingProxyType

from ..codes import SPECIAL_GROUP_MEASURES
from ..grammar import cached, cached_by_text, class_texts, classes, matches_any, regex, regexes_for
from ..numbers import NumberMention, find_numbers
from ..pattern_cache import compiled
from ..vocab import LabelMention, find_governorates, find_parties, joined_mentions, without_aliases
from .agents import elided_marker_item, is_elided_proper_name, list_item_label, row_label_agent

GROUP_NOUNS = {"children", "women"}
GROUP_HEADS = GROUP_NOUNS | {"children_and_women"}  # counts of a victim group, not of all civilians
# the cells of a row of "<label> <number>" cells that count a measure of their own ("Civilians 147", "Torture 11",
# "Massacres 2", "Medical personnel 2"): heads; the children and women cells are their groups
CELL_HEADS = {"generic", "torture", "massacres", "medical", "media", "civil_defense"}


@dataclass
class Head:
    """A counted number in a sentence, the noun it counts, its groups and the words that speak of it."""

    mention: NumberMention
    noun: str  # children | women | generic | bare | massacres | medical | media | civil_defense | civilians, torture (table cells)
    qualifier: str
    groups: list[tuple[str, NumberMention]] = field(default_factory=list)
    window_end: int = 0
    unread_groups: list[NumberMention] = field(default_factory=list)  # items of its group list of no group it reads


@cached
def _noun_pattern() -> tuple[tuple[str, ...], re.Pattern[str]]:
    """The classes of ``VictimNoun`` and one pattern matching a noun of any, each in a group ``c<index>`` of its own,
    tried in order (a match of the first class whose noun follows, as if each class were tried in turn)."""
    names, texts = zip(*class_texts("VictimNoun"))
    # the noun perhaps in an outlet's scare quotes ('17 "massacres" had taken place', a government-leaning site; round
    # 104d), or after "so-called" ("listed 24 so-called massacres in May"; fx134c)
    branches = "|".join(rf"(?P<c{index}>\s+(?:so-called\s+)?(?:{text})(?!-)|\s+[\"“](?:{text})(?!-)[\"”])"
                        for index, text in enumerate(texts))
    return names, compiled(branches, re.IGNORECASE)


@cached_by_text
def noun_of(text_after: str) -> tuple[str, int]:
    """The class of the noun right after a number and where it ends ('' if none)."""
    names, pattern = _noun_pattern()
    match = pattern.match(text_after)
    if match:
        return names[int(match.lastgroup[1:])], match.end()
    dead = regex("OfTheDead").match(text_after)
    if dead:
        return "generic", dead.end()
    of_the = regex("OfThe").match(text_after)
    if of_the:
        rest = text_after[of_the.end() - 1:]
        name, end = noun_of(rest)
        if name:
            return name, of_the.end() - 1 + end
    if regex("BareFollower").match(text_after):
        return "bare", 0
    return "", 0


@cached_by_text
def qualifier_of(text_before: str) -> str:
    """The qualifier of a number from the words before it: its own, else the one of a group's count it is joined to
    ("about 290 children and 160 women": about)."""
    for name, pattern in classes("Qualifier"):
        if pattern.search(text_before):
            return name
    for name, pattern in classes("GroupQualifierCarried"):
        if pattern.search(text_before):
            return name
    return "exact"


@cached_by_text
def is_count_number(sentence: str, mention: NumberMention) -> bool:
    if not float(mention.value).is_integer():
        return False  # "1.137 civilians" (thousands written with a dot) is no count of 1.137: left out, never guessed
    before, after = sentence[: mention.start], sentence[mention.end:]
    if matches_any("NotACountBefore", before) and not (regex("RemainingBefore").search(before)
                                                         or regex("RemainderAfter").match(after)  # "The 71 remaining"
                                                         or regex("DocumentedWholeAfter").match(after)
                                                         or is_stated_whole(sentence, mention)
                                                         or regex("NumberVerbBefore").search(before)
                                                         or regex("PerpetratorKillingBefore").search(before)
                                                         or regex("AccusedOfKillingBefore").search(before)
                                                         or regex("MassacreVictimsBefore").search(before)
                                                         or regex("PartyMassacresTollBefore").search(before)
                                                         or regex("ComparedBefore").search(before)
                                                         or regex("AllInOnePartysPrisonsAfter").match(after)
                                                         or party_which_killed(before)
                                                         or actor_which_killed(before) is not None
                                                         or (regex("OfThosePartBefore").search(before)
                                                             and regex("OfThosePartAfter").match(after))):
        return False
    if regex("PersonAgeBefore").search(before) and regex("PersonAgeAfter").match(after):
        return False  # "Umm Khaled, 34, lost her two sons": a person's age, no count
    if regex("NotACountAfter").match(after) or regex("RatioBefore").search(before):
        return False  # ... and the second number of a ratio ("nine in ten of them")
    if mention.text.lower() == "one" and regex("ReportOneBefore").search(before):
        return False  # "published alongside the annual one": a report
    if mention.text.lower() in {"a", "an"} and regex("OneVictimAmongBefore").search(before):
        return False  # "Among the victims was a woman aged 45": one victim told of, no count of the group
    if regex("SlashedCellBefore").search(before) or regex("SlashedCellAfter").match(after):
        return False  # "Russian forces: 48 / 13 / 8": cells of columns a header names, never counts of their own
    date_before = None if is_torture_count_after_its_month(sentence, mention) else regex("DateMonthBefore").search(before)
    if date_before and not mention.text[:1].isdigit() and any(c.isdigit() for c in date_before.group(0)):
        date_before = None  # "... before December 8 and three in SDF prisons": a count in words after a day, never the
        # second day of the month's two (round 148d: the three had been left out)
    # a month's day then "to" ("since January 1 to 2,811", a "bringing" clause's year to date; fx159cd: the 2,811 had
    # been read as the second day of a span): a number above 31 after it is no day, but the count the clause brings to
    day_span = date_before is not None and any(c.isdigit() for c in date_before.group(0))
    if date_before and not (
            regex("MonthOfCountBefore").search(before) and noun_of(after)[0] in {"generic", "children", "women", "massacres"}) \
            and (mention.value <= 31 or (
            1900 <= mention.value <= 2099 and "," not in mention.text)
                 or (noun_of(after)[0] in {"", "bare"} and not day_span)):
        return False  # "on June 12", "June 2014", "January 3,102"; never "In June 126 detainees died ..."
    if 1900 <= mention.value <= 2099 and "," not in mention.text and (
            regex("MonthBeforeYear").search(before) or regex("InYearBefore").search(before)
            or regex("YearAfterPossessiveBefore").search(before) or regex("YearAfterQuantifierBefore").search(before)
            or regex("YearAfterHalfLabelBefore").search(before)
            or noun_of(after)[0] not in {"generic", "children", "women"}):
        return False  # a year: "in 2016", "september 2016 victims" whatever the month's case, "Syria's 2021 civilian toll"
    return not is_more_than_its_whole(mention.value, after)


def is_date_before_groups(sentence: str, mention: NumberMention) -> bool:
    """A day written before its month after a preposition, the groups of the count before it right after it ("...
    since the start of their intervention on 30 September, including 179 children"): a date, no break of the groups."""
    return mention.value <= 31 and bool(regex("DayBeforeMonth").search(sentence[: mention.start])
                                        and regex("GroupsOpenAfterDate").match(sentence[mention.end:]))


def is_more_than_its_whole(value: float, after: str) -> bool:
    """A part larger than the whole it is said to be part of ("2021 Of the 97 victims ...": a running header's year run
    on into the sentence after it): no count."""
    whole = regex("PartOfWholeAfter").match(after)
    return bool(whole) and value > int(whole.group("whole").replace(",", ""))


def party_which_killed(before: str) -> bool:
    """Whether ``before`` ends in "<party>, which killed" ("at the hands of Syrian regime forces, which killed 94"):
    the party's count, unlike an incident's ("an airstrike which killed 17")."""
    which = regex("WhichKilledBefore").search(before)
    named = find_parties(before[:which.start()]) if which else []
    return bool(named) and named[-1].end == which.start()


def actor_which_killed(before: str) -> str | None:
    """The label of an actor the vocabulary lacks when ``before`` ends in "<actor>, who killed", the actor opening a list
    item ("Other parties include tribal gunmen, who killed 389"): the actor's count, never an incident's; None for any
    other words, or a party's label."""
    which = regex("ActorWhichKilledBefore").search(before)
    label = which.group("label").strip() if which else ""
    return label if label and not find_parties(label) and not find_governorates(label) else None


def is_torture_count_after_its_month(sentence: str, mention: NumberMention) -> bool:
    """Whether a number right after a month is the count of the deaths under torture the words around it state, a
    translation's word order ("Under torture died in March 37 detainees"; fx154cd: read as a day of March), never a
    day."""
    return bool(regex("DiedUnderTortureBefore").search(sentence[: mention.start])
                and regex("DiedUnderTortureAfter").match(sentence[mention.end:]))


def is_sex_split_of_children(sentence: str, mention: NumberMention) -> bool:
    """Whether ``mention`` counts boys or girls in brackets right after a count of children ("297 children (152 boys
    and 145 girls)"): a part of those children, no count of its own."""
    return bool(regex("ChildrenSexSplitBefore").search(sentence[:mention.start])
                and regex("ChildrenSexSplitAfter").match(sentence[mention.end:]))


def is_year_or_date(sentence: str, mention: NumberMention) -> bool:
    """A year, a date, or the length of a period ("over these six months"): no count, and no break of a group list."""
    return (1900 <= mention.value <= 2099 and "," not in mention.text) or bool(
        regex("MonthBefore").search(sentence[: mention.start]) and not is_torture_count_after_its_month(sentence, mention)
        or (regex("SpanBefore").search(sentence[: mention.start]) and regex("SpanAfter").match(sentence[mention.end:])))


def outside_nouns(sentence: str, numbers: list[NumberMention]) -> list[NumberMention]:
    """The numbers that are not inside the noun of the number before ("one of them a woman")."""
    kept: list[NumberMention] = []
    for mention in numbers:
        if not kept or mention.start >= noun_end(sentence, kept[-1]) or is_stated_whole(sentence, mention):
            kept.append(mention)
    return kept


def is_stated_whole(sentence: str, mention: NumberMention) -> bool:
    """Whether ``mention`` is the whole of the part right before it, said to be killed or documented ("X killed 812 of
    the 1,020 civilians killed in June"): a count of its own, not the noun of the part; never one its clause places
    ("... killed in Idlib": whose place the reader would not give it) nor gives a cause or a party of its own."""
    clause = re.split(r"[,.;:]", sentence[mention.end:], maxsplit=1)[0]
    return bool(regex("PartOfTheStatedWholeBefore").search(sentence[:mention.start])
                and regex("StatedWholeAfter").match(clause) and not regex("NotTheWholeTollAfter").search(clause)
                and not find_governorates(clause))


def noun_end(sentence: str, mention: NumberMention) -> int:
    """Where the noun after a number ends ("91 civilians" -> after "civilians")."""
    return mention.end + noun_of(sentence[mention.end:])[1]


def group_clauses(sentence: str, head: Head) -> list[tuple[NumberMention, str, int, int]]:
    """The relative clauses of ``head``'s groups ("one child who died due to torture"): (group, clause, start, end)."""
    clauses = []
    for _, mention in head.groups:
        end = noun_end(sentence, mention)
        clause = regex("GroupClause").match(sentence[end:])
        if clause:
            clauses.append((mention, clause.group(0), end, end + clause.end()))
    return clauses


def group_qualifier(head_qualifier: str, sentence: str, mention: NumberMention) -> str:
    own = qualifier_of(sentence[: mention.start])
    return own if own != "exact" else head_qualifier


def workers_label(before: str) -> bool:
    """Whether ``before`` ends in a label and its colon that names workers the report counts, one kind of them only
    ("Civil Defense: "), never a party ("Russian forces: one member killed" counts a fighter)."""
    label = regex("WorkersLabelBefore").search(before)
    named = {m for m, pattern in classes("Measure") if pattern.search(label.group("label"))} if label else set()
    return len(named - {"civilian_deaths"}) == 1 and named <= {*SPECIAL_GROUP_MEASURES, "civilian_deaths"}


def noun_of_count(sentence: str, mention: NumberMention, own_clause: str) -> str:
    """The noun a count number counts; '' when it counts nothing the table holds ("16 years", "injured")."""
    before, after = sentence[: mention.start], sentence[mention.end:]
    noun = "bare" if regex("GroupLabelAfter").match(after) else noun_of(after)[0]
    if not noun and regex("AttributedToAfter").match(after) and regex("AttributionBefore").search(before):
        noun = "bare"  # "attributed 92 deaths to X, 86 to Y and 147 to Z": each count of the list
    if not noun and regex("BlamedOnAfter").match(after) and regex("BlamedOnBefore").search(before):
        noun = "bare"  # "24 were blamed on X and 14 on Y": each count of the list
    if not noun and elided_marker_item(before, after):
        noun = "bare"  # "...: 5 at the hands of X, 2 Y and one Z": each count of the list
    if not noun and regex("NumberOfCiviliansAfter").match(after) and regex("Bringing").search(before):
        noun = "generic"  # "That brings to 2,941 the number of civilians killed since ...": the number it brings
    if noun in ("", "bare") and (
            regex("CiviliansPredicateAfter").match(after) and regex("PartOfPeopleBefore").search(before)
            or regex("CiviliansOfThemAfter").match(after) and not regex("OtherSource").search(sentence)):
        noun = "generic"  # "1,583 individuals ..., among whom 1,092 were civilians", "..., 1,519 of them civilians": the
        # civilians among them (never among the people another monitor counted: "SOHR ...: they say 1,061 people were
        # killed, 402 of them civilians")
    if not noun and regex("DetaineesAfter").match(after) and (regex("TortureClaimedBefore").search(before)
                                                           or regex("TortureWholeIncludesBefore").search(before)):
        noun = "generic"  # "Torture claimed the lives of 214 detainees", "The eight victims who died due to torture
        # include seven detainees of X": detainees who died under torture
    if regex("TorturedToDeathAfter").match(after) and regex("TorturedToDeathBefore").search(before):
        noun = "torture"  # "which also tortured two detainees to death"
    if regex("DiedUnderTortureAfter").match(after) and regex("DiedUnderTortureBefore").search(before):
        noun = "torture"  # "Died also under the torture in total 161 persons" (translated from Arabic)
    if regex("DiedThenTortureAfter").match(after) and regex("DiedThenTortureBefore").search(before):
        noun = "torture"  # "..., and died 14 under the torture" (translated from Arabic)
    if not noun and regex("SuchDeathsAfter").match(after) and regex("SuchTortureBefore").search(before):
        noun = "torture"  # "Deaths due to torture: the report documents 57 such deaths": the torture the sentence named
    if not noun and regex("MembersKilledAfter").match(after) and workers_label(before):
        noun = "bare"  # "Civil Defense: one member killed by Russian forces": the label's workers (round 128a)
    if noun == "bare" and regex("TableCellBefore").search(before) \
            or (regex("TableCellAfter").match(after) and not regex("BarredLabelList").fullmatch(sentence)):
        return ""  # a cell of a table flattened to text ("Aleppo 27 5 3", "| 59 | 12 | 7")
    if not noun and ((regex("ParenthesisAfter").match(after) or regex("KilledAfterLabel").match(after))
                     and regex("LabelColonBefore").search(before) or regex("GroupsInParentheses").match(after)):
        noun = "bare"  # "- Killings by unidentified parties: 7 (3 children, 1 woman)", "for 10 (two children)"
    if not noun and regex("PlacePartsInParenthesesAfter").match(after):
        noun = "bare"  # "Hama 64 (41 of them in Hama city)": the governorate's count before its parts within it (fx143a)
    if not noun or regex("NotKilledAfter").match(after) or regex("NotKilledBefore").search(before) \
            or regex("RateAfter").search(own_clause[:60]) \
            or is_another_count(before, after) \
            or noun == "bare" and regex("NotKilledPartAfter").match(after) and regex("NotKilledWholeBefore").search(before) \
            or regex("OfThemAfter").match(after) and regex("NotKilledWholeCountBefore").search(before):
        governorate = regex("GovernorateAfter").match(after)
        # the place right after "in", before any comma ("four zones in western Syria, including Idlib" counts no deaths)
        # or colon
        if governorate and find_governorates(regex("PlaceClauseEnd").split(governorate.group("list"))[0][:60]) \
                and noun == "":
            return "bare"
        return ""
    return noun


def is_another_count(before: str, after: str) -> bool:
    """A count of deaths of another cause ("10,000 people who died in the earthquake", "43 coronavirus cases and three
    deaths"), or one compared with whose own clause names no period ("down from 1,734 civilians the previous year"):
    no figure of the report."""
    clause = re.split(r"[.;]", after, maxsplit=1)[0]
    return bool(regex("OtherCauseAfter").match(after) or regex("OtherCauseBefore").search(before)
                or (regex("ComparedBefore").search(before) and not regex("ComparedPeriodNamed").search(clause)
                    and not regex("PartyComparedAfter").match(after)
                    and not (regex("ComparedPreviousMonthAfter").match(clause)
                             and regex("ComparedCountBeforePreviousMonth").search(before + "0 "))))


def is_part_of_a_thing(sentence: str, mention: NumberMention) -> bool:
    """Whether the count at ``mention`` is a part of a thing its own sentence names before it, no count
    ("observation posts in the area, one of which was shelled"): no count of victims."""
    return bool(regex("ThingOfWhichAround").search(sentence[:mention.start])
                and regex("OfWhichAfter").match(sentence[mention.end:]))


def is_profession_of_medical_count(sentence: str, mention: NumberMention) -> bool:
    """Whether the count at ``mention`` counts one profession ("two nurses") after a count of medical personnel in its
    sentence ("six medical personnel, a surgeon, two nurses ..."): a part of that count, none of its own."""
    return bool(regex("MedicalProfessionAfter").match(sentence[mention.end:])
                and regex("MedicalWholeBefore").search(sentence[:mention.start]))


def find_heads(sentence: str) -> tuple[list[Head], list[NumberMention]]:
    """The heads of ``sentence`` with their groups, and every count number in it (for the windows)."""
    every = outside_nouns(sentence, find_numbers(sentence))
    numbers = [m for m in every if is_count_number(sentence, m)]
    heads: list[Head] = []
    previous: Head | None = None  # the last head, for groups
    last_kind = ""  # head | group | blocker | skipped group
    cells = labelled_cells(sentence)
    for index, mention in enumerate(every):
        after = sentence[mention.end:]
        if mention.start in cells and mention in numbers:  # "Civilians 1,011 Children 198 Women 121"
            noun = cells[mention.start]
            if noun in GROUP_NOUNS and previous is not None and last_kind in {"head", "group"}:
                previous.groups.append((noun, mention))
                last_kind = "group"
            elif noun in CELL_HEADS:
                previous = Head(mention, "civilians" if noun == "generic" else noun, qualifier_of(sentence[: mention.start]))
                heads.append(previous)
                last_kind = "head"
            else:  # a fighters column, or a group with no head before it
                last_kind = "blocker"
            continue
        if is_date_before_groups(sentence, mention) or is_sex_split_of_children(sentence, mention):
            continue
        if mention not in numbers:  # "which killed 17", "16 years": its groups are not counts either
            if not is_year_or_date(sentence, mention) and not regex("PercentAfter").match(after) \
                    and not regex("SpanLengthAfter").match(after) and not is_in_aside(sentence, mention):
                last_kind = "blocker"  # ... but "in 2024, including ...", "(12%), including ...", "in the same six
                # months, including ..." and an aside's number ("(an average of 51 a day), including ...") are not
            continue
        flipped = group_label_of(sentence, mention)
        if flipped and previous is not None and last_kind in {"head", "group"}:
            # "Of which children 9", "45 Children: 12, Women: 4"; never of a part too small to hold them
            holder(heads, previous, mention).groups.append((flipped, mention))
            last_kind = "group"
            continue
        own_clause = after[: every[index + 1].start - mention.end] if index + 1 < len(every) else after
        # ... with no count before it ("ISIS: Of which children 214 Of which women 176", a flattened row whose whole
        # cell is left out; round 62a): a count of that group, never of all the victims
        noun = (flipped or group_subject(sentence[: mention.start]) or group_predicate(sentence[mention.end:])
                or lost_by(sentence[: mention.start], after) or noun_of_count(sentence, mention, own_clause))
        gapped = ""
        if noun == "bare":
            gapped = gapped_group(sentence, heads, mention) if last_kind == "head" else ""
            noun = shared_noun(sentence, mention, every[index + 1:index + 2]) or gapped \
                or (compared_group(sentence, heads, mention) if last_kind == "head" else "") or noun
        if not noun and is_in_aside(sentence, mention):
            continue  # "36,418 civilians - about 100 civilians every day - among them ...": no count, and no break
        if not noun and previous is not None and last_kind == "group" and is_unread_group(sentence, previous, mention):
            previous.unread_groups.append(mention)  # "including nine children and four elderly men, at the hands of X"
            last_kind = "blocker"
            continue
        if noun == "medical" and is_profession_of_medical_count(sentence, mention):
            last_kind = "blocker"  # "six medical personnel, a surgeon, two nurses ...": a part of that count
            continue
        if not noun or (noun == "bare" and last_kind in {"blocker", "skipped group"}
                        and regex("BackReferenceAfter").match(after) and not opening_group(sentence)[0]) \
                or (noun == "bare" and index == 0 and is_part_of_a_thing(sentence, mention)):
            last_kind = "blocker"  # "2,317 arrests ..., 147 of them in September", "167 cases of arrest, including 7
            continue  # children, 83 of them by X" (fx166cd): a part of no count is none; but "Of the four women, X
            # killed two of them": a part of the opening's group
        glue = sentence[noun_end(sentence, every[index - 1]):mention.start] if index else ""
        if noun in GROUP_NOUNS and (
                (last_kind == "blocker" and regex("GroupGlueFirst").search(glue))
                or (last_kind == "skipped group" and regex("GroupGlueNext").search(glue))):
            last_kind = "skipped group"  # a group of something not counted ("16 civilians were killed every day,
            continue                     # including five children and two women"; "14 Syrians ..., including ...")
        outer = outside_parentheses(heads, previous, sentence, mention) \
            if noun in GROUP_NOUNS and previous is not None and last_kind == "head" and noun != gapped else previous
        if outer is not previous and outer is not None:  # "41 civilians (ISIS: 13; HTS: 28), including 8 children"
            outer.groups.append((noun, mention))
            previous, last_kind = outer, "group"
            continue
        if noun in GROUP_NOUNS and previous is not None and last_kind in {"head", "group"} and noun != gapped \
                and is_group_of(sentence, previous, mention):  # (a gapped count is a party's count of that group)
            previous.groups.append((noun, mention))
            last_kind = "group"
            continue
        head = Head(mention, noun, qualifier_of(sentence[: mention.start]))
        whole = regex("WholeGroupAfter").match(sentence[noun_end(sentence, mention):]) if noun in {"generic", "bare"} \
            else None
        if whole:  # "four civilians, all of them children", "Russian forces: 3, all of them children": the whole count
            head.groups.append((noun_of(" " + whole.group("noun"))[0], mention))
        heads.append(head)
        previous, last_kind = head, "head"
    return heads, numbers


def outside_parentheses(heads: list[Head], previous: Head, sentence: str, mention: NumberMention) -> Head:
    """The head a group right after a closing parenthesis belongs to: the count before the parentheses, when
    ``previous`` is a count inside them ("41 civilians (ISIS: 13; HTS: 28), including 8 children and 3 women": the 41's
    children, never the 28's; round 130c); else ``previous``."""
    if previous.groups or not regex("ParenthesisClosedGlue").match(sentence[previous.mention.end:mention.start]):
        return previous
    opened = sentence.rfind("(", 0, previous.mention.start)
    if opened < 0 or ")" in sentence[opened:previous.mention.start]:
        return previous
    before = [h for h in heads if h.mention.end <= opened]
    labelled = bool(regex("MonthLabelInBrackets").fullmatch(sentence[opened:previous.mention.start]))
    return before[-1] if before and (before[-1].mention.value >= previous.mention.value or labelled) else previous


def holder(heads: list[Head], previous: Head, mention: NumberMention) -> Head:
    """The head a group labelled right before ``mention`` belongs to: ``previous``, unless the group outnumbers it and a
    head before it holds as many ("Civilian death toll 97 civilians, including 2 who died due to torture Of which
    children 11 Of which women 9", a flattened row; round 128c): 11 children are no part of 2, they are the 97's."""
    if mention.value <= previous.mention.value or previous not in heads:
        return previous
    before = heads[:heads.index(previous)]
    return next((h for h in reversed(before) if h.noun not in GROUP_NOUNS and h.mention.value >= mention.value),
                previous)


def group_label_of(sentence: str, mention: NumberMention) -> str:
    """The group a label right before a count names ("Of which children 9"; "45 Children: 12, Women: 4", the groups of
    a list item on the line after it), else ''."""
    before = sentence[: mention.start]
    label = regex("GroupNounBefore").search(before)
    if not label and regex("GroupLabelEnd").match(sentence[mention.end:]):
        label = regex("GroupLabelBefore").search(before)
    return noun_of(" " + label.group("noun").lower())[0] if label else ""


def shared_noun(sentence: str, mention: NumberMention, following: list[NumberMention]) -> str:
    """The noun a bare number shares with the number right after it ("with 29 and 18 deaths respectively"), else ''."""
    if not following or not regex("SharedNounGlue").fullmatch(sentence[mention.end:following[0].start]) \
            or not regex("SharedNounAfter").match(sentence[following[0].end:]):
        return ""
    return noun_of(sentence[following[0].end:])[0]


def compared_group(sentence: str, heads: list[Head], mention: NumberMention) -> str:
    """The victim group a bare count compared with the count of that group right before it counts ("Russian strikes
    killed 117 children last month, up from 84 in September": 84 children; round 72b), else ''."""
    if not heads or heads[-1].noun not in GROUP_NOUNS or heads[-1].groups:
        return ""
    between = sentence[noun_end(sentence, heads[-1].mention):mention.start]
    return heads[-1].noun if regex("ComparedGroupGap").fullmatch(between) else ""


def gapped_group(sentence: str, heads: list[Head], mention: NumberMention) -> str:
    """The victim group a bare count right after a party's label repeats, its verb and noun left out, from the count of
    that group just before it ("Syrian regime forces killed 14 women and Russian forces 17": Russia's 17 women), else
    ''. A parenthesis right after the group's noun splits it by party ("X killed 52 children (45 by its army and 7 by
    its air force), Y 6 ..."): its parts, and the gapped counts after it, count that group too (round 64a)."""
    chained, last = 0, mention  # "..., Y two, and other parties 32": the gapped counts before it, of that group too
    for back, previous in enumerate(reversed(heads[-12:])):
        if previous.noun == "bare" and back == chained \
                and gapped_party_before(sentence[previous.mention.end:last.start]):
            chained, last = chained + 1, previous.mention
            continue
        if previous.noun not in GROUP_NOUNS or previous.groups or is_part_opened_of_a_whole(sentence, heads, previous):
            return ""
        before = sentence[noun_end(sentence, previous.mention):last.start]
        # "... 20 children, the opposition 10": the group carried over a label the vocabulary may lack (its party left
        # out); before gapped counts of known parties, a label alone of any words (round 76c)
        if back == chained and (gapped_party_before(before) or list_item_label(before)
                                or chained and unknown_label_before(before)):
            return previous.noun
        parts = regex("GroupPartsParenthesisBefore").match(before)
        if parts and parts.group("rest") is None:
            # "52 children (45 by its army ...", "Children: 25 (regime 8, Russia 6, ...": the parts of that group
            opened = not back and named_whole(parts.group("inside")) is not None
            return previous.noun if opened or regex("GroupPartByAfter").match(sentence[mention.end:]) else ""
        if parts:
            rest = parts.group("rest")
            return previous.noun if gapped_party_before(rest) or list_item_label(rest) else ""
    return ""


def is_part_opened_of_a_whole(sentence: str, heads: list[Head], group: Head) -> bool:
    """Whether the victim group's count ``group`` is opened as a part of the count of all victims right before it ("X
    killed 14 civilians, of which three children"): the list going on after it repeats the whole's noun, not the
    group's (session 43)."""
    at = next((n for n, head in enumerate(heads) if head is group), 0)
    whole = heads[at - 1] if at else None
    return (whole is not None and whole.noun not in GROUP_NOUNS and whole.noun != "bare"
            and bool(regex("GroupPartOpenedBefore").match(sentence[noun_end(sentence, whole.mention):group.mention.start])))


def named_whole(words: str, report: str | None = None) -> str | None:
    """The one party ``words`` name, the words being its name alone (perhaps after "the": "regime", "the SDF"), else
    None."""
    words = re.sub(r"^(?:the|The)\s+", "", words.strip())
    named = find_parties(words, report)
    return named[0].code if len(named) == 1 and named[0].start == 0 and named[0].end == len(words) else None


def unknown_label_before(before: str) -> bool:
    """Whether ``before`` ends in a comma (or "and") and a label naming no known party ("..., the local militias"),
    before gapped counts of known parties: a label the vocabulary lacks. Words naming a known party after others ("and
    the killers were Syrian regime forces" 251) are a clause of their own, not a label alone (round 98c)."""
    gap = regex("GappedPartyBefore").search(before)
    return bool(gap) and not find_parties(gap.group("label"))


def gapped_party_before(before: str, report: str | None = None) -> bool:
    """Whether ``before`` (the words from a count's noun to the next count) ends in "and" (or a comma) and a party's
    label alone, the next count's verb and noun left out: "... 14 women and Russian forces" (17)."""
    gap = regex("GappedPartyBefore").search(before)
    named = find_parties(gap.group("label"), report) if gap else []
    return bool(named) and named[0].start == 0 and named[-1].end == len(gap.group("label"))


def group_predicate(after: str) -> str:
    """The group a part of the victims is said to be ("ten of the victims were women", "two were Civil Defense
    members"), else ''."""
    match = regex("GroupPredicateAfter").match(after)
    return noun_of(" " + (match.group("noun") or match.group("worker")))[0] if match else ""


def lost_by(before: str, after: str) -> str:
    """The measure class of a count its subject lost ("Civil Defense lost five of its members"), else ''."""
    if not regex("LostMembersAfter").match(after):
        return ""
    return next((name for name, pattern in classes("LostMembersBefore") if pattern.search(before)), "")


def opening_group(sentence: str) -> tuple[str, int]:
    """The victim group an opening says the sentence breaks down ("Of the 27 children killed, X killed 9, Y 3 ...")
    and where the opening ends; ('', 0) when it has none."""
    opening = regex("GroupOpening").match(sentence)
    if not opening:
        return "", 0
    # "Of the 27 children killed, ...", "The 64 women were ...", "The 46 children were killed as follows: ...",
    # "Children killed by party: ..."
    noun = (opening.group("noun") or opening.group("subject") or opening.group("follows") or opening.group("listed")
            or opening.group("label") or opening.group("counted") or opening.group("counted_label")
            or opening.group("killing_of")
            or opening.group("killed_label"))
    if regex("JointGroupNoun").fullmatch(noun):
        return "children_and_women", opening.end()
    return noun_of(" " + noun.lower())[0], opening.end()


def with_opening_group(heads: list[Head], sentence: str, carried: str = "") -> list[Head]:
    """``heads`` with each bare count after an opening naming a victim group counting that group ("Of the 9 women
    killed, Syrian regime forces killed 2, ...": 2 women), or counting the group ``carried`` over a semicolon from the
    statement before when the sentence has no opening of its own."""
    group = opening_group(sentence)[0] or carried
    if not group:
        return heads
    # (a bare count within the opening is the group's whole: "Children 21 killed: 6 by X, ...")
    return [replace(head, noun=group) if head.noun == "bare" else head for head in heads]


def with_group_parts(heads: list[Head], sentence: str) -> list[Head]:
    """``heads`` with the bare counts listed right after a victim group and its lead ("the 15 women were killed in
    numbers of 4, 1 and 2 respectively") counting that group."""
    paired, group = list(heads), ""
    for i, head in enumerate(heads):
        group = group_of_part(head, heads[i - 1] if i else None, sentence, group)
        if group:
            paired[i] = replace(head, noun=group)
    return paired


def group_of_part(head: Head, previous: Head | None, sentence: str, listed: str) -> str:
    """The group a bare count counts as a part of a victim group's count: the group its lead names ("the 15 women were
    killed in numbers of 4"), the group of the count right before it that it is a part "of them" of ("19 were
    children, 13 of them ..."), else ``listed``, the group of the count it is listed after ("4, 1"); '' for any other."""
    if head.noun != "bare":
        return ""
    lead = regex("GroupPartsLead").search(sentence[:head.mention.start])
    if lead:
        return noun_of(" " + lead.group("noun"))[0]
    if previous is None:
        return ""
    gap = sentence[previous.mention.end:head.mention.start]
    if previous.noun in GROUP_NOUNS and regex("OfThemAfter").match(sentence[head.mention.end:]) \
            and regex("GroupPartGlue").fullmatch(gap):
        return previous.noun  # "19 were children, 13 of them killed by X": X's children
    carried = previous.noun if previous.noun in GROUP_NOUNS else listed
    if carried and regex("GroupPartAgentGap").fullmatch(gap) \
            and regex("AgentMarkerAfter").match(sentence[head.mention.end:]):
        return carried  # "5 of the children were killed by the SDF and 3 by ISIS, 2 by HTS": ISIS's and HTS's children
    return listed if regex("CountListJoin").fullmatch(gap) else ""


def group_subject(before: str) -> str:
    """The group a count's subject names ("Children numbered 249 of the victims and women 161", "the number of children
    among the dead at 341", "The death toll among children was 37"), else ''."""
    if regex("JointGroupSubjectBefore").search(before):
        return "children_and_women"
    number_of = regex("GroupNumberBefore").search(before)
    if number_of:
        return noun_of(" " + number_of.group("noun"))[0]
    toll = regex("GroupTollBefore").search(before)
    if toll:
        noun = toll.group("noun") or toll.group("noun2") or toll.group("noun3")
        return "children" if noun.lower().startswith("child") else "women"
    match = regex("GroupSubjectBefore").search(before)
    if not match:
        return ""
    return noun_of(" " + (match.group("noun") or match.group("noun2") or match.group("noun3")))[0]


def labelled_cells(sentence: str) -> dict[int, str]:
    """The numbers of a table row flattened to "<label> <number>" cells ("Civilians 1,011 Children 198 Women 121
    Torture 71"), by their start: the class of the label before each (``CellLabel``)."""
    return {number: label for number, (label, _) in labelled_cell_spans(sentence).items()}


@cached_by_text
def labelled_cell_spans(sentence: str) -> Mapping[int, tuple[str, int]]:
    """The cells of ``labelled_cells`` by their number's start: each label's class and where the label starts
    (read-only: cached, read once for the heads and again for their windows)."""
    cells = {}
    for row in regex("LabelledCellRow").finditer(sentence):
        for cell in regex("LabelledCell").finditer(row.group(0)):
            label = cell.group("label")
            cells[row.start() + cell.start("number")] = (
                next(name for name, pattern in classes("CellLabel") if pattern.fullmatch(label)),
                row.start() + cell.start("label"))
    return MappingProxyType(cells)


def is_group_of(sentence: str, previous: Head, mention: NumberMention) -> bool:
    """Whether the children or women count at ``mention`` is a group of the head ``previous``."""
    if previous.groups:
        glue, pattern = sentence[noun_end(sentence, previous.groups[-1][1]):mention.start], regex("GroupGlueNext")
    else:
        glue, pattern = sentence[noun_end(sentence, previous.mention):mention.start], regex("GroupGlueFirst")
    after = sentence[mention.end:]
    of_them = (regex("OfThemAfter").match(after) or regex("GroupsAmongThemAfter").match(after)) \
        and regex("OfThemGlue").fullmatch(glue)
    # "two civilians, a child and a woman, drowned ..."
    apposed = not previous.groups and glue.strip() == "," and regex("ApposedGroupsAfter").match(after)
    own_clause = regex("OwnAgentClauseGlue").search(glue) and regex("OwnAgentClauseAfter").match(after)
    return bool((pattern.search(glue) or of_them or apposed) and not regex("GroupBreak").search(glue)
                and not own_clause)


def is_in_aside(sentence: str, mention: NumberMention) -> bool:
    """Whether ``mention`` stands in an aside between dashes or brackets ("- about 100 civilians every day -")."""
    return bool(regex("AsideOpenBefore").search(sentence[: mention.start])
                and regex("AsideCloseAfter").match(sentence[mention.end:]))


def is_unread_group(sentence: str, previous: Head, mention: NumberMention) -> bool:
    """Whether ``mention``, a number of no noun the reader knows, is the last item of ``previous``'s group list
    ("including nine children and four elderly men, at the hands of X"): a group the vocabulary lacks."""
    glue = sentence[noun_end(sentence, previous.groups[-1][1]):mention.start]
    return bool(regex("GroupGlueNext").search(glue) and regex("UnreadGroupAfter").match(sentence[mention.end:]))


def set_windows(heads: list[Head], numbers: list[NumberMention], sentence: str,
                parties: Callable[[str], list[LabelMention]], is_backward: Callable[[str, LabelMention], bool]) -> None:
    """Each head's window: the words after it that speak of it (its party, period, governorate), up to the
    next number that is not its group, cut at a clause break or at the subject of the next clause."""
    group_starts = {m.start for h in heads for _, m in h.groups} | {m.start for h in heads for m in h.unread_groups}
    cells = labelled_cell_spans(sentence)
    for head in heads:
        stop = next((m.start for m in numbers if m.start > head.mention.start and m.start not in group_starts),
                    len(sentence))
        window = sentence[head.mention.end:stop]
        # a new reported clause ("..., and that a volunteer ... was killed in a Russian air strike") speaks of another count
        cuts = [c.start() for c in [regex("ClauseBreak").search(window), regex("NewThatClause").search(window)] if c]
        closed = groups_closed(sentence, head) - head.mention.end
        if stop < len(sentence) and "," in window[closed:] \
                and not regex("WholeAsideBeforeColon").match(window[window.rindex(","):]):
            cuts.append(window.rindex(","))  # what follows the last comma introduces the next number (not the comma
            # closing the count's groups: "196 civilians, including 22 children, were killed by X: 121 ...")
        if stop < len(sentence) and "|" in window[closed:]:
            cuts.append(window.rindex("|"))  # ... as does what follows a bar: "Medical personnel: 2 killed | Media
            # workers: 1 killed" (fx102b)
        if stop < len(sentence) and ":" in window:  # ... as does what follows a colon: "19 massacres in August
            cuts.append(window.rindex(":"))  # 2014: government forces committed 14 of them"
        if stop in cells and cells[stop][1] > head.mention.end:
            cuts.append(cells[stop][1] - head.mention.end)  # "... Of which women 157 Under torture 96": the cell's
            # label names the next number's measure, not this count's
        row_label = regex("TortureRowLabel").search(window) if stop < len(sentence) else None
        if row_label and not is_own_predicate(window, row_label.start()) \
                and row_label.start() >= noun_end(sentence, head.mention) - head.mention.end:
            cuts.append(row_label.start())  # "... Tortured to death 91": the next number's label, unless it opens
            # with the count's own noun ("and 97 Victims Due to Torture 84 Civilians ...": a wrapped title run on)
        subject = regex("NextSubject").search(window) if stop < len(sentence) else None
        if subject:
            cuts.append(subject.start())  # "... and Assad regime remnants killed 4": the next clause's subject
        apposed = regex("ApposedNextAgent").search(window) if stop < len(sentence) else None
        if apposed and regex("ApposedAfterAgentBefore").search(sentence[:head.mention.start]):
            cuts.append(apposed.start())  # "by landmine explosions, 61 civilians, and by unidentified gunfire, 117"
        period = regex("NextClausePeriod").search(window) if stop < len(sentence) else None
        if period:
            cuts.append(period.start())  # "..., and since December 8, 2024, it has recorded 3,411": the next count's
        compared = regex("ComparedCountStart").search(window)
        if compared:
            cuts.append(compared.start())  # "29 children, more than the 27 children killed by X": X is the 27's agent
        aside = regex("ShareOfAWholeAside").search(window)
        if aside:
            cuts.append(aside.start())  # "X killed 1,140 civilians, 40 percent of the 2,852 killed by all parties"
        place = regex("NextGovernorateSubject").search(window) if stop < len(sentence) else None
        if place and find_governorates(place.group("list")):
            cuts.append(place.start())  # "... 11 deaths and Raqqa governorate six": the next count's governorate
        labelled = regex("ParenthesisedCountLabel").search(window) if stop < len(sentence) else None
        if labelled and not breaks_down_in_parentheses(sentence, numbers, stop) \
                and not own_noun_label(sentence, head, labelled.start("label")):
            cuts.append(labelled.start("label"))  # "ISIS (12) and foreign militias (7)": the next count's label
        row = row_label_agent(window) if stop < len(sentence) else None
        if row:
            cuts.append(row.start("row"))  # "... Of which children 2 Victims of the tribal militias Civilians 7"
        elided = regex("ElidedAgentBefore").search(window) if stop < len(sentence) else None
        if elided and regex("UnknownActor").search(elided.group("label")) and not parties(elided.group("label")):
            cuts.append(elided.start())  # "HTS six and the Turkistan Islamic Party one": the actor of "one"
        elided_for = regex("AgentIfActor").search(window) if stop < len(sentence) else None
        if elided_for and elided_for.group("elided") and not parties(elided_for.group("elided")) \
                and (regex("UnknownActor").search(elided_for.group("elided"))
                     or is_elided_proper_name(elided_for.group("elided"))):
            cuts.append(elided_for.start())  # "..., X for 187 and Bedouin tribal gunmen for 141": the actor of 141
        unnamed = regex("AgentUnidentified").search(window) if stop < len(sentence) else None
        if unnamed:
            cuts.append(unnamed.start())  # "... said it could not identify who was responsible for the remaining 104"
        zero = party_zero_clause_start(window)
        if zero is not None:
            cuts.append(zero)  # "..., and the group recorded no civilian deaths at the hands of Y": Y's zero, never
            # the agent of the count before it (fx137d)
        civilians_of_next = regex("CiviliansNumberBefore").search(window) if stop < len(sentence) else None
        if civilians_of_next:
            cuts.append(civilians_of_next.start())  # "... 27 Died Due to Torture - June 2023 SNHR ... documented killing
            # of civilians 394": the next count's civilians, not this count's words (fx102b)
        named = parties(window)
        cuts += [m.start for m in named if regex("ForwardMarker").match(window[m.end:]) and not is_backward(window, m)]
        cuts += [m.start for m in named if regex("ElidedOfMarker").match(window[m.end:])
                 and regex("ElidedOfGapBefore").search(sentence[:head.mention.end + m.start])]  # "X was responsible
        # of 304 of June victims and regime forces of 187" (translated): the regime's 187, its verb left out
        if stop < len(sentence):  # a row label running into the next number is that number's: "... Of which
            # children 9 Civilian deaths at the hands of Kurdish forces Civilian death toll 8"
            cuts += [m.start for m in named
                     if is_backward(window, m) and not regex("RowLabelStop").search(window[m.end:])]
        labels = without_aliases(named, window)
        if stop < len(sentence) and labels and regex("LabelToCount").fullmatch(window[labels[-1].end:]) \
                and not (window.rstrip().endswith("(") and breaks_down_in_parentheses(sentence, numbers, stop)):
            # "... 260 and the opposition factions one civilian", "(34)"; but "16 of them by the Syrian-Russian alliance
            # forces (11 by X and five by Y)" is the alliance's (round 31)
            cuts.append(list_start(window, labels, is_backward))
        if stop < len(sentence) and labels and regex("WithItemToCount").fullmatch(window[labels[-1].end:]) \
                and regex("AndBeforeWithItem").fullmatch(window[:list_start(window, labels)]):
            cuts.append(list_start(window, labels))  # "..., the SNA with 3 and Russian forces with 2": the next count's
        head.window_end = head.mention.end + min(cuts + [len(window)])


def party_zero_clause_start(window: str) -> int | None:
    """Where, in a count's window, a clause of its own stating one party's zero starts ("..., and the group recorded no
    civilian deaths at the hands of Russian forces", "..., while ISIS killed no civilians"; ``PartyZero``), after a
    joint (``ZeroClauseJointBefore``): the count's words end there."""
    if not regex("ZeroWord").search(window):
        return None
    starts = [m.start() for pattern in regexes_for("PartyZero", window) for m in pattern.finditer(window)
              if regex("ZeroClauseJointBefore").search(window[:m.start() + 1])]
    return min(starts) if starts else None


def is_own_predicate(window: str, label_start: int) -> bool:
    """Whether the torture words at ``label_start`` of a count's window are the count's own predicate ("9 individuals
    died due to torture: ...", "9 died due to torture: ..."), not the row label of the next number ("... Of which
    women 149 Tortured to death 91")."""
    before = window[:label_start]
    return bool(regex("SubjectNounOnly").fullmatch(before)
                or not before.strip() and regex("BareCountPredicate").match(window[label_start:]))


def own_noun_label(sentence: str, head: Head, label_start: int) -> bool:
    """Whether the words a parenthesised count comes after start right after ``head`` with its own noun ("21 deaths due
    to torture (20 of them in regime detention)"): the count's own words, the parentheses a part of it, never the next
    count's label (fx143d: the 21 had been read as civilian deaths)."""
    return not sentence[head.mention.end:head.mention.end + label_start].strip() \
        and head.noun not in ("", "bare") and noun_end(sentence, head.mention) > head.mention.end


def breaks_down_in_parentheses(sentence: str, numbers: list[NumberMention], start: int) -> bool:
    """Whether the count starting at ``start`` names its own party after it ("(five at the hands of X, ..."): a part of
    the count before the parentheses, not the count of the label before them."""
    mention = next(m for m in numbers if m.start == start)
    return bool(regex("PartyInParenthesesAfter").match(sentence[mention.end:]))


def groups_closed(sentence: str, head: Head) -> int:
    """Where the comma closing a head's groups apposition ends ("196 civilians, including 22 children and 19 women, were
    killed by ...": after "women,"); the head's end when it has no groups or none is closed by a comma."""
    if not head.groups:
        return head.mention.end
    end = noun_end(sentence, head.groups[-1][1])
    closing = regex("GroupsClosingComma").match(sentence[end:])
    return end + closing.end() if closing else head.mention.end


def list_start(window: str, named: list[LabelMention],
               is_backward: Callable[[str, LabelMention], bool] | None = None) -> int:
    """Where the list of parties that ends ``window`` (right before the next number) starts: "Russian forces and
    the SDF" of "..., Russian forces and the SDF two each"; they name the next number's parties. With ``is_backward``,
    the list never opens on the count's own agent ("22 by Russian forces and regime 9": Russian forces are the 22's;
    round 84c)."""
    joined = joined_mentions(named, window)
    if is_backward is not None:
        own = [m for m in joined[:-1] if is_backward(window, m)]
        joined = joined[len(own):] if own and own == joined[:len(own)] else joined
    return joined[0].start
