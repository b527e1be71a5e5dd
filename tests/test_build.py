"""The data build: checksums, all-or-nothing writes, determinism, loading, the CLI command.

Most tests build a tiny synthetic raw folder with a stand-in extractor (one figure per line,
``measure|victim_group|perpetrator|value``), so they test the build itself, not the extraction.
"""
from __future__ import annotations

import hashlib
import re
import shutil
from pathlib import Path

import pandas as pd
import pytest
from click.testing import CliRunner

from snhr_data.build import BuildError, build_data, load_figures, load_table
from snhr_data.codes import FIGURE_COLUMNS
from snhr_data.metadata import table_names
from snhr_data.state import STATE_FILE

REPORTS = {
    "r-2024-11.txt": "Report: 2024-11\ncivilian_deaths|all|all|71\ncivilian_deaths|children|all|20\n"
                     "civilian_deaths|all|sdf|11\ncivilian_deaths|all|sdf|12\n",
    "r-2024-12.md": "Report: 2024-12\ncivilian_deaths|all|all|90\nmassacres|all|russia|2\n",
}


def fake_extract(path: Path, *, strict: bool = False, month: str | None = None) -> pd.DataFrame:
    """Stand-in extractor: the report month from the first line, one count per following line."""
    assert strict, "the build must extract strictly"
    lines = Path(path).read_text(encoding="utf-8").splitlines()
    report = lines[0].split(": ")[1]
    rows = []
    for number, text in enumerate(lines[1:], start=2):
        measure, group, perpetrator, value = text.split("|")
        if perpetrator == "BOOM":
            raise ValueError(f"{Path(path).name}:{number}: unmapped label")
        rows.append(dict(report=report, period=report, measure=measure, victim_group=group, perpetrator=perpetrator,
                         governorate="all", unit="count", share_of="", value=float(value), qualifier="exact",
                         source_file=Path(path).name, line=number, quote=text, note=""))
    return pd.DataFrame(rows, columns=FIGURE_COLUMNS)


def write_raw(raw: Path, reports: dict[str, str] = REPORTS, months: dict[str, str] | None = None) -> Path:
    raw.mkdir(parents=True)
    rows = []
    for name, text in reports.items():
        (raw / name).write_text(text, encoding="utf-8")
        month = (months or {}).get(name) or text.splitlines()[0].split(": ")[1]
        rows.append(dict(file=name, sha256=hashlib.sha256(text.encode()).hexdigest(), report_month=month,
                         published="", kind="monthly_report", source_format="text", source="test"))
    pd.DataFrame(rows).to_csv(raw / "manifest.csv", index=False)
    return raw


def run_build(raw: Path, out: Path) -> dict[str, Path]:
    return build_data(raw, out, extract=fake_extract)


def snapshot(folder: Path) -> dict[str, bytes]:
    """The files of ``folder`` (the state file aside: it records modification times)."""
    return {p.name: p.read_bytes() for p in sorted(folder.iterdir()) if p.name != STATE_FILE}


@pytest.fixture(scope="module")
def built(tmp_path_factory) -> tuple[Path, dict[str, Path]]:
    """``REPORTS`` built once (the folder and what ``build_data`` returned): read, or copied by tests that build
    over a previous build. Tests must not change it."""
    root = tmp_path_factory.mktemp("built")
    out = root / "processed"
    return out, run_build(write_raw(root / "raw"), out)


def previous_build(built, out: Path) -> Path:
    """A copy of the shared build at ``out``, as a build there would have left it."""
    shutil.copytree(built[0], out)
    return out


def test_build_writes_every_table_in_both_formats_and_the_datapackage(built):
    out, written = built
    names = set(snapshot(out))
    for table in ["figures", "totals", "by_perpetrator", "massacres", "period_shares"]:
        assert {f"{table}.csv", f"{table}.parquet"} <= names
    assert {"datapackage.json", "discrepancies.csv", "discrepancies.parquet"} <= names
    assert set(written) == names and all(path.parent == out for path in written.values())
    figures = load_figures(out)
    assert figures["figure_id"].tolist()[:2] == ["r-2024-11.txt:2:1", "r-2024-11.txt:3:1"]
    by_party = load_table("by_perpetrator", out).set_index("perpetrator")
    assert by_party.loc["sdf", "all"] == 11 and by_party.loc["sdf", "alt_values"] == "all:12"
    stated_twice = load_table("discrepancies", out).query("check == 'stated_twice'")
    assert stated_twice["sources"].str.contains("r-2024-11.txt:4:1").all() and len(stated_twice) == 1


def test_rebuilding_gives_byte_identical_files(built, tmp_path):
    """A second build, from a copy of the raw folder elsewhere, into another folder."""
    run_build(write_raw(tmp_path / "raw"), tmp_path / "two")
    assert snapshot(built[0]) == snapshot(tmp_path / "two")


def test_an_edited_raw_file_is_refused_naming_it_and_nothing_is_written(tmp_path):
    raw = write_raw(tmp_path / "raw")
    with open(raw / "r-2024-12.md", "a", encoding="utf-8") as handle:
        handle.write("civilian_deaths|all|all|1\n")
    out = tmp_path / "processed"
    with pytest.raises(BuildError, match=r"r-2024-12\.md was edited"):
        run_build(raw, out)
    assert not out.exists() or not any(out.iterdir())


def test_a_missing_raw_file_is_refused_naming_it(tmp_path):
    raw = write_raw(tmp_path / "raw")
    (raw / "r-2024-11.txt").unlink()
    with pytest.raises(BuildError, match=r"r-2024-11\.txt.*missing"):
        run_build(raw, tmp_path / "processed")


def test_a_failing_build_leaves_the_previous_output_untouched_and_no_partial_file(built, tmp_path):
    out = previous_build(built, tmp_path / "processed")
    write_raw(tmp_path / "raw")
    before = snapshot(out)
    broken = dict(REPORTS, **{"r-2024-12.md": "Report: 2024-12\ncivilian_deaths|all|BOOM|1\n"})
    with pytest.raises(BuildError, match=r"r-2024-12\.md.*unmapped label"):
        run_build(write_raw(tmp_path / "raw2", broken), out)
    assert snapshot(out) == before
    assert sorted(p.name for p in tmp_path.iterdir()) == ["processed", "raw", "raw2"]


def test_a_table_failing_its_schema_stops_the_build_before_writing(tmp_path):
    bad = dict(REPORTS, **{"r-2024-12.md": "Report: 2024-12\ncivilian_deaths|everyone|all|1\n"})
    out = tmp_path / "processed"
    with pytest.raises(BuildError, match="victim_group"):
        run_build(write_raw(tmp_path / "raw", bad), out)
    assert not out.exists() or not any(out.iterdir())
    assert sorted(p.name for p in tmp_path.iterdir()) in (["raw"], ["processed", "raw"])


def test_a_report_month_disagreeing_with_the_manifest_is_refused(tmp_path):
    raw = write_raw(tmp_path / "raw", months={"r-2024-12.md": "2024-10"})
    with pytest.raises(BuildError, match=r"r-2024-12\.md.*2024-12.*2024-10"):
        run_build(raw, tmp_path / "processed")


def test_a_bad_manifest_is_refused_naming_it(tmp_path):
    raw = write_raw(tmp_path / "raw")
    (raw / "manifest.csv").write_text("file,report_month\nr-2024-11.txt,2024-11\n", encoding="utf-8")
    with pytest.raises(BuildError, match=r"manifest\.csv.*columns"):
        run_build(raw, tmp_path / "processed")


def test_an_empty_manifest_is_refused(tmp_path):
    raw = tmp_path / "raw"
    raw.mkdir()
    (raw / "manifest.csv").write_text("file,sha256,report_month,published,kind,source_format,source\n",
                                      encoding="utf-8")
    with pytest.raises(BuildError, match="lists no report"):
        run_build(raw, tmp_path / "processed")


def test_loading_before_building_says_how_to_build(tmp_path):
    with pytest.raises(FileNotFoundError, match="snhr-data build-data"):
        load_figures(tmp_path)
    with pytest.raises(ValueError, match="unknown table 'nope'"):
        load_table("nope", tmp_path)


def test_the_public_api_loads_from_the_project_data(built, tmp_path, monkeypatch):
    import snhr_data

    monkeypatch.setenv("SNHR_DATA_ROOT", str(tmp_path))
    write_raw(tmp_path / "data" / "raw")
    previous_build(built, tmp_path / "data" / "processed")
    assert len(snhr_data.load_figures()) == 6
    assert snhr_data.load_table("totals")["value"].tolist() == [71.0, 20.0, 90.0]


def test_the_generated_datapackage_is_valid_frictionless(built):
    import frictionless  # a test dependency (pyproject.toml [test]): missing, the test must fail, not skip

    out = built[0]
    report = frictionless.validate(out / "datapackage.json")
    assert report.valid, report.flatten(["taskName", "rowNumber", "fieldName", "message"])
    assert len(report.tasks) == 2 * len(table_names())


def test_build_data_command_reports_an_edited_raw_file(tmp_path, monkeypatch):
    from snhr_data.cli import main

    raw = write_raw(tmp_path / "data" / "raw")
    (raw / "r-2024-11.txt").write_text("edited\n", encoding="utf-8")
    monkeypatch.setenv("SNHR_DATA_ROOT", str(tmp_path))
    result = CliRunner().invoke(main, ["build-data"])
    assert result.exit_code == 1
    assert "r-2024-11.txt was edited" in result.output


def test_the_real_reports_build_byte_identically_with_every_report(tmp_path):
    """The whole build on data/raw with the real extractor gives the bytes of the committed data/processed.

    The committed files were written by another process (another hash seed) into another folder, so this one
    build is compared with a second build: an output that depends on set order or on the output path fails it.
    (The build's own determinism, in one process: ``test_rebuilding_gives_byte_identical_files``.)"""
    from snhr_data import paths

    build_data(paths.raw_dir(), tmp_path / "one")
    committed = snapshot(paths.processed_dir())
    stale = sorted(name for name, data in snapshot(tmp_path / "one").items() if committed.get(name) != data)
    assert not stale, (f"data/processed differs from a fresh build: out of date (run `snhr-data build-data`) "
                       f"or the build is not deterministic: {stale}")
    assert sorted(committed) == sorted(snapshot(tmp_path / "one"))
    manifest = pd.read_csv(paths.manifest_path(), dtype=str)
    figures = load_figures(tmp_path / "one")
    assert sorted(set(figures["source_file"])) == sorted(manifest["file"])
    assert sorted(set(figures["report"])) == sorted(manifest["report_month"])
    assert figures["figure_id"].is_unique
    ids = set(figures["figure_id"])
    for name in table_names()[1:]:
        table = load_table(name, tmp_path / "one")
        column = "sources" if name == "discrepancies" else "source_rows"
        cited = {i for cell in table[column] for i in cell.split(";")}
        assert cited <= ids, (name, sorted(cited - ids)[:3])


# ---------------------------------------------------------------- incremental data stage, whole-folder swap


def test_an_unchanged_data_build_is_skipped_and_a_deleted_output_or_force_rebuilds(tmp_path):
    from snhr_data.build import data_stage

    raw, out = write_raw(tmp_path / "raw"), tmp_path / "processed"
    assert data_stage(raw, out, extract=fake_extract).rebuilt
    before = {p.name: p.stat().st_mtime_ns for p in out.iterdir()}
    again = data_stage(raw, out, extract=fake_extract)
    assert not again.rebuilt and {p.name: p.stat().st_mtime_ns for p in out.iterdir()} == before
    (out / "totals.csv").unlink()
    assert data_stage(raw, out, extract=fake_extract).rebuilt and (out / "totals.csv").is_file()
    assert data_stage(raw, out, extract=fake_extract, force=True).rebuilt
    with open(raw / "r-2024-12.md", "a", encoding="utf-8") as handle:  # an edited raw file: refused, not skipped
        handle.write("civilian_deaths|all|all|1\n")
    with pytest.raises(BuildError, match="was edited"):
        data_stage(raw, out, extract=fake_extract)


def test_the_data_folder_is_replaced_whole_and_leftovers_of_killed_builds_go(built, tmp_path):
    raw, out = write_raw(tmp_path / "raw"), previous_build(built, tmp_path / "processed")
    (out / "stray.csv").write_text("from an older build\n", encoding="utf-8")
    (tmp_path / ".build-killed").mkdir()
    (tmp_path / ".build-killed" / "figures.csv").write_text("half\n", encoding="utf-8")
    build_data(raw, out, extract=fake_extract, force=True)
    assert not (out / "stray.csv").exists()  # a folder swapped in, not files copied over
    assert sorted(p.name for p in tmp_path.iterdir()) == ["processed", "raw"]


def test_a_write_failing_mid_build_leaves_the_old_tables_and_nothing_else(built, tmp_path, monkeypatch):
    import os

    raw, out = write_raw(tmp_path / "raw"), previous_build(built, tmp_path / "processed")
    before = snapshot(out)
    calls, real_replace = [], os.replace

    def failing_replace(src, dst):
        calls.append(dst)
        if len(calls) == 5:
            raise OSError(28, "No space left on device", str(dst))
        return real_replace(src, dst)

    monkeypatch.setattr(os, "replace", failing_replace)
    with pytest.raises(OSError, match="No space left"):
        build_data(raw, out, extract=fake_extract, force=True)
    assert snapshot(out) == before
    assert sorted(p.name for p in tmp_path.iterdir()) == ["processed", "raw"]


def test_a_failed_folder_swap_puts_the_old_folder_back(tmp_path, monkeypatch):
    import os

    from snhr_data import io

    old, new = tmp_path / "out", tmp_path / ".build-new"
    old.mkdir(), new.mkdir()
    (old / "a.csv").write_text("old\n"), (new / "a.csv").write_text("new\n")
    monkeypatch.setattr(io, "_exchange", lambda first, second: False)  # a file system without renameat2
    real_rename = os.rename

    def failing_rename(src, dst):
        if Path(src) == new:
            raise PermissionError(13, "Permission denied", str(dst))
        return real_rename(src, dst)

    monkeypatch.setattr(os, "rename", failing_rename)
    with pytest.raises(PermissionError):
        io.swap_dir(new, old)
    assert (old / "a.csv").read_text() == "old\n"
    assert sorted(p.name for p in tmp_path.iterdir()) == [".build-new", "out"]
    monkeypatch.setattr(os, "rename", real_rename)
    io.swap_dir(new, old)
    assert (old / "a.csv").read_text() == "new\n" and sorted(p.name for p in tmp_path.iterdir()) == ["out"]


def test_adding_a_report_leaves_the_other_reports_row_hashes_unchanged(tmp_path):
    from snhr_data.build import data_stage

    first = data_stage(write_raw(tmp_path / "raw"), tmp_path / "one", extract=fake_extract).state["reports"]
    more = dict(REPORTS, **{"r-2024-10.txt": "Report: 2024-10\ncivilian_deaths|all|all|50\n"})
    second = data_stage(write_raw(tmp_path / "raw2", more), tmp_path / "two", extract=fake_extract).state["reports"]
    assert sorted(second) == ["2024-10", "2024-11", "2024-12"]
    assert {m: second[m] for m in first} == first


def test_a_read_only_output_folder_is_refused_before_any_work(tmp_path, monkeypatch):
    import os

    from snhr_data.build import data_stage

    out = tmp_path / "processed"
    out.mkdir()
    real_access = os.access
    monkeypatch.setattr(os, "access", lambda path, mode: Path(path) != out and real_access(path, mode))
    with pytest.raises(BuildError, match=r"processed: is read-only; make it writable \(chmod"):
        data_stage(write_raw(tmp_path / "raw"), out, extract=lambda *a, **k: pytest.fail("extracted"))


# ---------------------------------------------------------------- command line: parameters, lock


@pytest.mark.parametrize("arguments, message", [
    (["--month", "01"], r"--month '01' is not a month: write it as YYYY-MM"),
    (["--month", "2024-13"], r"--month '2024-13' is not a month"),
    (["--month", "2019-01"], r"data/raw/manifest\.csv: no report for 2019-01"),
    (["-o", "/dev/null"], r"/dev/null: is not a folder"),
])
def test_build_parameters_are_checked_before_any_work(tmp_path, monkeypatch, arguments, message):
    from snhr_data.cli import main

    write_raw(tmp_path / "data" / "raw")
    monkeypatch.setenv("SNHR_DATA_ROOT", str(tmp_path))
    result = CliRunner().invoke(main, ["build", *arguments])
    assert result.exit_code == 2, result.output
    assert re.search(message, result.output) and "Traceback" not in result.output
    assert len(result.output.strip().splitlines()) == 1
    assert sorted(p.name for p in (tmp_path / "data").iterdir()) == ["raw"]  # nothing built, no lock taken


def test_duplicate_months_collapse(tmp_path, monkeypatch):
    from snhr_data.reports import checked_months

    write_raw(tmp_path / "data" / "raw")
    monkeypatch.setenv("SNHR_DATA_ROOT", str(tmp_path))
    assert checked_months(["2024-12", "2024-11", "2024-12"]) == ["2024-11", "2024-12"]
    assert checked_months([]) == ["2024-11", "2024-12"]


def test_a_second_build_is_refused_naming_the_first_ones_pid(tmp_path, monkeypatch):
    import os

    from snhr_data.cli import main
    from snhr_data.guard import build_lock

    write_raw(tmp_path / "data" / "raw")
    monkeypatch.setenv("SNHR_DATA_ROOT", str(tmp_path))
    with build_lock():
        result = CliRunner().invoke(main, ["build-data"])
    assert result.exit_code == 1
    assert f"another build (PID {os.getpid()}) is running in this checkout" in result.output
    assert "data/.build.lock" in result.output and "Traceback" not in result.output
    with build_lock():  # released: taken again
        pass


def test_build_data_shows_a_reader_warning_as_one_line_naming_file_and_line(tmp_path, monkeypatch):
    """The package's warnings reach the user as "warning: <file>:<line>: ...", not as Python's two-line form
    naming the package source line that re-raised it."""
    from snhr_data.cli import main

    text = ("Civilian Death Toll in March 2024\n"
            "The Syrian Network for Human Rights documented the killing of 112 civilians in March 2024.\n"
            "Russian forces have killed 6,930 civilians since September 2015.\n")
    write_raw(tmp_path / "data" / "raw", {"warned-2024-03.txt": text}, {"warned-2024-03.txt": "2024-03"})
    monkeypatch.setenv("SNHR_DATA_ROOT", str(tmp_path))
    result = CliRunner().invoke(main, ["build-data"])
    assert result.exit_code == 0, result.output
    warned = [line for line in result.output.splitlines() if "since September 2015" in line]
    assert len(warned) == 1 and warned[0].startswith("warning: warned-2024-03.txt:3: "), result.output
    assert "Warning:" not in result.output and ".py:" not in result.output
