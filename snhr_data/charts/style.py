"""The house style: the matplotlib style file, figure widths, and each party's colour and chart label.

A party's colour and short label live with its code in ``snhr_data/vocab/perpetrators.yaml`` (keys
``color`` and ``short_label``), so a new party code is one entry there. Main parties use the
Okabe-Ito palette (safe for the common colour-vision deficiencies), subcategories of "other
parties" Paul Tol's "muted" palette; bars always carry the party's name as well, so colour is
never the only cue.
"""
from __future__ import annotations

import functools
import re
from contextlib import contextmanager
from functools import lru_cache
from typing import Callable, Iterator, NamedTuple, Sequence, TypeVar

import matplotlib
import matplotlib.colors as mcolors

from ..codes import labels, load_vocab
from ..paths import PACKAGE_DIR
from .font_subsets import cache_font_subsets
from .fonts import register_house_fonts
from .text_caches import share_text_caches

Draw = TypeVar("Draw", bound=Callable)

STYLE_PATH = PACKAGE_DIR / "style" / "snhr.mplstyle"
COLUMN_WIDTH_IN = 3.5   # one journal column
PAGE_WIDTH_IN = 7.2     # two columns
NOT_STATED_COLOR = "#D9D9D9"
MAIN_PARTIES_COLOR = "#2F4858"  # the main parties taken together: a colour no single party uses


@contextmanager
def house_style() -> Iterator[None]:
    """Apply the house style (``snhr_data/style/snhr.mplstyle``) for the duration of the block.

    As ``matplotlib.rc_context(fname=...)`` does: every rcParam but the style-blacklisted ones (backend,
    interactive...) is set to matplotlib's default or the file's value, whatever the process changed
    before (an inline backend, seaborn), and restored after the block. Reading, parsing and validating
    the file and the defaults took about 5 ms each time, and a notebook enters the style some fifty
    times: the validated values are kept (``style_params``) and written back as they are.
    """
    register_house_fonts()
    cache_font_subsets()
    share_text_caches()
    params = style_params()
    if params is None:  # a matplotlib without the blacklist this module knows: let it read the file
        with matplotlib.rc_context(fname=str(STYLE_PATH)):
            yield
        return
    with matplotlib.rc_context():
        matplotlib.rcParams._update_raw({key: list(value) if type(value) is list else value
                                         for key, value in params.items()})
        yield


@lru_cache(maxsize=None)
def style_params() -> dict[str, object] | None:
    """The rcParams the house style sets (matplotlib's defaults and the file's values, validated), once per
    process; None if this matplotlib does not say which rcParams a style leaves alone."""
    from matplotlib import style

    blacklist = getattr(style, "_STYLE_BLACKLIST", None)
    if not isinstance(blacklist, (set, frozenset)) or not hasattr(matplotlib.rcParams, "_update_raw"):
        return None
    params = matplotlib.rc_params_from_file(str(STYLE_PATH), use_default_template=True)
    return {key: params[key] for key in params if key not in blacklist}


def styled(draw: Draw) -> Draw:
    """Run a chart function under the house style (rcParams are read when artists are created)."""
    @functools.wraps(draw)
    def wrapper(*args, **kwargs):
        with house_style():
            return draw(*args, **kwargs)
    return wrapper  # type: ignore[return-value]


class PartyStyle(NamedTuple):
    """How a party appears on a chart: its colour and its label (shorter than the vocabulary's, for a column)."""

    color: str
    short_label: str


@lru_cache(maxsize=None)
def party_styles() -> dict[str, PartyStyle]:
    """code -> ``PartyStyle``, from the ``color`` and ``short_label`` keys of ``vocab/perpetrators.yaml``."""
    styles = {}
    for entry in load_vocab("perpetrators"):
        code, color, short = entry["code"], entry.get("color"), entry.get("short_label")
        if not (isinstance(color, str) and re.fullmatch(r"#[0-9A-Fa-f]{6}", color)):
            raise ValueError(f"snhr_data/vocab/perpetrators.yaml: party {code!r} needs a `color` such as '#D55E00'")
        if not (isinstance(short, str) and short.strip()):
            raise ValueError(f"snhr_data/vocab/perpetrators.yaml: party {code!r} needs a `short_label` for charts")
        styles[code] = PartyStyle(color, short)
    return styles


def party_label(code: str) -> str:
    style = party_styles().get(code)
    return style.short_label if style else code


def governorate_label(code: str) -> str:
    return labels("governorates").get(code, code)


def party_color(code: str) -> str:
    style = party_styles().get(code)
    return style.color if style else NOT_STATED_COLOR


def tint(color: str, amount: float) -> tuple[float, float, float]:
    """``color`` mixed with white: 0 keeps it, 1 gives white."""
    red, green, blue = mcolors.to_rgb(color)
    return (red + (1 - red) * amount, green + (1 - green) * amount, blue + (1 - blue) * amount)


def text_color_on(rgb: Sequence[float] | str) -> str:
    """Black or white, whichever reads better on a bar of this colour."""
    red, green, blue = mcolors.to_rgb(rgb)
    return "black" if 0.299 * red + 0.587 * green + 0.114 * blue > 0.55 else "white"
