"""make test's sample of a sweep: the first value of a parametrized test runs in ``make test``, the others carry the
mark ``battery`` (``make test-battery``, which CI runs too)."""
from __future__ import annotations

from collections.abc import Callable, Sequence

import pytest


def first_in_make_test(values: Sequence, ids: Callable[[object], str] | None = None) -> list:
    """``values`` as parameters, all but the first marked ``battery``."""
    return [pytest.param(value, id=ids(value) if ids else None, marks=() if i == 0 else pytest.mark.battery)
            for i, value in enumerate(values)]
