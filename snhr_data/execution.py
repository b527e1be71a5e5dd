"""Executing notebooks: a python3 kernel per worker process, kept across notebooks, killed on interrupt.

A notebook run pays a kernel start (~0.5 s) and the package imports inside it (~0.6 s) before any
work. A worker therefore starts one kernel and keeps it: before each notebook the kernel's namespace
is reset (figures closed, ``InteractiveShell.reset``: a new
history session, execution counter back to 1) and its working directory set,
so an executed notebook is byte-identical to one run in a fresh kernel (``tests/test_build_state``
checks it). ``reuse=False`` starts a fresh kernel per notebook instead (the benchmark compares both).

Kernels talk to the worker over IPC sockets, not TCP: ipykernel warns "Kernel is running over TCP
without encryption" on every start over TCP, and local sockets need no network at all.

Workers leave the terminal's process group, so Ctrl-C reaches the main process only; on an interrupt
the main process stops the workers and every kernel under them (``stop_process_tree``).
"""
from __future__ import annotations

import os
import shutil
import signal
import tempfile
from contextlib import nullcontext
from pathlib import Path
from typing import Callable, Mapping, Sequence

KERNEL_NAME = "python3"
CELL_TIMEOUT_S = 300
START_TIMEOUT_S = 60
# pyplot's open figures are closed only if a notebook imported pyplot (importing it costs ~0.7 s per kernel, and
# the package draws on ``Figure`` objects, without pyplot). What the reset leaves -- modules, their caches -- lives as
# long as the kernel: after a collection of what the last notebook left, it is frozen out of the garbage collector's
# reach (``gc.freeze``), so that neither the next reset nor the collections while charts are drawn traverse again
# the million objects of pandas and matplotlib (about 70 ms a reset, and 3 % of a notebook's drawing).
RESET_CODE = """\
import os, sys
if "matplotlib.pyplot" in sys.modules:
    sys.modules["matplotlib.pyplot"].close("all")
os.chdir({cwd!r})
get_ipython().reset(new_session=True)
__import__("gc").collect()
__import__("gc").freeze()
"""

# Run in a worker's kernel after the notebooks' own imports when they import the package's charts (``warm_code``): a
# chart drawn in memory in the three formats (fonts loaded, the PDF writer's font subsetting imported), and the parquet
# reader, modules and label vocabularies the notebooks' data come through (``notebooks.warm_up``).
CHARTS_WARM_CODE = ("import pyarrow.parquet, snhr_data.charts.book, snhr_data.notebooks\n"
                    "snhr_data.charts.book.warm_up()\nsnhr_data.notebooks.warm_up()")


class KernelError(RuntimeError):
    """The kernel could not be started or reset."""


class Kernel:
    """A python3 kernel over IPC, started in this process, with a client whose channels stay open."""

    def __init__(self, cwd: Path) -> None:
        from jupyter_client.manager import AsyncKernelManager
        from jupyter_core.utils import run_sync

        self._run = run_sync
        # absolute (the kernel runs in another folder), inside the build's folder for sockets, which the
        # main process removes even when it had to kill this worker
        self.sockets = Path(tempfile.mkdtemp(prefix="snhr-kernel-", dir=_SOCKETS))
        self.km = AsyncKernelManager(kernel_name=KERNEL_NAME, transport="ipc", ip=str(self.sockets / "ipc"))
        run_sync(self.km.start_kernel)(cwd=str(cwd))
        self.kc = self.km.client()
        self.kc.start_channels()
        run_sync(self.kc.wait_for_ready)(timeout=START_TIMEOUT_S)

    def reset(self, cwd: Path) -> None:
        """Empty the namespace, close figures, set the working directory and the execution counter."""
        self.run_silently(RESET_CODE.format(cwd=str(cwd)))

    def run_silently(self, code: str) -> None:
        """Run ``code`` without history or outputs; ``KernelError`` if it fails."""
        reply = self._run(self.kc.execute_interactive)(
            code, silent=True, store_history=False, timeout=START_TIMEOUT_S, output_hook=lambda msg: None)
        if reply["content"]["status"] != "ok":
            raise KernelError(f"the kernel could not run {code.splitlines()[0]!r}: {reply['content'].get('evalue', '')}")

    def alive(self) -> bool:
        return bool(self._run(self.km.is_alive)())

    def shutdown(self) -> None:
        self.kc.stop_channels()
        self._run(self.km.shutdown_kernel)(now=True)
        shutil.rmtree(self.sockets, ignore_errors=True)


def parameterized(notebook_path: Path, parameters: Mapping[str, object]):
    """The notebook with papermill's injected-parameters cell, as ``papermill`` would run it."""
    from papermill.execute import remove_error_markers
    from papermill.iorw import load_notebook_node
    from papermill.parameterize import parameterize_notebook

    nb = load_notebook_node(str(notebook_path))
    nb = parameterize_notebook(nb, dict(parameters), kernel_name=KERNEL_NAME, language="python")
    return remove_error_markers(nb)


def run_notebook(kernel: Kernel, nb, cwd: Path):
    """Execute ``nb`` in ``kernel`` from ``cwd``; returns the executed notebook (errors recorded, not raised)."""
    import logging

    from papermill.clientwrap import PapermillNotebookClient
    from papermill.engines import NotebookExecutionManager

    kernel.reset(cwd)
    manager = NotebookExecutionManager(nb, output_path=None, progress_bar=False, autosave_cell_every=0)
    manager.notebook_start()
    # coalesce_streams: a cell's printed text is one output however the kernel's output thread cut it into messages
    # (under load a print may arrive in two parts, and the notebook would differ in bytes from one run to the next)
    client = PapermillNotebookClient(manager, km=kernel.km, kernel_name=KERNEL_NAME, timeout=CELL_TIMEOUT_S,
                                     startup_timeout=START_TIMEOUT_S, log=logging.getLogger("papermill"),
                                     coalesce_streams=True)
    client.kc = kernel.kc
    try:
        client.execute()
    finally:
        manager.notebook_complete()
    return manager.nb


# ----------------------------------------------------------------------------- worker processes

_KERNEL: Kernel | None = None
_REUSE = True
_SOCKETS: str | None = None


def init_worker(reuse: bool = True, sockets: str | None = None, warm: bool = False, gate=None) -> None:
    """Pool initializer: leave the terminal's process group (Ctrl-C goes to the main process only).

    ``warm``: also start this worker's kernel and import what a notebook imports in it, so that the
    worker is ready when its first notebook comes (``WorkerPool`` starts workers before the data stage).
    ``gate``: a semaphore held while warming up (``WorkerPool.warm_ups_at_once``).
    """
    from multiprocessing.util import Finalize

    global _KERNEL, _REUSE, _SOCKETS
    os.setpgrp()
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    _KERNEL = None  # a kernel the parent process had (forked into this one) is the parent's
    _REUSE, _SOCKETS = reuse, sockets
    Finalize(None, drop_kernel, exitpriority=10)  # run when the pool lets the worker go
    if warm:
        with gate if gate is not None else nullcontext():  # the pool's semaphore, shared by its workers
            warm_up(Path(sockets or tempfile.gettempdir()))


def warm_up(cwd: Path) -> None:
    """Start this worker's kernel and run ``warm_code`` in it; a kernel that fails here is left to the first job.

    A job then starts (or restarts) the kernel itself and reports what went wrong, naming the notebook.
    """
    from . import paths

    try:
        warm_notebook_tools()
        kernel = worker_kernel(cwd)
        kernel.run_silently(warm_code(sorted(paths.notebooks_dir().glob("*.ipynb"))))
    except Exception:  # noqa: BLE001 - the first job starts the kernel again and reports its failure
        drop_kernel()


def warm_notebook_tools() -> None:
    """What a worker's first job pays for besides its kernel, paid ahead: papermill's modules (about 0.2 s, imported
    while the kernel waited for its first notebook), the HTML exporter's templates, and what a page's cells need
    the first time (pygments compiles its Python lexer, nbconvert its Markdown and output filters)."""
    import nbformat
    import papermill.clientwrap  # noqa: F401 - imported ahead, see above
    import papermill.engines  # noqa: F401
    import papermill.execute  # noqa: F401
    import papermill.iorw  # noqa: F401
    import papermill.parameterize  # noqa: F401

    from .notebooks import html_exporter

    v4 = nbformat.v4
    outputs = [v4.new_output("stream", name="stdout", text="1\n"),
               v4.new_output("display_data", data={"text/markdown": "*1*", "text/plain": "1"}),
               v4.new_output("display_data", data={"text/html": "<b>1</b>", "text/plain": "1"})]
    page = v4.new_notebook(cells=[v4.new_markdown_cell("*Warm-up*"), v4.new_code_cell("print(1)", outputs=outputs)])
    html_exporter().from_notebook_node(page)


def warm_code(notebooks: Sequence[Path]) -> str:
    """What the first notebook of a worker would pay for, to be run in its kernel ahead: the import statements of the
    ``notebooks``' code cells (modules stay imported across ``reset``), and ``CHARTS_WARM_CODE`` where they import
    the package's charts."""
    import ast

    import nbformat

    statements: list[ast.stmt] = []
    for path in notebooks:
        for cell in nbformat.read(path, as_version=4).cells:
            try:
                body = ast.parse(cell.source).body if cell.cell_type == "code" else []
            except SyntaxError:  # a cell with IPython's own syntax (magics) imports nothing we can see
                body = []
            statements += [node for node in body if isinstance(node, (ast.Import, ast.ImportFrom))]
    modules = {alias.name for node in statements if isinstance(node, ast.Import) for alias in node.names}
    modules |= {f"{node.module}.{alias.name}" for node in statements if isinstance(node, ast.ImportFrom)
                for alias in node.names}
    code = list(dict.fromkeys(ast.unparse(node) for node in statements))
    return "\n".join(code + ([CHARTS_WARM_CODE] if "snhr_data.charts" in modules else []))


def worker_kernel(cwd: Path) -> Kernel:
    """This worker's kernel: the kept one if alive, else a new one."""
    global _KERNEL
    if _KERNEL is None or not _KERNEL.alive():
        _KERNEL = Kernel(cwd)
    return _KERNEL


def drop_kernel() -> None:
    """Shut this worker's kernel down (after a failure that may leave it busy, or at the worker's end)."""
    global _KERNEL
    if _KERNEL is not None:
        kernel, _KERNEL = _KERNEL, None
        kernel.shutdown()


def execute_in_worker(notebook_path: Path, parameters: Mapping[str, object], cwd: Path):
    """Run a notebook in this worker's kernel from ``cwd``; the kernel is kept only if reuse is on and all went well."""
    kernel = worker_kernel(cwd)
    try:
        executed = run_notebook(kernel, parameterized(notebook_path, parameters), cwd)
    except BaseException:
        drop_kernel()
        raise
    if not _REUSE:
        drop_kernel()
    return executed


class WorkerPool:
    """Worker processes for ``function(item)`` jobs, started when the pool is entered.

    ``warm``: each worker starts its kernel and imports in it at once (``warm_up``), so a build can
    start its notebook workers before the data stage and have them ready when it ends. The data
    stage is one process on one core: on a machine nothing else keeps busy, until ``run`` is called
    (the data stage is over) at most ``warm_ups_at_once`` workers warm up at a time, one core fewer
    than the machine has, and the others wait. All warming at once, the data stage shared two cores
    with two workers and their kernels (five processes), ended about a second after them and left one
    core idle meanwhile; one at a time, the data stage has a core of its own and ends first, and the
    last worker still warming up shares the cores with the first notebook. Where other processes keep
    the cores busy, every worker warms up at once as before: fewer processes would only get the
    build a smaller share of the machine. Any exception or interrupt (``BuildInterrupted``) inside
    the ``with`` block stops every worker and every kernel under them at once before it propagates:
    nothing keeps running or writing.
    """

    def __init__(self, workers: int, reuse: bool = True, warm: bool = False) -> None:
        self.workers, self.reuse, self.warm = workers, reuse, warm
        self._gate = None

    @staticmethod
    def warm_ups_at_once(cores: int | None = None, others: int | None = None) -> int | None:
        """Workers warming up at once while the data stage runs: one core fewer than the machine has (the data
        stage's), or None (no limit) when ``others`` (processes ready to run besides this one: ``runnable_others``)
        keep a core busy."""
        others = runnable_others() if others is None else others
        if others is not None and others > 0:
            return None
        return max(1, (cores if cores is not None else (os.cpu_count() or 1)) - 1)

    def __enter__(self) -> "WorkerPool":
        import multiprocessing
        import psutil
        from concurrent.futures import ProcessPoolExecutor

        self._before = {child.pid for child in psutil.Process().children()}
        self._sockets = tempfile.TemporaryDirectory(prefix="snhr-kernels-")
        context = multiprocessing.get_context()
        at_once = self.warm_ups_at_once() if self.warm else None
        self._gate = context.Semaphore(at_once) if at_once is not None else None
        self._pool = ProcessPoolExecutor(max_workers=self.workers, initializer=init_worker, mp_context=context,
                                         initargs=(self.reuse, self._sockets.name, self.warm, self._gate))
        if self.warm:  # the executor starts a process per task submitted while none is idle
            for _ in range(self.workers):
                self._pool.submit(os.getpid)
        return self

    def open_gate(self) -> None:
        """Let every worker still waiting warm up now (the data stage is over)."""
        gate, self._gate = self._gate, None
        if gate is not None:
            for _ in range(self.workers):
                gate.release()

    def run(self, function: Callable, items: Sequence, on_result: Callable[[object], None]) -> None:
        """``function(item)`` for every item; ``on_result`` as each ends."""
        from concurrent.futures import as_completed

        self.open_gate()
        for future in as_completed([self._pool.submit(function, item) for item in items]):
            on_result(future.result())

    def __exit__(self, kind, error, traceback) -> None:
        import psutil

        self.open_gate()  # a build that ran no notebook: the workers still waiting end their warm-up, then leave
        try:
            if kind is None:
                self._pool.shutdown(wait=True)
            else:
                ours = [child.pid for child in psutil.Process().children() if child.pid not in self._before]
                stop_process_tree(ours)
                forget_exit_wakeup(self._pool)
                self._pool.shutdown(wait=False, cancel_futures=True)
        finally:
            self._sockets.cleanup()


def runnable_others() -> int | None:
    """Processes ready to run on the machine now besides this one (Linux's ``/proc/loadavg``), None if unknown."""
    try:
        with open("/proc/loadavg", encoding="ascii") as handle:
            running = int(handle.read().split()[3].split("/")[0])
    except (OSError, ValueError, IndexError):
        return None
    return max(0, running - 1)


def forget_exit_wakeup(pool) -> None:
    """Keep Python 3.11's exit hook from waking an interrupted pool's manager thread through a pipe the thread may
    have closed already: ``concurrent.futures.process._python_exit`` would print "Exception ignored in ...
    OSError: [Errno 9] Bad file descriptor" at exit (seen in test_faults' interrupted builds). Called before
    ``shutdown``, which forgets the thread. The thread ends by itself once its workers are gone; the interpreter
    still joins it at exit."""
    from concurrent.futures import process

    thread = getattr(pool, "_executor_manager_thread", None)
    wakeups = getattr(process, "_threads_wakeups", None)
    if thread is not None and wakeups is not None:
        wakeups.pop(thread, None)


def run_in_workers(function: Callable, items: Sequence, workers: int, reuse: bool,
                   on_result: Callable[[object], None]) -> None:
    """``function(item)`` for every item in a new pool of ``workers`` processes; ``on_result`` as each ends."""
    with WorkerPool(workers, reuse) as pool:
        pool.run(function, items, on_result)


def stop_process_tree(pids: list[int]) -> None:
    """Stop ``pids`` and everything under them (kernels included) with SIGKILL.

    The processes are frozen first (SIGSTOP) so that none can start a kernel between the listing of
    their children and the kill. They are not reaped here: ``multiprocessing`` reaps its workers
    itself and would otherwise wait forever for processes it can no longer see end.
    """
    import psutil

    procs = []
    for pid in pids:
        try:
            proc = psutil.Process(pid)
            proc.suspend()
            procs.append(proc)
        except psutil.NoSuchProcess:
            continue
    for proc in procs + [child for proc in procs for child in _children(proc)]:
        try:
            proc.kill()
        except psutil.NoSuchProcess:
            pass


def _children(proc) -> list:
    import psutil

    try:
        return proc.children(recursive=True)
    except psutil.NoSuchProcess:
        return []
