"""Tests of snhr_data.plots: selection of statements, the data each chart plots, the house style, saving.

The frames are small and hand-made; the numbers in them are arbitrary test values.
"""
from __future__ import annotations

import json
import re

import matplotlib.colors as mcolors
import pandas as pd
import pytest
from PIL import Image

from snhr_data import __version__, plots
from snhr_data.codes import FIGURE_COLUMNS, perpetrator_codes

SOURCES = {"2030-05": "SNHR monthly death-toll report for May 2030, published 2030-06-01"}


def figures(*rows: dict) -> pd.DataFrame:
    """A figures table from partial rows (defaults: a count of all civilian deaths in May 2030)."""
    defaults = dict(report="2030-05", period="2030-05", measure="civilian_deaths", victim_group="all",
                    perpetrator="all", governorate="all", unit="count", share_of="", value=0.0,
                    qualifier="exact", source_file="r.txt", line=1, quote="", note="")
    frame = pd.DataFrame([{**defaults, **row} for row in rows])[FIGURE_COLUMNS]
    return frame.astype({"value": float, "line": int})


def party_month() -> pd.DataFrame:
    return figures(
        dict(value=40, line=1),
        dict(value=7, victim_group="children", line=1),
        dict(value=3, victim_group="women", line=1),
        dict(perpetrator="syrian_regime", value=10, line=5),
        dict(perpetrator="syrian_regime", victim_group="children", value=4, line=5),
        dict(perpetrator="other_parties", value=30, line=6),
        dict(perpetrator="other_parties", victim_group="women", value=3, line=6),
        dict(perpetrator="drowning", value=12, line=7),
        dict(perpetrator="gunfire_unidentified", value=18, line=8),
    )


def test_period_helpers():
    assert plots.period_label("2030-05") == "May 2030"
    assert plots.period_label("2030-01/2030-05") == "Jan–May 2030"
    assert plots.period_end("2030") == "2030-12"
    assert plots.period_slug("2030-01/2030-05") == "2030-01_2030-05"
    assert plots.chronological(["2030", "2029-11", "2030-12", "2030-01/2030-05"]) == [
        "2029-11", "2030-01/2030-05", "2030-12", "2030"]


def test_statements_keep_first_explicit_statement_and_show_the_others():
    frame = figures(dict(value=15, line=9), dict(value=14, line=3), dict(value=99, line=1, note="implied total"))
    stated = plots.statements(frame)
    assert len(stated) == 1
    assert stated["value"].iloc[0] == 14
    assert set(stated["also_stated"].iloc[0].split("; ")) == {"15", "99"}
    assert len(frame) == 3  # the caller's frame is not changed


def test_best_statements_prefer_the_report_covering_the_period():
    frame = figures(dict(report="2030-06", period="2030-05", value=41), dict(report="2030-05", value=40))
    best = plots.best_statements(frame)
    assert best["value"].tolist() == [40]
    assert best["report"].tolist() == ["2030-05"]


def test_deaths_by_party_splits_bars_into_stated_victim_groups():
    chart = plots.deaths_by_party(plots.statements(party_month()), "2030-05", SOURCES)
    data = chart.data.set_index("perpetrator")
    assert list(data.index) == ["syrian_regime", "other_parties"]  # main parties, then other parties
    assert data.loc["syrian_regime", "other_victims"] == 6
    assert pd.isna(data.loc["syrian_regime", "women"])  # not stated is not zero
    assert data.loc["other_parties", "other_victims"] == 27
    assert "30 of 40" in chart.figure.get_label()
    texts = " ".join(t.get_text() for t in chart.figure.texts)
    assert plots.MINIMUM_NOTE.split(":")[0] in texts.replace("\n", " ")
    assert "published 2030-06-01" in texts.replace("\n", " ")


def test_other_parties_chart_lists_subcategories_only():
    chart = plots.deaths_by_party(plots.statements(party_month()), "2030-05", SOURCES, level="other")
    assert chart.data["perpetrator"].tolist() == ["gunfire_unidentified", "drowning"]


def test_chart_not_drawn_says_what_is_missing():
    chart = plots.torture_by_party(plots.statements(party_month()), "2030-05", SOURCES)
    assert chart.figure is None
    assert "torture" in chart.missing


def test_party_bars_with_only_a_total_is_not_drawn():
    frame = figures(dict(measure="torture_deaths", value=9))
    chart = plots.torture_by_party(plots.statements(frame), "2030-05", SOURCES)
    assert chart.figure is None
    assert "only the total" in chart.missing and "9" in chart.missing


def test_governorate_shares_put_the_rest_in_one_block():
    frame = figures(
        dict(unit="percent", share_of="governorate", governorate="daraa", value=34),
        dict(unit="percent", share_of="governorate", governorate="hasaka", value=17, qualifier="about"),
    )
    data = plots.governorate_shares(plots.statements(frame), "2030-05", SOURCES).data
    assert data["governorate"].tolist() == ["daraa", "hasaka", "other"]
    assert data["percent"].tolist() == [34, 17, 49]
    assert data["qualifier"].iloc[-1] == "about"


def test_month_in_year_marks_values_from_rounded_percents():
    frame = figures(
        dict(period="2030-01/2030-05", value=500),
        dict(period="2030-02", unit="percent", share_of="period", value=20, qualifier="about"),
        dict(value=80),
    )
    chart = plots.month_in_year(plots.statements(frame), "2030-05", "civilian_deaths", SOURCES)
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
    chart = plots.special_groups(plots.statements(frame), "2030-05", SOURCES)
    totals = chart.data.drop_duplicates("measure").set_index("measure")["total"]
    assert totals.to_dict() == {"media_worker_deaths": 0, "civil_defense_deaths": 2}
    assert "medical personnel" in " ".join(t.get_text() for t in chart.figure.texts).replace("\n", " ")


def test_every_perpetrator_has_its_own_colour():
    codes = perpetrator_codes()
    colours = [plots.party_color(code) for code in codes]
    assert all(code in plots.PERPETRATOR_COLORS for code in codes)
    assert len({mcolors.to_hex(c) for c in colours}) == len(codes)


def test_charts_use_the_house_style_without_pyplot_state():
    import matplotlib.pyplot as plt

    chart = plots.deaths_by_party(plots.statements(party_month()), "2030-05", SOURCES)
    ax = chart.figure.axes[0]
    assert ax.xaxis.label.get_fontsize() == 7.5
    assert not ax.spines["top"].get_visible()
    assert plt.get_fignums() == []


def test_saved_files_are_deterministic_and_carry_metadata(tmp_path):
    chart = plots.deaths_by_party(plots.statements(party_month()), "2030-05", SOURCES)
    metadata = plots.figure_metadata(chart.figure.get_label(), "2030-05", {"month": "2030-05"})
    first = plots.save_figure(chart.figure, tmp_path / "a" / "chart", metadata)
    second = plots.save_figure(chart.figure, tmp_path / "b" / "chart", metadata)
    for one, two in zip(first, second):
        assert one.read_bytes() == two.read_bytes(), one.suffix
    png = Image.open(first[0])
    assert png.info["dpi"][0] >= 200
    described = json.loads(png.info["Description"])
    assert described == {"report": "2030-05", "parameters": {"month": "2030-05"}, "snhr_data_version": __version__}
    pdf = first[2].read_bytes()
    assert b"/FontFile2" in pdf and b"/Type3" not in pdf  # TrueType embedded
    assert b"CreationDate" not in pdf
    svg = first[1].read_text(encoding="utf-8")
    assert "<dc:date>" not in svg and "2030-05" in svg
    assert list(tmp_path.rglob("*.tmp")) == []


def test_fingerprint_changes_with_a_charted_number():
    frame = party_month()
    before = plots.deaths_by_party(plots.statements(frame), "2030-05", SOURCES).data
    frame.loc[frame["perpetrator"].eq("syrian_regime") & frame["victim_group"].eq("children"), "value"] = 5
    after = plots.deaths_by_party(plots.statements(frame), "2030-05", SOURCES).data
    assert plots.data_fingerprint(before) != plots.data_fingerprint(after)
    assert plots.data_fingerprint(before) == plots.data_fingerprint(before.copy())


def test_table_view_writes_its_own_html_and_text():
    view = plots.TableView(pd.DataFrame({"party": ["A & B"], "value": [1234.0]}), caption="c")
    assert "<td>A &amp; B</td><td>1,234</td>" in view._repr_html_()
    assert repr(view).splitlines() == ["c", "party  value", "A & B  1,234"]


def test_chart_book_records_missing_charts_and_fingerprints(monkeypatch):
    shown = []
    monkeypatch.setattr("IPython.display.display", lambda obj: shown.append(obj))
    book = plots.ChartBook("", "2030-05", {"month": "2030-05"})
    stated = plots.statements(party_month())
    book.show("torture", plots.torture_by_party(stated, "2030-05", SOURCES))
    book.show("parties", plots.deaths_by_party(stated, "2030-05", SOURCES))
    assert "torture" in book.missing_text()
    lines = book.fingerprints().splitlines()
    assert lines[0].split() == ["torture", "not", "drawn"]
    assert re.fullmatch(r"parties\s+[0-9a-f]{16}", lines[1])
    assert len(shown) == 2


def test_readings_are_computed_from_the_data():
    data = pd.DataFrame({"period": ["2029", "2030"], "value": [100.0, 150.0], "qualifier": ["exact", "exact"]})
    text = plots.reading_totals(data, "civilian deaths")
    assert "**100** in 2029" in text and "**150** in 2030" in text and "rose by 50%" in text
    data.loc[1, "value"] = 50.0
    assert "fell by 50%" in plots.reading_totals(data, "civilian deaths")


def test_headline_table_computes_the_share_when_not_stated():
    table = plots.headline_table(plots.statements(party_month()), "2030-05").set_index("figure")
    assert table.loc["Civilian deaths", "value"] == 40
    assert table.loc["Deaths under torture", "how"] == "not stated"
    assert table.loc["Share of children and women (%)", "value"] == pytest.approx(25.0)
    assert table.loc["Share of children and women (%)", "how"] == "computed from the counts above"


def test_describe_reports_names_publication_and_date():
    manifest = pd.DataFrame({"report_month": ["2030-05", "2030-06"], "kind": ["monthly_report", "press_release"],
                             "published": ["2030-06-01", ""]})
    described = plots.describe_reports(manifest)
    assert described["2030-05"] == "SNHR monthly death-toll report for May 2030, published 2030-06-01"
    assert "publication date not recorded" in described["2030-06"]


def test_title_claims_no_share_of_a_total_the_report_does_not_state():
    frame = figures(dict(perpetrator="landmines_unidentified", value=9, period="2030-01/2030-05"))
    chart = plots.deaths_by_party(plots.statements(frame), "2030-01/2030-05", SOURCES, level="other")
    assert " of the " not in chart.figure.get_label()
    assert "no total for other parties" in " ".join(t.get_text() for t in chart.figure.texts).replace("\n", " ")


def test_main_vs_other_reading_counts_periods_above_half():
    data = pd.DataFrame({"period": ["2029", "2030"], "all": [10.0, 10.0], "other_parties": [6.0, 2.0],
                         "main_parties": [4.0, 8.0], "other_share": [60.0, 20.0]})
    text = plots.reading_main_vs_other(data)
    assert "**20%** (2030)" in text and "**60%** (2029)" in text and "in 1 of them (2029)" in text
