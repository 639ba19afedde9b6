"""Python's garbage collection runs on the GUI thread only (qutebrowser's way).

Left automatic, the collector runs in whatever thread allocates: on the database or sync
thread it can finalise a Qt object that belongs to the GUI, whose destructor then waits
for a Qt lock the GUI thread holds while it waits for the GIL — a frozen window. So the
automatic collector is off, and a timer collects on the GUI thread.
"""

from __future__ import annotations

import gc

from PySide6.QtCore import QObject, QTimer

YOUNG_EVERY_MS = 1_000  # generation 0 each second; older ones less often
FULL_EVERY = 60  # ticks


class GuiThreadCollector(QObject):
    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._ticks = 0
        self._timer = QTimer(self)
        self._timer.setInterval(YOUNG_EVERY_MS)
        self._timer.timeout.connect(self.collect)

    def start(self) -> None:
        gc.disable()
        self._timer.start()

    def stop(self) -> None:
        self._timer.stop()
        gc.enable()

    def collect(self) -> None:
        self._ticks += 1
        if self._ticks % FULL_EVERY == 0:
            gc.collect(2)
        elif self._ticks % 10 == 0:
            gc.collect(1)
        else:
            gc.collect(0)
