"""What keeps a build safe: one build at a time per checkout, and signals turned into a clean stop.

The lock is an ``fcntl`` lock on ``data/.build.lock`` (released by the system when the process
dies, so a killed build never leaves a stale lock); the file holds the PID of the build that holds
it, for the message the next build prints. SIGINT (Ctrl-C) and SIGTERM raise ``BuildInterrupted``
in the main thread; the code that runs the workers stops them and their kernels, the CLI prints one
line. While an output folder is being swapped into place the signals wait (``signals_deferred``).
Where Python cannot pass the exception on (a weakref callback run by the garbage collector or by an
import's module lock, a ``__del__``) it would print "Exception ignored in ..." and carry on: the stop is
kept instead, silently, and raised at the build's next checkpoint (``raise_if_interrupted``: before each
output is swapped into place, and when the build ends).
"""
from __future__ import annotations

import fcntl
import os
import signal
import sys
from contextlib import contextmanager
from pathlib import Path
from typing import Iterator

from . import paths

STOP_SIGNALS = (signal.SIGINT, signal.SIGTERM)


class BuildLocked(RuntimeError):
    """Another build of this checkout is running."""


class BuildInterrupted(BaseException):
    """SIGINT or SIGTERM arrived; a BaseException like KeyboardInterrupt, so no ``except Exception`` eats it."""

    def __init__(self, signum: int) -> None:
        super().__init__(signal.Signals(signum).name)
        self.signum = signum


@contextmanager
def build_lock(lock_file: Path | None = None) -> Iterator[Path]:
    """Hold the checkout's build lock, or raise ``BuildLocked`` naming the PID of the build holding it."""
    lock_file = Path(lock_file) if lock_file is not None else paths.lock_path()
    lock_file.parent.mkdir(parents=True, exist_ok=True)
    fd = os.open(lock_file, os.O_RDWR | os.O_CREAT, 0o644)
    try:
        try:
            fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            holder = os.pread(fd, 32, 0).decode(errors="replace").strip() or "unknown"
            raise BuildLocked(f"{paths.shown(lock_file)}: another build (PID {holder}) is running in this checkout; "
                              f"wait for it to finish, or stop it with `kill {holder}`") from None
        os.ftruncate(fd, 0)
        os.pwrite(fd, f"{os.getpid()}\n".encode(), 0)
        try:
            yield lock_file
        finally:
            os.ftruncate(fd, 0)
            fcntl.flock(fd, fcntl.LOCK_UN)
    finally:
        os.close(fd)


_swallowed: list[int] = []  # signals whose BuildInterrupted Python could not pass on, oldest first


def _raise_interrupted(signum: int, frame: object) -> None:
    raise BuildInterrupted(signum)


def _kept_when_swallowed(previous_hook):
    """An unraisable-exception hook that keeps a swallowed ``BuildInterrupted`` for the next checkpoint."""
    def hook(unraisable) -> None:
        if isinstance(unraisable.exc_value, BuildInterrupted):
            _swallowed.append(unraisable.exc_value.signum)
        else:
            previous_hook(unraisable)
    return hook


def interrupt_behind(error: BaseException) -> BuildInterrupted | None:
    """The ``BuildInterrupted`` that ``error`` was raised from, if any: Python wraps an exception raised where it
    calls back into code of ours (a signal landing while a module's class is made: "Error calling __set_name__")."""
    seen: set[int] = set()
    current: BaseException | None = error
    while current is not None and id(current) not in seen:
        if isinstance(current, BuildInterrupted):
            return current
        seen.add(id(current))
        current = current.__cause__ or current.__context__
    return None


def raise_if_interrupted() -> None:
    """Raise the ``BuildInterrupted`` of a signal that arrived where Python could not raise it."""
    if _swallowed:
        signum = _swallowed[0]
        _swallowed.clear()
        raise BuildInterrupted(signum)


@contextmanager
def interrupts_raise() -> Iterator[None]:
    """Inside the block, SIGINT and SIGTERM raise ``BuildInterrupted`` (previous handlers and hook restored after)."""
    _swallowed.clear()
    previous = {sig: signal.signal(sig, _raise_interrupted) for sig in STOP_SIGNALS}
    previous_hook, sys.unraisablehook = sys.unraisablehook, _kept_when_swallowed(sys.unraisablehook)
    try:
        yield
    finally:
        sys.unraisablehook = previous_hook
        for sig, handler in previous.items():
            signal.signal(sig, handler)


@contextmanager
def signals_deferred() -> Iterator[None]:
    """Hold SIGINT and SIGTERM back during the block (a folder swap); they are delivered right after."""
    signal.pthread_sigmask(signal.SIG_BLOCK, STOP_SIGNALS)
    try:
        yield
    finally:
        signal.pthread_sigmask(signal.SIG_UNBLOCK, STOP_SIGNALS)
