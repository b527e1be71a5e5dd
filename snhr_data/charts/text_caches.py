"""Text measurements shared by every chart of the process, instead of measured afresh for each file.

Why: text is most of a chart's drawing cost, and matplotlib measures it again and again. Its cache of
text metrics (``matplotlib.text._get_text_metrics_with_cache``) lives on the renderer object, and
every ``savefig`` makes a new renderer: the same tick label, party name or footer line is shaped
afresh (FreeType and HarfBuzz, about 15 us a character) for each of a chart's three files and for
every chart of a notebook, and a build runs every notebook in a kernel it keeps. Three caches,
installed once per process by ``share_text_caches``:

- **Text metrics** (width, height, descent), shared by all renderers of one class. They depend on the
  string, the font properties, the dpi and the renderer's class, not on the renderer object, and on
  the rcParams that choose and load a font (``FONT_RC``), which are read once per renderer (as
  matplotlib's own per-renderer cache assumes they do not change while a figure is drawn). Only the
  renderer classes whose measuring this module knows are shared (Agg, SVG, PDF: ``SHARED_RENDERERS``);
  math text and TeX go to matplotlib's cache as before.
- **Font lookup**: ``FontManager._find_fonts_by_props`` resolves the style's fallback list ("SNHR
  Sans, DejaVu Sans") with one ``findfont`` per family, some 3,000 times a notebook; its result
  depends on the properties, the font rcParams and the fonts registered, all in the key.
- **A font's size tables**: ``Text._get_layout`` reads the first font's OS/2 (or hhea) and head tables
  for every text it lays out; they are read once per font file.

- **Shaped strings** (``shared_layouts``): each format shapes every string it draws with HarfBuzz
  (``FT2Font._layout``, about 0.7 ms a string, some 8 % of a notebook's CPU), at the size the writer has
  just set on the font (Agg at the figure's dpi, PDF at 72, SVG at its path scale); the same tick labels,
  party names and footers come back in every chart of a kernel. A shaping depends on the font object, the
  size last set on it, the string, the load flags, features and language: all in the key.

And one cost left out: the PDF and SVG writers lay out each string with ``_text_helpers.layout``,
which loads every glyph's outline (about 12 us a glyph). The PDF writer only reads each glyph's index,
position and font (the outlines are embedded from the font file), so it gets the same layout without
the loading (``pdf_layout``); the SVG writer reads an outline only the first time a file uses the glyph
(``svg_layout`` loads it then).

Each value is what matplotlib computes (the first time, by matplotlib's own code), so a chart is the
same bytes with or without these caches (tested). They are installed only where matplotlib has the
form this module knows (checked by ``_known_form``, matplotlib 3.11); elsewhere nothing changes.
"""
from __future__ import annotations

import inspect
import os
import re
import weakref
from functools import lru_cache
from types import SimpleNamespace
from typing import Callable, Iterator, NamedTuple

MAX_LAYOUTS = 8192  # shaped strings (a few glyph records each); about 1,100 new in five notebooks, 87 % hits
MAX_METRICS = 16384  # (string, font, dpi, renderer class) entries, under 1 KB each; about 100 new a notebook
MAX_LOOKUPS = 4096
FONT_RC = ("text.hinting", "text.hinting_factor", "text.kerning_factor", "font.enable_last_resort",
           "pdf.use14corefonts", "font.family", "font.style", "font.variant", "font.weight", "font.stretch",
           "font.size", "font.serif", "font.sans-serif", "font.cursive", "font.fantasy", "font.monospace")


def font_rc_key() -> tuple:
    """The rcParams that choose a font and how it is loaded, hashable, with the fonts registered."""
    import matplotlib
    from matplotlib import font_manager

    params = matplotlib.rcParams
    values = [dict.__getitem__(params, name) for name in FONT_RC]  # as rcParams._get, without a call per name
    return (*[tuple(v) if type(v) is list else v for v in values],
            os.environ.get("MPL_IGNORE_SYSTEM_FONTS"), len(font_manager.fontManager.ttflist))


def shared_renderers() -> tuple[type, ...]:
    """The renderer classes whose text metrics depend only on the text, font, dpi and ``FONT_RC``."""
    from matplotlib.backends.backend_agg import RendererAgg
    from matplotlib.backends.backend_pdf import RendererPdf
    from matplotlib.backends.backend_svg import RendererSVG

    return (RendererAgg, RendererPdf, RendererSVG)


def _known_form() -> bool:
    """Whether matplotlib's text module and font manager have the form these caches replace parts of."""
    from matplotlib import font_manager, text

    metrics = getattr(text, "_get_text_metrics_with_cache", None)
    find = getattr(font_manager.FontManager, "_find_fonts_by_props", None)
    layout = getattr(text.Text, "_get_layout", None)
    if metrics is None or find is None or layout is None or not hasattr(text, "get_font"):
        return False
    if list(inspect.signature(metrics).parameters) != ["renderer", "text", "fontprop", "ismath", "dpi"]:
        return False
    if list(inspect.signature(find).parameters)[:2] != ["self", "prop"]:
        return False
    source = inspect.getsource(layout)  # the font it gets is only asked for its tables
    return ("get_font(fontManager._find_fonts_by_props(self._fontproperties))" in source
            and set(re.findall(r"\bfont\.(\w+)", source)) == {"get_sfnt_table"})


def _pdf_reads_no_glyph() -> bool:
    """Whether the PDF writer reads only the index, position and font of what ``_text_helpers.layout`` yields."""
    from matplotlib import _text_helpers
    from matplotlib.backends import backend_pdf

    helper = inspect.getsource(_text_helpers.layout)
    writer = inspect.getsource(backend_pdf.RendererPdf.draw_text)
    return (getattr(backend_pdf, "_text_helpers", None) is _text_helpers
            and "font._layout(string, LoadFlags.NO_HINTING," in helper and "load_glyph" in helper
            and set(re.findall(r"\bitem\.(\w+)", writer)) <= {"ft_object", "char", "glyph_index", "x", "y", "prev_kern"}
            and set(re.findall(r"\bitem\.ft_object\.(\w+)", writer)) <= {"fname", "face_index"})


def _svg_reads_outlines_of_new_glyphs_only() -> bool:
    """Whether ``TextToPath`` reads only the index, position, PostScript name and outline of what it lays out."""
    from matplotlib import _text_helpers, textpath

    glyphs = inspect.getsource(textpath.TextToPath.get_glyphs_with_font)
    name = inspect.getsource(textpath.TextToPath._get_glyph_repr)
    return (getattr(textpath, "_text_helpers", None) is _text_helpers
            and set(re.findall(r"\bitem\.(\w+)", glyphs)) <= {"ft_object", "glyph_index", "x", "y"}
            and set(re.findall(r"\bitem\.ft_object\.(\w+)", glyphs)) <= {"get_path"}
            and set(re.findall(r"\bfont\.(\w+)", name)) <= {"postscript_name"})


class GlyphOutline:
    """The font of one laid-out glyph, as ``TextToPath`` uses it: its name, and the glyph's outline on demand."""

    __slots__ = ("font", "glyph_index")

    def __init__(self, font, glyph_index: int) -> None:
        self.font = font
        self.glyph_index = glyph_index

    @property
    def postscript_name(self) -> str:
        return self.font.postscript_name

    def get_path(self):
        from matplotlib.ft2font import LoadFlags

        self.font.load_glyph(self.glyph_index, flags=LoadFlags.NO_HINTING)
        return self.font.get_path()


class LaidOutGlyph(NamedTuple):
    ft_object: GlyphOutline
    glyph_index: int
    x: float
    y: float


def svg_layout(string: str, font, *, features=None, language=None) -> Iterator[LaidOutGlyph]:
    """``_text_helpers.layout`` loading a glyph's outline only when its path is asked for."""
    from matplotlib.ft2font import LoadFlags

    for item in font._layout(string, LoadFlags.NO_HINTING, features=features, language=language):
        yield LaidOutGlyph(GlyphOutline(item.ft_object, item.glyph_index), item.glyph_index, item.x, item.y)


def pdf_layout(string: str, font, *, features=None, language=None):
    """``_text_helpers.layout`` without loading each glyph's outline: what the PDF writer reads of it."""
    from matplotlib.ft2font import LoadFlags

    return iter(font._layout(string, LoadFlags.NO_HINTING, features=features, language=language))


def shared_text_metrics(measured: Callable, renderers: tuple[type, ...]) -> Callable:
    """``matplotlib.text._get_text_metrics_with_cache`` with one cache per renderer class instead of per renderer."""
    from matplotlib.backends.backend_mixed import MixedModeRenderer

    rc_of_renderer: weakref.WeakKeyDictionary = weakref.WeakKeyDictionary()
    cache: dict = {}

    def text_metrics(renderer, text, fontprop, ismath, dpi):
        # PDF and SVG draw through a MixedModeRenderer: the renderer it holds now does the measuring
        measuring = renderer._renderer if type(renderer) is MixedModeRenderer else renderer
        if ismath or type(measuring) not in renderers:
            return measured(renderer, text, fontprop, ismath, dpi)
        rc = rc_of_renderer.get(renderer)
        if rc is None:
            rc = rc_of_renderer[renderer] = font_rc_key()
        fontprop = fontprop.copy()  # FontProperties are mutable; the key keeps a copy
        key = (type(measuring), rc, text, fontprop, dpi, getattr(measuring, "dpi", None))
        found = cache.get(key)
        if found is None:
            if len(cache) >= MAX_METRICS:
                cache.clear()
            found = cache[key] = measuring.get_text_width_height_descent(text, fontprop, ismath)
        return found

    text_metrics.cache = cache  # type: ignore[attr-defined]
    text_metrics.__wrapped__ = measured  # type: ignore[attr-defined]
    return text_metrics


def shared_font_lookup(find: Callable) -> Callable:
    """``FontManager._find_fonts_by_props`` of one font manager, its results kept per properties and font rcParams."""
    @lru_cache(maxsize=MAX_LOOKUPS)
    def found(prop, rc: tuple, *args) -> tuple:
        return tuple(find(prop, *args))

    def find_fonts(prop, fontext="ttf", directory=None, fallback_to_default=True, rebuild_if_missing=True):
        from matplotlib.font_manager import FontProperties

        if not isinstance(prop, FontProperties):
            return find(prop, fontext, directory, fallback_to_default, rebuild_if_missing)
        return list(found(prop.copy(), font_rc_key(), fontext, directory, fallback_to_default, rebuild_if_missing))

    find_fonts.cache = found  # type: ignore[attr-defined]
    find_fonts.__wrapped__ = find  # type: ignore[attr-defined]
    return find_fonts


class FontTables:
    """What ``Text._get_layout`` asks of a font: its sfnt tables, read once per font file list."""

    def __init__(self, paths: tuple, get_font: Callable) -> None:
        self.paths = paths
        self.get_font = get_font
        self.tables: dict[str, object] = {}

    def get_sfnt_table(self, name: str):
        if name not in self.tables:
            self.tables[name] = self.get_font(list(self.paths)).get_sfnt_table(name)
        return self.tables[name]


def shared_font_tables(get_font: Callable) -> Callable:
    """``matplotlib.text.get_font``, for the one use ``Text._get_layout`` makes of it: reading size tables."""
    @lru_cache(maxsize=MAX_LOOKUPS)
    def tables(paths: tuple) -> FontTables:
        return FontTables(paths, get_font)

    def font_tables(paths) -> FontTables:
        return tables(tuple(paths))

    font_tables.cache = tables  # type: ignore[attr-defined]
    font_tables.__wrapped__ = get_font  # type: ignore[attr-defined]
    return font_tables


def _font_sizes_known() -> bool:
    """Whether ``FT2Font`` has the ``set_size`` and ``_layout`` this module wraps (matplotlib 3.11)."""
    from matplotlib.ft2font import FT2Font

    set_size, layout = getattr(FT2Font, "set_size", None), getattr(FT2Font, "_layout", None)
    if set_size is None or layout is None:
        return False
    # pybind11 methods have no signature object; their docstrings start with it
    return (re.match(r"set_size\(self: [\w.]+, ptsize: [^,]+, dpi: [^,]+\) -> None", set_size.__doc__ or "") is not None
            and re.match(r"_layout\(self: [\w.]+, string: str, flags: \w+, \*, features: .*, language: .*\) -> list",
                         layout.__doc__ or "") is not None)


def shared_layouts(set_size: Callable, layout: Callable) -> tuple[Callable, Callable]:
    """``FT2Font.set_size`` noting each font's size, and ``FT2Font._layout`` keeping its shapings per font and size.

    The font itself is kept beside its shapings, so that a font freed and another made at the same address
    never meets the first one's shapings (the key holds the font's ``id``; a hit must be that very font).
    """
    sizes: dict[int, tuple] = {}
    cache: dict[tuple, tuple] = {}

    def noted_set_size(font, ptsize, dpi):
        sizes[id(font)] = (ptsize, dpi)
        return set_size(font, ptsize, dpi)

    def kept_layout(font, string, flags, *, features=None, language=None):
        size = sizes.get(id(font))
        if size is None:
            return layout(font, string, flags, features=features, language=language)
        key = (id(font), size, string, flags, None if features is None else tuple(features),
               language if language is None or isinstance(language, str) else tuple(map(tuple, language)))
        found = cache.get(key)
        if found is None or found[0] is not font:
            if len(cache) >= MAX_LAYOUTS:
                cache.clear()
            found = cache[key] = (font, layout(font, string, flags, features=features, language=language))
        return found[1]

    noted_set_size.__wrapped__ = set_size  # type: ignore[attr-defined]
    kept_layout.__wrapped__ = layout  # type: ignore[attr-defined]
    kept_layout.cache = cache  # type: ignore[attr-defined]
    return noted_set_size, kept_layout


@lru_cache(maxsize=None)
def share_text_caches() -> bool:
    """Install the caches and the PDF's and SVG's layouts (once per process); False where matplotlib has another form."""
    if not _known_form():
        return False
    from matplotlib import font_manager, text

    text._get_text_metrics_with_cache = shared_text_metrics(text._get_text_metrics_with_cache, shared_renderers())
    manager = font_manager.fontManager
    manager._find_fonts_by_props = shared_font_lookup(manager._find_fonts_by_props)
    text.get_font = shared_font_tables(text.get_font)
    if _pdf_reads_no_glyph():
        from matplotlib.backends import backend_pdf

        backend_pdf._text_helpers = SimpleNamespace(layout=pdf_layout, __wrapped__=backend_pdf._text_helpers)
    if _font_sizes_known():
        from matplotlib.ft2font import FT2Font

        FT2Font.set_size, FT2Font._layout = shared_layouts(FT2Font.set_size, FT2Font._layout)
    if _svg_reads_outlines_of_new_glyphs_only():
        from matplotlib import textpath

        textpath._text_helpers = SimpleNamespace(layout=svg_layout, __wrapped__=textpath._text_helpers)
    return True
