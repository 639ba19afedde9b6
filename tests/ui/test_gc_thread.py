"""The app's garbage collection runs on the GUI thread only (a Qt object finalised on the
DB thread deadlocked the window: see tsn_desktop/ui/gc_thread.py)."""

from __future__ import annotations

import gc
import threading

import pytest

from tsn_desktop.ui.gc_thread import GuiThreadCollector

pytestmark = pytest.mark.gui


class _Cycle:
    def __init__(self, seen: list[str]) -> None:
        self.me = self
        self.seen = seen

    def __del__(self) -> None:
        self.seen.append(threading.current_thread().name)


def test_garbage_made_anywhere_is_collected_on_the_gui_thread(qtbot) -> None:
    collector = GuiThreadCollector()
    was_enabled = gc.isenabled()
    gc.enable()  # as a fresh Python process starts (the test suite turns it off)
    collector.start()
    try:
        assert not gc.isenabled()
        seen: list[str] = []

        def worker() -> None:
            _Cycle(seen)  # unreachable at once, but a cycle: only a collection frees it
            for _ in range(50_000):
                [[] for _ in range(3)]  # allocations that would trigger automatic gc

        thread = threading.Thread(target=worker, name="tsn-db")
        thread.start()
        thread.join()
        assert seen == []  # nothing was collected on the worker thread
        qtbot.waitUntil(lambda: seen == [threading.current_thread().name], timeout=5_000)
    finally:
        collector.stop()
        if not was_enabled:
            gc.disable()
