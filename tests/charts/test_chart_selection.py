"""snhr_data.charts.selection: one statement per figure, the covering report's across reports."""
from __future__ import annotations

from chart_frames import figures

from snhr_data import charts


def test_statements_keep_first_explicit_statement_and_show_the_others():
    frame = figures(dict(value=15, line=9), dict(value=14, line=3), dict(value=99, line=1, note="implied total"))
    stated = charts.statements(frame)
    assert len(stated) == 1
    assert stated["value"].iloc[0] == 14
    assert set(stated["also_stated"].iloc[0].split("; ")) == {"15", "99"}
    assert len(frame) == 3  # the caller's frame is not changed


def test_best_statements_prefer_the_report_covering_the_period():
    frame = figures(dict(report="2030-06", period="2030-05", value=41), dict(report="2030-05", value=40))
    best = charts.best_statements(frame)
    assert best["value"].tolist() == [40]
    assert best["report"].tolist() == ["2030-05"]


def test_year_period_prefers_the_calendar_year_then_the_longest_year_to_date():
    frame = figures(dict(period="2030-01/2030-05", value=5), dict(period="2030-01/2030-09", report="2030-09", value=9))
    best = charts.best_statements(frame)
    assert charts.year_period(best, 2030) == "2030-01/2030-09"
    assert charts.year_period(best, 2029) is None
