"""The period type: ``YYYY-MM`` (a month), ``YYYY`` (a calendar year) or ``YYYY-MM/YYYY-MM`` (a range of
months, e.g. the year to date). Parse and check a code, the months it spans, whether one period contains
another, how stated sub-periods tile a period, and a period as a label or a file-name part.

Periods are worked out from the report text (``snhr_data.reading.dates``), never from a file name.
"""
from __future__ import annotations

import re
from functools import lru_cache
from typing import Iterable

MONTHS = [
    "january", "february", "march", "april", "may", "june",
    "july", "august", "september", "october", "november", "december",
]
MONTH_ABBR = [m[:3].title() for m in MONTHS]
PERIOD_CODE = re.compile(r"^\d{4}(-(0[1-9]|1[0-2]))?$|^\d{4}-(0[1-9]|1[0-2])/\d{4}-(0[1-9]|1[0-2])$")


# --- months ------------------------------------------------------------------------------------------------

def month_number(name: str) -> int:
    """'November', 'Nov', 'Nov.', 'Sept' -> 11 ... (a full name or its usual abbreviation)."""
    name = name.lower().rstrip(".")
    return next(i for i, month in enumerate(MONTHS, 1) if month == name or (len(name) >= 3 and month.startswith(name)))


def month_code(year: int, month: int) -> str:
    return f"{year:04d}-{month:02d}"


def month_index(code: str) -> int:
    """A month as a number of months since year 0, for arithmetic: '2024-01' -> 24288."""
    return int(code[:4]) * 12 + int(code[5:7]) - 1


def shift_month(code: str, months: int) -> str:
    index = month_index(code) + months
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


# --- periods -----------------------------------------------------------------------------------------------

def is_period(code: str) -> bool:
    """Whether ``code`` is a well-formed period code."""
    return bool(PERIOD_CODE.match(str(code)))


def period_type(period: str) -> str:
    """``month`` (YYYY-MM), ``year`` (YYYY) or ``range`` (YYYY-MM/YYYY-MM)."""
    if "/" in period:
        return "range"
    return "year" if len(period) == 4 else "month"


@lru_cache(maxsize=None)  # the audit asks about the same few hundred periods millions of times
def period_span(period: str) -> tuple[int, int]:
    """First and last month (as month indexes) of a month, a year or a range."""
    if "/" in period:
        start, end = period.split("/")
        return month_index(start), month_index(end)
    if len(period) == 4:
        return int(period) * 12, int(period) * 12 + 11
    return month_index(period), month_index(period)


def months_spanned(period: str) -> int:
    start, end = period_span(period)
    return end - start + 1


def period_end(period: str) -> str:
    """The last month a period covers: '2024' -> '2024-12', '2024-01/2024-11' -> '2024-11'."""
    if "/" in period:
        return period.split("/")[1]
    return f"{period}-12" if len(period) == 4 else period


def contains(outer: str, inner: str) -> bool:
    """Whether period ``outer`` covers every month of ``inner`` (a period contains itself)."""
    start, end = period_span(inner)
    return period_span(outer)[0] <= start and end <= period_span(outer)[1]


def containing_period(periods: Iterable[str], period: str) -> str | None:
    """The year, else the longest range, among ``periods`` that contains ``period`` (other than itself)."""
    containing = [p for p in periods if p != period and contains(p, period)]
    years = sorted(p for p in containing if len(p) == 4)
    if years:
        return years[0]
    return max(containing, key=lambda p: (months_spanned(p), p), default=None)


def period_tiling(whole: str, periods: Iterable[str]) -> tuple[list[str], bool]:
    """The stated sub-periods covering ``whole`` from its start, longest first, and whether they leave
    no gap: '2024' with '2024-01/2024-11' and '2024-12' stated -> (['2024-01/2024-11', '2024-12'], True)."""
    start, end = period_span(whole)
    inside = [p for p in periods if p != whole and contains(whole, p)]
    parts, gap, month = [], False, start
    while month <= end:
        starting = [p for p in inside if period_span(p)[0] == month]
        if not starting:
            gap, month = True, month + 1
            continue
        best = max(starting, key=lambda p: (period_span(p)[1], p))
        parts.append(best)
        month = period_span(best)[1] + 1
    return parts, not gap


def period_label(period: str) -> str:
    """'2024-11' -> 'Nov 2024', '2024' -> '2024', '2024-01/2024-11' -> 'Jan–Nov 2024'."""
    if "/" in period:
        start, end = period.split("/")
        if start[:4] == end[:4]:
            return f"{MONTH_ABBR[int(start[5:]) - 1]}–{MONTH_ABBR[int(end[5:]) - 1]} {end[:4]}"
        return f"{period_label(start)}–{period_label(end)}"
    if len(period) == 4:
        return period
    return f"{MONTH_ABBR[int(period[5:]) - 1]} {period[:4]}"


def month_name(period: str) -> str:
    """'2024-11' -> 'November 2024'."""
    return f"{MONTHS[int(period[5:]) - 1].title()} {period[:4]}"


def period_slug(period: str) -> str:
    """A period as a file-name part: '2024-01/2024-11' -> '2024-01_2024-11'."""
    return period.replace("/", "_")
