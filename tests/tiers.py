"""make test's sample of a sweep: the first value of a parametrized test runs in ``make test``, the others carry the
mark ``battery`` (``make test-battery``, which CI runs too)."""
from __future__ import annotations

from collections.abc import Callable, Sequence

import pytest


def first_in_make_test(values: Sequence, ids: Callable[[object], str] | Sequence[str] | None = None) -> list:
    """``values`` as parameters (a tuple of values for several argument names), all but the first marked
    ``battery``; ``ids``: a function of the value, or one id per value."""
    def id_of(i: int, value: object) -> str | None:
        return None if ids is None else ids(value) if callable(ids) else ids[i]

    return [pytest.param(*(value if isinstance(value, tuple) else (value,)), id=id_of(i, value),
                         marks=() if i == 0 else pytest.mark.battery)
            for i, value in enumerate(values)]
