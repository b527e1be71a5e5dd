"""Periods as the reports write them, and the month a report covers.

A period is ``YYYY-MM`` (a month), ``YYYY`` (a calendar year) or ``YYYY-MM/YYYY-MM`` (a range of
months, e.g. the year to date). Every period is worked out from the text relative to the report month,
never from a file name.
"""
from __future__ import annotations

import re
from dataclasses import dataclass

MONTHS = [
    "january", "february", "march", "april", "may", "june",
    "july", "august", "september", "october", "november", "december",
]
MONTH = r"(?:January|February|March|April|May|June|July|August|September|October|November|December)"
WEEKDAY = r"(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)"
YEAR = r"(?:19|20)\d{2}"


class NoReportMonthError(ValueError):
    """The text states no month that it covers."""


@dataclass(frozen=True)
class PeriodMention:
    period: str | None  # None: a period the schema cannot hold ("since October 5")
    start: int
    end: int
    kind: str  # month | year | ytd | range | unknown


def month_number(name: str) -> int:
    return MONTHS.index(name.lower()) + 1


def month_code(year: int, month: int) -> str:
    return f"{year:04d}-{month:02d}"


def shift_month(code: str, months: int) -> str:
    year, month = int(code[:4]), int(code[5:7])
    index = year * 12 + (month - 1) + months
    return month_code(index // 12, index % 12 + 1)


def year_of_month(month: int, report: str) -> int:
    """The year of a month named without one: the latest such month not after the report month."""
    report_year, report_month = int(report[:4]), int(report[5:7])
    return report_year if month <= report_month else report_year - 1


def year_to_date(year: int, end: str) -> str:
    """``YYYY-01/end``, or ``YYYY`` when the range covers the whole calendar year."""
    if end == month_code(year, 12):
        return str(year)
    if end == month_code(year, 1):
        return end
    return f"{year}-01/{end}"


_NOT_A_DAY = r"(?!\s+\d{1,2}(?:st|nd|rd|th)?\b(?!,?\s*(?:19|20)\d{2}\s+(?:civilians|deaths|victims)))"
_PATTERNS: list[tuple[str, re.Pattern[str]]] = [
    ("ytd", re.compile(
        rf"(?:since|from) the (?:beginning|start) of (?:(?P<year>{YEAR})|the year|this year)"
        rf"(?:,?\s+(?:up (?:un)?til|up to|until|through|till|to)\s+(?P<end_of>the end of\s+)?(?P<end_month>{MONTH})(?:\s+(?P<end_year>{YEAR}))?)?",
        re.IGNORECASE)),
    ("range", re.compile(rf"\b(?i:from) (?P<month1>{MONTH}) (?:to|until|through) (?P<month2>{MONTH}),? (?P<year>{YEAR})")),
    ("range", re.compile(rf"(?:in|during|for|over) the (?P<half>first|second) (?:half|six months) of (?P<year>{YEAR})", re.IGNORECASE)),
    ("range", re.compile(rf"(?:in|during|for|over) the (?P<quarter>first|second|third|fourth|last) quarter of (?P<year>{YEAR})",
                         re.IGNORECASE)),
    ("unknown", re.compile(rf"\b(?i:between|from) \d{{1,2}}(?:st|nd|rd|th)? (?:and|to|until) \d{{1,2}}(?:st|nd|rd|th)? {MONTH}\b"
                           rf"|\b(?i:between|from) {MONTH} \d{{1,2}} (?:and|to|until) (?:{MONTH} )?\d{{1,2}}\b")),
    ("month", re.compile(r"\b(?:last month|the previous month|the month before|the preceding month)\b", re.IGNORECASE)),
    ("ytd", re.compile(
        rf"(?:(?:this|the) year(?:'s)?(?: total)? to date|so far this year|this year so far|"
        rf"(?:to date|so far) in (?P<year>{YEAR})|in (?P<year2>{YEAR}) (?:to date|so far)|"
        rf"(?:of|in) the year to date)", re.IGNORECASE)),
    ("unknown", re.compile(rf"since (?:that date|then|{MONTH}\s+\d{{1,2}}\b|(?:the )?(?:start|beginning) of {MONTH}|(?:{MONTH}\s+)?{YEAR}\b)", re.IGNORECASE)),
    ("month", re.compile(r"\b(?:this|the) month(?:'s)?\b(?!\s+of\b)", re.IGNORECASE)),
    ("month", re.compile(rf"\b(?P<month>{MONTH})(?:,?\s+(?P<year>{YEAR}))?(?:'s)?\b{_NOT_A_DAY}")),
    ("year", re.compile(rf"\b(?:in|during|for|of|throughout|the whole of)\s+(?:the year\s+)?(?P<year>{YEAR})\b(?!\s*(?:civilians|deaths|victims|-))|\bthis year\b", re.IGNORECASE)),
]


def _resolve(kind: str, match: re.Match[str], report: str) -> str | None:
    groups = {k: v for k, v in match.groupdict().items() if v}
    report_year = int(report[:4])
    if kind == "unknown":
        return None
    if kind == "month":
        if "month" not in groups:
            return shift_month(report, -1) if re.search(r"last|previous|before|preceding", match.group(0), re.I) else report
        month = month_number(groups["month"])
        year = int(groups["year"]) if "year" in groups else year_of_month(month, report)
        return month_code(year, month)
    if kind == "range":
        year = int(groups["year"])
        if "half" in groups:
            return f"{year}-01/{year}-06" if groups["half"].lower() == "first" else f"{year}-07/{year}-12"
        if "quarter" in groups:
            first = 3 * ["first", "second", "third", "fourth"].index(groups["quarter"].lower().replace("last", "fourth")) + 1
            return f"{month_code(year, first)}/{month_code(year, first + 2)}"
        return f"{month_code(year, month_number(groups['month1']))}/{month_code(year, month_number(groups['month2']))}"
    if kind == "year":
        year = int(groups.get("year", report_year))
        return year_to_date(year, report) if year == report_year else str(year)
    # ytd: through the report month, or through the month the text names ("until the end of September")
    year = int(groups.get("year") or groups.get("year2") or report_year)
    end = report if year == report_year else month_code(year, 12)
    if "end_month" in groups:
        named = month_code(int(groups.get("end_year", year)), month_number(groups["end_month"]))
        end = min(end, named) if "end_of" in groups else min(end, named)  # "up to June" in a May report: May
    return year_to_date(year, end)


def find_periods(text: str, report: str) -> list[PeriodMention]:
    """Every period phrase in ``text`` (non-overlapping, earliest and longest first), resolved against ``report``."""
    found: list[PeriodMention] = []
    for kind, pattern in _PATTERNS:
        for match in pattern.finditer(text):
            if any(m.start < match.end() and match.start() < m.end for m in found):
                continue
            found.append(PeriodMention(_resolve(kind, match, report), match.start(), match.end(), kind))
    return sorted(found, key=lambda m: m.start)


_TITLE_MONTH = re.compile(rf"\b(?P<month>{MONTH})\s+(?P<year>{YEAR})\b")
_HALF_YEAR = re.compile(rf"\b(?P<half>first|second) (?:half|six months) of (?P<year>{YEAR})\b", re.IGNORECASE)
_QUARTER = re.compile(rf"\b(?P<quarter>first|second|third|fourth) quarter of (?P<year>{YEAR})\b", re.IGNORECASE)
_PUBLISHED = re.compile(
    rf"(?:^\s*date\s+(?P<iso>\d{{4}}-\d{{2}}-\d{{2}})|\b{WEEKDAY},?\s+(?P<day>\d{{1,2}})\s+(?P<month>{MONTH})\s+(?P<year>{YEAR}))",
    re.MULTILINE,
)
DATE_LINE = re.compile(rf"^\W*(?:[\w ]{{0,20}},\s*)?{WEEKDAY},?\s+\d{{1,2}}\s+{MONTH}\s+{YEAR}\W*$")


def publication_date(text: str) -> str | None:
    """The publication date a report states on a line of its own ("Sunday 01 December 2024", "date 2025-01-02")."""
    match = _PUBLISHED.search(text[:5000])
    if not match:
        return None
    if match.group("iso"):
        return match.group("iso")
    return f"{match.group('year')}-{month_number(match.group('month')):02d}-{int(match.group('day')):02d}"


def title_month(title: str) -> str | None:
    """The month a title covers: the latest "<Month> <YYYY>" or half-year it names; else a month it names
    without a year, in the year it names ("... in 2019, with 267 Civilians Killed in December"); else the
    December of the year it names (an annual report)."""
    months = [month_code(int(m.group("year")), month_number(m.group("month"))) for m in _TITLE_MONTH.finditer(title)]
    for match in _HALF_YEAR.finditer(title):
        months.append(month_code(int(match.group("year")), 6 if match.group("half").lower() == "first" else 12))
    for match in _QUARTER.finditer(title):
        quarter = ["first", "second", "third", "fourth"].index(match.group("quarter").lower()) + 1
        months.append(month_code(int(match.group("year")), 3 * quarter))
    if months:
        return max(months)
    years = [int(y) for y in re.findall(rf"\b(?:in|of|during)\s+({YEAR})\b", title)]
    if not years:
        return None
    bare = [month_number(m) for m in re.findall(rf"\b(?:in|during)\s+({MONTH})\b(?!\s+\d)", title)]
    return month_code(max(years), max(bare) if bare else 12)


def report_month(title: str, body: str) -> str:
    """The month a report covers: from its title, else from its publication date (the month before it when
    published in the first five days of a month, as monthly reports are).

    Raises ``NoReportMonthError`` when neither is stated.
    """
    month = title_month(title)
    if month:
        return month
    published = publication_date(body)
    if published:  # monthly reports come out in the first days of the next month; other releases cover their own
        return shift_month(published[:7], -1) if int(published[8:10]) <= 5 else published[:7]
    covered = re.search(rf"(?:during|in) the month of (?P<month>{MONTH})\s+(?P<year>{YEAR})", body)
    if covered:
        return month_code(int(covered.group("year")), month_number(covered.group("month")))
    raise NoReportMonthError("no recognizable report month in the title or a publication date")
