"""Benchmark of ``snhr-data build`` on a synthetic archive: medians with their spread, and ratios.

Makes an archive of the five real reports plus N synthetic ones (``synthetic_archive.py``), then
times whole processes, each run ``--runs`` times:

- ``data``: the data stage alone (``snhr-data build-data --force``: every report extracted);
- ``data-added``: the data stage after one report is added (``snhr-data build-data``, the others'
  figures from the extraction cache);
- ``full``: a full build (``snhr-data build --force``);
- ``noop``: a rebuild with nothing changed (``snhr-data build``);
- ``added``: a rebuild after one report is added (the newest synthetic report removed, built
  without it, put back: only its notebook and the cross-year notebook run);
- ``plain``: the notebooks' code as plain Python, two processes (``plain_charts.py``), the yardstick.

Each line gives the median wall time, [min - max], the median CPU time (user + system, the process
and every process under it: the figure to compare under a shared machine's load) and the peak memory
of the largest single process of the run (a kernel, a worker or the main process). Ratios:
full/plain, added/full, data-added/data.

    .venv/bin/python benchmarks/build_benchmark.py --n 20 --runs 3 [--workdir /tmp/snhr-bench]
"""
from __future__ import annotations

import argparse
import csv
import os
import platform
import statistics
import subprocess
import sys
import time
from pathlib import Path

from synthetic_archive import ROOT, make_archive, read_manifest, write_manifest

BIN = Path(sys.executable).parent


def timed(command: list[str], env: dict[str, str]) -> tuple[float, float, float]:
    """Wall seconds, peak resident MB of the largest process in ``command``'s tree and CPU seconds of the
    whole tree (wait4 accounting)."""
    start = time.perf_counter()
    process = subprocess.Popen(command, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    _, status, usage = os.wait4(process.pid, 0)
    seconds = time.perf_counter() - start
    if os.waitstatus_to_exitcode(status) != 0:
        raise SystemExit(f"{' '.join(command)} failed: {process.stderr.read().decode()[-2000:]}")
    process.stderr.close()
    return seconds, usage.ru_maxrss / 1024, usage.ru_utime + usage.ru_stime


def summary(name: str, runs: list[tuple[float, float, float]]) -> dict[str, float | str]:
    times = [t for t, _, _ in runs]
    return {"step": name, "median_s": statistics.median(times), "min_s": min(times), "max_s": max(times),
            "cpu_s": statistics.median(c for _, _, c in runs), "runs": len(times),
            "peak_mb": max(m for _, m, _ in runs)}


def newest_synthetic(raw: Path) -> dict[str, str]:
    _, rows = read_manifest(raw)
    return max((r for r in rows if r["file"].startswith("synthetic-")), key=lambda r: r["report_month"])


def added_report_runs(archive: Path, env: dict[str, str], runs: int,
                      command: list[str]) -> list[tuple[float, float, float]]:
    """Remove the newest synthetic report, run ``command``, put it back: time that run, ``runs`` times."""
    raw = archive / "data" / "raw"
    row = newest_synthetic(raw)
    text = (raw / row["file"]).read_bytes()
    fields, rows = read_manifest(raw)
    results = []
    for _ in range(runs):
        (raw / row["file"]).unlink()
        write_manifest(raw, fields, [r for r in rows if r["file"] != row["file"]])
        timed(command, env)
        (raw / row["file"]).write_bytes(text)
        write_manifest(raw, fields, rows)
        results.append(timed(command, env))
    return results


def machine() -> str:
    memory = next((line.split()[1] for line in open("/proc/meminfo") if line.startswith("MemTotal")), "?")
    model = next((line.split(":", 1)[1].strip() for line in open("/proc/cpuinfo") if line.startswith("model name")), "?")
    return (f"{platform.system()} {platform.release()}, {os.cpu_count()} cores ({model}), "
            f"{int(memory) // 1024 ** 2} GiB, Python {platform.python_version()}, load {os.getloadavg()[0]:.1f}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--n", type=int, default=20, help="synthetic reports (default 20; up to 200)")
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--workdir", type=Path, default=Path("/tmp/snhr-bench"))
    parser.add_argument("--steps", default="data,data-added,full,noop,added,plain",
                        help="steps, each with its own run count if given as STEP:RUNS (e.g. full:2,noop:5)")
    parser.add_argument("--build-options", default="", help="extra options for `snhr-data build`, e.g. --fresh-kernels")
    args = parser.parse_args()
    archive = args.workdir / f"archive-{args.n}"
    months = make_archive(archive, args.n, ROOT)
    env = {**os.environ, "SNHR_DATA_ROOT": str(archive)}
    build = [str(BIN / "snhr-data"), "build", *args.build_options.split()]
    commands = {"data": [str(BIN / "snhr-data"), "build-data", "--force"], "full": [*build, "--force"],
                "noop": build, "plain": [sys.executable, str(Path(__file__).with_name("plain_charts.py"))]}
    print(f"{len(months)} reports; {machine()}", flush=True)
    results = {}
    for spec in args.steps.split(","):
        step, _, count = spec.partition(":")
        count = int(count) if count else args.runs
        if step in ("added", "data-added"):
            command = build if step == "added" else [str(BIN / "snhr-data"), "build-data"]
            runs = added_report_runs(archive, env, count, command)
        else:
            runs = [timed(commands[step], env) for _ in range(count)]
        results[step] = summary(step, runs)
        row = results[step]
        print(f"{step:10} median {row['median_s']:7.2f} s  [{row['min_s']:.2f} - {row['max_s']:.2f}]  "
              f"CPU {row['cpu_s']:.2f} s  peak {row['peak_mb']:.0f} MB  ({row['runs']} runs)", flush=True)
    if "plain" in results and "full" in results:
        print(f"full / plain: {results['full']['median_s'] / results['plain']['median_s']:.2f}")
    if "added" in results and "full" in results:
        print(f"added / full: {results['added']['median_s'] / results['full']['median_s']:.2f}")
    if "data-added" in results and "data" in results:
        print(f"data-added / data: {results['data-added']['median_s'] / results['data']['median_s']:.2f} wall, "
              f"{results['data-added']['cpu_s'] / results['data']['cpu_s']:.2f} CPU")
    print(f"load average at the end: {os.getloadavg()[0]:.1f}")
    with open(args.workdir / f"results-{args.n}.csv", "w", newline="") as handle:
        writer = csv.DictWriter(handle, fieldnames=list(next(iter(results.values()))), lineterminator="\n")
        writer.writeheader()
        writer.writerows(results.values())


if __name__ == "__main__":
    main()
