"""Fault injection: builds interrupted at random points, two builds at once.

Each test runs ``snhr-data build`` as a real subprocess on a small project (``tiny_project``: two
real reports, quick stand-in notebooks that write their figures one by one) and checks what a
reader would find afterwards: ``data/processed`` and every ``reports/`` folder as before the build
or as a complete build makes them, an index linking only files that exist, no process left behind,
no traceback, and a next build that starts clean. (Failing writes and swaps: ``test_build.py``.)

The file carries the mark ``battery``: ``make test-battery`` runs it (CI runs that target), ``make test`` does not.
"""
from __future__ import annotations

import os
import random
import re
import signal
import subprocess
import sys
import time
import uuid
from pathlib import Path

import psutil
import pytest

from tiny_project import make_project, tree

SNHR_DATA = [sys.executable, "-m", "snhr_data.cli"]
# the whole file is the interrupt battery: make test-battery (CI) runs it, make test leaves it out (each build
# subprocess costs seconds; make test keeps its failing writes and swaps, test_build.py)
pytestmark = [pytest.mark.usefixtures("notebook_workers_ready"), pytest.mark.battery]


def start_build(root: Path, *arguments: str, tag: str = "", jobs: int = 2) -> subprocess.Popen:
    env = {**os.environ, "SNHR_DATA_ROOT": str(root), "SNHR_FAULT_TAG": tag}
    return subprocess.Popen([*SNHR_DATA, "build", "-j", str(jobs), *arguments], cwd=root, env=env,
                            start_new_session=True, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)


def wait_for_the_lock(root: Path, process: subprocess.Popen, timeout: float = 60) -> None:
    """Wait until the build ``process`` holds the checkout's build lock (its PID written in ``data/.build.lock``)."""
    lock = root / "data" / ".build.lock"
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if lock.exists() and lock.read_text().strip() == str(process.pid):
            return
        assert process.poll() is None, f"the build ended before it was seen holding the lock: {process.communicate()}"
        time.sleep(0.02)
    raise AssertionError(f"the build (PID {process.pid}) did not take the lock in {timeout} s")


def catches_sigterm(pid: int) -> bool:
    """Whether process ``pid`` has a handler of its own for SIGTERM (Linux: the SigCgt mask of /proc/PID/status).
    Python handles SIGINT itself from its first moment; SIGTERM only once a program installs a handler."""
    status = Path(f"/proc/{pid}/status").read_text()
    caught = int(re.search(r"^SigCgt:\s*([0-9a-f]+)$", status, re.MULTILINE).group(1), 16)
    return bool(caught >> (signal.SIGTERM - 1) & 1)


def wait_for_its_handlers(process: subprocess.Popen, timeout: float = 30) -> None:
    """Wait until the build process handles SIGINT and SIGTERM itself (``snhr_data.cli.run``, its first statement):
    before that the interpreter is still starting (its ``site`` module, the command's imports), and an interrupt is
    Python's own to report, before any code of ours runs; on a loaded machine that start can outlast the earliest
    random point of the build."""
    deadline = time.monotonic() + timeout
    while not catches_sigterm(process.pid):
        assert process.poll() is None and time.monotonic() < deadline, "the build never installed its handlers"
        time.sleep(0.01)


def run_build(root: Path) -> None:
    """A whole build subprocess with one worker (no interrupt lands in it: one kernel to start instead of two),
    whose console stays quiet (the kernels' warnings and tracebacks would reach its standard error)."""
    process = start_build(root, jobs=1)
    _, stderr = process.communicate(timeout=240)
    assert process.returncode == 0, stderr
    assert "without encryption" not in stderr and "Traceback" not in stderr, stderr  # a quiet console


def build_here(root: Path) -> None:
    """A whole build with one worker, run by the CLI in this process: the same code as ``run_build`` without an
    interpreter and the package's imports to start (about 1.5 s of CPU), for builds that no signal interrupts."""
    from click.testing import CliRunner

    from snhr_data.cli import main

    with pytest.MonkeyPatch.context() as patch:
        patch.setenv("SNHR_DATA_ROOT", str(root))
        patch.chdir(root)
        result = CliRunner().invoke(main, ["build", "-j", "1"])
    assert result.exit_code == 0 and result.exception is None, result.output
    assert "Traceback" not in result.output, result.output


def processes_tagged(tag: str) -> list[psutil.Process]:
    """Processes still running with ``tag`` in their environment: workers or kernels of a stopped build."""
    found = []
    for proc in psutil.process_iter():
        try:
            if proc.environ().get("SNHR_FAULT_TAG") == tag and proc.status() != psutil.STATUS_ZOMBIE:
                found.append(proc)
        except (psutil.NoSuchProcess, psutil.AccessDenied):
            continue
    return found


def folders(out: Path) -> dict[str, dict[str, bytes]]:
    """Each output folder of ``reports/`` -> its files."""
    return {p.name: tree(p) for p in sorted(out.iterdir()) if p.is_dir() and not p.name.startswith(".")}


def dead_links(out: Path) -> list[str]:
    page = (out / "index.html").read_text(encoding="utf-8")
    return [link for link in re.findall(r'href="([^"]+)"', page) if not (out / link).is_file()]


@pytest.fixture(scope="module")
def states(tmp_path_factory):
    """A project built once from two reports (before: a build subprocess with a quiet console) and a copy of it
    built again with a third, uninterrupted (complete: what the tests' builds must end with; that such an
    incremental build gives a fresh build's bytes is
    ``test_notebooks.test_only_what_changed_runs_again_and_matches_a_forced_build``)."""
    import shutil

    from tiny_project import write_raw

    root = make_project(tmp_path_factory.mktemp("faults") / "project", files=6, pause=0.05)
    run_build(root)
    before = {"data": tree(root / "data" / "processed"), "reports": folders(root / "reports")}
    complete_root = tmp_path_factory.mktemp("complete") / "project"
    shutil.copytree(root, complete_root, symlinks=True)
    write_raw(complete_root, ("2020-05", "2024-11", "2024-12"))
    build_here(complete_root)
    complete = {"data": tree(complete_root / "data" / "processed"), "reports": folders(complete_root / "reports")}
    return root, before, complete


# interrupts at random points: Ctrl-C twice, kill once (each costs about 3.5 s of a test process)
@pytest.mark.parametrize("signum, seed", [(signal.SIGINT, 1), (signal.SIGTERM, 2), (signal.SIGINT, 3)])
def test_an_interrupted_build_leaves_old_or_complete_outputs_and_no_process(states, tmp_path, signum, seed):
    import shutil

    from tiny_project import write_raw

    template, before, complete = states
    root = tmp_path / "project"
    shutil.copytree(template, root, symlinks=True)
    write_raw(root, ("2020-05", "2024-11", "2024-12"))  # a third report: data and two notebooks to redo
    tag = uuid.uuid4().hex
    process = start_build(root, tag=tag)
    wait_for_its_handlers(process)
    time.sleep(random.Random(seed).uniform(0.2, 3.9))  # a random point of the build
    if signum == signal.SIGINT:
        os.killpg(process.pid, signum)  # as Ctrl-C does: to the terminal's whole process group
    else:
        process.send_signal(signum)  # as `kill PID` does: to the main process only
    sent = time.monotonic()
    stdout, stderr = process.communicate(timeout=30)
    # about 1 s on an idle machine; the bound leaves room for a loaded CI machine and still catches a hang
    assert time.monotonic() - sent < 10, "the build took too long to stop"
    assert "Traceback" not in stderr and "Exception" not in stderr, stderr
    if process.returncode == -signal.SIGTERM and signum == signal.SIGTERM:
        # the signal landed after the build ended, its handlers restored, while the process was exiting: killed by
        # the default action, its outputs must be the complete ones
        assert tree(root / "data" / "processed") == complete["data"]
    elif process.returncode != 0:  # the signal landed before the build finished
        assert process.returncode == 128 + signum
        assert len([line for line in stderr.splitlines() if line.startswith("interrupted by")]) == 1
    assert processes_tagged(tag) == []

    data = tree(root / "data" / "processed")
    assert data in (before["data"], complete["data"])
    out = root / "reports"
    for name, files in folders(out).items():
        assert files in (before["reports"].get(name), complete["reports"].get(name)), name
    assert dead_links(out) == []

    build_here(root)  # the next build starts clean and completes
    assert [p.name for p in out.iterdir() if p.name.startswith(".run-")] == []
    assert [p.name for p in (root / "data").iterdir() if p.name.startswith((".build-", ".old-"))] == []
    assert tree(root / "data" / "processed") == complete["data"] and folders(out) == complete["reports"]


def test_two_builds_at_once_one_waits_its_turn(states, tmp_path):
    import shutil

    template, _, complete = states
    root = tmp_path / "project"
    shutil.copytree(template, root, symlinks=True)
    from tiny_project import write_raw

    write_raw(root, ("2020-05", "2024-11", "2024-12"))
    first = start_build(root, "--force", jobs=1)  # one kernel runs the four notebooks in turn
    wait_for_the_lock(root, first)  # a fixed pause lost the race on a loaded machine: the second build took it first
    second = start_build(root, "--month", "2024-11", "--month", "2024-11")
    _, second_err = second.communicate(timeout=240)
    _, first_err = first.communicate(timeout=240)
    assert first.returncode == 0, first_err
    assert second.returncode == 1
    assert re.search(rf"another build \(PID {first.pid}\) is running in this checkout", second_err)
    assert "Traceback" not in second_err
    assert tree(root / "data" / "processed") == complete["data"] and folders(root / "reports") == complete["reports"]
    assert dead_links(root / "reports") == []
