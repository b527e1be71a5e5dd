"""The yardstick for the notebook build: the notebooks' own code run as plain Python, no kernel.

For every job ``snhr-data build`` would run (one monthly notebook per report, the cross-year one),
the notebook's code cells are executed with the same parameters in a fresh namespace, two
processes at a time, saving the same chart files into a scratch folder. What the notebook build
costs above this (kernels, papermill, HTML) is its overhead.

    SNHR_DATA_ROOT=<project> python benchmarks/plain_charts.py [-j 2]
"""
from __future__ import annotations

import argparse
import contextlib
import io
import tempfile
from concurrent.futures import ProcessPoolExecutor
from pathlib import Path

import nbformat

from snhr_data import paths
from snhr_data.notebooks import build_jobs, in_start_order, report_months


def run_plain(job_and_scratch: tuple) -> str:
    """Execute a job's notebook cells as plain Python in ``scratch``; returns the job's name."""
    job, scratch = job_and_scratch
    out = Path(scratch) / job.name
    out.mkdir(parents=True)
    namespace = {**job.parameters, "output_dir": str(out)}
    notebook = nbformat.read(paths.notebooks_dir() / job.notebook, as_version=4)
    with contextlib.redirect_stdout(io.StringIO()):
        for cell in notebook.cells:
            if cell.cell_type == "code" and "parameters" not in cell.metadata.get("tags", []):
                exec(compile(cell.source, f"<{job.notebook}>", "exec"), namespace)
    return job.name


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("-j", "--jobs", type=int, default=2)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory(prefix="plain-charts-") as scratch:
        jobs = in_start_order(build_jobs(report_months(), Path(scratch)))
        with ProcessPoolExecutor(max_workers=args.jobs) as pool:
            done = list(pool.map(run_plain, [(job, scratch) for job in jobs]))
    print(f"{len(done)} notebooks' code run as plain Python")


if __name__ == "__main__":
    main()
