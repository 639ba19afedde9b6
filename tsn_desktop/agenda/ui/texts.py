"""Words of the agenda screens: appointment types, statuses, days, problems.

Every string is a literal QCoreApplication.translate("AgendaTexts", ...) call, or a
QT_TRANSLATE_NOOP("AgendaTexts", ...) source worded later, so that lupdate collects it;
the pure code hands over codes.
"""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import QCoreApplication

from tsn_desktop.agenda.model import AppointmentType
from tsn_desktop.core.records import FieldProblem
from tsn_desktop.feature import QT_TRANSLATE_NOOP
from tsn_desktop.ui.formatting import date_text
from tsn_desktop.ui.wording import worded, worded_table

_CONTEXT = "AgendaTexts"

# Catalogue sources, one table per kind (QT_TRANSLATE_NOOP lets lupdate collect them);
# worded in the current language each time they are asked for.
_TYPES = {
    "consultation": QT_TRANSLATE_NOOP("AgendaTexts", "Consultation"),
    "vaccination": QT_TRANSLATE_NOOP("AgendaTexts", "Vaccination"),
    "home_visit": QT_TRANSLATE_NOOP("AgendaTexts", "Home visit"),
    "teleconsultation": QT_TRANSLATE_NOOP("AgendaTexts", "Teleconsultation"),
    "personal": QT_TRANSLATE_NOOP("AgendaTexts", "Personal"),
}
_STATUSES = {
    "proposed": QT_TRANSLATE_NOOP("AgendaTexts", "Booked online, to confirm"),
    "booked": QT_TRANSLATE_NOOP("AgendaTexts", "Booked"),
    "arrived": QT_TRANSLATE_NOOP("AgendaTexts", "Arrived (waiting room)"),
    "in_consultation": QT_TRANSLATE_NOOP("AgendaTexts", "In consultation"),
    "done": QT_TRANSLATE_NOOP("AgendaTexts", "Done"),
    "noshow": QT_TRANSLATE_NOOP("AgendaTexts", "No-show"),
    "cancelled": QT_TRANSLATE_NOOP("AgendaTexts", "Cancelled"),
}
# By date.weekday(): Monday is "0".
_WEEKDAYS = {
    "0": QT_TRANSLATE_NOOP("AgendaTexts", "Mon"),
    "1": QT_TRANSLATE_NOOP("AgendaTexts", "Tue"),
    "2": QT_TRANSLATE_NOOP("AgendaTexts", "Wed"),
    "3": QT_TRANSLATE_NOOP("AgendaTexts", "Thu"),
    "4": QT_TRANSLATE_NOOP("AgendaTexts", "Fri"),
    "5": QT_TRANSLATE_NOOP("AgendaTexts", "Sat"),
    "6": QT_TRANSLATE_NOOP("AgendaTexts", "Sun"),
}
_FREQUENCIES = {
    "": QT_TRANSLATE_NOOP("AgendaTexts", "Does not repeat"),
    "DAILY": QT_TRANSLATE_NOOP("AgendaTexts", "Every day"),
    "WEEKLY": QT_TRANSLATE_NOOP("AgendaTexts", "Every week"),
    "MONTHLY": QT_TRANSLATE_NOOP("AgendaTexts", "Every month"),
}
_PROBLEMS = {
    "not_after_start": QT_TRANSLATE_NOOP(
        "AgendaTexts", "The appointment must end after it starts."),
    "too_long": QT_TRANSLATE_NOOP(
        "AgendaTexts", "An appointment lasts 24 hours at most: check the duration."),
    "unknown": QT_TRANSLATE_NOOP(
        "AgendaTexts", "Choose a type of appointment from the list."),
    "personal_has_no_patient": QT_TRANSLATE_NOOP(
        "AgendaTexts", "A personal slot has no patient: choose another type or remove "
        "the patient."),
    "count": QT_TRANSLATE_NOOP(
        "AgendaTexts", "The number of occurrences must be 1 or more."),
    "minutes": QT_TRANSLATE_NOOP(
        "AgendaTexts", "The duration must be between 1 minute and 24 hours."),
    "too_short": QT_TRANSLATE_NOOP(
        "AgendaTexts", "An appointment lasts 5 minutes at least."),
    "already_over": QT_TRANSLATE_NOOP(
        "AgendaTexts", "This appointment is over (done, no-show or cancelled): it stays "
        "where it was."),
}


def type_label(code: str) -> str:
    return worded(_CONTEXT, _TYPES, code)


def kind_label(kind: AppointmentType) -> str:
    """A type the user added is called what they called it; built-in ones are worded."""
    return kind.label or type_label(kind.code)


def status_label(code: str) -> str:
    return worded(_CONTEXT, _STATUSES, code)


def weekday_short(day: date) -> str:
    return worded(_CONTEXT, _WEEKDAYS, str(day.weekday()))


def day_heading(day: date) -> str:
    return f"{weekday_short(day)} {day.day:02d}/{day.month:02d}"


def period_title(first: date, days: int) -> str:
    if days == 1:
        return QCoreApplication.translate("AgendaTexts", "%1 %2").replace(
            "%1", weekday_short(first)).replace("%2", date_text(first))
    last = date.fromordinal(first.toordinal() + days - 1)
    return QCoreApplication.translate("AgendaTexts", "Week of %1 to %2").replace(
        "%1", date_text(first)).replace("%2", date_text(last))


def frequency_labels() -> dict[str, str]:
    return worded_table(_CONTEXT, _FREQUENCIES)


def problem_text(problem: FieldProblem) -> str:
    return worded(_CONTEXT, _PROBLEMS, problem.code, QCoreApplication.translate(
        "AgendaTexts", "The appointment could not be saved as typed: check each field."))


def status_not_allowed(old: str, new: str) -> str:
    return QCoreApplication.translate(
        "AgendaTexts", "An appointment marked “%1” cannot become “%2”. To see the patient "
        "again, create a new appointment.").replace("%1", status_label(old)).replace(
        "%2", status_label(new))


_REVIEW = (QT_TRANSLATE_NOOP("AgendaTexts", "When"), QT_TRANSLATE_NOOP("AgendaTexts", "Type"),
           QT_TRANSLATE_NOOP("AgendaTexts", "Status"), QT_TRANSLATE_NOOP("AgendaTexts", "Address"),
           QT_TRANSLATE_NOOP("AgendaTexts", "What to do"),
           QT_TRANSLATE_NOOP("AgendaTexts", "Note"))


def review_labels() -> list[str]:
    """The sync review's rows for an appointment, in order."""
    return [QCoreApplication.translate(_CONTEXT, label) for label in _REVIEW]
