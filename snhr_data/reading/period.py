"""The period of a count: the period phrase of its own clause, the one before it in its segment, the one a
"bringing the total ... to N" names, a headline's trailing one, else the context's."""
from __future__ import annotations

import re
from calendar import monthrange
from dataclasses import dataclass

from ..grammar import regex
from ..numbers import find_numbers
from ..periods import contains, month_code, month_number, months_spanned, period_type, year_of_month
from .agents import refers_back
from .dates import PeriodMention
from .heads import GROUP_HEADS, Head, noun_end
from .model import NO_PERIOD, Context


UNDATABLE = frozenset({"ambiguous", "unreadable", "vague", "relative", "unknown"})  # kinds of a phrase giving no
# period the reader can date (a warning, no figure)


@dataclass(frozen=True)
class PeriodChoice:
    period: str | None  # None: the text gives a period the schema cannot hold ("since that date")
    explicit: bool  # stated in the sentence (not inherited from the context or the count before)
    unreadable: PeriodMention | None = None  # a phrase that gives no readable month ("during Ramadan", "Novmber 2024",
    # "over the same thirteen months" after a statement of one month)
    unreadable_context: bool = False  # no period of its own, after a statement whose period cannot be read


def period_of(head: Head, previous_period: str | None, has_previous: bool, sentence: str,
              periods: tuple[PeriodMention, ...], segment_start: int, bringing: re.Match[str] | None,
              block: Context, section: Context, default: str, title: bool, later_heads: list[Head]) -> PeriodChoice:
    start = head.mention.start
    periods = without_restated_event_spans(sentence, tuple(
        section_year(month_of_party_start(p, sentence, default), sentence, section, default) for p in periods))
    own = narrowed_part(own_periods(head, sentence, periods), head, sentence)
    entry = next((p for p in periods if p.kind == "entry" and (p in own or segment_start <= p.start < start)), None)
    if entry:  # "Russian forces, since the start of their intervention on September 30: 1,012": the period otherwise taken
        rest = tuple(p for p in periods if p is not entry)
        chosen = period_of(head, previous_period, has_previous, sentence, rest, segment_start, bringing, block, section,
                           default, title, later_heads)
        return chosen if chosen.period and contains(chosen.period, entry.period) else \
            PeriodChoice(None, True, PeriodMention(None, entry.start, entry.end, "unknown"))
    periods = tuple(p for p in periods if p.kind != "entry")  # another count's
    if told := event_told_of(sentence, start, periods, default):
        return PeriodChoice(None, False, PeriodMention(None, told[0], told[1], "event_aside"))
    if own and own[0].kind == "point":  # "killed at the end of August": part of a month
        own = [PeriodMention(None, own[0].start, own[0].end, "vague")]
    # "the ceasefire declared at the end of August did not stop the killing: ... killed 88": an event's moment
    periods = tuple(p for p in periods if p.kind != "point")
    asides = [(m.start(), m.end()) for m in regex("EventAside").finditer(sentence[:start])]
    # "38 deaths due to torture in December, most of them detainees who died in the last days of the regime's prisons,
    # and 11 massacres": the period of a part of the count before, closed before this count, is not this count's
    before = [p for p in periods if p.end <= start and not any(a <= p.start < b for a, b in asides)
              and not in_closed_part(p, sentence, start, head)]
    if shared := whole_of_a_month_share(sentence, start, before):
        # "March alone accounted for about 40% of the year's civilian deaths, most of them in Homs (700)": March's
        before = [p for p in before if p is not shared]
    in_segment = [p for p in before if p.start >= segment_start]
    if bringing:
        what = [p for p in periods if bringing.start() <= p.start < start] or \
            brought_number_periods(head, sentence, periods, later_heads)
        chosen = what[0] if what else None
    elif own and (subject := month_subject_of_part(head, sentence, before, own)):
        chosen = subject  # "December alone accounted for 872 of the year's civilian deaths": December's
    elif own:
        chosen = own[0]
    elif bracketed := [p for p in before if p.kind == "month" and regex("MonthLabelInBracketsBefore").search(
            sentence[:p.start]) and regex("MonthLabelInBracketsAfter").fullmatch(sentence[p.end:start])]:
        chosen = bracketed[-1]  # "killed 61 civilians in May (April: 48)": April's
    elif compared := regex("ClauseAfterComparedCount").search(sentence[:start]):
        # "71 massacres in September, against 52 in August, in which about 2,030 ...": either month's
        return PeriodChoice(None, False, PeriodMention(None, compared.start(), start, "compared_clause"))
    elif predicate := predicate_periods(head, sentence, periods):
        chosen = predicate[0]
    elif ranked := [p for p in before
                    if p.kind == "month" and regex("MonthRankedWith").fullmatch(sentence[p.end:start])]:
        chosen = ranked[-1]  # "December was the deadliest month of 2024, with 611 civilian deaths": December's;
        # "The death toll in March was the highest, with 500 civilians, followed by February with 400": March's
    elif asided := aside_count_periods(head, sentence, periods):
        chosen = asided[0]  # "Hama, with 140 civilians, remained ... in the first half of the year": the half's
    elif labelled := [p for p in before if labels_next_count(p, sentence)
                      and regex("NextCountLabelWith").fullmatch(sentence[p.end:start])]:
        chosen = labelled[-1]  # "..., followed by October with 341 and November with 297": 297's label
    elif antecedent := [p for p in before if p.kind in ("month", "anchored")
                        and regex("PeriodAntecedentClause").fullmatch(sentence[p.end:start])]:
        chosen = antecedent[-1]  # "..., and from May, when it recorded 92": May's
    elif past := period_before_comparison(sentence, start, before):
        chosen = past  # "240 civilians in March, compared with 210 in February, and 7 died under torture": March's
    elif in_segment:
        chosen = in_segment[-1]
    elif coordinated := list_period(head, later_heads, sentence, periods):
        chosen = coordinated
    elif head.noun == "bare" and has_previous:
        chosen = PeriodMention(previous_period, 0, 0, "inherited")
    elif before:
        chosen = before[-1]
    elif title or not regex("SentenceEnds").search(sentence.strip()):  # a headline states its period last
        later = [p for p in periods if p.start >= head.mention.end]
        chosen = later[0] if later else None
    else:
        chosen = undated_span_after(head, later_heads, periods)
    part = part_period_after(head, sentence, periods)
    if part is not None and chosen is not None and chosen not in own and chosen.period == part.period:
        # "..., and four in December, whereas Y killed 96 civilians, including 21 children, seven of them in December":
        # a whole of which a part is of that period, never of that period itself (round 71b): the context's period if
        # it is another, else no period (a warning)
        context = block.period or section.period or default
        if context and context != NO_PERIOD and context != part.period:
            return PeriodChoice(context, False)
        return PeriodChoice(None, False, PeriodMention(None, start, part.end, "part_period"))
    back = refers_back(sentence[segment_start:start], sentence[head.mention.end:])
    if chosen is None and (back and (previous_period is None if has_previous else block.undated_before)
                           or has_previous and previous_period is None and block.undated_before):
        # "Ramadan, between May 27 and June 25, saw 1,086 killed; X alone killed 421 of them": a part of a count of no
        # period the reader can date (left out with a warning) is left out too, never the report month's; so is the
        # count after such a part in its sentence ("Twenty-one of them were children and nine were women")
        return PeriodChoice(None, False)
    subject = regex("OtherReportSubject").match(sentence[segment_start:start]) if block.other_report else None
    if chosen is None and subject:
        # "We covered the September report here; it recorded 112 deaths": that report's count, never the text's own
        return PeriodChoice(None, False, PeriodMention(None, segment_start + subject.start(),
                                                       segment_start + subject.end(), "other_report"))
    if chosen is None:
        # "Syrian regime forces killed 120 of them" after a running total stated aside: the running total's part
        aside = block.stated_aside if back else None
        period = aside or block.clause_period or block.period or section.period or default
        return PeriodChoice(None, False, unreadable_context=True) if period == NO_PERIOD else PeriodChoice(period, False)
    if chosen.kind == "same":  # the period named before it in the sentence, else the statements' before
        named_before = [p for p in periods if p.end <= chosen.start]
        if named_before and named_before[-1].period is None and named_before[-1].kind != "same":
            # "Last year, 1,800 civilians were killed in the same period": the same as a period the reader cannot date
            return PeriodChoice(None, False, named_before[-1])
        earlier = [p.period for p in named_before if p.period]
        # the statements' before: a year to date stated aside right before ("since the beginning of 2018, 9,036 ... Over
        # the same nine months, ...") is theirs
        return same_period(chosen, sentence,
                           earlier[-1] if earlier else block.stated_aside or block.period
                           or section.block_before_period or section.period,
                           block.period or section.period or default, default)
    return PeriodChoice(chosen.period, chosen.period is not None and chosen.kind != "inherited",
                        chosen if chosen.kind in UNDATABLE else None)


def section_year(mention: PeriodMention, sentence: str, section: Context, default: str) -> PeriodMention:
    """A year named by no number ("over the year", "the year's victims") under a heading of a past year ("1) The year
    2024" in a newsletter of February 2025): that year, never the text's own year so far (fx153cd: the year's party
    counts and torture deaths had been filed under the report's month); only where the words read as the text's own
    year (never "the year's" after "In its 2016 report" in a text on 2017)."""
    if mention.kind in ("year", "ytd") and mention.period and section.period and section.period != default \
            and mention.period[:4] == default[:4] \
            and re.fullmatch(r"(?:19|20)\d{2}", section.period) and not contains(section.period, mention.period) \
            and not re.search(r"\d", sentence[mention.start:mention.end]):
        return PeriodMention(section.period, mention.start, mention.end, mention.kind)
    return mention


def event_told_of(sentence: str, start: int, periods: tuple[PeriodMention, ...], default: str) -> tuple[int, int] | None:
    """The span of an aside recalling an event of another month that the count's clause, right after it, is told of
    ("..., and four years after the August 2013 chemical attack on Ghouta, in which SNHR says it documented 1,127
    deaths": the attack's dead, never the report month's toll; fx139a: read as June 2017's civilian deaths), else None:
    its figures are left out with a warning. The event's month may be a moment's ("the March 2015 siege")."""
    for aside in regex("EventAside").finditer(sentence[:start]):
        first, last = aside.span()
        dated = [p for p in periods if first <= p.start < last and other_month(p, sentence, default)]
        if dated and regex("EventToldOfClause").fullmatch(sentence[last:start]):
            return first, last
    return None


def other_month(mention: PeriodMention, sentence: str, default: str) -> bool:
    """Whether a period phrase names a month, or a moment of a month with its year, other than ``default``."""
    if mention.period:
        return mention.period != default
    named = regex("TitleMonth").search(sentence[mention.start:mention.end]) if mention.kind == "point" else None
    return named is not None and month_code(int(named["year"]), month_number(named["month"])) != default


def month_subject_of_part(head: Head, sentence: str, before: list[PeriodMention],
                          own: list[PeriodMention]) -> PeriodMention | None:
    """The month a sentence opens with as the subject of a part of a wider whole after it ("December alone accounted
    for 872 of the year's civilian deaths": December's, never the year's); so a quarter with its months or year ("The
    second quarter (April - June) accounted for 543 of the half-year's victims"; fx152ab)."""
    subject = regex("MonthOfTheWholeBefore").search(sentence[:head.mention.start])
    if not subject or not regex("WholeTollAfter").match(sentence[head.mention.end:]):
        return None
    kinds = ("range",) if subject.group("quarter") else ("month",)
    months = [p for p in before if p.kind in kinds and p.start >= subject.start() and p.period]
    if not months or not own[0].period or not contains(own[0].period, months[-1].period):
        # a quarter whose months are not read, or not within the whole (fx152ab): of no period the reader gives,
        # never the whole's
        return PeriodMention(None, subject.start(), subject.end(), "vague") if subject.group("quarter") else None
    return months[-1]


def month_share_part(sentence: str, start: int) -> tuple[int, int, int] | None:
    """Where a count at ``start`` is in the part named after a month's share of a wider whole ("March alone accounted
    for about 40% of the year's civilian deaths, most of them in Homs (700) and Hama (300)"): the month subject's start
    and end and the whole's (from the share's amount to "deaths"); else None. The part is of the month's share, all
    parties' (fx155ab: Homs's count had been filed under the year, and given the party of the sentence before)."""
    if not any(regex("PartOfTheMonthShareAfter").match(sentence[comma.start():start])
               for comma in re.finditer(",", sentence[:start])):
        return None  # no part "..., most of them" before the count: no word need be tried (every count comes here)
    for at in (m.start() for m in re.finditer(r"(?<=\s)\S", sentence[:start])):
        subject = regex("MonthOfTheWholeBefore").search(sentence[:at])
        amount = regex("MonthShareAmountAfter").match(sentence[at:]) if subject else None
        if not subject or not amount or not amount.group().strip():
            continue
        whole = regex("WholeTollAfter").match(sentence[at + amount.end():start])
        whole_end = at + amount.end() + whole.end() if whole else start
        if whole and regex("PartOfTheMonthShareAfter").match(sentence[whole_end:start]) \
                and not re.search(r"[;.!?]", sentence[whole_end:start]):
            return subject.start(), subject.end(), whole_end
    return None


def whole_of_a_month_share(sentence: str, start: int, before: list[PeriodMention]) -> PeriodMention | None:
    """The period phrase of the whole a month's share is of ("the year's" in "March alone accounted for about 40% of the
    year's civilian deaths"), for a count in the part of that share named after it ("..., most of them in Homs (700)"):
    that phrase names the whole's period, never the part's, which is the month's. None for any other shape, or when
    the month is not named before the whole, or another period is named after it."""
    if not any(p.kind == "month" for p in before) or not (span := month_share_part(sentence, start)):
        return None
    subject_start, subject_end, whole_end = span
    months = [p for p in before if p.kind == "month" and p.period and subject_start <= p.start < subject_end]
    wholes = [p for p in before if subject_end <= p.start < whole_end and p.period]
    if months and wholes and contains(wholes[0].period, months[-1].period) \
            and not any(p.start >= whole_end for p in before):
        return wholes[0]
    return None


def period_before_comparison(sentence: str, start: int, before: list[PeriodMention]) -> PeriodMention | None:
    """The sentence's own period, named before a comparison clause that names another, for a count in a clause joined
    after that comparison ("... 118 civilians were killed in January, compared with 139 in December, and 3 individuals
    died due to torture": January's 3; round 142a: filed under December)."""
    clauses = [m for m in regex("ComparedClause").finditer(sentence[:start])
               if regex("ClauseJoinedAfterComparison").fullmatch(sentence[m.end():start])]
    if not clauses:
        return None
    clause = clauses[-1]
    if not any(clause.start() <= p.start < clause.end() and p.period for p in before):
        return None
    own = [p for p in before if p.end <= clause.start() and p.kind == "month" and p.period]
    return own[-1] if own else None


def in_closed_part(mention: PeriodMention, sentence: str, start: int, head: Head) -> bool:
    """Whether a period phrase is in the clause of a part of the count before it ("..., most of them ... in the last
    days of ...,"), that clause closed by a comma before the count at ``start`` (round 74c)."""
    # so is a part of a narrower period before the next count of its own noun ("12 media workers were killed in 2019, three
    # of them in December, and five Civil Defence volunteers": 2019's five); never before a victim group or a bare count,
    # which may be the part's own ("..., 73 of them in December, among whom were 19 children": December's; fx138a)
    part = regex("PartInPeriodBefore").search(sentence[:mention.start]) \
        and head.noun not in GROUP_HEADS and head.noun not in ("", "bare")
    return bool(regex("PartialBefore").search(sentence[:mention.start]) or part) and "," in sentence[mention.end:start]


def part_period_after(head: Head, sentence: str, periods: tuple[PeriodMention, ...]) -> PeriodMention | None:
    """The period phrase of a part stated right after a count and its groups ("96 civilians, including 21 children,
    seven of them in December"), if any."""
    return next((p for p in periods if p.start >= head.mention.end and p.period
                 and regex("PartInPeriodAfter").fullmatch(sentence[head.mention.end:p.start])), None)


def brought_number_periods(head: Head, sentence: str, periods: tuple[PeriodMention, ...],
                           later_heads: list[Head]) -> list[PeriodMention]:
    """The period phrases of the number a "bringing" clause names after its count ("That brings to 2,941 the number of
    civilians killed since the start of 2025"): those after the count and before the next; none for another shape."""
    if not regex("NumberOfCiviliansAfter").match(sentence[head.mention.end:]):
        return []
    end = later_heads[0].mention.start if later_heads else len(sentence)
    return [p for p in periods if head.mention.end <= p.start < end]


def month_of_party_start(mention: PeriodMention, sentence: str, report: str) -> PeriodMention:
    """A span of days from the day a party began its strikes, named in an aside before the span, to the last
    day of that month ("International Coalition Forces, which began their air strikes on September 23, killed 31
    civilians between September 23 and 30"): that month, as the party killed no one before; any other mention (and any
    such span in a report of more than one month) as it is."""
    if mention.kind != "unknown" or period_type(report) != "month":
        return mention
    days = regex("DaysToMonthEnd").match(sentence[mention.start:mention.end])
    began = list(regex("PartyStartDay").finditer(sentence[:mention.start]))
    if not days or not began:
        return mention
    month = month_number(days.group("month") or days.group("month2"))
    first, last = int(days.group("day1") or days.group("day1b")), int(days.group("day2") or days.group("day2b"))
    started = (month_number(began[-1].group("month") or began[-1].group("month2")),
               int(began[-1].group("day") or began[-1].group("day2")))
    year = year_of_month(month, report)
    if started != (month, first) or last != monthrange(year, month)[1]:
        return mention
    return PeriodMention(month_code(year, month), mention.start, mention.end, "month")


def undated_span_after(head: Head, later_heads: list[Head],
                       periods: tuple[PeriodMention, ...]) -> PeriodMention | None:
    """The span whose months the text does not give that a count of no period before it is stated over, after it and
    before the next count ("recorded the deaths of 73 civilians, including 14 children, in Syria during Ramadan": no
    month of the report's, a warning; round 41); None when the next phrase is another or there is none."""
    end = later_heads[0].mention.start if later_heads else None
    after = [p for p in periods if p.start >= head.mention.end and (end is None or p.start < end)]
    return after[0] if after and after[0].kind == "ambiguous" else None


def parenthesis_end(sentence: str, start: int) -> int:
    """Where the parenthesis a position is inside closes; the sentence's length when it is in none."""
    inside = sentence.rfind("(", 0, start) > sentence.rfind(")", 0, start)
    close = sentence.find(")", start) if inside else -1
    return close if close != -1 else len(sentence)


def without_restated_event_spans(sentence: str, periods: tuple[PeriodMention, ...]) -> tuple[PeriodMention, ...]:
    """``periods`` without a span from an event after a span of months the sentence names before it ("covering the
    period from December 2024 to December 2025, counts 4,906 civilian deaths since the fall of the Assad regime, ...
    as well as 97 deaths due to torture": that span, its start told again by the event; session 41); never the span of
    another count joined right after that span ("473 civilians since the beginning of 2026 and 10,412 since the fall of
    the Assad regime": the 10,412's own; session 44, round 163d: it had been the year's so far)."""
    return tuple(p for p in periods
                 if not (regex("PeriodSinceEvent").fullmatch(sentence[p.start:p.end])
                         and any(q.end <= p.start and q.kind in ("range", "ytd") and q.period
                                 and not regex("OtherCountBeforeEventSpan").fullmatch(sentence[q.end:p.start])
                                 for q in periods)))


def own_periods(head: Head, sentence: str, periods: tuple[PeriodMention, ...]) -> list[PeriodMention]:
    """The period phrases of a count's own clause: after it, in its window, before the next comma; or, after the
    clause of its groups, the phrase that follows it at once ("97 civilians, including 38 children, since the
    beginning of 2023"); of a count in parentheses, no phrase after the closing one ("close to that of May 2020 (207
    civilians) and lower than that of June 2019": May's count); never one a comparison names ("411 Victims Due to
    Torture The Civilian Death Toll Is Lower Than in 2016", a wrapped title: the year compared with)."""
    end = head.mention.end
    comma = sentence.find(",", end)
    own_end = min(head.window_end, comma if comma != -1 else len(sentence), parenthesis_end(sentence, head.mention.start))
    own = [p for p in periods if end <= p.start < own_end and not labels_next_count(p, sentence)
           and not regex("ComparedPeriodBefore").search(sentence[end:p.start])]
    if not own and not any(p.end <= head.mention.start for p in periods):
        # "Idlib topped the list with 3,271 civilians, 27% of the half-year's victims": the period of the whole of its
        # apposed share, when no period is named before it ("In December alone, 213 civilians, 6.2% of the year's
        # toll": December's, a part of the year's)
        tail = noun_end(sentence, head.mention)
        own = [p for p in periods if p.start >= tail and p.period
               and regex("ApposedShareOfWholeBefore").fullmatch(sentence[tail:p.start])][:1]
    if own or not head.groups:
        return own
    groups_end = max(noun_end(sentence, mention) for _, mention in head.groups)
    return [p for p in periods if groups_end <= p.start < head.window_end
            and regex("AfterGroupsClause").fullmatch(sentence[groups_end:p.start])]


def narrowed_part(own: list[PeriodMention], head: Head, sentence: str) -> list[PeriodMention]:
    """A count's own period phrases without the first when it names only the wider whole the count is a part of and
    the clause states a narrower period within it after it ("15 of the year's massacres were committed in December":
    December's, never the year's)."""
    if len(own) < 2 or not own[0].period or not own[1].period or own[1].period == own[0].period:
        return own
    whole_of = regex("PartOfWholePeriodBefore").fullmatch(sentence[head.mention.end:own[0].start])
    return own[1:] if whole_of and contains(own[0].period, own[1].period) else own


def labels_next_count(mention: PeriodMention, sentence: str) -> bool:
    """Whether a period phrase labels the next count of a list, with it right after ("..., followed by October with 341
    and November with 297": November labels 297, never 341)."""
    return bool(regex("NextCountLabelBefore").search(sentence[:mention.start])
                and regex("NextCountLabelAfter").match(sentence[mention.end:]))


def list_period(head: Head, later_heads: list[Head], sentence: str,
                periods: tuple[PeriodMention, ...]) -> PeriodMention | None:
    """The period a list of coordinated counts states once, after its last item: "the deaths of 24 medical
    personnel, six media workers and 13 Civil Defense personnel in the first half of 2019"."""
    previous = head
    for item in later_heads:  # an item without its own noun ("and 40 in June") is elliptical: not the same list
        if item.noun == "bare" or not regex("CountListJoin").fullmatch(
                sentence[noun_end(sentence, previous.mention):item.mention.start]):
            return None
        own = own_periods(item, sentence, periods)
        if own:
            return own[0]
        previous = item
    return None


def predicate_periods(head: Head, sentence: str, periods: tuple[PeriodMention, ...]) -> list[PeriodMention]:
    """The period of the verb a count is the subject of, after its groups: "1,734 civilians, including 403
    children, were killed in Syria from March 2020 to March 2021"."""
    end = head.mention.end
    return [p for p in periods if end <= p.start < head.window_end
            and regex("PassiveVerbBefore").search(sentence[end:p.start])]


def aside_count_periods(head: Head, sentence: str, periods: tuple[PeriodMention, ...]) -> list[PeriodMention]:
    """The period of the verb of the subject a count is set aside after, between commas: "Hama, with 140 civilians,
    remained the governorate with the highest toll in the first half of the year" (fx140ab: the report month's, and
    left out as larger than the month's whole)."""
    if not regex("AsideCountOpening").search(sentence[:head.mention.start]):
        return []
    tail = noun_end(sentence, head.mention)
    return [p for p in periods if p.start >= tail and p.period
            and regex("AsideCountPredicate").fullmatch(sentence[tail:p.start])
            and not regex("ComparedPeriodBefore").search(sentence[tail:p.start])][:1]


def same_period(mention: PeriodMention, sentence: str, before: str | None, taken: str | None,
                text_period: str | None = None) -> PeriodChoice:
    """ "over the same thirteen months", "in the same period": the period of the statements before, when it is of
    the kind the phrase names (a month, a year, a span of months, of as many months as it counts; "period", "time"
    name none, so any fits); "over the six months" (no "same"): the period ``taken`` with no phrase, when it spans
    that many months, else the text's own period when it does ("Raqqa recorded 1,103 deaths in the six months" in a
    half-year's news after a line on its closing month; round 89b); "the same six months" where the statements before
    named no period of their own: the text's own period, when it spans that many months (round 137a); else no period,
    and a warning."""
    span = regex("PeriodSame").match(sentence, mention.start)
    words = span.group("span").lower() if span else ""
    bare = bool(span and span.group("bare") is not None)
    candidates = [taken, text_period] if bare else [before] if before or not find_numbers(words) else [text_period]
    for candidate in candidates:
        if candidate and candidate != NO_PERIOD:
            kind = period_type(candidate)
            fits = kind == "month" if words.endswith("month") else kind == "year" if words.endswith("year") \
                else kind in {"range", "year"} if words.endswith("months") else True
            counted = find_numbers(words)  # "the same nine months": a span of that many months
            if fits and (not counted or counted[0].value == months_spanned(candidate)):
                # the text's period, named by its length where the statements before are of another: said outright
                return PeriodChoice(candidate, candidate is text_period and candidate != taken)
    return PeriodChoice(None, False, mention)
