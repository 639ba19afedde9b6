"""Words of the readings screens: kinds, values, rejection reasons, alerts, import summaries.

Every string is a literal QCoreApplication.translate("ReadingsTexts", ...) call, or a
QT_TRANSLATE_NOOP("ReadingsTexts", ...) source worded later, so that lupdate collects it;
the pure code hands over codes.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QObject

from tsn_desktop.feature import QT_TRANSLATE_NOOP
from tsn_desktop.readings import alerts
from tsn_desktop.readings.model import (
    BLOOD_PRESSURE,
    ENTERED_IN_ERROR,
    HEART_RATE,
    STEPS,
    WEIGHT,
    Reading,
    Rejection,
)
from tsn_desktop.ui.wording import worded

# Catalogue sources, one table per kind (QT_TRANSLATE_NOOP lets lupdate collect them);
# worded in the current language each time they are asked for.
_KINDS = {
    WEIGHT: QT_TRANSLATE_NOOP("ReadingsTexts", "Weight"),
    BLOOD_PRESSURE: QT_TRANSLATE_NOOP("ReadingsTexts", "Blood pressure"),
    HEART_RATE: QT_TRANSLATE_NOOP("ReadingsTexts", "Heart rate"),
    STEPS: QT_TRANSLATE_NOOP("ReadingsTexts", "Steps"),
}
_AXES = {
    WEIGHT: QT_TRANSLATE_NOOP("ReadingsTexts", "Weight (kg)"),
    BLOOD_PRESSURE: QT_TRANSLATE_NOOP("ReadingsTexts", "Blood pressure (mmHg)"),
    HEART_RATE: QT_TRANSLATE_NOOP("ReadingsTexts", "Heart rate (/min)"),
    STEPS: QT_TRANSLATE_NOOP("ReadingsTexts", "Steps per day"),
}


def kind_label(kind: str) -> str:
    return worded("ReadingsTexts", _KINDS, kind)


def axis_label(kind: str) -> str:
    return worded("ReadingsTexts", _AXES, kind)


def _number(value: float, decimals: int = 1) -> str:
    text = f"{value:.{decimals}f}".rstrip("0").rstrip(".") if decimals else f"{value:.0f}"
    return text.replace(".", QCoreApplication.translate("ReadingsTexts", ".", "decimal separator"))


def number_text(value: float, decimals: int = 1) -> str:
    """A number with the language's decimal separator, trailing zeros dropped."""
    return _number(value, decimals)


def value_text(reading: Reading) -> str:
    if reading.kind == WEIGHT:
        return QCoreApplication.translate("ReadingsTexts", "%1 kg").replace(
            "%1", _number(reading.value, 2))
    if reading.kind == BLOOD_PRESSURE:
        text = QCoreApplication.translate("ReadingsTexts", "%1/%2 mmHg").replace(
            "%1", _number(reading.value, 0)).replace("%2", _number(reading.value2 or 0, 0))
        if reading.pulse is not None:
            text += QCoreApplication.translate("ReadingsTexts", ", pulse %1/min").replace(
                "%1", _number(reading.pulse, 0))
        return text
    if reading.kind == HEART_RATE:
        return QCoreApplication.translate("ReadingsTexts", "%1/min").replace(
            "%1", _number(reading.value, 0))
    return QCoreApplication.translate("ReadingsTexts", "%1 steps").replace(
        "%1", _number(reading.value, 0))


def notes_text(reading: Reading) -> str:
    """Device flags and the entered-in-error mark, for the table."""
    parts = []
    if reading.irregular_pulse:
        parts.append(QCoreApplication.translate("ReadingsTexts", "irregular pulse (device)"))
    if reading.status == ENTERED_IN_ERROR:
        parts.append(QCoreApplication.translate("ReadingsTexts", "entered in error"))
    return ", ".join(parts)


def reason_text(reason: str) -> str:
    """What is wrong with a line, and so what to do."""
    labels = {
        "bad_date": QCoreApplication.translate("ReadingsTexts", "the date cannot be read"),
        "bad_number": QCoreApplication.translate("ReadingsTexts", "a value is not a number"),
        "out_of_range": QCoreApplication.translate(
            "ReadingsTexts", "a value is impossible (out of the plausible range)"),
        "diastolic_above_systolic": QCoreApplication.translate(
            "ReadingsTexts", "the diastolic is not below the systolic"),
        "in_the_future": QCoreApplication.translate("ReadingsTexts", "the date is in the future"),
        "before_birth": QCoreApplication.translate(
            "ReadingsTexts", "the date is before the patient's birth"),
        "no_value": QCoreApplication.translate("ReadingsTexts", "a value is missing"),
        "unknown_format": QCoreApplication.translate(
            "ReadingsTexts", "this file is not one of the formats read (Withings, Omron, "
            "Apple Health, FHIR, BLE capture)"),
        "unreadable": QCoreApplication.translate(
            "ReadingsTexts", "the file cannot be read as text"),
        "damaged_zip": QCoreApplication.translate(
            "ReadingsTexts", "the zip archive is damaged or incomplete: download it again"),
        "no_header": QCoreApplication.translate(
            "ReadingsTexts", "the first line is not the expected column header"),
        "unknown_code": QCoreApplication.translate(
            "ReadingsTexts", "a measurement this page does not hold"),
        "bad_unit": QCoreApplication.translate("ReadingsTexts", "the unit is not known"),
        "not_final": QCoreApplication.translate(
            "ReadingsTexts", "the measurement is not final (or was entered in error)"),
        "no_time": QCoreApplication.translate("ReadingsTexts", "the measurement has no time"),
        "bad_hex": QCoreApplication.translate("ReadingsTexts", "the payload is not hexadecimal"),
        "unknown_characteristic": QCoreApplication.translate(
            "ReadingsTexts", "not a weight or blood pressure notification"),
        "truncated": QCoreApplication.translate(
            "ReadingsTexts", "the data stops before its end (file or payload cut short)"),
        "bad_line": QCoreApplication.translate(
            "ReadingsTexts", "the line cannot be split into columns"),
        "measurement_unsuccessful": QCoreApplication.translate(
            "ReadingsTexts", "the device reported a failed measurement"),
    }
    return labels.get(reason, reason)


def rejection_text(rejection: Rejection) -> str:
    where = rejection.member or ""
    if rejection.line:
        text = QCoreApplication.translate("ReadingsTexts", "Line %1 of %2: %3")
        return text.replace("%1", str(rejection.line)).replace("%2", where).replace(
            "%3", reason_text(rejection.reason))
    return QCoreApplication.translate("ReadingsTexts", "%1: %2").replace(
        "%1", where).replace("%2", reason_text(rejection.reason))


class ReadingCounts(QObject):
    """Plural wording (only self.tr with a count gets real plurals from lupdate)."""

    def summary(self, added: int, already: int, rejected: int, to_assign: int = 0,
                alerts: int = 0) -> str:
        parts = [self.tr("%n reading(s) added", "", added),
                 self.tr("%n already there", "", already)]
        if rejected:
            parts.append(self.tr("%n line(s) rejected", "", rejected))
        if to_assign:
            parts.append(self.tr("%n reading(s) to assign (patient not certain)", "",
                                 to_assign))
        if alerts:
            parts.append(self.tr("%n new alert(s)", "", alerts))
        return ", ".join(parts) + "."


def summary_text(added: int, already: int, rejected: int, to_assign: int = 0,
                 alerts: int = 0) -> str:
    return ReadingCounts().summary(added, already, rejected, to_assign, alerts)


def severity_label(severity: str) -> str:
    return {
        alerts.URGENT: QCoreApplication.translate("ReadingsTexts", "Urgent"),
        alerts.ALERT: QCoreApplication.translate("ReadingsTexts", "Alert"),
        alerts.CHECK: QCoreApplication.translate("ReadingsTexts", "To check"),
    }.get(severity, severity)


def alert_text(alert: alerts.Alert) -> str:
    """The alert in words, with its figures and the source of its default threshold."""
    f = alert.figures
    if alert.code == alerts.WEIGHT_GAIN:
        return QCoreApplication.translate(
            "ReadingsTexts", "Weight up %1 kg in 3 days (more than 2 kg: ESC heart failure "
            "self-care advice)").replace("%1", _number(f[0], 2))
    if alert.code == alerts.BP_SEVERE:
        return QCoreApplication.translate(
            "ReadingsTexts", "Blood pressure %1/%2 mmHg: at or above 180/110, urgent "
            "evaluation (ESC/ESH)").replace("%1", _number(f[0], 0)).replace(
            "%2", _number(f[1], 0))
    if alert.code == alerts.BP_HOME_MEAN_HIGH:
        return QCoreApplication.translate(
            "ReadingsTexts", "Home blood pressure mean %1/%2 mmHg over %3 readings: at or "
            "above 135/85 (ESH/HAS home threshold)").replace("%1", _number(f[0])).replace(
            "%2", _number(f[1])).replace("%3", _number(f[2], 0))
    if alert.code == alerts.SBP_LOW:
        return QCoreApplication.translate(
            "ReadingsTexts", "Systolic %1 mmHg: below 90").replace("%1", _number(f[0], 0))
    if alert.code == alerts.HEART_RATE_OUT:
        return QCoreApplication.translate(
            "ReadingsTexts", "Heart rate %1/min: outside 50–100").replace(
            "%1", _number(f[0], 0))
    if alert.code == alerts.DRY_WEIGHT_GAIN:
        return QCoreApplication.translate(
            "ReadingsTexts", "Weight %1 kg above the dry weight (%2 kg)").replace(
            "%1", _number(f[0], 2)).replace("%2", _number(f[1], 1))
    if alert.code == alerts.NO_WEIGHT:
        return QCoreApplication.translate(
            "ReadingsTexts", "No weight sent for %1 days (heart failure follow-up)").replace(
            "%1", _number(f[0], 0))
    if alert.code == alerts.STEPS_LOW:
        return QCoreApplication.translate(
            "ReadingsTexts", "Mean of %1 steps a day over 7 days: below the target of %2"
        ).replace("%1", _number(f[0], 0)).replace("%2", _number(f[1], 0))
    if alert.code == alerts.IRREGULAR_PULSE:
        return QCoreApplication.translate(
            "ReadingsTexts", "Irregular pulse flagged by the device: to check (not a "
            "diagnosis)")
    return alert.code


_PATHWAYS = {
    "": QT_TRANSLATE_NOOP("ReadingsTexts", "No pathway"),
    alerts.HEART_FAILURE: QT_TRANSLATE_NOOP("ReadingsTexts", "Heart failure"),
    alerts.PREVENTION: QT_TRANSLATE_NOOP("ReadingsTexts", "Prevention"),
}
_PROTOCOLS = {
    alerts.ESC_2_2_3: QT_TRANSLATE_NOOP(
        "ReadingsTexts", "ESC 2024 “2-2-3” (2 morning, 2 evening, 3 days)"),
    alerts.RULE_OF_3: QT_TRANSLATE_NOOP(
        "ReadingsTexts", "Règle des 3 (3 morning, 3 evening, 3 days running)"),
}
_THRESHOLDS = {
    "dry_weight_kg": QT_TRANSLATE_NOOP("ReadingsTexts", "Dry weight (kg)"),
    "dry_weight_gain_kg": QT_TRANSLATE_NOOP("ReadingsTexts", "Gain over the dry weight (kg)"),
    "weight_gain_kg": QT_TRANSLATE_NOOP("ReadingsTexts", "Weight gain (kg)"),
    "weight_gain_days": QT_TRANSLATE_NOOP("ReadingsTexts", "…within (days)"),
    "no_weight_days": QT_TRANSLATE_NOOP("ReadingsTexts", "Days without a weight"),
    "home_systolic": QT_TRANSLATE_NOOP("ReadingsTexts", "Home mean systolic (mmHg)"),
    "home_diastolic": QT_TRANSLATE_NOOP("ReadingsTexts", "Home mean diastolic (mmHg)"),
    "severe_systolic": QT_TRANSLATE_NOOP("ReadingsTexts", "Urgent systolic (mmHg)"),
    "severe_diastolic": QT_TRANSLATE_NOOP("ReadingsTexts", "Urgent diastolic (mmHg)"),
    "low_systolic": QT_TRANSLATE_NOOP("ReadingsTexts", "Low systolic (mmHg)"),
    "heart_rate_low": QT_TRANSLATE_NOOP("ReadingsTexts", "Heart rate below (/min)"),
    "heart_rate_high": QT_TRANSLATE_NOOP("ReadingsTexts", "Heart rate above (/min)"),
    "steps_target": QT_TRANSLATE_NOOP("ReadingsTexts", "Steps a day target"),
}
_PATHWAY_ERRORS = {
    "bad_pathway": QT_TRANSLATE_NOOP("ReadingsTexts", "This pathway is not known."),
    "unknown_threshold": QT_TRANSLATE_NOOP("ReadingsTexts", "This threshold is not known."),
    "threshold_out_of_range": QT_TRANSLATE_NOOP(
        "ReadingsTexts", "This value is outside what the threshold allows: check it."),
}


def pathway_label(pathway: str | None) -> str:
    return worded("ReadingsTexts", _PATHWAYS, pathway or "")


def protocol_label(code: str) -> str:
    return worded("ReadingsTexts", _PROTOCOLS, code)


def threshold_label(name: str) -> str:
    return worded("ReadingsTexts", _THRESHOLDS, name)


def pathway_error(code: str) -> str:
    return worded("ReadingsTexts", _PATHWAY_ERRORS, code)


def ack_text(by_name: str, at_text: str, comment: str) -> str:
    text = QCoreApplication.translate("ReadingsTexts", "Seen by %1 on %2").replace(
        "%1", by_name or "?").replace("%2", at_text)
    return f"{text}: {comment}" if comment else text


def set_by_text(by_name: str, at_text: str) -> str:
    return QCoreApplication.translate("ReadingsTexts", "set by %1 on %2").replace(
        "%1", by_name or "?").replace("%2", at_text)


_INBOX_REASONS = {
    "several_users": QT_TRANSLATE_NOOP("ReadingsTexts", "several users in the file"),
    "name_mismatch": QT_TRANSLATE_NOOP("ReadingsTexts", "the file names someone else"),
}


def inbox_reason(code: str) -> str:
    return worded("ReadingsTexts", _INBOX_REASONS, code)


def withdrawn_text(by_name: str, at_text: str, reason: str) -> str:
    """An alert withdrawn (kept in the history): who, when and why."""
    why = QCoreApplication.translate(
        "ReadingsTexts", "its readings were given to another patient") \
        if reason == "readings_reassigned" else reason
    return QCoreApplication.translate("ReadingsTexts", "Withdrawn by %1 on %2: %3").replace(
        "%1", by_name or "?").replace("%2", at_text).replace("%3", why)
