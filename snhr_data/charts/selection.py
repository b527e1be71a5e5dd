"""Which statements a chart draws, apart from drawing: one statement per figure, rows by criteria, party order.

A report can state a figure twice; the table keeps both rows, a chart needs one (``statements``),
and across reports the one of the report covering the period (``best_statements``).
"""
from __future__ import annotations

from typing import Mapping, Sequence

import numpy as np
import pandas as pd

from ..codes import PUBLIC_COLUMNS, perpetrator_groups
from .formatting import format_number, months_between, period_end

KEY = PUBLIC_COLUMNS[:8]  # report .. share_of: what a figure is about, without its value


def statements(figures: pd.DataFrame) -> pd.DataFrame:
    """One row per figure a report states, with the other values it states for it in ``also_stated``.

    A report can state a figure twice (the Dec 2023 report gives two different counts of
    children); the table keeps both rows, a chart needs one. The first explicit statement in the
    text wins (rows the extractor only implies come after), and the others stay visible.
    """
    if figures.empty:
        return figures.assign(also_stated=pd.Series(dtype=str))
    ordered = figures.assign(_implied=figures["note"].str.contains("implied", na=False))
    ordered = ordered.sort_values(KEY + ["_implied", "line"], kind="stable")
    first = ordered.drop_duplicates(KEY, keep="first").drop(columns="_implied")
    values = ordered.groupby(KEY, sort=False)["value"].agg(lambda s: sorted(set(s)))
    others = [
        "; ".join(format_number(v) for v in vals if v != val)
        for vals, val in zip(values.reindex(pd.MultiIndex.from_frame(first[KEY])), first["value"])
    ]
    return first.assign(also_stated=others).reset_index(drop=True)


def best_statements(figures: pd.DataFrame) -> pd.DataFrame:
    """One row per figure across reports: the statement of the report that covers its period.

    A period's own report (the Nov 2024 report for Nov 2024, the Dec 2024 release for 2024) wins;
    otherwise the latest report stating it.
    """
    stated = statements(figures)
    if stated.empty:
        return stated
    covering = stated["report"] == stated["period"].map(period_end)
    ordered = stated.assign(_covering=covering).sort_values(
        ["_covering", "report"], ascending=[False, False], kind="stable")
    key = [column for column in KEY if column != "report"]
    return ordered.drop_duplicates(key).drop(columns="_covering").sort_values(KEY).reset_index(drop=True)


def select(stated: pd.DataFrame, **criteria: str) -> pd.DataFrame:
    """Rows of ``stated`` matching every ``column=value`` given (counts unless ``unit`` is given).

    The mask is built on the columns' numpy arrays: a chart selects dozens of times, and pandas' own
    comparison and alignment of string columns cost three times as much for the same rows.
    """
    criteria.setdefault("unit", "count")
    mask = np.ones(len(stated), dtype=bool)
    for column, wanted in criteria.items():
        mask &= stated[column].to_numpy() == wanted
    return stated[mask]


def reports_stating(stated: pd.DataFrame, periods: Sequence[str], **criteria: str) -> pd.Series:
    """The report of every row matching ``criteria`` (counts unless ``unit`` is given) for one of ``periods``."""
    rows = select(stated, **criteria)
    return rows.loc[rows["period"].isin(periods), "report"]


def stated_value(stated: pd.DataFrame, **criteria: str) -> float | None:
    rows = select(stated, **criteria)
    return float(rows["value"].iloc[0]) if len(rows) else None


def counts_by_party(stated: pd.DataFrame, measure: str, period: str, victim_group: str = "all") -> pd.Series:
    """perpetrator -> stated count, for the whole country."""
    rows = select(stated, measure=measure, period=period, victim_group=victim_group, governorate="all")
    return rows.set_index("perpetrator")["value"]


def party_order(codes: Sequence[str], values: Mapping[str, float] | None = None) -> list[str]:
    """Main parties by value (largest first), then 'other parties', then its subcategories by value."""
    groups = perpetrator_groups()
    rank = {"total": 0, "main": 1, "combined": 1, "other": 2, "other_sub": 3}
    values = {} if values is None else values
    return sorted(codes, key=lambda code: (rank.get(groups.get(code, "other_sub"), 3),
                                           -float(values.get(code, 0)), code))


def parties_at_level(codes: Sequence[str], level: str) -> list[str]:
    """The codes of one level: 'main' (main and combined parties, and 'other parties') or 'other' (its subcategories)."""
    groups = perpetrator_groups()
    wanted = {"main": {"main", "combined", "other"}, "other": {"other_sub"},
              "all": {"main", "combined", "other", "other_sub"}}[level]
    return [code for code in codes if groups.get(code) in wanted]


def other_parties_last(codes: Sequence[str]) -> list[str]:
    """``codes`` in their order, 'other parties' moved to the end (where stacked bars put it)."""
    return [c for c in codes if c != "other_parties"] + (["other_parties"] if "other_parties" in codes else [])


def report_periods(stated: pd.DataFrame, report: str) -> list[str]:
    """The periods a report states figures for: its month, then its year or year to date."""
    year = report[:4]
    others = sorted(p for p in set(stated.loc[stated["report"] == report, "period"])
                    if p == year or p.startswith(f"{year}-01/"))
    return [report] + others


def year_period(best: pd.DataFrame, year: int | str) -> str | None:
    """The period that best stands for a year: the calendar year if stated, else the longest year to date."""
    rows = select(best, measure="civilian_deaths", victim_group="all", perpetrator="all", governorate="all")
    candidates = [p for p in rows["period"] if p == str(year) or p.startswith(f"{year}-01/")]
    return max(candidates, key=period_end) if candidates else None


def is_month(periods: pd.Series) -> pd.Series:
    """True for periods that are one month ('2024-11'), not a year or a range."""
    return periods.str.fullmatch(r"\d{4}-\d{2}")


def month_grid(rows: pd.DataFrame, row_key: str) -> pd.DataFrame:
    """``row_key`` x month table of the values of ``rows`` (one month each), every month from the first
    stated to the last as a column: a month no row states is NaN, never zero."""
    if rows.empty:
        return pd.DataFrame()
    grid = rows.pivot_table(index=row_key, columns="period", values="value", aggfunc="first")
    return grid.reindex(columns=months_between(min(rows["period"]), max(rows["period"])))


def monthly_counts_by_party(best: pd.DataFrame, measure: str = "civilian_deaths") -> pd.DataFrame:
    """party x month counts of ``measure`` stated for single months (main parties, other parties, all)."""
    rows = select(best, measure=measure, victim_group="all", governorate="all")
    rows = rows[is_month(rows["period"])]
    rows = rows[rows["perpetrator"].isin(["all", *parties_at_level(list(rows["perpetrator"]), "main")])]
    grid = month_grid(rows, "perpetrator")
    return grid.reindex(party_order(list(grid.index), grid.sum(axis=1))) if len(grid) else grid


def monthly_governorate_shares(best: pd.DataFrame) -> pd.DataFrame:
    """governorate x month shares (%) of all civilian deaths, as stated for single months."""
    rows = select(best, measure="civilian_deaths", victim_group="all", perpetrator="all", unit="percent",
                  share_of="governorate")
    rows = rows[is_month(rows["period"]) & (rows["governorate"] != "all")]
    grid = month_grid(rows, "governorate")
    return grid.reindex(grid.mean(axis=1).sort_values(ascending=False, kind="stable").index) if len(grid) else grid


def yearly_counts_by_party(best: pd.DataFrame, measure: str = "civilian_deaths") -> pd.DataFrame:
    """One row per year from the first to the last any report states and main party (or 'other parties'):
    the count stated for the period standing for the year (``year_period``), NaN when none is stated."""
    years = sorted({int(p[:4]) for p in best["period"]}) if len(best) else []
    periods = {year: year_period(best, year) for year in range(years[0], years[-1] + 1)} if years else {}
    counts = {year: counts_by_party(best, measure, period) for year, period in periods.items() if period}
    totals = pd.concat(list(counts.values())).groupby(level=0).sum() if counts else pd.Series(dtype=float)
    codes = party_order(parties_at_level(list(totals.index), "main"), totals)
    return pd.DataFrame(
        [{"year": year, "period": period or "", "perpetrator": code,
          "value": counts[year].get(code, float("nan")) if period else float("nan"),
          "partial": bool(period) and "/" in period}
         for year, period in periods.items() for code in codes],
        columns=["year", "period", "perpetrator", "value", "partial"])
