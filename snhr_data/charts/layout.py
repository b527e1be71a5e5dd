"""What every chart shares on the page: the ``Chart`` result, figure size, title, legend and footer.

The footer always carries the sources and the note that counts are a documented minimum.
"""
from __future__ import annotations

import textwrap
from typing import Mapping, NamedTuple, Sequence

import matplotlib.ticker
import pandas as pd
from matplotlib.figure import Figure
from matplotlib.patches import Patch

from .formatting import format_number
from .kept_ticks import ticks_kept
from .sources import source_text
from .style import party_label

MINIMUM_NOTE = ("Counts are the civilian deaths SNHR documented: a minimum, "
                "not an estimate of all deaths.")


class Chart(NamedTuple):
    """A drawn chart: ``figure`` is None when the reports state nothing to draw (``missing`` says what)."""

    figure: Figure | None
    data: pd.DataFrame
    missing: str = ""


def new_figure(width: float, rows: int, row_height: float = 0.2, extra: float = 0.55) -> tuple[Figure, object]:
    """A figure with one axes, tall enough for ``rows`` bars plus title and footer."""
    fig = Figure(figsize=(width, rows * row_height + extra), layout="constrained")
    fig.get_layout_engine().set(h_pad=0.04, w_pad=0.04)
    return fig, fig.add_subplot()


def wrap(text: str, width_in: float, font_pt: float) -> str:
    chars = max(20, int(width_in * 72 / (font_pt * 0.56)))
    return "\n".join(textwrap.wrap(text, chars))


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
    renderer = fig._get_renderer()  # measuring the bands' text needs no drawing of the whole figure
    pad = 0.06
    inches = [artist.get_window_extent(renderer).height / fig.dpi for artist in header]
    top = sum(inches) + 3 * pad
    footer_h = text.get_window_extent(renderer).height / fig.dpi
    bottom = footer_h + sum(legend.get_window_extent(renderer).height / fig.dpi + pad for legend in fig.legends) + 2 * pad
    height = fig.get_figheight() + top + bottom
    fig.set_figheight(height)
    header[0].set_y(1 - pad / height)
    header[1].set_y(1 - (2 * pad + inches[0]) / height)
    text.set_y(pad / height)
    for legend in fig.legends:
        legend.set_bbox_to_anchor((0.005, (bottom - pad) / height), transform=fig.transFigure)
    engine = fig.get_layout_engine()
    engine.set(rect=(0, bottom / height, 1, 1 - (top + bottom) / height))
    with ticks_kept(fig):
        engine.execute(fig)  # the axes' final positions, without drawing every artist
    # Positions are final. No layout engine at all (not even "none"'s placeholder, which makes every savefig
    # draw the figure twice): each of the three formats is drawn once.
    fig.set_layout_engine(None)
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


def stated_twice_notes(rows: pd.DataFrame) -> list[str]:
    """Footer notes for drawn figures the report states twice with different values: the chart draws the
    first statement; the note names the other value(s) so the reader is not told one number silently."""
    notes = []
    for row in rows[rows["also_stated"].astype(bool)].itertuples():
        who = party_label(row.perpetrator) if row.perpetrator != "all" else "All parties"
        group = "" if row.victim_group == "all" else f", {row.victim_group}"
        notes.append(f"{who}{group}: drawn as {format_number(row.value)}, also stated as {row.also_stated}.")
    return ([*notes, "See the audit findings."] if notes else [])
