"""snhr_data.charts.fonts: the house font draws exactly like DejaVu Sans, holds every character charts use, embeds."""
from __future__ import annotations

import matplotlib
from chart_frames import SOURCES, footer_text, party_month
from fontTools.ttLib import TTFont
from matplotlib import font_manager
from matplotlib.figure import Figure

from snhr_data import charts
from snhr_data.charts import fonts
from snhr_data.codes import load_vocab

SAMPLE = "Armed opposition / SNA ≈12% ≥9 ↳ Jan–Nov 2024 Hay’at Tahrir al-Sham −3 Ç é ü; AV To fi ffi office"


def cmap(path) -> set[int]:
    return set(TTFont(str(path))["cmap"].getBestCmap())


def sample_png(family: list[str]) -> bytes:
    with charts.house_style():
        matplotlib.rcParams["font.family"] = family
        figure = Figure(figsize=(3.5, 0.8))
        figure.text(0.01, 0.6, SAMPLE, fontsize=7)
        figure.text(0.01, 0.2, SAMPLE, fontsize=8.5, fontweight="bold")
        return charts.png_bytes(figure)


def test_the_house_font_draws_pixel_for_pixel_like_dejavu_sans():
    assert sample_png(["SNHR Sans", "DejaVu Sans"]) == sample_png(["DejaVu Sans"])


def test_the_house_font_is_what_the_style_uses():
    with charts.house_style():
        for weight in ["normal", "bold"]:
            found = font_manager.findfont(font_manager.FontProperties(weight=weight), fallback_to_default=False)
            assert found == str(fonts.HOUSE_FONTS[weight])


def test_the_house_font_holds_every_character_of_labels_and_charts():
    chart = charts.deaths_by_party(charts.statements(party_month()), "2030-05", SOURCES)
    texts = [footer_text(chart.figure), SAMPLE, *(t.get_text() for t in chart.figure.axes[0].get_yticklabels())]
    texts += [entry[key] for name in ["perpetrators", "governorates"] for entry in load_vocab(name)
              for key in ["label", "short_label"] if key in entry]
    needed = {ord(c) for text in texts for c in text if c != "\n"}
    for path in fonts.HOUSE_FONTS.values():
        assert needed <= cmap(path), sorted(chr(c) for c in needed - cmap(path))


def test_pdfs_embed_the_house_font_as_truetype(tmp_path):
    chart = charts.deaths_by_party(charts.statements(party_month()), "2030-05", SOURCES)
    metadata = charts.figure_metadata("t", "2030-05", {})
    pdf = charts.save_figure(chart.figure, tmp_path / "chart", metadata, formats=("pdf",))[0].read_bytes()
    assert b"SNHRSans" in pdf and b"DejaVuSans" not in pdf and b"/FontFile2" in pdf


def test_make_house_font_keeps_only_the_house_characters_and_renames(tmp_path):
    source = font_manager.findfont(font_manager.FontProperties(family="DejaVu Sans"), fallback_to_default=False)
    fonts.make_house_font(source, tmp_path / "font.ttf")
    made = TTFont(str(tmp_path / "font.ttf"))
    assert set(made["cmap"].getBestCmap()) == cmap(source) & set(fonts.house_characters())
    assert made["name"].getDebugName(1) == "SNHR Sans"
    assert "GSUB" in made and "kern" in made and "GPOS" not in made
