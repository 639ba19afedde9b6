"""Words of the agenda screens: appointment types, statuses, days, problems.

Every string is a literal QCoreApplication.translate("AgendaTexts", ...) call so that
lupdate collects it; the pure code hands over codes.
"""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import QCoreApplication

from tsn_desktop.agenda.model import Problem
from tsn_desktop.ui.formatting import date_text


def type_labels() -> dict[str, str]:
    return {
        "consultation": QCoreApplication.translate("AgendaTexts", "Consultation"),
        "vaccination": QCoreApplication.translate("AgendaTexts", "Vaccination"),
        "home_visit": QCoreApplication.translate("AgendaTexts", "Home visit"),
        "teleconsultation": QCoreApplication.translate("AgendaTexts", "Teleconsultation"),
        "personal": QCoreApplication.translate("AgendaTexts", "Personal"),
    }


def type_label(code: str) -> str:
    return type_labels().get(code, code)


def status_labels() -> dict[str, str]:
    return {
        "booked": QCoreApplication.translate("AgendaTexts", "Booked"),
        "arrived": QCoreApplication.translate("AgendaTexts", "Arrived (waiting room)"),
        "in_consultation": QCoreApplication.translate("AgendaTexts", "In consultation"),
        "done": QCoreApplication.translate("AgendaTexts", "Done"),
        "noshow": QCoreApplication.translate("AgendaTexts", "No-show"),
        "cancelled": QCoreApplication.translate("AgendaTexts", "Cancelled"),
    }


def status_label(code: str) -> str:
    return status_labels().get(code, code)


def weekday_short(day: date) -> str:
    names = (
        QCoreApplication.translate("AgendaTexts", "Mon"),
        QCoreApplication.translate("AgendaTexts", "Tue"),
        QCoreApplication.translate("AgendaTexts", "Wed"),
        QCoreApplication.translate("AgendaTexts", "Thu"),
        QCoreApplication.translate("AgendaTexts", "Fri"),
        QCoreApplication.translate("AgendaTexts", "Sat"),
        QCoreApplication.translate("AgendaTexts", "Sun"),
    )
    return names[day.weekday()]


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
    return {
        "": QCoreApplication.translate("AgendaTexts", "Does not repeat"),
        "DAILY": QCoreApplication.translate("AgendaTexts", "Every day"),
        "WEEKLY": QCoreApplication.translate("AgendaTexts", "Every week"),
        "MONTHLY": QCoreApplication.translate("AgendaTexts", "Every month"),
    }


def problem_text(problem: Problem) -> str:
    texts = {
        "not_after_start": QCoreApplication.translate(
            "AgendaTexts", "The appointment must end after it starts."),
        "too_long": QCoreApplication.translate(
            "AgendaTexts", "An appointment lasts 24 hours at most: check the duration."),
        "unknown": QCoreApplication.translate(
            "AgendaTexts", "Choose a type of appointment from the list."),
        "personal_has_no_patient": QCoreApplication.translate(
            "AgendaTexts", "A personal slot has no patient: choose another type or remove "
            "the patient."),
        "count": QCoreApplication.translate(
            "AgendaTexts", "The number of occurrences must be 1 or more."),
        "minutes": QCoreApplication.translate(
            "AgendaTexts", "The duration must be between 1 minute and 24 hours."),
        "too_short": QCoreApplication.translate(
            "AgendaTexts", "An appointment lasts 5 minutes at least."),
        "already_over": QCoreApplication.translate(
            "AgendaTexts", "This appointment is over (done, no-show or cancelled): it stays "
            "where it was."),
    }
    return texts.get(problem.code, QCoreApplication.translate(
        "AgendaTexts", "The appointment could not be saved as typed: check each field."))


def status_not_allowed(old: str, new: str) -> str:
    return QCoreApplication.translate(
        "AgendaTexts", "An appointment marked “%1” cannot become “%2”. To see the patient "
        "again, create a new appointment.").replace("%1", status_label(old)).replace(
        "%2", status_label(new))
