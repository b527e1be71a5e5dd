"""Charts and tables drawn from the figures table, in one house style: this module only wires the families.

| module | what it holds |
|---|---|
| ``style`` | the style file, figure widths, each party's colour and short label (from ``vocab/perpetrators.yaml``) |
| ``formatting`` | period labels, month names, measure nouns, stated numbers as labels |
| ``selection`` | which statements a chart draws (one per figure; the covering report's across reports), apart from drawing |
| ``layout`` | the ``Chart`` result and what every chart shares: size, title, legend, footer with source and minimum note |
| ``sources`` | report descriptions: the source line of each chart |
| ``monthly`` | charts of one report |
| ``cross_year`` | charts across reports |
| ``readings`` | sentences computed from the data a chart plots |
| ``table_views`` | the tables the notebooks show (``TableView``) |
| ``archive`` | archive-wide views with seaborn: deaths by party across years, party x month, governorate x month |
| ``revisions`` | the monthly series across all reports, revisions marked (seaborn) |
| ``fonts`` | the house font, DejaVu Sans cut to the characters charts use (cheap to embed in PDFs) |
| ``font_subsets`` | one PDF font subset per font and glyph set per process |
| ``text_caches`` | text metrics, font lookups and font tables shared by every chart of a process; glyph loads skipped |
| ``book`` | ``ChartBook``: show, save (PNG, SVG, PDF with fixed metadata) and fingerprint a notebook's charts |

``archive`` and ``revisions`` import seaborn, so they are imported by name (``from snhr_data.charts import
archive``) and ``import snhr_data.charts`` stays light for the monthly notebooks.

Every chart function is pure: it takes the figures a report states (see ``statements``), the
period(s) to draw and a mapping report -> source description, and returns a ``Chart``: the
matplotlib figure (``None`` when the reports state nothing to draw), the data it plots, and a
sentence saying what is missing when nothing is drawn. The figures are built with
``matplotlib.figure.Figure`` (no pyplot state), so charts can be drawn in parallel processes and
never show up twice in a notebook.

What the charts never do: invent a number the text does not state. Remainders ("other
governorates", "not stated as children or women") are differences of stated numbers, and
values derived from a rounded percent are drawn hatched and labelled with "≈".
"""
from __future__ import annotations

from .book import ChartBook, data_fingerprint, figure_metadata, png_bytes, save_figure
from .cross_year import composition_by_period, main_vs_other, same_month, totals_by_period, victim_shares
from .formatting import chronological, format_number, month_name, period_end, period_label, period_slug
from .layout import MINIMUM_NOTE, Chart
from .monthly import (deaths_by_party, governorate_shares, massacres_by_party, month_in_year, special_groups,
                      torture_by_party)
from .readings import (reading_composition, reading_main_vs_other, reading_periods, reading_same_month,
                       reading_totals, reading_victim_shares)
from .selection import best_statements, report_periods, statements, year_period
from .sources import describe_reports
from .style import house_style, party_color, party_label, party_styles
from .table_views import (TableView, governorate_counts_table, headline_table, wide_same_month, wide_shares,
                          year_to_date_table)

__all__ = [
    "best_statements",
    "Chart",
    "ChartBook",
    "chronological",
    "composition_by_period",
    "data_fingerprint",
    "deaths_by_party",
    "describe_reports",
    "figure_metadata",
    "format_number",
    "governorate_counts_table",
    "governorate_shares",
    "headline_table",
    "house_style",
    "main_vs_other",
    "massacres_by_party",
    "MINIMUM_NOTE",
    "month_in_year",
    "month_name",
    "party_color",
    "party_label",
    "party_styles",
    "period_end",
    "period_label",
    "period_slug",
    "png_bytes",
    "reading_composition",
    "reading_main_vs_other",
    "reading_periods",
    "reading_same_month",
    "reading_totals",
    "reading_victim_shares",
    "report_periods",
    "same_month",
    "save_figure",
    "special_groups",
    "statements",
    "TableView",
    "torture_by_party",
    "totals_by_period",
    "victim_shares",
    "wide_same_month",
    "wide_shares",
    "year_period",
    "year_to_date_table",
]
