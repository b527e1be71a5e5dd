"""Provenance: the id of every figure (``<source_file>:<line>:<n>``) and the statements behind a figure, a
derived-table row or an audit finding (``explain``), quoted with file and line."""
from __future__ import annotations

from typing import Mapping

import pandas as pd

from .codes import FIGURE_COLUMNS
from .numbers import number_text
from .periods import is_period

EXPLAIN_COLUMNS = ["figure_id"] + FIGURE_COLUMNS[:10] + ["source_file", "line", "quote", "note"]
QUALIFIER_WORDS = {"at_least": "at least ", "about": "about "}  # put before a number; 'exact' has none


def figure_ids(figures: pd.DataFrame) -> pd.Series:
    """``<source_file>:<line>:<n>`` for every figure, ``n`` = 1-based rank among the figures of that line.

    >>> f = pd.DataFrame({"source_file": ["a.txt", "a.txt", "a.txt"], "line": [3, 3, 9]})
    >>> figure_ids(f).tolist()
    ['a.txt:3:1', 'a.txt:3:2', 'a.txt:9:1']
    """
    if figures.empty:
        return pd.Series([], index=figures.index, dtype="str", name="figure_id")
    rank = figures.groupby(["source_file", "line"], sort=False).cumcount() + 1
    ids = figures["source_file"].astype(str) + ":" + figures["line"].astype(int).astype(str) + ":" + rank.astype(str)
    return ids.rename("figure_id")


def with_figure_ids(figures: pd.DataFrame) -> pd.DataFrame:
    """A copy of ``figures`` with a ``figure_id`` column (last), replacing any existing one."""
    out = figures.drop(columns=["figure_id"], errors="ignore").copy()
    out["figure_id"] = figure_ids(out)
    return out


def prepared(figures: pd.DataFrame) -> pd.DataFrame:
    """``figures`` checked for what the audit relies on, with a ``figure_id`` column; never mutated.

    Raises ``ValueError`` naming the file and line of a row with a malformed period or no value.
    """
    missing = [c for c in FIGURE_COLUMNS if c not in figures.columns]
    if missing:
        raise ValueError(f"the figures table lacks column(s) {', '.join(missing)}")
    bad = ~figures["period"].map(is_period).astype(bool) | figures["value"].isna()
    if bad.any():
        row = figures[bad].iloc[0]
        where = f"{row.source_file}:{row.line}"
        if not is_period(row.period):
            raise ValueError(f"{where}: period {row.period!r} is not YYYY-MM, YYYY or YYYY-MM/YYYY-MM")
        raise ValueError(f"{where}: figure {row.measure}/{row.victim_group}/{row.perpetrator} has no value")
    return figures.copy() if "figure_id" in figures.columns else with_figure_ids(figures)


def explain(figures: pd.DataFrame, row: Mapping | pd.Series | None = None, **selectors: object) -> pd.DataFrame:
    """The statements (quote, file, line) behind a figure, a derived-table row or a finding.

    ``row`` may be a derived-table row (its ``source_rows``), a finding (its ``sources``), a figures row
    (its ``figure_id``) or any mapping of figure columns; ``selectors`` filter on figure columns
    (a list/tuple/set means any of). ``explain(figures, report='2023-12', victim_group='children',
    perpetrator='all', period='2023-12')`` shows both statements of the December 2023 children total.
    """
    figures = prepared(figures)
    unknown = [c for c in selectors if c not in figures.columns]
    if unknown:
        raise ValueError(f"explain: unknown column(s) {', '.join(unknown)}; use {', '.join(EXPLAIN_COLUMNS)}")
    chosen = figures
    if row is not None:
        chosen = rows_behind(figures, dict(row))
    for column, wanted in selectors.items():
        wanted = [as_column_type(figures[column], w) for w in (wanted if is_many(wanted) else [wanted])]
        chosen = chosen[chosen[column].isin(wanted)]
    return chosen[EXPLAIN_COLUMNS].reset_index(drop=True)


def is_many(value: object) -> bool:
    return isinstance(value, (list, tuple, set))


def as_column_type(column: pd.Series, value: object) -> object:
    """A selector given as text (on the command line) compared as a number for numeric columns."""
    if isinstance(value, str) and pd.api.types.is_numeric_dtype(column):
        try:
            return float(value)
        except ValueError as err:
            raise ValueError(f"explain: {column.name} is numeric, got {value!r}") from err
    return value


def rows_behind(figures: pd.DataFrame, row: dict) -> pd.DataFrame:
    for column in ("source_rows", "sources", "figure_id"):
        ids = [i for i in str(row.get(column) or "").split(";") if i]
        if ids:
            missing = [i for i in ids if i not in set(figures["figure_id"])]
            if missing:
                raise ValueError(f"explain: figure id(s) {', '.join(missing)} are not in the figures table")
            order = {figure_id: n for n, figure_id in enumerate(ids)}
            found = figures[figures["figure_id"].isin(ids)]
            return found.sort_values("figure_id", key=lambda s: s.map(order), kind="stable")
    keys = {c: row[c] for c in FIGURE_COLUMNS[:8] if c in row}
    if not keys:
        raise ValueError("explain: the row has no source_rows, sources, figure_id or figure columns")
    mask = pd.Series(True, index=figures.index)
    for column, value in keys.items():
        mask &= figures[column] == value
    return figures[mask]


def format_explanation(explained: pd.DataFrame) -> str:
    """One block per statement: the figure, then file:line and the quote."""
    if explained.empty:
        return "No figure matches."
    blocks = []
    for row in explained.to_dict("records"):
        qualifier = QUALIFIER_WORDS.get(row["qualifier"], "")
        unit = " percent" if row["unit"] == "percent" else ""
        blocks.append(f"{row['report']} {row['period']} {row['measure']} [{row['victim_group']}] "
                      f"{row['perpetrator']} {row['governorate']} = {qualifier}{number_text(row['value'])}{unit}\n"
                      f"  {row['source_file']}:{row['line']}  \"{row['quote']}\"")
    return "\n".join(blocks) + "\n"
