"""snhr_data.charts.font_subsets: a PDF is the same bytes whether its font subsets come from the cache or not."""
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


def test_a_pdf_is_the_same_bytes_whether_its_subsets_are_cached_or_made_afresh(tmp_path, monkeypatch):
    if not cache_font_subsets():
        pytest.skip("this matplotlib's subsetting function has another form: no cache is installed")
    cached = _backend_pdf_ps.get_glyphs_subset
    first = pdf_bytes(tmp_path, "first")
    hits = cached.cache.cache_info().hits
    again = pdf_bytes(tmp_path, "again")
    assert cached.cache.cache_info().hits >= hits + 2  # both fonts of the chart came from the cache
    cached.cache.cache_clear()
    assert pdf_bytes(tmp_path, "afresh") == first == again
    assert b"/FontFile2" in first
    monkeypatch.setattr(_backend_pdf_ps, "get_glyphs_subset", cached.__wrapped__)
    matplotlibs = pdf_bytes(tmp_path, "matplotlib")
    assert len(matplotlibs) < len(first)  # the same charts, with the base characters on top


def test_every_subset_holds_the_printable_ascii_characters():
    from fontTools.ttLib import TTFont

    from snhr_data.charts.font_subsets import BASE_CHARACTERS, base_glyphs
    from snhr_data.charts.fonts import HOUSE_FONTS

    path = str(HOUSE_FONTS["normal"])
    font = TTFont(path)
    names = {font.getGlyphName(gid) for gid in base_glyphs(path, 0)}
    assert names == {font.getBestCmap()[code] for code in BASE_CHARACTERS}
