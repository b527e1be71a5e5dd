"""snhr_data.charts.archive: seaborn views of the whole archive; missing months are masked, never zero."""
from __future__ import annotations

import matplotlib.colors as mcolors
import numpy as np
import pandas as pd
from chart_frames import SOURCES, figures, footer_text

from snhr_data import charts
from snhr_data.charts import archive

PARTIES = ["syrian_regime", "russia", "sdf", "other_parties"]


def archive_frame(months: int, start: str = "2010-01", skip: tuple[int, ...] = ()) -> pd.DataFrame:
    """``months`` monthly reports from ``start`` (values made up from the month's index), each stating its total,
    four parties and one governorate share; the months at positions ``skip`` are stated by no report;
    each December also states its calendar year."""
    rows = []
    for index, month in enumerate(charts.formatting.months_between(start, "2099-12")[:months]):
        if index in skip:
            continue
        values = {code: float((index * (n + 3)) % 17 + n) for n, code in enumerate(PARTIES)}
        base = dict(report=month, period=month)
        rows += [dict(base, value=sum(values.values()))]
        rows += [dict(base, perpetrator=code, value=value) for code, value in values.items()]
        rows += [dict(base, unit="percent", share_of="governorate", governorate="idlib", value=float(index % 40))]
        if month.endswith("-12"):
            rows += [dict(base, period=month[:4], perpetrator=code, value=12 * value) for code, value in values.items()]
            rows += [dict(base, period=month[:4], value=12 * sum(values.values()))]
    return figures(*rows)


def test_months_no_report_states_are_masked_not_zero():
    best = charts.best_statements(archive_frame(6, skip=(2, 3)))
    chart = archive.party_month_heatmap(best, SOURCES)
    mesh = chart.figure.axes[0].collections[0].get_array()
    assert mesh.shape == (5, 6)  # all parties and four parties x six months, the unstated ones included
    assert mesh.mask[:, 2:4].all() and not mesh.mask[:, [0, 1, 4, 5]].any()
    stated = chart.data.set_index(["perpetrator", "period"])["stated"]
    assert not stated[("russia", "2010-03")] and stated[("russia", "2010-01")]
    assert pd.isna(chart.data.set_index(["perpetrator", "period"]).loc[("russia", "2010-03"), "value"])
    assert "Grey cells: no report states a figure for that month (not a zero)." in footer_text(chart.figure)
    assert "4 of 6 months stated" in footer_text(chart.figure)
    assert "4 of the 6 months" in archive.reading_archive_months(chart.data)


def test_a_stated_zero_is_drawn_as_zero():
    frame = figures(dict(value=5), dict(perpetrator="russia", value=0), dict(perpetrator="syrian_regime", value=5))
    chart = archive.party_month_heatmap(charts.best_statements(frame), SOURCES)
    mesh = chart.figure.axes[0].collections[0].get_array()
    assert not mesh.mask.any() and 0 in mesh.compressed()


def test_heatmap_rows_carry_the_party_colour_and_label():
    chart = archive.party_month_heatmap(charts.best_statements(archive_frame(3)), SOURCES)
    ax = chart.figure.axes[0]
    names = [t.get_text() for t in ax.get_yticklabels()]
    assert names[0] == "All parties" and set(names[1:]) == {charts.party_label(c) for c in PARTIES}
    swatches = [mcolors.to_hex(p.get_facecolor()) for p in ax.patches]
    assert swatches == [charts.party_color(c).lower() for c in ["all", *[
        next(c for c in PARTIES if charts.party_label(c) == name) for name in names[1:]]]]


def test_small_multiples_one_panel_per_party_with_dashes_for_unstated_years():
    best = charts.best_statements(archive_frame(36, skip=tuple(range(12, 24))))  # 2011 stated by no report
    chart = archive.deaths_by_party_and_year(best, SOURCES)
    panels = [ax for ax in chart.figure.axes if ax.get_visible()]
    assert sorted(ax.get_title(loc="left") for ax in panels) == sorted(charts.party_label(c) for c in PARTIES)
    regime = next(ax for ax in panels if ax.get_title(loc="left") == charts.party_label("syrian_regime"))
    assert len(regime.patches) == 2  # 2010 and 2012: no bar for 2011
    assert mcolors.to_hex(regime.patches[0].get_facecolor()) == charts.party_color("syrian_regime").lower()
    assert [t.get_text() for t in regime.texts] == ["–"]
    data = chart.data.set_index(["perpetrator", "year"])
    assert pd.isna(data.loc[("syrian_regime", 2011), "value"])
    assert "–: no report states that year's figure" in footer_text(chart.figure)


def test_governorate_heatmap_masks_shares_not_stated():
    best = charts.best_statements(archive_frame(4, skip=(1,)))
    chart = archive.governorate_month_heatmap(best, SOURCES)
    mesh = chart.figure.axes[0].collections[0].get_array()
    assert mesh.shape == (1, 4) and mesh.mask.tolist() == [[False, True, False, False]]
    assert chart.figure.axes[0].get_yticklabels()[0].get_text() == charts.style.governorate_label("idlib")


def test_two_hundred_months_scale(tmp_path):
    best = charts.best_statements(archive_frame(200, skip=(50, 51, 120)))
    chart = archive.party_month_heatmap(best, SOURCES)
    ax = chart.figure.axes[0]
    assert ax.collections[0].get_array().shape == (5, 200)
    assert [t.get_text() for t in ax.get_xticklabels()] == [str(y) for y in range(2010, 2027)]  # one label a year
    assert chart.figure.get_figwidth() == charts.style.PAGE_WIDTH_IN
    assert "Sources: 197 SNHR reports, Jan 2010 to Aug 2026" in footer_text(chart.figure)
    years = archive.deaths_by_party_and_year(best, SOURCES)
    assert len([ax for ax in years.figure.axes if ax.get_visible()]) == len(PARTIES)
    assert sorted(set(years.data["year"])) == list(range(2010, 2027))
    shares = archive.governorate_month_heatmap(best, SOURCES)
    assert np.ma.count_masked(shares.figure.axes[0].collections[0].get_array()) == 3


def test_seaborn_bars_are_drawn_the_same_every_time(tmp_path):
    """No bootstrap (errorbar=None): two drawings of the same data give the same bytes."""
    best = charts.best_statements(archive_frame(13, skip=(4,)))
    metadata = charts.figure_metadata("years", "cross-year", {})
    first, second = (charts.save_figure(archive.deaths_by_party_and_year(best, SOURCES).figure, tmp_path / run / "c",
                                        metadata) for run in ["a", "b"])
    assert [p.read_bytes() for p in first] == [p.read_bytes() for p in second]


def test_nothing_stated_for_single_months_is_not_drawn():
    frame = figures(dict(period="2030", report="2030-12", value=5))
    best = charts.best_statements(frame)
    for draw in [archive.party_month_heatmap, archive.governorate_month_heatmap]:
        chart = draw(best, SOURCES)
        assert chart.figure is None and "single month" in chart.missing
    assert archive.deaths_by_party_and_year(best, SOURCES).figure is None
