"""The document time limit (lawscan.read.limits.time_limit) on a loaded machine: the time may run
out at any instruction, including the moment the limit is armed and the moment it is taken down
(a tiny --timeout, a CI runner under load). Whenever it runs out, the timeout is that document's,
and nothing is left behind - no repeating alarm, no handler, no watcher thread, no garbage
collector switched off - to act in the code that runs next (the report writer, the next
document, the next test)."""

from __future__ import annotations

import signal
import threading

import pytest

from lawscan.read import limits

REAL_SETITIMER = signal.setitimer


@pytest.fixture()
def alarm_state():
    """The SIGALRM handler before the test; the alarm is switched off and the handler put back
    after it, whatever happened (so a failure here cannot ring in the next test)."""
    before = signal.getsignal(signal.SIGALRM)
    yield before
    REAL_SETITIMER(signal.ITIMER_REAL, 0)
    signal.signal(signal.SIGALRM, before)


def test_time_running_out_as_the_alarm_is_set(monkeypatch, alarm_state):
    def arm_and_ring(which, seconds, interval=0.0):
        REAL_SETITIMER(which, seconds, interval)
        if seconds:  # the handler runs as raise_signal returns: before the block is entered
            signal.raise_signal(signal.SIGALRM)

    monkeypatch.setattr(signal, "setitimer", arm_and_ring)
    clock = limits.Clock("law.txt", 30)
    with pytest.raises(limits.DocumentTimeout) as err:
        with limits.time_limit(clock):
            pytest.fail("the block is not entered: the time ran out first")
    assert err.value.path == "law.txt" and clock.expired
    assert signal.getitimer(signal.ITIMER_REAL) == (0.0, 0.0)
    assert signal.getsignal(signal.SIGALRM) is alarm_state


def test_time_running_out_as_the_alarm_is_taken_down(monkeypatch, alarm_state):
    rung = []

    def ring_then_disarm(which, seconds, interval=0.0):
        if not seconds and not rung:  # the alarm rings at the first try to switch it off
            rung.append(True)
            signal.raise_signal(signal.SIGALRM)
        REAL_SETITIMER(which, seconds, interval)

    monkeypatch.setattr(signal, "setitimer", ring_then_disarm)
    clock = limits.Clock("law.txt", 30)
    with limits.time_limit(clock):
        pass
    assert rung and clock.expired  # the caller reads it as the timeout (scan.Scanner.scan_file)
    assert signal.getitimer(signal.ITIMER_REAL) == (0.0, 0.0)
    assert signal.getsignal(signal.SIGALRM) is alarm_state


def _watchers() -> list[threading.Thread]:
    return [t for t in threading.enumerate() if t.name == "lawscan-timeout" and t.is_alive()]


def test_time_running_out_as_a_threads_watcher_starts(monkeypatch):
    """A Dask worker's thread gets no SIGALRM: a watcher thread raises the timeout in it. If the
    timeout arrives while the watcher is being started, the watcher is stopped all the same."""
    real_start = threading.Thread.start

    def start_and_time_out(self):
        real_start(self)
        if self.name == "lawscan-timeout":
            raise limits.ThreadTimeout()

    got: list[BaseException] = []
    patched = threading.Event()

    def work():
        patched.wait(60)
        try:
            with limits.time_limit(limits.Clock("law.txt", 30)):
                pass
        except BaseException as exc:  # noqa: BLE001 - what the worker saw is the assertion
            got.append(exc)

    worker = threading.Thread(target=work)
    worker.start()  # started before the patch: only the watcher's start times out
    monkeypatch.setattr(threading.Thread, "start", start_and_time_out)
    patched.set()
    worker.join(60)
    monkeypatch.undo()
    assert [type(e) for e in got] == [limits.ThreadTimeout]
    assert _watchers() == []



def test_an_alarm_as_the_collector_is_switched_back_on(monkeypatch, alarm_state, tmp_path):
    """The per-document pause of the garbage collector (pipeline.gc_per_document) is taken
    outside the time limit: when the collector is switched back on, the limit is gone, so no
    timeout can leave it off for the rest of the run."""
    import gc

    from lawscan.scan import ScanOptions, Scanner

    signal.signal(signal.SIGALRM, lambda signum, frame: None)  # the handler the limit gives back
    real_enable = gc.enable
    rung = []

    def ring_then_enable():
        if not rung:  # the alarm rings at the moment the collector is switched back on
            rung.append(True)
            signal.raise_signal(signal.SIGALRM)
        real_enable()

    law = tmp_path / "law.txt"
    law.write_text("LUẬT\nTHỬ NGHIỆM\nĐiều 1. Phạm vi\nLuật này quy định thử nghiệm.\n", encoding="utf-8")
    monkeypatch.setattr(gc, "enable", ring_then_enable)
    try:
        Scanner(ScanOptions(limits={"timeout": 30})).scan_file(str(law))
        assert rung and gc.isenabled()
    finally:
        real_enable()
