"""Words and numbers on charts and tables: measure nouns, stated numbers, periods in chart order.

Period labels, month names and file-name parts come from the one period type, ``snhr_data.periods``.
"""
from __future__ import annotations

from typing import Sequence

from ..periods import month_index, month_name, period_end, period_label, period_slug, shift_month

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


def chronological(periods: Sequence[str]) -> list[str]:
    """Periods ordered by the month they end; a month before the year or year to date ending with it."""
    return sorted(dict.fromkeys(periods), key=lambda p: (period_end(p), p != period_end(p), p))


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
    return [shift_month(first, step) for step in range(month_index(last) - month_index(first) + 1)]
