"""Zeros stated in words: "We documented no deaths among medical personnel", "no media workers or Civil
Defense personnel were killed", "No one died due to torture", and one party's: "Russian forces killed no civilians",
"ISIS was not responsible for any of the civilian deaths". Patterns: ``ZeroStatement``, ``PartyZero`` in
``vocab/clauses.yaml``."""
from __future__ import annotations

import re

from ..grammar import regex, regexes_for
from ..vocab import find_governorates, find_parties, joined_mentions
from .heads import noun_of
from .measure import NOUN_MEASURE
from .agents import label_party
from .model import NO_PERIOD, UNMAPPED, Context, Figure, Sentence
from .text import masked, quote_around


def read_zero_statements(sentence: Sentence, block: Context, section: Context) -> list[Figure]:
    """One zero per measure the sentence says no one of was killed, and one per party it says killed no one."""
    text, seen, figures = sentence.text, set(), []
    if not regex("ZeroWord").search(text):
        return figures
    # "no fewer than 145", "not less than 30": a bound of a count, never a zero (fx154ab: "ISIS killed no fewer than
    # 145 civilians" had been read as ISIS's zero too)
    probe = masked(text, [m.span() for m in regex("ZeroWordHedge").finditer(text)])
    party_zeros = [m for pattern in regexes_for("PartyZero", probe) for m in pattern.finditer(probe)]
    # a zero of one party ("no deaths among medical personnel by the SDF") is no zero of all parties; a zero after it
    # is read without it ("X killed no civilians in June, and no media workers were killed")
    rest = masked(probe, [(p.start(), p.end()) for p in party_zeros])
    zeros = [m for pattern in regexes_for("ZeroStatement", rest) for m in pattern.finditer(rest)
             if not any(p.start() < m.end() and m.start() < p.end() for p in party_zeros)]
    period = zero_period(sentence, block, section) if zeros or party_zeros else None
    if period is None:
        return figures  # no zero, or "during Ramadan": either of two months
    for match in zeros:
        for code in governorate_zeros(match.group("group")):
            if ("civilian_deaths", code) not in seen:
                seen.add(("civilian_deaths", code))
                figures.append(sentence.figure(period, "civilian_deaths", "all", "all", code, "count", "", 0.0, "exact",
                                               sentence.line_at(match.start()),
                                               quote_around(text, match.start(), match.end()), "stated as no deaths"))
        for group in with_shared_noun([regex("ZeroGroupArticle").sub("", item)
                                       for item in regex("ZeroGroupSplit").split(match.group("group"))]):
            measure = NOUN_MEASURE.get(noun_of(" " + group)[0]) or (
                "torture_deaths" if regex("TortureZero").match(group) else None)
            if measure and measure not in seen:
                seen.add(measure)
                figures.append(sentence.figure(period, measure, "all", "all", "all", "count", "", 0.0, "exact",
                                               sentence.line_at(match.start()),
                                               quote_around(text, match.start(), match.end()), "stated as no deaths"))
    for match in party_zeros:
        if find_governorates(match.group("group") + re.split(r"[.,;]", text[match.end():], maxsplit=1)[0]):
            continue  # "Russian forces killed no civilians in Idlib": a governorate's zero, no column holds it
        parties = zero_parties(match.group("party"), sentence, block)
        # each group of the zero ("no children or women were among them": a zero of each; fx134d)
        groups = with_shared_noun(regex("ZeroGroupSplit").split(match.group("group"))) \
            if match.group("group").strip() else [match.group("group")]
        for group in groups:
            measure, victim = zero_measure(group, block)
            for party in parties if measure else ():
                if (party, measure, victim) in seen:
                    continue  # one zero, however many wordings match
                seen.add((party, measure, victim))
                figures.append(sentence.figure(period, measure, victim, party, "all", "count", "", 0.0, "exact",
                                               sentence.line_at(match.start("party")),
                                               quote_around(text, match.start(), match.end()), "stated as no deaths"))
    return figures


def zero_measure(group: str, block: Context) -> tuple[str | None, str]:
    """The measure and victim group of one group of a party's zero ("civilians", "children", "deaths due to torture");
    no measure for another (workers), nor for none named outside a block of civilian deaths."""
    noun = noun_of(" " + group)[0] if group.strip() else ""
    if regex("TortureZero").match(group):
        return "torture_deaths", "all"
    if noun in {"generic", "children", "women"} or (not noun and block.measure == "civilian_deaths"):
        return "civilian_deaths", noun if noun in {"children", "women"} else "all"
    return None, "all"


def governorate_zeros(group: str) -> tuple[str, ...]:
    """The governorates a zero of civilian deaths names as a list of their names alone ("civilian deaths in Tartus or
    Suwayda governorates"): each one's zero of all parties; none for any other place ("in Aleppo city")."""
    match = regex("ZeroInGovernorates").match(group)
    if not match:
        return ()
    listed = match.group("list")
    named = find_governorates(listed)
    if not named or listed[:named[0].start].strip() or listed[named[-1].end:].strip() \
            or not all(regex("ZeroGovernorateJoin").fullmatch(listed[a.end:b.start]) for a, b in zip(named, named[1:])):
        return ()
    return tuple(dict.fromkeys(m.code for m in named))


def with_shared_noun(groups: list[str]) -> list[str]:
    """The groups of one zero, an item of no noun of its own given the last item's ("No medical or media workers":
    "medical workers" and "media workers"; round 53a): the last item's noun, words after it left ("any medical or
    media worker during the month": "medical worker"; round 114a)."""
    noun, end = noun_of(" " + groups[-1]) if groups else ("", 0)
    shared = (" " + groups[-1])[:end].split()[-1:] if noun else groups[-1].split()[-1:] if groups else []
    return [group if noun_of(" " + group)[0] or not shared else f"{group.strip()} {shared[0]}" for group in groups]


def states_zero(text: str) -> bool:
    """Whether ``text`` says that no one of a group, or no one at a party's hands, was killed."""
    return bool(regex("ZeroWord").search(text)) and any(
        pattern.search(text) for name in ("ZeroStatement", "PartyZero") for pattern in regexes_for(name, text))


def zero_period(sentence: Sentence, block: Context, section: Context) -> str | None:
    """The period of a sentence's zeros: the first it names, else the block's, section's or report's."""
    found = [p for p in sentence.source.periods(sentence.text) if p.period or p.kind in {"ambiguous", "unreadable"}]
    period = found[0].period if found else (block.period or section.period or sentence.source.period)
    return None if period in {None, NO_PERIOD} else period


def zero_parties(subject: str, sentence: Sentence, block: Context) -> tuple[str, ...]:
    """The parties a zero's subject names ("Russian forces", "while ISIS cells", each of "HTS or the US-led coalition
    forces": no deaths at the hands of either); of a pronoun ("at their hands"), the party of the item's label or of
    the sentence before; none if it names none."""
    report = sentence.source.report
    if regex("PronounAgent").fullmatch(subject.strip()):
        before = block.subject if block.subject and not block.subject.startswith(UNMAPPED) else None
        party = label_party(sentence.text, report) or before
        return (party,) if party else ()
    named = find_parties(subject, report)
    if not named or not regex("AgentTail").fullmatch(subject[named[-1].end:]):
        return ()
    return tuple(m.code for m in joined_mentions(named, subject, "ZeroPartyJoin"))
