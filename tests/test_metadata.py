"""The table metadata and what is generated from it: schemas, datapackage.json, the data dictionary."""
from __future__ import annotations

import pandas as pd
import pytest

from snhr_data import metadata
from snhr_data.audit import run_checks
from snhr_data.build import data_dictionary_path
from snhr_data.codes import governorate_codes, perpetrator_codes
from snhr_data.provenance import with_figure_ids
from snhr_data.tables import TABLES, build_tables

from test_tables import figures

MANIFEST = pd.DataFrame({
    "file": ["a.txt", "b.md"], "sha256": ["1" * 64, "2" * 64], "report_month": ["2024-11", "2024-12"],
    "published": ["", "2025-01-02"], "kind": ["monthly_report", "press_release"], "source_format": ["x", "y"],
    "source": ["first", "second"],
})


def sample_figures() -> pd.DataFrame:
    return with_figure_ids(figures(
        dict(value=71), dict(value=20, victim_group="children"), dict(perpetrator="sdf", value=11),
        dict(perpetrator="sdf", value=12, line=90), dict(governorate="daraa", value=5),
        dict(unit="percent", share_of="period", value=9, qualifier="about"),
        dict(measure="massacres", value=3), dict(measure="media_worker_deaths", value=0),
    ).assign(source_kind="monthly_report")[[n for n in metadata.field_names("figures") if n != "figure_id"]])


def test_every_table_has_metadata_in_registry_order():
    assert metadata.table_names() == ["figures", *TABLES, "discrepancies"]


def test_every_table_matches_its_declared_fields_and_validates():
    f = sample_figures()
    assert metadata.validate("figures", f).columns.tolist() == metadata.field_names("figures")
    for name, frame in {**build_tables(f), "discrepancies": run_checks(f)}.items():
        assert frame.columns.tolist() == metadata.field_names(name), name
        metadata.validate(name, frame)


def test_a_bad_code_fails_validation_naming_table_column_and_value():
    f = sample_figures()
    f.loc[2, "perpetrator"] = "martians"
    with pytest.raises(metadata.TableValidationError, match=r"(?s)'figures'.*perpetrator.*martians"):
        metadata.validate("figures", f)


def test_a_duplicate_key_fails_validation():
    totals = build_tables(sample_figures())["totals"]
    with pytest.raises(metadata.TableValidationError, match="totals"):
        metadata.validate("totals", pd.concat([totals, totals.iloc[:1]], ignore_index=True))


@pytest.mark.parametrize("column, bad", [("report", "2024-13"), ("period", "24-11"), ("figure_id", "r.txt:0:1"),
                                         ("source_file", ""), ("unit", "percentage")])
def test_malformed_values_fail_validation(column, bad):
    f = sample_figures()
    f[column] = f[column].astype(object)
    f.loc[0, column] = bad
    with pytest.raises(metadata.TableValidationError, match=column):
        metadata.validate("figures", f)


def test_a_missing_or_extra_column_fails_validation():
    f = sample_figures()
    with pytest.raises(metadata.TableValidationError):
        metadata.validate("figures", f.drop(columns=["quote"]))
    with pytest.raises(metadata.TableValidationError):
        metadata.validate("figures", f.assign(extra=1))


def test_datapackage_has_a_csv_and_a_parquet_resource_per_table():
    package = metadata.datapackage(MANIFEST)
    paths = [r["path"] for r in package["resources"]]
    assert paths == [f"{n}.{ext}" for n in metadata.table_names() for ext in ("csv", "parquet")]
    assert len({r["name"] for r in package["resources"]}) == len(paths)


def test_datapackage_fields_enums_and_keys_come_from_the_metadata():
    resources = {r["name"]: r for r in metadata.datapackage(MANIFEST)["resources"]}
    fields = {f["name"]: f for f in resources["figures"]["schema"]["fields"]}
    assert list(fields) == metadata.field_names("figures")
    assert fields["perpetrator"]["constraints"]["enum"] == perpetrator_codes()
    assert fields["governorate"]["constraints"]["enum"] == governorate_codes()
    assert fields["value"]["type"] == "number" and fields["line"]["type"] == "integer"
    assert "required" not in fields["share_of"].get("constraints", {})
    assert "" not in fields["share_of"]["constraints"]["enum"]
    assert resources["figures"]["schema"]["primaryKey"] == ["figure_id"]
    assert resources["by_perpetrator-parquet"]["schema"]["primaryKey"] == ["report", "period", "perpetrator"]


def test_datapackage_lists_the_raw_sources_with_their_checksums():
    sources = metadata.datapackage(MANIFEST)["sources"]
    assert [(s["title"], s["sha256"]) for s in sources] == [("a.txt", "1" * 64), ("b.md", "2" * 64)]
    assert sources[0]["path"] == "../raw/a.txt"


def test_the_data_dictionary_in_docs_is_up_to_date():
    assert data_dictionary_path().read_text(encoding="utf-8") == metadata.data_dictionary_markdown(), (
        "docs/data_dictionary.md is stale: run `snhr-data data-dictionary`")


def test_the_data_dictionary_documents_every_field_of_every_table():
    text = metadata.data_dictionary_markdown()
    for name in metadata.table_names():
        section = text.split(f"## `{name}`")[1].split("\n## ")[0]
        for field in metadata.field_names(name):
            assert f"| `{field}` |" in section, (name, field)
