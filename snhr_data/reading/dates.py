"""Periods as the reports write them ("since the beginning of 2024", "last month", "in the first half of
2023"), the month a title covers and the publication date, resolved against the report month into the
period codes of ``snhr_data.periods``. The phrases are entries of ``vocab/periods.yaml``."""
from __future__ import annotations

import re
from calendar import monthrange
from dataclasses import dataclass
from datetime import date
from difflib import get_close_matches

from ..grammar import cached_by_text, classes, named_regexes_for, regex, regexes, words
from ..numbers import words_to_number
from ..periods import MONTHS, month_code, month_number, period_end, shift_month, year_of_month, year_to_date


_SINGLE_MONTH = re.compile(r"\d{4}-\d{2}")


def is_single_month(report: str) -> bool:
    """Whether ``report`` is one month ("2024-11"), not a year or a span, which no month counts back from."""
    return bool(_SINGLE_MONTH.fullmatch(report))


UNDATED = "?"  # the month "last month" counts back from, when the text gives none (no title month, no publication
# date): its "last month" gives no period (kind "relative", reading/model.py)


class NoReportMonthError(ValueError):
    """The text states no month that it covers."""


@dataclass(frozen=True)
class PeriodMention:
    period: str | None  # None: a period the schema cannot hold ("since October 5")
    start: int
    end: int
    kind: str  # month | year | ytd | range | unknown | ambiguous | unreadable | inherited | same (as the statement
    # before) | vague (a span no calendar period names: "in the last three months") | anchored (the month before a
    # named one: "the previous month") | point (a moment of a month: "at the end of August", when an event happened)
    # | entry (the month of a party's entry into the war: "since the start of their intervention on September 30")


# (kind, entry of vocab/periods.yaml), tried in this order
PHRASES = (
    ("month", "PeriodClosingMonth"), ("range", "PeriodPartyEntryToEndOf"), ("entry", "PeriodPartyEntry"),
    ("point", "PeriodOngoingSince"),
    ("ytd", "PeriodYearToDate"),
    ("vague", "PeriodSinceConflict"),
    ("vague", "PeriodFromMonthToEvent"), ("range", "PeriodCrossYearRange"),
    ("range", "PeriodSinceToEndOf"), ("range", "PeriodSinceCountToEndOf"), ("vague", "PeriodFromEventDayToEndOf"),
    ("ramadan", "PeriodRamadan"), ("ramadan", "PeriodRamadanDaySpan"),
    ("range", "PeriodMonthRange"), ("range", "PeriodMonthSpan"), ("range", "PeriodMonthPair"),
    ("range", "PeriodHalfYear"), ("range", "PeriodQuarter"), ("datespan", "PeriodDateSpan"),
    ("unknown", "PeriodDayRange"), ("vague", "PeriodPartOfMonth"), ("range", "PeriodMonthsOfYear"),
    ("vague", "PeriodPartOfYear"), ("vague", "PeriodMonthsToAMonth"), ("lastyear", "PeriodSameMonthLastYear"),
    ("vague", "PeriodMonthLastYearOrPartOfYear"), ("point", "PeriodPointOfMonth"),
    ("month", "PeriodLastMonth"), ("ytd", "PeriodToDate"), ("vague", "PeriodOfEarlierWounds"),
    ("vague", "PeriodWorkBegan"), ("vague", "PeriodAfterEvent"), ("vague", "PeriodSinceEventTookEffect"),
    ("month", "PeriodSinceRecordMonth"),
    ("month", "PeriodMonthRankedInYear"),
    ("vague", "PeriodEndOfSpan"), ("unknown", "PeriodSince"), ("vague", "PeriodSinceEvent"),
    ("same", "PeriodSame"), ("month", "PeriodThisMonth"), ("month", "PeriodNamedMonth"), ("year", "PeriodYearReport"),
    ("year", "PeriodYearSubject"), ("year", "PeriodYearAntecedent"), ("year", "PeriodYear"),
    ("vague", "PeriodVague"),
)
PHRASE_NAMES = tuple(name for _, name in PHRASES)
PHRASE_KINDS = {name: kind for kind, name in PHRASES}
PUBLICATION_WINDOW = 5000  # characters at the start of a text in which its publication date is read
QUARTERS = ["first", "second", "third", "fourth"]


def elided_quarter(match: re.Match[str]) -> bool:
    """Whether ``match``, "the second" with its noun left out ("... and 21,331 in the second"), is a quarter's: a
    quarter of the year named after the last half of one before it in the text it is read in."""
    if regex("HalfNoun").search(match.group(0)):
        return False
    halves = list(regex("HalfOfYear").finditer(match.string, 0, match.start()))
    quarters = list(regex("QuarterOfYear").finditer(match.string, 0, match.start()))
    return bool(quarters) and (not halves or quarters[-1].start() > halves[-1].start())


def resolve(kind: str, match: re.Match[str], report: str, now: str) -> str | None:
    """The period code of a phrase of ``kind``, in a report of month ``report`` written in month ``now``
    (the month "last month" is counted back from: the report month, or the month before publication in a
    text dated by its "last month")."""
    groups = {k: v for k, v in match.groupdict().items() if v}
    report_year = int(report[:4])
    # "same": the period of the statement before, decided by the reader; "point": a moment, no period of a count
    if kind in {"unknown", "same", "vague", "point"}:
        return None
    if kind == "entry":  # a party's entry into the war: the month of its day (reading/period.py decides its period)
        if not {"month", "month2", "month3"} & set(groups):  # "Russian forces, in the last days of the month: 33": the
            return report  # report month (reading/period.py keeps it only where the list's period holds it)
        month = month_number(groups.get("month") or groups.get("month2") or groups["month3"])  # month3: no day
        year = groups.get("year") or groups.get("year2")
        return month_code(int(year) if year else year_of_month(month, report), month)
    if kind == "lastyear":
        return same_month_last_year(groups, match, report)
    if kind == "ramadan":  # its months only when the text gives them
        return ramadan_months(groups, report) if "month1" in groups else None
    if kind == "datespan":
        return date_span(groups, report)
    if kind == "month":
        if "closing" in groups:  # "the last month of the period": the report month
            return report
        if "month" not in groups:
            return shift_month(now, -1) if regex("LastWords").search(match.group(0)) else report
        month = month_number(groups["month"])
        year = int(groups["year"]) if "year" in groups else year_of_month(month, report)
        return month_code(year, month)
    if kind == "range" and "other_half" in groups and elided_quarter(match):
        groups = {"other_quarter": groups["other_half"]}  # "... in the first quarter of 2022 and 677 in the second"
    if kind == "range" and "other_half" in groups:  # "... and the second half": of the year of the half before it
        before = list(regex("HalfOfYear").finditer(match.string, 0, match.start()))
        if not before:
            return None
        period = month_range({"year": before[-1].group("year") or str(report_year), "half": groups["other_half"]})
        return None if not before[-1].group("year") and period_end(period) > report else period  # not over yet
    if kind == "range" and "other_quarter" in groups:  # "... and 677 in the second": of the quarter's before it
        before = list(regex("QuarterOfYear").finditer(match.string, 0, match.start()))
        if not before:
            return None
        period = month_range({"year": before[-1].group("year") or str(report_year), "quarter": groups["other_quarter"]})
        return None if not before[-1].group("year") and period_end(period) > report else period  # not over yet
    if kind == "range":  # "in the first half of the year": the report's year
        if {"this_half", "toll_half", "subject_half"} & groups.keys():
            # "the half-year's victims", "the toll of the half-year", "The half-year recorded ...": the half of the
            # report's year its month is in
            groups = {"half": "first" if int(report[5:7]) <= 6 else "second"}
        if "own_half" in groups:  # "the first half's victims": that half of the report's year
            groups = {"half": groups["own_half"]}
        if "same_count" in groups:  # "the same ten months of 2022": those ending at the report's month
            if "year" not in groups or not is_single_month(report):
                return None
            months = int(groups["same_count"]) if groups["same_count"].isdigit() else words_to_number(groups["same_count"])
            first = int(report[5:7]) - (months or 0) + 1
            return f"{groups['year']}-{first:02d}/{groups['year']}-{report[5:7]}" if 1 <= first < int(report[5:7]) \
                else None
        if "this_quarter" in groups:  # "over the quarter": the quarter of the report's year its month is in
            groups = {"quarter": QUARTERS[(int(report[5:7]) - 1) // 3]}
        period = month_range({"year": str(report_year), **groups})
        # a span of the report's year not over by the report month ("the last three months of the year", "in the
        # second half" in a June report): no span the report counts
        return None if "year" not in groups and period and period_end(period) > report else period
    if kind == "year":
        year = int(groups.get("year") or groups.get("year2") or groups.get("year3") or report_year)
        return year_to_date(year, report) if year == report_year else str(year)
    # ytd: through the report month, or through the month the text names ("until the end of September")
    # "from January to June 2024": the start's year is the end's when only the end names one
    year = int(groups.get("year") or groups.get("year2") or groups.get("end_year") or report_year)
    if year < report_year and "end_month" not in groups:  # "since January 2013" in a 2014 report: over two years
        return None
    end = report if year == report_year else month_code(year, 12)
    if "end_month" in groups:  # "up to June" in a May report: May
        end = min(end, month_code(int(groups.get("end_year", year)), month_number(groups["end_month"])))
    else:  # "SNHR's November report had put the toll since the beginning of the year at 15,525": through November
        end = min(end, other_report_month(match.string[:match.start()], year) or end)
    return year_to_date(year, end)


def same_month_last_year(groups: dict[str, str], match: re.Match[str], report: str) -> str | None:
    """The report's month a year before, in a comparison with the report's count ("compared with 14 in the same month
    last year", "against 8 in February last year" in February's report): None outside a comparison ("In the same month
    last year, ..." may count from the statement's month or another), in a report of no single month, for a month
    named that is not the report's, and after another month the sentence names before it (whose same month it may
    be)."""
    before = re.split(r"[.;]\s", match.string[:match.start()])[-1]
    if not is_single_month(report) or not regex("ComparedWith").search(before):
        return None
    if "month" in groups:
        return shift_month(report, -12) if month_number(groups["month"]) == int(report[5:7]) else None
    if any(month_number(m.group(0)) != int(report[5:7]) for m in regex("Month").finditer(before)):
        return None
    return shift_month(report, -12)


def other_report_month(before: str, year: int) -> str | None:
    """The month of another report of ``year`` the clause before a year to date names as what stated it ("SNHR's
    November report had put the toll since the beginning of the year at ...", in a text on the whole year): the year
    so far as that report counted it ends with its month (round 132c: it had been the whole year's), else None."""
    clause = re.split(r"[.;]\s", before)[-1]
    found = list(regex("ReportOfAnotherPeriod").finditer(clause))
    if not found:
        return None
    named = found[-1].group("period") or found[-1].group("period2")
    words = named.split()
    if words[0].lower() not in MONTHS or (len(words) > 1 and int(words[1]) != year):
        return None
    return month_code(year, month_number(words[0]))


def ramadan_months(groups: dict[str, str], report: str) -> str | None:
    """The months of Ramadan's days in brackets ("(April 24 - May 23)"): of the year given, else of the latest such
    span begun by the report month (an April report's "(April 2 to May 1)" is this year's, not the year before's; round
    83a); None for days the text runs backwards ("(May 23 - April 24)"), and for days within one month ("between 2
    March and 31 March, the holy month": part of March, never March's toll; fx134a)."""
    first, last = month_number(groups["month1"]), month_number(groups["month2"])
    if first >= last:
        return None
    return month_range({"year": groups.get("year") or str(year_of_month(first, report)), **groups})


def ramadan_span(title: str, text: str, report: str) -> str | None:
    """The months of Ramadan of a release about Ramadan (its title names it) when the text states its days ("the holy
    month of Ramadan, which this year ran from February 18 to March 19, 2026", "Ramadan (April 2 to May 1)"): one span,
    else None (none stated, one without its year, or two different ones: which one "during Ramadan" means, the text
    does not say). A monthly report's aside on Ramadan dates only its own sentence (its statements after it are the
    month's)."""
    if not regex("PeriodRamadan").search(title):
        return None
    stated = list(regex("RamadanDates").finditer(text))
    if not all(m.group("year") for m in stated):
        return None  # "which this year ran from March 23 to April 20": the year of a date the text may not give
    spans = {ramadan_months({k: v for k, v in m.groupdict().items() if v}, report) for m in stated}
    return spans.pop() if len(spans) == 1 else None


def ambiguity(kind: str, period: str | None) -> str:
    """The kind of a mention: "ambiguous" for a phrase whose months the text does not give (Ramadan); "vague" for a
    span no calendar period names ("the first fourteen months of 2020", "since January 2013" in a 2014 report)."""
    if kind == "ramadan":
        return "range" if period else "ambiguous"
    if kind == "datespan":
        return "range" if period else "vague"
    if kind == "lastyear":
        return "month" if period else "vague"
    return "vague" if kind in {"range", "ytd"} and period is None else kind


def month_range(groups: dict[str, str]) -> str | None:
    """A half-year, a quarter, the first or last months of a year, "from <Month> to <Month> <Year>", or two months
    together ("during September and October 2023"); None for no span of months."""
    if "pos_half" in groups:  # "2020's first half"
        groups = {"year": groups["pos_year"], "half": groups["pos_half"]}
    if "half_number" in groups:  # "H1 2022"
        groups = {"year": groups["half_year"], "half": "first" if groups["half_number"] == "1" else "second"}
    if "quarter_number" in groups:  # "Q3 2023"
        groups = {"year": groups["quarter_year"], "quarter": QUARTERS[int(groups["quarter_number"]) - 1]}
    if "bare_quarter" in groups:  # "in the first quarter": the report's year's
        groups = {"year": groups["year"], "quarter": groups["bare_quarter"]}
    if "year1" in groups:
        return (f"{month_code(int(groups['year1']), month_number(groups['month1']))}/"
                f"{month_code(int(groups['year2']), month_number(groups.get('month2', 'December')))}")  # "to the end of 2020"
    year = int(groups["year"])
    if "edge" in groups:  # "the last month of the year": one month
        return months_of_year(year, groups["edge"].lower(), groups.get("count", "1"))
    if "half" in groups:
        return f"{year}-01/{year}-06" if groups["half"].lower() == "first" else f"{year}-07/{year}-12"
    if "quarter" in groups:
        first = 3 * QUARTERS.index(groups["quarter"].lower().replace("last", "fourth")) + 1
        return f"{month_code(year, first)}/{month_code(year, first + 2)}"
    first, last = month_number(groups["month1"]), month_number(groups["month2"])
    if "pair" in groups and last != first + 1:  # "in January and March 2023": two months, no span
        return None
    return f"{month_code(year, first)}/{month_code(year, last)}"


def compared_last_month(text: str, mention: PeriodMention, found: list[PeriodMention], readings: set[str]) -> str | None:
    """Which of two ``readings`` of "last month" the sentence gives, when it compares that count with a named month
    that is one of them ("389 civilians were killed last month, down from 738 in August": not August, so the
    other); else None (the text does not say)."""
    compared = {m.period for m in found if m.kind == "month" and m is not mention and regex("ComparedWith").search(
        text[min(m.end, mention.end):max(m.start, mention.start)])}
    rest = readings - compared
    return rest.pop() if len(readings) == 2 and len(rest) == 1 else None


def date_span(groups: dict[str, str], report: str) -> str | None:
    """The months from one date to another ("between 1 January and 30 June 2023" -> '2023-01/2023-06'), when they run
    from a month's first day to a month's last; None for part of a month. With no year ("between January 1 and June
    30"), the report's year, and None when that span runs past the report month."""
    end_year, first = int(groups.get("year") or report[:4]), month_number(groups["month1"])
    last, day2 = month_number(groups.get("month2") or groups["month2b"]), groups.get("day2") or groups["day2b"]
    start, end = month_code(int(groups.get("year1") or end_year), first), month_code(end_year, last)
    if int(groups.get("day1") or 1) != 1 or int(day2) != monthrange(end_year, last)[1] or start > end:
        return None
    if "year" not in groups and end > report[:7]:
        return None
    if start == end:
        return start
    return str(end_year) if start == month_code(end_year, 1) and last == 12 else f"{start}/{end}"


def months_of_year(year: int, edge: str, count: str) -> str | None:
    """ "the first four months of 2020" -> '2020-01/2020-04', "the last three months of 2020" -> '2020-10/2020-12'
    (all twelve: the year); None for no number of months a year has."""
    months = int(count) if count.isdigit() else words_to_number(count)
    if not 1 <= months <= 12:
        return None
    first = 1 if edge in {"first", "opening"} else 13 - months
    start, end = month_code(year, first), month_code(year, first + months - 1)
    return str(year) if months == 12 else start if months == 1 else f"{start}/{end}"


def find_periods(text: str, report: str, now: str | None = None) -> list[PeriodMention]:
    """Every period phrase in ``text`` (non-overlapping, earliest and longest first), resolved against ``report``
    (and ``now``, the month "last month" counts back from: the report month unless given)."""
    return list(period_mentions(text, report, now))


@cached_by_text
def period_mentions(text: str, report: str, now: str | None) -> tuple[PeriodMention, ...]:
    """``find_periods``'s mentions."""
    found: list[PeriodMention] = []
    taken = bytearray(len(text))  # 1 where a phrase already found lies: a later one overlapping it is no mention
    span_ends: dict[int, str | None] = {}  # where a span's end stated after its count ends: the span (PeriodEndOfSpan)
    for name, pattern in named_regexes_for(PHRASE_NAMES, text):
        kind = PHRASE_KINDS[name]
        for match in pattern.finditer(text):
            if taken.find(1, match.start(), match.end()) >= 0:
                continue
            period = resolve(kind, match, report, now or report)
            if name == "PeriodSinceCountToEndOf":
                span_ends[match.end("year2")] = period
            elif name == "PeriodEndOfSpan" and match.end() in span_ends:  # "... up to the end of 2023" after "Since
                # March 2011 ...": the same span
                kind, period = "range", span_ends[match.end()]
            found.append(PeriodMention(period, match.start(), match.end(), ambiguity(kind, period)))
            taken[match.start():match.end()] = b"\1" * (match.end() - match.start())
    for mention in unreadable_months(text):
        if taken.find(1, mention.start, mention.end) < 0:
            found.append(mention)
            taken[mention.start:mention.end] = b"\1" * (mention.end - mention.start)
    return tuple(anchored_previous_months(text, years_of_reports_before(text, sorted(found, key=lambda m: m.start)),
                                         report))


def years_of_reports_before(text: str, found: list[PeriodMention]) -> list[PeriodMention]:
    """ "the year's", "in the year" after a year's report the text names ("In its 2015 report, the group had put the
    year's civilian toll at 21,151"): that report's year (kind "year"), never the year of the text (round 93b)."""
    reports = [m for m in found if m.period and regex("PeriodYearReport").fullmatch(text[m.start:m.end])]
    if not reports:
        return found
    return [PeriodMention(report[-1].period, m.start, m.end, "year")
            if (report := [r for r in reports if r.end <= m.start])
            and regex("TheYearOfAReportBefore").fullmatch(text[m.start:m.end]) else m for m in found]


def anchored_previous_months(text: str, found: list[PeriodMention], report: str = "") -> list[PeriodMention]:
    """ "the previous month" after a month the sentence names ("22 in September, against 61 the previous month") is
    the month before that one (August), kind "anchored"; in apposition to it ("In February 2018, the previous month,
    ..."), that month itself; without one it counts back like "last month". "the month" after a month its clause opens
    with ("In July, X alone accounted for 603 of the month's 891 victims") is that month."""
    anchored: list[PeriodMention] = []
    report_month = report if is_single_month(report) else ""
    for mention in found:
        named = [m for m in anchored if m.kind == "month" and m.period and regex("Month").search(text[m.start:m.end])]
        if mention.kind == "month" and named and regex("PreviousMonth").fullmatch(text[mention.start:mention.end]):
            apposition = regex("MonthApposition").fullmatch(text[named[-1].end:mention.start]) \
                and text[mention.end:].lstrip().startswith(",")
            period = named[-1].period if apposition else shift_month(named[-1].period, -1)
            mention = PeriodMention(period, mention.start, mention.end, "anchored")
        elif mention.kind == "month" and named and regex("TheMonthBack").fullmatch(text[mention.start:mention.end]) \
                and regex("MonthOpeningBefore").search(text[:named[-1].start]) and named[-1] is anchored[-1] \
                and regex("MonthOpeningToTheMonth").fullmatch(text[named[-1].end:mention.start]):
            # "In July, Suwayda alone accounted for 603 of the month's 891 victims": July's, the clause's opening month
            mention = PeriodMention(named[-1].period, mention.start, mention.end, "anchored")
        elif mention.kind == "month" and not anchored and report_month \
                and regex("PreviousMonth").fullmatch(text[mention.start:mention.end]) \
                and regex("ComparedCountBeforePreviousMonth").search(text[:mention.start]):
            # "SNHR counted 212 civilians, up from 187 the previous month": the month before the report's
            mention = PeriodMention(shift_month(report_month, -1), mention.start, mention.end, "anchored")
        anchored.append(mention)
    return anchored


def unreadable_months(text: str) -> list[PeriodMention]:
    """Months misspelt ("Novmber 2024") or impossible ("Month 13 2024"), as mentions of no period; a month
    written as a valid number ("11/2024") is that month."""
    found = []
    for match in regex("MonthLikeWord").finditer(text):
        word = match.group("word").lower()
        if word not in MONTHS and get_close_matches(word, MONTHS, n=1, cutoff=0.8):
            found.append(PeriodMention(None, match.start(), match.end(), "unreadable"))
    for match in regex("NumberedMonth").finditer(text):
        number, year = next((int(match.group(f"number{i}")), int(match.group(f"year{i}")))
                            for i in ("", "2", "3") if match.group(f"number{i}"))
        period = month_code(year, number) if 1 <= number <= 12 else None
        found.append(PeriodMention(period, match.start(), match.end(), "month" if period else "unreadable"))
    return found


def publication_date(text: str) -> str | None:
    """The date a text was published (ISO), in any form a copy carries ("Sunday 01 December 2024", "Published:
    4 May 2021", "The Hague, July 3, 2019 -", "Date: 2019-07-01", "ISTANBUL (AA) - 2.07.2023"): the earliest in
    its first lines that is a valid date. Digits are read day first, as the region's outlets write them, unless a date
    in words in those lines is their other reading ("04/01/2016" then "Syria, April 1, 2016:": April 1)."""
    match = publication_match(text)
    return (dateline_reading(match, text) or date_of(match)) if match else None


def publication_date_read_month_first(text: str) -> str | None:
    """The other reading of a publication date written in digits that reads both ways ("04/05/2022": 4 May or
    April 5), else None."""
    match = publication_match(text)
    if match is None or not match.group("month").isdigit() or match.group("month") == match.group("day") \
            or dateline_reading(match, text):
        return None
    swapped = {"year": match.group("year"), "month": match.group("day"), "day": match.group("month")}
    return date_of(swapped) if "sep" in match.groupdict() and match.start("day") < match.start("month") else None


def publication_match(text: str) -> re.Match[str] | None:
    """The earliest publication-date match in the first lines of ``text`` that is a valid date; a feed's or a page's
    markup tags around it ("<pubDate>Tue, 01 Dec 2015 09:14:07 +0000</pubDate>", a raw RSS item; round 122c) are no
    words of its line; a month in a local name ("Gaziantep - 2 Şubat 2026", "1 Tammuz 2021") is read as the month it
    names, as the reader reads it everywhere (fx148bc)."""
    head = regex("MarkdownEmphasisMark").sub("", regex("MarkupTag").sub("", text[:PUBLICATION_WINDOW]))
    for month, pattern in classes("LevantineMonth"):
        head = pattern.sub(month, head)
    return head_publication_match(english_dates(head))


@cached_by_text
def head_publication_match(head: str) -> re.Match[str] | None:
    """``publication_match`` of a text's first ``PUBLICATION_WINDOW`` characters."""
    patterns = regexes("PublicationDate") + regexes("PublicationDateInLine")
    found = sorted((match.start(), index, match) for index, pattern in enumerate(patterns)
                   for match in pattern.finditer(head))
    valid = [match for _, _, match in found if date_of(match) is not None]
    original = next((match for pattern in regexes("OriginalPublicationDate") for match in pattern.finditer(head)
                     if date_of(match) is not None), None)
    if original is not None:
        return original  # "The original release was published by SNHR on 1 January 2025": a repost's source's date
    if not valid:
        return None
    return feed_post_date(head, valid) or word_date_of_readings(valid[0], valid[1:]) or valid[0]


def feed_post_date(head: str, valid: list[re.Match[str]]) -> re.Match[str] | None:
    """In a feed of dated posts (a channel's day separators, lines holding only a date: "April 30, 2021", a post
    about power cuts, then "May 2, 2021" and the post quoting the network), the separator nearest above the first line
    naming the network, when it is not the first date: its post's "last month" counts back from it (fx140d: the
    toll had been filed under the month before); else None."""
    named = regex("NetworkNamed").search(head)
    separators = [match for match in valid if is_whole_line(head, match) and (named is None or match.end() <= named.start())]
    if named is None or len({date_of(match) for match in separators}) < 2:
        return None
    last = max(separators, key=lambda match: match.start())
    return last if last is not valid[0] else None


def is_whole_line(text: str, match: re.Match[str]) -> bool:
    """Whether ``match`` is all its line holds (punctuation and spaces aside)."""
    start, end = text.rfind("\n", 0, match.start()) + 1, text.find("\n", match.end())
    line = text[start:end if end >= 0 else len(text)]
    return line.strip(" \t.,:;-–—|*_") == match.group(0).strip(" \t.,:;-–—|*_")


def word_date_of_readings(digits: re.Match[str], later: list[re.Match[str]]) -> re.Match[str] | None:
    """The first of the ``later`` publication dates with its month in words that is one of the two readings of
    ``digits``, a date in digits that reads both ways ("04/01/2016" then "Syria, April 1, 2016:"): the text's words
    decide which; else None."""
    if not digits["month"].isdigit() or "sep" not in digits.groupdict() or digits.start("day") > digits.start("month"):
        return None
    readings = {date_of(digits), date_of({"year": digits["year"], "month": digits["day"], "day": digits["month"]})}
    return next((match for match in later if not match["month"].isdigit() and date_of(match) in readings), None)


def dateline_reading(digits: re.Match[str], text: str) -> str | None:
    """The reading of ``digits``, a publication date in digits that reads both ways ("Published 03/01/2023"), that a
    news dateline without its year in the text's first lines names ("GAZIANTEP, Turkey, March 1 (Agency) -": March
    1, 2023), else None: the dateline decides, as a date in words does (``word_date_of_readings``); so does a clock
    time in a zone of the United States after it ("06/01/2019 9:41 AM ET": June 1, month first)."""
    if not digits["month"].isdigit() or "sep" not in digits.groupdict() or digits["month"] == digits["day"]:
        return None
    swapped = {"year": digits["year"], "month": digits["day"], "day": digits["month"]}
    if digits.start("day") < digits.start("month") and regex("AmericanClockZone").match(digits.string, digits.end("year")):
        return date_of(swapped)  # "Posted 06/01/2019 9:41 AM ET": an American site's stamp, month first (fx139a)
    dateline = regex("YearlessDateline").search(text[:PUBLICATION_WINDOW])
    if dateline is None:
        return None
    readings = {date_of(digits), date_of({"year": digits["year"], "month": digits["day"], "day": digits["month"]})}
    named = date_of({"year": digits["year"], "month": dateline["month"], "day": dateline["day"]})
    return named if named in readings else None


@cached_by_text
def is_date_line(line: str) -> bool:
    """Whether ``line`` starts with a publication date (the end of a title; never a heading or a period)."""
    matches = (pattern.match(line.strip()) for pattern in regexes("PublicationDate"))
    return any(match and date_of(match) for match in matches)


def french_month_number(name: str) -> int | None:
    """The number of a month named in French ("mai": 5, "Décembre": 12; ``FrenchMonth``), None for any other name."""
    return next((number for number, word in enumerate(words("FrenchMonth"), 1)
                 if re.fullmatch(word, name, re.IGNORECASE)), None)


def english_dates(text: str) -> str:
    """``text`` with each date written in German ("3. Juni 2020", ``GermanDate``) written in English ("3 June 2020"),
    as the reader reads it everywhere (fx154cd); so is a month after German "Im" opening a line or a sentence ("Im Juni:
    regime forces 39 civilians", ``GermanInMonth``: "In June"; fx160cd)."""
    def english_month(name: str) -> str:
        number = next(number for number, word in enumerate(words("GermanMonth"), 1) if re.fullmatch(word, name))
        return MONTHS[number - 1].capitalize()

    def english(match: re.Match[str]) -> str:
        return f"{match['day']} {english_month(match['month'])} {match['year']}"
    text = regex("GermanDate").sub(english, text)
    return regex("GermanInMonth").sub(lambda match: f"In {english_month(match['month'])}", text)


def date_of(match: re.Match[str] | dict[str, str]) -> str | None:
    """The ISO date of a ``PublicationDate`` match (or its year, month and day); None if it is no date (a 13th
    month, a 32nd day)."""
    month = match["month"]
    number = int(month) if month.isdigit() else french_month_number(month) or month_number(month)
    try:
        day = match.get("day") if isinstance(match, dict) else match.groupdict().get("day")
        return date(int(match["year"]), number, int(day or 1)).isoformat()  # no day: a masthead's month, its first
    except ValueError:
        return None


def without_date_label(title: str, starts: list[int] | None = None) -> str:
    """A title without the date label that ends it or one of its lines (``starts``: where its lines start; "1,057
    Civilians Killed in the First Half of 2022 - June 2022", a repost's title line followed by its site's labels),
    blanked (the same length): the label dates the copy, never the figures, even under a title naming no period of
    its own ("SNHR's Tenth Annual Report on Civilian Deaths in Syria - January 2022", the annual report on 2021 posted
    in January: its first statements date it; round 30)."""
    bounds = sorted({0, *(starts or ())})
    for start, end in zip(bounds, [*bounds[1:], len(title)]):
        label = regex("TitleDateLabel").search(title[start:end])
        if label is not None:
            first, last = start + label.start(), start + label.end()
            title = title[:first] + " " * (last - first) + title[last:]
    return title


@cached_by_text
def is_month_heading(line: str) -> bool:
    """Whether ``line`` names only a month and its year ("June 2018", "In June 2018:"): a heading of the figures after
    it, in a half-year or annual release the month's part."""
    return bool(regex("MonthHeading").fullmatch(line.strip()))


def title_month(title: str) -> str | None:
    """The month a title covers: the latest "<Month> <YYYY>" or half-year it names; else a month it names
    without a year, in the year it names ("... in 2019, with 267 Civilians Killed in December"); else the
    December of the year it names (an annual report)."""
    title = regex("BackgroundMonth").sub(lambda match: " " * len(match.group(0)), title)  # "Since March 2011": the war's
    months = [month_code(int(m.group("year")), month_number(m.group("month"))) for m in regex("TitleMonth").finditer(title)]
    for match in regex("TitleHalfYear").finditer(title):
        half, year = match.group("half") or match.group("pos_half"), match.group("year") or match.group("pos_year")
        months.append(month_code(int(year), 6 if half.lower() == "first" else 12))
    for match in regex("TitleFirstMonths").finditer(title):  # "the First Nine Months of 2020": its last month
        count = match.group("count")
        if 1 <= (months_count := int(count) if count.isdigit() else words_to_number(count)) <= 12:
            months.append(month_code(int(match.group("year")), months_count))
    for match in regex("TitleQuarter").finditer(title):
        months.append(month_code(int(match.group("year")), 3 * (QUARTERS.index(match.group("quarter").lower()) + 1)))
    if months:
        return max(months)
    years = [int(y) for y in regex("TitleYear").findall(title)]
    if not years:
        return None
    bare = [month_number(m) for m in regex("TitleBareMonth").findall(title)]
    return month_code(max(years), max(bare) if bare else 12)
