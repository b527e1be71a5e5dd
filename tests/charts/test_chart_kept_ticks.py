"""snhr_data.charts.kept_ticks: ticks computed once per state while a chart is laid out and saved, the same bytes."""
from __future__ import annotations

from contextlib import nullcontext

import matplotlib.axis
import pytest
from chart_frames import SOURCES, party_month
from test_chart_archive import archive_frame

from snhr_data import charts
from snhr_data.charts import archive, book, kept_ticks, layout

FORMATS = ("png", "svg", "pdf")


@pytest.fixture()
def computed(monkeypatch) -> list[int]:
    """Every computation of an axis's ticks by matplotlib, counted (one entry each)."""
    calls: list[int] = []
    update = matplotlib.axis.Axis._update_ticks

    def counted(self):
        calls.append(1)
        return update(self)

    monkeypatch.setattr(matplotlib.axis.Axis, "_update_ticks", counted)
    return calls


def drawn_and_saved(tmp_path, name: str) -> list[bytes]:
    """Two charts drawn afresh, one with automatic locators on four panels, each saved in every format."""
    files = []
    metadata = charts.figure_metadata("t", "2030-05", {})
    best = charts.best_statements(archive_frame(13, skip=(4,)))
    for index, chart in enumerate([charts.deaths_by_party(charts.statements(party_month()), "2030-05", SOURCES),
                                   archive.deaths_by_party_and_year(best, SOURCES)]):
        files += [path.read_bytes() for path in charts.save_figure(chart.figure, tmp_path / name / str(index),
                                                                       metadata, FORMATS)]
    return files


def test_a_chart_is_the_same_bytes_with_its_ticks_kept_or_computed_at_every_use(tmp_path, monkeypatch, computed):
    kept = drawn_and_saved(tmp_path, "kept")
    kept_count = len(computed)
    computed.clear()
    for module in (book, layout):
        monkeypatch.setattr(module, "ticks_kept", lambda figure: nullcontext())
    every_use = drawn_and_saved(tmp_path, "every-use")
    assert kept == every_use
    assert kept_count * 3 < len(computed)  # about five times fewer computations


def test_an_axis_computes_its_ticks_again_when_its_state_changes_and_gets_its_method_back(computed):
    chart = charts.deaths_by_party(charts.statements(party_month()), "2030-05", SOURCES)
    figure, axis = chart.figure, chart.figure.axes[0].xaxis
    computed.clear()
    with kept_ticks.ticks_kept(figure):
        first = [tick.label1.get_text() for tick in axis._update_ticks()]
        assert [tick.label1.get_text() for tick in axis._update_ticks()] == first and len(computed) == 1
        axis.axes.set_xlim(0, 10 * axis.get_view_interval()[1])
        wider = [tick.label1.get_text() for tick in axis._update_ticks()]
        assert len(computed) == 2 and wider != first
        figure.set_dpi(figure.dpi * 3)
        axis._update_ticks()
        assert len(computed) == 3
    assert "_update_ticks" not in vars(axis)
    assert [tick.label1.get_text() for tick in axis._update_ticks()] == wider and len(computed) == 4


def test_nothing_is_kept_where_matplotlib_computes_ticks_another_way(monkeypatch):
    chart = charts.deaths_by_party(charts.statements(party_month()), "2030-05", SOURCES)
    kept_ticks._computes_ticks.cache_clear()
    monkeypatch.setattr(matplotlib.axis.Axis, "_update_ticks", lambda self, renderer: [])
    try:
        with kept_ticks.ticks_kept(chart.figure):
            assert "_update_ticks" not in vars(chart.figure.axes[0].xaxis)
    finally:
        kept_ticks._computes_ticks.cache_clear()
