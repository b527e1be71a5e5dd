"""Tests of snhr_data.audit: each check on small constructed figures (one that fails it, one that passes),
then the genuine inconsistencies of the five reports in data/raw (and the reports that add up)."""
from __future__ import annotations

import math
import shutil

import pandas as pd
import pytest
from click.testing import CliRunner

from snhr_data import audit, provenance
from snhr_data.codes import FIGURE_COLUMNS
from snhr_data.paths import raw_dir
from snhr_data.provenance import with_figure_ids
from snhr_data.tables import by_perpetrator

REPORT = "2031-03"  # a made-up month: constructed figures are not the reports' figures


def fig(value: float, *, perpetrator: str = "all", victim_group: str = "all", measure: str = "civilian_deaths",
        period: str = REPORT, report: str = REPORT, governorate: str = "all", unit: str = "count",
        share_of: str = "", qualifier: str = "exact", line: int = 1, source_file: str = "r.txt",
        quote: str = "") -> dict:
    return {"report": report, "period": period, "measure": measure, "victim_group": victim_group,
            "perpetrator": perpetrator, "governorate": governorate, "unit": unit, "share_of": share_of,
            "value": float(value), "qualifier": qualifier, "source_file": source_file, "line": line,
            "quote": quote or f"figure on line {line}", "note": ""}


def frame(*rows: dict) -> pd.DataFrame:
    """Figures with distinct lines (in the order given) unless a row sets its own."""
    numbered = [{**row, "line": row["line"] if row["line"] != 1 else i + 1} for i, row in enumerate(rows)]
    return pd.DataFrame(numbered, columns=FIGURE_COLUMNS)


def checks_of(findings: pd.DataFrame) -> list[str]:
    return findings["check"].tolist()


# ---------------------------------------------------------------- party breakdown

def complete_parties(total: float, regime: float = 30, sdf: float = 10, other: float = 60) -> pd.DataFrame:
    return frame(fig(total), fig(regime, perpetrator="syrian_regime"), fig(sdf, perpetrator="sdf"),
                 fig(other, perpetrator="other_parties"))


def test_party_breakdown_flags_a_total_the_parties_do_not_add_up_to():
    findings = audit.check_party_breakdown(complete_parties(total=101))
    assert checks_of(findings) == ["party_breakdown"]
    row = findings.iloc[0]
    assert (row["stated"], row["expected"], row["severity"]) == (101, 100, "error")
    assert "r.txt:1" in row["detail"] and "syrian_regime 30 (r.txt:2" in row["detail"]


def test_party_breakdown_passes_when_parties_add_up():
    assert audit.check_party_breakdown(complete_parties(total=100)).empty


def test_party_breakdown_without_other_parties_is_a_partial_list():
    partial = frame(fig(100), fig(30, perpetrator="syrian_regime"), fig(10, perpetrator="sdf"))
    assert audit.check_party_breakdown(partial).empty


def test_partial_party_list_may_still_not_exceed_the_total():
    partial = frame(fig(30), fig(25, perpetrator="syrian_regime"), fig(10, perpetrator="sdf"))
    findings = audit.check_party_breakdown(partial)
    assert findings["expected"].tolist() == [35] and "more than the whole" in findings.iloc[0]["detail"]


def test_other_party_subcategories_stand_in_for_a_missing_other_parties_figure():
    massacres = dict(measure="massacres")
    rows = frame(fig(9, **massacres), fig(4, perpetrator="syrian_regime", **massacres),
                 fig(2, perpetrator="landmines_unidentified", **massacres),
                 fig(2, perpetrator="drowning", **massacres))
    assert audit.check_party_breakdown(rows)["expected"].tolist() == [8]
    rows.loc[0, "value"] = 8
    assert audit.check_party_breakdown(rows).empty


def test_children_by_party_count_parties_stated_without_children_as_none():
    rows = pd.concat([complete_parties(total=100), frame(
        fig(12, victim_group="children"), fig(5, victim_group="children", perpetrator="syrian_regime"),
        fig(6, victim_group="children", perpetrator="other_parties"))], ignore_index=True)
    rows["line"] = range(1, len(rows) + 1)
    findings = audit.check_party_breakdown(rows)
    assert findings[["victim_group", "stated", "expected"]].values.tolist() == [["children", 12, 11]]
    assert "sdf 0 (not stated, read as none)" in findings.iloc[0]["detail"]
    rows.loc[rows["value"] == 12, "value"] = 11
    assert audit.check_party_breakdown(rows).empty


def test_children_and_women_total_is_not_read_as_broken_down_by_party():
    rows = pd.concat([complete_parties(total=100), frame(fig(26, victim_group="children_and_women"))],
                     ignore_index=True)
    rows["line"] = range(1, len(rows) + 1)
    assert audit.check_party_breakdown(rows).empty


def test_torture_by_party_is_checked_against_the_torture_total():
    torture = dict(measure="torture_deaths")
    rows = frame(fig(11, **torture), fig(7, perpetrator="syrian_regime", **torture),
                 fig(3, perpetrator="other_parties", **torture))
    assert audit.check_party_breakdown(rows)[["measure", "expected"]].values.tolist() == [["torture_deaths", 10]]


def test_at_least_total_allows_more_but_not_fewer():
    rows = frame(fig(40, qualifier="at_least"), fig(30, perpetrator="syrian_regime"),
                 fig(15, perpetrator="other_parties"))
    assert audit.check_party_breakdown(rows).empty
    rows.loc[0, "value"] = 50
    assert audit.check_party_breakdown(rows)["stated"].tolist() == [50]


# ---------------------------------------------------------------- other parties

def subcategories(other: float, *values_and_codes: tuple[float, str]) -> pd.DataFrame:
    return frame(fig(other, perpetrator="other_parties"),
                 *[fig(v, perpetrator=code) for v, code in values_and_codes])


def test_other_party_subcategories_must_add_up_to_other_parties():
    findings = audit.check_other_parties_breakdown(
        subcategories(47, (16, "gunfire_unidentified"), (10, "landmines_unidentified"), (3, "bombings_unidentified")))
    assert findings[["perpetrator", "stated", "expected", "severity"]].values.tolist() == [
        ["other_parties", 47, 29, "error"]]


def test_other_party_subcategories_that_add_up_pass():
    assert audit.check_other_parties_breakdown(
        subcategories(29, (16, "gunfire_unidentified"), (10, "landmines_unidentified"), (3, "drowning"))).empty


def test_a_single_subcategory_is_an_example_not_the_distribution():
    assert audit.check_other_parties_breakdown(subcategories(47, (9, "israel"))).empty
    assert not audit.check_other_parties_breakdown(subcategories(5, (9, "israel"))).empty


# ---------------------------------------------------------------- governorates

def test_governorates_may_not_exceed_the_party_total():
    rows = frame(fig(13, perpetrator="gunfire_unidentified"),
                 fig(10, perpetrator="gunfire_unidentified", governorate="daraa"),
                 fig(4, perpetrator="gunfire_unidentified", governorate="suwayda"))
    findings = audit.check_governorate_breakdown(rows)
    assert findings[["check", "expected"]].values.tolist() == [["governorate_breakdown", 14]]


def test_governorate_lists_are_never_complete():
    rows = frame(fig(13, perpetrator="gunfire_unidentified"),
                 fig(10, perpetrator="gunfire_unidentified", governorate="daraa"))
    assert audit.check_governorate_breakdown(rows).empty


# ---------------------------------------------------------------- victim groups

def test_children_and_women_not_above_the_total():
    rows = frame(fig(20), fig(15, victim_group="children"), fig(6, victim_group="women"))
    assert audit.check_victim_groups(rows)[["stated", "expected"]].values.tolist() == [[20, 21]]
    rows.loc[0, "value"] = 21
    assert audit.check_victim_groups(rows).empty


def test_stated_children_and_women_equal_their_sum():
    rows = frame(fig(26, victim_group="children_and_women"), fig(20, victim_group="children"),
                 fig(5, victim_group="women"))
    assert audit.check_victim_groups(rows)[["victim_group", "expected"]].values.tolist() == [
        ["children_and_women", 25]]
    rows.loc[2, "value"] = 6
    assert audit.check_victim_groups(rows).empty


# ---------------------------------------------------------------- percents

def percent(value: float, share_of: str, qualifier: str = "exact", **key) -> dict:
    return fig(value, unit="percent", share_of=share_of, qualifier=qualifier, **key)


def test_percent_of_the_parent_party_is_computed_from_the_counts():
    rows = pd.concat([complete_parties(total=100), frame(percent(45, "perpetrator", perpetrator="other_parties"))],
                     ignore_index=True)
    rows["line"] = range(1, len(rows) + 1)
    findings = audit.check_percents(rows)
    assert findings[["check", "stated", "expected", "severity", "unit"]].values.tolist() == [
        ["percent", 45, 60, "warning", "percent"]]
    rows.loc[rows["unit"] == "percent", "value"] = 60
    assert audit.check_percents(rows).empty


@pytest.mark.parametrize("stated, qualifier, flagged", [
    (51, "exact", False),   # 51.6 truncated
    (52, "exact", False),   # 51.6 rounded
    (50, "exact", True),
    (50, "about", False),
    (49, "about", True),
    (40, "at_least", False),
    (53, "at_least", True),
])
def test_percent_tolerance_follows_the_qualifier(stated, qualifier, flagged):
    rows = frame(fig(91), fig(47, perpetrator="other_parties"),
                 percent(stated, "perpetrator", qualifier, perpetrator="other_parties"))
    assert (not audit.check_percents(rows).empty) is flagged


def test_share_of_period_uses_the_year_to_date_of_the_same_report():
    rows = frame(fig(71), fig(761, period="2031-01/2031-03"), percent(20, "period", "about"))
    assert audit.check_percents(rows)["expected"].tolist() == [9.3]
    rows.loc[2, "value"] = 9
    assert audit.check_percents(rows).empty


def test_share_of_victims_adds_children_and_women():
    rows = frame(fig(71), fig(20, victim_group="children"), fig(6, victim_group="women"),
                 percent(30, "victim_group", victim_group="children_and_women"))
    assert audit.check_percents(rows)["expected"].tolist() == [36.6]


def test_governorate_share_is_of_the_same_party():
    other = dict(perpetrator="other_parties")
    rows = frame(fig(47, **other), fig(22, governorate="daraa", **other),
                 percent(47, "governorate", governorate="daraa", **other))
    assert audit.check_percents(rows).empty
    rows.loc[2, "value"] = 40
    assert audit.check_percents(rows)["expected"].tolist() == [46.8]


def test_percent_without_the_counts_is_not_checked():
    assert audit.check_percents(frame(fig(10), percent(99, "governorate", governorate="idlib"))).empty


# ---------------------------------------------------------------- massacres

def test_each_massacre_needs_five_victims():
    rows = frame(fig(2, measure="massacres"), fig(7, measure="massacre_deaths"))
    findings = audit.check_massacre_victims(rows)
    assert findings[["measure", "stated", "expected", "severity"]].values.tolist() == [
        ["massacre_deaths", 7, 10, "error"]]
    rows.loc[1, "value"] = 10
    assert audit.check_massacre_victims(rows).empty


def test_no_massacre_means_no_massacre_victims():
    rows = frame(fig(0, measure="massacres"), fig(3, measure="massacre_deaths"))
    assert "none without a massacre" in audit.check_massacre_victims(rows).iloc[0]["detail"]


def test_at_least_massacre_victims_satisfy_the_minimum():
    rows = frame(fig(1, measure="massacres"), fig(44, measure="massacre_deaths", qualifier="at_least"))
    assert audit.check_massacre_victims(rows).empty


def test_massacre_victims_are_among_the_civilian_deaths():
    rows = frame(fig(1, measure="massacres"), fig(30, measure="massacre_deaths"), fig(25))
    assert audit.check_massacre_victims(rows)[["measure", "expected"]].values.tolist() == [["civilian_deaths", 30]]


# ---------------------------------------------------------------- stated twice

def test_stated_twice_names_the_value_the_arithmetic_supports():
    rows = pd.concat([complete_parties(total=100), frame(fig(104, line=40, quote="including 104"))],
                     ignore_index=True)
    findings = audit.check_stated_twice(rows)
    assert findings[["check", "stated", "expected", "severity"]].values.tolist() == [
        ["stated_twice", 104, 100, "warning"]]
    assert "supports 100, not 104" in findings.iloc[0]["detail"]
    assert 'r.txt:40 "including 104"' in findings.iloc[0]["detail"]


def test_stated_twice_with_the_same_value_is_no_finding():
    assert audit.check_stated_twice(frame(fig(100), fig(100))).empty


def test_stated_twice_as_a_lower_bound_and_a_number_that_fits_it_is_no_finding():
    rows = frame(fig(41, measure="massacres", qualifier="at_least"), fig(43, measure="massacres"))
    assert audit.check_stated_twice(rows).empty
    rows.loc[1, "value"] = 40
    assert not audit.check_stated_twice(rows).empty


def test_stated_twice_without_arithmetic_to_decide():
    findings = audit.check_stated_twice(frame(fig(5, perpetrator="israel"), fig(6, perpetrator="israel")))
    assert math.isnan(findings.iloc[0]["expected"])
    assert "do not decide" in findings.iloc[0]["detail"]


def test_a_sum_that_holds_under_the_other_statement_is_a_warning_saying_which():
    rows = subcategories(47, (16, "gunfire_unidentified"), (16, "landmines_unidentified"), (3, "bombings_unidentified"))
    rows = pd.concat([rows, frame(fig(15, perpetrator="bombings_unidentified", line=30))], ignore_index=True)
    findings = audit.check_other_parties_breakdown(rows)
    assert findings[["stated", "expected", "severity"]].values.tolist() == [[47, 35, "warning"]]
    assert "also stated as 15 (r.txt:30" in findings.iloc[0]["detail"]


# ---------------------------------------------------------------- across reports

def year_end(ytd: float, december: float, annual: float) -> pd.DataFrame:
    return frame(fig(ytd, report="2031-11", period="2031-01/2031-11", source_file="nov.txt"),
                 fig(december, report="2031-12", period="2031-12", source_file="dec.txt"),
                 fig(annual, report="2031-12", period="2031", source_file="dec.txt"))


def test_year_to_date_plus_december_against_the_annual_figure():
    findings = audit.check_period_sums(year_end(761, 503, 1260))
    assert findings[["check", "report", "period", "stated", "expected", "severity"]].values.tolist() == [
        ["period_sum", "2031-12", "2031", 1260, 1264, "error"]]
    assert findings.iloc[0]["reports"] == "2031-11;2031-12"
    assert "nov.txt:1" in findings.iloc[0]["detail"] and "(report 2031-11)" in findings.iloc[0]["detail"]
    assert audit.check_period_sums(year_end(761, 503, 1264)).empty


def test_annual_figure_against_its_twelve_months():
    months = [fig(10 + m, report=f"2031-{m:02d}", period=f"2031-{m:02d}") for m in range(1, 13)]
    rows = frame(*months, fig(200, report="2031-12", period="2031"))
    assert audit.check_period_sums(rows)[["stated", "expected"]].values.tolist() == [[200, 198]]
    rows.loc[12, "value"] = 198
    assert audit.check_period_sums(rows).empty


def test_months_missing_make_the_sum_a_lower_bound():
    rows = frame(fig(503, report="2031-12", period="2031-12"), fig(1264, report="2031-12", period="2031"))
    assert audit.check_period_sums(rows).empty
    rows.loc[0, "value"] = 1300
    assert audit.check_period_sums(rows)["expected"].tolist() == [1300]


# ---------------------------------------------------------------- run_checks, reading, explain

def test_run_checks_is_deterministic_and_ordered():
    rows = pd.concat([complete_parties(total=101), year_end(761, 503, 1260),
                      frame(fig(104, line=50))], ignore_index=True)
    rows["line"] = range(1, len(rows) + 1)
    findings = audit.run_checks(rows)
    assert list(findings.columns) == audit.FINDING_COLUMNS
    assert findings["report"].tolist() == sorted(findings["report"])
    assert checks_of(findings[findings["report"] == REPORT]) == ["party_breakdown", "stated_twice"]
    shuffled = audit.run_checks(rows.sample(frac=1, random_state=3).reset_index(drop=True))
    pd.testing.assert_frame_equal(findings, shuffled)


def test_run_checks_on_figures_that_agree_finds_nothing():
    assert audit.run_checks(complete_parties(total=100)).empty


def test_bad_figures_raise_naming_the_file_and_line():
    with pytest.raises(ValueError, match=r"r\.txt:1: period '2031-13'"):
        audit.run_checks(frame(fig(1, period="2031-13")))
    with pytest.raises(ValueError, match="lacks column"):
        audit.run_checks(frame(fig(1)).drop(columns=["quote"]))


def test_findings_for_report_include_cross_report_findings():
    findings = audit.run_checks(year_end(761, 503, 1260))
    assert len(audit.findings_for_report(findings, "2031-11")) == 1
    assert audit.findings_for_report(findings, "2031-10").empty


def test_format_findings_groups_by_report():
    text = audit.format_findings(audit.run_checks(complete_parties(total=101)))
    assert text.startswith(f"== report {REPORT}: 1 error")
    assert "ERROR   party_breakdown" in text


def test_explain_by_selectors_shows_quote_file_and_line():
    rows = frame(fig(14, victim_group="children", quote="including 14 children"),
                 fig(15, victim_group="children", quote="including 15 children"))
    explained = provenance.explain(rows, victim_group="children")
    assert explained[["value", "source_file", "line", "quote"]].values.tolist() == [
        [14, "r.txt", 1, "including 14 children"], [15, "r.txt", 2, "including 15 children"]]
    assert 'r.txt:2  "including 15 children"' in provenance.format_explanation(explained)
    assert provenance.explain(rows, line="2")["value"].tolist() == [15]


def test_explain_a_derived_table_row_through_its_source_rows():
    rows = with_figure_ids(frame(fig(30, perpetrator="sdf"), fig(4, perpetrator="sdf", victim_group="children")))
    table_row = by_perpetrator(rows).iloc[0]
    assert provenance.explain(rows, table_row)["line"].tolist() == [1, 2]


def test_explain_a_finding_through_its_sources():
    rows = complete_parties(total=101)
    finding = audit.run_checks(rows).iloc[0]
    assert provenance.explain(rows, finding)["line"].tolist() == [1, 2, 3, 4]


def test_explain_rejects_unknown_ids_and_columns():
    rows = frame(fig(1))
    with pytest.raises(ValueError, match="not in the figures table"):
        provenance.explain(rows, {"source_rows": "nope.txt:9:1"})
    with pytest.raises(ValueError, match="unknown column"):
        provenance.explain(rows, colour="red")


def test_check_command_exits_non_zero_on_errors_with_strict(tmp_path, monkeypatch):
    from snhr_data.cli import main

    processed = tmp_path / "data" / "processed"
    processed.mkdir(parents=True)
    with_figure_ids(complete_parties(total=101)).to_parquet(processed / "figures.parquet")
    monkeypatch.setenv("SNHR_DATA_ROOT", str(tmp_path))
    runner = CliRunner()
    result = runner.invoke(main, ["check"])
    assert result.exit_code == 0 and "ERROR   party_breakdown" in result.output
    assert runner.invoke(main, ["check", "--strict"]).exit_code == 1
    written = tmp_path / "found.csv"
    assert runner.invoke(main, ["check", "--report", "2031-01", "--strict", "-o", str(written)]).exit_code == 0
    assert pd.read_csv(written).columns.tolist() == audit.FINDING_COLUMNS


# ---------------------------------------------------------------- the five reports

@pytest.fixture(scope="module")
def report_figures() -> pd.DataFrame:
    from snhr_data.extract import extract_figures

    files = sorted(p for p in raw_dir().iterdir() if p.suffix in {".txt", ".md"})
    return pd.concat([extract_figures(p) for p in files], ignore_index=True)


@pytest.fixture(scope="module")
def report_findings(report_figures) -> pd.DataFrame:
    return audit.run_checks(report_figures)


def one_finding(findings: pd.DataFrame, **conditions: str) -> pd.Series:
    mask = pd.Series(True, index=findings.index)
    for column, value in conditions.items():
        mask &= findings[column] == value
    assert mask.sum() == 1, f"expected one finding with {conditions}, got:\n{findings[mask].to_string()}"
    return findings[mask].iloc[0]


def test_dec_2023_children_and_women_stated_twice_and_which_adds_up(report_findings):
    for group, wrong, right in [("children", 15, 14), ("women", 14, 13)]:
        row = one_finding(report_findings, check="stated_twice", report="2023-12", period="2023-12",
                          victim_group=group, perpetrator="all", measure="civilian_deaths")
        assert (row["stated"], row["expected"]) == (wrong, right)
        party = one_finding(report_findings, check="party_breakdown", report="2023-12", period="2023-12",
                            victim_group=group, measure="civilian_deaths")
        assert (party["stated"], party["expected"], party["severity"]) == (wrong, right, "warning")


def test_dec_2023_bombings_3_or_15_and_the_other_party_subcategories(report_findings):
    twice = one_finding(report_findings, check="stated_twice", report="2023-12", period="2023-12",
                        perpetrator="bombings_unidentified", victim_group="all")
    assert (twice["stated"], twice["expected"]) == (3, 15)
    subs = one_finding(report_findings, check="other_parties_breakdown", report="2023-12", period="2023-12",
                       victim_group="all")
    assert (subs["stated"], subs["expected"]) == (47, 35)
    assert "also stated as 15" in subs["detail"]


def test_2023_women_total_against_the_women_killed_by_each_party(report_findings):
    row = one_finding(report_findings, check="party_breakdown", report="2023-12", period="2023", victim_group="women")
    assert (row["stated"], row["expected"], row["severity"]) == (150, 119, "error")


def test_2024_children_total_against_the_children_killed_by_each_party(report_findings):
    row = one_finding(report_findings, check="party_breakdown", report="2024-12", period="2024",
                      victim_group="children", measure="civilian_deaths")
    assert (row["stated"], row["expected"], row["severity"]) == (242, 243, "error")


@pytest.mark.parametrize("report", ["2020-05", "2020-11", "2024-11"])
def test_reports_that_add_up_raise_no_false_alarm(report, report_figures, report_findings):
    own = report_figures[report_figures["report"] == report]
    assert {"syrian_regime", "other_parties"} <= set(own["perpetrator"]), "the extractor found no party breakdown"
    assert audit.findings_for_report(report_findings, report).empty


def test_nov_2024_year_to_date_plus_dec_2024_agrees_with_the_2024_annual_figures(report_figures, report_findings):
    stated = {(r.report, r.period) for r in report_figures[
        (report_figures["measure"] == "civilian_deaths") & (report_figures["perpetrator"] == "all")
        & (report_figures["victim_group"] == "all") & (report_figures["unit"] == "count")].itertuples()}
    assert {("2024-11", "2024-01/2024-11"), ("2024-12", "2024-12"), ("2024-12", "2024")} <= stated
    cross = report_findings[(report_findings["check"] == "period_sum") & (report_findings["period"] == "2024")]
    assert cross.empty


def test_check_command_extracts_the_raw_reports_when_nothing_is_built(tmp_path, monkeypatch):
    from snhr_data.cli import main

    (tmp_path / "data").mkdir()
    shutil.copytree(raw_dir(), tmp_path / "data" / "raw")
    monkeypatch.setenv("SNHR_DATA_ROOT", str(tmp_path))
    result = CliRunner().invoke(main, ["check", "--strict"])
    assert result.exit_code == 1, result.output
    assert "== report 2023-12" in result.output and "ERROR   party_breakdown" in result.output
    assert not (tmp_path / "data" / "processed").exists()


def test_a_combined_party_is_one_part_of_the_total_and_its_members_are_inside_it():
    """ "Extremist Islamic groups killed 188, ISIS 161 of them": the breakdown counts 188 once, not 188 + 161."""
    from snhr_data.audit import default_settings, party_shape
    parts, complete = party_shape(["extremist_islamic_groups", "isis", "sdf", "other_parties"], default_settings())
    assert parts == ["extremist_islamic_groups", "sdf", "other_parties"] and complete


def test_a_headline_and_a_body_that_disagree_keep_both_rows_and_the_audit_reports_them():
    """Issue 9, shape 5: 212 in the title, 213 in the body; "Four Women" above, "two women" below."""
    from snhr_data.extract import extract_figures

    text = ("212 Civilians Killed in Syria in July 2018, Including 41 Children and Four Women\n\n"
            "Wednesday 1 August 2018\n\n"
            "SNHR documented the killing of 213 civilians in Syria in July 2018, including 41 children and two women.\n")
    figures = with_figure_ids(extract_figures(text))
    totals = figures[(figures["perpetrator"] == "all") & (figures["measure"] == "civilian_deaths")]
    assert sorted(totals.loc[totals["victim_group"] == "all", "value"]) == [212, 213]
    assert sorted(totals.loc[totals["victim_group"] == "women", "value"]) == [2, 4]
    found = audit.check_stated_twice(figures)
    assert set(found["victim_group"]) == {"all", "women"}
    assert (found["severity"] == "warning").all()
