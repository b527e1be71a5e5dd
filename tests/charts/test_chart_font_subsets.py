"""snhr_data.charts.font_subsets: PDFs whose font subsets come from the per-process cache are the same bytes."""
from __future__ import annotations

import pytest
from chart_frames import SOURCES, party_month
from matplotlib.backends import _backend_pdf_ps

from snhr_data import charts
from snhr_data.charts.font_subsets import cache_font_subsets


def pdf_bytes(tmp_path, name: str) -> bytes:
    chart = charts.deaths_by_party(charts.statements(party_month()), "2030-05", SOURCES)
    metadata = charts.figure_metadata("t", "2030-05", {})
    return charts.save_figure(chart.figure, tmp_path / name, metadata, formats=("pdf",))[0].read_bytes()


def test_a_cached_subset_gives_the_bytes_matplotlib_writes(tmp_path, monkeypatch):
    if not cache_font_subsets():
        pytest.skip("this matplotlib's subsetting function has another form: no cache is installed")
    cached = _backend_pdf_ps.get_glyphs_subset
    first = pdf_bytes(tmp_path, "first")
    hits = cached.cache.cache_info().hits
    again = pdf_bytes(tmp_path, "again")
    assert cached.cache.cache_info().hits >= hits + 2  # both fonts of the chart came from the cache
    monkeypatch.setattr(_backend_pdf_ps, "get_glyphs_subset", cached.__wrapped__)
    uncached = pdf_bytes(tmp_path, "uncached")
    assert first == again == uncached
    assert b"/FontFile2" in uncached
