"""Derived tables for analysts: pure functions from the figures table to tidy tables.

Every table is a function ``figures -> DataFrame`` registered in ``TABLES``; the build writes each one
to ``data/processed/<name>.csv|.parquet`` and ``snhr_data.metadata`` describes its columns and key.

Two rules hold for every table:

* **Statements are never silently merged.** A report can state the same figure more than once
  (the Dec 2023 report does, with different values). A table cell keeps the *first-stated* value
  (first in the figures table's order: report, source file, line, then order within the line) in
  ``value``; every other distinct value stated for it goes, in order of statement, into
  ``alt_values`` (``;``-separated) and ``conflict`` is true. ``n_statements`` counts the statements.
* **Every row traces back to quotes.** ``source_rows`` lists (``;``-separated) the ``figure_id`` of
  every figure the row was built from; ``figure_id`` is ``<source_file>:<line>:<n>``, ``n`` being
  the figure's rank among the figures stated on that line (``snhr_data.provenance``).

Wide tables (one value column per victim group, unit or measure) keep the same information per
cell as ``<column>:<value>`` entries in ``alt_values`` and ``<column>:<qualifier>`` entries in
``qualifiers`` (only cells whose qualifier is not ``exact``).
"""
from __future__ import annotations

from typing import Callable

import pandas as pd

from .codes import (
    MEASURES, PARENT_OF_GROUP, QUALIFIERS, SHARE_OF, SPECIAL_GROUP_MEASURES, UNITS, VICTIM_GROUPS,
    governorate_codes, perpetrator_codes, perpetrator_groups,
)
from .frames import records, row_groups
from .numbers import number_text
from .periods import containing_period, period_type
from .provenance import with_figure_ids

TableFunction = Callable[[pd.DataFrame], pd.DataFrame]

STATEMENT_COLUMNS = ["value", "qualifier", "alt_values", "conflict", "n_statements", "source_rows"]
WIDE_COLUMNS = ["qualifiers", "alt_values", "conflict", "source_rows"]
PERPETRATOR_VICTIM_COLUMNS = {"all": "all", "children": "children", "women": "women"}


# ---------------------------------------------------------------- figure ids and small helpers

def _code_ranks() -> dict[str, dict[str, int]]:
    return {
        "measure": {c: i for i, c in enumerate(MEASURES)},
        "victim_group": {c: i for i, c in enumerate(VICTIM_GROUPS)},
        "perpetrator": {c: i for i, c in enumerate(perpetrator_codes())},
        "governorate": {c: i for i, c in enumerate(governorate_codes())},
        "unit": {c: i for i, c in enumerate(UNITS)},
        "share_of": {c: i for i, c in enumerate(SHARE_OF)},
        "qualifier": {c: i for i, c in enumerate(QUALIFIERS)},
    }


def sort_rows(frame: pd.DataFrame, columns: list[str]) -> pd.DataFrame:
    """Rows sorted by ``columns``: code columns in code-list order, the others as text; index reset."""
    ranks = _code_ranks()

    def sort_key(column: pd.Series) -> pd.Series:
        order = ranks.get(column.name)
        if order is None:
            return column
        return column.map(lambda code: order.get(code, len(order)))

    return frame.sort_values(columns, key=sort_key, kind="stable").reset_index(drop=True)


def _require_ids(figures: pd.DataFrame) -> pd.DataFrame:
    return figures if "figure_id" in figures.columns else with_figure_ids(figures)


# ---------------------------------------------------------------- statements -> cells

def collapse_statements(figures: pd.DataFrame, key: list[str]) -> pd.DataFrame:
    """One row per ``key``: the first-stated value and qualifier, the other stated values, provenance.

    Columns: ``key`` + value, qualifier, alt_values, conflict, n_statements, source_rows.
    """
    figures = _require_ids(figures)
    values = [float(v) for v in figures["value"].tolist()]
    qualifiers, ids = figures["qualifier"].tolist(), figures["figure_id"].tolist()
    rows = []
    for group_key, positions in row_groups(figures, key).items():
        first = values[positions[0]]
        alternatives = list(dict.fromkeys(values[i] for i in positions[1:] if values[i] != first))
        rows.append({
            **dict(zip(key, group_key)),
            "value": first,
            "qualifier": qualifiers[positions[0]],
            "alt_values": ";".join(number_text(v) for v in alternatives),
            "conflict": bool(alternatives),
            "n_statements": len(positions),
            "source_rows": ";".join(ids[i] for i in positions),
        })
    out = pd.DataFrame(rows, columns=key + STATEMENT_COLUMNS)
    return out.astype({"value": "float64", "conflict": "bool", "n_statements": "int64"})


def widen(cells: pd.DataFrame, index: list[str], column: str, names: dict[str, str]) -> pd.DataFrame:
    """Pivot collapsed cells: one value column ``names[code]`` per code of ``column``.

    Cells whose code is not in ``names`` are dropped. A value column is NaN where the report does
    not state that figure. ``qualifiers``, ``alt_values`` hold ``<value column>:<...>`` entries.
    """
    cells = cells[cells[column].isin(list(names))]
    cells_records = records(cells)
    rows = []
    for group_key, positions in row_groups(cells, index).items():
        row = dict(zip(index, group_key))
        row.update({name: float("nan") for name in names.values()})
        qualifiers, alternatives, source_rows = [], [], []
        by_code = {cells_records[i][column]: cells_records[i] for i in positions}
        for code, name in names.items():
            cell = by_code.get(code)
            if cell is None:
                continue
            row[name] = cell["value"]
            if cell["qualifier"] != "exact":
                qualifiers.append(f"{name}:{cell['qualifier']}")
            alternatives += [f"{name}:{v}" for v in cell["alt_values"].split(";") if v]
            source_rows.append(cell["source_rows"])
        row.update({
            "qualifiers": ";".join(qualifiers),
            "alt_values": ";".join(alternatives),
            "conflict": bool(alternatives),
            "source_rows": ";".join(source_rows),
        })
        rows.append(row)
    out = pd.DataFrame(rows, columns=index + list(names.values()) + WIDE_COLUMNS)
    return out.astype({**{name: "float64" for name in names.values()}, "conflict": "bool"})


def _select(figures: pd.DataFrame, **conditions: object) -> pd.DataFrame:
    """Rows where each column equals the value given, or is in it when a list/tuple/set is given."""
    mask = pd.Series(True, index=figures.index)
    for column, wanted in conditions.items():
        if isinstance(wanted, (list, tuple, set)):
            mask &= figures[column].isin(list(wanted))
        else:
            mask &= figures[column] == wanted
    return figures[mask]


def _insert_period_type(frame: pd.DataFrame) -> pd.DataFrame:
    frame.insert(frame.columns.get_loc("period") + 1, "period_type", frame["period"].map(period_type))
    return frame


def _insert_party(frame: pd.DataFrame) -> pd.DataFrame:
    """Add ``party_group`` (total/main/combined/other/other_sub) and ``parent`` after ``perpetrator``."""
    groups = perpetrator_groups()
    at = frame.columns.get_loc("perpetrator") + 1
    party_group = frame["perpetrator"].map(groups)
    frame.insert(at, "party_group", party_group)
    frame.insert(at + 1, "parent", party_group.map(PARENT_OF_GROUP))
    return frame


# ---------------------------------------------------------------- the tables

def totals(figures: pd.DataFrame) -> pd.DataFrame:
    """Whole-country totals (all parties, all governorates) of every measure and victim group, any period."""
    key = ["report", "period", "measure", "victim_group"]
    rows = _select(figures, unit="count", perpetrator="all", governorate="all")
    cells = collapse_statements(rows, key)
    return _insert_period_type(sort_rows(cells, key))


def _by_perpetrator_of(figures: pd.DataFrame, measure: str) -> pd.DataFrame:
    index = ["report", "period", "perpetrator"]
    rows = _select(figures, unit="count", measure=measure, governorate="all",
                   victim_group=list(PERPETRATOR_VICTIM_COLUMNS))
    cells = collapse_statements(rows, index + ["victim_group"])
    wide = widen(cells, index, "victim_group", PERPETRATOR_VICTIM_COLUMNS)
    return _insert_party(_insert_period_type(sort_rows(wide, index)))


def by_perpetrator(figures: pd.DataFrame) -> pd.DataFrame:
    """Civilian deaths by perpetrator (all governorates), with children and women as columns."""
    return _by_perpetrator_of(figures, "civilian_deaths")


def torture_by_perpetrator(figures: pd.DataFrame) -> pd.DataFrame:
    """Deaths under torture by perpetrator (all governorates), with children and women as columns."""
    return _by_perpetrator_of(figures, "torture_deaths")


MASSACRE_COLUMNS = {
    "massacres/all": "massacres",
    "massacre_deaths/all": "deaths",
    "massacre_deaths/children": "children_deaths",
    "massacre_deaths/women": "women_deaths",
}


def massacres(figures: pd.DataFrame) -> pd.DataFrame:
    """Massacres and the civilians killed in them, by perpetrator (all governorates)."""
    index = ["report", "period", "perpetrator"]
    rows = _select(figures, unit="count", measure=["massacres", "massacre_deaths"], governorate="all")
    rows = rows.assign(cell=rows["measure"] + "/" + rows["victim_group"])
    cells = collapse_statements(rows, index + ["cell"])
    wide = widen(cells, index, "cell", MASSACRE_COLUMNS)
    return _insert_party(_insert_period_type(sort_rows(wide, index)))


def special_groups(figures: pd.DataFrame) -> pd.DataFrame:
    """Deaths of medical personnel, media workers and Civil Defense members, by perpetrator (long)."""
    key = ["report", "period", "measure", "victim_group", "perpetrator"]
    rows = _select(figures, unit="count", measure=SPECIAL_GROUP_MEASURES, governorate="all")
    cells = collapse_statements(rows, key)
    return _insert_party(_insert_period_type(sort_rows(cells, key)))


GOVERNORATE_COLUMNS = {"count": "deaths", "percent": "percent"}


def governorates(figures: pd.DataFrame) -> pd.DataFrame:
    """Deaths by governorate and perpetrator: the stated count and the stated share.

    ``percent`` is the governorate's share of the same party's deaths in all governorates.
    """
    index = ["report", "period", "measure", "victim_group", "perpetrator", "governorate"]
    rows = figures[(figures["governorate"] != "all") & figures["share_of"].isin(["", "governorate"])]
    cells = collapse_statements(rows, index + ["unit"])
    wide = widen(cells, index, "unit", GOVERNORATE_COLUMNS)
    return _insert_period_type(sort_rows(wide, index))


def shares(figures: pd.DataFrame) -> pd.DataFrame:
    """Every percentage a report states, with the dimension it is a share across (``share_of``)."""
    key = ["report", "period", "measure", "victim_group", "perpetrator", "governorate", "share_of"]
    cells = collapse_statements(_select(figures, unit="percent"), key)
    return _insert_period_type(sort_rows(cells, key))


def period_shares(figures: pd.DataFrame) -> pd.DataFrame:
    """A month's stated share of the year (or year to date), beside the counts the report states.

    ``of_period`` is the year, else the longest year-to-date range, for which the same report states
    a count of the same figure; ``computed_percent`` = 100 * ``month_count`` / ``of_count``, rounded to
    one decimal, for comparing with the stated ``percent``.
    """
    dims = ["measure", "victim_group", "perpetrator", "governorate"]
    key = ["report", "period"] + dims
    percents = collapse_statements(_select(figures, unit="percent", share_of="period"), key)
    counts = collapse_statements(_select(figures, unit="count"), key)
    count_records = records(counts)
    count_of = {tuple(r[c] for c in key): r for r in count_records}
    periods_of: dict[tuple, list[str]] = {}
    for r in count_records:
        periods_of.setdefault(tuple(r[c] for c in ["report"] + dims), []).append(r["period"])

    rows = []
    for cell in records(percents):
        same = tuple(cell[c] for c in ["report"] + dims)
        of_period = containing_period(periods_of.get(same, []), cell["period"]) or ""
        month = count_of.get(tuple(cell[c] for c in key))
        of = count_of.get((cell["report"], of_period, *same[1:])) if of_period else None
        month_count = month["value"] if month else float("nan")
        of_count = of["value"] if of else float("nan")
        computed = round(100 * month_count / of_count, 1) if month and of and of_count > 0 else float("nan")
        rows.append({
            **{c: cell[c] for c in key},
            "percent": cell["value"], "qualifier": cell["qualifier"],
            "of_period": of_period, "month_count": month_count, "of_count": of_count,
            "computed_percent": computed,
            "alt_values": cell["alt_values"], "conflict": cell["conflict"],
            "source_rows": ";".join([cell["source_rows"]] + [c["source_rows"] for c in (month, of) if c]),
        })
    columns = key + ["percent", "qualifier", "of_period", "month_count", "of_count", "computed_percent",
                     "alt_values", "conflict", "source_rows"]
    out = pd.DataFrame(rows, columns=columns).astype(
        {"percent": "float64", "month_count": "float64", "of_count": "float64",
         "computed_percent": "float64", "conflict": "bool"})
    return _insert_period_type(sort_rows(out, key))


def series(figures: pd.DataFrame) -> pd.DataFrame:
    """Every count any report states, across reports, with its revisions (``snhr_data.series``)."""
    from .series import build_series  # imported here: snhr_data.series builds on this module

    return build_series(figures)


TABLES: dict[str, TableFunction] = {
    "totals": totals,
    "by_perpetrator": by_perpetrator,
    "torture_by_perpetrator": torture_by_perpetrator,
    "massacres": massacres,
    "special_groups": special_groups,
    "governorates": governorates,
    "shares": shares,
    "period_shares": period_shares,
    "series": series,
}


def build_tables(figures: pd.DataFrame) -> dict[str, pd.DataFrame]:
    """Every table of ``TABLES`` built from ``figures`` (figure ids are added if missing)."""
    figures = _require_ids(figures)
    return {name: function(figures) for name, function in TABLES.items()}
