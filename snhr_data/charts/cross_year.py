"""Charts across reports: totals by period, composition by party, children and women, same month, main vs other."""
from __future__ import annotations

from typing import Mapping, Sequence

import matplotlib.ticker
import pandas as pd
from matplotlib.patches import Patch

from .formatting import MEASURE_NOUNS, chronological, format_number, period_label
from .layout import Chart, finish, hbar_axis, label_bar_end, legend_below, new_figure, room_for_labels
from .selection import counts_by_party, other_parties_last, parties_at_level, party_order, reports_stating, \
    select, stated_value
from .style import COLUMN_WIDTH_IN, MAIN_PARTIES_COLOR, PAGE_WIDTH_IN, party_color, party_label, styled, \
    text_color_on, tint

@styled
def totals_by_period(best: pd.DataFrame, measure: str, periods: Sequence[str], sources: Mapping[str, str]) -> Chart:
    """A count measure (all parties, whole country) for several periods, side by side."""
    noun = MEASURE_NOUNS[measure]
    rows = select(best, measure=measure, victim_group="all", perpetrator="all", governorate="all")
    rows = rows[rows["period"].isin(periods)].set_index("period")
    present = [p for p in periods if p in rows.index]
    if not present:
        return Chart(None, pd.DataFrame(), f"No {noun} are stated for {', '.join(map(period_label, periods))}.")
    data = pd.DataFrame({"period": present, "value": [rows.loc[p, "value"] for p in present],
                         "qualifier": [rows.loc[p, "qualifier"] for p in present],
                         "report": [rows.loc[p, "report"] for p in present]})
    fig, ax = new_figure(COLUMN_WIDTH_IN, len(present), row_height=0.28)
    for row in data.itertuples():
        partial = "/" in row.period
        ax.barh(row.Index, row.value, height=0.62, color=tint(party_color("all"), 0.55 if partial else 0),
                edgecolor=party_color("all"), linewidth=0.6)
    room_for_labels(ax, data["value"].max())
    for row in data.itertuples():
        label_bar_end(ax, row.Index, row.value, format_number(row.value, row.qualifier))
    hbar_axis(ax, [period_label(p) for p in present], f"{noun.capitalize()} documented (count)")
    full = data[~data["period"].str.contains("/")]
    if len(full) >= 2 and full["value"].iloc[0]:
        first, last = full.iloc[0], full.iloc[-1]
        change = (last.value - first.value) / first.value
        title = (f"{noun.capitalize()} documented: {format_number(last.value, last.qualifier)} in {last.period}, "
                 f"{'up' if change >= 0 else 'down'} {abs(change):.0%} from {first.period}")
    elif not data["value"].any():
        title = f"No {noun} documented in {', '.join(map(period_label, present))}"
    else:
        top = data.sort_values("value", ascending=False, kind="stable").iloc[0]
        title = f"{noun.capitalize()} documented: most in {period_label(top.period)} ({format_number(top.value, top.qualifier)})"
    notes = ["Lighter bars cover only part of a year (year to date)."] if data["period"].str.contains("/").any() else []
    subtitle = f"{noun.capitalize()}, all parties, by period"
    return Chart(finish(fig, ax, title, subtitle, data["report"], sources, notes), data.drop(columns="report"))


@styled
def composition_by_period(best: pd.DataFrame, periods: Sequence[str], sources: Mapping[str, str]) -> Chart:
    """Each period's civilian deaths split by party (main parties and 'other parties'), as 100% bars."""
    records, zero = [], []
    for period in periods:
        values = counts_by_party(best, "civilian_deaths", period)
        codes = parties_at_level([c for c in values.index if c != "all"], "main")
        total = values.get("all", sum(values[c] for c in codes))
        if codes and not total:  # a stated zero: no shares to draw
            zero.append(period)
            continue
        for code in codes:
            records.append({"period": period, "perpetrator": code, "value": values[code],
                            "share": round(100 * values[code] / total, 2)})
    data = pd.DataFrame(records, columns=["period", "perpetrator", "value", "share"])
    present = [p for p in periods if p in set(data["period"])]
    absent = [p for p in periods if p not in present and p not in zero]
    zero_note = f"No civilian deaths stated for {', '.join(map(period_label, zero))}: no shares to draw." if zero else ""
    if not present:
        return Chart(None, data, " ".join(["No period has civilian deaths broken down by party.", zero_note]).strip())
    codes = party_order(list(dict.fromkeys(data["perpetrator"])), data.groupby("perpetrator")["value"].sum())
    codes = other_parties_last(codes)
    fig, ax = new_figure(PAGE_WIDTH_IN, len(present), row_height=0.36, extra=0.6)
    for index, period in enumerate(present):
        left = 0.0
        part = data[data["period"] == period].set_index("perpetrator")
        for code in codes:
            if code not in part.index:
                continue
            share = part.loc[code, "share"]
            color = party_color(code)
            ax.barh(index, share, left=left, color=color, edgecolor="white", linewidth=0.6, height=0.66)
            if share >= 6:
                ax.text(left + share / 2, index, f"{share:.0f}%", ha="center", va="center", fontsize=6.5,
                        color=text_color_on(color))
            left += share
    ax.set_xlim(0, 100)
    ax.xaxis.set_major_formatter(matplotlib.ticker.PercentFormatter())
    hbar_axis(ax, [period_label(p) for p in present], "Share of the period's civilian deaths (%)")
    legend_below(fig, [Patch(facecolor=party_color(c), label=party_label(c)) for c in codes], ncols=4)
    other = data[data["perpetrator"] == "other_parties"].set_index("period")["share"]
    title = "Other parties' share of civilian deaths: " + ", ".join(
        f"{other[p]:.0f}% in {period_label(p)}" for p in present if p in other.index)
    notes = [f"No breakdown by party stated for {', '.join(map(period_label, absent))}."] if absent else []
    notes += [zero_note] if zero else []
    reports = reports_stating(best, present, measure="civilian_deaths", governorate="all")
    return Chart(finish(fig, ax, title, "Civilian deaths by party held responsible, share of each period's total",
                        reports, sources, notes), data)


@styled
def victim_shares(best: pd.DataFrame, periods: Sequence[str], sources: Mapping[str, str]) -> Chart:
    """Children's and women's shares of civilian deaths per period, computed from the stated counts."""
    records = []
    for period in periods:
        values = {g: stated_value(best, measure="civilian_deaths", period=period, victim_group=g,
                                  perpetrator="all", governorate="all") for g in ["all", "children", "women"]}
        if not values["all"]:
            continue
        for group in ["children", "women"]:
            if values[group] is not None:
                records.append({"period": period, "victim_group": group, "count": values[group],
                                "total": values["all"], "share": round(100 * values[group] / values["all"], 2)})
    data = pd.DataFrame(records, columns=["period", "victim_group", "count", "total", "share"])
    if data.empty:
        return Chart(None, data, "No period states counts of children and women killed.")
    present = [p for p in periods if p in set(data["period"])]
    fig, ax = new_figure(COLUMN_WIDTH_IN, len(present) * 2, row_height=0.15, extra=0.6)
    shades = {"children": 0.0, "women": 0.45}
    for index, period in enumerate(present):
        for offset, group in [(-0.19, "children"), (0.19, "women")]:
            row = data[(data["period"] == period) & (data["victim_group"] == group)]
            if row.empty:
                continue
            share = row["share"].iloc[0]
            ax.barh(index + offset, share, height=0.36, color=tint("#3B3B98", shades[group]))
            ax.text(share + 0.4, index + offset, f"{share:.0f}%", va="center", fontsize=6)
    ax.set_xlim(0, max(data["share"].max(), 1) * 1.2)
    ax.xaxis.set_major_formatter(matplotlib.ticker.PercentFormatter())
    hbar_axis(ax, [period_label(p) for p in present], "Share of civilian deaths documented (%)")
    legend_below(fig, [Patch(facecolor=tint("#3B3B98", s), label=g.capitalize()) for g, s in shades.items()], 2)
    group = "children" if (data["victim_group"] == "children").any() else "women"
    shares = data[data["victim_group"] == group].set_index("period")["share"]
    high, low = shares.idxmax(), shares.idxmin()
    title = (f"{group.capitalize()} were {shares[high]:.0f}% of civilian deaths documented in {period_label(high)}, "
             f"{shares[low]:.0f}% in {period_label(low)}")
    reports = reports_stating(best, present, measure="civilian_deaths", perpetrator="all", governorate="all")
    return Chart(finish(fig, ax, title, "Children and women as a share of civilian deaths (computed from stated counts)",
                        reports, sources), data)


@styled
def same_month(best: pd.DataFrame, months: Sequence[str], sources: Mapping[str, str]) -> Chart:
    """Civilian deaths by party in two (or more) months, side by side."""
    frames = {m: counts_by_party(best, "civilian_deaths", m) for m in months}
    present = [m for m in months if not frames[m].empty]
    if len(present) < 2:
        return Chart(None, pd.DataFrame(), f"Civilian deaths are not stated for {' and '.join(months)}.")
    codes = party_order(parties_at_level(sorted(set().union(*[frames[m].index for m in present])), "main"),
                        frames[present[-1]])
    codes = other_parties_last(codes)
    data = pd.DataFrame([{"month": m, "perpetrator": c, "value": frames[m].get(c, float("nan"))}
                         for m in present for c in ["all"] + codes])
    if not codes:
        return Chart(None, data, f"The reports state no civilian deaths by party for "
                                 f"{' and '.join(map(period_label, present))}, only totals.")
    height = 0.8 / len(present)
    fig, ax = new_figure(COLUMN_WIDTH_IN, len(codes) * len(present), row_height=0.12, extra=0.6)
    room_for_labels(ax, data.loc[data["perpetrator"] != "all", "value"].max(), 1.3)
    for number, month in enumerate(present):
        for index, code in enumerate(codes):
            value = frames[month].get(code)
            y = index - 0.4 + height * (number + 0.5)
            label = "not stated" if value is None else f"{value:.0f}"
            if value is not None:
                ax.barh(y, value, height=height * 0.92, color=tint(party_color(code), 0.55 * (number == 0)),
                        edgecolor=party_color(code), linewidth=0.5)
            label_bar_end(ax, y, value or 0.0, label + (f"  ({period_label(month)})" if index == 0 else ""), 0.01)
    hbar_axis(ax, [party_label(c) for c in codes], "Civilian deaths documented (count)")
    totals = [frames[m].get("all") for m in present]
    if None not in totals and len(present) == 2:
        title = (f"Civilian deaths documented {'fell' if totals[1] < totals[0] else 'rose'} from "
                 f"{totals[0]:,.0f} in {period_label(present[0])} to {totals[1]:,.0f} in {period_label(present[1])}")
    else:
        title = "Civilian deaths documented: " + ", ".join(
            f"{period_label(m)}: {t:,.0f}" for m, t in zip(present, totals) if t is not None)
    notes = [f"Lighter bars: {period_label(present[0])}; darker bars: {period_label(present[-1])}. "
             "'not stated': the report names no deaths for that party."]
    reports = reports_stating(best, present, measure="civilian_deaths")
    return Chart(finish(fig, ax, title, "Civilian deaths by party held responsible, same month in different years",
                        reports, sources, notes), data)


@styled
def main_vs_other(best: pd.DataFrame, periods: Sequence[str], sources: Mapping[str, str]) -> Chart:
    """The share of civilian deaths attributed to 'other parties' (vs the main parties), per period."""
    records = []
    for period in chronological(periods):
        values = counts_by_party(best, "civilian_deaths", period)
        if "all" in values and "other_parties" in values and values["all"]:
            records.append({"period": period, "all": values["all"], "other_parties": values["other_parties"],
                            "main_parties": values["all"] - values["other_parties"],
                            "other_share": round(100 * values["other_parties"] / values["all"], 2)})
    data = pd.DataFrame(records, columns=["period", "all", "other_parties", "main_parties", "other_share"])
    if data.empty:
        return Chart(None, data, "No period states both the total and the deaths attributed to other parties.")
    fig, ax = new_figure(COLUMN_WIDTH_IN, len(data), row_height=0.24, extra=0.6)
    for row in data.itertuples():
        main_share = 100 - row.other_share
        ax.barh(row.Index, main_share, color=MAIN_PARTIES_COLOR, height=0.66)
        ax.barh(row.Index, row.other_share, left=main_share, color=party_color("other_parties"), height=0.66)
        ax.text(main_share / 2, row.Index, f"{main_share:.0f}%", ha="center", va="center", fontsize=6.5, color="white")
        ax.text(main_share + row.other_share / 2, row.Index, f"{row.other_share:.0f}%", ha="center", va="center",
                fontsize=6.5, color="white")
    ax.set_xlim(0, 100)
    ax.xaxis.set_major_formatter(matplotlib.ticker.PercentFormatter())
    hbar_axis(ax, [period_label(p) for p in data["period"]], "Share of the period's civilian deaths (%)")
    legend_below(fig, [Patch(facecolor=MAIN_PARTIES_COLOR, label="Main parties, together"),
                       Patch(facecolor=party_color("other_parties"), label="Other parties")], ncols=2)
    low, high = data.loc[data["other_share"].idxmin()], data.loc[data["other_share"].idxmax()]
    title = (f"Other parties' share of civilian deaths ranged from {low.other_share:.0f}% "
             f"({period_label(low.period)}) to {high.other_share:.0f}% ({period_label(high.period)})")
    notes = ["Main parties = all parties minus 'other parties', as the reports split them."]
    reports = reports_stating(best, data["period"], measure="civilian_deaths", perpetrator="all", governorate="all")
    return Chart(finish(fig, ax, title, "Civilian deaths: main parties vs other parties, by period",
                        reports, sources, notes), data)
