"""The data release: one zip, valid as a Frictionless package, byte-identical, written whole or not at all."""
from __future__ import annotations

import hashlib
import json
import shutil
import zipfile
from pathlib import Path

import pandas as pd
import pytest
import yaml
from click.testing import CliRunner

from snhr_data import paths
from snhr_data.cli import main
from snhr_data.metadata import table_names
from snhr_data.release import ReleaseError, write_release


def checkout_copy(root: Path) -> Path:
    """A copy of data/raw and data/processed under ``root`` (a checkout at another path)."""
    for folder in ("raw", "processed"):
        shutil.copytree(paths.project_root() / "data" / folder, root / "data" / folder)
    return root


def release_of(root: Path, target: Path | None = None) -> Path:
    return write_release(target or root / "release.zip", root / "data" / "processed", root / "data" / "raw")


@pytest.fixture(scope="module")
def release(tmp_path_factory) -> Path:
    root = checkout_copy(tmp_path_factory.mktemp("checkout"))
    return release_of(root)


@pytest.fixture(scope="module")
def unzipped(release, tmp_path_factory) -> Path:
    out = tmp_path_factory.mktemp("unzipped")
    with zipfile.ZipFile(release) as archive:
        archive.extractall(out)
    (folder,) = out.iterdir()
    return folder


def test_the_release_validates_as_a_frictionless_data_package(unzipped):
    import frictionless  # a test dependency: missing, the test must fail, not skip

    report = frictionless.validate(unzipped / "datapackage.json")
    assert report.valid, report.flatten(["taskName", "rowNumber", "fieldName", "message"])
    assert len(report.tasks) == 2 * len(table_names())


def test_the_release_holds_every_table_its_documents_and_nothing_else(unzipped):
    tables = {f"{name}.{suffix}" for name in table_names() for suffix in ("csv", "parquet")}
    documents = {"README.txt", "CITATION.cff", "datapackage.json", "data_dictionary.md", "raw_reports_sha256.txt"}
    assert {p.name for p in unzipped.iterdir()} == tables | documents
    assert "discrepancies.csv" in tables
    for name in tables:  # the tables as built, byte for byte
        assert (unzipped / name).read_bytes() == (paths.processed_dir() / name).read_bytes(), name


def test_the_readme_says_how_to_open_the_files_and_what_each_table_is(unzipped):
    readme = (unzipped / "README.txt").read_text(encoding="utf-8")
    for words in ("R:", "Stata:", "Spreadsheet:", "How to cite", "CITATION.cff", "not a zero"):
        assert words in readme
    descriptor = json.loads((unzipped / "datapackage.json").read_text(encoding="utf-8"))
    for resource in descriptor["resources"]:
        assert f"{resource['name'].removesuffix('-parquet')}.csv / " in readme
    assert max(len(line) for line in readme.splitlines()) <= 110


def test_the_citation_file_is_citation_file_format(unzipped):
    citation = yaml.safe_load((unzipped / "CITATION.cff").read_text(encoding="utf-8"))
    assert citation["cff-version"] == "1.2.0"
    assert {"message", "title", "authors", "version", "type"} <= set(citation)
    assert citation["type"] == "dataset" and citation["authors"][0]["name"]
    assert "Syrian Network for Human Rights" in yaml.safe_dump(citation["references"])


def test_the_checksums_are_those_of_the_raw_reports(unzipped):
    lines = (unzipped / "raw_reports_sha256.txt").read_text(encoding="utf-8").splitlines()
    listed = dict(reversed(line.split("  ", 1)) for line in lines)
    manifest = pd.read_csv(paths.manifest_path(), dtype=str)
    assert sorted(listed) == sorted(manifest["file"])
    for name, digest in listed.items():
        assert hashlib.sha256((paths.raw_dir() / name).read_bytes()).hexdigest() == digest
    descriptor = json.loads((unzipped / "datapackage.json").read_text(encoding="utf-8"))
    assert all("path" not in source for source in descriptor["sources"])  # the raw files are not in the zip


def test_two_releases_from_checkouts_at_different_paths_are_byte_identical(release, tmp_path):
    other = checkout_copy(tmp_path / "somewhere" / "else")
    again = release_of(other, tmp_path / "again.zip")
    assert again.read_bytes() == release.read_bytes()
    with zipfile.ZipFile(again) as archive:
        assert {info.date_time for info in archive.infolist()} == {(1980, 1, 1, 0, 0, 0)}


def test_a_missing_processed_folder_is_one_line_naming_the_fix_and_writes_nothing(tmp_path):
    root = checkout_copy(tmp_path)
    shutil.rmtree(root / "data" / "processed")
    with pytest.raises(ReleaseError, match="not built yet.*make data") as caught:
        release_of(root)
    assert "\n" not in str(caught.value)
    assert not (root / "release.zip").exists()


@pytest.mark.parametrize("spoil, message", [
    (lambda d: d["sources"][0].update(sha256="0" * 64), "built from other raw reports"),
    (lambda d: d["resources"].pop(), "describes other tables"),
])
def test_a_stale_processed_folder_is_refused(tmp_path, spoil, message):
    root = checkout_copy(tmp_path)
    descriptor_path = root / "data" / "processed" / "datapackage.json"
    descriptor = json.loads(descriptor_path.read_text(encoding="utf-8"))
    spoil(descriptor)
    descriptor_path.write_text(json.dumps(descriptor), encoding="utf-8")
    with pytest.raises(ReleaseError, match=f"{message}.*make data"):
        release_of(root)
    assert not (root / "release.zip").exists()


def test_a_missing_table_file_or_an_edited_raw_report_is_refused_on_one_line(tmp_path):
    root = checkout_copy(tmp_path)
    (root / "data" / "processed" / "series.parquet").unlink()
    with pytest.raises(ReleaseError, match="lacks series.parquet"):
        release_of(root)
    raw_file = sorted((root / "data" / "raw").glob("*.txt"))[0]
    raw_file.chmod(0o644)
    raw_file.write_text(raw_file.read_text(encoding="utf-8") + "\nedited\n", encoding="utf-8")
    with pytest.raises(ReleaseError, match=raw_file.name) as caught:
        release_of(root)
    assert "\n" not in str(caught.value)


def test_a_failed_write_leaves_the_previous_zip_and_no_partial_file(tmp_path, monkeypatch):
    root = checkout_copy(tmp_path)
    target = tmp_path / "out" / "release.zip"
    target.parent.mkdir()
    target.write_bytes(b"previous release")

    def write_half_then_fail(self: Path, data: bytes) -> int:
        with open(self, "wb") as handle:
            handle.write(data[: len(data) // 2])
        raise OSError("disk full")

    monkeypatch.setattr(Path, "write_bytes", write_half_then_fail)
    with pytest.raises(OSError, match="disk full"):
        release_of(root, target)
    assert target.read_bytes() == b"previous release"
    assert [p.name for p in target.parent.iterdir()] == ["release.zip"]


def test_the_release_command_writes_the_zip_or_says_what_to_do(tmp_path, monkeypatch):
    root = checkout_copy(tmp_path)
    monkeypatch.setenv("SNHR_DATA_ROOT", str(root))
    target = tmp_path / "r.zip"
    done = CliRunner().invoke(main, ["release", "-o", str(target)])
    assert done.exit_code == 0, done.output
    assert zipfile.ZipFile(target).testzip() is None
    assert f"-> {target}" in done.output
    shutil.rmtree(root / "data" / "processed")
    failed = CliRunner().invoke(main, ["release"])
    assert failed.exit_code == 1
    assert failed.output.count("\n") == 1 and failed.output.startswith("error: ") and "make data" in failed.output
    assert not (root / "dist").exists()
