"""snhr_data.charts.readings, .table_views and .sources: sentences and tables computed from the data."""
from __future__ import annotations

import pandas as pd
import pytest
from chart_frames import party_month

from snhr_data import charts


def test_readings_are_computed_from_the_data():
    data = pd.DataFrame({"period": ["2029", "2030"], "value": [100.0, 150.0], "qualifier": ["exact", "exact"]})
    text = charts.reading_totals(data, "civilian deaths")
    assert "**100** in 2029" in text and "**150** in 2030" in text and "rose by 50%" in text
    data.loc[1, "value"] = 50.0
    assert "fell by 50%" in charts.reading_totals(data, "civilian deaths")


def test_main_vs_other_reading_counts_periods_above_half():
    data = pd.DataFrame({"period": ["2029", "2030"], "all": [10.0, 10.0], "other_parties": [6.0, 2.0],
                         "main_parties": [4.0, 8.0], "other_share": [60.0, 20.0]})
    text = charts.reading_main_vs_other(data)
    assert "**20%** (2030)" in text and "**60%** (2029)" in text and "in 1 of them (2029)" in text


def test_table_view_writes_its_own_html_and_text():
    view = charts.TableView(pd.DataFrame({"party": ["A & B"], "value": [1234.0]}), caption="c")
    assert "<td>A &amp; B</td><td>1,234</td>" in view._repr_html_()
    assert repr(view).splitlines() == ["c", "party  value", "A & B  1,234"]


def test_headline_table_computes_the_share_when_not_stated():
    table = charts.headline_table(charts.statements(party_month()), "2030-05").set_index("figure")
    assert table.loc["Civilian deaths", "value"] == 40
    assert table.loc["Deaths under torture", "how"] == "not stated"
    assert table.loc["Share of children and women (%)", "value"] == pytest.approx(25.0)
    assert table.loc["Share of children and women (%)", "how"] == "computed from the counts above"


def test_describe_reports_names_publication_and_date():
    manifest = pd.DataFrame({"report_month": ["2030-05", "2030-06"], "kind": ["monthly_report", "press_release"],
                             "published": ["2030-06-01", ""]})
    described = charts.describe_reports(manifest)
    assert described["2030-05"] == "SNHR monthly death-toll report for May 2030, published 2030-06-01"
    assert "publication date not recorded" in described["2030-06"]
