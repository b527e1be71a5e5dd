"""Words and numbers on charts and tables: period labels, month names, measure nouns, stated numbers."""
from __future__ import annotations

from typing import Sequence

MONTH_ABBR = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"]
MONTH_NAMES = ["January", "February", "March", "April", "May", "June", "July", "August",
               "September", "October", "November", "December"]
MEASURE_NOUNS = {
    "civilian_deaths": "civilian deaths",
    "torture_deaths": "deaths under torture",
    "massacres": "massacres",
    "massacre_deaths": "deaths in massacres",
}
SPECIAL_MEASURES = {
    "medical_personnel_deaths": "Medical personnel",
    "media_worker_deaths": "Media workers",
    "civil_defense_deaths": "Civil Defense members",
}
SPECIAL_NOUNS = {
    "medical_personnel_deaths": "medical personnel",
    "media_worker_deaths": "media workers",
    "civil_defense_deaths": "Civil Defense members",
}


def period_end(period: str) -> str:
    """The last month a period covers: '2024' -> '2024-12', '2024-01/2024-11' -> '2024-11'."""
    if "/" in period:
        return period.split("/")[1]
    return f"{period}-12" if len(period) == 4 else period


def period_slug(period: str) -> str:
    """A period as a file-name part: '2024-01/2024-11' -> '2024-01_2024-11'."""
    return period.replace("/", "_")


def chronological(periods: Sequence[str]) -> list[str]:
    """Periods ordered by the month they end; a month before the year or year to date ending with it."""
    return sorted(dict.fromkeys(periods), key=lambda p: (period_end(p), p != period_end(p), p))


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
    return f"{MONTH_NAMES[int(period[5:]) - 1]} {period[:4]}"


def format_number(value: float, qualifier: str = "exact", unit: str = "count") -> str:
    """A stated number as a chart label: 'about' -> '≈', 'at least' -> '≥', percents with '%'."""
    number = f"{value:,.0f}" if float(value).is_integer() else f"{value:,.1f}"
    prefix = {"about": "≈", "at_least": "≥"}.get(qualifier, "")
    return f"{prefix}{number}{'%' if unit == 'percent' else ''}"


def counted(value: float, qualifier: str, group: str) -> str:
    """'4 children', '1 woman', '≥9 children'."""
    singular = {"children": "child", "women": "woman"}
    noun = singular.get(group, group) if value == 1 else group
    return f"{format_number(value, qualifier)} {noun}"


def months_between(first: str, last: str) -> list[str]:
    """Every month from ``first`` to ``last`` ('YYYY-MM'), both included."""
    start, end = int(first[:4]) * 12 + int(first[5:]) - 1, int(last[:4]) * 12 + int(last[5:]) - 1
    return [f"{index // 12}-{index % 12 + 1:02d}" for index in range(start, end + 1)]
