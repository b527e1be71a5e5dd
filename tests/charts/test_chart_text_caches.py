"""snhr_data.charts.text_caches: a chart is the same bytes in every format with the shared text caches or without."""
from __future__ import annotations

import pytest
from chart_frames import SOURCES, party_month
from matplotlib import _text_helpers, font_manager, text, textpath
from matplotlib.backends import backend_pdf
from matplotlib.ft2font import FT2Font, LoadFlags

from snhr_data import charts
from snhr_data.charts import text_caches

FORMATS = ("png", "svg", "pdf")


@pytest.fixture()
def installed():
    if not text_caches.share_text_caches():
        pytest.skip("this matplotlib's text module has another form: no shared cache is installed")


def chart_files(tmp_path, name: str) -> list[bytes]:
    """The party chart drawn afresh and saved in every format; each file's bytes."""
    chart = charts.deaths_by_party(charts.statements(party_month()), "2030-05", SOURCES)
    metadata = charts.figure_metadata("t", "2030-05", {})
    return [path.read_bytes() for path in charts.save_figure(chart.figure, tmp_path / name, metadata, FORMATS)]


def without_caches(monkeypatch) -> None:
    """matplotlib's own text metrics, font lookup and font tables for the rest of the test."""
    monkeypatch.setattr(text, "_get_text_metrics_with_cache", text._get_text_metrics_with_cache.__wrapped__)
    monkeypatch.setattr(text, "get_font", text.get_font.__wrapped__)
    manager = font_manager.fontManager
    monkeypatch.setattr(manager, "_find_fonts_by_props", manager._find_fonts_by_props.__wrapped__)
    monkeypatch.setattr(backend_pdf, "_text_helpers", _text_helpers)
    monkeypatch.setattr(textpath, "_text_helpers", _text_helpers)
    monkeypatch.setattr(FT2Font, "set_size", FT2Font.set_size.__wrapped__)
    monkeypatch.setattr(FT2Font, "_layout", FT2Font._layout.__wrapped__)


def test_a_chart_is_the_same_bytes_with_shared_text_caches_or_without(installed, tmp_path, monkeypatch):
    first = chart_files(tmp_path, "first")
    measured = {key[0].__name__ for key in text._get_text_metrics_with_cache.cache}
    assert {"RendererAgg", "RendererSVG", "RendererPdf"} <= measured  # every format's texts went through it
    assert backend_pdf._text_helpers.layout is text_caches.pdf_layout
    assert textpath._text_helpers.layout is text_caches.svg_layout
    sizes = {key[1] for key in FT2Font._layout.cache}  # every format shaped its strings through the cache
    assert {dpi for _, dpi in sizes} >= {72, 300} and len(sizes) > 3
    again = chart_files(tmp_path, "again")  # every measure now from the caches
    without_caches(monkeypatch)
    assert chart_files(tmp_path, "matplotlib") == first == again


def test_the_font_lookup_gives_matplotlibs_fonts_and_follows_the_font_rcparams(installed):
    properties = font_manager.FontProperties(family=["SNHR Sans", "DejaVu Sans"], size=7, weight="bold")
    find = font_manager.fontManager._find_fonts_by_props
    with charts.house_style():
        assert find(properties) == find.__wrapped__(properties)
        generic = font_manager.FontProperties(family=["sans-serif"])
        house = find(generic)
        with pytest.MonkeyPatch.context() as patch:
            patch.setitem(font_manager.mpl.rcParams, "font.sans-serif", ["SNHR Sans"])
            assert find(generic) != house and find(generic) == find.__wrapped__(generic)


def test_nothing_is_installed_where_matplotlib_has_another_form(monkeypatch):
    def other_form(renderer, text, fontprop, ismath):  # a matplotlib that would measure without the dpi
        raise AssertionError("not called")

    monkeypatch.setattr(text, "_get_text_metrics_with_cache", other_form)
    assert not text_caches._known_form()


def glyphs(items) -> list[tuple]:
    return [(item.glyph_index, item.x, item.y) for item in items]


def test_a_shaping_is_kept_per_font_and_size(installed):
    font = font_manager.get_font(font_manager.findfont("DejaVu Sans"))
    layout = FT2Font._layout.__wrapped__
    shaped = {}
    for size, dpi in ((10, 72), (10, 300), (7.5, 72), (10, 72)):
        font.set_size(size, dpi)
        kept = glyphs(font._layout("Killed: 1,204 AVA", LoadFlags.NO_HINTING))
        assert kept == glyphs(layout(font, "Killed: 1,204 AVA", LoadFlags.NO_HINTING))
        shaped[(size, dpi)] = kept
    assert len({tuple(v) for v in shaped.values()}) == 3  # each size its own positions, the repeat from the cache
