"""The painted day and week grid: one column a day, appointments as coloured blocks with
the patient's name and type, a red line at "now", a keyboard-selected appointment; drag
on a free time to create, drag a block to move it, drag its lower edge to resize it
(snapped to the slot size); appointments that overlap are flagged."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime, time, timedelta
from zoneinfo import ZoneInfo

from PySide6.QtCore import QPointF, QRectF, QSize, Qt, Signal
from PySide6.QtGui import (
    QColor,
    QFont,
    QKeyEvent,
    QMouseEvent,
    QPainter,
    QPaintEvent,
    QPen,
    QResizeEvent,
)
from PySide6.QtWidgets import QSizePolicy, QWidget

from tsn_desktop.agenda.model import CANCELLED, NO_SHOW, PROPOSED, local_instant
from tsn_desktop.agenda.service import AgendaItem
from tsn_desktop.agenda.ui import texts
from tsn_desktop.ui.formatting import time_text

FIRST_HOUR, LAST_HOUR = 7, 20  # shown at least; earlier or later appointments widen it
HEADER, GUTTER = 28, 48
NOW_COLOUR = QColor("#d0021b")
# A glyph before the time says the waiting-room status at a glance (the words follow).
_MARKS = {"proposed": "? ", "arrived": "● ", "in_consultation": "▶ ", "done": "✓ ", "noshow": "✗ "}


EDGE = 6  # px: a press this close to a block's lower edge resizes it
DRAG_START = 4  # px of movement before a press becomes a drag


@dataclass(frozen=True)
class Block:
    item: AgendaItem
    rect: QRectF
    clash: bool = False  # overlaps another appointment that takes time


@dataclass
class _Drag:
    kind: str  # "create", "move", "resize"
    press: QPointF
    anchor: datetime  # create: the first slot; move: the block's start; resize: its start
    item: AgendaItem | None = None
    grab: timedelta = timedelta(0)  # move: from the block's start to the pressed point
    current: tuple[datetime, datetime] | None = None  # the preview (UTC start, end)
    active: bool = False


def _lanes(items: list[AgendaItem]) -> dict[str, tuple[int, int]]:
    """Side-by-side columns for appointments that overlap: id -> (lane, lanes)."""
    out: dict[str, tuple[int, int]] = {}
    group: list[tuple[AgendaItem, int]] = []
    group_end: datetime | None = None
    ends: list[datetime] = []

    def close() -> None:
        width = max((lane for _, lane in group), default=-1) + 1
        for member, lane in group:
            out[member.appointment.id] = (lane, width)

    for item in sorted(items, key=lambda i: (i.appointment.start, i.appointment.end)):
        a = item.appointment
        if group_end is not None and a.start >= group_end:
            close()
            group, ends, group_end = [], [], None
        lane = next((n for n, end in enumerate(ends) if end <= a.start), len(ends))
        if lane == len(ends):
            ends.append(a.end)
        else:
            ends[lane] = a.end
        group.append((item, lane))
        group_end = a.end if group_end is None else max(group_end, a.end)
    close()
    return out


class AgendaView(QWidget):
    """`set_period(first, days, items, now)`; Up/Down/Left/Right select an appointment,
    Enter activates it (`activated`), `selection_changed` tells the page."""

    activated = Signal(object)  # AgendaItem
    selection_changed = Signal(object)  # AgendaItem | None
    create_requested = Signal(object, int)  # start (UTC datetime), minutes
    move_requested = Signal(str, int)  # appointment id, minutes later (negative: earlier)
    resize_requested = Signal(str, int)  # appointment id, minutes added to its end

    def __init__(self, zone: ZoneInfo, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.zone = zone
        self.first = date(2026, 1, 5)
        self.days = 7
        self.items: list[AgendaItem] = []
        self.now: datetime | None = None
        self.selected_id: str | None = None
        self._hours = (FIRST_HOUR, LAST_HOUR)
        self._blocks: list[Block] | None = None
        self.slot_minutes = 15  # drags snap to this (the page sets the default type's)
        self.read_only = False  # a colleague's agenda: chosen and read, never dragged
        self._drag: _Drag | None = None
        self.setMouseTracking(True)
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)
        self.setMinimumSize(300, 220)
        self.setAccessibleName(self.tr("Agenda"))

    def sizeHint(self) -> QSize:  # noqa: N802 - Qt's name
        return QSize(900, 640)

    # --- data -------------------------------------------------------------------------
    def set_period(self, first: date, days: int, items: list[AgendaItem],
                   now: datetime | None) -> None:
        self.first, self.days, self.now = first, days, now
        self.items = sorted(items, key=lambda i: (i.appointment.start, i.appointment.id))
        self._hours = self._span_of_hours()  # once per period: every block's place uses it
        self._blocks = None
        if self.selected_id not in {i.appointment.id for i in self.items}:
            self.selected_id = None
        self.update()
        self.selection_changed.emit(self.selected())

    def selected(self) -> AgendaItem | None:
        return next((i for i in self.items if i.appointment.id == self.selected_id), None)

    def select(self, appointment_id: str | None) -> None:
        self.selected_id = appointment_id
        self.update()
        self.selection_changed.emit(self.selected())
        item = self.selected()
        if item is not None:
            self.setAccessibleDescription(self._describe(item))

    def _describe(self, item: AgendaItem) -> str:
        a = item.appointment
        return " — ".join(part for part in (
            f"{time_text(a.start, self.zone)}-{time_text(a.end, self.zone)}",
            item.patient_name, texts.type_label(a.type), texts.status_label(a.status)) if part)

    # --- geometry ---------------------------------------------------------------------------
    def hours(self) -> tuple[int, int]:
        return self._hours

    def _span_of_hours(self) -> tuple[int, int]:
        first, last = FIRST_HOUR, LAST_HOUR
        for item in self.items:
            start = item.appointment.start.astimezone(self.zone)
            end = item.appointment.end.astimezone(self.zone)
            first = min(first, start.hour)
            last = max(last, end.hour + (1 if end.minute or end.date() > start.date() else 0))
        return first, min(24, last)

    def _column(self, day_index: int) -> tuple[float, float]:
        width = (self.width() - GUTTER) / self.days
        return GUTTER + day_index * width, width

    def _y(self, moment: datetime, day: date) -> float:
        first, last = self.hours()
        local = moment.astimezone(self.zone)
        minutes = (local.date() - day).days * 24 * 60 + local.hour * 60 + local.minute
        span = (last - first) * 60
        return HEADER + (self.height() - HEADER) * (minutes - first * 60) / span

    def resizeEvent(self, event: QResizeEvent) -> None:  # noqa: N802 - Qt's name
        self._blocks = None
        super().resizeEvent(event)

    def blocks(self) -> list[Block]:
        """Where each appointment is drawn (kept until the period or the size changes)."""
        if self._blocks is None:
            self._blocks = self._place_blocks()
        return self._blocks

    def _place_blocks(self) -> list[Block]:
        out: list[Block] = []
        by_day: dict[date, list[AgendaItem]] = {}
        for item in self.items:
            by_day.setdefault(item.appointment.start.astimezone(self.zone).date(), []).append(item)
        for index in range(self.days):
            day = self.first + timedelta(days=index)
            items = by_day.get(day, [])
            lanes = _lanes(items)
            left, width = self._column(index)
            for item in items:
                lane, count = lanes[item.appointment.id]
                top = self._y(item.appointment.start, day)
                bottom = max(top + 14, self._y(item.appointment.end, day))
                lane_width = (width - 6) / count
                a = item.appointment
                clash = a.takes_time and any(
                    o is not item and o.appointment.takes_time
                    and o.appointment.start < a.end and a.start < o.appointment.end
                    for o in items) if count > 1 else False
                out.append(Block(item, QRectF(left + 3 + lane * lane_width, top,
                                              lane_width - 2, bottom - top - 1), clash))
        return out

    # --- from a point to a time -------------------------------------------------------
    def day_at(self, x: float) -> date | None:
        if x < GUTTER or self.days <= 0:
            return None
        index = int((x - GUTTER) // ((self.width() - GUTTER) / self.days))
        return self.first + timedelta(days=index) if 0 <= index < self.days else None

    def time_at(self, point: QPointF, day: date | None = None) -> datetime | None:
        """The slot boundary nearest above `point`, as a UTC instant of that day."""
        day = day or self.day_at(point.x())
        if day is None:
            return None
        first, last = self.hours()
        span = (last - first) * 60
        minutes = first * 60 + (point.y() - HEADER) * span / max(1, self.height() - HEADER)
        minutes = max(first * 60, min(last * 60, minutes))
        snapped = int(minutes // self.slot_minutes) * self.slot_minutes
        return local_instant(day, time(min(23, snapped // 60), snapped % 60), self.zone.key) \
            if snapped < 24 * 60 else local_instant(day + timedelta(days=1), time(0),
                                                    self.zone.key)

    def point_of(self, moment: datetime) -> QPointF:
        """The middle of the column, at `moment` (tests press where a time is)."""
        day = moment.astimezone(self.zone).date()
        left, width = self._column((day - self.first).days)
        return QPointF(left + width / 2, self._y(moment, day))

    # --- painting -------------------------------------------------------------------------
    def paintEvent(self, _event: QPaintEvent) -> None:  # noqa: N802 - Qt's name
        painter = QPainter(self)
        # No antialiasing for the grid and blocks (straight lines on whole pixels; a
        # week's paint took twice as long with it); the "now" dot has it.
        palette = self.palette()
        painter.fillRect(self.rect(), palette.base())
        grid = QColor(palette.mid().color())
        grid.setAlpha(90)
        text = palette.text().color()
        first, last = self.hours()
        small = QFont(self.font())
        small.setPointSizeF(max(7.0, self.font().pointSizeF() * 0.85))
        painter.setFont(small)
        for hour in range(first, last + 1):
            y = HEADER + (self.height() - HEADER) * (hour - first) / (last - first)
            # Grid lines as 1-px fills: far cheaper than blended pen lines on raster.
            painter.fillRect(GUTTER, int(y), self.width() - GUTTER, 1, grid)
            if hour < last:
                painter.setPen(text)
                painter.drawText(QRectF(0, y + 1, GUTTER - 6, 16),
                                 Qt.AlignmentFlag.AlignRight, f"{hour:02d}:00")
        today = self.now.astimezone(self.zone).date() if self.now else None
        for index in range(self.days):
            day = self.first + timedelta(days=index)
            left, width = self._column(index)
            painter.fillRect(int(left), 0, 1, self.height(), grid)
            heading = QFont(self.font())
            heading.setBold(day == today)
            painter.setFont(heading)
            painter.setPen(NOW_COLOUR if day == today else text)
            painter.drawText(QRectF(left, 0, width, HEADER), Qt.AlignmentFlag.AlignCenter,
                             texts.day_heading(day))
        painter.setFont(small)
        for block in self.blocks():
            self._paint_block(painter, block)
        self._paint_drag(painter)
        if self.now is not None and today is not None:
            offset = (today - self.first).days
            if 0 <= offset < self.days:
                left, width = self._column(offset)
                y = self._y(self.now, today)
                if HEADER <= y <= self.height():
                    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
                    painter.setPen(QPen(NOW_COLOUR, 2))
                    painter.drawLine(int(left), int(y), int(left + width), int(y))
                    painter.setBrush(NOW_COLOUR)
                    painter.drawEllipse(QRectF(left - 4, y - 4, 8, 8))
        painter.end()

    def _paint_drag(self, painter: QPainter) -> None:
        drag = self._drag
        if drag is None or not drag.active or drag.current is None:
            return
        start, end = drag.current
        day = start.astimezone(self.zone).date()
        if not 0 <= (day - self.first).days < self.days:
            return
        left, width = self._column((day - self.first).days)
        top, bottom = self._y(start, day), self._y(end, day)
        colour = QColor(self.palette().highlight().color())
        painter.setPen(QPen(colour, 2, Qt.PenStyle.DashLine))
        colour.setAlpha(60)
        painter.setBrush(colour)
        painter.drawRoundedRect(QRectF(left + 3, top, width - 6, max(6.0, bottom - top)), 3, 3)
        painter.setPen(self.palette().text().color())
        painter.drawText(QRectF(left + 6, top + 1, width - 12, 16),
                         Qt.AlignmentFlag.AlignLeft,
                         f"{time_text(start, self.zone)}–{time_text(end, self.zone)}")

    def _paint_block(self, painter: QPainter, block: Block) -> None:
        a = block.item.appointment
        colour = QColor(block.item.colour)
        faded = a.status in (CANCELLED, NO_SHOW)
        fill = QColor(colour)
        fill.setAlpha(70 if faded else 215)
        # An online booking not yet confirmed: pale, dashed, until the practitioner answers.
        proposed = a.status == PROPOSED
        if proposed:
            fill.setAlpha(90)
        painter.setPen(QPen(colour.darker(160), 2 if proposed else 1,
                            Qt.PenStyle.DashLine if proposed else Qt.PenStyle.SolidLine))
        painter.setBrush(fill)
        painter.drawRoundedRect(block.rect, 3, 3)
        if a.id == self.selected_id:
            painter.setPen(QPen(self.palette().highlight().color(), 3))
            painter.setBrush(Qt.BrushStyle.NoBrush)
            painter.drawRoundedRect(block.rect.adjusted(-1, -1, 1, 1), 3, 3)
        painter.setPen(QColor("#202020") if faded or proposed else QColor("white"))
        if a.status == CANCELLED:
            font = QFont(painter.font())
            font.setStrikeOut(True)
            painter.setFont(font)
        mark = _MARKS.get(a.status, "")
        who = block.item.patient_name or a.note
        first = f"{mark}{time_text(a.start, self.zone)} {who}".strip()
        second = block.item.kind_label or texts.type_label(a.type)
        if a.status != "booked":
            second = f"{second} · {texts.status_label(a.status)}"
        area = block.rect.adjusted(4, 1, -2, -1)
        metrics = painter.fontMetrics()
        if area.height() >= 2 * metrics.height():
            painter.drawText(area, Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop
                             | Qt.TextFlag.TextWordWrap, f"{first}\n{second}")
        else:  # a short visit: one line, cut with an ellipsis rather than wrapped away
            line = metrics.elidedText(f"{first} · {second}", Qt.TextElideMode.ElideRight,
                                      int(area.width()))
            painter.drawText(area, Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter,
                             line)
        if a.status == CANCELLED:
            font.setStrikeOut(False)
            painter.setFont(font)
        if block.clash:  # a double booking is shown, not hidden in a lane
            painter.setPen(QPen(NOW_COLOUR, 2))
            painter.setBrush(Qt.BrushStyle.NoBrush)
            painter.drawRoundedRect(block.rect, 3, 3)
            painter.setBrush(NOW_COLOUR)
            corner = QRectF(block.rect.right() - 12, block.rect.top() + 1, 11, 11)
            painter.drawEllipse(corner)
            painter.setPen(QColor("white"))
            painter.drawText(corner, Qt.AlignmentFlag.AlignCenter, "!")

    # --- keyboard and mouse -------------------------------------------------------------
    def _move(self, step: int) -> None:
        if not self.items:
            return
        ids = [i.appointment.id for i in self.items]
        if self.selected_id not in ids:
            self.select(ids[0] if step > 0 else ids[-1])
            return
        at = ids.index(self.selected_id)
        self.select(ids[max(0, min(len(ids) - 1, at + step))])

    def _other_day(self, step: int) -> None:
        """Left/Right in the week: the first appointment of the day before or after."""
        current = self.selected()
        if current is None:
            self._move(1)
            return
        day = current.appointment.start.astimezone(self.zone).date()
        candidates = [i for i in self.items if
                      (i.appointment.start.astimezone(self.zone).date() - day).days * step > 0]
        if candidates:
            target = min(candidates, key=lambda i: abs(
                (i.appointment.start.astimezone(self.zone).date() - day).days))
            self.select(target.appointment.id)

    def keyPressEvent(self, event: QKeyEvent) -> None:  # noqa: N802 - Qt's name
        key = event.key()
        if key == Qt.Key.Key_Down:
            self._move(1)
        elif key == Qt.Key.Key_Up:
            self._move(-1)
        elif key == Qt.Key.Key_Right:
            self._other_day(1)
        elif key == Qt.Key.Key_Left:
            self._other_day(-1)
        elif key in (Qt.Key.Key_Return, Qt.Key.Key_Enter) and self.selected() is not None \
                and not self.read_only:
            self.activated.emit(self.selected())
        elif key == Qt.Key.Key_Escape and self._drag is not None:
            self._drag = None  # the drag is dropped, nothing changes
            self.update()
        else:
            super().keyPressEvent(event)

    def mousePressEvent(self, event: QMouseEvent) -> None:  # noqa: N802 - Qt's name
        point = event.position()
        hit = next((b for b in self.blocks() if b.rect.contains(point)), None)
        self.select(hit.item.appointment.id if hit else None)
        self.setFocus()
        self._drag = None
        if event.button() != Qt.MouseButton.LeftButton or self.read_only:
            return
        if hit is None:
            anchor = self.time_at(point)
            if anchor is not None:
                self._drag = _Drag("create", point, anchor)
            return
        a = hit.item.appointment
        if a.status not in ("booked", "proposed", "arrived"):
            return  # a visit that is over stays where it was
        grabbed = self.time_at(point, a.start.astimezone(self.zone).date())
        if hit.rect.bottom() - point.y() <= EDGE:
            self._drag = _Drag("resize", point, a.start, hit.item)
        elif grabbed is not None:
            self._drag = _Drag("move", point, a.start, hit.item, grab=grabbed - a.start)

    def mouseMoveEvent(self, event: QMouseEvent) -> None:  # noqa: N802 - Qt's name
        drag, point = self._drag, event.position()
        if drag is None:
            near_edge = any(b.rect.contains(point) and b.rect.bottom() - point.y() <= EDGE
                            for b in self.blocks())
            self.setCursor(Qt.CursorShape.SizeVerCursor if near_edge
                           else Qt.CursorShape.ArrowCursor)
            return
        if not drag.active and (point - drag.press).manhattanLength() < DRAG_START:
            return
        drag.active = True
        step = timedelta(minutes=self.slot_minutes)
        if drag.kind == "create":
            at = self.time_at(point, drag.anchor.astimezone(self.zone).date())
            if at is not None:
                low, high = sorted((drag.anchor, at))
                drag.current = (low, max(high, low) + step if high == low else high + step)
        else:
            assert drag.item is not None
            a = drag.item.appointment
            if drag.kind == "resize":
                at = self.time_at(point, a.start.astimezone(self.zone).date())
                if at is not None:
                    drag.current = (a.start, max(a.start + step, at + step))
            else:
                at = self.time_at(point)
                if at is not None:
                    start = at - drag.grab
                    drag.current = (start, start + (a.end - a.start))
        self.update()

    def mouseReleaseEvent(self, event: QMouseEvent) -> None:  # noqa: N802 - Qt's name
        drag, self._drag = self._drag, None
        if drag is None or not drag.active or drag.current is None:
            return
        self.update()
        start, end = drag.current
        if drag.kind == "create":
            self.create_requested.emit(start, int((end - start).total_seconds() // 60))
            return
        assert drag.item is not None
        a = drag.item.appointment
        if drag.kind == "resize":
            delta = int((end - a.end).total_seconds() // 60)
            if delta:
                self.resize_requested.emit(a.id, delta)
        else:
            delta = int((start - a.start).total_seconds() // 60)
            if delta:
                self.move_requested.emit(a.id, delta)

    def mouseDoubleClickEvent(self, event: QMouseEvent) -> None:  # noqa: N802 - Qt's name
        if self.read_only:
            return
        hit = next((b for b in self.blocks() if b.rect.contains(event.position())), None)
        if hit is not None:
            self.activated.emit(hit.item)
