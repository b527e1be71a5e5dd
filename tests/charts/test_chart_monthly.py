"""snhr_data.charts.monthly: the data each chart of one report plots, and what it says when it draws nothing."""
from __future__ import annotations

import pandas as pd
from chart_frames import SOURCES, figures, footer_text, party_month

from snhr_data import charts


def test_deaths_by_party_splits_bars_into_stated_victim_groups():
    chart = charts.deaths_by_party(charts.statements(party_month()), "2030-05", SOURCES)
    data = chart.data.set_index("perpetrator")
    assert list(data.index) == ["syrian_regime", "other_parties"]  # main parties, then other parties
    assert data.loc["syrian_regime", "other_victims"] == 6
    assert pd.isna(data.loc["syrian_regime", "women"])  # not stated is not zero
    assert data.loc["other_parties", "other_victims"] == 27
    assert "30 of 40" in chart.figure.get_label()
    texts = footer_text(chart.figure)
    assert charts.MINIMUM_NOTE.split(":")[0] in texts
    assert "published 2030-06-01" in texts


def test_other_parties_chart_lists_subcategories_only():
    chart = charts.deaths_by_party(charts.statements(party_month()), "2030-05", SOURCES, level="other")
    assert chart.data["perpetrator"].tolist() == ["gunfire_unidentified", "drowning"]


def test_chart_not_drawn_says_what_is_missing():
    chart = charts.torture_by_party(charts.statements(party_month()), "2030-05", SOURCES)
    assert chart.figure is None
    assert "torture" in chart.missing


def test_party_bars_with_only_a_total_is_not_drawn():
    frame = figures(dict(measure="torture_deaths", value=9))
    chart = charts.torture_by_party(charts.statements(frame), "2030-05", SOURCES)
    assert chart.figure is None
    assert "only the total" in chart.missing and "9" in chart.missing


def test_governorate_shares_put_the_rest_in_one_block():
    frame = figures(
        dict(unit="percent", share_of="governorate", governorate="daraa", value=34),
        dict(unit="percent", share_of="governorate", governorate="hasaka", value=17, qualifier="about"),
    )
    data = charts.governorate_shares(charts.statements(frame), "2030-05", SOURCES).data
    assert data["governorate"].tolist() == ["daraa", "hasaka", "other"]
    assert data["percent"].tolist() == [34, 17, 49]
    assert data["qualifier"].iloc[-1] == "about"


def test_month_in_year_marks_values_from_rounded_percents():
    frame = figures(
        dict(period="2030-01/2030-05", value=500),
        dict(period="2030-02", unit="percent", share_of="period", value=20, qualifier="about"),
        dict(value=80),
    )
    chart = charts.month_in_year(charts.statements(frame), "2030-05", "civilian_deaths", SOURCES)
    data = chart.data.set_index("month")
    assert list(data.index) == ["2030-01", "2030-02", "2030-03", "2030-04", "2030-05"]
    assert data.loc["2030-02", "value"] == 100 and data.loc["2030-02", "kind"] == "from rounded percent"
    assert data.loc["2030-05", "kind"] == "stated count"
    assert data.loc["2030-01", "kind"] == "not stated" and pd.isna(data.loc["2030-01", "value"])
    labels = [t.get_text() for t in chart.figure.axes[0].texts]
    assert any(label.startswith("≈100") for label in labels)


def test_special_groups_draw_stated_zeros():
    frame = figures(dict(measure="media_worker_deaths", value=0),
                    dict(measure="civil_defense_deaths", value=2),
                    dict(measure="civil_defense_deaths", perpetrator="syrian_regime", value=2))
    chart = charts.special_groups(charts.statements(frame), "2030-05", SOURCES)
    totals = chart.data.drop_duplicates("measure").set_index("measure")["total"]
    assert totals.to_dict() == {"media_worker_deaths": 0, "civil_defense_deaths": 2}
    assert "medical personnel" in footer_text(chart.figure)


def test_title_claims_no_share_of_a_total_the_report_does_not_state():
    frame = figures(dict(perpetrator="landmines_unidentified", value=9, period="2030-01/2030-05"))
    chart = charts.deaths_by_party(charts.statements(frame), "2030-01/2030-05", SOURCES, level="other")
    assert " of the " not in chart.figure.get_label()
    assert "no total for other parties" in footer_text(chart.figure)
