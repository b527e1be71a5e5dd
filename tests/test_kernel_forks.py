"""Tests of snhr_data.kernel_forks: a build's kernels forked from one warm process, in the state of a fresh kernel,
ending with their workers, and started the ordinary way when that process is not there."""
from __future__ import annotations

import json
import os
import signal
import time
from pathlib import Path

import psutil
import pytest

from snhr_data import execution, paths
from test_execution import Stop, our_processes

# What a notebook's code could see of the process it runs in, as text: a forked kernel must show the same as a kernel
# started afresh and warmed up (object addresses and the connection file's name aside).
STATE_CODE = r'''
import gc, json, logging, os, signal, sys, warnings
import matplotlib, numpy, pandas
def _state():
    options = pandas._config.config
    return {
        "pandas": {key: [repr(pandas.get_option(key)), repr(options.get_default_val(key))]
                   for key in options._registered_options},
        "rcParams": {key: repr(value) for key, value in matplotlib.rcParams.items() if key != "backend"},
        "rcParamsDefault": {key: repr(value) for key, value in matplotlib.rcParamsDefault.items() if key != "backend"},
        "backend": matplotlib.rcParams._get_backend_or_none(),
        "modules": sorted(sys.modules),
        "path": sys.path, "argv0": sys.argv[0], "argv": sys.argv[1:2], "flags": repr(sys.flags), "cwd": os.getcwd(),
        "environment": {key: value for key, value in os.environ.items() if key != "JPY_PARENT_PID"},
        "warning filters": sorted(repr(entry) for entry in warnings.filters),  # disjoint filters: order is no matter
        "numpy": repr(numpy.get_printoptions()),
        "loggers": {name: [type(logger).__name__, getattr(logger, "level", None), len(getattr(logger, "handlers", []))]
                    for name, logger in logging.root.manager.loggerDict.items()},
        "streams": [type(sys.stdout).__name__, type(sys.stderr).__name__, sys.stdout.encoding],
        "limits": [sys.getrecursionlimit(), sys.getswitchinterval(), gc.get_threshold()],
        "signals": {int(number): repr(signal.getsignal(number)) for number in (1, 2, 13, 15, 17)},
        "session": os.getsid(0) == os.getpid(),
    }
with open(STATE_FILE, "w") as _out:
    json.dump(_state(), _out, sort_keys=True)
'''


def kernel_state(kernel: execution.Kernel, cwd: Path, out: Path) -> dict:
    kernel.reset(cwd)
    kernel.run_silently(f"STATE_FILE = {str(out)!r}\n" + STATE_CODE)
    return json.loads(out.read_text())


def kernel_facts(job: tuple[str, str]) -> tuple[bool, int, int, dict]:
    """In a worker: whether its kernel was forked, the kernel's pid, this worker's pid, the kernel's state."""
    cwd, out = job
    kernel = execution._KERNEL
    return kernel.forked, kernel.km.provisioner.pid, os.getpid(), kernel_state(kernel, Path(cwd), Path(out))


@pytest.mark.usefixtures("notebook_workers_ready")
def test_a_pools_kernels_are_forked_in_the_state_of_fresh_kernels_and_stopped_with_it(tmp_path):
    fresh = execution.Kernel(tmp_path)
    try:
        fresh.run_silently(execution.warm_code(sorted(paths.notebooks_dir().glob("*.ipynb"))))
        expected = kernel_state(fresh, tmp_path, tmp_path / "fresh.json")
    finally:
        fresh.shutdown()
    assert expected["pandas"]["display.max_columns"] == ["20", "20"]  # what pandas sets for a kernel (0 elsewhere)
    before = our_processes()
    facts: list[tuple] = []
    with pytest.raises(Stop):
        with execution.WorkerPool(2, warm=True) as pool:
            pool.run(kernel_facts, [(str(tmp_path), str(tmp_path / f"forked{n}.json")) for n in range(2)], facts.append)
            forks = pool._forks.pid
            for forked, kernel, worker, state in facts:
                assert forked and psutil.Process(kernel).ppid() == forks  # forked, not started afresh
                assert state == expected
            raise Stop  # an error in a build: every process under the pool is stopped, the forking one too
    left = [psutil.Process(pid) for pid in our_processes() - before]
    _, alive = psutil.wait_procs(left, timeout=5)
    assert alive == []


def worker_with_kernel(forks, cwd: str, answer) -> None:
    """A stand-in for a pool's worker: its kernel forked, the kernel's pid sent, then it waits to be killed."""
    execution._FORKS, execution._SOCKETS = forks, cwd
    kernel = execution.Kernel(Path(cwd))
    answer.send((kernel.forked, kernel.km.provisioner.pid))
    time.sleep(60)


@pytest.mark.battery  # a fault of the kernels' lifecycle (about 1-2 s each): make test-battery, CI
def test_a_forked_kernel_ends_with_its_worker_and_the_forking_process_with_the_pool(tmp_path):
    import multiprocessing

    process, forks = execution.WorkerPool.start_forks(str(tmp_path))
    try:
        receive, send = multiprocessing.Pipe(duplex=False)
        worker = multiprocessing.get_context("fork").Process(target=worker_with_kernel,
                                                             args=(forks, str(tmp_path), send))
        worker.start()
        assert receive.poll(60)
        forked, kernel = receive.recv()
        assert forked and psutil.Process(kernel).ppid() == process.pid
        os.kill(worker.pid, signal.SIGKILL)
        worker.join()
        _, alive = psutil.wait_procs([psutil.Process(kernel)], timeout=10)
        assert alive == []  # it watched its worker, and ended with it
    finally:
        process.stdin.close()
        assert process.wait(timeout=10) == 0  # the pool's end: its standard input closed


@pytest.mark.battery  # a fault of the kernels' lifecycle (about 1-2 s each): make test-battery, CI
def test_a_worker_starts_its_kernel_itself_when_the_forking_process_is_gone(tmp_path, monkeypatch):
    process, forks = execution.WorkerPool.start_forks(str(tmp_path))
    process.kill()
    process.wait()
    monkeypatch.setattr(execution, "_FORKS", forks)
    monkeypatch.setattr(execution, "_SOCKETS", str(tmp_path))
    kernel = execution.Kernel(tmp_path)
    try:
        assert not kernel.forked
        kernel.run_silently("assert 1 + 1 == 2")
        assert psutil.Process(kernel.km.provisioner.pid).ppid() == os.getpid()
    finally:
        kernel.shutdown()


@pytest.mark.battery  # a fault of the kernels' lifecycle (about 1-2 s each): make test-battery, CI
def test_a_request_that_is_not_a_kernel_launch_is_refused(tmp_path):
    from snhr_data import kernel_forks

    process, (address, prefix) = execution.WorkerPool.start_forks(str(tmp_path))
    try:
        with pytest.raises(OSError, match="no kernel forked"):
            kernel_forks.request(address, [*prefix, "-c", "print(1)"], dict(os.environ), str(tmp_path))
    finally:
        process.stdin.close()
        process.wait(timeout=10)


def test_a_forking_pool_warms_the_workers_tools_once_before_forking_its_workers(tmp_path, monkeypatch):
    """papermill, nbconvert's templates, jupyter_client: imported and warmed in this process, which the workers are
    forked from, instead of once in each worker; a pool of one worker (no forking process) leaves them to it."""
    calls: list[int] = []
    monkeypatch.setattr(execution.WorkerPool, "warm_tools_here", staticmethod(lambda: calls.append(os.getpid())))
    monkeypatch.setattr(execution.WorkerPool, "start_forks", staticmethod(lambda folder: (None, ("unused", []))))
    monkeypatch.setattr(execution, "warm_up", lambda cwd: None)
    with execution.WorkerPool(2, warm=True):
        pass
    assert calls == [os.getpid()]
    calls.clear()
    with execution.WorkerPool(1, warm=True):
        pass
    assert calls == []


def test_tools_that_fail_to_warm_up_in_the_main_process_leave_it_to_the_first_job(monkeypatch):
    def broken() -> None:
        raise RuntimeError("no templates")

    monkeypatch.setattr(execution, "warm_notebook_tools", broken)
    execution.WorkerPool.warm_tools_here()  # no exception: the build goes on, as after a worker's failed warm-up
