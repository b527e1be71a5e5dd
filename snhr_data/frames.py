"""Tables as plain Python, for the loops of the tables and the audit.

At archive scale (tens of thousands of figures, thousands of cells) iterating over pandas groups or
``to_dict("records")`` costs far more than the work done per row: each group is a new frame, each
cell is boxed one at a time. These helpers read every column once and hand back plain values.
"""
from __future__ import annotations

import pandas as pd


def column_values(frame: pd.DataFrame, column: str) -> list:
    """The values of ``column`` as Python objects, missing ones as None."""
    values = frame[column].tolist()
    return [None if pd.isna(v) else v for v in values] if frame[column].hasnans else values


def records(frame: pd.DataFrame) -> list[dict]:
    """The rows of ``frame`` as dicts, in order: ``frame.to_dict("records")``, without boxing cell by cell."""
    names = list(frame.columns)
    columns = [frame[name].tolist() for name in names]
    return [dict(zip(names, values)) for values in zip(*columns)]


def row_groups(frame: pd.DataFrame, key: list[str]) -> dict[tuple, list[int]]:
    """Row positions of each distinct ``key`` value, in order of first appearance.

    The groups of ``frame.groupby(key, sort=False, dropna=False)`` (missing values form one group).
    """
    groups: dict[tuple, list[int]] = {}
    for position, group_key in enumerate(zip(*(column_values(frame, name) for name in key))):
        groups.setdefault(group_key, []).append(position)
    return groups
