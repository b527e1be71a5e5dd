"""The monthly series across all reports, with revisions marked.

It draws a series table (``snhr_data.series.build_series``: one row per period, measure, victim
group, party and governorate, with ``first_value, first_report, latest_value, latest_report,
n_statements, revised``): the latest value of each month, and for a month a later report states
with another value, the value first published and the change.
"""
from __future__ import annotations

from typing import Mapping

import pandas as pd
import seaborn as sns
from matplotlib.lines import Line2D

from .archive import month_ticks
from .formatting import MEASURE_NOUNS, months_between, period_label
from .layout import Chart, finish, legend_below, new_figure
from .selection import is_month
from .style import PAGE_WIDTH_IN, party_color, styled

SERIES_COLUMNS = ["period", "measure", "victim_group", "perpetrator", "governorate", "first_value", "first_report",
                  "latest_value", "latest_report", "n_statements", "revised"]
REVISED_COLOR = "#B2182B"  # a colour no party uses


def monthly_series_data(series: pd.DataFrame, measure: str) -> pd.DataFrame:
    """The whole-country series of ``measure`` (all parties, all victims), one row per month from the first
    stated to the last; months no report states have no values (NaN), never zeros."""
    rows = series[(series["measure"] == measure) & (series["victim_group"] == "all")
                  & (series["perpetrator"] == "all") & (series["governorate"] == "all") & is_month(series["period"])]
    if rows.empty:
        return pd.DataFrame(columns=SERIES_COLUMNS)
    months = pd.DataFrame({"period": months_between(rows["period"].min(), rows["period"].max())})
    data = months.merge(rows[SERIES_COLUMNS], on="period", how="left")
    return data.assign(measure=measure, revised=data["revised"].fillna(False).astype(bool))


@styled
def monthly_series(series: pd.DataFrame, sources: Mapping[str, str], measure: str = "civilian_deaths") -> Chart:
    """The latest value of every month across all reports; revised months show the value first published."""
    noun = MEASURE_NOUNS[measure]
    data = monthly_series_data(series, measure)
    if data["latest_value"].isna().all():
        return Chart(None, data, f"No report states {noun} for a single month.")
    fig, ax = new_figure(PAGE_WIDTH_IN, 0, extra=2.2)
    points = data.assign(x=range(len(data)))
    ax.plot(points["x"], points["latest_value"], color=party_color("all"), linewidth=0.9)  # a gap where NaN
    sns.scatterplot(data=points, x="x", y="latest_value", color=party_color("all"), s=10, linewidth=0, ax=ax,
                    legend=False)
    revised = points[points["revised"]]
    ax.vlines(revised["x"], revised["first_value"], revised["latest_value"], color=REVISED_COLOR, linewidth=0.8)
    sns.scatterplot(data=revised, x="x", y="first_value", facecolor="white", edgecolor=REVISED_COLOR, s=16,
                    linewidth=0.9, ax=ax, legend=False)
    ticks, labels = month_ticks(list(data["period"]))
    ax.set_xticks(ticks, labels, rotation=90 if len(data) <= 24 else 0)
    ax.set_xlim(-0.8, len(data) - 0.2)
    ax.set_ylim(0, max(data[["first_value", "latest_value"]].max().max(), 1) * 1.12)
    ax.set(xlabel="", ylabel=f"{noun.capitalize()} (count)")
    ax.yaxis.grid(True)
    legend_below(fig, [Line2D([], [], color=party_color("all"), marker="o", markersize=3, label="Latest value stated"),
                       Line2D([], [], color=REVISED_COLOR, marker="o", markerfacecolor="white", markersize=4,
                              label="First published, revised later")], ncols=2)
    stated = data.dropna(subset=["latest_value"])
    title = (f"{len(revised)} of {len(stated)} months of {noun} were restated with another value in a later report"
             if len(revised) else f"No month of {noun} was restated with another value in a later report")
    subtitle = (f"{noun.capitalize()} by month, {period_label(data['period'].iloc[0])} to "
                f"{period_label(data['period'].iloc[-1])}, as the latest report stating each month gives it")
    notes = ["Gaps: no report states the month."] if len(stated) < len(data) else []
    reports = list(stated["first_report"]) + list(stated["latest_report"])
    return Chart(finish(fig, ax, title, subtitle, reports, sources, notes), data)
