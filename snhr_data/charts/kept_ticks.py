"""An axis's ticks computed once per state while a chart is laid out or saved, not at every use of them.

Why: matplotlib computes an axis's ticks afresh (``Axis._update_ticks``: the locator, the formatter, every
tick's position and label) each time the axis is drawn or measured: the axis's own draw and bounding box,
each spine's extent, the label positions of the sibling axes. That is some eighteen computations per axis
for a chart saved in three formats, and as many again in constrained layout's two passes: up to a tenth of
a chart's cost, and most of the archive heatmaps'. The ticks depend only on the axis's ``tick_state`` and
on rcParams, which nothing changes while ``layout.finish`` lays a chart out or ``book.save_figure`` saves
it: inside ``ticks_kept`` an axis keeps the ticks of its last computation and computes them again only
when that state differs (the axes moved between two layout passes, another format draws at another dpi).
matplotlib's own method is back after the block. The files are the same bytes with and without it
(tested); where an axis has no ``_update_ticks(self)`` (another matplotlib) nothing is kept.
"""
from __future__ import annotations

from contextlib import contextmanager
from functools import lru_cache
from typing import Callable, Iterator


def tick_state(axis, figure) -> tuple:
    """What an axis's ticks are computed from, apart from rcParams: the view interval, the axes' place in the
    figure and the figure's size in inches (the tick space of an automatic locator), the dpi (each format draws
    at its own), the scale, the locators and formatters, and which parts of the ticks are shown."""
    return (tuple(axis.get_view_interval()), tuple(axis.axes._position.bounds), tuple(figure.get_size_inches()),
            figure.dpi, id(axis._scale), id(axis.major.locator), id(axis.major.formatter), id(axis.minor.locator),
            id(axis.minor.formatter), dict(axis._major_tick_kw), dict(axis._minor_tick_kw))


@lru_cache(maxsize=None)
def _computes_ticks(axis_type: type) -> bool:
    """Whether this matplotlib's axes compute their ticks in a method ``_update_ticks(self)``."""
    import inspect

    update = getattr(axis_type, "_update_ticks", None)
    return callable(update) and list(inspect.signature(update).parameters) == ["self"]


def _can_keep_ticks(axis) -> bool:
    return (_computes_ticks(type(axis)) and "_update_ticks" not in vars(axis) and hasattr(axis.axes, "_position")
            and all(hasattr(axis, name) for name in ("_scale", "major", "minor", "_major_tick_kw", "_minor_tick_kw")))


@contextmanager
def ticks_kept(figure) -> Iterator[None]:
    """For the block, each axis of ``figure`` computes its ticks again only when its ``tick_state`` changed."""
    kept = []
    for ax in figure.get_axes():
        for axis in getattr(ax, "_axis_map", {}).values():
            if _can_keep_ticks(axis):
                axis._update_ticks = _kept_ticks(axis, figure, type(axis)._update_ticks.__get__(axis))
                kept.append(axis)
    try:
        yield
    finally:
        for axis in kept:
            del axis._update_ticks


def _kept_ticks(axis, figure, update: Callable[[], list]) -> Callable[[], list]:
    """``update`` (the axis's ``_update_ticks``) run again only when the axis's ``tick_state`` changed."""
    last: list = []

    def update_ticks() -> list:
        state = tick_state(axis, figure)
        if not last or last[0] != state:
            last[:] = [state, update()]
        return last[1]

    update_ticks.__wrapped__ = update  # type: ignore[attr-defined]
    return update_ticks
