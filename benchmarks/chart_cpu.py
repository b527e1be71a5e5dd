"""CPU seconds per monthly notebook, its code run in one process as a kept kernel runs it.

Runs the code cells of ``notebooks/monthly_report.ipynb`` for every report in ``data/raw`` (after a
built ``data/processed``), once to warm up (imports, caches a kept kernel already holds), then
``--rounds`` more times, each saving every chart (PNG, SVG, PDF, CSV) into a scratch folder. Prints
the CPU (``time.process_time``: user + sys of this process, which a shared machine inflates less
than wall time) per notebook of each round, their median and spread, and the wall time beside it.

    [SNHR_DATA_ROOT=<archive>] python benchmarks/chart_cpu.py [--rounds 5] [--distinct] [--keep DIR] [--profile N]

Repeated rounds draw the same charts again, so whatever a process caches is all hits from the second
round on: an upper bound for a kept kernel. ``--distinct`` is what a build's kept kernel sees: after
one warm-up notebook, every other report's notebook once (on a synthetic archive,
``benchmarks/synthetic_archive.py``, the months share parties, labels and ticks, not titles or numbers).

``--keep DIR`` leaves the last round's figures in ``DIR/<month>/figures`` (to compare two versions'
files byte for byte or pixel for pixel); ``--profile N`` prints the N most expensive functions of
one more round under cProfile, by cumulative time.
"""
from __future__ import annotations

import argparse
import contextlib
import cProfile
import io
import os
import pstats
import shutil
import statistics
import tempfile
import time
from pathlib import Path

import nbformat

from snhr_data import paths
from snhr_data.notebooks import build_jobs, in_start_order, report_months


def monthly_jobs() -> list:
    """The monthly notebook jobs a build runs, in its start order."""
    return [job for job in in_start_order(build_jobs(report_months(), Path("unused")))
            if job.notebook.startswith("monthly")]


def code_cells(notebook: str) -> list:
    """The notebook's code cells but the parameters cell, compiled."""
    book = nbformat.read(paths.notebooks_dir() / notebook, as_version=4)
    return [compile(cell.source, f"<{notebook}>", "exec") for cell in book.cells
            if cell.cell_type == "code" and "parameters" not in cell.metadata.get("tags", [])]


def run_round(jobs: list, cells: list, scratch: Path) -> None:
    """Run every job's cells with its parameters, saving its figures under ``scratch/<job name>``."""
    for job in jobs:
        out = scratch / job.name
        out.mkdir(parents=True)
        namespace = {**job.parameters, "output_dir": str(out)}
        with contextlib.redirect_stdout(io.StringIO()):
            for cell in cells:
                exec(cell, namespace)


def timed_round(jobs: list, cells: list, scratch: Path) -> tuple[float, float]:
    """CPU and wall seconds per notebook of one round into a fresh ``scratch``."""
    shutil.rmtree(scratch, ignore_errors=True)
    cpu, wall = time.process_time(), time.perf_counter()
    run_round(jobs, cells, scratch)
    return (time.process_time() - cpu) / len(jobs), (time.perf_counter() - wall) / len(jobs)


def distinct_notebooks(jobs: list, cells: list) -> None:
    """Print the CPU per notebook of every report's notebook but the first (the warm-up), each run once."""
    with tempfile.TemporaryDirectory(prefix="chart-cpu-") as tmp:
        run_round(jobs[:1], cells, Path(tmp) / "warm-up")
        cpu, wall = timed_round(jobs[1:], cells, Path(tmp) / "round")
    print(f"{len(jobs) - 1} distinct monthly notebooks after one warm-up, load average {os.getloadavg()[0]:.1f}")
    print(f"CPU s per notebook: {cpu:.3f}; wall s {wall:.3f}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rounds", type=int, default=5)
    parser.add_argument("--keep", type=Path, help="leave the last round's figures in this folder")
    parser.add_argument("--profile", type=int, default=0, help="then profile one round; print this many lines")
    parser.add_argument("--distinct", action="store_true",
                        help="warm up on the first report, then run every other report's notebook once")
    args = parser.parse_args()
    jobs = monthly_jobs()
    cells = code_cells(jobs[0].notebook)
    if args.distinct:
        distinct_notebooks(jobs, cells)
        return
    with tempfile.TemporaryDirectory(prefix="chart-cpu-") as tmp:
        scratch = Path(tmp) / "round"
        timed_round(jobs, cells, scratch)  # warm-up
        results = [timed_round(jobs, cells, scratch) for _ in range(args.rounds)]
        if args.keep:
            shutil.rmtree(args.keep, ignore_errors=True)
            shutil.copytree(scratch, args.keep)
        if args.profile:
            shutil.rmtree(scratch)
            profile = cProfile.Profile()
            profile.runcall(run_round, jobs, cells, scratch)
            text = io.StringIO()
            pstats.Stats(profile, stream=text).sort_stats("cumulative").print_stats(args.profile)
            print(text.getvalue())
    cpu = [c for c, _ in results]
    wall = [w for _, w in results]
    print(f"{len(jobs)} monthly notebooks x {args.rounds} rounds, load average {os.getloadavg()[0]:.1f}")
    print("CPU s per notebook by round: " + " ".join(f"{c:.3f}" for c in cpu))
    print(f"CPU s per notebook: median {statistics.median(cpu):.3f} (min {min(cpu):.3f}, max {max(cpu):.3f}); "
          f"wall s median {statistics.median(wall):.3f}")


if __name__ == "__main__":
    main()
