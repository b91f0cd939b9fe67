"""The console script ends the process at once after the command, as a normal exit would end it."""

from __future__ import annotations

import atexit
import sys
import threading

import pytest

from cleaner import cli


class _Ended(Exception):
    """What the patched ``os._exit`` raises instead of ending the test process."""

    def __init__(self, code: int) -> None:
        super().__init__(code)
        self.code = code


def _end(code: int) -> None:
    raise _Ended(code)


@pytest.fixture
def quick_exit(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """``os._exit`` patched to raise; the exit functions run are recorded."""
    ran: list[str] = []
    monkeypatch.setattr(cli.os, "_exit", _end)
    monkeypatch.setattr(atexit, "_run_exitfuncs", lambda: ran.append("exit functions"))
    return ran


def test_exit_code_of_the_command_is_the_process_exit_code(
    quick_exit: list[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(cli, "main", lambda: sys.exit(3))
    with pytest.raises(_Ended) as ended:
        cli.run()
    assert ended.value.code == 3
    assert quick_exit == ["exit functions"]


def test_no_exit_code_means_success(quick_exit: list[str], monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(cli, "main", lambda: sys.exit())
    with pytest.raises(_Ended) as ended:
        cli.run()
    assert ended.value.code == 0


def test_message_as_exit_code_exits_the_usual_way(
    quick_exit: list[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(cli, "main", lambda: sys.exit("stopped"))
    with pytest.raises(SystemExit, match="stopped"):
        cli.run()
    assert quick_exit == []


def test_another_live_thread_means_the_usual_exit(
    quick_exit: list[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(cli, "main", lambda: sys.exit(0))
    release = threading.Event()
    worker = threading.Thread(target=release.wait)
    worker.start()
    try:
        with pytest.raises(SystemExit):
            cli.run()
    finally:
        release.set()
        worker.join()
    assert quick_exit == []


def test_failed_flush_exits_the_usual_way(quick_exit: list[str], monkeypatch: pytest.MonkeyPatch) -> None:
    class ClosedPipe:
        def flush(self) -> None:
            raise BrokenPipeError

    monkeypatch.setattr(cli, "main", lambda: sys.exit(0))
    monkeypatch.setattr(sys, "stdout", ClosedPipe())
    with pytest.raises(SystemExit):
        cli.run()
