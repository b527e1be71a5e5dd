"""Odd but accepted figures give a drawn chart or a "not drawn: why", never a traceback (issue 11, item 10).

Every chart function runs on small constructed frames with the edges a real archive has: nothing
stated, a total without breakdown, a single value, zeros, shares for months outside the period,
a month stating only the total, only women and no children.
"""
from __future__ import annotations

import re

import pandas as pd
import pytest
from chart_frames import SOURCES, figures, footer_text

from snhr_data import charts

ODD_FRAMES = {
    "nothing stated": figures(dict(measure="torture_deaths", period="2030-04", value=1)).iloc[0:0],
    "a total only": figures(dict(value=12), dict(measure="torture_deaths", value=3), dict(measure="massacres", value=1)),
    "zeros everywhere": figures(dict(value=0), dict(perpetrator="syrian_regime", value=0),
                                dict(perpetrator="other_parties", value=0), dict(measure="torture_deaths", value=0),
                                dict(measure="medical_personnel_deaths", value=0),
                                dict(period="2030-01/2030-05", value=0), dict(period="2029", value=0)),
    "one party, one value": figures(dict(perpetrator="russia", value=4), dict(measure="torture_deaths",
                                    perpetrator="syrian_regime", value=2), dict(period="2029-05", perpetrator="russia",
                                    value=1, report="2029-05")),
    "year-to-date list naming later months": figures(
        dict(report="2030-03", period="2030-01/2030-03", value=300),
        dict(report="2030-03", period="2030-05", unit="percent", share_of="period", value=20),
        dict(report="2030-03", period="2030-06", unit="percent", share_of="period", value=30)),
    "only women, no children": figures(dict(value=10), dict(victim_group="women", value=2),
                                       dict(period="2029", report="2029-12", value=50),
                                       dict(period="2029", report="2029-12", victim_group="women", value=5)),
    "months stating only the total": figures(dict(value=10), dict(period="2029-05", report="2029-05", value=7)),
    "shares above 100%": figures(
        dict(unit="percent", share_of="governorate", governorate="daraa", value=70),
        dict(unit="percent", share_of="governorate", governorate="idlib", value=60),
        dict(perpetrator="other_parties", value=12), dict(value=10)),
}

REPORT = {"year-to-date list naming later months": "2030-03"}


def monthly_charts(stated: pd.DataFrame, report: str) -> dict[str, charts.Chart]:
    """Every chart of the monthly notebook, for every period the report states."""
    drawn = {}
    for period in charts.report_periods(stated, report):
        drawn[f"deaths_by_party {period}"] = charts.deaths_by_party(stated, period, SOURCES)
        drawn[f"other_parties {period}"] = charts.deaths_by_party(stated, period, SOURCES, level="other")
        drawn[f"torture {period}"] = charts.torture_by_party(stated, period, SOURCES)
        drawn[f"massacres {period}"] = charts.massacres_by_party(stated, period, SOURCES)
        drawn[f"special_groups {period}"] = charts.special_groups(stated, period, SOURCES)
        drawn[f"governorate_shares {period}"] = charts.governorate_shares(stated, period, SOURCES)
    for measure in ["civilian_deaths", "torture_deaths"]:
        drawn[f"month_in_year {measure}"] = charts.month_in_year(stated, report, measure, SOURCES)
    return drawn


def cross_year_charts(best: pd.DataFrame) -> dict[str, charts.Chart]:
    """Every chart of the cross-year notebook, over the periods the frame states."""
    years = [p for p in (charts.year_period(best, y) for y in [2029, 2030]) if p is not None]
    periods = charts.chronological(list(best["period"])) if len(best) else ["2030"]
    return {
        "totals": charts.totals_by_period(best, "civilian_deaths", years or periods, SOURCES),
        "composition": charts.composition_by_period(best, periods, SOURCES),
        "victim_shares": charts.victim_shares(best, periods, SOURCES),
        "same_month": charts.same_month(best, ["2029-05", "2030-05"], SOURCES),
        "main_vs_other": charts.main_vs_other(best, periods, SOURCES),
    }


def readings_and_tables(drawn: dict[str, charts.Chart], stated: pd.DataFrame, report: str) -> list[object]:
    """The readings and tables the notebooks show beside the charts."""
    data = {name: chart.data for name, chart in drawn.items()}
    out = [charts.headline_table(stated, report), charts.year_to_date_table(stated, report),
           charts.governorate_counts_table(stated, report)]
    if "totals" in data:
        out += [charts.reading_totals(data["totals"], "civilian deaths"),
                charts.reading_composition(data["composition"]), charts.wide_shares(data["composition"]),
                charts.reading_victim_shares(data["victim_shares"]), charts.reading_same_month(data["same_month"]),
                charts.wide_same_month(data["same_month"]), charts.reading_main_vs_other(data["main_vs_other"])]
    return out


def assert_drawn_or_explained(drawn: dict[str, charts.Chart]) -> None:
    for name, chart in drawn.items():
        assert isinstance(chart, charts.Chart), name
        if chart.figure is None:
            assert chart.missing.strip(), f"{name}: not drawn and no reason given"
        else:
            assert chart.figure.get_label(), f"{name}: drawn without a title"
            assert not re.search(r"\bnan\b", footer_text(chart.figure), re.I), f"{name}: 'nan' on the chart"


@pytest.mark.parametrize("case", list(ODD_FRAMES))
def test_every_chart_draws_or_says_why(case):
    stated = charts.statements(ODD_FRAMES[case])
    report = REPORT.get(case, "2030-05")
    drawn = {**monthly_charts(stated, report), **cross_year_charts(charts.best_statements(ODD_FRAMES[case]))}
    assert_drawn_or_explained(drawn)
    for shown in readings_and_tables(drawn, stated, report):
        text = shown if isinstance(shown, str) else repr(charts.TableView(shown))
        assert not re.search(r"\bnan\b", text, re.I), f"{case}: {text}"


def test_year_to_date_list_naming_later_months_is_not_drawn_and_says_why():
    stated = charts.statements(ODD_FRAMES["year-to-date list naming later months"])
    chart = charts.month_in_year(stated, "2030-03", "civilian_deaths", SOURCES)
    assert chart.figure is None
    assert "Jan–Mar 2030" in chart.missing and "May 2030, Jun 2030" in chart.missing


def test_later_months_beside_stated_months_are_named_in_the_footer():
    frame = pd.concat([ODD_FRAMES["year-to-date list naming later months"],
                       figures(dict(report="2030-03", period="2030-02", unit="percent", share_of="period", value=25))])
    chart = charts.month_in_year(charts.statements(frame), "2030-03", "civilian_deaths", SOURCES)
    assert chart.data["kind"].tolist() == ["not stated", "from rounded percent", "not stated"]
    assert "shares for May 2030, Jun 2030, outside Jan–Mar 2030: not drawn" in footer_text(chart.figure)


def test_a_change_from_zero_is_not_a_percentage():
    frame = figures(dict(period="2029", report="2029-12", value=0), dict(period="2030", report="2030-12", value=10))
    chart = charts.totals_by_period(charts.best_statements(frame), "civilian_deaths", ["2029", "2030"], SOURCES)
    assert chart.figure.get_label() == "Civilian deaths documented: most in 2030 (10)"


def test_governorate_shares_above_100_percent_are_named():
    stated = charts.statements(ODD_FRAMES["shares above 100%"])
    chart = charts.governorate_shares(stated, "2030-05", SOURCES)
    assert chart.data.loc[chart.data["kind"] == "remainder", "percent"].tolist() == [0.0]
    assert "add up to 130%, more than 100%" in footer_text(chart.figure)


def test_a_month_of_stated_zeros_is_not_drawn_as_empty_bars():
    chart = charts.deaths_by_party(charts.statements(ODD_FRAMES["zeros everywhere"]), "2030-05", SOURCES)
    assert chart.figure is None and "nothing to draw" in chart.missing
    assert chart.data["total"].tolist() == [0, 0]
