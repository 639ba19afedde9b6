"""The Agenda navigation page: day and week views, keyboard navigation, new appointments
(typed, or dragged on a free time), opening one to edit it, moving and resizing by drag or
keyboard, waiting-room statuses, types and opening hours, the home-visit round, online
bookings, tomorrow's reminders, ICS export and import; refreshes itself on "records
changed"."""

from __future__ import annotations

from datetime import date, datetime, time, timedelta
from pathlib import Path
from typing import Any
from zoneinfo import ZoneInfo

from PySide6.QtCore import Qt, QTimer
from PySide6.QtGui import QAction, QKeySequence, QShowEvent
from PySide6.QtWidgets import (
    QCheckBox,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QMessageBox,
    QPushButton,
    QSizePolicy,
    QVBoxLayout,
    QWidget,
)

from tsn_desktop.agenda import ics, service
from tsn_desktop.agenda.model import (
    ARRIVED,
    CANCELLED,
    DONE,
    IN_CONSULTATION,
    NO_SHOW,
    AppointmentType,
    StatusNotAllowed,
    local_instant,
    week_start,
)
from tsn_desktop.agenda.service import AgendaItem
from tsn_desktop.agenda.ui import texts
from tsn_desktop.agenda.ui.agenda_settings import (
    DelegationDialog,
    OpeningHoursDialog,
    TypesDialog,
)
from tsn_desktop.agenda.ui.agenda_view import AgendaView
from tsn_desktop.agenda.ui.appointment_dialog import AppointmentDialog
from tsn_desktop.core.clock import PARIS
from tsn_desktop.core.executor import RecordsChanged
from tsn_desktop.feature import FeatureContext

NOW_TICK_MS = 60_000  # the red line moves on every minute
SLOT_MINUTES = 15  # drags snap to the quarter hour
DAY, WEEK = 1, 7


class AgendaPage(QWidget):
    def __init__(self, context: FeatureContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.context = context
        self.runner = context.runner
        self.clock = context.clock
        self.zone: ZoneInfo = getattr(self.clock, "zone", PARIS)
        self.day = self.clock.today()
        self.span = WEEK
        self.kinds: list[AppointmentType] = []
        self.dialog: AppointmentDialog | None = None
        self.window_open: QDialog | None = None  # the last settings/round/bookings window
        self.tasks: Any = None  # BackgroundTasks, made on first use (publishing slots)
        self._loading = False
        self._again = False

        self.title = QLabel(self)
        font = self.title.font()
        font.setPointSizeF(font.pointSizeF() * 1.2)
        font.setBold(True)
        self.title.setFont(font)
        # The period's name gives way first on a small screen (the buttons stay whole).
        self.title.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Preferred)
        self.title.setAccessibleName(self.tr("Shown period"))
        self.view = AgendaView(self.zone, self)
        self.detail = QLabel(self)
        self.detail.setWordWrap(True)
        self.detail.setAccessibleName(self.tr("Chosen appointment"))
        self.message = QLabel(self)
        self.message.setWordWrap(True)
        self.message.setAccessibleName(self.tr("Agenda messages"))
        self._build_actions()

        bar = QHBoxLayout()
        bar.addWidget(self._button(self.previous_action, "◀"))
        bar.addWidget(self._button(self.today_action))
        bar.addWidget(self._button(self.next_action, "▶"))
        bar.addWidget(self.title, 1)
        for action in (self.day_action, self.week_action, self.new_action):
            bar.addWidget(self._button(action))
        layout = QVBoxLayout(self)
        layout.addLayout(bar)
        self.own_heading = QLabel(self.tr("My agenda"), self)
        self.own_heading.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.own_heading.setVisible(False)
        own = QVBoxLayout()
        own.addWidget(self.own_heading)
        own.addWidget(self.view, 1)
        self.views_row = QHBoxLayout()
        self.views_row.addLayout(own, 1)
        self.colleague_views: list[tuple[QWidget, QLabel, AgendaView]] = []
        layout.addLayout(self.views_row, 1)
        layout.addWidget(self.detail)
        layout.addWidget(self.message)

        self.view.selection_changed.connect(self._selection_changed)
        self.view.activated.connect(self.open_appointment)
        self.view.create_requested.connect(self.new_appointment_at)
        self.view.move_requested.connect(lambda rid, m: self.move_appointment(rid, m))
        self.view.resize_requested.connect(
            lambda rid, m: self.move_appointment(rid, m, resize=True))
        self.runner.records_changed.connect(self._records_changed)
        self._tick = QTimer(self)
        self._tick.setInterval(NOW_TICK_MS)
        self._tick.timeout.connect(self._move_now_line)
        self._tick.start()
        self.refresh()

    def _button(self, action: QAction, text: str | None = None) -> QPushButton:
        button = QPushButton(action.text() if text is None else text, self)
        button.setToolTip(action.toolTip())
        button.setAccessibleName(action.text().replace("&", "").rstrip("…"))
        # As narrow as its words allow (not the style's 80 px): the bar fits a laptop at 150 %.
        words = button.fontMetrics().horizontalAdvance(button.text().replace("&", ""))
        button.setMinimumWidth(words + 20)
        button.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Fixed)
        button.clicked.connect(action.trigger)
        button.setFocusPolicy(Qt.FocusPolicy.TabFocus)
        action.changed.connect(lambda b=button, a=action: b.setEnabled(a.isEnabled()))
        return button

    def _build_actions(self) -> None:
        def action(text: str, keys: list[QKeySequence], slot: Any) -> QAction:
            act = QAction(text, self)
            act.setShortcuts(keys)
            act.setShortcutContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
            act.triggered.connect(slot)
            shown = " / ".join(k.toString(QKeySequence.SequenceFormat.NativeText) for k in keys)
            act.setToolTip(f"{text.replace('&', '')} ({shown})" if shown else text)
            self.addAction(act)
            return act

        key = QKeySequence
        self.previous_action = action(self.tr("&Previous"), [key(Qt.Key.Key_PageUp),
                                      key("Alt+Left")], lambda: self.step(-1))
        self.next_action = action(self.tr("N&ext"), [key(Qt.Key.Key_PageDown),
                                  key("Alt+Right")], lambda: self.step(1))
        self.today_action = action(self.tr("&Today"), [key("Ctrl+T")], self.go_today)
        self.day_action = action(self.tr("&Day"), [key("Ctrl+Shift+D")],
                                 lambda: self.set_span(DAY))
        self.week_action = action(self.tr("&Week"), [key("Ctrl+Shift+W")],
                                  lambda: self.set_span(WEEK))
        self.new_action = action(self.tr("&New appointment…"),
                                 [key(QKeySequence.StandardKey.New)], self.new_appointment)
        self.status_actions = {
            ARRIVED: action(self.tr("Mark &arrived"), [key(Qt.Key.Key_F6)],
                            lambda: self.set_status(ARRIVED)),
            IN_CONSULTATION: action(self.tr("Mark &in consultation"), [key(Qt.Key.Key_F7)],
                                    lambda: self.set_status(IN_CONSULTATION)),
            DONE: action(self.tr("Mark d&one"), [key(Qt.Key.Key_F8)],
                         lambda: self.set_status(DONE)),
            NO_SHOW: action(self.tr("Mark as no-&show"), [key(Qt.Key.Key_F9)],
                            lambda: self.set_status(NO_SHOW)),
            CANCELLED: action(self.tr("&Cancel the appointment"),
                              [key(Qt.Key.Key_Delete)], lambda: self.set_status(CANCELLED)),
        }
        self.move_actions = [
            action(self.tr("Move ea&rlier"), [key("Alt+Up")],
                   lambda: self.move_selected(-service.MOVE_STEP)),
            action(self.tr("Move &later"), [key("Alt+Down")],
                   lambda: self.move_selected(service.MOVE_STEP)),
            action(self.tr("S&horten"), [key("Alt+Shift+Up")],
                   lambda: self.move_selected(-service.RESIZE_STEP, resize=True)),
            action(self.tr("Len&gthen"), [key("Alt+Shift+Down")],
                   lambda: self.move_selected(service.RESIZE_STEP, resize=True)),
        ]
        self.open_action = action(self.tr("&Open the appointment…"), [key(Qt.Key.Key_F2)],
                                  lambda: self.open_appointment(self.view.selected()))
        self.types_action = action(self.tr("Appointment &types…"), [], self.edit_types)
        self.hours_action = action(self.tr("Opening &hours and absences…"), [],
                                   self.edit_opening_hours)
        self.delegation_action = action(self.tr("Agenda &delegation…"), [],
                                        self.edit_delegation)
        self.round_action = action(self.tr("Home-visit &round…"), [key("Ctrl+Shift+R")],
                                   self.open_round)
        self.bookings_action = action(self.tr("Online &bookings…"), [key("Ctrl+Shift+B")],
                                      self.open_bookings)
        self.reminders_action = action(self.tr("Tomorrow's re&minders…"), [],
                                       self.open_reminders)
        self.side_by_side_action = action(self.tr("&Colleagues side by side"),
                                          [key("Ctrl+Shift+K")], lambda: None)
        self.side_by_side_action.setCheckable(True)
        self.side_by_side_action.toggled.connect(self.toggle_side_by_side)
        self.publish_action = action(self.tr("&Publish my free slots for online booking"),
                                     [], self.publish_slots)
        self.export_action = action(self.tr("E&xport to iCalendar…"), [], self.export_ics)
        self.import_action = action(self.tr("I&mport personal events (ICS)…"), [],
                                    self.import_ics)
        self._selection_changed(None)

    def menu_actions(self) -> list[QAction]:
        """For the main window's "Agenda" menu (window-wide while this page is shown)."""
        return [self.new_action, self.previous_action, self.next_action, self.today_action,
                self.day_action, self.week_action, *self.status_actions.values(),
                *self.move_actions, self.open_action, self.side_by_side_action,
                self.round_action,
                self.bookings_action, self.publish_action, self.reminders_action,
                self.types_action,
                self.hours_action, self.delegation_action, self.export_action,
                self.import_action]

    # --- period -----------------------------------------------------------------------------
    def first_day(self) -> date:
        return self.day if self.span == DAY else week_start(self.day)

    def step(self, direction: int) -> None:
        self.day += timedelta(days=direction * self.span)
        self.refresh()

    def go_today(self) -> None:
        self.day = self.clock.today()
        self.refresh()

    def set_span(self, span: int) -> None:
        self.span = span
        self.refresh()

    def showEvent(self, event: QShowEvent) -> None:  # noqa: N802 - Qt override
        super().showEvent(event)
        self.view.setFocus()

    def on_lock(self) -> None:
        """The session locks: no patient's name stays in a hidden widget."""
        if self.dialog is not None:
            self.dialog.reject()
        self.dialog = None
        if self.window_open is not None:
            self.window_open.reject()  # the round, bookings, reminders show patients
        self.window_open = None
        self.view.set_period(self.first_day(), self.span, [], None)
        for _box, _label, view in self.colleague_views:
            view.set_period(self.first_day(), self.span, [], None)
        self.detail.clear()
        self.message.clear()

    def on_unlock(self) -> None:
        self.refresh()

    # --- loading ---------------------------------------------------------------------------
    def refresh(self) -> None:
        """Reads the shown period (one read at a time; a change meanwhile reads again)."""
        self.title.setText(texts.period_title(self.first_day(), self.span))
        if self._loading:
            self._again = True
            return
        self._loading = True
        first, span = self.first_day(), self.span

        beside = self.side_by_side_action.isChecked()

        def read(db: Any) -> tuple[list[AppointmentType], list[AgendaItem],
                                   list[tuple[service.Colleague, list[AgendaItem]]]]:
            others = [(c, service.view(db, first, span, owner=c.rpps))
                      for c in service.colleagues(db, first, span)] if beside else []
            return list(service.types(db).values()), service.view(db, first, span), others

        self.runner.run(read, lambda found: self._loaded(first, span, found), self._load_failed,
                        owner=self)

    def _loaded(self, first: date, span: int,
                found: tuple[list[AppointmentType], list[AgendaItem],
                             list[tuple[service.Colleague, list[AgendaItem]]]]) -> None:
        self._loading = False
        if self._again or (first, span) != (self.first_day(), self.span):
            self._again = False
            self.refresh()
            return
        self.kinds, items, others = found
        if self.kinds:
            self.view.slot_minutes = SLOT_MINUTES
        self.view.set_period(first, span, items, self.clock.now())
        self.view.setAccessibleDescription(self.tr("%n appointment(s)", "", len(items)))
        self._show_colleagues(first, span, others)

    # --- colleagues side by side -----------------------------------------------------------
    def toggle_side_by_side(self, on: bool) -> None:
        """Colleagues' agendas beside one's own (those who share patients through the hub;
        read only: their appointments are theirs to change). Shown day by day."""
        if on and self.span != DAY:
            self.span = DAY
        self.own_heading.setVisible(on)
        self.refresh()

    def _show_colleagues(self, first: date, span: int,
                         others: list[tuple[service.Colleague, list[AgendaItem]]]) -> None:
        while len(self.colleague_views) > len(others):
            box, _label, view = self.colleague_views.pop()
            box.deleteLater()
        while len(self.colleague_views) < len(others):
            box = QWidget(self)
            label = QLabel(box)
            label.setAlignment(Qt.AlignmentFlag.AlignCenter)
            view = AgendaView(self.zone, box)
            view.read_only = True
            view.selection_changed.connect(self._colleague_selected)
            view.create_requested.connect(
                lambda start, minutes, v=view: self.new_appointment_at(
                    start, minutes, owner=self._owner_of(v)))
            view.move_requested.connect(lambda rid, m: self.move_appointment(rid, m))
            view.resize_requested.connect(
                lambda rid, m: self.move_appointment(rid, m, resize=True))
            view.activated.connect(self.open_appointment)
            column = QVBoxLayout(box)
            column.setContentsMargins(0, 0, 0, 0)
            column.addWidget(label)
            column.addWidget(view, 1)
            self.views_row.addWidget(box, 1)
            self.colleague_views.append((box, label, view))
        for (colleague, items), (_box, label, view) in zip(others, self.colleague_views,
                                                           strict=True):
            name = colleague.name or self.tr("RPPS %1").replace("%1", colleague.rpps)
            # Editable only while the colleague delegates it (as the last sync said).
            view.read_only = not colleague.delegated
            view.setProperty("owner_rpps", colleague.rpps)
            if colleague.delegated:
                label.setText(self.tr("%1 (delegated to you)").replace("%1", name))
                view.setAccessibleName(self.tr("Agenda of %1, delegated to you")
                                       .replace("%1", name))
            else:
                label.setText(self.tr("%1 (read only)").replace("%1", name))
                view.setAccessibleName(self.tr("Agenda of %1, read only").replace("%1", name))
            view.set_period(first, span, items, self.clock.now())
        if self.side_by_side_action.isChecked() and not others:
            self.message.setText(self.tr("No colleague's appointment reached this computer "
                                         "for this day (colleagues appear here when you "
                                         "share patients through the hub)."))

    @staticmethod
    def _owner_of(view: AgendaView) -> str | None:
        return None if view.read_only else str(view.property("owner_rpps") or "") or None

    def _colleague_selected(self, item: AgendaItem | None) -> None:
        view = self.sender()
        if item is not None and isinstance(view, AgendaView) and not view.read_only:
            if self.view.selected() is not None:
                self.view.select(None)
            self.detail.setText(" · ".join(p for p in (
                f"{item.appointment.local_start():%H:%M}–{item.appointment.local_end():%H:%M}",
                item.patient_name, texts.type_label(item.appointment.type),
                texts.status_label(item.appointment.status),
                self.tr("in an agenda delegated to you: Enter to change it")) if p))
            for act in (*self.status_actions.values(), *self.move_actions):
                act.setEnabled(True)  # F6-F9, Delete and Alt+arrows act on it
            return
        if item is not None:
            # F6-F9, Delete and Alt+arrows act on one's own chosen appointment: none now.
            if self.view.selected() is not None:
                self.view.select(None)
            a = item.appointment
            self.detail.setText(" · ".join(p for p in (
                f"{a.local_start():%H:%M}–{a.local_end():%H:%M}", item.patient_name,
                texts.type_label(a.type), texts.status_label(a.status),
                self.tr("a colleague's appointment: read only")) if p))

    def _load_failed(self, _exc: BaseException) -> None:
        self._loading = False
        self.message.setText(self.tr("The agenda could not be read. Try again with Ctrl+T; "
                                     "if it keeps failing, restart the application."))

    def _records_changed(self, changed: RecordsChanged) -> None:
        if service.RESOURCE in changed.types() or "Patient" in changed.types():
            self.refresh()

    def _move_now_line(self) -> None:
        self.view.now = self.clock.now()
        self.view.update()

    # --- selection and status ----------------------------------------------------------------
    def _selection_changed(self, item: AgendaItem | None) -> None:
        for act in (*self.status_actions.values(), *getattr(self, "move_actions", ()),
                    *([self.open_action] if hasattr(self, "open_action") else [])):
            act.setEnabled(item is not None)
        if item is None:
            self.detail.setText(self.tr("Up/Down: choose an appointment · F6 arrived · "
                                        "F7 in consultation · F8 done · F9 no-show · "
                                        "Delete: cancel"))
            return
        a = item.appointment
        parts = [f"{texts.day_heading(a.local_start().date())} "
                 f"{a.local_start():%H:%M}–{a.local_end():%H:%M}",
                 item.patient_name, texts.type_label(a.type), texts.status_label(a.status)]
        if a.history:
            last = a.history[-1]
            parts.append(self.tr("since %1").replace(
                "%1", last.at.astimezone(self.zone).strftime("%H:%M")))
        if a.address:
            parts.append(a.address)
        self.detail.setText(" · ".join(p for p in parts if p))

    def _delegated_selected(self) -> AgendaItem | None:
        """The appointment chosen in an agenda delegated to the user, if any."""
        return next((v.selected() for _b, _l, v in self.colleague_views
                     if not v.read_only and v.selected() is not None), None)

    def set_status(self, status: str) -> None:
        item = self.view.selected() or self._delegated_selected()
        if item is None:
            return
        if status == CANCELLED:
            answer = QMessageBox.question(
                self, self.tr("Cancel the appointment"),
                self.tr("Cancel this appointment? It stays in the agenda, marked cancelled, "
                        "and its time becomes free."))
            if answer != QMessageBox.StandardButton.Yes:
                return
        rid = item.appointment.id
        self.runner.run(lambda db: service.set_status(db, rid, status),
                        lambda _a: self.message.clear(), self._status_failed, owner=self)

    def move_selected(self, minutes: int, resize: bool = False) -> None:
        """Alt+Up/Down: 15 minutes earlier or later; with Shift, the end by 5 minutes."""
        item = self.view.selected() or self._delegated_selected()
        if item is None:
            return
        self.move_appointment(item.appointment.id, minutes, resize=resize)

    def move_appointment(self, rid: str, minutes: int, *, resize: bool = False) -> None:
        """Moves (or resizes) by `minutes`: from the keyboard or a drag in the view."""
        self.runner.run(lambda db: service.move(db, rid, minutes, resize=resize),
                        self._moved, self._move_failed, owner=self)

    def _moved(self, result: service.SaveResult) -> None:
        if result.double_bookings:
            self.message.setText(self.tr("Now overlaps %n other appointment(s).", "",
                                         len(result.double_bookings)))
        else:
            self.message.clear()

    def _move_failed(self, exc: BaseException) -> None:
        if isinstance(exc, service.InvalidAppointment):
            self.message.setText(" ".join(texts.problem_text(p) for p in exc.problems))
        else:
            self._status_failed(exc)

    def _status_failed(self, exc: BaseException) -> None:
        if isinstance(exc, StatusNotAllowed):
            self.message.setText(texts.status_not_allowed(exc.old, exc.new))
        elif isinstance(exc, LookupError):
            self.message.setText(self.tr("This appointment no longer exists (changed on "
                                         "another computer?)."))
            self.refresh()
        else:
            self.message.setText(self.tr("The status could not be saved: try again."))

    # --- new appointment ------------------------------------------------------------------
    def default_start(self) -> datetime:
        """The next quarter hour now when the shown period is today, else 09:00 that day."""
        day = self.day
        now = self.clock.now()
        today = self.clock.today()
        if day == today or (self.span == WEEK and self.first_day() <= today
                            < self.first_day() + timedelta(days=WEEK)):
            local = now.astimezone(self.zone)
            minutes = (local.minute // 15 + 1) * 15
            return (local.replace(minute=0, second=0, microsecond=0)
                    + timedelta(minutes=minutes)).astimezone(now.tzinfo)
        return local_instant(day if self.span == DAY else self.first_day(), time(9, 0),
                             self.zone.key)

    def new_appointment(self) -> None:
        if not self.kinds:
            return
        self._open_dialog(AppointmentDialog(self.runner, self.kinds, self.default_start(),
                                            self.zone, self))

    def new_appointment_at(self, start: datetime, minutes: int,
                           owner: str | None = None) -> None:
        """A drag on a free time: the dialog opens on it, the patient still to choose
        (`owner`: in the agenda a colleague delegated to the user)."""
        if not self.kinds:
            return
        self._open_dialog(AppointmentDialog(self.runner, self.kinds, start, self.zone, self,
                                            minutes=minutes, owner=owner))

    def open_appointment(self, item: AgendaItem | None) -> None:
        """Enter, F2 or a double click: the appointment's dialog, to change it (a
        recurring one asks which occurrences the change applies to)."""
        if item is None or not self.kinds:
            return
        self._open_dialog(AppointmentDialog(
            self.runner, self.kinds, item.appointment.start, self.zone, self,
            existing=item.appointment, patient_name=item.patient_name))

    def _open_dialog(self, dialog: AppointmentDialog) -> None:
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.saved.connect(lambda _v: self.message.setText(self.tr("Appointment saved.")))
        self.dialog = dialog
        dialog.finished.connect(lambda _r, d=dialog: self._dialog_closed(d))
        dialog.open()

    # --- settings, round, bookings, reminders ---------------------------------------------
    def _open_window(self, window: QDialog) -> None:
        window.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self.window_open = window
        window.finished.connect(lambda _r: self.refresh())
        window.destroyed.connect(lambda _o=None, w=window: self._window_gone(w))
        window.open()

    def _window_gone(self, window: QDialog) -> None:
        if self.window_open is window:
            self.window_open = None

    def edit_types(self) -> None:
        self._open_window(TypesDialog(self.runner, self))

    def edit_delegation(self) -> None:
        self._open_window(DelegationDialog(self.runner, self))

    def edit_opening_hours(self) -> None:
        self._open_window(OpeningHoursDialog(self.runner, self.zone, self.clock.now(), self))

    def open_round(self) -> None:
        from tsn_desktop.agenda.ui.round_dialog import RoundDialog

        day = self.day if self.span == DAY else self.clock.today() + timedelta(days=1)
        self._open_window(RoundDialog(self.context, day, self))

    def publish_slots(self) -> None:
        """The next four weeks' free slots go to the hub's portal (no patient data): the
        DB part on the DB thread, the keyring and the network on a background task."""
        from tsn_desktop.agenda import booking_client
        from tsn_desktop.core import settings as options
        from tsn_desktop.core.tasks import BackgroundTasks

        profile_id = self.context.settings.get(options.LAST_PROFILE_ID)
        if self.tasks is None:
            self.tasks = BackgroundTasks(self)
        tasks = self.tasks

        def sent(count: int) -> None:
            self.message.setText(self.tr("%n free slot(s) published for online booking.",
                                         "", count))

        def prepared(found: tuple[str, str | None, dict[str, Any]]) -> None:
            url, token, bundle = found
            tasks.start(lambda _c: booking_client.send(url, token, profile_id, bundle), sent,
                        self._publish_failed, owner=self)

        self.message.setText(self.tr("Publishing your free slots…"))
        self.runner.run(lambda db: booking_client.publish_with_account(db, profile_id),
                        prepared, self._publish_failed, owner=self)

    def _publish_failed(self, exc: BaseException) -> None:
        if isinstance(exc, LookupError):
            self.message.setText(self.tr("No hub account yet: set it up in File › Hub "
                                         "account, then publish again."))
        elif isinstance(exc, PermissionError):
            self.message.setText(self.tr("Sign in to the hub (File › Hub account), then "
                                         "publish again."))
        else:
            self.message.setText(self.tr("The hub could not be reached: your free slots "
                                         "were not published. Try again later."))

    def open_bookings(self) -> None:
        from tsn_desktop.agenda.ui.bookings_dialog import BookingsDialog

        self._open_window(BookingsDialog(self.runner, self.zone, self))

    def open_reminders(self) -> None:
        from tsn_desktop.agenda.ui.reminders_dialog import RemindersDialog

        self._open_window(RemindersDialog(self.runner, self.clock.today() + timedelta(days=1),
                                          self.zone, self))

    def _dialog_closed(self, dialog: AppointmentDialog) -> None:
        if self.dialog is dialog:
            self.dialog = None

    # --- ICS --------------------------------------------------------------------------------
    def export_ics(self) -> None:
        box = QDialog(self)
        box.setWindowTitle(self.tr("Export to iCalendar"))
        text = QLabel(self.tr("The shown period goes into an .ics file for another calendar. "
                              "Each appointment is written as “Rendez-vous”, without the "
                              "patient."), box)
        text.setWordWrap(True)
        names = QCheckBox(self.tr("Include &patients' names and visit addresses"), box)
        warning = QLabel(self.tr("With names, anyone who reads the file or the calendar it "
                                 "goes into learns who your patients are: keep it on this "
                                 "computer or a calendar only you can read."), box)
        warning.setWordWrap(True)
        warning.setVisible(False)
        names.toggled.connect(warning.setVisible)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Save
                                   | QDialogButtonBox.StandardButton.Cancel, box)
        buttons.accepted.connect(box.accept)
        buttons.rejected.connect(box.reject)
        layout = QVBoxLayout(box)
        for widget in (text, names, warning, buttons):
            layout.addWidget(widget)
        if box.exec() != QDialog.DialogCode.Accepted:
            return
        path, _filter = QFileDialog.getSaveFileName(
            self, self.tr("Export to iCalendar"), "agenda.ics", self.tr("iCalendar (*.ics)"))
        if path:
            self.write_ics(Path(path), names.isChecked())

    def write_ics(self, path: Path, with_names: bool) -> None:
        first, span = self.first_day(), self.span
        plain = self.tr("Rendez-vous")

        def summary(item: AgendaItem) -> str:
            if not with_names:
                return plain
            return " — ".join(p for p in (item.patient_name,
                                          texts.type_label(item.appointment.type)) if p)

        self.runner.run(lambda db: ics.export(db, first, span, path, summary, with_names),
                        lambda n: self.message.setText(
                            self.tr("%n appointment(s) exported.", "", n)),
                        lambda _e: self.message.setText(self.tr(
                            "The file could not be written: choose another folder.")),
                        owner=self)

    def import_ics(self) -> None:
        path, _filter = QFileDialog.getOpenFileName(
            self, self.tr("Import personal events"), "", self.tr("iCalendar (*.ics)"))
        if path:
            self.read_ics(Path(path))

    def read_ics(self, path: Path) -> None:
        def read(db: Any) -> ics.ImportResult:
            return ics.import_personal(db, path.read_bytes())

        self.runner.run(read, self._imported, self._import_failed, owner=self)

    def _imported(self, result: ics.ImportResult) -> None:
        text = self.tr("%n event(s) added as personal time.", "", result.created)
        if result.updated:
            text += " " + self.tr("%n event(s) updated.", "", result.updated)
        if result.recurring_skipped:
            text += " " + self.tr("%n recurring event(s) not imported: this version imports "
                                  "single events only.", "", result.recurring_skipped)
        self.message.setText(text)

    def _import_failed(self, exc: BaseException) -> None:
        if isinstance(exc, ics.InvalidIcs | OSError | StatusNotAllowed):
            self.message.setText(self.tr("This file could not be imported (it is not an "
                                         "iCalendar file this application can read). Nothing "
                                         "was added."))
        else:
            self.message.setText(self.tr("The import failed. Nothing was added."))
