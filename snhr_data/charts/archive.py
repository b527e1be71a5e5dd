"""Archive-wide views, drawn with seaborn: deaths by party across years, party x month and governorate x month.

They read the best statement of every figure across all reports (``best_statements``) and scale
to an archive of some 200 monthly reports: one panel per party, one cell per month. A month or a
year that no report states is shown as missing (grey cell, a dash), never as zero. seaborn is
called on axes of a ``Figure`` the package made (no pyplot state) and never bootstraps
(``errorbar=None``), so files are byte-identical from one build to the next.
"""
from __future__ import annotations

import math
from typing import Mapping, Sequence

import pandas as pd
import seaborn as sns
from matplotlib.colors import Normalize, PowerNorm
from matplotlib.figure import Figure
from matplotlib.patches import Patch, Rectangle
from matplotlib.transforms import blended_transform_factory

from .formatting import format_number, period_label
from .layout import Chart, finish, legend_below
from .selection import monthly_counts_by_party, monthly_governorate_shares, reports_stating, yearly_counts_by_party
from .style import NOT_STATED_COLOR, PAGE_WIDTH_IN, governorate_label, party_color, party_label, styled, tint

PANELS_PER_ROW = 4
MISSING_NOTE = "Grey cells: no report states a figure for that month (not a zero)."


def month_ticks(months: Sequence[str]) -> tuple[list[int], list[str]]:
    """Tick positions and labels for a month axis: every month up to two years, else each January (year only)."""
    if len(months) <= 24:
        return list(range(len(months))), [period_label(m) for m in months]
    januaries = [i for i, m in enumerate(months) if m.endswith("-01")]
    return januaries, [months[i][:4] for i in januaries]


def long_grid(grid: pd.DataFrame, row_key: str) -> pd.DataFrame:
    """A row x month grid as tidy rows (``row_key``, period, value, stated): what the chart's CSV holds."""
    tidy = grid.rename_axis(index=row_key, columns="period").stack(future_stack=True).rename("value").reset_index()
    return tidy.assign(stated=tidy["value"].notna())


@styled
def deaths_by_party_and_year(best: pd.DataFrame, sources: Mapping[str, str]) -> Chart:
    """Small multiples: one panel per party, civilian deaths documented in each year of the archive.

    A year stands for its calendar year when a report states it, else its longest year to date
    (drawn lighter); a year no report states gets a dash, not a bar.
    """
    data = yearly_counts_by_party(best)
    if data["value"].isna().all():
        return Chart(None, data, "No year has civilian deaths broken down by party.")
    codes = list(dict.fromkeys(data["perpetrator"]))
    years = sorted(set(data["year"]))
    columns = min(PANELS_PER_ROW, len(codes))
    fig = Figure(figsize=(PAGE_WIDTH_IN, 1.2 * math.ceil(len(codes) / columns) + 0.3), layout="constrained")
    fig.get_layout_engine().set(h_pad=0.04, w_pad=0.04)
    axes = fig.subplots(math.ceil(len(codes) / columns), columns, sharex=True, squeeze=False).ravel()
    step = max(1, math.ceil(len(years) / 5))
    for ax, code in zip(axes, codes):
        party_panel(ax, data[data["perpetrator"] == code], years, code)
        ax.set_xticks(range(0, len(years), step), [str(y) for y in years[::step]])
    for ax in axes[len(codes):]:
        ax.set_visible(False)
    top = data.loc[data["value"].idxmax()]
    title = (f"{party_label(top.perpetrator)}: the most civilian deaths documented in one year, "
             f"{top.value:,.0f} in {period_label(top.period)}")
    notes = ["Each panel has its own scale."]
    if data.loc[data["value"].notna(), "partial"].any():
        notes.append("Lighter bars: only a year to date is stated.")
    if data["value"].isna().any():
        notes.append("–: no report states that year's figure for the party.")
    reports = reports_stating(best, list(set(data["period"]) - {""}), measure="civilian_deaths", governorate="all")
    return Chart(finish(fig, axes[0], title, "Civilian deaths documented by party held responsible, by year",
                        reports, sources, notes), data)


def party_panel(ax, part: pd.DataFrame, years: Sequence[int], code: str) -> None:
    """One panel of ``deaths_by_party_and_year``: a seaborn bar per stated year, a dash for the others."""
    color = party_color(code)
    stated = part.dropna(subset=["value"])
    sns.barplot(data=stated, x="year", y="value", order=list(years), color=color, errorbar=None, ax=ax, width=0.72,
                saturation=1)
    for patch, partial in zip(ax.patches, stated.sort_values("year")["partial"]):
        if partial:
            patch.set_facecolor(tint(color, 0.55))
            patch.set_edgecolor(color)
    for index, year in enumerate(years):
        if year not in set(stated["year"]):
            ax.text(index, 0, "–", ha="center", va="bottom", fontsize=7, color="#888888")
    ax.set_title(party_label(code), fontsize=7, loc="left")
    ax.set(xlabel="", ylabel="")
    ax.set_ylim(0, max(stated["value"].max() if len(stated) else 0, 1) * 1.15)
    ax.yaxis.grid(True)
    ax.tick_params(axis="x", length=0, labelsize=6)
    ax.tick_params(axis="y", labelsize=6)


def month_heatmap(grid: pd.DataFrame, names: Sequence[str], norm: Normalize, cmap: str, unit: str,
                  missing: str, colors: Sequence[str] = ()) -> tuple[Figure, object]:
    """A seaborn heatmap of a row x month grid; months not stated are masked and show the grey background,
    which the legend names ``missing``. ``colors``, when given, are drawn as a swatch before each row name."""
    fig = Figure(figsize=(PAGE_WIDTH_IN, 0.2 * len(grid) + 0.75), layout="constrained")
    fig.get_layout_engine().set(h_pad=0.04, w_pad=0.04)
    ax = fig.add_subplot()
    ax.set_facecolor(NOT_STATED_COLOR)
    few = grid.shape[1] <= 24
    sns.heatmap(grid, mask=grid.isna(), cmap=cmap, norm=norm, ax=ax, linewidths=0.4 if few else 0,
                linecolor="white", annot=few, fmt=".0f", annot_kws={"fontsize": 5.5},
                cbar_kws={"label": unit, "pad": 0.01, "aspect": 12}, xticklabels=False, yticklabels=False)
    positions, labels = month_ticks(list(grid.columns))
    ax.set_xticks([p + 0.5 for p in positions], labels, rotation=90 if few else 0, fontsize=6)
    ax.set_yticks([i + 0.5 for i in range(len(names))], names, fontsize=6.5)
    ax.set(xlabel="", ylabel="")
    ax.tick_params(axis="both", length=0)
    swatch = blended_transform_factory(ax.transAxes, ax.transData)
    for index, color in enumerate(colors):
        ax.add_patch(Rectangle((-0.009, index + 0.15), 0.006, 0.7, transform=swatch, color=color, clip_on=False))
    if len(colors):
        ax.tick_params(axis="y", pad=9)
    fig.axes[-1].tick_params(labelsize=6)
    legend_below(fig, [Patch(facecolor=NOT_STATED_COLOR, label=missing)], ncols=1)
    return fig, ax


@styled
def party_month_heatmap(best: pd.DataFrame, sources: Mapping[str, str]) -> Chart:
    """Civilian deaths by party (rows) and month (columns) across the archive, as each month's report states them."""
    grid = monthly_counts_by_party(best)
    if grid.empty:
        return Chart(None, pd.DataFrame(), "No report states civilian deaths by party for a single month.")
    norm = PowerNorm(0.5, vmin=0, vmax=max(float(grid.max().max()), 1))
    fig, ax = month_heatmap(grid, [party_label(c) for c in grid.index], norm, "rocket_r",
                            "Civilian deaths documented (count)", "Not stated by any report",
                            [party_color(c) for c in grid.index])
    parties = grid.drop(index="all", errors="ignore")
    top_code, top_month = (parties if len(parties) else grid).stack().idxmax()
    title = (f"{party_label(top_code)}: the most civilian deaths documented in one month, "
             f"{grid.loc[top_code, top_month]:,.0f} in {period_label(top_month)}")
    months = grid.columns
    stated = int(grid.notna().any().sum())
    subtitle = (f"Civilian deaths by party held responsible and month, {period_label(months[0])} to "
                f"{period_label(months[-1])}: {stated} of {len(months)} months stated")
    notes = [MISSING_NOTE, "Colour scale: square root, so that small counts stay visible."]
    reports = reports_stating(best, list(months), measure="civilian_deaths", governorate="all", victim_group="all")
    return Chart(finish(fig, ax, title, subtitle, reports, sources, notes), long_grid(grid, "perpetrator"))


@styled
def governorate_month_heatmap(best: pd.DataFrame, sources: Mapping[str, str]) -> Chart:
    """The share of each month's civilian deaths that a report states for a governorate (rows) by month."""
    grid = monthly_governorate_shares(best)
    if grid.empty:
        return Chart(None, pd.DataFrame(), "No report states governorate shares of a single month's civilian deaths.")
    fig, ax = month_heatmap(grid, [governorate_label(g) for g in grid.index], Normalize(0, 100), "mako_r",
                            "Share of the month's civilian deaths (%)", "No share stated")
    top_governorate, top_month = grid.stack().idxmax()
    title = (f"{governorate_label(top_governorate)} had the largest stated share of a month's civilian deaths: "
             f"{format_number(grid.loc[top_governorate, top_month], unit='percent')} in {period_label(top_month)}")
    subtitle = (f"Civilian deaths by governorate and month, shares stated in the reports, "
                f"{period_label(grid.columns[0])} to {period_label(grid.columns[-1])}")
    notes = [MISSING_NOTE.replace("a figure", "a share"),
             "Reports name only the governorates with most deaths, so a grey cell is often a small share."]
    reports = reports_stating(best, list(grid.columns), measure="civilian_deaths", perpetrator="all",
                              unit="percent", share_of="governorate")
    return Chart(finish(fig, ax, title, subtitle, reports, sources, notes), long_grid(grid, "governorate"))


def reading_archive_months(data: pd.DataFrame) -> str:
    """How many months of the archive's span a report states, from ``party_month_heatmap`` data."""
    if data.empty:
        return "No report states civilian deaths for a single month."
    months = list(dict.fromkeys(data["period"]))
    stated = [m for m in months if data.loc[data["period"] == m, "stated"].any()]
    return (f"Reports state civilian deaths for {len(stated)} of the {len(months)} months from "
            f"{period_label(months[0])} to {period_label(months[-1])}; the other "
            f"{len(months) - len(stated)} are shown as missing, not as zero.")

