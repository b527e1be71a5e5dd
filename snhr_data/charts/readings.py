"""Readings: short sentences computed from the data a chart plots, shown under it in the notebooks."""
from __future__ import annotations

from typing import Sequence

import pandas as pd

from .formatting import format_number, period_label
from .style import party_label


def reading_periods(years: Sequence[int], periods: Sequence[str]) -> str:
    """Which period stands for each year compared (calendar year or year to date)."""
    by_year = {p[:4]: p for p in periods}
    parts = []
    for year in years:
        period = by_year.get(str(year))
        if period is None:
            parts.append(f"{year}: no total stated in any report")
        elif "/" in period:
            parts.append(f"{year}: {period_label(period)} only (year to date)")
        else:
            parts.append(f"{year}: the calendar year")
    return "Periods compared — " + "; ".join(parts) + "."


def reading_totals(data: pd.DataFrame, noun: str) -> str:
    """A short reading of ``totals_by_period`` data."""
    if data.empty:
        return f"No {noun} are stated for these periods."
    parts = [f"**{format_number(r.value, r.qualifier)}** in {period_label(r.period)}" for r in data.itertuples()]
    text = f"SNHR documented {noun}: " + "; ".join(parts) + "."
    full = data[~data["period"].str.contains("/")]
    if len(full) >= 2 and full["value"].iloc[0]:
        change = full["value"].iloc[-1] / full["value"].iloc[0] - 1
        text += (f" From {full['period'].iloc[0]} to {full['period'].iloc[-1]} the count "
                 f"{'rose' if change >= 0 else 'fell'} by {abs(change):.0%}.")
    partial = data[data["period"].str.contains("/")]
    if len(partial):
        text += (" " + ", ".join(period_label(p) for p in partial["period"])
                 + " covers only part of its year, so it is not comparable with a full year.")
    return text


def reading_composition(data: pd.DataFrame) -> str:
    if data.empty:
        return "No period has civilian deaths broken down by party."
    sentences = []
    for period, part in data.groupby("period", sort=False):
        top = part.sort_values("share", ascending=False, kind="stable").iloc[0]
        main = part[part["perpetrator"] != "other_parties"].sort_values("share", ascending=False, kind="stable")
        sentence = f"In {period_label(period)}, {party_label(top.perpetrator).lower() if top.perpetrator == 'other_parties' else party_label(top.perpetrator)} accounted for the largest share ({top.share:.0f}%)"
        if len(main) and main.iloc[0].perpetrator != top.perpetrator:
            sentence += f"; among the main parties, {party_label(main.iloc[0].perpetrator)} ({main.iloc[0].share:.0f}%)"
        sentences.append(sentence + ".")
    return " ".join(sentences)


def reading_victim_shares(data: pd.DataFrame) -> str:
    if data.empty:
        return "No period states counts of children and women killed."
    parts = []
    for period, part in data.groupby("period", sort=False):
        shares = part.set_index("victim_group")["share"]
        stated = [f"{group} {shares[group]:.0f}%" if group in shares else f"{group} not stated"
                  for group in ["children", "women"]]
        parts.append(f"{period_label(period)}: " + ", ".join(stated))
    return "Children and women as a share of the civilian deaths documented — " + "; ".join(parts) + "."


def reading_same_month(data: pd.DataFrame) -> str:
    if data.empty:
        return "These months are not both stated."
    months = list(dict.fromkeys(data["month"]))
    wide = data.pivot_table(index="perpetrator", columns="month", values="value", aggfunc="first")
    wide = wide.reindex(columns=months)
    first, last = months[0], months[-1]
    totals = wide.reindex(index=["all"]).iloc[0]
    if totals.notna().all():
        text = (f"{period_label(last)} saw **{totals[last]:,.0f}** civilian deaths documented against "
                f"**{totals[first]:,.0f}** in {period_label(first)}.")
    else:
        text = ("No total of civilian deaths is stated for "
                + " and ".join(period_label(m) for m in months if pd.isna(totals[m])) + ".")
    diff = (wide[last] - wide[first]).drop("all", errors="ignore").dropna()
    if len(diff) and diff.max() > 0:
        grew = diff.idxmax()
        text += (f" The largest increase was for {party_label(grew)} "
                 f"({wide.loc[grew, first]:.0f} → {wide.loc[grew, last]:.0f}).")
    return text


def reading_main_vs_other(data: pd.DataFrame) -> str:
    if data.empty:
        return "No period states both totals needed."
    high = data.loc[data["other_share"].idxmax()]
    low = data.loc[data["other_share"].idxmin()]
    above = data[data["other_share"] > 50]
    return (f"Other parties' share ranged from **{low.other_share:.0f}%** ({period_label(low.period)}) to "
            f"**{high.other_share:.0f}%** ({period_label(high.period)}) across the {len(data)} periods compared; "
            f"they accounted for more than half of the deaths in {len(above)} of them"
            + (f" ({', '.join(period_label(p) for p in above['period'])})." if len(above) else "."))
