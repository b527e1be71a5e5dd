"""snhr_data.charts.revisions: the monthly series across reports, revisions marked, gaps left as gaps.

The series frames are built here with the columns ``snhr_data.series.build_series`` returns.
"""
from __future__ import annotations

import pandas as pd
from chart_frames import SOURCES, footer_text

from snhr_data.charts import revisions


def series(*months: tuple[str, float, float]) -> pd.DataFrame:
    """A series table: (month, first value, latest value) per row; a row whose values differ is revised."""
    return pd.DataFrame([dict(period=month, measure="civilian_deaths", victim_group="all", perpetrator="all",
                              governorate="all", first_value=first, first_report=month, latest_value=latest,
                              latest_report=month if first == latest else "2030-12",
                              n_statements=1 if first == latest else 2, revised=first != latest)
                         for month, first, latest in months], columns=revisions.SERIES_COLUMNS)


def test_revised_months_show_the_first_value_and_the_change():
    chart = revisions.monthly_series(series(("2030-01", 100, 100), ("2030-02", 110, 125), ("2030-03", 90, 90)),
                                     SOURCES)
    ax = chart.figure.axes[0]
    assert chart.figure.get_label().startswith("1 of 3 months of civilian deaths were restated")
    hollow = ax.collections[-1].get_offsets()
    assert hollow.tolist() == [[1.0, 110.0]]  # the value first published, at February
    segments = ax.collections[-2].get_segments()
    assert [segment.tolist() for segment in segments] == [[[1.0, 110.0], [1.0, 125.0]]]
    assert "2030-12" in " ".join(chart.data["latest_report"].dropna())


def test_months_no_report_states_are_a_gap_not_a_zero():
    chart = revisions.monthly_series(series(("2030-01", 10, 10), ("2030-04", 12, 12)), SOURCES)
    assert chart.data["period"].tolist() == ["2030-01", "2030-02", "2030-03", "2030-04"]
    line = chart.figure.axes[0].lines[0].get_ydata()
    assert pd.isna(line[1]) and pd.isna(line[2]) and line[0] == 10
    assert "Gaps: no report states the month." in footer_text(chart.figure)
    assert chart.figure.get_label() == "No month of civilian deaths was restated with another value in a later report"


def test_other_series_rows_are_left_out_and_an_empty_series_is_not_drawn():
    other = series(("2030-01", 5, 6)).assign(perpetrator="russia")
    assert revisions.monthly_series(other, SOURCES).figure is None
    yearly = series(("2030-01", 5, 6)).assign(period="2030")
    chart = revisions.monthly_series(yearly, SOURCES)
    assert chart.figure is None and "single month" in chart.missing
