"""The status-bar summary of sync ("Synced 2 min ago · 3 pending · 1 conflict"), its
"Sync now" button, and "Review…" when conflicts or refused changes wait for the user.
Shows what SyncWorker reports; never touches the DB or network."""

from __future__ import annotations

from PySide6.QtCore import QTimer, Signal
from PySide6.QtWidgets import QHBoxLayout, QLabel, QPushButton, QWidget

from tsn_desktop.core.clock import Clock, SystemClock, parse_utc_iso
from tsn_desktop.sync import worker
from tsn_desktop.sync.worker import SyncStatus


class SyncStatusWidget(QWidget):
    sync_requested = Signal()
    review_requested = Signal()   # open the review of conflicts and refused changes

    def __init__(self, clock: Clock | None = None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._clock = clock or SystemClock()
        self._status = SyncStatus()
        self.summary = QLabel(self)
        self.summary.setAccessibleName(self.tr("Synchronisation status"))
        self.button = QPushButton(self.tr("Sync now"), self)
        self.button.setAccessibleName(self.tr("Sync now"))
        self.button.setAccessibleDescription(
            self.tr("Sends your changes to the hub and fetches your colleagues' changes"))
        self.button.clicked.connect(self.sync_requested)
        self.review_button = QPushButton(self.tr("Review…"), self)
        self.review_button.setAccessibleName(self.tr("Review conflicts and refused changes"))
        self.review_button.setToolTip(self.tr("Review conflicts and refused changes"))
        self.review_button.setAccessibleDescription(
            self.tr("Opens the list of conflicts and of changes the hub refused"))
        self.review_button.clicked.connect(self.review_requested)
        self.review_button.setVisible(False)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.summary)
        layout.addWidget(self.review_button)
        layout.addWidget(self.button)
        layout.addStretch(1)  # the button keeps its size in a wide status bar
        # "2 min ago" must keep moving while nothing else happens.
        self._tick = QTimer(self)
        self._tick.setInterval(30_000)
        self._tick.timeout.connect(self._render)
        self._tick.start()
        self._render()

    def set_status(self, status: SyncStatus) -> None:
        self._status = status
        self._render()

    def text(self) -> str:
        return self.summary.text()

    def _render(self) -> None:
        status = self._status
        parts = [self._when(status)]
        if status.pending:
            parts.append(self.tr("%n pending", "", status.pending))
        if status.conflicts:
            parts.append(self.tr("%n conflict(s)", "", status.conflicts))
        if status.parked:
            parts.append(self.tr("%n refused by the hub", "", status.parked))
        # While a pass runs, the last pass's problem is not shown: "Syncing… · hub
        # unreachable" beside a greyed button read as a contradiction. It comes back if
        # this pass fails the same way.
        problem = "" if status.running else self._problem(status)
        if problem:
            parts.append(problem)
        text = " · ".join(parts)
        self.summary.setText(text)
        self.summary.setAccessibleDescription(text)
        tip = []
        if status.error_reason:
            tip.append(status.error_reason)
        if status.clock_skew:
            tip.append(self.tr("This computer's clock differs from the hub's by more than "
                               "5 minutes: check the date and time settings."))
        self.setToolTip("\n".join(tip))
        self.button.setEnabled(not status.running)
        self.review_button.setVisible(bool(status.conflicts or status.parked))

    def _when(self, status: SyncStatus) -> str:
        if status.running:
            return self.tr("Syncing…")
        if not status.last_sync_at:
            return self.tr("Never synced")
        try:
            last = parse_utc_iso(status.last_sync_at)
        except ValueError:
            return self.tr("Never synced")
        minutes = int((self._clock.now() - last).total_seconds() // 60)
        if minutes < 1:
            return self.tr("Synced just now")
        if minutes < 60:
            return self.tr("Synced %n min ago", "", minutes)
        zone = getattr(self._clock, "zone", None)
        local = last.astimezone(zone)
        if local.date() == self._clock.now().astimezone(zone).date():
            return self.tr("Synced at %1").replace("%1", local.strftime("%H:%M"))
        return self.tr("Synced on %1").replace("%1", local.strftime("%d/%m/%Y %H:%M"))

    def _problem(self, status: SyncStatus) -> str:
        kind = status.error_kind
        if kind is None:
            return self.tr("clock off") if status.clock_skew else ""
        if kind == worker.OFFLINE:
            return self.tr("hub unreachable, will retry")
        if kind == worker.HUB_FAILING:
            return self.tr("the hub returns an error at every attempt: contact the hub "
                           "administrator")
        if kind == worker.SIGN_IN:
            return self.tr("sign in to the hub again")
        if kind == worker.REFUSED:
            return self.tr("the hub refused the request")
        if kind == worker.UNREADABLE:
            return self.tr("unreadable answer from the hub, will retry")
        if kind == worker.NOT_CONFIGURED:
            return self.tr("no hub account set up (File > Hub account…)")
        return self.tr("sync failed, will retry")
