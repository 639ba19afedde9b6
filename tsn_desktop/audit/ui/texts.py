"""Words of the audit screens: actions, records, sources, columns, times.

Every string is a literal QCoreApplication.translate("AuditTexts", ...) call, or a
QT_TRANSLATE_NOOP("AuditTexts", ...) source worded later, so that lupdate
collects it; the pure code hands over codes.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QObject

from tsn_desktop.audit.model import HUB, AuditEntry, in_paris, is_practitioner
from tsn_desktop.feature import QT_TRANSLATE_NOOP
from tsn_desktop.ui.formatting import datetime_text, time_text
from tsn_desktop.ui.wording import worded, worded_table

_ACTIONS = {
    "read": QT_TRANSLATE_NOOP("AuditTexts", "Opened"),
    "create": QT_TRANSLATE_NOOP("AuditTexts", "Created"),
    "update": QT_TRANSLATE_NOOP("AuditTexts", "Changed"),
    "delete": QT_TRANSLATE_NOOP("AuditTexts", "Deleted"),
    "export": QT_TRANSLATE_NOOP("AuditTexts", "Exported"),
    "unlock": QT_TRANSLATE_NOOP("AuditTexts", "Session unlocked"),
    "lock": QT_TRANSLATE_NOOP("AuditTexts", "Session locked"),
    "sign-in": QT_TRANSLATE_NOOP("AuditTexts", "Signed in to the hub (Pro Santé Connect)"),
    "sign-in-refused": QT_TRANSLATE_NOOP("AuditTexts", "Hub sign-in refused"),
}
_RECORDS = {
    "Patient": QT_TRANSLATE_NOOP("AuditTexts", "Patient file"),
    "CareTeam": QT_TRANSLATE_NOOP("AuditTexts", "Care team (sharing)"),
    "AuditEvent": QT_TRANSLATE_NOOP("AuditTexts", "Audit log"),
    # Every record type a feature audits or syncs; an unknown one shows as its code.
    "Immunization": QT_TRANSLATE_NOOP("AuditTexts", "Vaccination"),
    "AdverseEvent": QT_TRANSLATE_NOOP("AuditTexts", "Adverse event after vaccination"),
    "Condition": QT_TRANSLATE_NOOP("AuditTexts", "Health condition"),
    "Observation": QT_TRANSLATE_NOOP("AuditTexts", "Device reading"),
    "EpisodeOfCare": QT_TRANSLATE_NOOP("AuditTexts", "Follow-up pathway (readings)"),
    "DetectedIssue": QT_TRANSLATE_NOOP("AuditTexts", "Readings alert"),
    "Appointment": QT_TRANSLATE_NOOP("AuditTexts", "Appointment"),
    "AppointmentSeries": QT_TRANSLATE_NOOP("AuditTexts", "Recurring appointments"),
    "AgendaOpening": QT_TRANSLATE_NOOP("AuditTexts", "Opening hours"),
    "AgendaClosure": QT_TRANSLATE_NOOP("AuditTexts", "Absence or closure"),
    "Communication": QT_TRANSLATE_NOOP("AuditTexts", "Message"),
    "Task": QT_TRANSLATE_NOOP("AuditTexts", "Task"),
    "DocumentReference": QT_TRANSLATE_NOOP("AuditTexts", "Shared document"),
    "Practitioner": QT_TRANSLATE_NOOP("AuditTexts", "Directory entry"),
    "HubAccount": QT_TRANSLATE_NOOP("AuditTexts", "Hub account"),
}


def action_labels() -> dict[str, str]:
    return worded_table("AuditTexts", _ACTIONS)


def action_label(code: str) -> str:
    return worded("AuditTexts", _ACTIONS, code)


def record_label(resource_type: str) -> str:
    return worded("AuditTexts", _RECORDS, resource_type)


def actor_label(entry: AuditEntry, own_rpps: str | None = None) -> str:
    if entry.actor == "hub":
        return QCoreApplication.translate("AuditTexts", "Synchronisation (copy from the hub)")
    if not is_practitioner(entry.actor):
        return QCoreApplication.translate("AuditTexts", "TSN Desktop")
    name = entry.actor_name or QCoreApplication.translate("AuditTexts", "(name not known)")
    text = QCoreApplication.translate("AuditTexts", "%1 (RPPS %2)").replace(
        "%1", name).replace("%2", entry.actor)
    if own_rpps and entry.actor == own_rpps:
        text = QCoreApplication.translate("AuditTexts", "%1, you").replace("%1", text)
    return text


def origin_label(entry: AuditEntry) -> str:
    if entry.origin == HUB:
        return QCoreApplication.translate("AuditTexts", "From the hub (colleague)")
    if not is_practitioner(entry.actor):
        return QCoreApplication.translate("AuditTexts", "This computer")
    if entry.synced:
        return QCoreApplication.translate("AuditTexts", "This computer, sent to the hub")
    return QCoreApplication.translate("AuditTexts", "This computer, not sent yet")


class AuditCounts(QObject):
    """Counted words go through a QObject's tr(): pyside6-lupdate skips a counted
    QCoreApplication.translate() call (the duplicate warning shipped in English so)."""

    def times(self, count: int) -> str:
        return self.tr("(%n times)", "", count)


def when_label(entry: AuditEntry) -> str:
    """Europe/Paris; a colleague's grouped event shows its span and how many times."""
    text = datetime_text(entry.at)
    if entry.until is not None and entry.until != entry.at:
        same_day = in_paris(entry.until).date() == in_paris(entry.at).date()
        text += "–" + (time_text(entry.until) if same_day else datetime_text(entry.until))
    if entry.occurrences > 1:
        text += " " + AuditCounts().times(entry.occurrences)
    return text


# Headings as catalogue sources (QT_TRANSLATE_NOOP lets lupdate collect them); worded in
# the current language each time they are asked for.
_COLUMN_TITLES = (
    QT_TRANSLATE_NOOP("AuditTexts", "When"),
    QT_TRANSLATE_NOOP("AuditTexts", "Who"),
    QT_TRANSLATE_NOOP("AuditTexts", "What"),
    QT_TRANSLATE_NOOP("AuditTexts", "Patient"),
    QT_TRANSLATE_NOOP("AuditTexts", "Record"),
    QT_TRANSLATE_NOOP("AuditTexts", "Source"),
)
_CSV_HEADERS = (
    QT_TRANSLATE_NOOP("AuditTexts", "Date and time (Paris)"),
    QT_TRANSLATE_NOOP("AuditTexts", "Until (Paris)"),
    QT_TRANSLATE_NOOP("AuditTexts", "Times"),
    QT_TRANSLATE_NOOP("AuditTexts", "RPPS number"),
    QT_TRANSLATE_NOOP("AuditTexts", "Practitioner"),
    QT_TRANSLATE_NOOP("AuditTexts", "Action"),
    QT_TRANSLATE_NOOP("AuditTexts", "Patient id"),
    QT_TRANSLATE_NOOP("AuditTexts", "Patient"),
    QT_TRANSLATE_NOOP("AuditTexts", "Record type"),
    QT_TRANSLATE_NOOP("AuditTexts", "Record id"),
    QT_TRANSLATE_NOOP("AuditTexts", "Source"),
)


def _worded(sources: tuple[str, ...]) -> list[str]:
    translate = QCoreApplication.translate
    return [translate("AuditTexts", source) for source in sources]  # QT_TRANSLATE_NOOP


def column_titles() -> list[str]:
    return _worded(_COLUMN_TITLES)


def csv_headers() -> list[str]:
    return _worded(_CSV_HEADERS)


def csv_labels() -> dict[str, str]:
    """Action and origin codes as words, computed on the GUI thread for the export."""
    labels = action_labels()
    labels["local"] = QCoreApplication.translate("AuditTexts", "This computer")
    labels["hub"] = QCoreApplication.translate("AuditTexts", "From the hub (colleague)")
    return labels
