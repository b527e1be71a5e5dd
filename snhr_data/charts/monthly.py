"""Charts of one report: deaths by party, torture, massacres, special groups, governorate shares, months of the year."""
from __future__ import annotations

from typing import Mapping

import matplotlib.ticker
import pandas as pd
from matplotlib.figure import Figure
from matplotlib.patches import Patch

from ..codes import perpetrator_groups
from ..periods import MONTH_ABBR, MONTHS
from .formatting import MEASURE_NOUNS, SPECIAL_MEASURES, SPECIAL_NOUNS, counted, \
    format_number, period_end, period_label
from .layout import Chart, finish, hbar_axis, label_bar_end, legend_below, new_figure, room_for_labels, \
    stated_twice_notes
from .selection import counts_by_party, parties_at_level, party_order, select, stated_value
from .style import COLUMN_WIDTH_IN, NOT_STATED_COLOR, PAGE_WIDTH_IN, governorate_label, party_color, party_label, \
    styled, text_color_on, tint

# Victim groups inside a party's bar: the party colour for the rest, lighter for women, lightest for children.
VICTIM_SEGMENTS = [
    ("other_victims", "Not stated as children or women", 0.0),
    ("women", "Women", 0.4),
    ("children", "Children", 0.7),
]


@styled
def deaths_by_party(stated: pd.DataFrame, period: str, sources: Mapping[str, str], level: str = "main") -> Chart:
    """Civilian deaths by party, each bar split into children, women and the rest.

    ``level='main'``: the main parties and 'other parties'; ``level='other'``: the subcategories
    of 'other parties'. The rest of a bar ("not stated as children or women") is the party's
    total minus the children and women the text states for it.
    """
    totals = counts_by_party(stated, "civilian_deaths", period)
    codes = party_order(parties_at_level(list(totals.index), level), totals)
    what = "parties" if level == "main" else "subcategories of 'other parties'"
    if not codes:
        return Chart(None, pd.DataFrame(), f"No civilian deaths by {what} are stated for {period_label(period)}.")
    if not totals[codes].any():
        return Chart(None, totals[codes].rename("total").rename_axis("perpetrator").reset_index(),
                     f"The report states no civilian deaths by any of the {what} it names for "
                     f"{period_label(period)}: there is nothing to draw.")
    children = counts_by_party(stated, "civilian_deaths", period, "children")
    women = counts_by_party(stated, "civilian_deaths", period, "women")
    data = pd.DataFrame({
        "perpetrator": codes,
        "total": [totals[c] for c in codes],
        "children": [children.get(c, float("nan")) for c in codes],
        "women": [women.get(c, float("nan")) for c in codes],
    })
    data["other_victims"] = (data["total"] - data["children"].fillna(0) - data["women"].fillna(0)).clip(lower=0)
    data.insert(0, "period", period)

    fig, ax = new_figure(COLUMN_WIDTH_IN, len(codes))
    for row in data.itertuples():
        left = 0.0
        for column, _, amount in VICTIM_SEGMENTS:
            width = 0.0 if pd.isna(getattr(row, column)) else getattr(row, column)
            ax.barh(row.Index, width, left=left, color=tint(party_color(row.perpetrator), amount),
                    edgecolor="white", linewidth=0.4, height=0.72)
            left += width
    room_for_labels(ax, data["total"].max(), 1.22)
    for row in data.itertuples():
        parts = [f"{value:.0f} {short}" for value, short in [(row.children, "ch."), (row.women, "w.")]
                 if pd.notna(value)]
        extra = f" ({', '.join(parts)})" if parts else ""
        label_bar_end(ax, row.Index, row.total, f"{row.total:.0f}{extra}")
    hbar_axis(ax, [party_label(c) for c in codes], "Civilian deaths documented (count)")
    legend_below(fig, [Patch(facecolor=tint("#555555", amount), label=name) for _, name, amount in VICTIM_SEGMENTS],
                 ncols=3, title="Shade within each bar")

    whole = stated_value(stated, measure="civilian_deaths", period=period, victim_group="all",
                         perpetrator="all" if level == "main" else "other_parties", governorate="all")
    top = data.sort_values("total", ascending=False, kind="stable").iloc[0]
    title = largest_party_title(top.perpetrator, top.total, whole, level, period)
    subtitle = f"Civilian deaths by {'party held responsible' if level == 'main' else 'subcategory of other parties'}, {period_label(period)}"
    reports = select(stated, measure="civilian_deaths", period=period)["report"]
    notes = ["ch. = children, w. = women, as stated."] if data[["children", "women"]].notna().any().any() else []
    if whole is None:
        notes.append(f"The report states no total for {'all parties' if level == 'main' else 'other parties'} "
                     f"in {period_label(period)}.")
    drawn = select(stated, measure="civilian_deaths", period=period, governorate="all")
    notes += stated_twice_notes(drawn[drawn["perpetrator"].isin(codes)])
    return Chart(finish(fig, ax, title, subtitle, reports, sources, notes), data)


def largest_party_title(code: str, total: float, whole: float | None, level: str, period: str) -> str:
    """The title of ``deaths_by_party``: the party with most deaths, and its share of ``whole`` when stated."""
    if not whole:  # no total stated to compare with (or a stated zero): say only what is stated
        return f"{party_label(code)}: {total:.0f} civilian deaths documented in {period_label(period)}"
    if level == "other":
        return f"{party_label(code)}: {total:.0f} of the {whole:,.0f} other-party deaths, {period_label(period)}"
    name = party_label(code).lower() if code == "other_parties" else party_label(code)
    return (f"{total / whole:.0%} of civilian deaths documented in {period_label(period)} were attributed "
            f"to {name} ({total:.0f} of {whole:,.0f})")


@styled
def party_bars(stated: pd.DataFrame, measure: str, period: str, sources: Mapping[str, str],
               title_noun: str, detail: str = "") -> Chart:
    """One bar per party for a count ``measure``; subcategories of 'other parties' indented under it."""
    values = counts_by_party(stated, measure, period)
    codes = party_order([c for c in values.index if c != "all"], values)
    total = values.get("all")
    if total is None and not codes:
        return Chart(None, pd.DataFrame(), f"No {title_noun} are stated for {period_label(period)}.")
    if not codes:
        qualifier = select(stated, measure=measure, period=period, perpetrator="all", victim_group="all",
                           governorate="all")["qualifier"].iloc[0]
        data = pd.DataFrame({"period": [period], "perpetrator": ["all"], "value": [total]})
        if total == 0:
            return Chart(None, data, f"The report states that no {title_noun} were documented in "
                                     f"{period_label(period)}: there is nothing to draw.")
        return Chart(None, data, f"The report states only the total for {period_label(period)} "
                                 f"({format_number(total, qualifier)} {title_noun}), with no breakdown by party.")
    data = pd.DataFrame({"period": period, "perpetrator": codes, "value": [values[c] for c in codes]})
    groups = perpetrator_groups()
    qualifiers = select(stated, measure=measure, period=period, victim_group="all",
                        governorate="all").set_index("perpetrator")["qualifier"]
    fig, ax = new_figure(COLUMN_WIDTH_IN, len(codes))
    for row in data.itertuples():
        color = party_color(row.perpetrator)
        ax.barh(row.Index, row.value, color=color, height=0.72 if groups.get(row.perpetrator) != "other_sub" else 0.5)
    room_for_labels(ax, data["value"].max())
    for row in data.itertuples():
        label_bar_end(ax, row.Index, row.value, format_number(row.value, qualifiers.get(row.perpetrator, "exact")))
    names = [("   ↳ " if groups.get(c) == "other_sub" else "") + party_label(c) for c in codes]
    hbar_axis(ax, names, f"{title_noun.capitalize()} documented (count)")
    qualifier = qualifiers.get("all", "exact")
    parents = data[data["perpetrator"].map(groups).isin(["main", "combined", "other"])]
    top = (parents if len(parents) else data).sort_values("value", ascending=False, kind="stable").iloc[0]
    of_total = "" if total is None else f" of {format_number(total, qualifier)}"
    title = f"{party_label(top.perpetrator)}: {top.value:.0f}{of_total} {title_noun} documented in {period_label(period)}"
    if total is not None:
        data = pd.concat([pd.DataFrame({"period": [period], "perpetrator": ["all"], "value": [total]}), data],
                         ignore_index=True)
    subtitle = f"{title_noun.capitalize()} by party held responsible, {period_label(period)}" + (
        f". {detail}" if detail else "")
    notes = ["↳: a subcategory of 'other parties'."] if any(groups.get(c) == "other_sub" for c in codes) else []
    if total is None:
        notes.append(f"The report states no total of {title_noun} for {period_label(period)}.")
    drawn = select(stated, measure=measure, period=period, victim_group="all", governorate="all")
    notes += stated_twice_notes(drawn[drawn["perpetrator"].isin(list(data["perpetrator"]))])
    reports = select(stated, measure=measure, period=period)["report"]
    return Chart(finish(fig, ax, title, subtitle, reports, sources, notes), data)


def torture_by_party(stated: pd.DataFrame, period: str, sources: Mapping[str, str]) -> Chart:
    return party_bars(stated, "torture_deaths", period, sources, "deaths under torture")


@styled
def massacres_by_party(stated: pd.DataFrame, period: str, sources: Mapping[str, str]) -> Chart:
    """Massacres by party; the civilians killed in them, where stated, go in the subtitle and the data."""
    killed = {group: select(stated, measure="massacre_deaths", period=period, victim_group=group,
                            perpetrator="all", governorate="all") for group in ["all", "children", "women"]}
    parts = [counted(rows["value"].iloc[0], rows["qualifier"].iloc[0], group)
             for group, rows in killed.items() if group != "all" and len(rows)]
    detail = ""
    if len(killed["all"]):
        row = killed["all"].iloc[0]
        detail = (f"Civilians killed in them: {format_number(row['value'], row['qualifier'])}"
                  + (f", including {' and '.join(parts)}" if parts else "") + ".")
    chart = party_bars(stated, "massacres", period, sources, "massacres", detail)
    if chart.figure is None or not len(killed["all"]):
        return chart
    extra = pd.DataFrame([{"period": period, "perpetrator": "all", "value": rows["value"].iloc[0],
                           "measure": f"massacre_deaths:{group}"} for group, rows in killed.items() if len(rows)])
    return Chart(chart.figure, pd.concat([chart.data.assign(measure="massacres"), extra], ignore_index=True))


@styled
def special_groups(stated: pd.DataFrame, period: str, sources: Mapping[str, str]) -> Chart:
    """Medical, media and Civil Defense deaths: one bar each, split by party where the text says who.

    Stated zeros are drawn as a '0' label, so "none documented" is visibly different from "not
    stated" (which the chart names in its subtitle).
    """
    rows = []
    for measure, name in SPECIAL_MEASURES.items():
        values = counts_by_party(stated, measure, period)
        if "all" not in values and values.empty:
            continue
        parts = {c: v for c, v in values.items() if c != "all"}
        total = values.get("all", sum(parts.values()))
        for code in party_order(list(parts), parts):
            rows.append({"measure": measure, "perpetrator": code, "value": parts[code], "total": total})
        unattributed = total - sum(parts.values())
        if unattributed > 0 or total == 0:
            rows.append({"measure": measure, "perpetrator": "", "value": unattributed, "total": total})
    stated_measures = [m for m in SPECIAL_MEASURES if any(r["measure"] == m for r in rows)]
    if not rows:
        return Chart(None, pd.DataFrame(), "The report states no deaths of medical personnel, media workers "
                                           f"or Civil Defense members for {period_label(period)}.")
    data = pd.DataFrame(rows)
    data.insert(0, "period", period)
    if not data["total"].any():
        nouns = [SPECIAL_NOUNS[m] for m in stated_measures]
        named = " or ".join([", ".join(nouns[:-1]), nouns[-1]] if len(nouns) > 1 else nouns)
        return Chart(None, data, f"The report states that no {named} were killed in "
                                 f"{period_label(period)}: there is nothing to draw.")
    fig, ax = new_figure(COLUMN_WIDTH_IN, len(stated_measures), row_height=0.3, extra=0.6)
    used = []
    for index, measure in enumerate(stated_measures):
        left = 0.0
        for row in data[data["measure"] == measure].itertuples():
            color = party_color(row.perpetrator) if row.perpetrator else NOT_STATED_COLOR
            ax.barh(index, row.value, left=left, color=color, edgecolor="white", linewidth=0.5, height=0.6)
            if row.value >= 1 and row.perpetrator:
                ax.text(left + row.value / 2, index, f"{row.value:.0f}", ha="center", va="center",
                        fontsize=6.5, color=text_color_on(color))
            left += row.value
            if row.perpetrator and row.perpetrator not in used:
                used.append(row.perpetrator)
    room_for_labels(ax, data["total"].max(), 1.25)
    for index, measure in enumerate(stated_measures):
        total = data.loc[data["measure"] == measure, "total"].iloc[0]
        label_bar_end(ax, index, total, "none documented" if total == 0 else f"{total:.0f}")
    hbar_axis(ax, [SPECIAL_MEASURES[m] for m in stated_measures], "Deaths documented (count)")
    ax.xaxis.get_major_locator().set_params(integer=True)
    handles = [Patch(facecolor=party_color(c), label=party_label(c)) for c in used]
    if (data["perpetrator"] == "").any() and (data["value"] > 0).any():
        handles.append(Patch(facecolor=NOT_STATED_COLOR, label="Party not stated"))
    if handles:
        legend_below(fig, handles, ncols=3)
    totals = data.drop_duplicates("measure").set_index("measure")["total"]
    title = ", ".join(f"{totals[m]:.0f} {SPECIAL_NOUNS[m]}" for m in stated_measures)
    title = f"{title} killed in {period_label(period)}"
    missing = [SPECIAL_NOUNS[m] for m in SPECIAL_MEASURES if m not in stated_measures]
    subtitle = f"Deaths of medical personnel, media workers and Civil Defense members, {period_label(period)}"
    notes = [f"Not stated in the report: {', '.join(missing)}."] if missing else []
    reports = stated.loc[stated["measure"].isin(stated_measures) & (stated["period"] == period), "report"]
    return Chart(finish(fig, ax, title, subtitle, reports, sources, notes), data)


@styled
def governorate_shares(stated: pd.DataFrame, period: str, sources: Mapping[str, str]) -> Chart:
    """The governorate shares a report states, one 100% bar per party; the rest is 'other governorates'.

    The report's own chart shows every governorate; its text states only the largest few, so the
    remainder is drawn as one grey block rather than spread over governorates it does not name.
    """
    rows = select(stated, measure="civilian_deaths", period=period, victim_group="all",
                  unit="percent", share_of="governorate")
    rows = rows[rows["governorate"] != "all"]
    if rows.empty:
        return Chart(None, pd.DataFrame(), f"The report states no governorate shares for {period_label(period)}.")
    codes = party_order(list(dict.fromkeys(rows["perpetrator"])))
    records = []
    for code in codes:
        party = rows[rows["perpetrator"] == code].sort_values(["value", "governorate"], ascending=[False, True])
        for row in party.itertuples():
            records.append({"perpetrator": code, "governorate": row.governorate, "percent": row.value,
                            "qualifier": row.qualifier, "kind": "stated"})
        remainder = 100 - party["value"].sum()
        records.append({"perpetrator": code, "governorate": "other", "percent": max(remainder, 0.0),
                        "qualifier": "about" if (party["qualifier"] != "exact").any() else "exact",
                        "kind": "remainder"})
    data = pd.DataFrame(records)
    data.insert(0, "period", period)
    fig, ax = new_figure(PAGE_WIDTH_IN, len(codes), row_height=0.34, extra=0.6)
    for index, code in enumerate(codes):
        left = 0.0
        for number, row in enumerate(data[data["perpetrator"] == code].itertuples()):
            color = tint(party_color(code), 0.25 * (number % 2)) if row.kind == "stated" else NOT_STATED_COLOR
            ax.barh(index, row.percent, left=left, color=color, edgecolor="white", linewidth=0.8, height=0.66)
            name = governorate_label(row.governorate) if row.kind == "stated" else "other governorates"
            text = f"{name}\n{format_number(row.percent, row.qualifier, 'percent')}"
            if row.percent >= 7:
                ax.text(left + row.percent / 2, index, text, ha="center", va="center", fontsize=6,
                        color=text_color_on(color), linespacing=1.1)
            left += row.percent
    ax.set_xlim(0, 100)
    ax.xaxis.set_major_formatter(matplotlib.ticker.PercentFormatter())
    hbar_axis(ax, [f"{party_label(c)}\n(share of its deaths)" if c != "all" else "All parties" for c in codes],
              "Share of the party's civilian deaths in the period (%)")
    top = data[(data["perpetrator"] == codes[0]) & (data["kind"] == "stated")].iloc[0]
    title = (f"{governorate_label(top.governorate)} had the largest stated share of "
             f"{'civilian deaths' if codes[0] == 'all' else party_label(codes[0]) + ' deaths'} in "
             f"{period_label(period)}: {format_number(top.percent, top.qualifier, 'percent')}")
    subtitle = f"Civilian deaths by governorate, shares stated in the report, {period_label(period)}"
    notes = ["Grey: all governorates the text does not name, taken together (100% minus the stated shares)."]
    over = rows.groupby("perpetrator")["value"].sum()
    notes += [f"The shares stated for {party_label(code)} add up to {total:.0f}%, more than 100%; the bar is cut at 100%."
              for code, total in over[over > 100.5].items()]
    return Chart(finish(fig, ax, title, subtitle, rows["report"], sources, notes), data)


@styled
def month_in_year(stated: pd.DataFrame, report: str, measure: str, sources: Mapping[str, str]) -> Chart:
    """The months of the report's year (or year to date), from the monthly shares the report states.

    A month's bar is its stated count when the report gives one; otherwise its stated share times
    the year's stated total, hatched and labelled '≈' because the share is rounded. Months the
    text gives neither for are marked 'not stated', not drawn.
    """
    noun = MEASURE_NOUNS[measure]
    year = report[:4]
    whole_rows = select(stated, report=report, measure=measure, victim_group="all", perpetrator="all",
                        governorate="all")
    whole_rows = whole_rows[whole_rows["period"].isin([year, f"{year}-01/{report}"])]
    shares = select(stated, report=report, measure=measure, victim_group="all", perpetrator="all",
                    governorate="all", unit="percent", share_of="period")
    if whole_rows.empty or shares.empty:
        lacking = "monthly shares" if not whole_rows.empty else "total for the year so far"
        return Chart(None, pd.DataFrame(),
                     f"The report describes {noun} by month but states no {lacking} to draw them from.")
    whole = whole_rows.sort_values("period").iloc[-1]
    months = [f"{year}-{m:02d}" for m in range(1, int(period_end(whole.period)[5:]) + 1)]
    data = pd.DataFrame([month_bar(stated, report, measure, month, shares, whole.value) for month in months])
    data.insert(0, "measure", measure)
    outside = [p for p in dict.fromkeys(shares["period"]) if p not in months]
    notes = [f"Shares are of the {period_label(whole.period)} total ({format_number(whole.value, whole.qualifier)})."]
    if outside:
        notes.append(f"The report also states shares for {', '.join(map(period_label, outside))}, outside "
                     f"{period_label(whole.period)}: not drawn.")
    if (data["kind"] == "not stated").all():
        return Chart(None, data, f"The report states no count or share of {noun} for any month of "
                                 f"{period_label(whole.period)}. " + " ".join(notes[1:]))
    fig, ax = month_bars(data, f"{noun.capitalize()} (count)")
    title = month_in_year_title(data, whole, noun)
    subtitle = f"{noun.capitalize()} by month, {period_label(whole.period)}, as far as the report's text states them"
    return Chart(finish(fig, ax, title, subtitle, [report], sources, notes), data)


def month_bars(data: pd.DataFrame, ylabel: str) -> tuple[Figure, object]:
    """The bars of ``month_in_year``: stated counts solid, counts from a rounded share hatched, the rest named."""
    color = party_color("all")
    fig, ax = new_figure(COLUMN_WIDTH_IN, 0, extra=1.7)
    for index, row in data.iterrows():
        if row["kind"] == "stated count":
            ax.bar(index, row["value"], color=color, width=0.7)
            label = f"{row['value']:.0f}"
        elif row["kind"] == "from rounded percent":
            ax.bar(index, row["value"], color=tint(color, 0.7), edgecolor=color, hatch="////", width=0.7,
                   linewidth=0.6)
            label = f"≈{row['value']:.0f}"
        else:
            ax.text(index, 0, " not stated", ha="center", va="bottom", fontsize=5.5, color="#888888",
                    rotation=90)
            continue
        percent = f"\n{row['percent']:.0f}%" if pd.notna(row["percent"]) else ""
        ax.text(index, row["value"], f"{label}{percent}", ha="center", va="bottom", fontsize=6, linespacing=1.0)
    ax.set_xticks(range(len(data)), [MONTH_ABBR[int(m[5:]) - 1] for m in data["month"]])
    ax.set_xlim(-0.7, len(data) - 0.3)
    ax.set_ylim(0, max(data["value"].max(), 1) * 1.3)
    ax.set_ylabel(ylabel)
    ax.yaxis.grid(True)
    legend_below(fig, [Patch(facecolor=color, label="Count stated in the report"),
                       Patch(facecolor=tint(color, 0.7), edgecolor=color, hatch="////",
                             label="Approximate (stated % × total)")], ncols=2)
    return fig, ax


def month_in_year_title(data: pd.DataFrame, whole: pd.Series, noun: str) -> str:
    """The month with the largest stated share of ``whole``; without shares, the largest stated count."""
    total = f"the {format_number(whole.value, whole.qualifier)} {noun} documented in {period_label(whole.period)}"
    known = data.dropna(subset=["percent"]).sort_values("percent", ascending=False, kind="stable")
    if len(known):
        top = known.iloc[0]
        return f"{MONTHS[int(top.month[5:]) - 1].title()} had the largest stated share (about {top.percent:.0f}%) of {total}"
    top = data.dropna(subset=["value"]).sort_values("value", ascending=False, kind="stable").iloc[0]
    return f"{MONTHS[int(top.month[5:]) - 1].title()}: {top.value:.0f} of {total}"


def month_bar(stated: pd.DataFrame, report: str, measure: str, month: str, shares: pd.DataFrame,
              whole: float) -> dict:
    """One month of ``month_in_year``: its stated count, else its stated share of ``whole``, else not stated."""
    count = stated_value(stated, report=report, measure=measure, period=month, victim_group="all",
                         perpetrator="all", governorate="all")
    share = shares[shares["period"] == month]
    percent = float(share["value"].iloc[0]) if len(share) else None
    if count is not None:
        return {"month": month, "value": count, "percent": percent, "kind": "stated count"}
    if percent is not None:
        return {"month": month, "value": round(percent / 100 * whole, 1), "percent": percent,
                "kind": "from rounded percent"}
    return {"month": month, "value": float("nan"), "percent": None, "kind": "not stated"}
