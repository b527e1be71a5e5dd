"""Charts and tables drawn from the figures table, in one house style.

Every chart function is pure: it takes the figures a report states (see ``statements``), the
period(s) to draw and a mapping report -> source description, and returns a ``Chart``: the
matplotlib figure (``None`` when the reports state nothing to draw), the data it plots, and a
sentence saying what is missing when nothing is drawn. The figures are built with
``matplotlib.figure.Figure`` (no pyplot state), so charts can be drawn in parallel processes and
never show up twice in a notebook. ``save_figure`` writes PNG, SVG and PDF with fixed metadata so
a rebuild gives byte-identical files; ``ChartBook`` is the one object a notebook uses to show,
save and fingerprint its charts.

What the charts never do: invent a number the text does not state. Remainders ("other
governorates", "not stated as children or women") are differences of stated numbers, and
values derived from a rounded percent are drawn hatched and labelled with "≈".
"""
from __future__ import annotations

import functools
import hashlib
import html
import json
import textwrap
from contextlib import contextmanager
from io import BytesIO
from pathlib import Path
from typing import Callable, Iterator, Mapping, NamedTuple, Sequence

import matplotlib
import matplotlib.colors as mcolors
import matplotlib.ticker
import pandas as pd
from matplotlib.figure import Figure
from matplotlib.patches import Patch

from . import __version__
from .codes import PUBLIC_COLUMNS, labels, perpetrator_groups
from .io import atomic_path, write_csv_atomic
from .paths import PACKAGE_DIR

STYLE_PATH = PACKAGE_DIR / "style" / "snhr.mplstyle"

MINIMUM_NOTE = ("Counts are the civilian deaths SNHR documented: a minimum, "
                "not an estimate of all deaths.")

COLUMN_WIDTH_IN = 3.5   # one journal column
PAGE_WIDTH_IN = 7.2     # two columns

# One fixed colour per perpetrator in every chart. Main parties: the Okabe-Ito palette
# (safe for the common colour-vision deficiencies); subcategories of "other parties": Paul Tol's
# "muted" palette. Bars always carry the party's name as well, so colour is never the only cue.
PERPETRATOR_COLORS = {
    "all": "#404040",
    "syrian_regime": "#D55E00",
    "russia": "#0072B2",
    "syrian_regime_and_russia": "#6A3D9A",  # combined parties: as `color` in vocab/perpetrators.yaml
    "isis": "#000000",
    "hts": "#CC79A7",
    "extremist_islamic_groups": "#8C510A",
    "armed_opposition_sna": "#009E73",
    "sdf": "#E69F00",
    "us_coalition": "#56B4E9",
    "other_parties": "#7A7A7A",
    "landmines_unidentified": "#882255",
    "gunfire_unidentified": "#CC6677",
    "bombings_unidentified": "#332288",
    "killings_unidentified": "#117733",
    "drowning": "#88CCEE",
    "israel": "#44AA99",
    "turkey": "#999933",
    "turkish_border_guard": "#DDCC77",
    "jordan": "#AA4499",
    "lebanon": "#6E4B3A",
}
NOT_STATED_COLOR = "#D9D9D9"
MAIN_PARTIES_COLOR = "#2F4858"  # the main parties taken together: a colour no single party uses

# Chart labels: the vocabulary's labels are long for a column-wide chart.
SHORT_LABELS = {
    "all": "All parties",
    "hts": "HTS",
    "armed_opposition_sna": "Armed opposition / SNA",
    "sdf": "SDF",
    "us_coalition": "US-led coalition",
    "landmines_unidentified": "Landmines (unidentified source)",
    "gunfire_unidentified": "Gunfire (unidentified source)",
    "bombings_unidentified": "Bombings (unidentified parties)",
    "killings_unidentified": "Killings (unidentified parties)",
}

# Victim groups inside a party's bar: the party colour for the rest, lighter for women, lightest for children.
VICTIM_SEGMENTS = [
    ("other_victims", "Not stated as children or women", 0.0),
    ("women", "Women", 0.4),
    ("children", "Children", 0.7),
]

KEY = PUBLIC_COLUMNS[:8]  # report .. share_of: what a figure is about, without its value
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
MEASURE_NOUNS = {
    "civilian_deaths": "civilian deaths",
    "torture_deaths": "deaths under torture",
    "massacres": "massacres",
    "massacre_deaths": "deaths in massacres",
}
MONTH_ABBR = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"]
MONTH_NAMES = ["January", "February", "March", "April", "May", "June", "July", "August",
               "September", "October", "November", "December"]


class Chart(NamedTuple):
    """A drawn chart: ``figure`` is None when the reports state nothing to draw (``missing`` says what)."""

    figure: Figure | None
    data: pd.DataFrame
    missing: str = ""


# ----------------------------------------------------------------------------- style


@contextmanager
def house_style() -> Iterator[None]:
    """Apply the house style (``snhr_data/style/snhr.mplstyle``) for the duration of the block."""
    with matplotlib.rc_context(fname=str(STYLE_PATH)):
        yield


def styled(draw: Callable[..., Chart]) -> Callable[..., Chart]:
    """Run a chart function under the house style (rcParams are read when artists are created)."""
    @functools.wraps(draw)
    def wrapper(*args, **kwargs) -> Chart:
        with house_style():
            return draw(*args, **kwargs)
    return wrapper


def party_label(code: str) -> str:
    return SHORT_LABELS.get(code) or labels("perpetrators").get(code, code)


def governorate_label(code: str) -> str:
    return labels("governorates").get(code, code)


def party_color(code: str) -> str:
    return PERPETRATOR_COLORS.get(code, NOT_STATED_COLOR)


def tint(color: str, amount: float) -> tuple[float, float, float]:
    """``color`` mixed with white: 0 keeps it, 1 gives white."""
    red, green, blue = mcolors.to_rgb(color)
    return (red + (1 - red) * amount, green + (1 - green) * amount, blue + (1 - blue) * amount)


def text_color_on(rgb: Sequence[float] | str) -> str:
    """Black or white, whichever reads better on a bar of this colour."""
    red, green, blue = mcolors.to_rgb(rgb)
    return "black" if 0.299 * red + 0.587 * green + 0.114 * blue > 0.55 else "white"


# ----------------------------------------------------------------------------- periods and numbers


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


# ----------------------------------------------------------------------------- selecting figures


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


def stated_twice_notes(rows: pd.DataFrame) -> list[str]:
    """Footer notes for drawn figures the report states twice with different values: the chart draws the
    first statement; the note names the other value(s) so the reader is not told one number silently."""
    notes = []
    for row in rows[rows["also_stated"].astype(bool)].itertuples():
        who = party_label(row.perpetrator) if row.perpetrator != "all" else "All parties"
        group = "" if row.victim_group == "all" else f", {row.victim_group}"
        notes.append(f"{who}{group}: drawn as {format_number(row.value)}, also stated as {row.also_stated}.")
    return ([*notes, "See the audit findings."] if notes else [])


def select(stated: pd.DataFrame, **criteria: str) -> pd.DataFrame:
    """Rows of ``stated`` matching every ``column=value`` given (counts unless ``unit`` is given)."""
    criteria.setdefault("unit", "count")
    mask = pd.Series(True, index=stated.index)
    for column, wanted in criteria.items():
        mask &= stated[column] == wanted
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


# ----------------------------------------------------------------------------- drawing helpers


def new_figure(width: float, rows: int, row_height: float = 0.2, extra: float = 0.55) -> tuple[Figure, object]:
    """A figure with one axes, tall enough for ``rows`` bars plus title and footer."""
    fig = Figure(figsize=(width, rows * row_height + extra), layout="constrained")
    fig.get_layout_engine().set(h_pad=0.04, w_pad=0.04)
    return fig, fig.add_subplot()


def wrap(text: str, width_in: float, font_pt: float) -> str:
    chars = max(20, int(width_in * 72 / (font_pt * 0.56)))
    return "\n".join(textwrap.wrap(text, chars))


def source_text(reports: Sequence[str], sources: Mapping[str, str]) -> str:
    used = [sources.get(report, f"SNHR report for {period_label(report)}") for report in sorted(set(reports))]
    return ("Source: " if len(used) == 1 else "Sources: ") + "; ".join(used) + "."


def finish(fig: Figure, ax, title: str, subtitle: str, reports: Sequence[str],
           sources: Mapping[str, str], notes: Sequence[str] = ()) -> Figure:
    """Title stating the finding, subtitle saying what is counted, footer with source and the minimum note.

    Title and subtitle go in a band above the plot, the legend made by ``legend_below`` and the
    footer in a band below it, all flush with the figure's left edge. The bands' heights are
    measured, the figure grows by that much, and constrained layout keeps to the space between.
    """
    width = fig.get_figwidth()
    fig.set_label(title)
    header = [fig.text(0.01, 1, wrap(title, width, 8.5 * 1.08), ha="left", va="top", fontsize=8.5,
                       fontweight="bold", linespacing=1.15),
              fig.text(0.01, 1, wrap(subtitle, width, 7), ha="left", va="top", fontsize=7, color="#444444")]
    footer = " ".join([*notes, MINIMUM_NOTE, source_text(reports, sources)])
    text = fig.text(0.01, 0, wrap(footer, width, 6), ha="left", va="bottom", fontsize=6, color="#555555",
                    linespacing=1.3)
    for artist in [*header, text, *fig.legends]:
        artist.set_in_layout(False)
    fig.draw_without_rendering()
    pad = 0.06
    inches = [artist.get_window_extent().height / fig.dpi for artist in header]
    top = sum(inches) + 3 * pad
    footer_h = text.get_window_extent().height / fig.dpi
    bottom = footer_h + sum(legend.get_window_extent().height / fig.dpi + pad for legend in fig.legends) + 2 * pad
    height = fig.get_figheight() + top + bottom
    fig.set_figheight(height)
    header[0].set_y(1 - pad / height)
    header[1].set_y(1 - (2 * pad + inches[0]) / height)
    text.set_y(pad / height)
    for legend in fig.legends:
        legend.set_bbox_to_anchor((0.005, (bottom - pad) / height), transform=fig.transFigure)
    fig.get_layout_engine().set(rect=(0, bottom / height, 1, 1 - (top + bottom) / height))
    fig.draw_without_rendering()
    fig.set_layout_engine("none")  # positions are final: saving in three formats need not redo the layout
    return fig


def hbar_axis(ax, names: Sequence[str], xlabel: str) -> None:
    ax.set_yticks(range(len(names)), names)
    ax.invert_yaxis()
    ax.set_xlabel(xlabel)
    ax.xaxis.grid(True)
    if "(count)" in xlabel:
        ax.xaxis.set_major_locator(matplotlib.ticker.MaxNLocator(nbins=5, integer=True, steps=[1, 2, 5, 10]))
    ax.tick_params(axis="y", length=0)


def label_bar_end(ax, y: float, x: float, text: str, pad_frac: float = 0.012) -> None:
    span = ax.get_xlim()[1]
    ax.text(x + span * pad_frac, y, text, va="center", ha="left", fontsize=6.5, color="#222222")


def legend_below(fig: Figure, handles: Sequence[Patch], ncols: int, title: str | None = None) -> None:
    """A legend under the axes, above the footer (``finish`` places it)."""
    legend = fig.legend(handles=handles, loc="upper left", ncols=ncols, title=title, title_fontsize=6.5,
                        alignment="left", borderaxespad=0)
    legend.set_in_layout(False)


def room_for_labels(ax, max_value: float, factor: float = 1.18) -> None:
    ax.set_xlim(0, max(max_value, 1) * factor)


# ----------------------------------------------------------------------------- monthly charts


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
    if whole is None:  # no total stated to compare with: say only what is stated
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
    parents = data[data["perpetrator"].map(groups).isin(["main", "other"])]
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
    ax.set_xticks(range(len(months)), [MONTH_ABBR[int(m[5:]) - 1] for m in months])
    ax.set_xlim(-0.7, len(months) - 0.3)
    ax.set_ylim(0, data["value"].max() * 1.3)
    ax.set_ylabel(f"{noun.capitalize()} (count)")
    ax.yaxis.grid(True)
    legend_below(fig, [Patch(facecolor=color, label="Count stated in the report"),
                       Patch(facecolor=tint(color, 0.7), edgecolor=color, hatch="////",
                             label="Approximate (stated % × total)")], ncols=2)
    known = data.dropna(subset=["percent"]).sort_values("percent", ascending=False, kind="stable")
    top = known.iloc[0]
    title = (f"{MONTH_NAMES[int(top.month[5:]) - 1]} had the largest stated share (about {top.percent:.0f}%) of "
             f"the {format_number(whole.value, whole.qualifier)} {noun} documented in {period_label(whole.period)}")
    subtitle = f"{noun.capitalize()} by month, {period_label(whole.period)}, as far as the report's text states them"
    notes = [f"Shares are of the {period_label(whole.period)} total ({format_number(whole.value, whole.qualifier)})."]
    return Chart(finish(fig, ax, title, subtitle, [report], sources, notes), data)


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


# ----------------------------------------------------------------------------- monthly tables


def headline_table(stated: pd.DataFrame, report: str) -> pd.DataFrame:
    """The headline figures of a report's month, as stated (with the line they are stated on)."""
    rows = [
        ("Civilian deaths", dict(measure="civilian_deaths", victim_group="all")),
        ("of whom children", dict(measure="civilian_deaths", victim_group="children")),
        ("of whom women", dict(measure="civilian_deaths", victim_group="women")),
        ("Deaths under torture", dict(measure="torture_deaths", victim_group="all")),
    ]
    records = []
    for name, criteria in rows:
        found = select(stated, report=report, period=report, perpetrator="all", governorate="all", **criteria)
        records.append(headline_record(name, found))
    share = select(stated, report=report, period=report, perpetrator="all", governorate="all",
                   measure="civilian_deaths", victim_group="children_and_women", unit="percent")
    if len(share):
        records.append(headline_record("Share of children and women (%)", share))
    else:
        counts = {r["figure"]: r["value"] for r in records}
        total = counts.get("Civilian deaths")
        parts = [counts.get("of whom children"), counts.get("of whom women")]
        value = round(100 * sum(parts) / total, 1) if total and None not in parts else None
        records.append({"figure": "Share of children and women (%)", "value": value,
                        "how": "computed from the counts above" if value is not None else "not stated",
                        "line": None, "also stated": ""})
    return pd.DataFrame(records)


def headline_record(name: str, found: pd.DataFrame) -> dict:
    if found.empty:
        return {"figure": name, "value": None, "how": "not stated", "line": None, "also stated": ""}
    row = found.iloc[0]
    how = {"exact": "stated", "about": "stated as 'about'", "at_least": "stated as 'at least'"}[row["qualifier"]]
    return {"figure": name, "value": float(row["value"]), "how": how, "line": int(row["line"]),
            "also stated": row.get("also_stated", "")}


def year_to_date_table(stated: pd.DataFrame, report: str) -> pd.DataFrame:
    """Figures a report states for its year or year to date (totals for the whole country)."""
    year = report[:4]
    rows = select(stated, report=report, governorate="all")
    rows = rows[rows["period"].isin([year, f"{year}-01/{report}"])]
    rank = {code: index for index, code in enumerate(party_order(list(dict.fromkeys(rows["perpetrator"]))))}
    rows = rows.assign(party=rows["perpetrator"].map(party_label), order=rows["perpetrator"].map(rank))
    rows = rows.sort_values(["measure", "order", "victim_group"], kind="stable")
    return pd.DataFrame({
        "period": rows["period"].map(period_label),
        "measure": rows["measure"].map(lambda m: MEASURE_NOUNS.get(m, SPECIAL_MEASURES.get(m, m))),
        "party": rows["party"],
        "victims": rows["victim_group"],
        "value": [format_number(v, q) for v, q in zip(rows["value"], rows["qualifier"])],
        "line": rows["line"].astype(int),
    }).reset_index(drop=True)


def governorate_counts_table(stated: pd.DataFrame, period: str) -> pd.DataFrame:
    """Civilian deaths a report states by governorate and party (a wide table: party columns)."""
    rows = select(stated, measure="civilian_deaths", period=period, victim_group="all")
    rows = rows[rows["governorate"] != "all"]
    if rows.empty:
        return pd.DataFrame()
    wide = rows.pivot_table(index="governorate", columns="perpetrator", values="value", aggfunc="first")
    wide = wide[party_order(list(wide.columns))]
    wide.index = [governorate_label(g) for g in wide.index]
    wide.columns = [party_label(c) for c in wide.columns]
    return wide.sort_index().rename_axis("governorate").reset_index()


# ----------------------------------------------------------------------------- cross-year


def year_period(best: pd.DataFrame, year: int | str) -> str | None:
    """The period that best stands for a year: the calendar year if stated, else the longest year to date."""
    rows = select(best, measure="civilian_deaths", victim_group="all", perpetrator="all", governorate="all")
    candidates = [p for p in rows["period"] if p == str(year) or p.startswith(f"{year}-01/")]
    return max(candidates, key=period_end) if candidates else None


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
    if len(full) >= 2:
        first, last = full.iloc[0], full.iloc[-1]
        change = (last.value - first.value) / first.value if first.value else float("nan")
        title = (f"{noun.capitalize()} documented: {format_number(last.value, last.qualifier)} in {last.period}, "
                 f"{'up' if change >= 0 else 'down'} {abs(change):.0%} from {first.period}")
    else:
        top = data.sort_values("value", ascending=False, kind="stable").iloc[0]
        title = f"{noun.capitalize()} documented: most in {period_label(top.period)} ({format_number(top.value, top.qualifier)})"
    notes = ["Lighter bars cover only part of a year (year to date)."] if data["period"].str.contains("/").any() else []
    subtitle = f"{noun.capitalize()}, all parties, by period"
    return Chart(finish(fig, ax, title, subtitle, data["report"], sources, notes), data.drop(columns="report"))


@styled
def composition_by_period(best: pd.DataFrame, periods: Sequence[str], sources: Mapping[str, str]) -> Chart:
    """Each period's civilian deaths split by party (main parties and 'other parties'), as 100% bars."""
    records = []
    for period in periods:
        values = counts_by_party(best, "civilian_deaths", period)
        codes = parties_at_level([c for c in values.index if c != "all"], "main")
        total = values.get("all", sum(values[c] for c in codes))
        for code in codes:
            records.append({"period": period, "perpetrator": code, "value": values[code],
                            "share": round(100 * values[code] / total, 2) if total else float("nan")})
    data = pd.DataFrame(records, columns=["period", "perpetrator", "value", "share"])
    present = [p for p in periods if p in set(data["period"])]
    absent = [p for p in periods if p not in present]
    if not present:
        return Chart(None, data, "No period has civilian deaths broken down by party.")
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
    ax.set_xlim(0, data["share"].max() * 1.2)
    ax.xaxis.set_major_formatter(matplotlib.ticker.PercentFormatter())
    hbar_axis(ax, [period_label(p) for p in present], "Share of civilian deaths documented (%)")
    legend_below(fig, [Patch(facecolor=tint("#3B3B98", s), label=g.capitalize()) for g, s in shades.items()], 2)
    children = data[data["victim_group"] == "children"].set_index("period")["share"]
    high, low = children.idxmax(), children.idxmin()
    title = (f"Children were {children[high]:.0f}% of civilian deaths documented in {period_label(high)}, "
             f"{children[low]:.0f}% in {period_label(low)}")
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


# ----------------------------------------------------------------------------- readings


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


def wide_shares(composition: pd.DataFrame) -> pd.DataFrame:
    """``composition_by_period`` data as a party x period table of counts and shares."""
    if composition.empty:
        return composition
    rows = []
    for code in party_order(list(dict.fromkeys(composition["perpetrator"])),
                            composition.groupby("perpetrator")["value"].sum()):
        row = {"party": party_label(code)}
        for period, part in composition.groupby("period", sort=False):
            match = part[part["perpetrator"] == code]
            row[f"{period_label(period)} count"] = float(match["value"].iloc[0]) if len(match) else None
            row[f"{period_label(period)} %"] = float(match["share"].iloc[0]) if len(match) else None
        rows.append(row)
    return pd.DataFrame(rows)


def wide_same_month(compared: pd.DataFrame) -> pd.DataFrame:
    """``same_month`` data as a party x month table, with the change."""
    if compared.empty:
        return compared
    months = list(dict.fromkeys(compared["month"]))
    wide = compared.pivot_table(index="perpetrator", columns="month", values="value", aggfunc="first", dropna=False)
    codes = ["all"] + [c for c in dict.fromkeys(compared["perpetrator"]) if c != "all"]
    table = pd.DataFrame({"party": [party_label(c) for c in codes]})
    for month in months:
        table[period_label(month)] = [wide.loc[c, month] for c in codes]
    table["change"] = table[period_label(months[-1])] - table[period_label(months[0])]
    return table


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
        parts.append(f"{period_label(period)}: children {shares.get('children', float('nan')):.0f}%, "
                     f"women {shares.get('women', float('nan')):.0f}%")
    return "Children and women as a share of the civilian deaths documented — " + "; ".join(parts) + "."


def reading_same_month(data: pd.DataFrame) -> str:
    if data.empty:
        return "These months are not both stated."
    months = list(dict.fromkeys(data["month"]))
    wide = data.pivot_table(index="perpetrator", columns="month", values="value", aggfunc="first")
    first, last = months[0], months[-1]
    total_first, total_last = wide.loc["all", first], wide.loc["all", last]
    diff = (wide[last] - wide[first]).drop("all")
    grew = diff.idxmax()
    text = (f"{period_label(last)} saw **{total_last:,.0f}** civilian deaths documented against "
            f"**{total_first:,.0f}** in {period_label(first)}.")
    if diff[grew] > 0:
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


# ----------------------------------------------------------------------------- tables for notebooks


class TableView:
    """A table shown in a notebook with HTML and plain text both written by this module.

    The notebook regression tests compare these outputs exactly; pandas' own HTML and text reprs
    change between pandas versions, these do not.
    """

    def __init__(self, frame: pd.DataFrame, caption: str = "") -> None:
        self.frame = frame
        self.caption = caption

    def cells(self) -> list[list[str]]:
        return [[table_cell(value) for value in row] for row in self.frame.itertuples(index=False)]

    def _repr_html_(self) -> str:
        head = "".join(f"<th>{html.escape(str(c))}</th>" for c in self.frame.columns)
        body = "".join("<tr>" + "".join(f"<td>{html.escape(c)}</td>" for c in row) + "</tr>" for row in self.cells())
        caption = f"<caption>{html.escape(self.caption)}</caption>" if self.caption else ""
        return f'<table class="snhr-table">{caption}<thead><tr>{head}</tr></thead><tbody>{body}</tbody></table>'

    def __repr__(self) -> str:
        header = [str(c) for c in self.frame.columns]
        rows = self.cells()
        widths = [max([len(header[i])] + [len(r[i]) for r in rows]) for i in range(len(header))]
        lines = ["  ".join(h.ljust(w) for h, w in zip(header, widths)).rstrip()]
        lines += ["  ".join(c.ljust(w) for c, w in zip(r, widths)).rstrip() for r in rows]
        return "\n".join(([self.caption] if self.caption else []) + lines) if rows else f"{self.caption}\n(none)"


def table_cell(value: object) -> str:
    if value is None or (isinstance(value, float) and pd.isna(value)):
        return ""
    if isinstance(value, float):
        return f"{value:,.0f}" if value.is_integer() else f"{value:,.2f}"
    return str(value)


# ----------------------------------------------------------------------------- saving


def figure_metadata(title: str, report: str, parameters: Mapping[str, object]) -> dict[str, dict[str, str | None]]:
    """Per-format ``savefig`` metadata: what the chart is, its report, the notebook parameters, the version.

    Date and software-version fields are set to None so rebuilds give identical bytes.
    """
    description = json.dumps({"report": report, "parameters": dict(parameters),
                               "snhr_data_version": __version__}, sort_keys=True)
    creator = f"snhr_data {__version__}"
    return {
        "png": {"Title": title, "Description": description, "Software": None, "Source": "SNHR; snhr_data"},
        "svg": {"Title": title, "Description": description, "Date": None, "Creator": creator,
                "Source": "SNHR; snhr_data"},
        "pdf": {"Title": title, "Subject": description, "Creator": creator, "Producer": creator,
                "CreationDate": None, "ModDate": None},
    }


def save_figure(fig: Figure, stem: Path, metadata: Mapping[str, Mapping[str, str | None]],
                formats: Sequence[str] = ("png", "svg", "pdf")) -> list[Path]:
    """Write ``stem``.png/.svg/.pdf atomically with fixed metadata; return the paths written."""
    written = []
    with house_style():
        for fmt in formats:
            target = Path(f"{stem}.{fmt}")
            with atomic_path(target) as tmp:
                fig.savefig(tmp, format=fmt, metadata=dict(metadata[fmt]))
            written.append(target)
    return written


def data_fingerprint(data: pd.DataFrame) -> str:
    """A short hash of the plotted numbers: changes whenever a charted value, label or row changes."""
    text = data.to_csv(index=False, lineterminator="\n", float_format="%.6g")
    return hashlib.sha256(text.encode("utf-8")).hexdigest()[:16]


def png_bytes(fig: Figure, dpi: int = 150) -> bytes:
    """The figure as PNG bytes for display in a notebook (no metadata, so the bytes are stable)."""
    buffer = BytesIO()
    with house_style():
        fig.savefig(buffer, format="png", dpi=dpi, metadata={"Software": None})
    return buffer.getvalue()


class ChartBook:
    """What a notebook uses to show its charts: display, save to files, fingerprint the plotted data.

    ``output_dir`` empty or None: charts are only displayed (as when the regression tests re-run a
    golden notebook). ``fingerprints()`` lists every chart's data hash so a checked notebook cell
    fails when a charted number changes (nbval does not compare images).
    """

    def __init__(self, output_dir: str | Path | None, report: str, parameters: Mapping[str, object]) -> None:
        self.output_dir = Path(output_dir) if output_dir else None
        self.report = report
        self.parameters = dict(parameters)
        self.drawn: dict[str, str] = {}
        self.missing: dict[str, str] = {}

    def show(self, name: str, chart: Chart) -> pd.DataFrame:
        """Display ``chart`` (or say what is missing), save its files, and return its plotted data."""
        from IPython.display import Image, Markdown, display

        if chart.figure is None:
            display(Markdown(f"*Not drawn:* {chart.missing}"))
            self.drawn[name] = "not drawn"
            self.missing[name] = chart.missing
            return chart.data
        self.drawn[name] = data_fingerprint(chart.data)
        if self.output_dir is None:
            image = png_bytes(chart.figure)
        else:
            title = chart.figure.get_label()
            metadata = figure_metadata(title.replace("\n", " "), self.report, self.parameters)
            stem = self.output_dir / "figures" / name
            save_figure(chart.figure, stem, metadata)
            write_csv_atomic(chart.data, self.output_dir / "figures" / f"{name}.csv")
            image = Path(f"{stem}.png").read_bytes()
        display(Image(data=image, format="png", width=int(chart.figure.get_figwidth() * 120)))
        return chart.data

    def missing_text(self) -> str:
        """Markdown listing every chart not drawn and why."""
        if not self.missing:
            return "Every chart of this notebook could be drawn from the figures the text states."
        return "Not drawn, because the text does not state the numbers:\n\n" + "\n".join(
            f"- `{name}`: {why}" for name, why in self.missing.items())

    def fingerprints(self) -> str:
        """One line per chart: its name and the hash of the data it plots (or 'not drawn')."""
        width = max((len(n) for n in self.drawn), default=0)
        return "\n".join(f"{name.ljust(width)}  {value}" for name, value in self.drawn.items())


def describe_reports(manifest: pd.DataFrame) -> dict[str, str]:
    """report month -> source line naming the SNHR publication and its date, from the raw manifest."""
    kinds = {"monthly_report": "SNHR monthly death-toll report", "press_release": "SNHR press release"}
    out = {}
    for row in manifest.itertuples():
        published = row.published if isinstance(row.published, str) and row.published else ""
        when = f", published {published}" if published else ", publication date not recorded"
        out[row.report_month] = f"{kinds.get(row.kind, 'SNHR report')} for {month_name(row.report_month)}{when}"
    return out
