"""Derived tables on small hand-built figures tables."""
from __future__ import annotations

import math

import pandas as pd
import pytest

from snhr_data.codes import FIGURE_COLUMNS
from snhr_data.periods import period_type
from snhr_data.provenance import figure_ids, with_figure_ids
from snhr_data.tables import (
    TABLES, build_tables, by_perpetrator, collapse_statements, governorates, massacres,
    period_shares, shares, special_groups, torture_by_perpetrator, totals,
)

DEFAULTS = dict(report="2024-11", period="2024-11", measure="civilian_deaths", victim_group="all",
                perpetrator="all", governorate="all", unit="count", share_of="", value=1.0, qualifier="exact",
                source_file="r.txt", line=1, quote="", note="")


def figures(*rows: dict) -> pd.DataFrame:
    """A figures table from partial rows (the rest from DEFAULTS); each row on its own line unless given."""
    full = [{**DEFAULTS, "line": i + 1, **row} for i, row in enumerate(rows)]
    frame = pd.DataFrame(full, columns=FIGURE_COLUMNS)
    return frame.astype({"value": "float64", "line": "int64"})


def test_figure_ids_rank_figures_within_a_line():
    f = figures(dict(line=4), dict(line=4, victim_group="children"), dict(line=9))
    assert figure_ids(f).tolist() == ["r.txt:4:1", "r.txt:4:2", "r.txt:9:1"]


def test_with_figure_ids_does_not_touch_the_input():
    f = figures(dict())
    out = with_figure_ids(f)
    assert "figure_id" not in f.columns and out.columns[-1] == "figure_id"


@pytest.mark.parametrize("period, kind", [("2024-11", "month"), ("2024", "year"), ("2024-01/2024-11", "range")])
def test_period_type(period, kind):
    assert period_type(period) == kind


def test_a_figure_stated_twice_with_different_values_keeps_the_first_and_flags_the_conflict():
    f = figures(dict(value=14, line=3), dict(value=15, line=40), dict(value=14, line=41))
    cells = collapse_statements(with_figure_ids(f), ["report", "period", "measure"])
    assert len(cells) == 1
    cell = cells.iloc[0]
    assert cell["value"] == 14
    assert cell["alt_values"] == "15"
    assert bool(cell["conflict"]) is True
    assert cell["n_statements"] == 3
    assert cell["source_rows"] == "r.txt:3:1;r.txt:40:1;r.txt:41:1"


def test_a_figure_stated_twice_with_the_same_value_is_not_a_conflict():
    cells = collapse_statements(figures(dict(value=7), dict(value=7)), ["report"])
    assert cells.loc[0, "alt_values"] == "" and not cells.loc[0, "conflict"] and cells.loc[0, "n_statements"] == 2


def test_totals_keep_only_whole_country_counts():
    f = figures(dict(value=71), dict(value=20, victim_group="children"), dict(value=11, perpetrator="sdf"),
                dict(value=5, governorate="daraa"), dict(value=9, unit="percent", share_of="period"),
                dict(value=761, period="2024-01/2024-11"))
    out = totals(f)
    assert out[["period", "victim_group", "value"]].values.tolist() == [
        ["2024-01/2024-11", "all", 761.0], ["2024-11", "all", 71.0], ["2024-11", "children", 20.0]]
    assert out["period_type"].tolist() == ["range", "month", "month"]


def test_by_perpetrator_puts_victim_groups_in_columns_with_party_groups():
    f = figures(dict(perpetrator="sdf", value=11), dict(perpetrator="sdf", victim_group="children", value=2),
                dict(perpetrator="drowning", value=1), dict(perpetrator="sdf", measure="torture_deaths", value=3))
    out = by_perpetrator(f).set_index("perpetrator")
    assert out.loc["sdf", "all"] == 11 and out.loc["sdf", "children"] == 2 and math.isnan(out.loc["sdf", "women"])
    assert out.loc["sdf", "party_group"] == "main" and out.loc["sdf", "parent"] == "all"
    assert out.loc["drowning", "parent"] == "other_parties"
    assert out.loc["sdf", "source_rows"] == "r.txt:1:1;r.txt:2:1"
    torture = torture_by_perpetrator(f)
    assert torture["all"].tolist() == [3.0]


def test_a_conflicting_cell_of_a_wide_table_is_flagged_with_its_column():
    f = figures(dict(perpetrator="russia", value=4), dict(perpetrator="russia", victim_group="women", value=1,
                                                          qualifier="about"),
                dict(perpetrator="russia", victim_group="women", value=2))
    row = by_perpetrator(f).iloc[0]
    assert row["women"] == 1 and row["alt_values"] == "women:2" and bool(row["conflict"])
    assert row["qualifiers"] == "women:about"


def test_massacres_join_massacre_counts_and_deaths():
    f = figures(dict(measure="massacres", value=3), dict(measure="massacre_deaths", value=15),
                dict(measure="massacre_deaths", victim_group="children", value=4),
                dict(measure="massacres", perpetrator="israel", value=1))
    out = massacres(f).set_index("perpetrator")
    assert out.loc["all", ["massacres", "deaths", "children_deaths"]].tolist() == [3, 15, 4]
    assert out.loc["israel", "massacres"] == 1 and math.isnan(out.loc["israel", "deaths"])


def test_special_groups_keep_zero_figures():
    f = figures(dict(measure="media_worker_deaths", value=0), dict(measure="civil_defense_deaths", value=2,
                                                                   perpetrator="syrian_regime"))
    out = special_groups(f)
    assert out["measure"].tolist() == ["media_worker_deaths", "civil_defense_deaths"]
    assert out["value"].tolist() == [0.0, 2.0]


def test_governorates_put_count_and_share_side_by_side():
    f = figures(dict(governorate="daraa", perpetrator="other_parties", value=22),
                dict(governorate="daraa", perpetrator="other_parties", unit="percent", share_of="governorate",
                     value=47),
                dict(governorate="hasaka", unit="percent", share_of="governorate", value=17))
    out = governorates(f).set_index(["perpetrator", "governorate"])
    assert out.loc[("other_parties", "daraa"), ["deaths", "percent"]].tolist() == [22, 47]
    assert math.isnan(out.loc[("all", "hasaka"), "deaths"])


def test_shares_hold_every_percent_with_what_it_is_a_share_of():
    f = figures(dict(unit="percent", share_of="perpetrator", perpetrator="sdf", value=15),
                dict(unit="percent", share_of="victim_group", victim_group="children_and_women", value=37),
                dict(value=71))
    out = shares(f)
    assert sorted(out["share_of"]) == ["perpetrator", "victim_group"]


def test_period_shares_find_the_year_to_date_and_compute_the_share():
    f = figures(dict(value=71), dict(value=761, period="2024-01/2024-11"), dict(value=500, period="2024-01/2024-06"),
                dict(unit="percent", share_of="period", value=9, qualifier="about"),
                dict(unit="percent", share_of="period", value=6, period="2024-05"))
    out = period_shares(f).set_index("period")
    assert out.loc["2024-11", "of_period"] == "2024-01/2024-11"
    assert out.loc["2024-11", "computed_percent"] == round(100 * 71 / 761, 1)
    assert out.loc["2024-05", "of_period"] == "2024-01/2024-11"
    assert math.isnan(out.loc["2024-05", "month_count"]) and math.isnan(out.loc["2024-05", "computed_percent"])
    assert out.loc["2024-11", "source_rows"] == "r.txt:4:1;r.txt:1:1;r.txt:2:1"


def test_period_shares_prefer_the_calendar_year():
    f = figures(dict(report="2023-12", period="2023-12", value=50),
                dict(report="2023-12", period="2023", value=1000),
                dict(report="2023-12", period="2023-01/2023-12", value=999),
                dict(report="2023-12", period="2023-12", unit="percent", share_of="period", value=5))
    assert period_shares(f).loc[0, "of_period"] == "2023"


def test_every_table_copes_with_no_figures():
    for name, frame in build_tables(figures().iloc[0:0]).items():
        assert frame.empty, name
        assert "source_rows" in frame.columns, name


def test_build_tables_covers_the_registry_and_leaves_the_input_alone():
    f = figures(dict(value=3), dict(perpetrator="sdf", value=2))
    before = f.copy()
    assert set(build_tables(f)) == set(TABLES)
    pd.testing.assert_frame_equal(f, before)
