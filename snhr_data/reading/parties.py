"""The parties of a count: the party after "by" / "at the hands of" in its window, the one its clause
names before it, a list's shared party ("..., all at the hands of X"), a pronoun's antecedent, the
heading's party, else all parties. An actor the vocabulary lacks leaves the count out (``agents``)."""
from __future__ import annotations

import re
from dataclasses import dataclass, replace
from typing import TYPE_CHECKING

from ..codes import PARENT_OF_GROUP, combined_members, perpetrator_groups
from ..grammar import regex
from ..numbers import find_numbers, parse_number
from ..vocab import (LabelMention, find_governorates, find_parties, joined_mentions, report_unknown_party,
                     without_aliases)
from .agents import (
    anaphor_subject, elided_marker_item, is_backward, is_included_part, list_item_label, method_subject, refers_back,
    subject_party, unknown_agent, unknown_agent_before,
)
from .governorates import ranking_subject
from .heads import GROUP_HEADS, Head, actor_which_killed, is_stated_whole, named_whole, noun_end
from .measure import measures_named
from .model import UNMAPPED, Context, Sentence, warn_left_out
from .period import month_share_part

if TYPE_CHECKING:  # the reader's counts (reading/sentence.py imports this module)
    from .sentence import Count


@dataclass(frozen=True)
class Parties:
    codes: tuple[str, ...]  # empty: the count is left out
    also_total: bool = False  # "both at the hands of X": the count is also the total of all parties
    from_context: bool = False  # named by the heading or the sentence before
    left_out: bool = False  # an actor the vocabulary lacks: no figure
    in_detention: bool = False  # "died under torture in regime prisons": the party is named by the place of death
    joint_others: bool = False  # one count of several subcategories of other parties together ("by landmines, by
    # snipers ..., or by parties SNHR could not identify"): the other parties' only if the list adds up to the total

    @property
    def note(self) -> str:
        if self.in_detention:
            return DETENTION_NOTE
        if self.joint_others:
            return JOINT_OTHERS_NOTE
        return "party named by the heading or the sentence before" if self.from_context else ""


# the note of a count whose party is named by the place of death, the party's prisons; with no other count of that
# measure for its period, the text states the total too (snhr_data.extract.add_implied_totals)
DETENTION_NOTE = "party named by the prisons the deaths occurred in"
# the note of one count of several subcategories of other parties together, filed as the other parties' count; kept only
# when the parties of its list add up to the total the text states (snhr_data.extract.keep_joint_other_parties)
JOINT_OTHERS_NOTE = "one count of several subcategories of other parties together"


LEFT_OUT = Parties((), left_out=True)
JOINT_AGENTS = "joint"  # of a list whose shared agent is two parties joined by "or" or "and" (party_of_a_list)


def is_an_uncounted_victims_party(party: LabelMention, text: str, start: int) -> bool:
    """Whether ``party`` is named in the attack that killed an uncounted victim, an item of the list the count at
    ``start`` goes on ("a media worker killed in a Turkish drone strike and one Civil Defense volunteer")."""
    return bool(regex("UncountedVictimKilledIn").search(text[:party.start])) \
        and bool(regex("ListJoinBeforeItem").fullmatch(text[party.end:start]))


def parties_of(head: Head, measure: str, heads: list[Head], sentence: Sentence, segment_start: int,
               bringing: re.Match[str] | None, block: Context, section: Context,
               previous: tuple[str, ...] = (), previous_left_out: bool = False) -> Parties:
    text, report = sentence.text, sentence.source.report
    start, end = head.mention.start, head.mention.end
    window = text[end:head.window_end]
    if bringing:
        what = bringing.group("what")
        found = [m for m in find_parties(what, report)
                 if is_backward(what, m) or regex("BringingTollOf").search(what[:m.start])]
        return Parties((found[0].code,) if found else ("all",))
    opening = party_after_opening_count(head, sentence)
    if opening is not None:
        return opening
    same_order = same_order_party(head, heads, sentence, block.respective_parties)
    if same_order is not None:
        return same_order
    respective = respective_party(head, heads, sentence)
    if respective is not None:
        return respective
    run = unpaired_count_run(head, heads, text)
    if run:
        # "Syrian regime forces and ISIS killed 120 and 40 civilians", with no "respectively": in order, the parties
        # listed right before its verb, as many as its counts; else which count is whose the sentence does not say
        paired = parties_paired_in_order(run, text, report)
        if paired:
            return Parties((paired[run.index(head)],))
        sentence.warn_count_left_out(start, segment_start, head.window_end, "unpaired_counts")
        return LEFT_OUT
    if regex("Respectively").search(text[:start]) and (
            regex("PairedGroupCountAfter").match(text[end:])
            or regex("PairedGroupCountBefore").search(text[:start]) and regex("GroupOfThemAfter").match(text[end:])):
        # "X and Y killed 231 and 98 civilians respectively, 57 and 24 of them children": each party's children, in
        # order, with no "respectively" of their own; left out, never given to the pair together (round 71b)
        sentence.warn_count_left_out(start, segment_start, head.window_end, "respective_groups")
        return LEFT_OUT
    if regex("FormerLatterBefore").search(text[:start]) and regex("FormerAndLatter").search(text):
        # "X and Y also killed 11 medical personnel, the former seven and the latter four": each of the two named
        # before, in order; the reader does not resolve the pair, so it leaves the counts out rather than give them
        # to the pair together (round 71b)
        sentence.warn_count_left_out(start, segment_start, head.window_end, "respective")
        return LEFT_OUT
    each_of_joint = each_of_joint_count(head, heads, text, report)
    if each_of_joint:
        # "..., and the other two in prisons run by the SDF and HTS, one each": that many for each of the agents the
        # count before named together, when they add up to it (that count itself is left out as theirs together)
        return Parties(each_of_joint)
    if (previous or previous_left_out) and coordinated_with_group_before(head, heads, text) \
            and named_in_window(window, report) is None:
        # "401 to Russian air strikes, which it said killed 97 children and 58 women": the agent of the group count
        # before, whose object this one shares (round 82a; was all parties' 58 women), left out with it ("and the Blue
        # Brigade killed 97 children and 58 women": never the party of the clause before); never a group with an agent
        # of its own ("..., including 11 children, and 6 women were killed by Y")
        return Parties(previous) if previous else LEFT_OUT
    if regex("IncludedInATollAfter").match(text[end:]):
        # "113 civilians ... were killed in the chemical attack on Khan Shaikhoun, all of them by X and included in X's
        # toll above": a part of a toll stated before, no count of its own (round 91b; was X's count)
        sentence.warn_count_left_out(start, segment_start, head.window_end, "part")
        return LEFT_OUT
    if measure == "civilian_deaths" and regex("PartOfVictimsInAnEventAfter").match(text[end:]):
        # "41 of the victims killed by regime forces died in the shelling of Daraa al-Balad": a part of the party's
        # victims, one event's (round 84d; was the party's count)
        sentence.warn_count_left_out(start, segment_start, head.window_end, "part")
        return LEFT_OUT
    by_means = regex("PartOfVictimsByMeansAfter").match(text[end:]) if measure == "civilian_deaths" else None
    if by_means and regex("Method").match(by_means.group("means")) and not find_parties(by_means.group("means"), report):
        # "148 of the victims were killed by shelling": how some of them died, no party's count nor the toll
        sentence.warn_count_left_out(start, segment_start, head.window_end, "part")
        return LEFT_OUT
    labelled = party_after_count(head, sentence) if head.noun == "bare" else None
    if labelled is not None:  # "- **2,958** — Syrian regime forces": a list item, its count first, its party after
        return labelled
    item = comma_list_item(head, heads, text, report)
    if item and item.startswith(UNMAPPED):  # "..., Druze local factions, 214 civilians": an actor the vocabulary lacks
        report_unknown_party(f"{sentence.source.source_file}:{sentence.line_at(start)}",
                             f"unmapped perpetrator label {item[len(UNMAPPED):]!r}", sentence.source.strict)
        return LEFT_OUT
    if item:  # "..., and unidentified gunmen, 2,491 civilians": the item's label's count, never the opening's
        return Parties((item,))
    actor = actor_which_killed(text[:start])
    if actor:  # "Other parties include tribal gunmen, who killed 389 civilians": an actor the vocabulary lacks
        report_unknown_party(f"{sentence.source.source_file}:{sentence.line_at(start)}",
                             f"unmapped perpetrator label {actor!r}", sentence.source.strict)
        return LEFT_OUT
    if measure == "massacre_deaths" and regex("MassacresClaimedJoined").search(text[segment_start:start]):
        return Parties(("all",))  # "47 massacres, 44 by X and 3 by Y, and in them died 1,030": all the massacres' toll
    if regex("PercentOfBefore").search(text[segment_start:start]):
        return Parties(("all",))  # "X responsible for 79% of 4,823 civilian deaths": a share's whole, all parties'
    if is_stated_whole(text, head.mention):
        return Parties(("all",))  # "X killed 812 of the 1,020 civilians killed in June": the whole, X's the part
    if regex("AmongTheKillersBefore").search(text[segment_start:start]):
        return Parties(("all",))  # "X, Y among killers of 1,587 civilians": the toll, of which theirs is a part
    if regex("AndOthersAgentsAfter").match(text[end:]):
        return Parties(("all",))  # "1,126 civilians killed at the hands of X and others": every party's together
    if regex("OtherWaysAfter").match(text[end:]):
        # "Other parties killed 47 civilians: 17 by landmines, 14 by gunfire of unknown source and 16 in other ways":
        # a part of the count before, of no one subcategory
        sentence.warn_count_left_out(start, segment_start, head.window_end, "part")
        return LEFT_OUT
    if regex("AcrossAllTheMassacresAfter").match(text[end:]):
        return Parties(("all",))  # "..., in which a total of 87 civilians were killed across all the month's massacres"
    if previous and regex("SumOfTheCountsBefore").search(text[segment_start:start]):
        # "X killed nine medical personnel and Y five, a total of 14": the parties' sum, whether all of them, unsaid
        sentence.warn_count_left_out(start, segment_start, head.window_end, "sum_of_parties")
        return LEFT_OUT
    if (head is heads[0] and regex("JointSumOpening").match(text[:start])
            or regex("JointSumBefore").search(text[segment_start:start])) \
            and not (measure == "massacre_deaths" and block.measure == "massacres"
                     and regex("MassacresClaimedOpening").match(text[:start])):
        # (never "... 26 massacres by X and 13 by Y. Together they claimed the lives of 1,387": the massacres' victims)
        # "Together the two accounted for 58 deaths": the sum of parties named before, never the total
        warn_left_out(sentence.source, sentence.line_at(start), text[:head.window_end].strip()[:80], "joint_sum")
        return LEFT_OUT
    joint = joint_parties_together(text[segment_start:start], report) \
        or (None if regex("EachWord").search(window) else joint_subject(text[segment_start:start], report))
    if joint:  # "Add the coalition and Russia together and you get 1,770": both parties' count, neither's alone
        sentence.warn_count_left_out(start, segment_start, head.window_end, "joint_parties")
        return LEFT_OUT
    share = regex("ShareGoesToAfter").match(text[end:])
    if share:  # "The largest share, 74 deaths, goes to X": X's count, whoever else the sentence names
        given = find_parties(text[end + share.end():], report)
        if given and given[0].start == 0:
            return Parties((given[0].code,))
        label = re.split(r"[\"”'.,;:]", text[end + share.end():], maxsplit=1)[0].strip()
        report_unknown_party(f"{sentence.source.source_file}:{sentence.line_at(start)}",
                             f"unmapped perpetrator label {label!r}", sentence.source.strict)
        return LEFT_OUT
    relative_agent = part_subject(text[end:], report)
    if relative_agent:  # "37 massacres, 31 of which the Syrian-Russian alliance committed": the alliance's 31
        return Parties((relative_agent,))
    subject = [m for m in find_parties(text[:start], report) if kills_right_after(text, m, start)]
    if subject and next_clause_subject(text[end:next_count_start(head, heads, text)], report):
        # "by X, which killed 97 civilians, by Y, which killed 71": X's; Y the subject of the next count's own clause
        return Parties((subject[-1].code,))
    member = [m for m in find_parties(text[:start], report) if regex("WhichKilledBefore").fullmatch(text[m.end:start])]
    if member and regex("MembersBefore").search(text[:member[-1].start]):
        # "other parties, among them landmine explosions, which claimed 16 lives": the member's own count, never the
        # whole's (round 141a: read as every party's)
        return Parties((member[-1].code,))
    # never a party named before the count's own clause ("X were responsible for 28% of ..., and 98 detainees have died
    # due to torture"; round 42)
    named_before = named_in_segment(text[max(segment_start, own_clause_start(head, text)):start], text[end:], report)
    named_after = total_unless_subject(named_in_window(window, report, subject_named=bool(named_before)),
                                       text[segment_start:start], text[end:], report)
    if named_after and regex("MostOfTheWholeBefore").search(text[segment_start:start]):
        named_after = None  # "Most of the other 676 deaths were caused by landmines, ...": the whole's, their part unsaid
    if named_after and named_after.also_total and regex("PartApposedBefore").search(text[:start]):
        # "949 individuals died due to torture, the majority of them, 931, at the hands of X": X's, never all of them
        named_after = replace(named_after, also_total=False)
    if named_after and named_before and names_its_members(window, named_before, report):
        # "Other parties killed 35 civilians, ..., in drowning, landmine explosions and fire of unknown source": how the
        # subject's victims died, several of its own subcategories: the subject's count, none of theirs alone
        return Parties(named_before)
    aside = regex("PartOfThemAside").search(window)
    whole_window = window[:aside.start()] if aside else window
    rest = regex("RestClauseAfter").search(whole_window)
    whole_window = whole_window[:rest.start()] if rest else whole_window  # "..., and the rest in bombings": the rest's
    if rest and named_after and named_before \
            and named_in_window(whole_window, report, subject_named=True) is None:
        # "X were responsible for 19 deaths, and the remaining civilians were killed by Y": Y the rest's agent, the count
        # the subject's (round 142c: read as Y's)
        named_after = None
    if named_after and not regex("EachWord").search(window) and (joint := joint_agents_after(whole_window, report)):
        # "Another 135 civilians were killed by landmine explosions, by snipers ..., or by parties SNHR could not
        # identify": one count of several agents together, none of them alone; of subcategories of other parties
        # only, perhaps all the other parties' (if its list adds up to the total)
        groups = perpetrator_groups()
        agents = find_parties(window, report)
        if all(groups.get(m.code) == "other_sub" for m in agents):
            return Parties(("other_parties",), joint_others=True)
        if [m.code for m in agents].count("other_parties") == 1 \
                and all(groups.get(m.code) == "other_sub" for m in agents if m.code != "other_parties"):
            # "The remaining 185 were killed by other parties, chiefly landmine explosions and unidentified gunmen": the
            # other parties' count, their subcategories after it how its victims died (round 112d: it had been left out);
            # so with the subcategories first ("The remaining 605 victims were killed by unidentified groups or other
            # parties": all within the other parties; round 125b)
            return Parties(("other_parties",))
        warn_left_out(sentence.source, sentence.line_at(start), text[start:end + joint.end()].strip()[:80], "joint")
        # "..., all killed by X or Y": the count is all of them, whoever's each is
        return Parties(("all",)) if named_after.also_total else LEFT_OUT
    if named_after and row_label_before(text[segment_start:start], report):
        # "... at the hands of ISIS Civilian death toll 57 civilians at the hands of Kurdish forces": whose is not said
        sentence.warn_count_left_out(start, segment_start, head.window_end, "boundary")
        return LEFT_OUT
    owned = regex("PartyOwnedVictimsAfter").match(text[end:])
    owner = find_parties(owned.group(0)[owned.start("owner"):], report) if owned else []  # "the government's victims"
    if owner and owner[0].start == 0 and regex("AgentTail").fullmatch(owned.group("owner")[owner[0].end:]):
        return Parties((owner[0].code,))  # "112 of the regime's victims died under torture": the party's
    segment = text[segment_start:start]
    unknown_item = (unknown_list_item(segment, report) or unknown_clause_subject(segment, report)) \
        if head is not heads[0] else unknown_first_party_item(text[:start], report)
    if unknown_item:  # "X killed 20 children, the opposition 10, ...", "by X (5), the alliance (6)": a party the
        # vocabulary lacks, never the party of the item before
        report_unknown_party(f"{sentence.source.source_file}:{sentence.line_at(start)}",
                             f"unmapped perpetrator label {unknown_item!r}", sentence.source.strict)
        return LEFT_OUT
    if named_after and named_before and regex("WholeOfAPartyAfter").match(text[end:]):
        return Parties(named_before)  # "X were behind 17 of the deaths attributed to Y": X's, a part of Y's
    if named_after and named_before:  # "X killed four, all at the hands of Y": all of X's victims, not all parties'
        return replace(named_after, also_total=False)
    if named_after and named_after.codes == ("other_parties",) and regex("PartsOfAPartyBefore").search(text[:start]):
        # "562 deaths to extremist Islamic groups, a figure that includes 318 by X and 244 by other groups": the rest
        # of that party's count, never SNHR's other parties (round 84b)
        sentence.warn_count_left_out(start, segment_start, head.window_end, "part")
        return LEFT_OUT
    if named_after:  # placed in prisons: only a count of its own, not one part of a count before it ("83, including
        # two who died due to torture in ISIS prisons") nor of a whole its opening states ("Of the 36 victims who died
        # due to torture ..., nine died in detention facilities of X"), may state the total too
        part = bool(previous) or bool(regex("StatedWholeOpening").match(text[:start])) \
            or bool(regex("AnotherCountBefore").search(text[:start]))
        return replace(named_after, in_detention=False) if part and named_after.in_detention else named_after
    if subject:  # "..., were killed at the hands of ISIS (...), which also tortured two detainees to death"
        return Parties((subject[-1].code,))
    joined = joined_label(text, start, report)
    if joined:  # "Landmines and assassinations: 177 civilians killed ...": no count of the landmines alone
        warn_left_out(sentence.source, sentence.line_at(start), joined, "joined_label")
        return LEFT_OUT
    if named_before and regex("MostOfTheWholeBefore").search(segment):
        return Parties(("all",))  # "X and Y were behind most of the 1,382 deaths": the whole, their part unsaid
    if named_before:
        return Parties(combined_by_breakdown(named_before, segment, text[end:], report, head.mention.value))
    relative = relative_subject(segment, text[:segment_start], report)
    if relative:  # "... were killed by the SDF, who were also responsible for one death due to torture": the SDF's
        return Parties((relative,))
    coordinated = party_of_coordinated_counts(head, heads, text, report)
    if coordinated:  # "One medical worker and one Civil Defense member were killed by X": each X's
        return Parties((coordinated,))
    likewise = party_of_likewise_count(head, heads, text, report)
    if likewise:  # "Two medical personnel were killed by X, as were three Civil Defense workers": X's too
        return Parties((likewise,))
    # ... never the places of a ranking ("Aleppo recorded the highest toll with 47, followed by ... and Quneitra with
    # four, all of them killed by X": whether of the last place only, the words do not say)
    shared = None if regex("RankingMarker").search(text) \
        else party_of_a_list(text[end:], report, head.mention.value, measure)
    if shared == JOINT_AGENTS:  # "nine medical personnel, ..., all killed by X or Y": all parties' nine, none alone
        sentence.warn_count_left_out(start, segment_start, head.window_end, "joint")
        return Parties(("all",))
    if shared:
        return Parties((shared,), also_total=True)
    # "Torture claimed 52 lives": torture names what the count counts, not means of killing or an actor left unsaid
    # ... nor "the massacres" after the statement counting them ("3 massacres, 2 of them by X; the massacres killed 21
    # civilians"): their victims, of all parties (session 19)
    one_massacre_toll = measure == "massacre_deaths" and bool(regex("OneMassacreTollBefore").search(text[:start]))
    # ... nor the words describing the one massacre a statement documents ("SNHR documented one massacre in February: a
    # landmine explosion in Deir Ez-Zour that killed six civilians"; round 135a): the massacre itself, no agent
    measure_subject = (measure == "torture_deaths" and bool(regex("TortureClaimedBefore").search(segment))
                       or measure == "massacre_deaths" and block.measure == "massacres"
                       and bool(regex("MassacresClaimedOpening").match(text[:start]))
                       or one_massacre_toll)
    method = None if measure_subject else method_subject(segment)
    if method:  # "Air strikes and shelling killed 276": by whom, and whether all of the toll, is not said
        warn_left_out(sentence.source, sentence.line_at(start), method, "method")
        return LEFT_OUT
    label = None if measure_subject else unknown_agent(window, segment, report)
    if label and regex("PronounAgent").fullmatch(label.strip()):
        # "Government forces remain the largest killer: the report attributes 15,212 deaths to them": the one party the
        # sentence named before, else the subject of the sentence before; of several, left out (round 135d)
        holders = {UNMAPPED + m.text.strip() if m.code == UNMAPPED else m.code for m in find_parties(text[:start], report)}
        if len(holders) > 1:
            sentence.warn_count_left_out(start, segment_start, head.window_end, "pronoun_of_several")
            return LEFT_OUT
        return antecedent(label.strip(), holders.pop() if holders else block.subject, sentence, start)
    if label:
        report_unknown_party(f"{sentence.source.source_file}:{sentence.line_at(start)}",
                             f"unmapped perpetrator label {label!r}", sentence.source.strict)
        return Parties(("all",)) if all_by_unknown_agent(window, label, segment) else LEFT_OUT
    if regex("WholeTollAfter").match(text[end:]):  # "and 188 of the month's victims died in Idlib": all parties'
        return Parties(("all",))
    if month_share_part(text, start):  # "March alone accounted for 40% of the year's deaths, most of them in Homs (700)"
        return Parties(("all",))
    clause_start = max((m.end() for m in regex("NewThatClause").finditer(text[:start])), default=0)
    place_subject = regex("GovernorateBefore").search(text[:start])
    if place_subject:  # "...: Idlib governorate recorded 49 civilian deaths": a place's count, not a party named before
        clause_start = max(clause_start, place_subject.start("list"))
    own_clause = own_clause_start(head, text)
    item_subject = subject_party(text, report) if own_clause and block.item else None
    if item_subject and not item_subject.startswith(UNMAPPED) and measure == "torture_deaths" \
            and head.noun == "bare" and named_in_window(window, report) is None:
        # "- HTS killed 18 civilians, including 3 children, and 5 died due to torture": in a list of the parties, an
        # item's bare count of deaths under torture is its party's (round 103a), never all parties'
        return Parties((item_subject,))
    clause_start = max(clause_start, own_clause)
    named = find_parties(text[:start], report)
    unknown = unknown_subject(text, heads, report)
    if unknown:
        named = [unknown, *named]
    asides = [(m.start(), m.end()) for m in regex("RelativeApposition").finditer(text[:start])] \
        + explaining_brackets(text[:start], named) + counted_brackets(text[:start]) + place_descriptions(text[:start])
    free = [m for m in named
            if m.start >= clause_start and not any(h.mention.end <= m.start < h.window_end for h in heads)
            and (not regex("PartialBefore").search(text[:m.start]) or kills_right_after(text, m, start))
            and (not regex("NotTheAgentBefore").search(text[:m.start]) or kills_right_after(text, m, start))
            and not regex("PartyEndAfter").match(text[m.end:])  # "in the month in which the regime fell"
            and not any(a <= m.start < b for a, b in asides) and not regex("PercentShareAfter").match(text[m.end:])]
    if joint_agents_of_place(text[clause_start:start], free, clause_start):
        # "killed by X and by Y, notably in Daraa, where 11 civilians were killed": a place's count, none of theirs alone
        warn_left_out(sentence.source, sentence.line_at(start), text[clause_start:head.window_end].strip()[:80],
                      "joint_place")
        return LEFT_OUT
    whole = regex("TotalSubjectBefore").search(text[clause_start:start])
    if whole and not any(m.start >= clause_start + whole.start() for m in free):
        return Parties(("all",))  # "X killed 14 ..., and the total of deaths due to torture in June was five": all's
    if free and regex("MostOfTheWholeBefore").search(text[:start]):
        return Parties(("all",))  # "X behind most of March's 1,134 deaths": the whole, X's part unsaid
    named_before = bool(free) and free[-1].start < segment_start  # the party named last is before the count's segment
    if named_before and (regex("CauseOfDeathAfter").match(text[end:])
                         or is_remainder(segment, text[end:]) and named_in_window(window, report) is None):
        # "Other parties: 339 civilians, distributed as follows: 212 killed by X, ... and 12 in other incidents", "X and
        # Y killed 149 and 77 civilians respectively, the remaining 86 deaths being shared among the other parties"
        # (round 61): a part of the count before it, or the rest of the toll, never the party named before it (unless the
        # rest is given a party after it: "..., with the remaining 13 attributed to other parties"; round 120d)
        sentence.warn_count_left_out(start, segment_start, head.window_end, "part_of_total")
        return LEFT_OUT
    if named_before and (previous or previous_left_out) and (is_included_part(segment) or (
            not segment.strip(" ,") and regex("BackReferenceAfter").match(text[end:]))):
        # "X and Y killed 45 civilians, 38 of them at the hands of X, including four who died under torture": a part of
        # the count right before it (X's 38), never of the party named before that count (round 61); so "X killed 683,
        # while the report attributes 1,174 deaths to Y, 371 of them children": Y's (round 84b)
        return Parties(previous) if previous else LEFT_OUT
    if named_before and regex("SpeakerSaidBefore").search(segment) and regex("BareCountDiedAfter").match(text[end:]):
        # "X killed 1,900 civilians, and the group said 120 people died under torture": the speaker's own statement, of
        # all parties, never of the party named before it (session 18)
        return Parties(("all",))
    if free and free[-1] is unknown:
        # "Forces affiliated with the transitional government killed 17 civilians, ..., and 3 of the five torture
        # victims died in their custody": the subject's, an actor the vocabulary lacks, never all parties' (round 88a)
        report_unknown_party(f"{sentence.source.source_file}:{sentence.line_at(start)}",
                             f"unmapped perpetrator label {unknown.text.strip()!r}", sentence.source.strict)
        return LEFT_OUT
    if free and is_an_uncounted_victims_party(free[-1], text, start):
        return Parties(("all",))  # "..., a media worker killed in a Turkish drone strike and one Civil Defense volunteer"
    if free:
        # the toll of the one massacre a statement documents is the month's massacre deaths whoever committed it ("one
        # massacre in February: a landmine explosion ... that killed six civilians": the landmines' and all parties')
        return Parties((free[-1].code,), also_total=one_massacre_toll)
    anaphor = anaphor_subject(segment)
    if anaphor:  # "They killed 12 civilians": the subject of the sentence before, if it named one party; else the
        # party of the heading above ("D. Syrian National Army" / "These factions killed seven civilians")
        if anaphor.group("pronoun").lower() == "the alliance":  # "..., by the Syrian-Russian alliance. The network
            # said the alliance was responsible for 1,108": the alliance named before (round 84b)
            return antecedent(anaphor.group("pronoun"), block.alliance, sentence, start)
        return antecedent(anaphor.group("pronoun"), block.subject or heading_party(section), sentence, start)
    owner = regex("VictimsOwnerOpening").match(text[:start])
    owning = owner and (block.alliance if regex("AllianceLabel").search(owner.group("pronoun"))
                        else block.subject or heading_party(section))
    if owning:  # "The alliance's victims included 498 children": the alliance named before; "Their victims ...": the
        # subject before's (a sentence before naming none: all parties', as before)
        return antecedent(owner.group("pronoun"), owning, sentence, start)
    victims_of = regex("VictimsOfAgentOpening").match(text[:start])
    if victims_of and not find_parties(victims_of.group("label"), report):
        # "Of the civilians killed by the terror group, nine were children": an anaphor's parts are the subject before's;
        # of an actor the vocabulary lacks, left out (reported), never all parties' (round 126a)
        label = victims_of.group("label").strip()
        if regex("OpeningAnaphorAgent").fullmatch(label):
            return antecedent(label, block.subject or heading_party(section), sentence, start)
        report_unknown_party(f"{sentence.source.source_file}:{sentence.line_at(start)}",
                             f"unmapped perpetrator label {label!r}", sentence.source.strict)
        return LEFT_OUT
    owner = regex("AnaphorVictimsAfter").match(text[end:])
    held = regex("AnaphorPrisonsAfter").match(text[end:]) if measure == "torture_deaths" else None
    # "X killed 118 civilians, ..., and 31 of their victims died due to torture" (round 97a), "X killed 6 civilians; one
    # individual died due to torture in their prisons", "..., and that 22 people died due to torture at their hands"
    # (round 93a): the one party the sentence named before the pronoun (several: left out, warned)
    holders = {UNMAPPED + m.text.strip() if m.code == UNMAPPED else m.code for m in named} if owner or held else set()
    if len(holders) > 1:
        sentence.warn_count_left_out(start, segment_start, head.window_end, "pronoun_of_several")
        return LEFT_OUT
    if owner and not holders and owner.group("pronoun") == "its" and regex("PeriodSubjectOpening").match(text):
        return Parties(("all",))  # "The month saw 14 massacres, and 187 of its victims were killed in Idlib": the month's
    if owner:  # ... else, "two of the group's victims", "2,301 of their victims": the subject before's, else its
        # counts' party
        return antecedent(owner.group("pronoun") or owner.group("owner"),
                          holders.pop() if holders else block.subject or block.party, sentence, start)
    if held and (holders or block.subject):  # ... else the sentence before's subject
        return antecedent(held.group("pronoun"), holders.pop() if holders else block.subject, sentence, start)
    if block.clause_party and regex("SemicolonClauseOpening").fullmatch(text[:start]) \
            and regex("BareCountDiedAfter").match(text[end:]):
        # "X killed 139 civilians, ...; 2 died due to torture": 2 of X's victims (left out with X's, X unknown)
        return LEFT_OUT if block.clause_party == UNMAPPED else Parties((block.clause_party,))
    stated = stated_count_referred_to(text[:start], block)
    if stated is not None:  # "Syrian regime forces killed 30 civilians. Of the 30, 12 died in Idlib": the regime's
        return Parties(stated.parties, from_context=True) if stated.parties else LEFT_OUT
    # only a count that refers back to the victims of the sentence before takes its party (or a part "including" right
    # after the count before it: "three were killed by X, including one who died under torture"); a ranking never, nor
    # a place's count in a clause of its own after a colon ("...: the X governorate alone recorded 742")
    continues = (refers_back(segment, text[end:]) or bool(regex("ElidedBackReferenceBefore").search(text[:start]))
                 or (bool(previous) or previous_left_out) and is_included_part(segment)) \
        and ranking_subject(text) is None and not regex("PlaceClauseAfterBreak").search(text[:start])
    if continues and previous_left_out:  # a part of a count whose party was left out ("X were responsible for the deaths
        # of 11 civilians, six of them ...", X unknown): left out too, never the party of the sentence before
        return LEFT_OUT
    if continues and previous:  # "6 massacres ..., two of them in June": the count before it in the sentence
        return Parties(previous)
    if continues and heads.index(head) > 0:
        # "X killed 871 civilians. / The toll of torture: about 1,212 persons, including fighters, of whom 95 in
        # December": a part of the count before it in its own sentence, which no party was read for; never the sentence
        # before's (session 41: had been X's 95)
        return context_party(block, section, False)
    if continues and block.subject and block.subject.startswith(UNMAPPED):
        # "The transitional government forces killed 21 civilians, ...; three of them died due to torture": a part of
        # the victims of an actor the vocabulary lacks (reported with its count), never all parties' (round 62b)
        return LEFT_OUT
    if is_remainder(segment, text[end:]) or regex("CauseOfDeathAfter").match(text[end:]) \
            or regex("RegionOfSyriaAfter").match(text[end:]) or regex("RegionOfSyriaOpening").match(text[:start]):
        # "The remaining 63 deaths were attributed to ...", "..., and 12 civilians died in explosions": the rest of the
        # toll, or the victims of a cause, never all of it; whose, the words do not say; so "352 civilians killed in
        # northwest Syria", "In northern Syria, 64 civilians were killed": a region's part of the toll (round 111c,
        # fx143c: it had been the month's toll)
        sentence.warn_count_left_out(start, segment_start, head.window_end, "part_of_total")
        return LEFT_OUT
    if regex("MonthVictimsOpening").search(text[:start]) or regex("MonthDeadOpening").match(text) \
            or regex("MonthTollOpening").search(text[:start]) or regex("MonthVictimsAfter").match(text[end:]) \
            or regex("TotalCountOpening").search(text[:start]):
        return Parties(("all",))  # "Among the civilians killed in June were 221 children", "The civilian death toll
        # for August 2014 therefore reaches 1,453", "In total, 1,922 deaths ...": all the month's victims
    if head.noun == "bare" and run_in_actor(segment, text[:segment_start], report):
        # "...; clashes between local armed groups 12 (1 child, 3 women)": an actor the vocabulary lacks, never all's
        report_unknown_party(f"{sentence.source.source_file}:{sentence.line_at(start)}",
                             f"unmapped perpetrator label {segment.strip()!r}", sentence.source.strict)
        return LEFT_OUT
    opening = regex("StatedWholeOpening").match(text[:start])
    if opening and find_parties(text[opening.end():start], report):
        # "Of the five deaths due to torture, three ... in the custody of X, one in SDF detention, and one in a facility
        # whose operator could not be identified": a part of the whole the opening states, in a list of the parties'
        # parts, whose own party the words do not give; never that whole (round 112d: all parties' 1)
        sentence.warn_count_left_out(start, segment_start, head.window_end, "part_of_total")
        return LEFT_OUT
    return context_party(block, section, continues)


def unknown_subject(text: str, heads: list[Head], report: str) -> LabelMention | None:
    """The agent of the sentence's first count when it is an actor the vocabulary lacks ("Forces affiliated with the
    transitional government killed 17 civilians, ..."), as a mention of its own; else None."""
    agent = regex("AgentBefore").search(text[:heads[0].mention.start])
    label = agent.group("label") if agent else ""
    if not label or find_parties(label, report) or not regex("UnknownActor").search(label) \
            or regex("AnaphorSubject").search(label + " killed "):  # "These factions killed ...": the heading's
        return None
    return LabelMention(UNMAPPED, agent.start("label"), agent.end("label"), label)


def kills_right_after(text: str, mention: LabelMention, start: int) -> bool:
    """Whether the party at ``mention`` is the subject of a clause of its own ending right before the count at ``start``
    ("The overwhelming majority ... fell at the hands of government forces, which killed 4,706": the party's count,
    whatever part of a whole the words before it give the party; "ISIS (...), which also tortured two detainees to
    death")."""
    return bool(regex("WhichVerbBefore").match(text[mention.end:start]))


def next_clause_subject(between: str, report: str) -> bool:
    """Whether a party named ``between`` a count and the next is the subject of a relative clause ending right before
    the next count (", by armed opposition factions, which killed 71"): that count's party, none of the count before's."""
    return any(regex("WhichVerbBefore").match(between[m.end:]) for m in find_parties(between, report))


def next_count_start(head: Head, heads: list[Head], text: str) -> int:
    """Where the count after ``head`` in its sentence starts; the sentence's end after its last count."""
    return min((h.mention.start for h in heads if h.mention.start > head.mention.start), default=len(text))


def joint_agents_of_place(clause: str, named: list[LabelMention], offset: int) -> bool:
    """Whether ``clause`` (starting at ``offset`` in its sentence, a count at its end) holds the count in a place's
    where-clause after an agent phrase naming two parties or causes or more ("killed by landmine explosions and by
    gunmen the group could not identify, notably in Daraa governorate, where 11 civilians were killed", "by ISIS and the
    SDF, mainly in Raqqa, where ..."; round 30), ``named`` the parties the clause names before the count; a
    where-clause naming its own party ("in Daraa, where ISIS killed 11") is no such count."""
    where = regex("WhereBefore").search(clause)
    if where is None or any(m.start - offset >= where.start("place") for m in named):
        return False
    before = [m for m in named if m.start - offset < where.start()]
    return bool(regex("JointAgentsBefore").search(clause[:where.start()])) or len({m.code for m in before}) >= 2


def each_of_joint_count(head: Head, heads: list[Head], text: str, report: str) -> tuple[str, ...]:
    """The agents of a count "N each" right after a count that names them together after it ("two in prisons run by the
    SDF and HTS, one each"), when N for each adds up to that count; else ()."""
    at = heads.index(head) if head in heads else -1
    if at < 1 or not regex("EachNext").match(text[head.mention.end:]):
        return ()
    before = heads[at - 1]
    between = text[before.mention.end:head.mention.start]
    joint = regex("JointAgentsPairAfter").match(between)
    if not joint or not regex("EachOfJointGap").fullmatch(between[joint.end():]):
        return ()
    codes = tuple(dict.fromkeys(m.code for m in find_parties(joint.group(0), report) if m.code != "all"))
    if len(codes) < 2 or head.mention.value * len(codes) != before.mention.value:
        return ()
    return codes


def joint_agents_after(window: str, report: str) -> re.Match[str] | None:
    """The words after a count naming several agents of it together ("by X, by Y or by Z"; "by X, Y, Z and W", a list
    naming two parties or more), else None."""
    listed = regex("JointAgentsListAfter").match(window)
    if listed and len({m.code for m in find_parties(listed.group(0), report)}) < 2:
        listed = None
    pair = regex("JointAgentsPairAfter").match(window)  # "by landmines and unidentified parties", "by ISIS and the
    if pair:  # SDF" (session 19): two parties, never one combined party's name ("by regime and Russian forces")
        pair = pair if len({m.code for m in find_parties(pair.group(0), report)}) >= 2 else None
    return regex("JointAgentsAfter").search(window) or listed or pair


def joint_parties_together(segment: str, report: str) -> re.Match[str] | None:
    """The "X and Y together" of a count's segment whose Y is a party and whose "and" is no combined party's own
    ("Add the coalition and Russia together and you get 1,770"), or the "X, together with Y, committed" of a verb right
    after such an aside; None if there is none."""
    named = find_parties(segment, report)
    for joint in regex("JointPartiesTogether").finditer(segment):
        in_a_name = any(m.start < joint.start() < m.end for m in named)
        last = next(name for name in ("last", "last2", "last3") if joint.group(name))
        if not in_a_name and any(joint.start(last) <= m.start < joint.end(last) for m in named):
            return joint
    return None


def joint_subject(segment: str, report: str) -> re.Match[str] | None:
    """The "X and Y" subject of a count's verb in ``segment`` when X and Y are two parties named whole and not one
    combined party's name ("Turkish forces and the Syrian National Army killed 40"), or a party named whole and an
    actor the vocabulary lacks ("Tribal militias and Russian forces killed 14"), else None."""
    match = regex("JointSubjectBefore").search(segment)
    if not match:
        return None
    whole = find_parties(segment[match.start("first"):match.end("last")], report)
    first, last = (named_whole(match.group(key), report) for key in ("first", "last"))
    if first and last:  # (one party named across both: "Syrian regime forces and Russian forces", the alliance's name)
        return match if first != last and len(whole) != 1 else None
    # one party named whole beside an actor the vocabulary lacks ("Tribal militias and Russian forces killed 14"):
    # theirs together, never the named party's alone
    unnamed = match.group("first") if last and not first else match.group("last") if first and not last else None
    if (first or last) == "all":  # "The parties to the conflict and the controlling forces in Syria killed 91": all's
        return None
    joined_by_and = segment[match.end("first"):match.start("last")].strip() == "and"
    return match if unnamed and joined_by_and and regex("UnmappedJointActor").search(unnamed) \
        and not find_parties(unnamed, report) else None


def joined_label(text: str, start: int, report: str) -> str | None:
    """The label that opens ``text`` right before the count at ``start`` when it joins a party with another member by
    "and" ("Landmines and assassinations: 177 civilians ..."), else None; a party the vocabulary names as one across
    the "and" ("the Syrian-Russian alliance", "Victims of the government forces and the shabbiha militias") is no such
    label."""
    label = regex("Label").match(text)
    if label is None or text[label.end("label") + 1:start].strip():
        return None
    words = label.group("label")
    joined = regex("JoinedLabel").fullmatch(words)
    named = find_parties(words, report)
    if joined is None or not named or any(m.start < joined.end("first") and m.end >= joined.end("second")
                                          for m in named):
        return None
    return words.strip()


def stated_count_referred_to(before: str, block: Context) -> Count | None:
    """The count of the sentence before that a sentence opening "Of the 30," refers back to by its number (one of the
    block's last counts with that value, of one party), else None."""
    opening = regex("OfTheStatedCountOpening").match(before)
    if opening is None:
        return None
    numbers = find_numbers(opening.group("number"))
    if not numbers:
        return None
    matching = [c for c in block.last_counts if c.head.mention.value == numbers[0].value and c.head.noun not in GROUP_HEADS]
    return matching[0] if len({c.parties for c in matching}) == 1 else None


def own_clause_start(head: Head, text: str) -> int:
    """Where the clause of a count that is the subject of its own verb of dying starts, after a join ("..., and 61
    civilians died due to torture", with no noun of its own: "..., while 11 died due to torture"; round 27): no party
    named before it is the count's; so is a clause of the one who counts after a join ("..., and SNHR documented 47
    massacres and 96 deaths due to torture"); 0 for any other count."""
    reporter = regex("ReporterClauseBefore").search(text[:head.mention.start])
    if reporter:
        return reporter.start("clause")
    join = regex("OwnClauseJoinBefore").search(text[:head.mention.start])
    if join is None or head.noun == "" or not regex("OwnDyingVerbAfter").match(text[noun_end(text, head.mention):]):
        return 0
    return join.end()


def respective_party(head: Head, heads: list[Head], sentence: Sentence) -> Parties | None:
    """In "Syrian regime forces, Russian forces and ISIS killed 603, 187 and 92 civilians respectively", the party of
    the list named before the counts that stands where the count stands among them; left out (and warned) when the
    list and the counts do not pair up, or when a group's counts ("of the women, 71 and 57 respectively") have no list
    of parties or places in their sentence; None outside such a sentence (or for a group's count)."""
    text = sentence.text
    closing = regex("Respectively").search(text, head.mention.end)
    if closing is None:
        return opened_respective_party(head, heads, sentence)
    if regex("GroupOpening").match(text) and not find_parties(text[:closing.start()], sentence.source.report) \
            and not find_governorates(text[:closing.start()]):
        # "...; of the women, 71 and 57 respectively": the parties they pair with are not in their sentence
        warn_left_out(sentence.source, sentence.line_at(head.mention.start), text[:closing.end()].strip()[:80],
                      "respective")
        return LEFT_OUT
    wholes = [h for h in heads if h.noun not in GROUP_HEADS and h.mention.end <= closing.start()]
    listed = wholes if head.noun not in GROUP_HEADS else (group_run_after(head, heads, wholes, text, closing.start())
                                                          if wholes else opened_group_run(head, heads, text))
    if not listed:
        # "The SNA and the SDF killed three and six children respectively": a group's run with no whole count before,
        # paired with the parties listed right before its verb (round 76c)
        run = joined_run(head, [h for h in heads if h.noun == head.noun], text)
        paired = parties_paired_in_order(run, text, sentence.source.report) if len(run) >= 2 \
            and respectively_closes(run, heads, text) else ()
        if paired:
            return Parties((paired[run.index(head)],))
        return unpaired_respective_run(head, heads, sentence, closing.start())
    named = parties_named_before(text, (wholes or listed)[0].mention.start, sentence.source.report)
    if len(named) < 2:
        return unpaired_respective_run(head, heads, sentence, closing.start())
    chain = joined_mentions(named, text)
    if len(chain) != len(listed):
        paired = closed_run_party(head, listed, text, sentence.source.report)
        if paired is not None:
            return paired
        warn_left_out(sentence.source, sentence.line_at(head.mention.start),
                      text[chain[0].start:closing.end()].strip()[:80], "respective")
        return LEFT_OUT
    return Parties((chain[listed.index(head)].code,))


def closed_run_party(head: Head, listed: list[Head], text: str, report: str) -> Parties | None:
    """The party of ``head`` when "respectively" closes only the run of counts it is in, after other counts of its
    sentence, and the parties listed by "and" right before that run's verb are as many ("X and Y killed 1,602 and 98
    civilians respectively, while Z and W killed 71 and 19, in that order": 71 is Z's; round 76c); else None."""
    if head not in listed:
        return None
    run = joined_run(head, listed, text)
    if len(run) < 2 or run[-1] is not listed[-1] or len(run) == len(listed):
        return None
    paired = parties_paired_in_order(run, text, report)
    return Parties((paired[run.index(head)],)) if paired else None


def opened_respective_party(head: Head, heads: list[Head], sentence: Sentence) -> Parties | None:
    """In "Of the victims of X and Y, respectively, 39 and five were children", the party of the list before
    "respectively" that stands where the count stands in its run after it; left out (and warned) when they do not pair
    up; None outside such a sentence (round 71b)."""
    text = sentence.text
    openings = list(regex("RespectivelyOpening").finditer(text, 0, head.mention.start))
    if not openings:
        return None
    opening = openings[-1]
    if closes_a_run(opening, heads, text):
        return None  # "X and Y killed 41 and 7 civilians, respectively, while ...": it closes the run before it
    named = parties_named_before(text, opening.start(), sentence.source.report)
    after = [h for h in heads if h.mention.start >= opening.end()]
    run = joined_run(head, after, text) if head in after else []
    chain = joined_mentions(named, text) if len(named) >= 2 else []
    # "39 and five were children": the group said once, after the run's last count, is the first's too
    elided_group = head.noun not in GROUP_HEADS and any(h.noun in GROUP_HEADS for h in run)
    if len(chain) >= 2 and len(run) == len(chain) and not elided_group:
        return Parties((chain[run.index(head)].code,))
    warn_left_out(sentence.source, sentence.line_at(head.mention.start),
                  text[opening.start():head.window_end].strip()[:80], "respective")
    return LEFT_OUT


def unpaired_count_run(head: Head, heads: list[Head], text: str) -> list[Head]:
    """The run ``head`` is one of when it lists two or more counts of one noun together ("120 and 40 civilians", "seven
    and four children") in a sentence that pairs them with nothing by "respectively" (or "in that order"); none when
    the last count opens a clause of its own ("killed 44 and 124 civilians were killed by ...")."""
    if head.noun == "":
        return []
    run = joined_run(head, [h for h in heads if h.noun == head.noun], text)
    if len(run) < 2 or regex("OwnClauseAfterRun").match(text[noun_end(text, run[-1].mention):]):
        return []
    if head.noun == "bare" and not regex("Respectively").search(text):
        return []
    if respectively_closes(run, heads, text) or any(
            not closes_a_run(opening, heads, text)
            for opening in regex("RespectivelyOpening").finditer(text, 0, run[0].mention.start)):
        return []
    return run


def closes_a_run(opening: re.Match[str], heads: list[Head], text: str) -> bool:
    """Whether a ", respectively," closes the run of counts right before it ("X and Y killed 41 and 7 civilians,
    respectively, while ...") rather than opening the run after it ("Of the victims of X and Y, respectively, 39 and
    five were children"; round 76c)."""
    closed = [h for h in heads if h.mention.end <= opening.start()]
    return bool(closed) and len(joined_run(closed[-1], closed, text)) >= 2 \
        and respectively_closes([closed[-1]], heads, text)


def respectively_closes(run: list[Head], heads: list[Head], text: str) -> bool:
    """Whether a "respectively" (or "in that order") after the last count of ``run`` closes it, no other count coming
    between ("killed 1,602 and 98 civilians respectively"); a "respectively" of an earlier run does not ("X and Y
    killed 151 and 168 civilians respectively, Z and W 102 and 87": the second run's pairing is not said; round 76c)."""
    last = joined_run(run[-1], heads, text)[-1]  # "31, 27, 22 and 19 civilians": the run's counts of any noun
    closing = regex("Respectively").search(text, last.mention.end)
    return closing is not None and not any(
        last.mention.end <= h.mention.start and h.mention.end <= closing.start() for h in heads)


def parties_paired_in_order(run: list[Head], text: str, report: str) -> tuple[str, ...]:
    """The parties listed by "and" right before the verb of ``run`` ("X and Y killed 120 and 40 civilians"), one for
    each of its counts in order; () when they are not as many or not right before it."""
    named = parties_named_before(text, run[0].mention.start, report)
    if len(named) < 2 or not regex("PairedRunVerb").match(text[named[-1].end:run[0].mention.start]):
        return ()
    chain = joined_mentions(named, text)
    return tuple(m.code for m in chain) if len(chain) == len(run) else ()


def unpaired_respective_run(head: Head, heads: list[Head], sentence: Sentence, closing: int) -> Parties | None:
    """A count of a run that "respectively" closes but no list of parties or places pairs with ("In January and
    February, 120 and 90 civilians were killed, respectively"; "Of these, 20 and 11 were children, respectively", the
    parties of the sentence before): which count is whose the text does not say here; left out (and warned). None for
    a count of no such run, or of one paired with places (reading/governorates.py)."""
    text = sentence.text
    before = [h for h in heads if h.mention.end <= closing]
    run = joined_run(head, before, text)
    if len(run) < 2 or run[-1] is not before[-1] or len(find_governorates(text[:closing])) > 1:
        return None
    warn_left_out(sentence.source, sentence.line_at(head.mention.start), text[:closing].strip()[-80:], "respective")
    return LEFT_OUT


def group_run_after(head: Head, heads: list[Head], wholes: list[Head], text: str, closing: int) -> list[Head]:
    """The run of a group's counts ``head`` is listed in after the counts ``wholes`` that "respectively" pairs with
    parties, closed by its own "respectively" at ``closing`` ("X and Y killed 512 and 276 civilians respectively, ...,
    and 78 and 47 women respectively": 78 and 47, the women of X and Y in the same order; round 57c); none before such
    counts, nor for a run another count follows before the word."""
    if not wholes or head.mention.start < wholes[-1].mention.end:
        return []
    run = joined_run(head, [h for h in heads if h.noun == head.noun], text)
    return [] if any(run[-1].mention.end <= h.mention.start and h.mention.end <= closing for h in heads) else run


def opened_group_run(head: Head, heads: list[Head], text: str) -> list[Head]:
    """The run of a group's counts ``head`` is listed in when the sentence opens with that group and no whole count
    comes before ("Children were killed by X, Y and Z: five, two and one respectively": the children of X, Y and Z;
    round 60); none in a sentence of no such opening."""
    if not regex("GroupOpening").match(text):
        return []
    return joined_run(head, [h for h in heads if h.noun == head.noun], text)


def parties_named_before(text: str, end: int, report: str) -> list[LabelMention]:
    """The parties named in ``text`` before ``end``, a combined party's label as its members when it names each; never
    one in a relative aside ("Idlib and Rural Damascus, where the regime and Russia stormed Eastern Ghouta, were the
    deadliest governorates with 2,412 and 2,198 civilian deaths respectively": the places' counts; round 131b)."""
    asides = [(m.start(), m.end()) for m in regex("RelativeApposition").finditer(text[:end])]
    return [member for mention in find_parties(text[:end], report) for member in members_named(mention, report)
            if not any(a <= member.start < b for a, b in asides)]


def members_named(mention: LabelMention, report: str) -> list[LabelMention]:
    """The mentions of the members a combined party's label coordinates, in the text's order, when each side of its
    "and" names one of them ("Syrian regime forces and Russian forces killed 512 and 276 civilians respectively": the
    two parties "respectively" pairs with its counts; round 57c); else the label's own mention ("the Syrian-Russian
    alliance")."""
    members, join = combined_members().get(mention.code, ()), regex("CombinedMembersJoin").search(mention.text)
    if not members or join is None:
        return [mention]
    sides = ((0, mention.text[:join.start()]), (join.end(), mention.text[join.end():]))
    named = [(offset, find_parties(side, report)) for offset, side in sides]
    if any(len(found) != 1 for _, found in named) or sorted(found[0].code for _, found in named) != sorted(members):
        return [mention]
    return [LabelMention(found[0].code, mention.start + offset + found[0].start, mention.start + offset + found[0].end,
                         found[0].text) for offset, found in named]


def same_order_party(head: Head, heads: list[Head], sentence: Sentence, before: tuple[str, ...]) -> Parties | None:
    """In "The 19 children were killed by the same parties, in the same order, in numbers of 6, 2 and 1 respectively"
    after a sentence pairing parties with its counts by "respectively" (``before``, in order), the party of that list
    that stands where the count stands in its own; left out (and warned) when the lists do not pair up; None outside
    such a list."""
    text = sentence.text
    closing = regex("Respectively").search(text, head.mention.end)
    if closing is None or not regex("SameOrderParties").search(text, 0, head.mention.start):
        return None
    listed = joined_run(head, [h for h in heads if h.mention.end <= closing.start()], text)
    if len(listed) < 2:
        return None
    if len(listed) != len(before):
        warn_left_out(sentence.source, sentence.line_at(head.mention.start),
                      text[listed[0].mention.start:closing.end()].strip()[:80], "respective")
        return LEFT_OUT
    return Parties((before[listed.index(head)],))


def joined_run(head: Head, heads: list[Head], text: str) -> list[Head]:
    """The counts of ``heads`` listed with ``head``, each joined to the next by a comma or "and" ("6, 2, 1 and 5")."""
    def joined(first: Head, second: Head) -> bool:
        return bool(regex("CountListJoin").fullmatch(text[first.mention.end:second.mention.start]))
    at = heads.index(head)
    start, stop = at, at
    while start and joined(heads[start - 1], heads[start]):
        start -= 1
    while stop + 1 < len(heads) and joined(heads[stop], heads[stop + 1]):
        stop += 1
    return heads[start:stop + 1]


def party_after_count(head: Head, sentence: Sentence) -> Parties | None:
    """The party of an item that gives its count first and its party's label after a dash, as all of the item ("2,958
    — Syrian regime forces", "96 – the Kurdish-led Syrian Democratic Forces"; round 16), or right after it in a list
    whose first count names its agent after "at the hands of" ("5 at the hands of X, 2 Y"); left out (and reported) when
    the label names an actor the vocabulary lacks; None for an item of no such label."""
    match = regex("CountFirstLabelAfter").match(sentence.text[head.mention.end:])
    label = match.group("label").strip() if match else \
        elided_marker_item(sentence.text[:head.mention.start], sentence.text[head.mention.end:])
    if not label:
        return None
    report = sentence.source.report
    named = find_parties(label, report)
    if named and regex("PartyLabelLead").fullmatch(label[:named[0].start]) \
            and regex("AgentTail").fullmatch(label[named[0].end:]):
        return Parties((named[0].code,))
    if named or not regex("UnknownActor").search(label):
        return None
    report_unknown_party(f"{sentence.source.source_file}:{sentence.line_at(head.mention.start)}",
                         f"unmapped perpetrator label {label!r}", sentence.source.strict)
    return LEFT_OUT


def party_after_opening_count(head: Head, sentence: Sentence) -> Parties | None:
    """The party of a count that opens its sentence before the subject it belongs to ("With 9,002 deaths, the regime
    was responsible for 73 percent"): that subject's, when the subject is a party; None for any other count and when
    the subject is a ranked governorate (the governorates' reading); left out (and reported) when the subject is
    neither ("With 1,502 victims, March was the deadliest month")."""
    text = sentence.text
    if not regex("OpeningCountBefore").match(text[:head.mention.start]):
        return None
    match = regex("OpeningCountSubjectAfter").match(text[head.mention.end:])
    if not match:
        return None
    label = match.group("label") or ""
    named = find_parties(label, sentence.source.report)
    if named and regex("PartyLabelLead").fullmatch(label[:named[0].start]) \
            and regex("AgentTail").fullmatch(label[named[0].end:]):
        return Parties((named[0].code,))
    if ranking_subject(text) is not None:
        return None
    sentence.warn_count_left_out(head.mention.start, 0, head.mention.end + match.end(), "opening_subject")
    return LEFT_OUT


def all_by_unknown_agent(window: str, label: str, segment: str) -> bool:
    """Whether a count with no subject says all of it is the unknown actor's ("We documented 118 deaths under torture,
    all of them in the detention centres of the security branches"): still the total of all parties."""
    at = window.find(label)
    return at > 0 and bool(regex("AllOfThemBefore").search(window[:at])) and unknown_agent_before(segment) is None \
        and not regex("AgentBefore").search(segment)


def unknown_list_item(segment: str, report: str) -> str | None:
    """The label of a list item the vocabulary lacks when ``segment``, from the count before, is only the joiner and
    that label, its count right after it ("..., the opposition 9", "..., the alliance (43)"); None for any other. The
    label is looked up with its joiner, which some labels need ("..., ISIS 38 and the coalition 5": the US-led's)."""
    label = list_item_label(segment)
    return label if label and not find_parties(label, report) and not find_parties(segment, report) else None


def comma_list_item(head: Head, heads: list[Head], text: str, report: str) -> str | None:
    """The party of a list item between a count and the next when the words between them are only the joiner, the
    item's label and a comma before its apposed count ("Other parties include landmines, 318 civilians, and unidentified
    gunmen, 2,491 civilians"): that party's code; UNMAPPED and the label for an actor's label the vocabulary lacks
    ("..., Druze local factions, 214 civilians"); None for any other words, or a count with no count before it."""
    before = [m for m in find_numbers(text[:head.mention.start]) if m.end <= head.mention.start]
    if not before or noun_end(text, before[-1]) == before[-1].end or noun_end(text, head.mention) == head.mention.end:
        # (the number before it a count with its noun, a head or not: "tribal gunmen, who killed 389 civilians"; the
        # count itself with its own noun: never "71 civilians, the group said, 52 of them")
        return None
    match = regex("CommaListItemBefore").fullmatch(text[noun_end(text, before[-1]):head.mention.start])
    label = match.group("label").strip() if match else ""
    if not label or find_governorates(label):
        return None
    named = find_parties(label, report)
    if len(named) == 1 and regex("PartyLabelLead").fullmatch(label[:named[0].start]) \
            and regex("AgentTail").fullmatch(label[named[0].end:]):
        return named[0].code
    return UNMAPPED + label if not named and regex("UnknownActor").search(label) else None


def unknown_first_party_item(before: str, report: str) -> str | None:
    """The label of the first item of a list by party that the vocabulary lacks, run into its count right after the
    list's label and colon ("By party in 2025: forces of the transitional government 1,108 civilians; ..."; fx145d: read
    as every party's toll): an actor of its own; None for any other words (a party named, no such label)."""
    match = regex("PartyListFirstItemBefore").fullmatch(before)
    label = match.group("label").strip() if match else ""
    return label if label and regex("UnknownActor").search(label) and not find_parties(label, report) \
        and not find_governorates(label) else None


def unknown_clause_subject(segment: str, report: str) -> str | None:
    """The subject of a coordinated clause that the vocabulary lacks, its verb right before the count ("X killed 254
    civilians, while the government committed 19 massacres"; session 20): an actor of its own, never the party of the
    clause before; None for any other segment (a party named, a pronoun, no such clause)."""
    clause = regex("CoordinatedClauseSubject").search(segment)
    subject = clause.group("subject") if clause else ""
    return subject.strip() if subject and regex("UnknownActor").search(subject) \
        and not find_parties(segment[clause.start("subject"):], report) else None


def run_in_actor(segment: str, before: str, report: str) -> bool:
    """Whether a list item is an actor's label run straight into its bare count ("...; local militias 12"), the actor
    one the vocabulary lacks."""
    match = regex("RunInCountLabel").fullmatch(segment)
    label = match.group("label") if match else ""
    return bool(label and regex("ListItemBreakBefore").search(before) and regex("UnknownActor").search(label)
                and not find_parties(label, report))


def is_part_of_party(code: str, parties: tuple[str, ...]) -> bool:
    """Whether the party ``code`` is one of ``parties``, a member of one (a combined party) or a subcategory of one."""
    members, groups = combined_members(), perpetrator_groups()
    return any(code == party or code in members.get(party, ()) or PARENT_OF_GROUP.get(groups.get(code, "")) == party
               for party in parties)


def names_its_members(window: str, subject: tuple[str, ...], report: str) -> bool:
    """Whether the count's window names two parties or more, each a member or subcategory of its one ``subject`` party
    and none that party itself ("Other parties killed 35 civilians ... in drowning, landmine explosions and ..."): the
    ways the subject's victims died, not the agent of the count."""
    codes = {m.code for m in find_parties(window, report)}
    return len(subject) == 1 and len(codes) >= 2 and subject[0] not in codes \
        and all(is_part_of_party(code, subject) for code in codes)


def named_in_window(window: str, report: str, subject_named: bool = False) -> Parties | None:
    """ "killed by X", "each at the hands of X and Y": the parties after the count. With a subject named before the
    count, an agent right after a part of it is the part's ("Other parties killed 45 civilians, including 9 children in
    landmine explosions"; round 81c); with none, the count's ("the killing of 151 civilians, including 20 children and
    13 women by other parties")."""
    backward = [m for m in find_parties(window, report)
                if (is_backward(window, m) or regex("PredicateParty").fullmatch(window[:m.end])
                    or labelled_with_count_noun(window, m))
                and not regex("PartialBefore").search(window[:m.start])
                and not (subject_named and regex("IncludedPartAgentBefore").search(window[:m.start]))
                and not regex("NotTheAgentBefore").search(window[:m.start])  # "the ceasefire brokered by Russia"
                and not regex("AnotherPartyOfAfter").match(window[m.end:])  # "by ISIS's rival, the Nusra Front"
                and not regex("PartyEndAfter").match(window[m.end:])  # "the month in which the regime fell"
                and not regex("UnderAPartysRule").match(window[m.end:])]  # "40 civilians under regime control"
    if len(backward) > 1 and regex("WholeOfAPartyAfter").fullmatch(window[:backward[0].start]):
        backward = backward[1:]  # "31 of the victims of other parties were killed by landmines": the agent after's
    if not backward:
        return None
    named_group = regex("BothNamedGroupBy").search(window[: backward[0].start])
    if named_group and (named_group.group("group") or named_group.group("subject")).lower() \
            not in window[: named_group.start()].lower():
        return None  # "one medical worker were killed, both Civil Defense members by X": another group's agent
    also_total = bool(regex("BothOrAll").search(window[: backward[0].start])
                      or regex("CommittedByAside").match(window[: backward[0].start]))
    if regex("EachWord").search(window[: backward[0].start]):
        chained = [backward[0]] + list(find_parties(window[backward[0].end:], report))
        return Parties(tuple(code for m in chained for code in each_party_of(m)), also_total=also_total)
    in_detention = bool(regex("DetentionOf").search(window[: backward[0].start])
                        or regex("DetentionAfter").match(window[backward[0].end:]))
    return Parties((backward[0].code,), also_total=also_total, in_detention=in_detention)


def part_subject(after: str, report: str) -> str | None:
    """The party that is the subject of the count's own relative clause, right after "of which" and before its verb
    ("31 of which the Syrian-Russian alliance committed", "41 of whom government forces killed"; ``after``: the text
    after the count): the part's agent, as after "by"."""
    named = find_parties(after, report)
    if named and regex("PartSubjectBefore").fullmatch(after[:named[0].start]) \
            and regex("PartSubjectVerbAfter").match(after[named[0].end:]):
        return named[0].code
    return None


def labelled_with_count_noun(window: str, mention: LabelMention) -> bool:
    """Whether the party's label opens the count's window with the count's own noun and names its agent ("9 killings by
    unknown gunmen", "4 killings whose perpetrators remain unknown"): the agent named after the count, as after "killed
    by"."""
    return not window[:mention.start].strip() and bool(regex("CountNounByLabel").match(mention.text))


def each_party_of(mention: LabelMention) -> tuple[str, ...]:
    """The parties a count said of each party after it names ("one each by Syrian regime forces and Russian forces"):
    a combined label joining two parties' names is each member, not the two together; any other label its own code."""
    members = combined_members().get(mention.code, ())
    return members if members and regex("EachJoinedParties").search(mention.text) else (mention.code,)


def row_label_before(segment: str, report: str) -> bool:
    """Whether ``segment`` ends in a row label of a flattened table ("Civilian deaths at the hands of ISIS Civilian
    death toll"): a party after "at the hands of" that runs into the count with no punctuation between."""
    return any(is_backward(segment, m) and not regex("RowLabelStop").search(segment[m.end:])
               for m in find_parties(segment, report))


def counted_brackets(text: str) -> list[tuple[int, int]]:
    """The spans of closed brackets breaking a count down by party ("26 massacres (Syrian regime forces 9, Russian
    forces 8, other parties 9), in which 213 civilians were killed"): a count after them is never the last party's
    inside (round 133d)."""
    return [(match.start(), match.end()) for match in regex("CountedBrackets").finditer(text)]


def explaining_brackets(text: str, named: list[LabelMention]) -> list[tuple[int, int]]:
    """The spans of brackets right after a party label of ``named`` that say what the label covers ('"other parties"
    (landmines, ... and killings by unidentified gunmen)'): the parties inside are the label's parts."""
    found = (regex("ExplainingBrackets").match(text, mention.end) for mention in named)
    return [(match.start("brackets"), match.end("brackets")) for match in found if match]


def named_in_segment(segment: str, after: str, report: str) -> tuple[str, ...]:
    """ "..., Russian forces and the SDF two each", "HTS killed 3", "ISIS and Russian forces killed one civilian each":
    the parties named before the count, in its own reported clause (never before "..., and that", "said ... that")."""
    segment = segment[max((m.end() for m in regex("NewThatClause").finditer(segment)), default=0):]
    described = place_descriptions(segment)
    named = [m for m in without_aliases(find_parties(segment, report), segment)
             if not any(a <= m.start < b for a, b in described)]
    if named and regex("LabelToCount").fullmatch(segment[named[-1].end:]):  # elliptical; "unidentified groups (34)"
        if regex("EachNext").match(after):
            return tuple(code for m in named if regex("PartyListJoin").fullmatch(segment[m.end:named[-1].start])
                         or m is named[-1] for code in each_party_of(m))
        return (named[-1].code,)
    for at, mention in reversed(list(enumerate(named))):
        before = segment[:mention.start]
        elided_of = regex("ElidedOfMarker").match(segment[mention.end:]) and regex("ElidedOfGapBefore").search(before)
        # "other parties, among them landmine explosions, which claimed 16 lives": the member's own count (round 141a)
        which = regex("WhichKilledBefore").fullmatch(segment[mention.end:])
        if (regex("ForwardMarker").match(segment[mention.end:]) or elided_of or which) \
                and not regex("PartialBefore").search(before) \
                and (which or not regex("MembersBefore").search(before)) and not regex("NotTheAgentBefore").search(before):
            each = regex("EachAfter").match(after) or regex("EachWord").search(segment[mention.end:])
            # "ISIS and Russian forces killed one civilian each", "X and Y were each responsible for one": both, a
            # combined label joining two parties' names ("Syrian regime forces and Russian forces committed two
            # massacres each"; round 27) each member
            return tuple(code for m in joined_mentions(named[:at + 1], segment) for code in each_party_of(m)) \
                if each else (mention.code,)
    return ()


def place_descriptions(text: str) -> list[tuple[int, int]]:
    """The spans of descriptions set off after a governorate's name ("Aleppo, the main battleground of regime and
    opposition forces, recorded 402"): the parties they name are no agent of the place's count."""
    found = (regex("PlaceDescriptionAfter").match(text, place.end) for place in find_governorates(text))
    return [(match.start(), match.end()) for match in found if match]


def combined_by_breakdown(codes: tuple[str, ...], segment: str, after: str, report: str,
                          value: float) -> tuple[str, ...]:
    """The parties of a count whose subject, from 2018 one party's label ("Extremist Islamist groups": HTS), is broken
    down right after it into ISIS and the rest ("... killed 96 civilians: ISIS 71 and HTS 25", "...: 11 civilians,
    distributed as follows: ISIS: 7 ...", "... killed 7 civilians, the report says: 5 at the hands of ISIS and 2 ..."),
    or announces a breakdown in the items after it ("...: 4 civilians, distributed as follows:"), or names HTS first with
    fewer than the label's ``value`` ("...: 9 civilians, distributed as follows: Hay'at Tahrir al-Sham: 7."): the
    combined group."""
    named = find_parties(segment, report)
    breakdown = regex("BreakdownAfter").match(after)
    if codes != ("hts",) or not named or not regex("CombinedLabel").search(named[-1].text):
        return codes
    if regex("BreakdownFollows").match(after):
        return ("extremist_islamic_groups",)  # "...: 4 civilians, distributed as follows:" (the members in the items after)
    if not breakdown:
        return codes
    parts = after[breakdown.end():]
    lead = regex("BreakdownCountBy").match(parts)  # "...: 5 at the hands of ISIS and 2 at the hands of HTS"
    members = find_parties(parts, report)
    first = {lead.end(), lead.start("article") if lead.group("article") else lead.end()} if lead else {0}
    # "...: 9 civilians, 5 of them killed by HTS and 4 by ISIS": HTS's count, before its name, fewer than the label's
    fewer_before = bool(lead) and parse_number(lead.group("count")) < value
    split = members and members[0].start in first \
        and (members[0].code == "isis" or fewer_before or fewer_than_label(members[0], parts, value))
    return ("extremist_islamic_groups",) if split else codes


def fewer_than_label(member: LabelMention, parts: str, value: float) -> bool:
    """Whether a breakdown's first member is HTS with a count right after its name smaller than the label's ``value``
    ("Hay'at Tahrir al-Sham: 7." of 9, "Hay'at Tahrir al-Sham killed three" of 14): the label counts more than HTS."""
    lead = regex("BreakdownMemberCount").match(parts[member.end:])
    if member.code != "hts" or lead is None:
        return False
    numbers = find_numbers(parts[member.end + lead.end():])
    return bool(numbers) and numbers[0].start == 0 and numbers[0].value < value


def relative_subject(segment: str, before: str, report: str) -> str | None:
    """The party a relative clause making up the count's segment refers back to ("12 civilians were killed by the SDF,
    who were also responsible for one death due to torture"; round 31): the party that ends the words before it (the
    count before's window); None for any other segment."""
    if not regex("RelativeSubjectBefore").fullmatch(segment):
        return None
    named = find_parties(before, report)
    return named[-1].code if named and regex("AgentTail").fullmatch(before[named[-1].end:]) else None


def party_of_coordinated_counts(head: Head, heads: list[Head], text: str, report: str) -> str | None:
    """The party of a list of coordinated counts given once, by the verb after its last item: "One medical worker and
    one Civil Defense member were killed by Syrian regime forces" (round 17), "11 children and 3 women were killed by
    Russian forces" (victim groups, each of another group; session 44: the children had been all parties'); None for
    any other count."""
    group = head.noun in GROUP_HEADS
    if head.noun in ("", "bare") or regex("OwnVerbJustBefore").search(text[:head.mention.start]):
        return None  # "landmines claimed 31 lives, and 116 civilians were killed by X": the 31 are the landmines'
    previous, comma = head, False
    for item in heads[heads.index(head) + 1:]:
        join = text[noun_end(text, previous.mention):item.mention.start]
        if (item.noun in GROUP_HEADS) != group or (group and item.noun == previous.noun) or item.noun in ("", "bare") \
                or not regex("CountListJoin").fullmatch(join):
            return None
        comma = comma or "," in join
        after = text[noun_end(text, item.mention):item.window_end]
        verb = regex("SharedKilledBy").match(after)
        if verb and comma and not verb.group("finite"):
            return None  # "one medical worker, and one Civil Defense member killed by X": the last item's
        if verb:
            named = find_parties(after[verb.end():], report)
            return named[0].code if named and named[0].start == 0 else None
        previous = item
    return None


def coordinated_with_group_before(head: Head, heads: list[Head], text: str) -> bool:
    """Whether a victim group's count is joined to another group's count right before it by "and" or a comma alone
    ("97 children and 58 women"), that count a head of its own or one of the groups of the head before: one object of
    the same verb, so of the same agent."""
    index = heads.index(head)
    if index == 0 or head.noun not in GROUP_HEADS:
        return False
    before = heads[index - 1]
    if before.noun in GROUP_HEADS:  # two groups ("Of June's 34 children, 12 were killed by X": a part of the one)
        return before.noun != head.noun and bool(
            regex("CountListJoin").fullmatch(text[noun_end(text, before.mention):head.mention.start]))
    joined = regex("GroupCountJoinedBefore").search(text[before.mention.end:head.mention.start])
    group = ("children" if regex("ChildNoun").fullmatch(joined.group("noun")) else "women") if joined else head.noun
    return group != head.noun


def party_of_likewise_count(head: Head, heads: list[Head], text: str, report: str) -> str | None:
    """The party of a count joined by "as were" to the count before it and its agent: "Two medical personnel were
    killed by Syrian regime forces, as were three Civil Defense workers" (round 70a); None for any other count, and
    for one whose agent is not one party alone."""
    index = heads.index(head)
    if index == 0 or head.noun in GROUP_HEADS or head.noun in ("", "bare"):
        return None
    between = text[noun_end(text, heads[index - 1].mention):head.mention.start]
    verb, likewise = regex("LikewiseKilledBy").match(between), regex("LikewiseBefore").search(between)
    if not verb or not likewise:
        return None
    agent = between[verb.end():likewise.start()]
    named = find_parties(agent, report)
    if len(named) != 1 or named[0].start != 0 or agent[named[0].end:].strip():
        return None
    return named[0].code


def party_of_a_list(tail: str, report: str, value: float, measure: str = "") -> str | None:
    """The party of "N medical personnel, N media workers and N ..., all at the hands of X", for each item (``value``
    the count's, ``tail`` the words after it); not of a count whose own parties come before it ("seven medical
    personnel, five by X and two by Y, and three media workers, all of them by X"); "both" only of a list of two
    counts of two victims in all ("one medical worker and one Civil Defense volunteer, both in shelling by X"; "3
    medical personnel and 2 media workers, both of them by X": the two media workers only, round 52); never of a list
    mixing massacres with deaths ("six massacres in March, and 17 individuals who died due to torture, all of them at
    the hands of X": the deaths' party, whether the massacres' too the words do not say; fix71d); JOINT_AGENTS when it
    names two agents joined by "or" or "and" ("..., all killed by Syrian regime or Russian forces")."""
    match = regex("AllByParty").search(tail)
    subject = regex("AllBySubjectBefore").search(tail[: match.start()]) if match else None
    if subject and regex("AllByLatterSubject").fullmatch(subject.group(0)) and not find_numbers(tail[: match.start()]):
        subject = None  # "..., the latter all by X": the last count's party (this one's: no count after it)
    if not match or regex("GroupBreak").search(tail[: match.start()]) or find_parties(tail[: match.start()], report) \
            or subject:
        return None  # (nor "..., the media activists all killed by X": the subject named again, not every count)
    listed_measures = measures_named(tail[: match.start()])
    if (measure == "massacres" and listed_measures - {"massacres"}) \
            or (measure != "massacres" and "massacres" in listed_measures):
        return None
    listed = find_numbers(tail[: match.start()])
    if match.group("both") and (len(listed) != 1 or value + listed[0].value != 2):
        return None  # "76 civilians, ..., and two who died due to torture, both at the hands of X": the two only
    counted = find_numbers(match.group("all_count")) if match.group("all_count") else []
    if counted and counted[0].value != value + sum(n.value for n in listed):
        return None  # "two media workers, and three Civil Defense members, all three killed by X": the three only
    agents = tail[match.end():]
    mentions = find_parties(agents, report)
    if len(mentions) >= 2 and mentions[0].start == 0 \
            and regex("AgentsJoinedBy").fullmatch(agents[mentions[0].end:mentions[1].start]):
        return JOINT_AGENTS  # "..., all killed by Syrian regime or Russian forces": whose each is, not said
    return mentions[0].code if mentions and mentions[0].start == 0 else None


def total_unless_subject(named: Parties | None, segment: str, after: str, report: str) -> Parties | None:
    """ "all at the hands of X" after a count whose clause names its subject, a known party or an unknown actor
    ("Extremist groups killed four civilians, all at the hands of HTS"): the subject's count, never also the total."""
    if named is None or not named.also_total:
        return named
    if named_in_segment(segment, after, report) or unknown_agent_before(segment):
        return Parties(named.codes)
    return named


def is_remainder(segment: str, after: str) -> bool:
    """Whether the count after ``segment`` is the rest of a whole ("the remaining 63", "of the other 676", "the 71
    remaining victims"), or "the other two" ending its sentence ("... is still verifying who held the other two.");
    never "the other two fatal shootings taking place in X and Y", the last places of a breakdown."""
    return bool(regex("RemainderBefore").search(segment) or regex("RemainderAfter").match(after)
                or regex("OtherOnesBefore").search(segment) and regex("OtherOnesEndAfter").match(after))


def antecedent(pronoun: str, subject: str | None, sentence: Sentence, start: int) -> Parties:
    """The party a pronoun subject stands for; left out (and reported) when the sentence before named none."""
    if subject is None or subject.startswith(UNMAPPED):
        named = subject[len(UNMAPPED):] if subject else ""
        what = f"unmapped perpetrator label {named!r}" if named else "a subject that names no party"
        report_unknown_party(f"{sentence.source.source_file}:{sentence.line_at(start)}",
                             f"{pronoun!r} refers to {what}", sentence.source.strict)
        return LEFT_OUT
    return Parties((subject,))


def heading_party(section: Context) -> str | None:
    """The one party the heading above names, None under a heading naming none (or an actor the vocabulary lacks)."""
    return section.party if section.party not in (None, "all", UNMAPPED) else None


def context_party(block: Context, section: Context, continues: bool) -> Parties:
    """The party the heading or (if the count ``continues`` it) the sentence before named, if any; else all parties."""
    context = (block.party if continues else None) or section.party
    if context == UNMAPPED:  # under a heading naming an unknown actor
        return LEFT_OUT
    if context and context != "all":
        return Parties((context,), from_context=True)
    return Parties(("all",))


def named_alliance(text: str, report: str) -> str | None:
    """The last party an "alliance" label names in ``text`` ("by the Syrian-Russian alliance"), else None."""
    named = [m for m in find_parties(text, report) if regex("AllianceLabel").search(m.text)]
    return named[-1].code if named else None
