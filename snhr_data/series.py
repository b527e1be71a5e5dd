"""One series across every report: each count any report states, with every value stated for it.

SNHR restates figures: a month's toll appears in its monthly report and again in later year-to-date
and annual statements, sometimes with another value. ``build_series`` gives one row per period,
measure, victim group, party and governorate that any report states as a count, with the value first
published and the latest one, the report stating each, and whether the statements disagree.

Statements are ordered by report month, then source file and line, then their order within the line
(the figures table's order): "first" and "latest" are the first and last statements in that order.
A period that no report states has no row: absent, never zero.
"""
from __future__ import annotations

import pandas as pd

from .numbers import number_text
from .provenance import with_figure_ids
from .frames import row_groups
from .tables import sort_rows

SERIES_KEY = ["period", "measure", "victim_group", "perpetrator", "governorate"]
SERIES_COLUMNS = SERIES_KEY + [
    "first_value", "first_report", "latest_value", "latest_report",
    "n_statements", "n_reports", "reports", "revised", "values", "source_rows",
]
STATEMENT_ORDER = ["report", "source_file", "line"]


def statements_in_order(figures: pd.DataFrame) -> pd.DataFrame:
    """The count figures, with figure ids, in publication order (report month, file, line, rank on the line)."""
    counts = figures[figures["unit"] == "count"]
    if "figure_id" not in counts.columns:
        counts = with_figure_ids(counts)
    return counts.sort_values(STATEMENT_ORDER, kind="stable")


def distinct_in_order(values: list[float]) -> list[float]:
    """``values`` without repeats, each where it first appears.

    >>> distinct_in_order([14.0, 15.0, 14.0, 13.0])
    [14.0, 15.0, 13.0]
    """
    return list(dict.fromkeys(values))


def series_row(values: list[float], reports: list[str], figure_ids: list[str]) -> dict:
    """The series cells of one figure from the value, report and id of each of its statements (in publication order)."""
    distinct = distinct_in_order(values)
    return {
        "first_value": values[0],
        "first_report": reports[0],
        "latest_value": values[-1],
        "latest_report": reports[-1],
        "n_statements": len(values),
        "n_reports": len(set(reports)),
        "reports": ";".join(sorted(set(reports))),
        "revised": len(distinct) > 1,
        "values": ";".join(number_text(v) for v in distinct),
        "source_rows": ";".join(figure_ids),
    }


def build_series(figures: pd.DataFrame) -> pd.DataFrame:
    """One row per (period, measure, victim_group, perpetrator, governorate) count any report states.

    Columns: the key, ``first_value``/``first_report`` and ``latest_value``/``latest_report`` (by report
    month, ties by source file and line), ``n_statements``, ``n_reports``, ``reports`` (every report stating it, ``;``-joined), ``revised`` (the statements
    disagree), ``values`` (the distinct stated values, ``;``-joined in order of first statement) and
    ``source_rows`` (the ``figure_id`` of every statement). Rows are sorted by period, then by the code
    lists of the other key columns.
    """
    statements = statements_in_order(figures)
    values = [float(v) for v in statements["value"].tolist()]
    reports, ids = statements["report"].tolist(), statements["figure_id"].tolist()
    rows = [
        {**dict(zip(SERIES_KEY, key)),
         **series_row([values[i] for i in positions], [reports[i] for i in positions], [ids[i] for i in positions])}
        for key, positions in row_groups(statements, SERIES_KEY).items()
    ]
    series = pd.DataFrame(rows, columns=SERIES_COLUMNS).astype({
        "first_value": "float64", "latest_value": "float64",
        "n_statements": "int64", "n_reports": "int64", "revised": "bool",
    })
    return sort_rows(series, SERIES_KEY)
