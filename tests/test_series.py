"""The series table: every count any report states, with the values stated for it across reports."""
from __future__ import annotations

import pandas as pd

from snhr_data.codes import FIGURE_COLUMNS
from snhr_data.metadata import validate
from snhr_data.series import SERIES_COLUMNS, build_series


def figure(report: str, period: str, value: float, *, line: int, source_file: str | None = None,
           perpetrator: str = "all", unit: str = "count", victim_group: str = "all") -> dict:
    """One invented figure row; numbers are made up for the tests."""
    return dict(report=report, period=period, measure="civilian_deaths", victim_group=victim_group,
                perpetrator=perpetrator, governorate="all", unit=unit, share_of="" if unit == "count" else "period",
                value=float(value), qualifier="exact", source_file=source_file or f"r-{report}.txt", line=line,
                quote=f"{value} civilians", note="")


def figures(*rows: dict) -> pd.DataFrame:
    return pd.DataFrame(list(rows), columns=FIGURE_COLUMNS)


def row_of(series: pd.DataFrame, period: str, **key: str) -> pd.Series:
    mask = series["period"] == period
    for column, value in key.items():
        mask &= series[column] == value
    found = series[mask]
    assert len(found) == 1, found
    return found.iloc[0]


def test_a_month_restated_with_another_value_by_a_later_report_is_a_revision():
    series = build_series(figures(
        figure("2031-03", "2031-03", 40, line=2),
        figure("2031-12", "2031-03", 43, line=9),      # the annual report restates March
        figure("2031-12", "2031-12", 25, line=3),
    ))
    march = row_of(series, "2031-03")
    assert (march["first_value"], march["first_report"]) == (40.0, "2031-03")
    assert (march["latest_value"], march["latest_report"]) == (43.0, "2031-12")
    assert march["revised"]
    assert (march["n_statements"], march["n_reports"]) == (2, 2)
    assert march["values"] == "40;43"
    assert march["source_rows"] == "r-2031-03.txt:2:1;r-2031-12.txt:9:1"
    assert not row_of(series, "2031-12")["revised"]


def test_first_and_latest_follow_the_report_month_not_the_row_order():
    shuffled = figures(
        figure("2031-12", "2031-03", 43, line=9),
        figure("2031-05", "2031-03", 41, line=4),
        figure("2031-03", "2031-03", 40, line=2),
    )
    march = row_of(build_series(shuffled), "2031-03")
    assert (march["first_report"], march["latest_report"]) == ("2031-03", "2031-12")
    assert (march["first_value"], march["latest_value"]) == (40.0, 43.0)
    assert march["values"] == "40;41;43"


def test_ties_in_one_report_month_are_broken_by_source_file_then_line():
    series = build_series(figures(
        figure("2031-03", "2031-03", 52, line=8, source_file="b.txt"),
        figure("2031-03", "2031-03", 51, line=30, source_file="a.txt"),
        figure("2031-03", "2031-03", 50, line=12, source_file="a.txt"),
    ))
    march = row_of(series, "2031-03")
    assert (march["first_value"], march["latest_value"]) == (50.0, 52.0)
    assert march["source_rows"] == "a.txt:12:1;a.txt:30:1;b.txt:8:1"


def test_a_restatement_with_the_same_value_is_not_a_revision_and_values_are_not_repeated():
    march = row_of(build_series(figures(
        figure("2031-03", "2031-03", 40, line=2),
        figure("2031-06", "2031-03", 44, line=5),
        figure("2031-12", "2031-03", 40, line=7),
    )), "2031-03")
    assert march["values"] == "40;44"
    assert march["revised"] and march["n_statements"] == 3 and march["latest_value"] == 40.0
    same = row_of(build_series(figures(
        figure("2031-03", "2031-03", 40, line=2), figure("2031-12", "2031-03", 40, line=7),
    )), "2031-03")
    assert not same["revised"] and same["values"] == "40" and same["n_reports"] == 2


def test_a_month_no_report_states_is_absent_not_zero():
    series = build_series(figures(
        figure("2031-01", "2031-01", 30, line=2),
        figure("2031-03", "2031-03", 40, line=2),
    ))
    assert list(series["period"]) == ["2031-01", "2031-03"]
    assert not (series["first_value"] == 0).any()


def test_percents_are_left_out_and_each_key_column_separates_rows():
    series = build_series(figures(
        figure("2031-03", "2031-03", 40, line=2),
        figure("2031-03", "2031-03", 12, line=3, victim_group="children"),
        figure("2031-03", "2031-03", 9, line=4, perpetrator="russia"),
        figure("2031-03", "2031-03", 22.5, line=5, unit="percent"),
    ))
    assert len(series) == 3
    assert 22.5 not in set(series["first_value"])
    assert not series["revised"].any()


def test_the_series_has_its_declared_columns_and_validates_even_when_empty():
    built = build_series(figures(figure("2031-03", "2031-03", 40, line=2)))
    assert list(built.columns) == SERIES_COLUMNS
    validate("series", built)
    empty = build_series(figures())
    assert list(empty.columns) == SERIES_COLUMNS and empty.empty
    validate("series", empty)


def test_the_series_is_deterministic_whatever_the_input_order():
    rows = [figure("2031-03", "2031-03", 40, line=2), figure("2031-12", "2031-03", 43, line=9),
            figure("2031-12", "2031-12", 25, line=3), figure("2031-12", "2031", 400, line=1),
            figure("2031-06", "2031-01/2031-06", 200, line=4, perpetrator="russia")]
    one = build_series(figures(*rows))
    two = build_series(figures(*reversed(rows)))
    pd.testing.assert_frame_equal(one, two)
    assert one.to_csv(index=False) == build_series(figures(*rows)).to_csv(index=False)
