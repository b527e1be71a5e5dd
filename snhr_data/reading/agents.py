"""Agents: who a sentence says killed, when the vocabulary of parties does not say it by name. An actor
the vocabulary lacks ("Armed groups loyal to the former regime") is reported with file and line and its
figures are left out, never given to another party; a pronoun ("They killed 12") takes the party of the
sentence before, if that sentence's subject named one. Patterns: ``vocab/agents.yaml``."""
from __future__ import annotations

import re

from ..grammar import regex
from ..vocab import LabelMention, find_governorates, find_parties
from .model import UNMAPPED


def is_backward(text: str, mention: LabelMention) -> bool:
    """Whether the party at ``mention`` follows "by", "at the hands of" ...: it did what the words before say."""
    return bool(regex("BackwardMarker").search(text[: mention.start])
                or regex("AttributedToBefore").fullmatch(text[: mention.start]))


def is_known_agent(label: str, report: str) -> bool:
    """ "ISIS cells", "Syrian National Army factions", "Kurdish forces (PYD)": a known party, perhaps with a word such as
    "cells" or its own short name in brackets."""
    mentions = find_parties(label, report)
    if mentions and regex("TiedToAPartyBefore").search(label[:mentions[0].start]):
        return False  # "loyalists of the Assad regime": an actor named by its tie to a party, not the party (round 109c)
    if mentions and regex("AgentTail").fullmatch(label[mentions[-1].end:]):
        return True
    bare = regex("LabelAside").sub("", label)
    named = find_parties(bare, report)
    return (bool(named) and bool(regex("AgentTail").fullmatch(bare[named[-1].end:]))
            and {m.code for m in mentions} == {named[-1].code})


def unknown_agent_after(window: str, report: str) -> str | None:
    """The agent of "killed by <agent>" right after a count, if any (a method such as "shelling" is no agent)."""
    match = regex("AgentAfter").search(window)
    described = regex("DescribedAgent").match(match.group("label")) if match else None
    if described:
        return described.group("label")  # "to gunmen it described as remnants of the Assad regime": the actor described
    if not match or regex("NotAnAgent").fullmatch(match.group("label")) or regex("Method").match(match.group("label")) \
            or opens_a_party(window, match.start("label"), report):
        held = regex("DetentionAgentAfter").match(window)  # "one in a government detention facility"
        return held.group("label") if held and regex("UnknownActor").search(held.group("label")) else None
    return match.group("label")


def is_clash_sides(window: str, label: str) -> bool:
    """Whether the agent read after a count is the sides of the clashes it died in ("in clashes between clans")."""
    match = regex("AgentAfter").search(window)
    return bool(match) and match.group("label") == label \
        and bool(regex("ClashSidesAgentAfter").search(window[: match.start("label")]))


def blamed_on_agent(window: str, segment: str) -> str | None:
    """The actor of "blamed N (of the deaths) on <actor>" (the verb before the count, the actor after it), if the words
    after "on" name one, not a method ("blamed 40 deaths on air strikes")."""
    if not regex("BlamedVerbBefore").search(segment):
        return None
    match = regex("AgentBlamedOn").match(window)
    label = match.group("label") if match else ""
    return label if label and not regex("NotAnAgent").fullmatch(label) and not regex("Method").match(label) else None


def opens_a_party(window: str, at: int, report: str) -> bool:
    """Whether a known party's name starts at ``at``, where the agent's label starts: a label cut at the name's own
    "and" ("by Russian and government warplanes": the alliance's name, no actor "Russian")."""
    return any(m.start == at for m in find_parties(window, report))


def unknown_agent_before(segment: str) -> str | None:
    """The subject of "<subject> killed N" (its last clause), if it is not a pronoun or the publisher; the actor of a
    flattened table's row label run into the count ("Victims of the foreign militias Civilians 22"); killers the text
    could not name ("we could not identify the killers of the remaining 100")."""
    row = row_label_agent(segment) or regex("AgentUnidentified").search(segment)
    if row:
        return row.group("label")
    match = regex("AgentBefore").search(segment) or long_unknown_subject(segment)
    labelled = regex("ParenthesisedCountLabel").search(segment) or regex("ParenthesisedCountAgentLabel").search(segment)
    if not match and labelled and regex("UnknownActor").search(labelled.group("label")):
        match = labelled  # "... and foreign militias (7)"
    actor = (regex("AgentIfActor").search(segment) or regex("AgentBlamed").search(segment)
             or regex("ElidedAgentBefore").search(segment))
    # (its speaker's words opening it dropped: "The group said Raqqa province alone accounted for 512" is a place's)
    actor_label = regex("LeadingConjunction").sub("", actor.group("label") or actor.groupdict().get("elided") or "") \
        if actor else ""
    if not match and actor_label and (regex("UnknownActor").search(actor_label)
                                      or is_elided_proper_name(actor.groupdict().get("elided"))):
        return actor_label  # "Parties SNHR could not identify accounted for 146", "and armed remnants of the former regime
        # for 14", "and the Mars Legion for five"
    held = regex("AgentHeld").search(segment)
    if not match and held:
        match = held  # "The report held the interim government's forces responsible for 28 deaths", "It blamed X for"
    label = regex("LeadingConjunction").sub("", (match.group("label") or match.groupdict().get("blamed")).strip()) \
        if match else ""
    if not label or regex("NotAnAgent").fullmatch(label) or is_anaphor(label):
        return None
    return label


def long_unknown_subject(segment: str) -> re.Match[str] | None:
    """The subject of "<subject> were responsible for N" longer than AgentBefore's, a noun phrase with a participle's
    words after it ("Armed factions and individuals taking part in the operations alongside the forces of the interim
    government"), when it names no known party (one that does is read by the party rules)."""
    match = regex("AgentBeforeLong").search(segment)
    if not match or regex("NoLongAgent").search(match.group("label")):
        return None
    return match if not find_parties(match.group("label")) else None


def list_item_label(before: str) -> str | None:
    """The label of a list item between a count and the next when ``before`` is only the joiner and that label
    ("..., the opposition 9", "..., the alliance (43)"), the next count's verb and noun left out; None for any other
    words, or a place's label."""
    match = regex("UnknownListItemBefore").fullmatch(before)
    label = match.group("label") if match else ""
    return label if label and not find_governorates(label) else None


def elided_marker_item(before: str, after: str) -> str | None:
    """The label right after a count of a list whose first count names its agent after "at the hands of" or "by" and
    whose next counts name theirs right after them, the marker left out ("...: 5 at the hands of X, 2 Y and one Z"):
    a known party's or an actor's label; None for any other words."""
    if not regex("HandsOfListBefore").search(before):
        return None
    match = regex("HandsOfListItemAfter").match(after)
    label = match.group("label").strip() if match else ""
    named = find_parties(label)
    if named and regex("PartyLabelLead").fullmatch(label[:named[0].start]) \
            and regex("AgentTail").fullmatch(label[named[0].end:]):
        return label
    return label if label and not named and regex("UnknownActor").search(label) else None


def is_elided_proper_name(elided: str | None) -> bool:
    """Whether an actor's label before an elided "for N" is a name in title case ("and the Mars Legion for five"), no
    place's."""
    return bool(elided) and bool(regex("ElidedProperName").fullmatch(elided.strip())) and not find_governorates(elided)


def is_anaphor(label: str) -> bool:
    """Whether a subject is an anaphor ("The factions", "These forces"): the party of the sentence or heading before."""
    return bool(regex("AnaphorSubject").fullmatch(label + " killed "))


def method_subject(segment: str) -> str | None:
    """The subject of "<subject> killed N" when it names only means of killing ("Air strikes and shelling"), perhaps
    in some places ("Car bombs in the northern cities of ..."), else None."""
    placed = regex("MethodSubjectInPlace").search(segment)
    if placed:
        return placed.group("label")
    match = regex("AgentBefore").search(segment)
    label = regex("LeadingConjunction").sub("", match.group("label").strip()) if match else ""
    return label if label and regex("MethodSubject").fullmatch(label) else None


def row_label_agent(text: str) -> re.Match[str] | None:
    """The label of a flattened table's row that ``text`` ends in, run into the row's count ("Victims of the foreign
    militias Civilians ", "Foreign militias Civilians "), when it names an actor."""
    row = regex("RowLabelAgent").search(text)
    return row if row and (row.group("opener") or regex("UnknownActor").search(row.group("label"))) else None


def unknown_agent(window: str, segment: str, report: str) -> str | None:
    """ "killed by <Some Unknown Forces>", "<some unknown forces> killed N": the label of an agent that the
    vocabulary lacks, or None."""
    label = unknown_agent_after(window, report) or blamed_on_agent(window, segment) or unknown_agent_before(segment)
    if label and is_clash_sides(window, label):
        label = unknown_agent_before(segment) or label  # "Clan militiamen killed four civilians in clashes between
        # families": the subject killed; the clashes' sides are the circumstances (fx145a)
    if not label or is_known_agent(label, report) or is_known_agent_before_its_verb(label, segment, report):
        return None
    return label


def is_known_agent_before_its_verb(label: str, segment: str, report: str) -> bool:
    """Whether a subject is a party the vocabulary names only before the verb that follows it ("while the government
    also committed 19 massacres", a release before the fall: the regime; round 71b), read in its segment."""
    at = segment.rfind(label)
    if at < 0:
        return False
    rest = segment[at:]
    return any(regex("PartyLabelLead").fullmatch(rest[:m.start]) and regex("AgentTail").fullmatch(label[m.end:])
               for m in find_parties(rest, report) if m.end <= len(label))


def subject_party(sentence: str, report: str) -> str | None:
    """The party named by a sentence's subject ("ISIS cells attacked ...": isis), or by an item's label
    ("International Coalition forces: none."), UNMAPPED + label for an actor the vocabulary lacks ("Armed groups
    loyal to the former regime attacked ..."), None when there is none."""
    subject = regex("SentenceSubject").match(sentence)
    if not subject or regex("AnaphorSubject").search(subject.group("subject") + " killed "):
        return label_party(sentence, report)
    named = find_parties(subject.group("subject"), report)
    if named and regex("AgentTail").fullmatch(subject.group("subject")[named[-1].end:]):
        return named[-1].code
    if named and is_known_agent(subject.group("subject"), report) \
            and (bare := find_parties(regex("LabelAside").sub("", subject.group("subject")), report)):
        # "Self-management forces (mainly the Democratic Union Party) killed 21 civilians": the party, its aside
        # naming it again (round 130a: "their prisons" after it had referred to an unknown actor)
        return bare[-1].code
    return UNMAPPED + subject.group("subject").strip() if regex("UnknownActor").search(subject.group("subject")) else None


def label_party(sentence: str, report: str) -> str | None:
    """The one party an item's label names, the whole label being its name ("Russian forces: ..."), else None."""
    match = regex("Label").match(sentence.strip())
    label = match.group("label").strip() if match else ""
    named = find_parties(label, report) if label else []
    return named[0].code if len(named) == 1 and named[0].start == 0 and not label[named[0].end:].strip() else None


def refers_back(segment: str, after: str) -> bool:
    """Whether a count speaks of the victims of the sentence before ("Of these, ten were children", "four of them
    died under torture"); a count that does not ("SNHR has documented the killing of 358 civilians", "In June
    alone, 204 civilians were killed") is not the party of the sentence before; words of a clause before its own
    that-clause ("most of these victims were counted in July, and that in August alone 47 ...") or where-clause ("Many of
    them died in X, where the monitor recorded 412 ...") speak of those."""
    own = segment[max((m.end() for m in regex("OwnClauseOpening").finditer(segment)), default=0):]
    return bool(regex("BackReferenceBefore").search(own) or regex("BackReferenceAfter").match(after))


def is_included_part(segment: str) -> bool:
    """Whether a count opens a part "including" right after the count before it ("three civilians were killed by X,
    including one who died under torture"): a part of that count."""
    return bool(regex("IncludedPartBefore").fullmatch(segment))


def anaphor_subject(segment: str):
    """The pronoun or anaphor subject of "killed" right before a count ("They killed", "The group killed")."""
    return regex("AnaphorSubject").search(segment)


def is_unknown_party_heading(text: str) -> bool:
    """A heading naming an actor that no vocabulary entry maps ("C. Armed groups loyal to the former regime:")."""
    return bool(regex("UnknownPartyHeading").search(text)) and not regex("NotAPartyHeading").search(text)
