"""The build's guard (snhr_data/guard.py) in one process: a signal raised where Python cannot pass it on.

Whole builds stopped by signals at random points are tests/test_faults.py's; this file pins the case a random
point hits too rarely to rely on: a signal landing in a weakref callback (the garbage collector's, or an
import's module lock), where Python would print "Exception ignored in ..." and carry on.
"""
from __future__ import annotations

import signal
import sys
import weakref

import pytest

from snhr_data.guard import BuildInterrupted, interrupts_raise, raise_if_interrupted


class _Collectable:
    pass


def _signal_in_a_weakref_callback(signum: int) -> None:
    thing = _Collectable()
    ref = weakref.ref(thing, lambda _: signal.raise_signal(signum))  # the handler raises inside the callback
    del thing
    assert ref() is None


@pytest.mark.parametrize("signum", [signal.SIGINT, signal.SIGTERM])
def test_a_signal_swallowed_in_a_weakref_callback_is_raised_at_the_next_checkpoint(signum, capfd):
    with interrupts_raise():
        _signal_in_a_weakref_callback(signum)
        with pytest.raises(BuildInterrupted) as raised:
            raise_if_interrupted()
        raise_if_interrupted()  # raised once
    assert raised.value.signum == signum
    assert "Exception ignored" not in capfd.readouterr().err


def test_the_build_command_stops_on_a_swallowed_signal_with_one_line(tmp_path, monkeypatch, capsys):
    from snhr_data import cli

    monkeypatch.setattr("snhr_data.paths.lock_path", lambda: tmp_path / ".build.lock")
    with pytest.raises(SystemExit) as stopped:
        with cli._guarded(lambda: "the previous outputs"):
            _signal_in_a_weakref_callback(signal.SIGINT)
    assert stopped.value.code == 128 + signal.SIGINT
    assert capsys.readouterr().err == "interrupted by SIGINT: stopped every worker and kernel; kept the previous outputs\n"


class _SignalWhenNamed:
    """A descriptor whose ``__set_name__`` receives a signal: a signal landing while a module's class is made (an
    import during the build: pandera's ``ArrowDecimal128``), which Python 3.11 wraps in "RuntimeError: Error calling
    __set_name__"."""

    def __init__(self, signum: int) -> None:
        self.signum = signum

    def __set_name__(self, owner: type, name: str) -> None:
        signal.raise_signal(self.signum)


@pytest.mark.parametrize("signum", [signal.SIGINT, signal.SIGTERM])
def test_the_build_command_stops_on_a_signal_python_wrapped_in_another_error_with_one_line(signum, tmp_path,
                                                                                       monkeypatch, capsys):
    from snhr_data import cli

    monkeypatch.setattr("snhr_data.paths.lock_path", lambda: tmp_path / ".build.lock")
    with pytest.raises(SystemExit) as stopped:
        with cli._guarded(lambda: "the previous outputs"):
            type("Made", (), {"field": _SignalWhenNamed(signum)})
    assert stopped.value.code == 128 + signum
    name = signal.Signals(signum).name
    assert capsys.readouterr().err == f"interrupted by {name}: stopped every worker and kernel; kept the previous outputs\n"


def test_an_error_with_no_interrupt_behind_it_is_not_taken_for_one(tmp_path, monkeypatch):
    from snhr_data import cli

    monkeypatch.setattr("snhr_data.paths.lock_path", lambda: tmp_path / ".build.lock")
    with pytest.raises(RuntimeError, match="a plain error"):
        with cli._guarded(lambda: "the previous outputs"):
            raise RuntimeError("a plain error")


def test_the_previous_handlers_and_hook_are_back_after_the_block():
    before = (signal.getsignal(signal.SIGINT), signal.getsignal(signal.SIGTERM), sys.unraisablehook)
    with interrupts_raise():
        assert signal.getsignal(signal.SIGINT) is not before[0]
        assert sys.unraisablehook is not before[2]
    assert (signal.getsignal(signal.SIGINT), signal.getsignal(signal.SIGTERM), sys.unraisablehook) == before
