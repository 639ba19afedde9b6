"""Qt models of the carnet: the lifetime history (by vaccine group or chronological), the
forecast per vaccine group, and the patient's profile facts."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime
from typing import Any

from PySide6.QtCore import (
    QAbstractTableModel,
    QCoreApplication,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    Qt,
)
from PySide6.QtGui import QBrush, QColor, QFont

from tsn_desktop.feature import QT_TRANSLATE_NOOP
from tsn_desktop.ui.formatting import date_text, datetime_text
from tsn_desktop.ui.rows_model import RowsMixin
from tsn_desktop.vaccination import engine
from tsn_desktop.vaccination.catalogue import Catalogue
from tsn_desktop.vaccination.engine import Assessment, GroupForecast
from tsn_desktop.vaccination.model import FACT_ACTIVE, NOT_GIVEN, PREGNANCY, Dose, Fact, Performer
from tsn_desktop.vaccination.schedule import SupportingData
from tsn_desktop.vaccination.ui import fact_texts, texts

_ModelIndex = QModelIndex | QPersistentModelIndex
_DISPLAY = Qt.ItemDataRole.DisplayRole


def person_text(person: Performer) -> str:
    parts = [p for p in (person.name, texts.label(texts.PROFESSION, person.profession)) if p]
    text = ", ".join(parts)
    if person.rpps:
        text += f" (RPPS {person.rpps})" if text else f"RPPS {person.rpps}"
    return text


@dataclass(frozen=True)
class HistoryRow:
    group: str  # vaccine group the row is filed under ("" when the product is in none)
    dose: Dose
    number: int | None  # the dose's number in its series, per the engine
    status: str | None  # engine evaluation status for this group (Valid, Not Valid...)
    reason: str = ""  # why the engine found it not valid


def history_rows(doses: list[Dose], assessment: Assessment | None, data: SupportingData,
                 by_group: bool) -> list[HistoryRow]:
    """The carnet's lines. By group, a combined vaccine appears under each group it
    counts for (as the paper carnet reads); chronological, once, with all its groups."""
    groups = list(data.vaccine_groups)

    def evaluation(group: str, dose: Dose) -> tuple[int | None, str | None, str]:
        forecast = assessment.groups.get(group) if assessment else None
        if forecast is None:
            return None, None, ""
        for antigen in forecast.antigens:
            for ev in antigen.evaluations:
                if ev.dose.id == dose.id:
                    reason = ev.reason or ""
                    if ev.trace:
                        reason = texts.trace_text(ev.trace[-1])
                    return ev.target_dose_number, ev.status, reason
        return None, None, ""

    rows: list[HistoryRow] = []
    if by_group:
        for group in [*groups, ""]:
            for dose in doses:
                mine = [g for g in groups if dose.product in data.vaccines_of_group.get(g, ())]
                if (group in mine) or (group == "" and not mine):
                    rows.append(HistoryRow(group, dose, *evaluation(group, dose)))
        return rows
    for dose in sorted(doses, key=lambda d: d.occurrence):
        mine = [g for g in groups if dose.product in data.vaccines_of_group.get(g, ())]
        found = [evaluation(g, dose) for g in mine]
        bad = next((f for f in found if f[1] in (engine.NOT_VALID, engine.SUB_STANDARD)), None)
        first = bad or next((f for f in found if f[0] is not None), (None, None, ""))
        rows.append(HistoryRow(", ".join(mine), dose, *first))
    return rows


class HistoryModel(RowsMixin, QAbstractTableModel):
    """One line per dose (per group in the group view). A dose entered in error stays,
    struck through, with who marked it, when and why."""

    GROUP, DATE, VACCINE, NUMBER, STATUS, LOT, EXPIRY, SITE, GIVEN_BY, PLACE, SOURCE = range(11)
    COLUMN_COUNT = 11
    TITLES_CONTEXT = "CarnetModels"
    TITLES = (QT_TRANSLATE_NOOP("CarnetModels", "Vaccine group"),
              QT_TRANSLATE_NOOP("CarnetModels", "Date"),
              QT_TRANSLATE_NOOP("CarnetModels", "Vaccine"),
              QT_TRANSLATE_NOOP("CarnetModels", "Dose"),
              QT_TRANSLATE_NOOP("CarnetModels", "Status"),
              QT_TRANSLATE_NOOP("CarnetModels", "Lot"),
              QT_TRANSLATE_NOOP("CarnetModels", "Expiry"),
              QT_TRANSLATE_NOOP("CarnetModels", "Site, route"),
              QT_TRANSLATE_NOOP("CarnetModels", "Given by"),
              QT_TRANSLATE_NOOP("CarnetModels", "Where"),
              QT_TRANSLATE_NOOP("CarnetModels", "Source"))
    DoseRole = Qt.ItemDataRole.UserRole + 1

    def __init__(self, catalogue: Catalogue, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._catalogue = catalogue
        self._rows: list[HistoryRow] = []
        self._cells: list[tuple[str, ...]] = []
        self._grouped = False
        self._reported: dict[str, date] = {}

    def set_rows(self, rows: list[HistoryRow], grouped: bool = False,
                 reported: dict[str, date] | None = None) -> None:
        """`grouped`: rows come group by group, and each group is named on its first.
        `reported`: dose id -> onset of an adverse event reported on that dose."""
        self.beginResetModel()
        self._rows = list(rows)
        self._grouped = grouped
        self._reported = dict(reported or {})
        # Each cell's words once per load: Qt sizes ResizeToContents columns by asking
        # every cell, again at each layout (a 30-dose carnet by group is ~900 cells).
        self._cells = [tuple(self._text(r, c) for c in range(self.COLUMN_COUNT))
                       for r in range(len(self._rows))]
        self.endResetModel()

    def row(self, index: int) -> HistoryRow | None:
        return self.item(index)

    def column_texts(self, column: int) -> list[str]:
        """Every text the column shows (the tab sizes its columns from them)."""
        return [cells[column] for cells in self._cells]

    def vaccine_text(self, dose: Dose) -> str:
        vaccine = self._catalogue.get(dose.product)
        if vaccine is None:
            return dose.product
        return f"{vaccine.brand} — {vaccine.covers}"

    def status_text(self, row: HistoryRow) -> str:
        text = self._status(row)
        onset = self._reported.get(row.dose.id)
        if onset is not None:
            # Whoever gives the next dose sees it here, as on the paper carnet's margin.
            text += " — " + QCoreApplication.translate(
                "CarnetModels", "adverse event recorded (onset %1)").replace(
                "%1", onset.strftime("%d/%m/%Y"))
        return text

    def _status(self, row: HistoryRow) -> str:
        dose = row.dose
        if dose.in_error:
            when = datetime_text(datetime.fromisoformat(dose.error_at.replace("Z", "+00:00"))) \
                if dose.error_at else "?"
            template = QCoreApplication.translate("CarnetModels",
                                                  "Entered in error by %1 on %2: %3")
            return template.replace(
                "%1", person_text(dose.error_by) or "?").replace("%2", when).replace(
                "%3", dose.error_why)
        if dose.outcome == NOT_GIVEN:
            return QCoreApplication.translate("CarnetModels", "Not given: %1").replace(
                "%1", texts.label(texts.REASON, dose.reason))
        if row.status in (engine.NOT_VALID, engine.SUB_STANDARD):
            return QCoreApplication.translate("CarnetModels", "Not valid: %1").replace(
                "%1", row.reason or row.status)
        return texts.label(texts.OUTCOME, dose.outcome)

    def source_text(self, dose: Dose) -> str:
        text = texts.label(texts.SOURCE, dose.source)
        if dose.source == "hub" and dose.recorded_by.name:
            template = QCoreApplication.translate("CarnetModels", "%1 (recorded by %2)")
            text = template.replace("%1", text).replace(
                "%2", dose.recorded_by.name)
        return text

    def data(self, index: _ModelIndex, role: int = _DISPLAY) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self._rows):
            return None
        row = self._rows[index.row()]
        dose = row.dose
        column = index.column()
        if role == _DISPLAY:
            return self._cells[index.row()][column]
        if role == Qt.ItemDataRole.ToolTipRole:
            if column == self.GROUP:
                return row.group or QCoreApplication.translate("CarnetModels", "Other")
            return self._cells[index.row()][column]
        if role == Qt.ItemDataRole.FontRole and dose.in_error:
            font = QFont()
            font.setStrikeOut(True)
            return font
        if role == Qt.ItemDataRole.ForegroundRole:
            if dose.in_error or dose.outcome == NOT_GIVEN:
                return QBrush(QColor("#616161"))
            if column == self.STATUS and (row.status in (engine.NOT_VALID,
                                                         engine.SUB_STANDARD)
                                          or dose.id in self._reported):
                return QBrush(QColor("#b71c1c"))
        if role == self.DoseRole:
            return dose
        return None

    def _text(self, number: int, column: int) -> str:
        """What the cell shows."""
        row = self._rows[number]
        dose = row.dose
        if column == self.GROUP:
            previous = self._rows[number - 1] if number else None
            if (self._grouped and previous is not None
                    and previous.group == row.group):
                return ""  # the group is named once, as the paper carnet reads
            return row.group or QCoreApplication.translate("CarnetModels", "Other")
        if column == self.DATE:
            return date_text(dose.occurrence)
        if column == self.VACCINE:
            return self.vaccine_text(dose)
        if column == self.NUMBER:
            return str(row.number) if row.number else ""
        if column == self.LOT:
            return dose.lot
        if column == self.EXPIRY:
            return date_text(dose.expiry) if dose.expiry else ""
        if column == self.SITE:
            parts = [texts.label(texts.SITE, dose.site) if dose.site else "",
                     texts.label(texts.ROUTE, dose.route) if dose.route else ""]
            return ", ".join(p for p in parts if p)
        if column == self.GIVEN_BY:
            if dose.prescriber.name:
                return QCoreApplication.translate(
                    "CarnetModels", "%1, on the prescription of %2").replace(
                    "%1", person_text(dose.performer)).replace(
                    "%2", person_text(Performer(dose.prescriber.name, "",
                                                dose.prescriber.rpps)))
            return person_text(dose.performer)
        if column == self.PLACE:
            parts = [texts.label(texts.PLACE, dose.place) if dose.place else "",
                     dose.place_name]
            return ", ".join(p for p in parts if p)
        if column == self.SOURCE:
            return self.source_text(dose)
        if column == self.STATUS:
            return self.status_text(row)
        return ""


class CarnetCounts(QObject):
    """Counted words: lupdate sees a plural only in a QObject's self.tr(text, "", n)."""

    def valid_doses(self, n: int) -> str:
        return self.tr("%n valid dose(s)", "", n)


_COUNTS: CarnetCounts | None = None


def _counted() -> CarnetCounts:
    global _COUNTS
    _COUNTS = _COUNTS or CarnetCounts()
    return _COUNTS


_ORDER = {texts.OVERDUE: 0, texts.DUE: 1, texts.UP_TO_DATE: 2, texts.COMPLETE: 3,
          texts.IMMUNE: 4, texts.CONTRAINDICATED: 5, texts.NOT_RECOMMENDED: 6}
_WHY_KEYS = ("forecast", "complete", "not_recommended", "contraindicated", "immune",
             "aged_out")


def why_text(group: GroupForecast) -> str:
    """The engine's last reason for this group, in the clinician's words."""
    for entry in reversed(group.trace):
        if entry.key in _WHY_KEYS:
            return texts.trace_text(entry)
    return ""


def valid_doses(group: GroupForecast) -> int:
    ids = {ev.dose.id for a in group.antigens for ev in a.evaluations
           if ev.status == engine.VALID}
    return len(ids)


class ForecastModel(RowsMixin, QAbstractTableModel):
    """Each vaccine group: its state today, the next dose and its dates, and why."""

    GROUP, STATE, NUMBER, EARLIEST, RECOMMENDED, PAST_DUE, BASIS, WHY = range(8)
    COLUMN_COUNT = 8
    TITLES_CONTEXT = "CarnetModels"
    TITLES = (QT_TRANSLATE_NOOP("CarnetModels", "Vaccine group"),
              QT_TRANSLATE_NOOP("CarnetModels", "State"),
              QT_TRANSLATE_NOOP("CarnetModels", "Next dose"),
              QT_TRANSLATE_NOOP("CarnetModels", "Earliest"),
              QT_TRANSLATE_NOOP("CarnetModels", "Recommended"),
              QT_TRANSLATE_NOOP("CarnetModels", "Late from"),
              QT_TRANSLATE_NOOP("CarnetModels", "Based on"),
              QT_TRANSLATE_NOOP("CarnetModels", "Why"))

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._rows: list[tuple[GroupForecast, str]] = []
        self._cells: list[tuple[str, ...]] = []

    def set_assessment(self, assessment: Assessment | None, today: date) -> None:
        self.beginResetModel()
        rows = []
        for group in (assessment.groups.values() if assessment else ()):
            state = texts.forecast_state(group.status, group.earliest, group.past_due, today,
                                         group.recommended)
            rows.append((group, state))
        self._rows = sorted(rows, key=lambda r: _ORDER.get(r[1], 9))
        self._cells = [tuple(self._text(g, st, c) for c in range(self.COLUMN_COUNT))
                       for g, st in self._rows]  # once per load, as the history's
        self.endResetModel()

    def column_texts(self, column: int) -> list[str]:
        return [cells[column] for cells in self._cells]

    def state_of(self, group_name: str) -> str | None:
        return next((s for g, s in self._rows if g.name == group_name), None)

    def data(self, index: _ModelIndex, role: int = _DISPLAY) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self._rows):
            return None
        group, state = self._rows[index.row()]
        column = index.column()
        if role in (_DISPLAY, Qt.ItemDataRole.ToolTipRole):
            return self._cells[index.row()][column]
        if role == Qt.ItemDataRole.ForegroundRole and column == self.STATE:
            colour = {texts.OVERDUE: "#b71c1c", texts.DUE: "#e65100",
                      texts.UP_TO_DATE: "#1b5e20", texts.COMPLETE: "#1b5e20"}.get(state)
            return QBrush(QColor(colour)) if colour else None
        if role == Qt.ItemDataRole.FontRole and column == self.STATE and \
                state in (texts.OVERDUE, texts.DUE):
            font = QFont()
            font.setBold(True)
            return font
        return None


    def _text(self, group: GroupForecast, state: str, column: int) -> str:
        pending = state in (texts.OVERDUE, texts.DUE, texts.UP_TO_DATE)
        if column == self.GROUP:
            return group.name
        if column == self.STATE:
            return texts.label(texts.STATE, state)
        if column == self.NUMBER:
            return str(group.forecast_dose_number) if pending and \
                group.forecast_dose_number else ""
        dates = {self.EARLIEST: group.earliest, self.RECOMMENDED: group.recommended,
                 self.PAST_DUE: group.past_due}
        if column in dates:
            day = dates[column]
            return date_text(day) if pending and day else ""
        if column == self.BASIS:
            count = valid_doses(group)
            if count:
                return _counted().valid_doses(count)
            return QCoreApplication.translate("CarnetModels", "Age only")
        if column == self.WHY:
            return why_text(group)
        return ""


class FactsModel(RowsMixin, QAbstractTableModel):
    """The patient's profile facts, ended and withdrawn ones included (struck through when
    entered in error): the situation, since when, its state, its source and who."""

    SITUATION, SINCE, STATE, SOURCE, RECORDED_BY = range(5)
    COLUMN_COUNT = 5
    TITLES_CONTEXT = "CarnetModels"
    TITLES = (QT_TRANSLATE_NOOP("CarnetModels", "Situation"),
              QT_TRANSLATE_NOOP("CarnetModels", "Since"),
              QT_TRANSLATE_NOOP("CarnetModels", "State"),
              QT_TRANSLATE_NOOP("CarnetModels", "Source"),
              QT_TRANSLATE_NOOP("CarnetModels", "Recorded by"))
    FactRole = Qt.ItemDataRole.UserRole + 2

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._rows: list[Fact] = []
        self._titles: dict[str, str] = {}
        self._today = date.today()

    def set_facts(self, facts: list[Fact], titles: dict[str, str], today: date) -> None:
        """Ongoing first, then ended and withdrawn ones, each newest first."""
        self.beginResetModel()
        self._rows = sorted(facts, key=lambda f: (f.status != FACT_ACTIVE,
                                                  -f.onset.toordinal()))
        self._titles = dict(titles)
        self._today = today
        self.endResetModel()

    def fact(self, row: int) -> Fact | None:
        return self.item(row)

    def column_texts(self, column: int) -> list[str]:
        return [str(self.data(self.index(r, column)) or "") for r in range(len(self._rows))]

    def situation_text(self, fact: Fact) -> str:
        text = self._titles.get(fact.code, fact.code)
        if fact.code == PREGNANCY and fact.status == FACT_ACTIVE:
            text += " — " + fact_texts.term_text(fact, self._today)
        return text

    def data(self, index: _ModelIndex, role: int = _DISPLAY) -> Any:
        fact = self.item_at(index)
        if fact is None:
            return None
        column = index.column()
        if role in (_DISPLAY, Qt.ItemDataRole.ToolTipRole):
            if column == self.SITUATION:
                text = self.situation_text(fact)
                return f"{text}\n{fact.note}" if role != _DISPLAY and fact.note else text
            if column == self.SINCE:
                return date_text(fact.onset)
            if column == self.STATE:
                return fact_texts.state_text(fact, person_text(fact.ended_by))
            if column == self.SOURCE:
                return fact_texts.source_text(fact.source)
            if column == self.RECORDED_BY:
                return person_text(fact.recorded_by)
        if role == Qt.ItemDataRole.FontRole and fact.in_error:
            font = QFont()
            font.setStrikeOut(True)
            return font
        if role == Qt.ItemDataRole.ForegroundRole and fact.status != FACT_ACTIVE:
            return QBrush(QColor("#616161"))
        if role == self.FactRole:
            return fact
        return None
