"""The background-task helper for long work that is not a database call: progress and the
result on the GUI thread, cancel, and nothing delivered to a widget that is gone."""

from __future__ import annotations

import threading

import pytest
from PySide6.QtWidgets import QWidget

from tsn_desktop.core.tasks import BackgroundTasks, TaskControl

pytestmark = pytest.mark.gui


def test_progress_and_result_arrive_on_the_gui_thread(qtbot) -> None:
    tasks = BackgroundTasks()
    seen: list[tuple[str, object]] = []
    gui = threading.current_thread()

    def work(control: TaskControl) -> int:
        assert threading.current_thread() is not gui
        for step in range(3):
            control.progress(step + 1, 3, "import")
        return 42

    tasks.start(work, on_success=lambda v: seen.append(("done", v)),
                on_progress=lambda d, t, _text: seen.append(
                    ("progress", (d, t, threading.current_thread() is gui))))
    qtbot.waitUntil(lambda: ("done", 42) in seen, timeout=5_000)
    assert seen == [("progress", (1, 3, True)), ("progress", (2, 3, True)),
                    ("progress", (3, 3, True)), ("done", 42)]


def test_a_cancelled_task_stops_at_its_next_step_and_reports_neither_result_nor_error(
        qtbot) -> None:
    tasks = BackgroundTasks()
    started, may_go = threading.Event(), threading.Event()
    steps: list[int] = []
    outcome: list[str] = []

    def work(control: TaskControl) -> str:
        started.set()
        for step in range(1000):
            may_go.wait(5)
            control.check()
            steps.append(step)
        return "finished"

    handle = tasks.start(work, on_success=lambda _v: outcome.append("success"),
                         on_failure=lambda _e: outcome.append("failure"),
                         on_cancelled=lambda: outcome.append("cancelled"))
    assert started.wait(5)
    handle.cancel()
    may_go.set()
    qtbot.waitUntil(lambda: outcome == ["cancelled"], timeout=5_000)
    assert len(steps) < 1000 and handle.finished


def test_nothing_reaches_an_owner_that_was_closed(qtbot) -> None:
    tasks = BackgroundTasks()
    owner = QWidget()
    release = threading.Event()
    delivered: list[object] = []
    handle = tasks.start(lambda _c: release.wait(5) or "late", on_success=delivered.append,
                         owner=owner)
    owner.deleteLater()
    qtbot.wait(20)
    release.set()
    qtbot.waitUntil(lambda: handle.finished, timeout=5_000)
    assert delivered == []


def test_an_unhandled_failure_goes_to_the_apps_error_handler(qtbot) -> None:
    handled: list[BaseException] = []
    tasks = BackgroundTasks(on_unhandled=lambda exc, _owner: handled.append(exc))

    def broken(_control: TaskControl) -> None:
        raise OSError(28, "No space left on device")

    tasks.start(broken)
    qtbot.waitUntil(lambda: bool(handled), timeout=5_000)
    assert isinstance(handled[0], OSError) and handled[0].errno == 28
