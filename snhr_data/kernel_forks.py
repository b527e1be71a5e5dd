"""A warm process that forks the build's kernels: their imports and warm-up paid once per build, not once per kernel.

Every kernel of a build imports the same modules (ipykernel, pandas, matplotlib, the package's charts) and draws the
same warm-up chart before its first notebook: about 1.6 s of CPU a kernel. ``WorkerPool`` (``snhr_data.execution``)
starts this module once per pool of two workers or more, with the interpreter and flags of the kernel spec's command,
while the data stage runs:

    python -Xfrozen_modules=off -m snhr_data.kernel_forks FD

FD is a Unix socket the pool has bound and set listening (a worker asking early waits in its backlog; once this
process has ended, a worker asking is refused at once). It does what a kernel's start and warm-up do
(``ipykernel.kernelapp`` imported, ``execution.warm_code`` run in a scratch namespace, the garbage collector frozen as
a kernel's reset freezes it), then accepts on that socket. A worker's kernel manager (``execution.forking_provisioner``)
sends the command, environment and folder it would have started ``python -m ipykernel_launcher -f CONNECTION_FILE``
with; this process forks, and the child becomes that kernel: a new session (as ``jupyter_client`` starts kernels),
the environment and folder set, stdin on /dev/null, the signal dispositions of a fresh interpreter, then ipykernel's
own ``IPKernelApp.launch_instance``. The worker gets the child's pid and watches it through a pidfd.

What modules learn at import of the process they run in is made what a kernel would tell them (``get_ipython`` and
the streams' encoding during the warm-up; ipykernel's parent handle): ``tests/test_kernel_forks.py`` compares a forked
kernel's state (pandas' options, rcParams, modules, environment, ...) with a kernel started afresh and warmed up.

Nothing here may start a thread, an event loop or a ZeroMQ context before a fork (a process with a thread refuses to
fork, and the worker then starts its kernel the ordinary way). A forked kernel ends when the worker that asked for it
ends (a thread waits on the worker's pidfd), and this process ends when its standard input closes (the pool's end, or
the main process gone), killing any kernel still running and reaping them all, so that their CPU time is counted in
the build's. A warm-up that fails ends this process quietly: the workers then start their kernels as before, and the
first notebook reports what fails.
"""
from __future__ import annotations

import io
import json
import os
import select
import signal
import socket
import struct
import sys

LAUNCHER = ["-m", "ipykernel_launcher"]
READY_TIMEOUT_S = 120  # a worker waits at most this long for the warm-up before it starts its kernel itself


def request(address: str, cmd: list[str], env: dict[str, str], cwd: str, timeout: float = READY_TIMEOUT_S) -> int:
    """Ask the process at ``address`` for a kernel; the kernel's pid. Raises ``OSError`` if it cannot give one."""
    with socket.socket(socket.AF_UNIX, socket.SOCK_STREAM) as conn:
        conn.settimeout(timeout)
        conn.connect(address)
        conn.sendall(json.dumps({"cmd": cmd, "env": env, "cwd": cwd}).encode("utf-8") + b"\n")
        conn.shutdown(socket.SHUT_WR)
        reply = b""
        while chunk := conn.recv(4096):
            reply += chunk
    answer = json.loads(reply or b"{}")
    if not isinstance(answer.get("pid"), int):
        raise OSError(f"no kernel forked: {answer.get('error', 'no answer')}")
    return answer["pid"]


def warm_up() -> None:
    """What a kernel's start and its warm-up code import and draw, once, in this process."""
    if sys.path and sys.path[0] in ("", os.getcwd()):
        del sys.path[0]  # as ipykernel_launcher does (the kernel puts '' back itself)
    # the kernel sets this before any notebook code runs (ipykernel's init_gui_pylab), and matplotlib reads it at import
    os.environ.setdefault("MPLBACKEND", "module://matplotlib_inline.backend_inline")
    from ipykernel import kernelapp  # noqa: F401 - what every kernel imports first

    from . import paths
    from .execution import warm_code

    import builtins

    # In a kernel, ``get_ipython`` is a builtin before any notebook code runs, and some modules ask it at import what
    # they run in (pandas sets its display options' defaults for a Jupyter kernel: at most 20 columns in a frame's
    # text form, instead of the terminal's width): during the warm-up they get the answer a kernel's shell gives.
    # Its standard streams are ipykernel's, which name their encoding "UTF-8" (pandas keeps what it finds at import);
    # what the warm-up prints (warnings) is dropped, as a kernel's silent warm-up drops it.
    builtins.get_ipython = lambda: KERNEL_SHELL
    streams = sys.stdout, sys.stderr
    sys.stdout, sys.stderr = (io.TextIOWrapper(open(os.devnull, "wb"), encoding="UTF-8", write_through=True)
                              for _ in range(2))
    try:
        exec(compile(warm_code(sorted(paths.notebooks_dir().glob("*.ipynb"))), "<warm-up>", "exec"),
             {"__name__": "__warm__"})
    finally:
        del builtins.get_ipython
        for stand_in in (sys.stdout, sys.stderr):
            stand_in.close()
        sys.stdout, sys.stderr = streams
    import gc

    gc.collect()
    gc.freeze()


class ZMQInteractiveShell:
    """What modules asking ``get_ipython()`` at import learn of a kernel's shell (ipykernel's class of that name): its
    type's name and that it has a kernel."""

    kernel = None


KERNEL_SHELL = ZMQInteractiveShell()


def serve(listening: int) -> None:
    """Fork a kernel for each request on the listening socket ``listening`` (a file descriptor) until standard input
    closes. Workers may connect while the warm-up runs: they wait in the socket's backlog."""
    import threading

    listener = socket.socket(fileno=listening)
    try:
        warm_up()
    except Exception:  # noqa: BLE001 - the workers start their kernels themselves, and the first job reports it
        listener.close()
        return
    kernels: set[int] = set()
    try:
        while True:
            ready, _, _ = select.select([listener, sys.stdin], [], [], 0.5)
            reap(kernels)
            if sys.stdin in ready and not os.read(sys.stdin.fileno(), 4096):
                return  # the pool is over, or the main process is gone
            if listener in ready:
                conn, _ = listener.accept()
                with conn:
                    if threading.active_count() > 1:  # a fork would copy locks held by another thread
                        conn.sendall(json.dumps({"error": "a thread is running"}).encode("utf-8"))
                        continue
                    pid = fork_kernel(conn, listener)
                    if pid is not None:
                        kernels.add(pid)
    finally:
        for pid in kernels:
            try:
                os.kill(pid, signal.SIGKILL)
            except ProcessLookupError:
                pass
        for pid in kernels:
            try:
                os.waitpid(pid, 0)
            except ChildProcessError:
                pass
        listener.close()


def reap(kernels: set[int]) -> None:
    """Collect the kernels that ended (their CPU time is then counted in this process's children's)."""
    for pid in list(kernels):
        try:
            done, _ = os.waitpid(pid, os.WNOHANG)
        except ChildProcessError:
            done = pid
        if done:
            kernels.discard(pid)


def fork_kernel(conn: socket.socket, listener: socket.socket) -> int | None:
    """Read a request from ``conn``, fork, answer the child's pid; the child becomes the kernel and never returns."""
    data = b""
    while chunk := conn.recv(65536):
        data += chunk
    try:
        asked = json.loads(data)
        cmd, env, cwd = list(asked["cmd"]), dict(asked["env"]), str(asked["cwd"])
        at = cmd.index(LAUNCHER[0])
        if cmd[at:at + 2] != LAUNCHER or cmd[at + 2:at + 3] != ["-f"] or len(cmd) != at + 4:
            raise ValueError(f"not a kernel launch: {cmd}")
    except (ValueError, KeyError, TypeError) as err:
        conn.sendall(json.dumps({"error": str(err)}).encode("utf-8"))
        return None
    peer_pid = struct.unpack("3i", conn.getsockopt(socket.SOL_SOCKET, socket.SO_PEERCRED, struct.calcsize("3i")))[0]
    pid = os.fork()
    if pid == 0:  # the kernel
        code = 1
        try:
            listener.close()
            become_kernel(cmd[at + 3], env, cwd, peer_pid, conn)
            code = 0
        except SystemExit as stop:
            code = stop.code if isinstance(stop.code, int) else 1
        except BaseException:  # noqa: BLE001 - reported on stderr, as a kernel failing to start would
            import traceback

            traceback.print_exc()
        finally:
            os._exit(code)
    conn.sendall(json.dumps({"pid": pid}).encode("utf-8"))
    return pid


def become_kernel(connection_file: str, env: dict[str, str], cwd: str, worker: int, conn: socket.socket) -> None:
    """In the forked child: the state ``python -m ipykernel_launcher -f connection_file`` starts in, then the kernel."""
    import threading

    os.setsid()  # jupyter_client's start_new_session: interrupts go to the kernel's own process group
    conn.close()
    for signum in (signal.SIGCHLD, signal.SIGTERM, signal.SIGHUP):
        signal.signal(signum, signal.SIG_DFL)
    signal.signal(signal.SIGINT, signal.default_int_handler)
    null = os.open(os.devnull, os.O_RDONLY)
    os.dup2(null, 0)
    os.close(null)
    os.chdir(cwd)
    os.environ.clear()
    os.environ.update(env)
    watched = os.pidfd_open(worker)  # the worker that asked: its kernel must not outlive it

    def end_with_worker() -> None:
        select.select([watched], [], [])
        os._exit(1)

    threading.Thread(target=end_with_worker, name="worker-watch", daemon=True).start()
    from importlib.util import find_spec

    from ipykernel import kernelapp

    sys.argv = [find_spec(LAUNCHER[1]).origin, "-f", connection_file]  # as ``python -m`` sets it

    # two settings ipykernel takes from the environment when it is imported (here, before the fork) as their defaults:
    # the parent to watch (without one the kernel also prints a banner for terminal users) and the interrupt event
    kernelapp.IPKernelApp.launch_instance(parent_handle=int(os.environ.get("JPY_PARENT_PID") or 0),
                                          interrupt=int(os.environ.get("JPY_INTERRUPT_EVENT") or 0))


def main(argv: list[str]) -> None:
    signal.signal(signal.SIGINT, signal.SIG_IGN)  # the main process stops this one (the pool's end, or a kill)
    serve(int(argv[0]))


if __name__ == "__main__":
    main(sys.argv[1:])
