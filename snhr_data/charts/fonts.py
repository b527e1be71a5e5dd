"""The house font: DejaVu Sans cut down to the characters charts use, so that PDFs embed it cheaply.

Why: a PDF keeps its text as embedded TrueType (``pdf.fonttype: 42``, what journals ask for), and
matplotlib subsets the font file for every figure it saves. Subsetting DejaVu Sans (6,241 glyphs,
large OpenType layout tables) took about 0.2 s per font per PDF, most of a chart's cost. "SNHR Sans"
is the same font holding only the Latin, punctuation, arrow and math characters charts draw (about
780 glyphs), with outlines, hinting, the substitutions (GSUB: the f-ligatures) and the kerning
pairs, but kerning as the classic ``kern`` table instead of the much larger GPOS table, which
HarfBuzz applies the same way (tests/charts/test_chart_fonts.py checks that text draws pixel for pixel
as in DejaVu Sans). A subset then takes a few milliseconds. The style file names DejaVu Sans after
it: a character outside these ranges is still drawn, from the full font.

The two files in ``snhr_data/style/fonts/`` are made by ``python -m snhr_data.charts.fonts`` from the
DejaVu Sans that matplotlib ships (DejaVu's licence allows modified copies under another name).
"""
from __future__ import annotations

from functools import lru_cache
from pathlib import Path

from ..paths import PACKAGE_DIR

FONT_DIR = PACKAGE_DIR / "style" / "fonts"
HOUSE_FAMILY = "SNHR Sans"
HOUSE_FONTS = {"normal": FONT_DIR / "SNHRSans.ttf", "bold": FONT_DIR / "SNHRSans-Bold.ttf"}
# Basic Latin, Latin-1 and Latin Extended-A, general punctuation (dashes, quotes, ellipsis), arrows (↳), math (≈ ≥ −).
CHARACTER_RANGES = [(0x20, 0x7E), (0xA0, 0x17F), (0x2010, 0x203A), (0x2190, 0x21FF), (0x2200, 0x22FF)]


def house_characters() -> list[int]:
    """The code points the house font holds."""
    return [code for first, last in CHARACTER_RANGES for code in range(first, last + 1)]


@lru_cache(maxsize=None)
def register_house_fonts() -> None:
    """Make the house font known to matplotlib (once per process)."""
    from matplotlib import font_manager

    for path in HOUSE_FONTS.values():
        font_manager.fontManager.addfont(str(path))


def make_house_font(source: Path, target: Path) -> None:
    """Write ``source`` (a DejaVu Sans file) cut down to ``house_characters`` and renamed, to ``target``."""
    from fontTools import subset

    options = subset.Options()
    options.layout_features = ["*"]  # matplotlib shapes text with HarfBuzz: keep every substitution
    options.legacy_kern = True  # kerning from the small `kern` table ...
    options.name_IDs = ["*"]  # keep the copyright and licence records
    options.name_languages = ["*"]
    options.notdef_outline = True
    options.glyph_names = True
    options.drop_tables += ["FFTM", "MATH", "GPOS"]  # ... not from GPOS, slow to subset
    font = subset.load_font(str(source), options)
    subsetter = subset.Subsetter(options)
    subsetter.populate(unicodes=house_characters())
    subsetter.subset(font)
    for record in font["name"].names:
        if record.nameID in (1, 3, 4, 6, 16, 17, 18):  # family, unique id, full and PostScript names
            record.string = record.toUnicode().replace("DejaVu Sans", HOUSE_FAMILY).replace("DejaVuSans", "SNHRSans")
    target.parent.mkdir(parents=True, exist_ok=True)
    subset.save_font(font, str(target), options)


def make_house_fonts() -> list[Path]:
    """Remake both house font files from matplotlib's DejaVu Sans; return their paths."""
    from matplotlib import font_manager

    for weight, target in HOUSE_FONTS.items():
        properties = font_manager.FontProperties(family="DejaVu Sans", weight=weight)
        make_house_font(Path(font_manager.findfont(properties, fallback_to_default=False)), target)
    return list(HOUSE_FONTS.values())


if __name__ == "__main__":
    for written in make_house_fonts():
        print(written)
