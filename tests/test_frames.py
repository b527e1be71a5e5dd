"""``snhr_data.frames``: the plain-Python views give what pandas gives, missing values included."""
from __future__ import annotations

import math

import pandas as pd
from hypothesis import given, settings
from hypothesis import strategies as st

from snhr_data.frames import records, row_groups

CODES = st.sampled_from(["all", "children", "sdf", "", None])
ROWS = st.lists(st.tuples(CODES, CODES, st.sampled_from([1.0, 2.5, math.nan]), st.integers(0, 9)), max_size=25)


def frame_of(rows: list[tuple]) -> pd.DataFrame:
    return pd.DataFrame(rows, columns=["a", "b", "value", "line"]).astype({"a": "str", "b": "str", "line": "int64"})


def same(first: object, second: object) -> bool:
    missing = [v is None or (isinstance(v, float) and math.isnan(v)) for v in (first, second)]
    return all(missing) or (not any(missing) and first == second)


@settings(max_examples=30, deadline=None)
@given(ROWS)
def test_row_groups_are_the_groups_of_pandas_in_order_of_first_appearance(rows):
    frame = frame_of(rows)
    groups = frame.groupby(["a", "b", "value"], sort=False, dropna=False).indices
    expected = [(key, list(positions)) for key, positions in groups.items()]
    first_seen = sorted(expected, key=lambda item: item[1][0])
    got = list(row_groups(frame, ["a", "b", "value"]).items())
    assert [positions for _, positions in got] == [list(positions) for _, positions in first_seen]
    assert all(same(g, e) for (got_key, _), (key, _) in zip(got, first_seen) for g, e in zip(got_key, key))


@settings(max_examples=30, deadline=None)
@given(ROWS)
def test_records_are_to_dict_records(rows):
    frame = frame_of(rows)
    expected = frame.to_dict("records")
    got = records(frame)
    assert len(got) == len(expected)
    assert all(list(g) == list(e) and all(same(g[c], e[c]) and type(g[c]) is type(e[c]) for c in e)
               for g, e in zip(got, expected))
