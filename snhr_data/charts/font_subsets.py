"""One TrueType subset per font and glyph set per process, instead of one per PDF.

Why: a PDF embeds each font it uses as a subset holding the glyphs the figure draws, and matplotlib
makes that subset afresh for every PDF (``_backend_pdf_ps.get_glyphs_subset``: fontTools loads the
font file, parses its glyph, kerning and substitution tables and prunes them, about 20 ms per font
even for the small house font). A notebook saves nine PDFs with two fonts each, and a build runs
every notebook in a kernel it keeps: the same fonts with the same glyph sets come back again and
again. ``cache_font_subsets`` wraps matplotlib's function so a subset already made in this process
is served from memory. Every subset also holds the printable ASCII characters (``BASE_CHARACTERS``,
about 15 KB compressed per font): charts differ mostly by the digits and words they draw, so without
them only about half the requests repeated a glyph set (40 notebooks of the synthetic archive); with
them nearly all do. The subset depends only on the font and the glyph set, so a PDF is byte-identical
whether its subsets came from the cache or not (tested).

The cache holds at most ``MAX_SUBSETS`` subsets (tens of KB each). It is installed only where
matplotlib's function has the form this module knows (matplotlib 3.11: a font path with a face
index, the glyph indices, a context manager giving ``SubsetResults``); elsewhere every PDF subsets
its fonts as before.
"""
from __future__ import annotations

import os
from functools import lru_cache
from io import BytesIO

MAX_SUBSETS = 512
BASE_CHARACTERS = range(0x20, 0x7F)


@lru_cache(maxsize=None)
def base_glyphs(path: str, face_index: int) -> frozenset:
    """The glyph indices of ``BASE_CHARACTERS`` in the font (those it holds)."""
    from fontTools.ttLib import TTFont

    with TTFont(path, fontNumber=face_index, lazy=True) as font:
        cmap = font.getBestCmap()
        return frozenset(font.getGlyphID(cmap[code]) for code in BASE_CHARACTERS if code in cmap)


def _subset_font_class():
    from fontTools.ttLib import TTFont

    class SubsetFont(TTFont):
        """A font subset read back from its bytes; saving it writes exactly those bytes again."""

        def __init__(self, data: bytes) -> None:
            super().__init__(BytesIO(data), lazy=True)
            self.data = data

        def save(self, file, reorderTables=True) -> None:  # noqa: N803 (fontTools' parameter name)
            file.write(self.data)

    return SubsetFont


@lru_cache(maxsize=None)
def cache_font_subsets() -> bool:
    """Serve matplotlib's PDF font subsets from a per-process cache (once per process); False if not installed."""
    from matplotlib.backends import _backend_pdf_ps as pdf_ps

    made = getattr(pdf_ps, "get_glyphs_subset", None)
    if made is None or not hasattr(pdf_ps, "SubsetResults") or not hasattr(pdf_ps, "font_as_file"):
        return False
    subset_font = _subset_font_class()

    @lru_cache(maxsize=MAX_SUBSETS)
    def subset_bytes(fontfile, face_index: int, file_state: tuple[int, int], glyphs: frozenset) -> tuple[bytes, dict]:
        with made(fontfile, set(glyphs)) as subset:
            return pdf_ps.font_as_file(subset.font).getvalue(), dict(subset.glyph_index_map)

    def get_glyphs_subset(fontfile, glyphs):
        face_index = getattr(fontfile, "face_index", None)
        if face_index is None:  # not the form this module knows: let matplotlib do it
            return made(fontfile, glyphs)
        stat = os.stat(fontfile)
        wanted = frozenset(glyphs) | base_glyphs(str(fontfile), face_index)
        data, index_map = subset_bytes(fontfile, face_index, (stat.st_mtime_ns, stat.st_size), wanted)
        return pdf_ps.SubsetResults(subset_font(data), dict(index_map))._as_cm()

    get_glyphs_subset.cache = subset_bytes  # type: ignore[attr-defined]
    get_glyphs_subset.__wrapped__ = made  # type: ignore[attr-defined]
    pdf_ps.get_glyphs_subset = get_glyphs_subset
    return True
