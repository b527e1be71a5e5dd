"""One statement -> its figures: the coordinator of the reading modules.

Each sentence is read number by number (``heads``); for each count the resolvers answer in turn -- its
``measure``, ``period``, ``parties`` and ``governorates`` -- from the words around it first, then from the
sentence, the block and the heading (the ``Context`` kept by ``report``), and last the report month.
Percents (``percents``) and zeros stated in words (``zeros``) are read beside the counts. What the
sentence establishes (its period, measure, party, subject) is handed on to the sentences that follow.
"""
from __future__ import annotations

import itertools
import re
from dataclasses import dataclass, replace
from typing import Callable

from ..codes import SPECIAL_GROUP_MEASURES, perpetrator_groups
from ..grammar import matches_any, regex
from ..numbers import NumberMention, find_numbers
from ..periods import contains, month_number, months_spanned, period_span, period_type
from ..vocab import find_governorates, find_parties, report_unknown_party
from .agents import is_backward, is_included_part, refers_back, subject_party
from .dates import PeriodMention
from .governorates import (AMBIGUOUS, ONE_PLACE_NOTE, Governorates, governorates_of, is_party_total_by_place,
                           is_place_part_in_parentheses, is_ranking_of_another_period, names_a_city, place_right_after, ranking_subject)
from .heads import (GROUP_HEADS, Head, find_heads, gapped_party_before, group_clauses, group_qualifier, is_count_number,
                    is_stated_whole, noun_end, noun_of, opening_group, set_windows, with_group_parts,
                    with_opening_group)
from .measure import (SECTION_MEASURES, gapped_measure, measure_of, measures_named, opening_measure,
                      ranking_measure)
from .model import NO_PERIOD, UNMAPPED, Context, Figure, Sentence, Source, join_notes, warn_left_out
from .parties import Parties, is_part_of_party, named_alliance, own_clause_start, parties_of
from .percents import read_percents
from .period import UNDATABLE, period_of
from .text import masked, quote_around
from .zeros import read_zero_statements


@dataclass(frozen=True)
class Count:
    """A head and everything resolved about it; ``period`` None: the count gives no figure."""

    head: Head
    measure: str
    period: str | None = None
    period_explicit: bool = False
    parties: tuple[str, ...] = ()
    governorates: tuple[str, ...] = ()
    value: float = 0.0
    note: str = ""
    party_from_context: bool = False
    also_all: bool = False  # a children-only (women-only) count that is also the party's count of all victims
    also_total: bool = False  # "both at the hands of X": the count is also the total of all parties
    month_of_parent: bool = False  # "including one massacre in May" after a year-to-date count
    torture_groups: tuple[tuple[str, NumberMention], ...] = ()  # "including one child who died due to torture"
    read_period: str | None = None  # the period read for the count even when it gives no figure (an unknown actor's)
    party_left_out: bool = False  # its party is an actor the vocabulary lacks (reported): its parts are left out too
    whole_measure: str | None = None  # of a part of the count before it ("one of whom died due to torture"): the
    # measure of that count, which the counts after the part go on with ("..., and the Coalition killed 23")
    place_also_all: bool = False  # "Israeli forces killed seven civilians in Daraa": also the party's count in all
    # governorates, noted (``snhr_data.extract`` drops it if the text states another count of that party)
    all_in_place: bool = False  # "two massacres, both in Daraa governorate": the place's count, and all governorates'

    @property
    def measure_handed_on(self) -> str:
        """The measure of the next count in the sentence when its own words name none."""
        return self.whole_measure or self.measure


def read_sentence(text: str, line_at: Callable[[int], int], block: Context, section: Context, source: Source,
                  title: bool) -> list[Figure]:
    """The figures ``text`` states; ``block`` is updated with what it establishes for the next sentences."""
    figures = read_zero_statements(Sentence(text, (), line_at, source), block, section)
    zero_measures = frozenset(f.measure for f in figures)
    if fighters_label(text):
        block.clause_place = None
        return figures
    if unmapped_label(text, line_at, source):
        # "Forces of the interim government: 71 civilians, ...; 8 of the torture deaths occurred in their detention
        # facilities": the deaths after the semicolon are that unknown party's too, left out (round 100d)
        block.clause_party = UNMAPPED if text.rstrip().endswith(";") else None
        block.clause_place = None
        return figures
    in_month = list(regex("AllInMonth").finditer(text))
    periods = tuple(source.periods(masked(text, [(m.start(), m.end()) for m in in_month])))
    periods = with_heading_last_month(text, periods, section.heading_month, source)
    sentence = Sentence(text, periods, line_at, source)
    read = read_counts(sentence, block, section, title)
    counts = [c for c in read if c.period is not None and c.measure]
    figures += without_clashing_party_counts([f for count in counts for f in count_figures(count, sentence)], sentence)
    if in_month and counts:
        month = source.periods(in_month[0].group("month"))[0].period
        for count in counts:
            figures += count_figures(replace(count, period=month, note=join_notes(
                count.note, "the sentence says all of these were in this month")), sentence)
    last = counts[-1] if counts else None
    percents = read_percents(sentence, block, section, last.parties if last else (), last.measure if last else None,
                             frozenset(party for count in counts for party in count.parties))
    figures += percents.figures
    hand_on(sentence, counts, percents.period, block, section.counted,
            left_out=tuple(replace(c, period=c.read_period) for c in read)
            if read and all(c.party_left_out for c in read) else ())
    if counts:
        block.last_measures = frozenset(c.measure for c in counts) | zero_measures
    elif zero_measures:  # "2 died under torture; no massacres were documented this month.": both since
        block.last_measures |= zero_measures
    if not counts and any(is_mixed_total_of_all(count, sentence) for count in read):
        block.party, block.last_counts = "all", ()  # "... 2,116 individuals. Of these, 1,431 were civilians": all's
        named = {p.period for p in sentence.periods if p.period}
        if len(named) == 1 and not any(p.period is None for p in sentence.periods):
            # "SNHR documented in the course of 2014 the death of 41,806 people ... Of these, 32,507 were civilians":
            # the one period the whole's sentence names is that of the part that refers back to it (round 149b)
            block.stated_aside = named.pop()
    # "... during Ramadan, which ran from March 23 to April 20, SNHR documented 139. Twenty-one of them were children.
    # Syrian regime forces were responsible for 34 of these deaths.": a part of the parts left out is left out too
    undated_chain = block.undated_before and not any(p.period for p in sentence.periods)
    block.undated_before = bool(read) and not counts and (undated_chain or any(
        p.period is None and p.kind in UNDATABLE for p in sentence.periods))
    if block.undated_before and not section.counted and not title \
            and any(p.period is None and p.kind == "ambiguous" for p in sentence.periods):
        # the body's first statement counts a span over two months ("... were killed during Ramadan, between April 13
        # and May 12, 2021"): the statements after it that name no period of their own speak of it too
        block.period = section.period = NO_PERIOD
    section.counted = section.counted or (bool(counts) and not title)
    return figures


def with_heading_last_month(text: str, periods: tuple[PeriodMention, ...], heading_month: str | None,
                            source: Source) -> tuple[PeriodMention, ...]:
    """``periods`` with each "last month" that counts back from the report month or from the publication date, and
    so gives no period (kind "relative"), read as the month the section's heading names with its year when that is
    one of the two ("1. Civilian Death Toll, January 2026" / "SNHR documented the killing of 112 civilians in Syria
    last month", an e-mail sent in February); never in a sentence that compares counts ("down from 150 last month") or
    names the heading's month itself: there "last month" is another month."""
    if heading_month is None or not source.published or source.now is not None or source.published <= source.report \
            or regex("ComparedWith").search(text) or any(m.period == heading_month for m in periods):
        return periods
    readings = source.last_month_readings(text)
    return tuple(PeriodMention(heading_month, m.start, m.end, "month")
                 if m.kind == "relative" and heading_month in readings
                 and regex("PeriodLastMonth").fullmatch(text[m.start:m.end]) else m for m in periods)


def hand_on(sentence: Sentence, counts: list[Count], percent_period: str | None, block: Context,
            body_counted: bool = False, left_out: tuple[Count, ...] = ()) -> None:
    """What a sentence establishes for the sentences after it in its block (``body_counted``: the report's body stated
    counts before it; ``left_out``: the counts it read, with the periods read for them, when every one was left out
    with its party, an actor the vocabulary lacks)."""
    if percent_period is not None:
        block.period = percent_period
    explicit = [c.period for c in counts if c.period_explicit]
    ranked_in = percent_period or (explicit[0] if explicit else None)
    block.last_ranking = ranked_in if ranked_in and ranking_subject(sentence.text) else None
    if any(p.kind == "unreadable" or (p.kind in {"vague", "relative"} and not sentence.text[:p.start].strip()
                                      and not is_same_month_last_year_aside(sentence, p, block.counted)
                                      and not is_event_span_aside(sentence, p, block.counted))
           for p in sentence.periods):
        block.period = NO_PERIOD  # "In Novmber 2024, ...", "In the past six months, ...": the sentences after it too
    opening = regex("PeriodOpening").match(sentence.text)
    if opening:
        first = sentence.source.periods(sentence.text[: opening.end() + 6])
        if first and first[0].period and not is_earlier_month_aside(sentence, first[-1].period, block.counted) \
                and not is_earlier_year_aside(sentence, first[-1].period, block.counted):
            block.period = first[-1].period
    ranked_day = regex("RankedDayOfMonthOpening").match(sentence.text)
    if ranked_day:  # "The deadliest day of February was February 25, ...": February's sentences after it
        named = sentence.source.periods(ranked_day.group("month"))
        if named and named[-1].period:
            block.period = named[-1].period
    if any(c.head.noun == "generic" for c in counts):
        block.saw_all_victims = True
    block.groups_before_semicolon = sentence.text.rstrip().endswith(";") and any(
        c.head.noun in GROUP_HEADS or c.head.groups for c in counts)
    block.subject = subject_party(sentence.text, sentence.source.report)
    block.alliance = named_alliance(sentence.text, sentence.source.report) or block.alliance
    clause_ended = bool(block.clause_party)  # the statement before ended by a semicolon, its counts one party's
    block.clause_party = clause_party(sentence.text, counts, bool(left_out))
    block.clause_period = clause_period(sentence, counts)
    block.clause_place = one_place(counts) if sentence.text.rstrip().endswith(";") else None
    block.other_report = None if counts else other_report(sentence)
    if not counts and sentence.text.rstrip().endswith(";") and regex("TortureVictimsWholeClause").search(sentence.text):
        block.measure = "torture_deaths"  # "All but four of the 93 torture victims died in X's ...;": "the other four
        # died in Y's" after it are the rest of those torture victims (round 62b)
    block.opening_group = carried_group(sentence.text, block.opening_group)
    block.listed = (listed_period(sentence.text, counts, block.stated_aside)
                    or introduced_period(sentence, counts, block))
    block.listed_measure = listed_measure(sentence.text, counts, block.measure if block.counted else None)
    block.listed_counts = listed_counts(sentence.text, counts)
    block.respective_parties = respective_chain(sentence.text, counts)
    if counts:
        # in a half-year or annual release a month stated inside a sentence ("Of those, 14 were killed in June") is
        # that statement's, not the next ones' (undated statements are the release's); an opening one is handed on above,
        # as is one whose sentence introduces a list ("The report also covers December 2022, in which ...:")
        release_month = is_release_month(sentence, counts[0], block)
        aside = is_aside_period(sentence, counts[0], block, body_counted)
        if counts[0].period_explicit and not release_month and not aside:
            block.period = counts[0].period
        # kept while the counts after it refer back to it ("... killed 120 of them. ... killed 40 of them.")
        block.stated_aside = counts[0].period if aside or release_month or counts[0].period == block.stated_aside \
            else None
        block.compared_aside = block.stated_aside is not None and (
            is_comparison_aside(sentence, counts[0]) or bool(regex("RankedWithinTheWhole").search(sentence.text)))
        block.counted = True
        block.last_counts = tuple(counts)
        block.victims_of |= {(party, c.measure, c.period) for c in counts if c.head.noun not in GROUP_HEADS
                             for party in c.parties}
        block.measure = block.measure if is_part_after_a_semicolon(sentence, counts, clause_ended) \
            else handed_measure(counts)
        block.other_measure = other_measure(counts, block.measure)
        explicit = [c for c in counts if c.parties and not c.party_from_context]
        if explicit:
            party_before, block.party = block.party, explicit[-1].parties[0]
            if is_party_part_of_whole(explicit[-1], counts, sentence.text) \
                    or is_breakdown_of_whole(explicit, counts, sentence.text, party_before):
                # "31 deaths due to torture ..., 26 of them in the detention centres of X; four of these deaths took
                # place in June" (round 63): the sentence's subject is the whole of all parties, a back reference
                # after it speaks of that whole, not of the one party's part named in passing
                block.party = "all"
            block.party_measures = frozenset(c.measure for c in explicit if c.parties[0] == block.party)
    elif left_out:
        # every count of the sentence left out with its party ("The 71 remaining victims fell to gunmen the network could
        # not attribute to any side; they include nine children", "X, an actor the vocabulary lacks, killed 12"): a back
        # reference after it speaks of those, never of the party of the sentence before (round 132d: had been its party's)
        block.party, block.party_measures = UNMAPPED, frozenset()
        first = left_out[0]
        if first.period_explicit and first.period \
                and not is_release_month(sentence, first, block) and not is_aside_period(sentence, first, block,
                                                                                         body_counted):
            # "In the first half of the year, X (an actor the vocabulary lacks) killed 164 civilians. Y killed 58 in
            # the same period": the period the sentence names is handed on as a known party's count's is, never the
            # month stated aside before it (fx154ab: Y's had been filed under the half-year's last month)
            block.period, block.stated_aside = first.period, None


def is_release_month(sentence: Sentence, first: Count, block: Context) -> bool:
    """Whether ``first``'s period is a month, or a quarter of the release's period, stated inside a half-year or
    annual release's sentence ("Of those, 14 were killed in June", "The first quarter of the year accounted for 4,702
    of these deaths"; fx166cd: the quarter had been handed on to the half-year's torture toll after it): that
    statement's, never handed on."""
    return (sentence.source.period != sentence.source.report and block.listed is None
            and (period_type(first.period) == "month" or is_quarter_of(first.period, sentence.source.period)))


def is_quarter_of(period: str | None, whole: str | None) -> bool:
    """Whether ``period`` is three months inside the longer period ``whole``."""
    return period is not None and whole is not None and months_spanned(period) == 3 < months_spanned(whole) \
        and contains(whole, period)


def is_aside_period(sentence: Sentence, first: Count, block: Context, body_counted: bool) -> bool:
    """Whether the period of ``first``, a sentence's first count, is stated aside (a running total, a comparison, an
    earlier month or year, a bracketed note): that count's, never handed on to the statements after it."""
    return (is_running_total(sentence, first.period, block.counted, body_counted)
            or is_comparison_aside(sentence, first)
            or is_earlier_month_aside(sentence, first.period, block.counted)
            or is_earlier_year_aside(sentence, first.period, block.counted)
            or is_bracketed_note_period(sentence, first))


def is_party_part_of_whole(part: Count, counts: list[Count], text: str) -> bool:
    """Whether ``part``, a party's count, is a part referring back to a count of all parties of the same measure and
    period before it in the sentence ("31 deaths due to torture, 26 of them in the detention centres of X")."""
    if not part.parties or part.parties[0] == "all" or part.head.noun in GROUP_HEADS:
        return False
    index = counts.index(part)
    before = counts[index - 1] if index else None
    return before is not None and before.parties == ("all",) and not before.party_from_context \
        and before.measure == part.measure and before.period == part.period and before.head.noun not in GROUP_HEADS \
        and before.value > part.value and refers_back(text[before.head.window_end:part.head.mention.start],
                                                      text[part.head.mention.end:])


def is_breakdown_of_whole(explicit: list[Count], counts: list[Count], text: str, party_before: str | None) -> bool:
    """Whether a sentence's counts by party break down a count of all parties into the parts of two or more parties:
    that whole stated before them in the sentence ("1,200 children were killed in 2017: 500 by X, 300 by Y and 400 by
    Z"), or in the sentence before, its first part referring back to it ("X was responsible for 70 of them, Y for 9");
    a back reference after it ("Of these children, 90 were killed in December") speaks of that whole, never of the
    party named last (fx159b: had been Z's)."""
    parts = [c for c in explicit if c.parties[0] != "all"]
    if len({c.parties[0] for c in parts}) < 2 or len({(c.measure, c.period) for c in parts}) != 1:
        return False
    first = parts[0]
    whole = any(c.parties == ("all",) and not c.party_from_context and c.measure == first.measure
                and c.period == first.period and c.value > max(p.value for p in parts)
                and counts.index(c) < counts.index(first) for c in counts)
    return whole or (party_before == "all" and counts.index(first) == 0
                     and refers_back(text[:first.head.mention.start], text[first.head.mention.end:]))


def is_mixed_total_of_all(count: Count, sentence: Sentence) -> bool:
    """Whether a count that gives no figure is a total of civilians and fighters together that names no party ("the
    SNHR team documented the killing of 2,116 individuals"): what "of these" after it speaks of, never the party of an
    earlier sentence."""
    text = sentence.text
    return bool(regex("MixedVictimNoun").match(text[count.head.mention.end:])) \
        and all(party.code == "all" for party in find_parties(text, sentence.source.report))


def clause_party(text: str, counts: list[Count], left_out: bool = False) -> str | None:
    """The one party of every count of a statement ended by a semicolon, else None (``Context.clause_party``); UNMAPPED
    when every count was left out, its party unknown ("Forces of the interim government: 71 civilians, ...; 8 of the
    torture deaths occurred in their detention facilities": the 8 are that party's too, never all parties'; round 100d).
    None when every count is a part of the victims stated before it ("1,243 civilians, ...; government forces killed 602
    of them; 47 died under torture"): the statement after it goes on with that whole, never the part's party (round
    122c). UNMAPPED too when the statement's counts were all left out with their party ("The report holds X responsible
    for the killing of 38 civilians, ...; two of the deaths due to torture occurred in their detention facilities", X
    unknown: round 128a, they had been all parties' 2)."""
    if not text.rstrip().endswith(";"):
        return None
    if not counts and left_out:
        return UNMAPPED
    parties = {party for count in counts for party in count.parties}
    if counts and not parties:
        return UNMAPPED
    if counts and all(refers_back(text[:c.head.mention.start], text[c.head.mention.end:]) for c in counts):
        return None
    return next(iter(parties)) if len(parties) == 1 else None


def is_part_after_a_semicolon(sentence: Sentence, counts: list[Count], clause_ended: bool) -> bool:
    """Whether a statement after a semicolon opens with a bare count of those who died of the statement before ("X
    killed 201 civilians; 4 died under torture; Y killed 44"): a part of that statement's count, whose measure the
    counts after it do not take (Y's 44 are civilians, never deaths under torture)."""
    first = counts[0].head.mention if counts else None
    return clause_ended and first is not None and not sentence.text[:first.start].strip() \
        and bool(regex("BareCountDiedAfter").match(sentence.text[first.end:]))


def is_in_closed_bracket(text: str, position: int, end: int) -> bool:
    """Whether ``position`` of ``text`` lies inside brackets that close before ``end``."""
    return text[:position].count("(") > text[:position].count(")") and ")" in text[position:end]


def clause_period(sentence: Sentence, counts: list[Count]) -> str | None:
    """The period a statement ended by a semicolon opens with ("In January 2017, ...;", "January 2017: ...;"), when it
    is its first count's, else None (``Context.clause_period``)."""
    text = sentence.text
    if not counts or not text.rstrip().endswith(";") or not sentence.periods:
        return None
    if not (regex("PeriodOpening").match(text) or regex("PeriodLabelOpening").match(text)):
        return None
    period = sentence.periods[0].period
    return period if period and period == counts[0].period else None


def other_report(sentence: Sentence) -> str | None:
    """The period of the last report of another month or year than the text's that a statement of no count names ("we
    covered the September report here;" in an October report's repost), else None (``Context.other_report``)."""
    own = {sentence.source.report, sentence.source.period}
    for match in reversed(list(regex("ReportOfAnotherPeriod").finditer(sentence.text))):
        named = sentence.source.periods(match.group("period") or match.group("period2"))
        if named and named[0].period and named[0].period not in own:
            return named[0].period
    return None


def is_group_killed_label(text: str) -> bool:
    """Whether a statement opens on a victim group killed as the label of its list by party ("Children killed in May: 11
    by X, 3 by Y"; round 125a): no party's label."""
    opening = regex("GroupOpening").match(text)
    return bool(opening and opening.group("killed_label"))


def carried_group(text: str, carried: str) -> str:
    """The victim group a statement ended by a semicolon hands on to the next: the one its opening breaks down, or
    the one handed to it ("Of the 209 children, 103 were killed by X; 41 by Y; the remaining 12 by Z"), or the one its
    subject counts ("The 1,020 children killed in 2016 amount to 12% ...; X alone killed 800 of them"); else ''."""
    if not text.rstrip().endswith(";"):
        return ""
    subject = regex("GroupSubjectClause").match(text)  # "The 1,020 children killed in 2016 amount to 12% ...;"
    return opening_group(text)[0] or (noun_of(" " + subject.group("noun").lower())[0] if subject else carried)


def listed_period(text: str, counts: list[Count], aside: str | None = None) -> str | None:
    """The period of the list a sentence introduces (it ends in a colon: "The report also covers December 2022, in
    which SNHR documented the killing of 77 civilians, ...:"), when its counts are all of one period; of one that only
    refers back to the running total stated aside before it ("Of these 712 victims:"), that total's; else None."""
    if not counts and aside and regex("ListOfThoseOpening").fullmatch(text.strip()):
        return aside
    periods = {count.period for count in counts}
    return periods.pop() if text.rstrip().endswith(":") and len(periods) == 1 else None


def listed_measure(text: str, counts: list[Count], handed: str | None = None) -> str | None:
    """The measure of the list a sentence introduces (it ends in a colon, or announces the breakdown) with a count of
    what the list breaks down ("SNHR documented 34 massacres in April, distributed as follows:", "12 individuals died
    due to torture, distributed as follows"): the one measure of its counts (no victim group's); of a sentence of no
    count, the one measure its words name ("The civilian death toll was distributed as follows:", a list of places
    under a massacres heading; round 27), else, when its words refer back to them, the measure ``handed`` on by the
    counts of its block before it ("... the deaths of 76 civilians ... The report states that the parties were
    responsible for these deaths as follows:"; round 41); None for counts of several measures, or words naming none or
    several."""
    if not regex("ListIntroductionEnd").search(text):
        return None
    refers_back = handed is not None and bool(regex("ListOfThoseVictims").search(text))
    heads = {c.measure for c in counts if c.head.noun not in GROUP_HEADS} if counts \
        else set(measures_named(text)) or ({handed} if refers_back else set())
    return heads.pop() if len(heads) == 1 else None


def respective_chain(text: str, counts: list[Count]) -> tuple[str, ...]:
    """The parties, in order, that a sentence paired its counts with by "respectively" ("X, Y and Z killed 41, 6 and 3
    civilians respectively"), () for any other sentence."""
    if not regex("Respectively").search(text):
        return ()
    paired = tuple(c.parties[0] for c in counts if c.head.noun not in GROUP_HEADS and c.parties
                   and not c.party_from_context and c.parties[0] != "all")
    return paired if len(paired) >= 2 else ()


def listed_counts(text: str, counts: list[Count]) -> tuple[tuple[str, float], ...]:
    """The counts, as (measure, value), of a sentence introducing a list that counts several measures ("SNHR
    documented 21 massacres in May, in which 160 civilians were killed, distributed as follows:"; no victim group's):
    the list breaks down one of them, its words do not say which; () for a sentence of one measure or of no list."""
    heads = tuple((c.measure, c.value) for c in counts if c.head.noun not in GROUP_HEADS)
    several = len({measure for measure, _ in heads}) > 1
    return heads if several and regex("ListIntroductionEnd").search(text) else ()


def introduced_period(sentence: Sentence, counts: list[Count], block: Context) -> str | None:
    """The period of the list a sentence of no count introduces: the one period its own words name ("Distribution of
    deaths by perpetrator party in 2021:", the last sentence of a paragraph); of one naming no period, after the counts
    of its block ("SNHR documented the killing of 16,913 civilians in Syria in 2016, ... The main perpetrators were
    distributed as follows:"), the one the block's sentences gave it; else None (one naming several periods, or one
    the reader cannot read, introduces a list of no period it gives)."""
    if counts or not sentence.text.rstrip().endswith(":"):
        return None
    if sentence.periods:
        named = {p.period for p in sentence.periods}
        return named.pop() if len(named) == 1 and None not in named else None
    if not block.counted:
        return None
    return block.period if block.period not in (None, NO_PERIOD) else None


def is_running_total(sentence: Sentence, period: str | None, block_counted: bool, body_counted: bool) -> bool:
    """Whether ``period`` is a year to date of a monthly release stated aside: after the block's first counts ("This
    brings the toll since the beginning of 2024 to 301", "With May's victims, landmines have killed 97 civilians since
    the beginning of 2023"), or opening a paragraph after the month's counts but not the sentence ("The report adds
    that the death toll since the beginning of 2024 has reached 412 civilians"); the statements after it that name no
    period are the month's again, not the running total's. One opening a block with it ("Since the beginning of 2022,
    the civilian deaths by governorate were: ...") hands it on, as does one stated before any count of the month ("Some
    507 civilians were killed from the start of January to the end of June 2024, ...")."""
    source = sentence.source
    return source.period == source.report and any(
        p.period == period and (p.kind == "ytd" and (block_counted or body_counted and sentence.text[:p.start].strip())
                                or block_counted and is_range_to_date(p, source.report)
                                and not opens_with_a_period(sentence, period))
        for p in sentence.periods)


def is_range_to_date(mention: PeriodMention, report: str) -> bool:
    """Whether a period phrase is a range of months of the year of the month ``report`` up to it ("in the first two
    months of 2025" in February's release, "the third quarter of 2025 (July to September)" in September's; fx166ab:
    the quarter's had been handed on to the month's party lines after it): inside a sentence or after a semicolon
    ("...; in the first two months of 2025 the network has recorded 509") and after the block's first counts, a running
    total like "since the beginning of 2025"."""
    return mention.kind == "range" and mention.period is not None \
        and mention.period.startswith(f"{report[:4]}-") and mention.period.endswith(f"/{report}")


def opens_with_a_period(sentence: Sentence, period: str | None) -> bool:
    """Whether a sentence opens with the phrase of ``period``, capitalised ("In the first half of 2023, SNHR documented
    ...", a heading run into it): it introduces the statements after it. Another period opening it does not ("March's
    toll is the highest ... and brings the number killed in the first quarter of 2025 to 2,179": the quarter is a
    running total stated aside; round 62a)."""
    first = sentence.periods[0] if sentence.periods else None
    return first is not None and first.period == period and not sentence.text[:first.start].strip() \
        and sentence.text[:1].isupper()


def is_comparison_aside(sentence: Sentence, first: Count) -> bool:
    """Whether the period of ``first``, the first count of a sentence comparing it with another ("The death toll is
    lower than that of February, when SNHR documented the killing of 2,046 civilians", "The figure compares with 1,389
    civilians killed in July", "in the first half of 2018 it had documented 4,584"), is another than the release's: an
    aside dating its own count, never the statements after it. Not when the comparison comes only after that count
    ("Over these thirteen months, SNHR documented 1,212 civilians, compared with 1,532 in the thirteen months before";
    round 130d): the first count is the statement's own, the one compared with it the aside."""
    aside = regex("EarlierCountAside").search(sentence.text)
    return first.period != sentence.source.period and aside is not None and aside.start() < first.head.mention.end


def is_earlier_month_aside(sentence: Sentence, period: str | None, block_counted: bool) -> bool:
    """Whether ``period``, named by a release's sentence after the block's first counts, is a month before the
    release's period ("The release counts 1,517 civilians in October 2016. ... In October 2015, SNHR had recorded the
    killing of 1,746 civilians."; a quarterly release's "In March 2016 the network had recorded 1,391 civilian deaths.",
    fx166cd: the quarter's list by party after it had been filed under March 2016): an aside dating its own count, never
    the statements after it, which are the release's."""
    source = sentence.source
    return (block_counted and source.period not in (None, NO_PERIOD) and period is not None
            and period_type(period) == "month" and period_span(period)[1] < period_span(source.period)[0])


def is_bracketed_note_period(sentence: Sentence, count: Count) -> bool:
    """Whether the period of ``count`` is named only in parentheses after it, a note of that count ("Syrian National
    Army: 58 civilians (January - February)." in a list of the year's counts by party; round 151d: the lines after it
    had been filed under January-February): that count's, never the period of the statements after it."""
    text = sentence.text
    named = [p for p in sentence.periods if p.period == count.period]
    return bool(named) and all(p.start > count.head.mention.start
                               and text.rfind("(", 0, p.start) > max(text.rfind(")", 0, p.start),
                                                                     count.head.mention.start)
                               and text.find(")", p.end) != -1 for p in named)


def is_event_span_aside(sentence: Sentence, mention: PeriodMention, block_counted: bool) -> bool:
    """Whether ``mention``, opening a sentence after the block's first counts, is a span from an event that took effect
    ("Since the ceasefire came into force, the network has recorded 740 civilian deaths in the zone."; round 148a), or
    from an event named alone ("Since the fall of the regime, ..."; session 41): a running total stated aside, its own
    count left out, never the period of the statements after it."""
    phrase = sentence.text[mention.start:mention.end]
    return block_counted and (regex("PeriodSinceEventTookEffect").fullmatch(phrase) is not None
                              or regex("PeriodSinceEvent").fullmatch(phrase) is not None)


def is_same_month_last_year_aside(sentence: Sentence, mention: PeriodMention, block_counted: bool) -> bool:
    """Whether ``mention``, opening a monthly release's sentence after the block's first counts, is the release's month
    a year before, undated ("In the same month last year SNHR had recorded 104 civilian deaths.", "In May last year,
    ..." in May's release; fx143b: the party split after it had been left out): like an earlier month named with its
    year (``is_earlier_month_aside``), an aside on its own count, never the period of the statements after it, which
    are the month's. Its own count stays left out (which month it is the same as, the text does not say). So is "the
    same month of" a year before the release's ("In the same month of 2018 ..." in August 2019's; fx161bd)."""
    source = sentence.source
    if not block_counted or source.period != source.report or source.period is None \
            or period_type(source.period) != "month":
        return False
    same = regex("PeriodSameMonthLastYear").fullmatch(sentence.text[mention.start:mention.end])
    if same is None:  # "In the same month of 2018, ..." in a release of 2019: likewise an aside on its own count
        of_year = regex("PeriodSameMonthOfYear").fullmatch(sentence.text[mention.start:mention.end])
        return of_year is not None and of_year.group("year") < source.period[:4]
    return not same.group("month") or month_number(same.group("month")) == int(source.period[5:7])


def is_earlier_year_aside(sentence: Sentence, period: str | None, block_counted: bool) -> bool:
    """Whether ``period``, named by an annual or monthly release's sentence after the block's first counts, is a year
    before the release's ("... 10,204 civilians in 2017. ... the network's 2016 report counted 16,913 civilian victims.",
    round 36; "Over the whole of 2025, SNHR documented 6,012 civilian deaths." in January 2026's release, round 65): an
    aside dating its own count, never the statements after it, which are the release's."""
    source = sentence.source
    if not block_counted or period is None or source.period is None or period_type(period) != "year":
        return False
    release = period_type(source.period)
    return period < source.period if release == "year" else release == "month" and f"{period}-12" < source.period


def handed_measure(counts: list[Count]) -> str:
    """The measure the counts after a sentence continue: its counts' one measure; of a sentence that adds a count of
    another measure to its head count ("182 civilians, including ..., and four deaths due to torture"), the head's."""
    heads = [c for c in counts if c.head.noun not in GROUP_HEADS] or counts
    return heads[-1].measure_handed_on if len({c.measure for c in heads}) == 1 else heads[0].measure_handed_on


def other_measure(counts: list[Count], handed: str) -> str | None:
    """The measure of the last count of a sentence (no victim group of another) whose measure is not the one it hands
    on ("five massacres and 14 deaths due to torture": torture_deaths), else None."""
    others = [c.measure for c in counts if c.head.noun not in GROUP_HEADS and c.measure != handed]
    return others[-1] if others else None


def read_counts(sentence: Sentence, block: Context, section: Context, title: bool) -> list[Count]:
    """The counts of a sentence, every resolver answered (one of no period or no measure gives no figure)."""
    report = sentence.source.report
    heads, numbers = find_heads(sentence.text)
    set_windows(heads, numbers, sentence.text, lambda text: find_parties(text, report), is_backward)
    heads = with_opening_group(with_group_parts(heads, sentence.text), sentence.text, block.opening_group)
    heads = with_respective_groups(heads, sentence)
    counts: list[Count] = []
    for i, head in enumerate(heads):
        counts.append(resolve(head, counts[i - 1] if i else None, heads, sentence, block, section, title))
    for i, (whole, part) in enumerate(zip(counts, counts[1:])):
        if is_contradicted_by_part(whole, part, sentence.text) and is_sum_of_parties(whole, counts[i + 1:]):
            counts[i] = replace(whole, parties=("all",), party_from_context=False,
                                note="the parts listed after it, of several parties, add up to it")
        elif is_restated_by_part(whole, part, sentence.text):
            counts[i] = replace(whole, parties=("all",), party_from_context=False,
                                note="a part of it names the heading's party itself: the whole is every party's")
        elif is_reporters_count_with_other_party_part(whole, part, sentence.text):
            counts[i] = replace(whole, parties=("all",), party_from_context=False,
                                note="a part of it is another party's: the one who counts states every party's")
        elif is_contradicted_by_part(whole, part, sentence.text):
            warn_left_out(sentence.source, sentence.line_at(whole.head.mention.start),
                          sentence.text[whole.head.mention.start:part.head.window_end].strip()[:80], "heading_party")
            counts[i] = Count(whole.head, whole.measure)
    counts = massacre_parts_by_sum(counts, sentence)
    counts = without_period_parts_of_unclear_wholes(counts, sentence)
    return parts_in_periods_of_their_wholes(counts, sentence.text)


def with_respective_groups(heads: list[Head], sentence: Sentence) -> list[Head]:
    """The heads of "X and Y killed 1,125 and 193 civilians respectively, including 171 and 41 children, and 118 and 27
    women, respectively": a group named with several numbers after the last of counts listed before "respectively"
    gives its i-th number to the i-th count; when a group's numbers do not pair up with the counts, its numbers are
    left out (and warned), never all given to the last count. Heads of no group named twice are kept as they are."""
    text, paired = sentence.text, list(heads)
    for i, head in enumerate(heads):
        named = [group for group, _ in head.groups]
        if len(set(named)) == len(named) or not regex("Respectively").search(text, head.mention.end):
            continue
        first = i
        while first and heads[first - 1].noun == head.noun and not heads[first - 1].groups:
            first -= 1
        listed = heads[first:i + 1]
        by_group = {group: [m for g, m in head.groups if g == group] for group in dict.fromkeys(named)}
        if len(listed) < 2 or any(len(mentions) != len(listed) for mentions in by_group.values()):
            warn_left_out(sentence.source, sentence.line_at(head.mention.start),
                          text[head.mention.start:head.groups[-1][1].end].strip()[:80], "respective_groups")
            paired[i] = replace(head, groups=[])
            continue
        for k, count in enumerate(listed):
            paired[first + k] = replace(count, groups=[(group, mentions[k]) for group, mentions in by_group.items()])
    return paired


def parts_in_periods_of_their_wholes(counts: list[Count], text: str) -> list[Count]:
    """A party's part takes the period its stated whole names ("X killed 812 of the 1,020 civilians killed in 2018":
    the 812 are of 2018 too, whatever the report's month)."""
    for i, (part, whole) in enumerate(zip(counts, counts[1:])):
        if part.period is not None and whole.period_explicit and is_stated_whole(text, whole.head.mention):
            counts[i] = replace(part, period=whole.period, period_explicit=True)
    return counts


def without_period_parts_of_unclear_wholes(counts: list[Count], sentence: Sentence) -> list[Count]:
    """A part of another period ("N of them in December") right after a list joining counts of several measures
    ("1,271 civilians killed in 2021, including 299 children, and 104 victims due to torture, 83 of them in
    December"): "them" may be the list's first count or its last, and the text does not say which; left out (and
    warned), never filed as a part of the last. A list whose earlier counts each have such a part of their own ("Six
    medical personnel were killed in the first half of the year, two of them in June, and two Civil Defense members,
    one of them in June") pairs each part with the count right before it (fx138a)."""
    kept = list(counts)
    for i in range(1, len(counts)):
        part, whole = counts[i], kept[i - 1]
        if not is_period_part(part, whole):
            continue
        if any(c.measure != whole.measure and c.head.noun not in GROUP_HEADS and c.period is not None
               and not (j + 1 < i - 1 and is_period_part(kept[j + 1], c)) and not (j and is_period_part(c, kept[j - 1]))
               for j, c in enumerate(kept[:i - 1])):
            warn_left_out(sentence.source, sentence.line_at(part.head.mention.start),
                          sentence.text[part.head.mention.start:part.head.window_end].strip()[:80], "part_antecedent")
            kept[i] = Count(part.head, part.measure)
    return kept


def is_period_part(part: Count, whole: Count) -> bool:
    """Whether a count is a part of another period of the count right before it ("..., 83 of them in December")."""
    return part.whole_measure is not None and part.head.noun == "bare" and part.period_explicit \
        and part.period is not None and part.period != whole.period


def massacre_parts_by_sum(counts: list[Count], sentence: Sentence) -> list[Count]:
    """The parts listed after "N massacres, which claimed the lives of M civilians:" ("one by X and two by Y") break
    down the massacres or their victims, and the words do not say which: the count they add up to, the massacres' or
    their victims'; left out (and warned) when they add up to neither or to both."""
    text = sentence.text
    for i, (massacres, victims) in enumerate(zip(counts, counts[1:])):
        parts = list(itertools.takewhile(lambda c: c.head.noun == "bare" and c.measure == "massacre_deaths",
                                         counts[i + 2:]))
        if massacres.measure != "massacres" or victims.measure != "massacre_deaths" or not parts \
                or victims.head.noun in ("", "bare") or massacres.head.noun in GROUP_HEADS \
                or not regex("PartsListColon").fullmatch(text[noun_end(text, victims.head.mention):parts[0].head.mention.start]):
            continue
        total = sum(part.value for part in parts)
        if total == massacres.value != victims.value:
            counts[i + 2:i + 2 + len(parts)] = [replace(part, measure="massacres") for part in parts]
        elif total != victims.value or total == massacres.value:
            warn_left_out(sentence.source, sentence.line_at(parts[0].head.mention.start),
                          text[parts[0].head.mention.start:parts[-1].head.window_end].strip()[:80], "massacre_parts")
            counts[i + 2:i + 2 + len(parts)] = [Count(part.head, part.measure) for part in parts]
    return counts


def is_contradicted_by_part(whole: Count, part: Count, text: str) -> bool:
    """Whether a count given the party of its heading (or of the sentence before) has a part right after it that names
    another party ("Fifth: Unknowns" / "A total of 2,296 civilians died due to torture in 2013, 2,281 of them in
    government detention centres"; a part listed after a colon, "Eighth: Unknowns" / "Massacres: SNHR documented 27
    massacres in November: 16 by government forces, ..."): a part of one party's victims is never another party's, so
    the heading's party is not the count's. A member of a combined party, or a subcategory of other parties, is a part
    of its party."""
    if not whole.party_from_context or whole.period is None or part.party_from_context:
        return False
    listed = regex("PartsListColon").fullmatch(text[noun_end(text, whole.head.mention):part.head.mention.start])
    if part.whole_measure is None and not listed:
        return False
    return bool(part.parties) and "all" not in part.parties and not all(
        is_part_of_party(code, whole.parties) for code in part.parties)


def names_heading_party_itself(whole: Count, parties: Parties, text: str, start: int, end: int, report: str) -> bool:
    """Whether a part of a count given the party of its heading names that party in its own ``words`` ("142 ..., 139
    of them inside the detention centres of government forces" under "Victims of government forces"; ``text[start:
    end]`` the part's words), in a statement opening on the one who counts: then the whole is not all the party's
    (is_restated_by_part), and the part is the party's, no place of the whole."""
    return whole.party_from_context and bool(parties.codes) and not parties.from_context \
        and bool(regex("ReporterOpening").search(text[:whole.head.mention.start])) \
        and any(m.code in parties.codes for m in find_parties(text[start:end], report))


def is_restated_by_part(whole: Count, part: Count, text: str) -> bool:
    """Whether a count given the party of its heading (or of the sentence before) has a part right after it that names
    that same party in its own words ("Victims of government forces" / "... 142 people who died due to torture in
    March, 139 of them inside the detention centres of government forces"): a part said to be the party's says the
    whole is not all the party's, so the whole is every party's count, the part the party's; only of a statement
    opening on the one who counts (ReporterOpening): "A total of 1,870 civilians died due to torture, 1,844 of them in
    government detention centres" under "First: Government forces" is the party's (round 13)."""
    return (bool(regex("ReporterOpening").search(text[:whole.head.mention.start])) and whole.party_from_context
            and whole.period is not None and not part.party_from_context and part.period is not None
            and part.whole_measure is not None and part.measure == whole.measure
            and bool(part.parties) and part.parties == whole.parties and part.value < whole.value)


def is_reporters_count_with_other_party_part(whole: Count, part: Count, text: str) -> bool:
    """Whether a count given the party of its heading, in a statement opening on the one who counts ("Fifth: Unknowns" /
    "Civilian death toll 108 civilians" / "SNHR also recorded 27 massacres in August, 22 of them by government forces"),
    has a part right after it that is another party's (is_contradicted_by_part): the whole is not the heading's party's,
    and the one who counts speaks of its own count of the period, every party's (as when the part names the heading's
    party itself: is_restated_by_part); never a statement naming no one who counts ("A total of 1,870 civilians died due
    to torture, 1,844 of them in government detention centres" under "Fourth: Unknowns": left out, warned)."""
    return bool(regex("ReporterOpening").search(text[:whole.head.mention.start])) \
        and is_contradicted_by_part(whole, part, text) and part.measure == whole.measure


def is_sum_of_parties(whole: Count, after: list[Count]) -> bool:
    """Whether the counts right after ``whole`` of its measure, none of all parties, name two parties or more and add
    up to it ("27 massacres in November: 16 by government forces, 8 by Russian forces, 2 by ISIS and one by the
    Coalition"): the whole is all parties' count, whatever the heading above named."""
    parts = list(itertools.takewhile(lambda c: c.measure == whole.measure and c.parties and "all" not in c.parties
                                     and not c.party_from_context, after))
    return len({code for part in parts for code in part.parties}) >= 2 and sum(p.value for p in parts) == whole.value


def resolve(head: Head, prev: Count | None, heads: list[Head], sentence: Sentence, block: Context,
            section: Context, title: bool) -> Count:
    text = sentence.text
    start, end = head.mention.start, head.mention.end
    segment_start = prev.head.window_end if prev else 0
    segment = text[segment_start:start]
    bringing = regex("Bringing").search(text[:start])
    if bringing and bringing.start() < segment_start:
        bringing = None
    torture_groups = tuple((group, mention) for group, mention in head.groups
                           if regex("GroupDiedOfTorture").match(text[noun_end(text, mention):]))
    # a group's own clause ("including one child who died due to torture") speaks of the group, not the count
    clauses = group_clauses(text, head)
    own_words = masked(text, [(s, e) for _, _, s, e in clauses])[end:head.window_end]
    for _, clause, clause_start, _ in clauses:
        if clause.lstrip().startswith(",") and regex("TortureWord").search(clause):
            warn_left_out(sentence.source, sentence.line_at(clause_start), clause.strip(" ,"), "torture_scope")
    measure = gapped_measure(head, text[:start], first=prev is None) or measure_of(
        head, measure_from_before(prev, segment, text[end:]), own_words, segment, bringing, block, section,
        opening_measure(text) or ranking_measure(text, block, section))
    massacre_toll = regex("MassacreVictimsBefore").search(text[:start])
    # ... whatever measure the section hands on ("IV. Attacks on Medical and Civil Defense Personnel" / ... / "one
    # massacre, in Hama governorate, which killed seven civilians"; round 95d)
    toll_in_its_section = massacre_toll is not None and measure is not None and measure == section.measure
    if (measure == "civilian_deaths" or toll_in_its_section) and (massacre_toll or (
            block.measure == "massacres" and (regex("MassacresClaimedOpening").match(text[:start])
                                              or regex("MassacreVictimsAfter").match(own_words)))
            or prev is not None and prev.measure == "massacres" and regex("MassacresClaimedJoined").search(segment)):
        # "68 massacres ..., in which 748 civilians were killed"; "...; they claimed 61" ("..., and they claimed 61" after
        # a count of massacres); "one massacre ...; five civilians, three of them children, were killed in it"; "...; 21
        # civilians were killed in them"
        measure = "massacre_deaths"
    if measure == "massacre_deaths" and regex("PlaceAfterMassacresTollBefore").search(text[:start]):
        warn_left_out(sentence.source, sentence.line_at(start), text[segment_start:head.window_end].strip()[:80],
                      "place_toll")  # "36 massacres, most of them in Idlib, where 569 civilians were killed"
        return Count(head, measure)
    if measure == "massacre_deaths" and prev is not None and prev.measure == "massacre_deaths" \
            and regex("MassacresWithTheirTollAfter").match(text[end:]):
        measure = "massacres"  # "3 massacres: 2 by X, killing 20, and 1 by Y, killing 8": Y's massacres, their toll after
    party_massacres_toll = is_party_massacres_toll(prev, text[:prev.head.mention.start] if prev else "", segment)
    if party_massacres_toll:
        measure = "massacre_deaths"  # "one by Y, killing 8 civilians": the victims of Y's one massacre
    elif regex("PartyMassacresTollBefore").search(text[:start]) and matches_any("NotACountBefore", text[:start]):
        return Count(head, measure)  # "one by Y, killing 8" after no count of massacres: an incident's toll, no count
    bracketed = is_bracketed_massacre_victims(prev, text[:start], text[end:])
    if bracketed:
        measure = "massacre_deaths"  # "Syrian regime forces 2 (13 victims)": the victims of those two massacres
    if measure == "civilian_deaths" and regex("TortureClaimedBefore").search(segment):
        measure = "torture_deaths"  # "Torture claimed the lives of 150 civilians"
    if measure == "torture_deaths" and prev is not None and prev.measure in SPECIAL_GROUP_MEASURES \
            and refers_back(segment, text[end:]):
        # "6 medical staff, one of whom, a nurse, died under torture": one of those workers, no party's torture toll
        # (fx165cd: had been the party's one torture death beside its stated 87)
        sentence.warn_count_left_out(start, segment_start, head.window_end, "workers_torture")
        return Count(head, measure)
    if measure == "civilian_deaths" and (is_civilian_item_of_parts(head, prev, segment, text[end:])
                                         or is_death_item_of_parts(head, prev, segment, text[end:])):
        measure = prev.measure  # "89 due to torture: 86 by X, two by Y and one civilian by Z": Z's torture deaths
    if head.noun == "bare" and (regex("Label").match(text.strip()) or regex("RankingMarker").search(text)) \
            and handed_whole_outnumbered(measure, heads, text, block, section):
        measure = "civilian_deaths"  # "...; they claimed the lives of 412 civilians. / By governorate: Raqqa 402, Deir
        # Ez-Zour 287, ...": more than the massacres' victims together, so all the deaths (round 118b); so too a
        # ranking's bare counts ("...; 17 of the victims died due to torture. / Most of the deaths occurred in Idlib
        # governorate (207), followed by Hama (48)": fx134d)
    if is_ranking_under_massacres(measure, text, section):
        # (its places' counts added up more than those victims: "... claimed the lives of 611 civilians. / Aleppo recorded
        # the highest death toll with 604 civilians, followed by ... with 431, ...": all the deaths; round 130a)
        if not outnumbers_counted_victims(heads, block) and not outnumbers_counted_victims(heads, block, together=True) \
                and not ranks_the_whole_toll(text, heads):
            if prev is None:
                warn_left_out(sentence.source, sentence.line_at(start), text.strip()[:60], "ranking_measure")
            return Count(head, measure)
        measure = "civilian_deaths"  # more than all the massacres' victims, or of the month's: all the civilian deaths
    # (a massacre's victims are civilians: a count mixing fighters is none of them either, "Massacres / ... 643 martyrs
    # in August, civilians and defectors together"; round 62b)
    if (measure in ("civilian_deaths", "massacre_deaths") or head.noun == "bare") \
            and counts_fighters(head, text, segment, sentence.source.report):
        return Count(head, measure)
    if measure == "torture_deaths" and regex("FightersPredicateAfter").match(text[noun_end(text, head.mention):]):
        return Count(head, measure)  # "Nearly 95 detainees died under torture ..., captured fighters among them": no
        # count of civilians' torture deaths (fx163ab)
    if regex("FightersIncluded").search(segment + text[end:head.window_end]) \
            and regex("MixedVictimNoun").match(text[end:]):
        return Count(head, measure)  # "Including fighters of all parties, ... 24,917 individuals": of no measure
    # a count after a bracket that holds the count before it ("102 (against 61 in November), and HTS 8") takes no period
    # from that count: the bracket's is an aside
    inherits = prev is not None and not is_in_closed_bracket(text, prev.head.mention.start, start)
    chosen = period_of(head, prev.read_period if inherits else None, inherits, text, sentence.periods,
                       segment_start, bringing, block, section, sentence.source.period, title, heads[heads.index(head) + 1:])
    if prev is not None and prev.period_explicit and prev.period == chosen.period:
        chosen = replace(chosen, explicit=True)  # "X saw 812 in 2024, ahead of Y with 604": said for the whole list
    if chosen.period is None:  # "since that date": a period the schema cannot hold
        if chosen.unreadable is not None:
            mention = chosen.unreadable
            warn_left_out(sentence.source, sentence.line_at(start), text[mention.start:mention.end].strip(), mention.kind)
        elif chosen.unreadable_context:  # "Last year, the network documented far more deaths. X killed 22 civilians."
            sentence.warn_count_left_out(start, segment_start, head.window_end, "context_period")
        return Count(head, measure)
    if not chosen.explicit and period_type(chosen.period) == "month" and regex("UndatedSpanOfMonths").search(text):
        # "Government forces alone killed 6,942 civilians over these eight months", the months named nowhere the reader
        # links them to: a span, never the report's month (session 43; fx158bc saw it filed under the month)
        sentence.warn_count_left_out(start, segment_start, head.window_end, "span_anaphor")
        return Count(head, measure)
    if prev is not None and regex("PartOfThemBefore").search(segment) and head.mention.value > prev.head.mention.value \
            and chosen.period == prev.period and prev.measure == measure and head.noun == prev.head.noun:
        # "..., 51 of them in December, among them 102 killed by landmines": no part of the 51, so not December's;
        # whose part it is (the year's?) the text does not say
        sentence.warn_count_left_out(start, segment_start, head.window_end, "larger_part")
        return Count(head, measure)
    if prev is not None and is_change_end(text, prev, start) and chosen.period == prev.period:
        # "Deaths in Daraa rose from 12 in February to 31": the end of the change takes no period from its start
        sentence.warn_count_left_out(start, segment_start, head.window_end, "change_end")
        return Count(head, measure)
    # a ranking after statements of the period it would take anyway (the section's, else the report's) ranks that one
    if not chosen.explicit and is_ranking_of_another_period(text, block, section, sentence.source):
        if prev is None:  # a ranking after a sentence of another period: which one it ranks is not said
            warn_left_out(sentence.source, sentence.line_at(start), text.strip()[:60], "ranking")
            # nor, when the block went on in one month of a longer text's span, which one the statements after it
            # that name none speak of ("In December alone, 112 ... . Idlib was the deadliest governorate, with 482
            # ... . Among the dead were 19 medical workers ..." in a year's text; round 96c)
            whole = section.period or sentence.source.period
            if block.period not in (None, NO_PERIOD, whole) and period_type(block.period) == "month" \
                    and whole and period_type(whole) != "month":
                block.period = NO_PERIOD
        return Count(head, measure)
    parties = parties_of(head, measure, heads, sentence, segment_start, bringing, block, section,
                         prev.parties if prev else (), prev is not None and prev.party_left_out)
    if party_massacres_toll:
        parties = Parties(prev.parties)  # "6 by X, in which 87 civilians were killed": the victims of X's massacres
    elif prev is not None and head.noun == "bare" and parties.codes == ("all",) and not parties.from_context \
            and prev.parties not in ((), ("all",)) and regex("ComparedWithBefore").search(text[segment_start:start]) \
            and not find_parties(text[segment_start:start], sentence.source.report) \
            and is_killers_count(text[:prev.head.mention.start], prev.parties, sentence.source.report):
        # "other parties, among them landmines, which claimed 16 lives, compared with 11 in May": the compared count's
        # party, the subject of its verb of killing (round 141a: read as every party's); never a party named only by
        # where the count died ("71 people died in government prisons, against 39 in March": whose 39, unsaid)
        parties = Parties(prev.parties)
    if prev is None and parties.codes not in ((), ("all",)) and regex("OfThoseKilledAfter").match(text[end:]):
        # "X killed 903 civilians. 88 of those killed were children": X's victims, or all the month's, the words do not
        # say (after an all-parties count they are its part: "... killed 1,850 civilians. 402 of those killed were ...")
        sentence.warn_count_left_out(start, segment_start, head.window_end, "those_killed")
        return Count(head, measure, party_left_out=True)
    period = None if parties.left_out else chosen.period
    if head.noun in {"bare", "generic", "civilians"} and is_place_part_in_parentheses(head, heads, text):
        # "Hama 64 (41 of them in Hama city)": a part of the governorate's count within it, read as no one's (fx143a)
        sentence.warn_count_left_out(start, segment_start, head.window_end, "place_part")
        return Count(head, measure, read_period=chosen.period)
    places = governorates_of(head, prev.head if prev else None, text, segment, sentence.source.report, heads)
    if not places.codes and block.clause_place and (is_place_anaphor(text[:start])
                                                    or is_part_of_them_opening(text[:start], text[end:])):
        # "Aleppo was the deadliest province, with 5,817 killed in 2016; in December alone, ..., the province lost 704":
        # the one governorate of the statement before the semicolon (fx134c), never the country's
        places = Governorates((block.clause_place,))
    if (places.within or places.region) and measure in SPECIAL_GROUP_MEASURES \
            and is_lone_group_count(head, heads, text):
        # "One medical worker was killed in Aleppo city": a special group's count stated for a place within a
        # governorate, its count in all governorates as a party's count in a region is (dropped by snhr_data.extract if
        # the text states another count of that group; fx136a)
        places = Governorates((), region=places.within or places.region)
    if places.within:
        # "In the city of Homs, 12 civilians were killed": a part of the toll, never the country's, a party's or Homs's
        warn_left_out(sentence.source, sentence.line_at(start), text[:head.window_end].strip()[:80], "part")
        return Count(head, measure, read_period=chosen.period)
    if places.kicker:  # "Hama: at least 212 civilians killed in May as ...": the place's toll or the country's
        sentence.warn_count_left_out(start, segment_start, head.window_end, "place_kicker")
        return Count(head, measure, read_period=chosen.period)
    if places.named_before and parties.codes == ("all",) and block.party not in (None, "all") \
            and measure in block.party_measures \
            and not (measure == "civilian_deaths" and regex("PlacesListOpening").match(text)
                     and len({party for party, m, _ in block.victims_of if m == measure and party != "all"}) > 1):
        # "Syrian regime forces killed 45 civilians: Idlib 20; Hama 15": the list may go on with the party's counts
        # (not after a party's count of another measure: "Two Civil Defense members were killed by X. By governorate:
        # Idlib 98 civilians, ...": no breakdown of X's; nor a sentence of its own labelled "By governorate:" after the
        # block's counts of civilians of several parties: all parties' places; round 121c)
        warn_left_out(sentence.source, sentence.line_at(start), text.strip()[:60], "list_party")
        return Count(head, measure, read_period=chosen.period)
    if is_own_clause_place_after_party_place(head, text, parties, places, prev, sentence.source.report):
        # "X killed 350 civilians, most of them in Idlib, where 241 died, while 87 were killed in Hama": X's part in
        # Hama going on, or every party's victims there, the words do not say
        sentence.warn_count_left_out(start, segment_start, head.window_end, "list_party")
        return Count(head, measure, read_period=chosen.period)
    if measure == "civilian_deaths" and parties.codes == ("all",) and not places.codes \
            and ((regex("WholeTollAfter").match(text[end:]) and head.noun not in GROUP_HEADS
                  and not regex("MonthOfTheWholeBefore").search(text[:start])
                  and not regex("CiviliansOfTheWholeBefore").search(text[:start]))
                 or regex("VictimsKilledInAfter").match(text[end:])):
        # "Nine of the month's victims were killed in its final week": a part of the toll, never the toll (but "157 of
        # the year's victims died due to torture" is the year's deaths under torture; and "Children made up 98 of the
        # month's victims" is the month's children, the group the subject names; round 78b)
        sentence.warn_count_left_out(start, segment_start, head.window_end, "part_of_total")
        return Count(head, measure, read_period=chosen.period)
    if measure == "civilian_deaths" and regex("GroupOriginAfter").match(text[end:]):
        # "2 of the children were from my hometown": who some of them were, whoever's victims they were; never a count
        # of the group, all parties' or the party's of the sentence before (round 119a)
        sentence.warn_count_left_out(start, segment_start, head.window_end, "part_of_total")
        return Count(head, measure, read_period=chosen.period)
    if parties.codes == ("all",) and places.codes in ((), ("all",)) and regex("PartOfAPeriodsWholeAfter").match(text[end:]):
        # "SNHR recorded 812 civilian deaths in Suwayda, ..., and 29 of the month's 38 massacres": a part of the month's
        # whole whose own words give it no party or place; never that whole (round 112d: all the month's 29 massacres)
        sentence.warn_count_left_out(start, segment_start, head.window_end, "part_of_total")
        return Count(head, measure, read_period=chosen.period)
    if prev is None and head.noun == "bare" and len(block.last_measures) > 1 \
            and regex("SubjectlessChangeOpening").match(segment):
        # "3 deaths under torture; no massacres this month. / Up from 81 in January.": the count of the sentence
        # before that it compares with is not said (the torture deaths, the massacres, or the toll before them)
        sentence.warn_count_left_out(start, segment_start, head.window_end, "change_subject")
        return Count(head, measure, read_period=chosen.period)
    if prev is not None and regex("ComparedWithBefore").search(segment) and prev.measure != measure \
            and chosen.period != prev.period and parties.codes not in ((), ("all",)):
        # "X killed 211, while 41 victims died due to torture, compared with 1,049 civilians killed in December 2016":
        # the count before is of another measure, so what it is compared with (X's count or the whole) is not said
        sentence.warn_count_left_out(start, segment_start, head.window_end, "comparand")
        return Count(head, measure, read_period=chosen.period)
    if prev is not None and not places.codes and (regex("ComparedWithBefore").search(segment)
                                                  or is_change_end(text, prev, start)):
        places = Governorates(prev.governorates)  # "22 deaths in Suwayda in September, against 61 the previous month"
    if prev is not None and not places.codes and refers_back(segment, text[end:]):
        places = Governorates(prev.governorates)  # "611 civilians were killed in Aleppo, 502 of them by X": Aleppo's
    if places.codes == AMBIGUOUS and prev is not None \
            and is_party_part_in_place(segment, text[end:], parties.codes, prev, sentence.source.report):
        places = Governorates(prev.governorates)  # "Aleppo ranked first with 17, of whom X killed six": Aleppo's
    if not places.codes and prev is not None and is_bracketed_party_part(text, start, parties.codes, prev):
        places = Governorates(prev.governorates)  # "Idlib: 44 (regime 20, Russia 24)": Russia's 24 in Idlib
    if not places.codes and prev is not None and is_elided_by_part(segment, text[end:], parties.codes, prev) \
            and not is_place_of_the_part_alone(prev, text):
        places = Governorates(prev.governorates)  # "In Raqqa, 344 were killed, 219 of them by X and 60 by Y": Y's in Raqqa
    if not places.codes and prev is not None and head.noun in {"bare", prev.head.noun} \
            and is_gapped_party_count(text[noun_end(text, prev.head.mention):start], parties.codes, prev,
                                      sentence.source.report):
        places = Governorates(prev.governorates)  # "X killed 142 of the victims in Idlib and Y 128": Y's in Idlib
    # "Israeli forces killed four civilians in Daraa and Quneitra", "Turkish forces killed 64 in the Afrin area"
    if (places.listed or places.region) and parties.codes and "all" not in parties.codes and not parties.from_context:
        places = places.as_party_total()
    place_also_all = is_party_count_in_one_place(head, measure, parties, places, text)
    alone = None if places.codes or place_also_all or head.noun in ("bare", "") \
        else all_in_one_governorate(text[noun_end(text, head.mention):])
    if alone:  # "SNHR documented two massacres in September, both in Daraa governorate": Daraa's, and all governorates'
        places = Governorates((alone,))
    if prev is not None and (refers_back(segment, text[end:]) or is_apposed_part(segment, text[end:])) \
            and is_same_key(head, measure, period, parties.codes, places.codes, prev) \
            and not names_heading_party_itself(prev, parties, text, segment_start, head.window_end,
                                               sentence.source.report):
        # "121 died under torture, 118 of them in government detention centres": a part the table cannot hold apart
        sentence.warn_count_left_out(start, segment_start, head.window_end, "part")
        return Count(head, measure, read_period=chosen.period, party_left_out=parties.left_out)
    if prev is None and refers_back(segment, text[end:]) and any(
            is_same_key(head, measure, period, parties.codes, places.codes, whole)
            and victim_of(head) == victim_of(whole.head) for whole in block.last_counts):
        # "ISIS killed 88 civilians; seven of those 88 were executed": a part of the sentence before's count, never it
        warn_left_out(sentence.source, sentence.line_at(start), text[:head.window_end].strip()[:80], "part")
        return Count(head, measure, read_period=chosen.period, party_left_out=parties.left_out)
    some_of = regex("SomeOfTheMassacresAfter").match(text[end:]) if measure == "massacres" else None
    if some_of and parties.codes == ("all",) and places.codes in ((), ("all",)) \
            and not any(p.period and p.start >= end + some_of.end() for p in sentence.periods):
        # "Two of the month's massacres took place in Idlib": a part of them, in a place the table cannot hold (never
        # "15 of the year's massacres were committed in December": December's)
        sentence.warn_count_left_out(start, segment_start, head.window_end, "part")
        return Count(head, measure, read_period=chosen.period, party_left_out=parties.left_out)
    # "US-led Coalition forces killed one child" also says how many victims in all
    # ... but not one opened as a part of the victims ("Among them, 17 children were killed by Russian forces"), nor one
    # of a sentence breaking down a group ("Of the 27 children killed, X killed 9"), nor one of a statement going on,
    # after a semicolon, from one that picked out groups ("X killed 5 children and 2 women; Y killed 2 children")
    also_all = (head.noun in GROUP_HEADS and not head.groups and block.saw_all_victims
                and not (opening_group(text)[0] or block.opening_group)
                and bool(regex("KilledBefore").search(text[:start]) or regex("KilledByAfter").match(text[end:]))
                and not regex("PartOfTheVictimsBefore").search(text[:start])
                and not other_group_counted(head, heads) and not block.groups_before_semicolon
                and not any((party, measure, chosen.period) in block.victims_of for party in parties.codes))
    # "N massacres since the beginning of 2020, including one massacre in May": the month's total
    month_of_parent = bool(
        prev is not None and regex("IncludingBefore").search(text[noun_end(text, prev.head.mention):start])
        and prev.period and period and len(period) == 7 and period != prev.period
        and (len(prev.period) == 4 or "/" in prev.period) and measure == prev.measure)
    return Count(head, measure, period, chosen.explicit, parties.codes, places.codes,
                 1.0 if places.one_each else head.mention.value, join_notes(parties.note, places.note(head.mention.value)),
                 parties.from_context, also_all, parties.also_total, month_of_parent,
                 torture_groups if measure == "civilian_deaths" else (), chosen.period, parties.left_out,
                 "massacres" if bracketed else whole_measure_of(
                     prev, block, refers_back(segment, text[end:]) or (prev is not None and is_included_part(segment)),
                     measure, segment, text[end:]), place_also_all, bool(alone))


# the note of the all-governorates row of a count said to be all in one governorate
ALL_IN_PLACE_NOTE = "all of the count stated in one governorate, filed under all governorates too"


def is_place_anaphor(before: str) -> bool:
    """Whether the words right before a count make "the province" or "the governorate" its subject ("the province
    lost 704") and the sentence names no governorate before it: the place of the statement before, if a semicolon
    ended it."""
    return bool(regex("PlaceSubjectBefore").search(before)) and not find_governorates(before)


def is_part_of_them_opening(before: str, after: str) -> bool:
    """Whether a count opens its statement as a part of the count before it ("...; 21 of them were killed by X", "...;
    of these, 14 were killed by X"): after a semicolon ending a statement of one governorate, a part in that governorate
    (fx163ab: had been X's count in the whole country)."""
    return bool(regex("PartOfThemOpeningBefore").fullmatch(before) and (
        regex("OfThemAfter").match(after) or not regex("EmptyBefore").fullmatch(before)))


def one_place(counts: list[Count]) -> str | None:
    """The one governorate ``counts`` name, else None (none, several, or one left unclear)."""
    places = {code for count in counts for code in count.governorates}
    return places.pop() if len(places) == 1 and not places & {"all", AMBIGUOUS[0]} else None


def all_in_one_governorate(after: str) -> str | None:
    """The one governorate a count's aside says all of it was in ("two massacres in September, both in Daraa
    governorate", "12 civilians last month, all of them in Idlib"; round 115d), ``after`` the words after the count's
    noun: the count is that governorate's, and all governorates' too; None when the aside names no governorate alone (a
    city, a region, a prison, two governorates)."""
    aside = regex("AllInOnePlaceAfter").match(after)
    if not aside:
        return None
    place = aside.group("place").strip()
    named = find_governorates(place)
    if len(named) != 1 or named[0].start != 0 or named[0].end != len(place) or names_a_city(after[:aside.end()]):
        return None
    return named[0].code


def is_party_count_in_one_place(head: Head, measure: str, parties: Parties, places: Governorates, text: str) -> bool:
    """Whether a party's count of civilian deaths is the object of its own "killed", placed in one governorate right
    after it ("Israeli forces killed seven civilians in Daraa countryside"; round 72a), or a breakdown's count with its
    party then its place after it ("..., and two by Israeli forces in Quneitra"; round 114d): the party's count there, and
    its count in all governorates too, as a party's count stated across several governorates is (dropped by
    ``snhr_data.extract`` if the text states another count of that party)."""
    after = without_groups_aside(text[head.mention.end:])
    return (measure == "civilian_deaths" and len(parties.codes) == 1 and "all" not in parties.codes
            and not parties.from_context and not parties.left_out and len(places.codes) == 1
            and places.codes != AMBIGUOUS and not places.named_before and not places.within
            and ((bool(regex("KilledBefore").search(text[:head.mention.start]))
                  and bool(regex("PartyCountInOnePlaceAfter").match(after)) and place_right_after(after))
                 or bool(regex("PartyThenOnePlaceAfter").match(after))))


def is_lone_group_count(head: Head, heads: list[Head], text: str) -> bool:
    """Whether a special group's count names its group ("One medical worker was killed in Aleppo city") and the
    sentence goes on with no other count of that group or part of the list ("..., and one in Idlib", "and another in
    Hama"), only other groups' counts ("..., and one media worker was killed by X")."""
    later = [h for h in heads if h.mention.start > head.mention.start]
    return (head.noun not in ("bare", "generic")
            and all(h.noun not in ("bare", "generic", head.noun) for h in later)
            and not regex("MoreOfAListAfter").search(text[head.mention.end:]))


def without_groups_aside(after: str) -> str:
    """The words after a count with the aside naming its groups before its place taken out ("civilians, including one
    child, in Daraa" -> "civilians in Daraa"); ``after`` itself when there is no such aside."""
    aside = regex("GroupsAsideBeforePlace").match(after)
    return aside.group("noun") + after[aside.end():] if aside else after


def is_own_clause_place_after_party_place(head: Head, text: str, parties: Parties, places: Governorates,
                                          prev: Count | None, report: str) -> bool:
    """Whether a count opening a clause of its own after a join ("..., while 87 were killed in Hama"), naming a place
    and no party, follows a place's count of one party ("X killed 350, most of them in Idlib, where 241 died"): the
    party's victims in the next place, or all parties' there, the text does not say."""
    if prev is None or parties.codes != ("all",) or parties.from_context or not places.codes or places.codes == AMBIGUOUS:
        return False
    if not prev.parties or "all" in prev.parties or not prev.governorates:
        return False
    clause = own_clause_start(head, text)
    return clause > 0 and not find_parties(text[clause:head.window_end], report)


def is_civilian_item_of_parts(head: Head, prev: Count | None, segment: str, after: str) -> bool:
    """Whether a count of "civilians" (or "people", "victims") goes on a list of the parts by party of a count of
    another measure, after one of its parts ("... due to torture: 86 by X, two by Y and one civilian by Z"): its noun
    names the victims, the list's measure is still counted; so after a part whose party the vocabulary lacks, left out
    ("... three of them at the hands of remnants of the Assad regime and one civilian by Z"; round 110a)."""
    return (head.noun == "generic" and prev is not None and prev.measure in SECTION_MEASURES
            and prev.head.noun == "bare" and prev.parties != ("all",)
            and bool(regex("PartItemJoinBefore").fullmatch(segment))
            and bool(regex("PartItemByPartyAfter").match(after)))


def is_death_item_of_parts(head: Head, prev: Count | None, segment: str, after: str) -> bool:
    """Whether a count of "deaths" goes on the parts by party of a count of another measure, after one of its parts,
    its parties named before it in the same clause ("17 died due to torture: 14 of them in X's prisons, while Y and Z
    were each responsible for one death"; round 31): deaths of the parts' measure, not civilian deaths."""
    return (head.noun == "generic" and prev is not None and prev.measure in SECTION_MEASURES
            and prev.head.noun == "bare" and prev.parties not in ((), ("all",))
            and bool(regex("PartItemResponsibleBefore").search(segment))
            and bool(regex("PartItemDeathsAfter").match(after)))


def is_party_massacres_toll(prev: Count | None, before_prev: str, segment: str) -> bool:
    """Whether a count right after a party's count of massacres opening an item of a list (``before_prev``: the text
    before that count), in a clause of its own, is the victims of those massacres ("...: 6 by X, in which 87 civilians
    were killed; one by Y, killing 8 civilians"; "2 by X, killing 20, and 1 by Y, killing 8": an item after an item's own
    toll); never after the last of parts joined by "and" ("two by X and one by Y, in which 19 civilians were killed": all
    three massacres')."""
    return (prev is not None and prev.measure == "massacres" and prev.parties not in ((), ("all",))
            and bool(regex("ListItemOpenedBefore").search(before_prev) or regex("ItemAfterAnItemsTollBefore").search(before_prev))
            and bool(regex("PartyMassacresTollBetween").match(segment)))


def is_bracketed_massacre_victims(prev: Count | None, before: str, after: str) -> bool:
    """Whether a count in brackets right after a count of massacres gives their victims ("Syrian regime forces 2 (13
    victims), ..."): the massacres' deaths, and the count after it counts massacres again."""
    return (prev is not None and prev.measure == "massacres" and bool(regex("BracketOpenBefore").search(before))
            and bool(regex("VictimsBracketClose").match(after)))


def measure_from_before(prev: Count | None, segment: str, after: str) -> str | None:
    """The measure the count before hands on to a count whose own words name none: the measure of the whole the count
    before is a part of ("Of those killed, 27 died due to torture, and X killed 23": civilian deaths), unless the count
    refers back right after it, a comma between ("Of those killed, 98 died under torture, 96 of them in X's prisons":
    "them" are the 98, deaths under torture)."""
    if prev is None:
        return None
    if prev.whole_measure and regex("CommaJoinBefore").fullmatch(segment) and regex("BackReferenceAfter").match(after):
        return prev.measure
    return prev.measure_handed_on


def whole_measure_of(prev: Count | None, block: Context, part: bool, measure: str, segment: str = "",
                     after: str = "") -> str | None:
    """The measure of the count a part speaks of (``part``: "27 of them died due to torture"): the count's before it in
    the sentence, else the one the sentence before handed on (a part split from its count by a semicolon); a part that
    counts massacres ("26 massacres, in which 197 civilians were killed: X committed 12 of them") is one of the
    massacres, never of their victims."""
    if not part:
        return None
    if measure == "massacres":
        return measure
    return measure_from_before(prev, segment, after) if prev is not None else block.measure


def victim_of(head: Head) -> str:
    """The victim group a head counts ("all" for civilians, deaths, bare numbers)."""
    return head.noun if head.noun in GROUP_HEADS else "all"


def other_group_counted(head: Head, heads: list[Head]) -> bool:
    """Whether the sentence counts a victim group in another count too ("killed 27 children and 14 women"; "Russian
    forces killed 29 children, ..., while Syrian regime forces killed 14 women and Russian forces 17"), or among the
    groups of another ("X killed 40 civilians, including 12 children, and 7 women were killed by Y"): it picks out
    groups of the victims, so no group's count is all a party's victims."""
    return any(other is not head and (other.noun in GROUP_HEADS or other.groups) for other in heads)


def is_ranking_under_massacres(measure: str, text: str, section: Context) -> bool:
    """Whether a governorate ranking that names no massacre ("Aleppo governorate recorded the highest death toll with
    341 civilians, followed by ...", "Most victims fell in Aleppo (402), Idlib (288) ...") takes the massacres' victims
    from its heading ("IV. Massacres") only: whether it ranks them or all the month's deaths, the text does not say."""
    return (measure == "massacre_deaths" and section.measure == "massacres" and not regex("MassacreWord").search(text)
            and (ranking_subject(text) is not None or bool(regex("VictimsByPlaceOpening").match(text))))


def ranks_the_whole_toll(text: str, heads: list[Head]) -> bool:
    """Whether a ranking under a heading of massacres names its whole as the period's victims ("Idlib governorate
    accounted for 398 of the month's victims, and Hama for 137"; round 95a), or its first place's loss over the whole
    month ("Idlib lost 356 civilians during the month, Aleppo 327 ..."; round 128c): it ranks all the deaths."""
    return any(regex("WholeTollAfter").match(text[h.mention.end:]) for h in heads) \
        or any(regex("WholeMonthLossAfter").match(text[h.mention.end:]) for h in heads[:1])


def outnumbers_counted_victims(heads: list[Head], block: Context, together: bool = False,
                                measure: str = "massacre_deaths") -> bool:
    """Whether a ranking under a heading of massacres counts more in one place than the massacres' victims the sentence
    before counted in all ("14 massacres ..., which claimed the lives of 163 civilians. / Aleppo governorate saw the
    highest death toll, with 318 civilians"; round 92d): it cannot rank those victims, so it ranks all the deaths.
    ``together``: its counts added up count more than those victims (or than the deaths of another ``measure``), all
    parties' (never a party's part before a list going on: "ISIS: 2" / "HTS: 1" / "SDF: 3")."""
    victims = [c.head.mention.value for c in block.last_counts if c.measure == measure
               and (not together or c.parties == ("all",) or measure in SPECIAL_GROUP_MEASURES)]
    values = [h.mention.value for h in heads]
    return bool(victims) and bool(values) and (sum(values) if together else max(values)) > max(victims)


# a measure the sentence before hands on to counts naming none, and the words that would name it in their own sentence
HANDED_PART_MEASURES = {"massacre_deaths": "MassacreWord", "torture_deaths": "TortureWord",
                        "medical_personnel_deaths": "WorkersSubject", "media_worker_deaths": "WorkersSubject",
                        "civil_defense_deaths": "WorkersSubject"}


def handed_whole_outnumbered(measure: str, heads: list[Head], text: str, block: Context, section: Context) -> bool:
    """Whether the counts of a labelled list naming no massacre (no torture), handed the massacres' victims (the torture
    deaths) by the sentence before, add up to more than it counted of them ("...; they claimed the lives of 412
    civilians. / By governorate: Raqqa 402, Deir Ez-Zour 287, ...", "...; six of the victims died due to torture. /
    June by perpetrator: regime forces 46, Russian forces 11, ..."; "Media workers: one death, ... / Governorates: Aleppo
    71, ..."; round 118b): none of their parts, all the deaths. A section of that measure keeps its own."""
    word = HANDED_PART_MEASURES.get(measure)
    return word is not None and section.measure != ("massacres" if measure == "massacre_deaths" else measure) \
        and not regex(word).search(text) and outnumbers_counted_victims(heads, block, together=True, measure=measure)


def is_party_part_in_place(segment: str, after: str, parties: tuple[str, ...], prev: Count, report: str) -> bool:
    """Whether a count a ranking leaves with no one governorate is a party's part of the count before it, of the one
    governorate that count is ("Aleppo ranked first with 17 civilians, of whom Turkish forces killed six", "Idlib came
    second with 15, seven of them killed by Russian forces"), or goes on with such a part, its verb left out ("... and
    Syrian Democratic Forces five"): that party's count in that governorate."""
    if not parties or "all" in parties or len(prev.governorates) != 1 or prev.governorates == AMBIGUOUS:
        return False
    if refers_back(segment, after) or is_elided_by_part(segment, after, parties, prev):
        return True
    if prev.parties == ("all",) and regex("ColonBefore").fullmatch(segment) and regex("ElidedVerbByAfter").match(after):
        return True  # "Daraa had the highest toll, with 21 civilians: nine killed by X and 12 by Y": X's nine in Daraa
    named = find_parties(segment, report)
    return bool(named) and "all" not in prev.parties and bool(prev.parties) \
        and bool(regex("ElidedPartyGap").fullmatch(segment[:named[0].start])) \
        and bool(regex("ElidedPartyGap").fullmatch(segment[named[-1].end:])) and len({m.code for m in named}) == 1


def is_change_end(text: str, prev: Count, start: int) -> bool:
    """Whether the count at ``start`` ends a change whose start is the count before it ("rose from 12 in February to
    31"), or starts one whose end is the count before ("fell to 297 civilians from 412 in January")."""
    before, gap = text[:prev.head.mention.start], text[noun_end(text, prev.head.mention):start]
    return bool(regex("ChangeStartBefore").search(before)) and bool(regex("ChangeEndBefore").fullmatch(gap)) \
        or bool(regex("ChangeToBefore").search(before)) and bool(regex("ChangeFromBefore").fullmatch(gap))


def is_bracketed_party_part(text: str, start: int, parties: tuple[str, ...], prev: Count) -> bool:
    """Whether a party's count stands in a bracket opened right after the count of one governorate, or after such a
    part in the same bracket ("Idlib: 44 (regime 20, Russia 24)", "Idlib governorate: 44 civilians (20 by X, 24 by
    Y)"): a party's part of that governorate's count, that governorate's."""
    if not parties or "all" in parties or len(prev.governorates) != 1 or prev.governorates == AMBIGUOUS:
        return False
    opened = text.rfind("(", 0, start)
    if opened < 0 or ")" in text[opened:start]:
        return False
    if prev.head.mention.start > opened:
        return True  # a part before it in the same bracket, already of that governorate
    return prev.parties == ("all",) and not text[noun_end(text, prev.head.mention):opened].strip()


def is_place_of_the_part_alone(prev: Count, text: str) -> bool:
    """Whether the one governorate of the count before is named after its own agent, not before its count ("three of
    them were killed by Israeli forces in the Quneitra countryside, 41 by unidentified gunmen": Israel's place, never
    the gunmen's)."""
    return not any(m.code in prev.governorates for m in find_governorates(text[:prev.head.mention.start]))


def is_elided_by_part(segment: str, after: str, parties: tuple[str, ...], prev: Count) -> bool:
    """Whether a count goes on from a party's part of one governorate's count with another party's, its verb left out
    and its party named after it ("In Raqqa, 344 civilians were killed, 219 of them by X and 60 by Y", "Idlib lost 512,
    of whom 301 were killed by X and 186 by Y", "In Daraa, 18 were killed: seven by X, six by Y and five by Z"; round
    67a): the next part of that governorate's count, that other party's count there."""
    return (len(prev.governorates) == 1 and prev.governorates != AMBIGUOUS
            and prev.parties not in ((), ("all",)) and parties not in ((), ("all",)) and parties != prev.parties
            and bool(regex("ElidedPartyGap").fullmatch(segment)) and bool(regex("ElidedVerbByAfter").match(after)))


def is_gapped_party_count(before: str, parties: tuple[str, ...], prev: Count, report: str) -> bool:
    """Whether a count is another party's, right after its label, its verb, noun and place left out after a party's
    count of one governorate ("Syrian regime forces killed 142 of the victims in Idlib and Russian forces 128"; ``before``:
    the words from that count's noun to this count): it repeats that count's place."""
    return (gapped_party_before(before, report) and len(prev.governorates) == 1 and prev.governorates != AMBIGUOUS
            and prev.parties not in ((), ("all",)) and parties not in ((), ("all",)) and parties != prev.parties)


def is_same_key(head: Head, measure: str, period: str | None, parties: tuple[str, ...], governorates: tuple[str, ...],
                whole: Count) -> bool:
    """Whether a part of the count ``whole`` ("N of them ...") would be filed under the whole's own key (its measure,
    period, parties, governorates and victim group): a part is never its whole. A "part" as large as the whole is the whole stated again (a headline glued to the
    sentence that repeats it), no part."""
    return (head.mention.value != whole.head.mention.value and measure == whole.measure and period == whole.period and parties == whole.parties
            and governorates == whole.governorates
            and (head.noun in GROUP_HEADS) == (whole.head.noun in GROUP_HEADS))


def counts_fighters(head: Head, text: str, segment: str, report: str) -> bool:
    """Whether a count of deaths counts fighters too: "1874 individuals", "1290 people" (civilians and fighters
    together), "the total number of individuals killed reaches 2,564", "the death toll of rebels reached 713", "120 victims from the armed opposition factions", a row's
    fighters cell ("... Died under torture 118 Armed fighters 402"), "the other 539 victims were fighters", the fighters'
    losses ("... rebel fighters ...; it put their losses at 704"); never "people" in a breakdown of a party's victims
    ("Of the deaths attributed to other parties, ..., Turkish border guards shot dead three people ...": those victims)."""
    if regex("MixedVictimNoun").match(text[head.mention.end:]) \
            and not regex("VictimsApposedBefore").search(text[:head.mention.start]) \
            and not regex("VictimsOfAPartyOpening").match(text):
        return True
    if head.noun == "bare" and (regex("FightersLabelBefore").search(text[:head.mention.start])
                                or regex("FightersNoun").search(without_place_asides(without_party_labels(segment, report)))
                                and not regex("FightersAgent").search(text[:head.mention.start])):
        return True
    if regex("OthersNounAfter").match(text[head.mention.end:]) \
            and regex("FightersCountAndBefore").search(text[:head.mention.start]):
        return True  # "killed 12 fighters and 30 others": others than the fighters, whether civilians the text leaves unsaid
    if head.noun == "bare" and regex("MixedVictimTotalBefore").search(text[:head.mention.start]):
        return True  # "the total number of individuals killed thus reaches 2,564"
    if head.noun == "bare" and regex("FightersLossesBefore").search(segment):
        return True  # "it does not count rebel fighters in its toll; it put their losses at 704"
    if head.noun == "bare" and regex("FightersNounAfter").match(text[head.mention.end:]):
        return True  # "the deaths of 37 fighters from both sides in the Deir Ez-Zour clashes": a place made it a count
    after = text[noun_end(text, head.mention):]
    if regex("FightersPredicateAfter").match(after) or regex("OutsideCivilianTollAfter").match(after):
        return True  # "The other 539 victims were fighters", "702 martyrs, who are not among the civilian toll"
    member = regex("MembersOf").match(after)
    return bool(member) and (any(m.start == 0 for m in find_parties(after[member.end():], report))
                             or "of" in member.group(0).split() and bool(regex("ArmedBodyOpening").match(
                                 after[member.end():])))  # "members of armed groups", never "from the army's shelling"


def without_party_labels(segment: str, report: str) -> str:
    """``segment`` with its parties' labels blanked (the same length): a fighters noun inside one names the party ("...,
    Islamic State militants 58 and ...": the militants killed 58), never the victims (round 28)."""
    for mention in find_parties(segment, report):
        segment = segment[:mention.start] + " " * (mention.end - mention.start) + segment[mention.end:]
    return segment


def without_place_asides(segment: str) -> str:
    """``segment`` with the where-clauses set off after a governorate's name blanked (the same length): fighters they
    name ("Deir ez-Zour, where the SDF and tribal fighters clash, lost 29") are what happens there, never the victims of
    the count after them (fx139b)."""
    for place in reversed(find_governorates(segment)):
        aside = regex("PlaceWhereAsideAfter").match(segment, place.end)
        if aside:
            segment = segment[:aside.start()] + " " * (aside.end() - aside.start()) + segment[aside.end():]
    return segment


def without_clashing_party_counts(figures: list[Figure], sentence: Sentence) -> list[Figure]:
    """``figures`` without the party's counts one sentence gives two values of ("Unidentified gunmen killed 31 civilians,
    ..., and nine civilians were killed by unidentified persons", two labels of one code): which is the party's the
    text does not say; left out, each warned."""
    keys = [(f.period, f.measure, f.victim_group, f.perpetrator, f.governorate)
            if f.unit == "count" and f.perpetrator != "all" and not is_party_total_by_place(f.note) else None
            for f in figures]  # a party's count for places is left to snhr_data.extract (dropped beside another)
    values: dict[tuple[str, ...], set[float]] = {}
    for f, key in zip(figures, keys):
        if key:
            values.setdefault(key, set()).add(f.value)
    kept = []
    for f, key in zip(figures, keys):
        if key and len(values[key]) > 1:
            warn_left_out(sentence.source, f.line, f.quote[:80], "party_clash")
        else:
            kept.append(f)
    return kept


def count_figures(count: Count, sentence: Sentence) -> list[Figure]:
    """The rows a resolved count gives: each party and governorate, with its groups."""
    if not count.parties or count.period is None:
        return []
    head, text, line_at = count.head, sentence.text, sentence.line_at
    quote = quote_around(text, head.mention.start, head.mention.end)
    if AMBIGUOUS[0] in count.governorates:
        warn_left_out(sentence.source, line_at(head.mention.start), quote[:80], "place")
        return []
    line = line_at(head.mention.start)
    govs = count.governorates or ("all",)
    victim = head.noun if head.noun in GROUP_HEADS else "all"
    rows: list[Figure] = []

    def add(victim_group: str, party: str, gov: str, value: float, qualifier: str, at: int, note: str,
            measure: str = count.measure) -> None:
        rows.append(sentence.figure(count.period, measure, victim_group, party, gov, "count", "", value,
                                    qualifier, at, quote, note))

    for party in count.parties:
        for gov in govs:
            add(victim, party, gov, count.value, head.qualifier, line, count.note)
            for group, mention in head.groups:
                if is_part_of_a_stated_group(group, mention, head, count):
                    continue  # "including three children ..., and including one child who died due to torture": one
                    # of the three, its torture death only
                add(group, member_of_group(text, mention, party, sentence.source.report) or party, gov, mention.value,
                    group_qualifier(head.qualifier, text, mention), line_at(mention.start), count.note)
            if count.also_all:
                add("all", party, gov, count.value, head.qualifier, line,
                    join_notes(count.note, "all the victims stated were " + victim))
            for group, mention in count.torture_groups:
                for victim_group in ("all", group):
                    add(victim_group, party, gov, mention.value, group_qualifier(head.qualifier, text, mention),
                        line_at(mention.start), join_notes(count.note, f"the {group} stated died due to torture"),
                        "torture_deaths")
    # the count of one place also the count of all governorates: a party's count stated in one place only, or "all of
    # them in <one governorate>"
    for place_note in [note for also, note in ((count.place_also_all, ONE_PLACE_NOTE),
                                               (count.all_in_place, ALL_IN_PLACE_NOTE)) if also]:
        for party in count.parties:
            add(victim, party, "all", count.value, head.qualifier, line, join_notes(count.note, place_note))
            for group, mention in head.groups:
                if not is_part_of_a_stated_group(group, mention, head, count):
                    add(group, party, "all", mention.value, group_qualifier(head.qualifier, text, mention),
                        line_at(mention.start), join_notes(count.note, place_note))
    if count.also_total and count.parties != ("all",):
        for gov in govs:
            add(victim, "all", gov, count.value, head.qualifier, line,
                join_notes(count.note, "the sentence attributes all of them to one party"))
            for group, mention in head.groups:  # "six civilians, four of them children": all parties' four too
                if not is_part_of_a_stated_group(group, mention, head, count):
                    add(group, "all", gov, mention.value, group_qualifier(head.qualifier, text, mention),
                        line_at(mention.start), join_notes(count.note, "the sentence attributes all of them to one party"))
    if count.month_of_parent and count.parties != ("all",) and not count.governorates:
        add("all", "all", "all", count.value, head.qualifier, line,
            join_notes(count.note, "the month's part of a year-to-date total"))
    return rows


def is_killers_count(before: str, parties: tuple[str, ...], report: str) -> bool:
    """Whether the count after ``before`` is the object of its party's verb of killing, the party named right before it
    ("landmine explosions, which claimed 16 lives", "Russian forces killed 61"): the party is the count's own agent."""
    named = find_parties(before, report)
    return bool(named) and (named[-1].code,) == parties and bool(regex("KillersVerbBeforeCount").fullmatch(
        before[named[-1].end:]))


def member_of_group(text: str, mention: NumberMention, party: str, report: str) -> str | None:
    """The subcategory of the other parties a group of their count is said killed by ("other parties killed 60, among
    them 5 children killed by landmines": the landmines' 5 children; round 141a: filed as the other parties' alone),
    else None."""
    if party != "other_parties":
        return None
    killed = regex("GroupKilledByMemberAfter").match(text, noun_end(text, mention))
    named = find_parties(text[killed.end():], report) if killed else []
    if not named or named[0].start != 0 or perpetrator_groups().get(named[0].code) != "other_sub":
        return None
    rest = text[killed.end() + named[0].end:]
    return named[0].code if regex("GroupKilledByMemberEnd").match(rest) else None


def is_part_of_a_stated_group(group: str, mention: NumberMention, head: Head, count: Count) -> bool:
    """Whether a group of a count who died due to torture is one of that group the count states apart ("including three
    children and one woman, and including one child who died due to torture"): no second value of the group."""
    torture = {id(m) for _, m in count.torture_groups}
    return id(mention) in torture and any(g == group and id(m) not in torture for g, m in head.groups)


def item_label(text: str) -> re.Match[str] | None:
    """The "Label: rest" of an item, past an ordinal ("Third: ISIS: 77 civilians" is labelled "ISIS")."""
    match = regex("Label").match(text.strip())
    if match and regex("OrdinalWord").fullmatch(match.group("label").strip()):
        return regex("Label").match(match.group("rest")) or match
    return match


def is_apposed_part(segment: str, after: str) -> bool:
    """Whether a count is set after a comma and placed ("..., one in government custody"): a part of the count
    before it."""
    return bool(regex("PartInAppositionBefore").search(segment) and regex("PartInAppositionAfter").match(after))


def names_a_place(label: str) -> bool:
    """Whether a label names a governorate, not an actor placed in one ("Local armed factions in Suwayda")."""
    return any(not regex("ActorInAPlaceBefore").search(label[:gov.start])
               and not regex("ActorAfterAPlace").match(label[gov.end:]) for gov in find_governorates(label))


def fighters_label(text: str) -> bool:
    """An item "Rebels: 230" counts fighters killed: no figure of civilian deaths, and its label is no party."""
    match = item_label(text)
    return bool(match and regex("FightersLabel").fullmatch(match.group("label").strip()))


LABEL_WORDS = 14  # the most words of an item's label ("Label: N ..."); a longer one is a sentence


def is_group_label(label: str) -> bool:
    """Whether a label names a victim group alone ("Children", "Women"), no party."""
    noun, end = noun_of(" " + label)
    return noun in GROUP_HEADS and not label[end - 1:].strip()


def is_group_count_item(label: str, rest: str) -> bool:
    """An item "Children: 61 (19.7% of victims)" or "Women: 51": a victim group's count, no party's."""
    return is_group_label(label) and bool(regex("GroupShareLabelRest").match(rest)
                                          or regex("GroupBareCountLabelRest").match(rest))


def group_item_under_a_party(text: str, read: list[Figure], before: list[Figure], first_line: int) -> bool:
    """A victim group's count item read as all parties' ("- Children: 48 (23%)") right under a line that stated one
    party's count ("- Syrian regime forces: 201"): that party's children, or all parties'? (session 42: had been all
    parties')"""
    match = item_label(text)
    if not (match and read and is_group_count_item(match.group("label").strip(), match.group("rest"))
            and all(f.perpetrator == "all" for f in read)):
        return False
    above = before[-1].line if before else 0
    if not first_line - 2 <= above < first_line:
        return False
    line_above = list(itertools.takewhile(lambda f: f.line == above, reversed(before)))
    return any(f.perpetrator != "all" for f in line_above) and not exceeds_party_above(read, line_above)


def exceeds_party_above(read: list[Figure], line_above: list[Figure]) -> bool:
    """Whether every victim group's count ``read`` is above the whole count of each party the line above states
    ("▪️ Other parties: 287" / "👶 Children: 466"): no part of that party's, all parties' (fx167cd: had been left out
    as a party's children or all parties')."""
    wholes = [f.value for f in line_above if f.perpetrator != "all" and f.victim_group == "all"
              and f.measure == "civilian_deaths"]
    return bool(wholes) and all(f.value > max(wholes) for f in read)


def unmapped_label(text: str, line_at: Callable[[int], int], source: Source) -> bool:
    """An item "Label: N ..." whose label maps to no party is reported (and its figures left out), not guessed; one
    whose label names the other places together ("The other governorates: 412 civilians") is left out unreported."""
    match = item_label(text)
    if not match or len(regex("LabelAside").sub("", match.group("label")).split()) > LABEL_WORDS:
        return False  # a sentence, not a label; a label's aside in parentheses does not count
    label, rest = match.group("label").strip(), match.group("rest")
    if find_parties(label, source.report) or measures_named(label) or not regex("WordCountHint").search(rest[:40]) \
            or is_group_killed_label(text) or is_group_count_item(label, rest):
        return False  # (nor a victim group's label: "Children killed in May: 11 by X, 3 by Y"; round 125a; "Children: 61
        # (19.7%)", session 41; nor one naming several measures: "Six medical personnel were killed, as were four media
        # workers: two by X, ..."; fx138a)
    if matches_any("NoPartyLabel", label) or regex("MonthOnItsOwn").fullmatch(label) or names_a_place(label) \
            or regex("KickerLabel").match(label) or regex("DatelineLabel").fullmatch(label) \
            or regex("PlacesHeading").fullmatch(label):
        return False  # (nor a heading of the places, "Governorates most hit in the half year: Aleppo 2,904, ..."; round
        # 119a)
    first = next((m for m in find_numbers(rest) if is_count_number(rest, m)), None)
    if first is None or first.start > 20 or not (noun_of(rest[first.end:])[0]
                                                 or regex("GroupsInParentheses").match(rest[first.end:])):
        return False  # (its groups in brackets after it, "Label: 932 (51 children, 67 women)", make it a count; round 117c)
    if find_parties(rest[:first.start], source.report):
        return False  # "Others: ISIS 31, SDF 18, ...": a lead-in to the parties its items name, no party of its own
    if names_a_place(rest[:first.start]):
        return False  # "Where: Idlib 694 (38%), Aleppo 402 ...": a lead-in to the places its items name (round 121a)
    if regex("OtherPlacesLabel").fullmatch(label) and not regex("OtherPartiesColumn").fullmatch(label):
        return True  # "The other governorates: 412 civilians": several places together, no party's and no figure
    report_unknown_party(f"{source.source_file}:{line_at(0)}", f"unmapped perpetrator label {label!r}", source.strict)
    return True
