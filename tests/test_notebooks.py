"""Tests of snhr_data.notebooks and of the notebooks themselves.

How the notebook regression tests work, and why
-----------------------------------------------
The golden executed notebooks in ``tests/golden/`` run under nbval (pytest ``addopts`` in pyproject.toml:
``--nbval-lax --nbval-current-env`` and the sanitize file ``tests/nbval_sanitize.cfg``): ``make test`` the latest
monthly report's, ``make test-battery`` the cross-year one and the other four (``tests/conftest.py``). We use lax mode and tag cells ``nbval-check-output`` deliberately:

* Chart cells are not compared. nbval never compares PNG output, so comparing them would check
  nothing but the text "<IPython.core.display.Image object>".
* Cells that would show pandas' own HTML/text reprs are avoided: those change between pandas
  versions and would fail for no reason. The checked cells (headline figures, tables, readings,
  audit findings) display ``plots.TableView`` and Markdown, whose HTML and plain text this package
  writes itself, so they change only when a number or a label changes.
* Charted numbers are covered by the last checked cell, which prints a hash of the data each chart
  plots (``ChartBook.fingerprints``): a changed bar fails the test though nbval ignores images.
* The goldens read the figures afresh from ``data/raw`` (``figures_from="raw"``), so editing a raw
  report fails these tests until ``snhr-data regenerate-goldens`` (``make goldens``) is run, even
  before ``data/processed`` is rebuilt (``test_altered_raw_report_fails_the_golden`` shows it).
* ``--nbval-current-env`` runs the goldens with the test's own Python, whatever kernel name the
  notebook stores.
"""
from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import nbformat
import pytest
from nbformat.v4 import new_code_cell, new_notebook

from snhr_data import notebooks, paths, reports
from snhr_data.execution import WorkerPool
from snhr_data.manifest import sha256_of

ROOT = Path(__file__).resolve().parents[1]


# ----------------------------------------------------------------------------- parameters


@pytest.mark.parametrize("month", ["2024-01", "2020-12"])
def test_validate_month_accepts_strings(month):
    assert notebooks.validate_month(month) == month


@pytest.mark.parametrize("month", [1, 202401, "2024-1", "2024-13", "24-01", None, 2024.01])
def test_validate_month_rejects_anything_else(month):
    with pytest.raises(notebooks.ParameterError, match="YYYY-MM"):
        notebooks.validate_month(month)


def test_validate_parameters_checks_each_notebook():
    checked = notebooks.validate_parameters(notebooks.MONTHLY, {"month": "2024-01"})
    assert checked == {"month": "2024-01", "output_dir": "", "figures_from": "processed"}
    with pytest.raises(notebooks.ParameterError, match="unknown parameter"):
        notebooks.validate_parameters(notebooks.MONTHLY, {"month": "2024-01", "year": 2024})
    with pytest.raises(notebooks.ParameterError, match="years"):
        notebooks.validate_parameters(notebooks.CROSS_YEAR, {"years": ["2024"]})
    with pytest.raises(notebooks.ParameterError, match="years"):
        notebooks.validate_parameters(notebooks.CROSS_YEAR, {"years": [True]})
    with pytest.raises(notebooks.ParameterError, match="YYYY-MM"):
        notebooks.validate_parameters(notebooks.CROSS_YEAR, {"month_pairs": [[2024, "2024-11"]]})
    with pytest.raises(notebooks.ParameterError, match="figures_from"):
        notebooks.validate_parameters(notebooks.MONTHLY, {"month": "2024-01", "figures_from": "gold"})


def test_build_jobs_keep_months_as_strings(tmp_path):
    jobs = notebooks.build_jobs(["2024-01"], tmp_path)
    assert [job.notebook for job in jobs] == [notebooks.MONTHLY, notebooks.CROSS_YEAR]
    assert jobs[0].parameters["month"] == "2024-01"
    assert jobs[0].output == tmp_path / "2024-01" / notebooks.MONTHLY
    assert jobs[1].parameters["output_dir"] == "."  # relative to the notebook's folder: no absolute path


# ----------------------------------------------------------------------------- the notebooks


@pytest.mark.parametrize("name", [notebooks.MONTHLY, notebooks.CROSS_YEAR])
def test_notebooks_have_a_tagged_parameters_cell_papermill_can_read(name):
    from papermill.inspection import inspect_notebook

    path = ROOT / "notebooks" / name
    notebook = nbformat.read(path, as_version=4)
    tagged = [c for c in notebook.cells if "parameters" in c.metadata.get("tags", [])]
    assert len(tagged) == 1
    assert notebook.metadata.kernelspec.name == notebooks.KERNEL_NAME
    inspected = inspect_notebook(str(path))
    defaults = {name: json.loads(p["default"]) for name, p in inspected.items()}
    assert notebooks.validate_parameters(name, defaults)  # the defaults are valid parameters
    assert all(not c.get("outputs") for c in notebook.cells if c.cell_type == "code")  # stored clean


@pytest.mark.parametrize("name", [notebooks.MONTHLY, notebooks.CROSS_YEAR])
def test_goldens_match_the_notebooks_source(name):
    """A golden is the notebook plus papermill's injected cell: regenerate them when a notebook changes."""
    source = [c.source for c in nbformat.read(ROOT / "notebooks" / name, as_version=4).cells]
    goldens = sorted((ROOT / "tests" / "golden").glob(f"{Path(name).stem}*.ipynb"))
    assert goldens
    for golden in goldens:
        cells = nbformat.read(golden, as_version=4).cells
        kept = [c.source for c in cells if "injected-parameters" not in c.metadata.get("tags", [])]
        assert kept == source, f"{golden.name} is stale: run `snhr-data regenerate-goldens`"


def test_goldens_cover_every_report():
    months = notebooks.report_months()
    assert sorted(p.stem.split("_")[-1] for p in (ROOT / "tests" / "golden").glob("monthly_report_*.ipynb")) == months


# ----------------------------------------------------------------------------- executed notebooks


def test_volatile_metadata_is_dropped():
    notebook = new_notebook(cells=[new_code_cell("x = 1")])
    notebook.metadata["papermill"] = {"start_time": "t", "end_time": "t", "duration": 1.0, "input_path": "a",
                                      "output_path": "b", "parameters": {"month": "2024-01"}}
    notebook.cells[0].metadata.update({"execution": {"iopub.status.busy": "t"}, "tags": ["injected-parameters"],
                                       "papermill": {"start_time": "t", "duration": 1.0, "status": "completed"}})
    cleaned = notebooks.without_volatile_metadata(notebook)
    assert cleaned.metadata["papermill"] == {"parameters": {"month": "2024-01"}}
    assert cleaned.cells[0].metadata["papermill"] == {"status": "completed"}
    assert "execution" not in cleaned.cells[0].metadata
    assert cleaned.cells[0]["id"] == "injected-parameters"


def test_goldens_keep_only_checked_outputs():
    checked = new_code_cell("1", outputs=[{"output_type": "stream", "name": "stdout", "text": "1"}],
                            metadata={"tags": [notebooks.CHECKED_TAG]})
    chart = new_code_cell("2", outputs=[{"output_type": "stream", "name": "stdout", "text": "2"}])
    golden = notebooks.checked_outputs_only(new_notebook(cells=[checked, chart]))
    assert [len(c.outputs) for c in golden.cells] == [1, 0]


def test_failure_message_names_notebook_parameters_and_cell():
    from papermill.exceptions import PapermillExecutionError

    job = notebooks.build_jobs(["2024-01"], Path("out"), cross_year=False)[0]
    err = PapermillExecutionError(7, 5, "data = load_report_data(month)\nmore", "KeyError", "'x'", [])
    message = notebooks.failure_message(job, err)
    assert '"month": "2024-01"' in message and notebooks.MONTHLY in message
    assert "cell [5] (data = load_report_data(month))" in message and "KeyError" in message


def test_index_page_links_every_output_and_names_failures():
    outputs = {"2024-01": ["figures/chart.csv", "figures/chart.png", "figures/chart.svg", "monthly_report.html",
                           "monthly_report.ipynb"], "cross-year": ["cross_year.html", "cross_year.ipynb"]}
    failures = {"2024-02": "monthly_report.ipynb failed in cell [3]"}
    page = reports.index_html(outputs, failures)
    assert '<a href="2024-01/monthly_report.html">' in page
    assert '<a href="2024-01/figures/chart.svg">SVG</a>' in page
    assert "chart.pdf" not in page  # only files that are there
    assert '<a href="cross-year/cross_year.html">' in page
    assert "failed in cell [3]" in page and '<a href="2024-02/' not in page
    assert page == reports.index_html(outputs, failures)


def write_project(root: Path, notebook: nbformat.NotebookNode) -> None:
    """A project root with the raw reports and ``notebook`` as the monthly notebook."""
    shutil.copytree(ROOT / "data" / "raw", root / "data" / "raw")
    (root / "notebooks").mkdir()
    nbformat.write(notebook, str(root / "notebooks" / notebooks.MONTHLY))


@pytest.mark.usefixtures("notebook_workers_ready")
def test_failed_notebook_is_reported_and_the_others_finish(tmp_path, monkeypatch):
    params = new_code_cell('month = "2024-01"\noutput_dir = ""\nfigures_from = "processed"',
                           metadata={"tags": ["parameters"]})
    work = new_code_cell('if month == "2024-12":\n    raise ValueError("no such chart")\nprint(month)')
    write_project(tmp_path, new_notebook(cells=[params, work], metadata={
        "kernelspec": {"name": "python3", "display_name": "Python 3", "language": "python"}}))
    monkeypatch.setenv("SNHR_DATA_ROOT", str(tmp_path))
    done = reports.build_reports(["2024-11", "2024-12"], tmp_path / "reports", cross_year=False, workers=2,
                                 progress=False, report_digests={})
    assert [r.ok for r in done.results] == [True, False]
    message = done.results[1].message
    assert '"month": "2024-12"' in message and "cell [3]" in message and "ValueError: no such chart" in message
    for month in ["2024-11", "2024-12"]:  # the failed run is kept, to show where it stopped
        assert (tmp_path / "reports" / month / "monthly_report.html").is_file()
    executed = nbformat.read(tmp_path / "reports" / "2024-11" / notebooks.MONTHLY, as_version=4)
    assert executed.cells[-1].outputs[0]["text"] == "2024-11\n"  # a string month, not 2024 - 11
    index = (tmp_path / "reports" / "index.html").read_text(encoding="utf-8")
    assert "Failed: " in index and "no such chart" in index
    again = reports.build_reports(["2024-11", "2024-12"], tmp_path / "reports", cross_year=False, workers=2,
                                  progress=False, report_digests={})
    assert [r.job.name for r in again.results] == ["2024-12"] and again.up_to_date == ["2024-11"]


@pytest.mark.battery  # a pytest of two goldens in a subprocess (about 10 s of CPU): make test-battery, CI
def test_altered_raw_report_fails_the_golden(tmp_path):
    """Change one figure in a raw report (and its checksum): the golden of that report must fail, also when it runs
    after another golden in the kernel that one leaves (``golden_kernel.py``), and only that golden."""
    shutil.copytree(ROOT / "data" / "raw", tmp_path / "data" / "raw")
    shutil.copytree(ROOT / "notebooks", tmp_path / "notebooks")
    raw = tmp_path / "data" / "raw"
    report = raw / "snhr-2024-11-monthly.txt"
    text = report.read_text(encoding="utf-8")
    altered = text.replace("47 civilians, including 13 children", "47 civilians, including 12 children", 1)
    assert altered != text
    report.write_text(altered, encoding="utf-8")
    manifest = (raw / "manifest.csv").read_text(encoding="utf-8")
    old_sha = sha256_of(ROOT / "data" / "raw" / report.name)
    (raw / "manifest.csv").write_text(manifest.replace(old_sha, sha256_of(report)), encoding="utf-8")
    goldens = [ROOT / "tests" / "golden" / f"monthly_report_{month}.ipynb" for month in ("2020-05", "2024-11")]
    env = {**os.environ, "SNHR_DATA_ROOT": str(tmp_path)}
    run = subprocess.run([sys.executable, "-m", "pytest", "-q", "-n", "0", "-p", "no:cacheprovider",
                          *map(str, goldens)], cwd=ROOT, env=env, capture_output=True, text=True, timeout=300)
    assert run.returncode != 0, run.stdout[-2000:]
    assert "deaths_by_party_2024-11" in run.stdout  # the chart fingerprint that changed is shown
    assert "failed" in run.stdout.splitlines()[-1]
    failed = {line.removeprefix("FAILED ").split("::")[0] for line in run.stdout.splitlines()
              if line.startswith("FAILED ")}
    assert failed == {"tests/golden/monthly_report_2024-11.ipynb"}, run.stdout[-2000:]


def test_cli_build_rejects_a_month_that_is_not_a_string_month():
    from click.testing import CliRunner

    from snhr_data.cli import main

    result = CliRunner().invoke(main, ["build", "--skip-data", "--month", "01", "-o", "unused"])
    assert result.exit_code == 2
    assert "YYYY-MM" in result.output
    assert not Path("unused").exists()


def test_paths_used_by_the_build_come_from_paths_module(tmp_path, monkeypatch):
    monkeypatch.setenv("SNHR_DATA_ROOT", str(tmp_path))
    assert notebooks.golden_dir() == tmp_path / "tests" / "golden"
    assert paths.reports_dir() == tmp_path / "reports"


# ----------------------------------------------------------------------------- incremental, whole outputs


def build_tiny(root: Path, out: str = "reports", **options) -> reports.ReportsBuild:
    from snhr_data.build import build_data

    build_data()
    return reports.build_reports(out_root=root / out, workers=1, progress=False, **options)


def linked_files_exist(out_root: Path) -> list[str]:
    import re

    page = (out_root / "index.html").read_text(encoding="utf-8")
    links = re.findall(r'href="([^"]+)"', page)
    assert links
    return [link for link in links if not (out_root / link).is_file()]


@pytest.mark.usefixtures("notebook_workers_ready")
def test_only_what_changed_runs_again_and_matches_a_forced_build(tmp_path, monkeypatch):
    from tiny_project import make_project

    root = make_project(tmp_path / "project")
    monkeypatch.setenv("SNHR_DATA_ROOT", str(root))
    out = root / "reports"
    with WorkerPool(1) as pool:  # one worker and its kept kernel for the builds below, as for the notebooks of one build
        check_incremental_builds(root, out, pool)


def check_incremental_builds(root: Path, out: Path, pool: WorkerPool) -> None:
    from tiny_project import tree, write_raw

    first = build_tiny(root, pool=pool)
    assert [r.job.name for r in first.results] == ["2020-05", "2024-12", "cross-year"] and not first.failed
    runs = [("2020-05", notebooks.MONTHLY), ("2024-12", notebooks.MONTHLY), ("cross-year", notebooks.CROSS_YEAR)]
    for name, notebook in runs:  # one kept kernel ran all three, reset before each
        executed = nbformat.read(out / name / notebook, as_version=4)
        assert executed.cells[-1].outputs[0]["text"].startswith("clean")
        assert [c.execution_count for c in executed.cells if c.cell_type == "code"] == [1, 2, 3]
    assert linked_files_exist(out) == []
    built = tree(out)

    assert build_tiny(root, pool=pool).results == [] and tree(out) == built  # unchanged: nothing runs, nothing changes
    (out / "2020-05" / "figures" / "chart0.csv").unlink()  # a deleted output is rebuilt
    assert [r.job.name for r in build_tiny(root, pool=pool).results] == ["2020-05"] and tree(out) == built

    (out / ".run-2024-12-killed").mkdir()  # what a killed build left
    write_raw(root, ("2020-05", "2024-11", "2024-12"))  # a new report
    rerun = [r.job.name for r in build_tiny(root, pool=pool).results]
    assert "2024-11" in rerun and "cross-year" in rerun and "2020-05" not in rerun
    assert not (out / ".run-2024-12-killed").exists()
    forced = build_tiny(root, "forced", force=True, pool=pool)
    assert tree(out) == tree(forced.out_root)

    (root / "data" / "raw" / "manifest.csv").write_text(  # a removed report: its outputs go
        "".join(line for line in (root / "data" / "raw" / "manifest.csv").read_text().splitlines(True)
                if ",2024-11," not in line), encoding="utf-8")
    (root / "data" / "raw" / "snhr-2024-11-monthly.txt").unlink()
    (out / "2019-01").mkdir()  # not made by a build: left alone
    (out / "2019-01" / "notes.txt").write_text("mine\n", encoding="utf-8")
    assert build_tiny(root, pool=pool).removed == ["2024-11"]
    assert (out / "2019-01" / "notes.txt").is_file()
    assert not (out / "2024-11").exists() and "2024-11" not in (out / "index.html").read_text(encoding="utf-8")
    assert linked_files_exist(out) == []


@pytest.mark.battery  # a fresh kernel for each of three notebooks, about 5 s of CPU: make test-battery (CI)
@pytest.mark.usefixtures("notebook_workers_ready")
def test_a_kept_kernel_gives_the_bytes_of_a_fresh_kernel_per_notebook(tmp_path, monkeypatch):
    """``--fresh-kernels`` and the kept kernel of each worker (reset between notebooks) write the same files."""
    from tiny_project import make_project, tree

    root = make_project(tmp_path / "project")
    monkeypatch.setenv("SNHR_DATA_ROOT", str(root))
    with WorkerPool(1) as pool:
        kept = build_tiny(root, "kept", pool=pool)
    fresh = build_tiny(root, "fresh", reuse_kernels=False)
    assert [r.job.name for r in fresh.results] == [r.job.name for r in kept.results] == ["2020-05", "2024-12", "cross-year"]
    assert tree(kept.out_root) == tree(fresh.out_root)


@pytest.mark.battery  # two builds through the CLI, about 4 s of CPU: make test-battery (CI); the data stage's bytes in
# another folder are make test's (tests/test_build.py test_the_real_reports_build_byte_identically_with_every_report)
@pytest.mark.usefixtures("notebook_workers_ready")
def test_outputs_are_identical_whatever_the_checkout_path(tmp_path, monkeypatch):
    from click.testing import CliRunner

    from snhr_data.cli import main
    from tiny_project import make_project, tree

    trees = []
    for where in ["a", "elsewhere/deeper"]:
        root = make_project(tmp_path / where / "project", months=("2020-05",), fail="2020-05")
        monkeypatch.setenv("SNHR_DATA_ROOT", str(root))
        result = CliRunner().invoke(main, ["build", "-j", "1"])
        assert result.exit_code == 1  # the failing notebook
        failures = [line for line in result.output.splitlines() if line.startswith("FAILED:")]
        assert len(failures) == 1 and failures[0].endswith("RuntimeError: no data in .")  # once, relative
        text = b"".join(tree(root / "reports").values())
        assert str(tmp_path).encode() not in text
        trees.append(tree(root / "reports"))
    assert trees[0] == trees[1]


def test_the_cross_year_notebook_starts_first(tmp_path):
    jobs = notebooks.build_jobs(["2024-01", "2024-02"], tmp_path)
    assert [job.name for job in notebooks.in_start_order(jobs)] == [notebooks.CROSS_YEAR_DIR, "2024-01", "2024-02"]


def test_the_monthly_notebooks_start_longest_first_so_the_workers_finish_together(tmp_path):
    """By the figures each report states in data/processed (known on a fresh clone, before any build); a report
    stating none last, ties in month order; no figures table: month order."""
    from snhr_data.reports import stated_figures

    months = ["2024-01", "2024-02", "2024-03", "2024-04", "2024-05"]
    jobs = notebooks.build_jobs(months, tmp_path)
    assert [job.name for job in notebooks.in_start_order(jobs, stated_figures(tmp_path))] == [
        notebooks.CROSS_YEAR_DIR, *months]
    rows = ["2024-01"] * 3 + ["2024-02"] * 7 + ["2024-04"] * 3 + ["2024-03"] * 9
    (tmp_path / "figures.csv").write_text("report,period\n" + "".join(f"{m},{m}\n" for m in rows), encoding="utf-8")
    assert [job.name for job in notebooks.in_start_order(jobs, stated_figures(tmp_path))] == [
        notebooks.CROSS_YEAR_DIR, "2024-03", "2024-02", "2024-01", "2024-04", "2024-05"]


def test_notebooks_read_the_audit_and_series_the_data_stage_wrote():
    """The notebooks read ``discrepancies`` and ``series`` from data/processed instead of recomputing them
    over the whole archive: the same rows as the audit and the series computed afresh."""
    from snhr_data.audit import run_checks
    from snhr_data.series import build_series

    figures = notebooks.load_figures_from("processed")
    for read, computed in [(notebooks.audit_findings(figures), run_checks(figures)),
                           (notebooks.load_series(), build_series(figures))]:
        assert read.astype(str).reset_index(drop=True).equals(computed.astype(str).reset_index(drop=True))


def test_processed_tables_are_parsed_again_only_when_their_file_changes(tmp_path, monkeypatch):
    import pandas as pd

    monkeypatch.setenv("SNHR_DATA_ROOT", str(tmp_path))
    paths.processed_dir().mkdir(parents=True)
    target = paths.processed_dir() / "series.parquet"
    pd.DataFrame({"value": [1.0]}).to_parquet(target)
    first = notebooks.processed_table("series")
    first["value"] = 9.0  # a caller changing its copy changes nothing for the next notebook
    assert notebooks.processed_table("series")["value"].tolist() == [1.0]
    pd.DataFrame({"value": [2.0]}).to_parquet(target)
    assert notebooks.processed_table("series")["value"].tolist() == [2.0]


def test_the_html_exporter_keeping_its_filters_gives_nbconverts_pages():
    """The exporter's filters keep their results per cell source (``html_exporter``): the pages are nbconvert's own."""
    from nbconvert import HTMLExporter
    from nbformat.v4 import new_markdown_cell, new_output

    def notebook(month: str):
        return new_notebook(cells=[
            new_markdown_cell("# A report\n\nWith **markdown** and <b>html</b>."),
            new_code_cell(f'month = "{month}"', metadata={"tags": ["parameters"]}),
            new_code_cell("from snhr_data import charts\ncharts.TableView(table)  # a comment", outputs=[
                new_output("display_data", data={"text/html": f"<table><tr><td>{month}</td></tr></table>",
                                                 "text/plain": month})]),
        ], metadata={"language_info": {"name": "python", "pygments_lexer": "ipython3"}})

    plain = HTMLExporter(template_name="lab")
    for month in ["2024-01", "2024-02", "2024-01"]:  # the second and third reuse kept results
        page = notebook(month)  # (new cells get random ids)
        assert notebooks.html_exporter().from_notebook_node(page)[0] == plain.from_notebook_node(page)[0]
