"""Wording of the Vaccinations page's codes (states, windows, age bands, recall methods,
coverage indicators), through Qt translation; the pure modules return codes."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication

from tsn_desktop.feature import QT_TRANSLATE_NOOP

_CONTEXT = "VaccinationPageTexts"

_LABELS: dict[str, dict[str, str]] = {
    "state": {
        "overdue": QT_TRANSLATE_NOOP("VaccinationPageTexts", "Overdue"),
        "due": QT_TRANSLATE_NOOP("VaccinationPageTexts", "Due now"),
        "soon": QT_TRANSLATE_NOOP("VaccinationPageTexts", "Coming"),
    },
    "window": {
        "late": QT_TRANSLATE_NOOP("VaccinationPageTexts", "Overdue only"),
        "now": QT_TRANSLATE_NOOP("VaccinationPageTexts", "Overdue and due now"),
        "week": QT_TRANSLATE_NOOP("VaccinationPageTexts", "Due by the end of this week"),
        "month": QT_TRANSLATE_NOOP("VaccinationPageTexts", "Due by the end of this month"),
        "custom": QT_TRANSLATE_NOOP("VaccinationPageTexts", "Due by a chosen date"),
    },
    "band": {
        "0-1": QT_TRANSLATE_NOOP("VaccinationPageTexts", "Under 2 years"),
        "2-5": QT_TRANSLATE_NOOP("VaccinationPageTexts", "2 to 5 years"),
        "6-10": QT_TRANSLATE_NOOP("VaccinationPageTexts", "6 to 10 years"),
        "11-17": QT_TRANSLATE_NOOP("VaccinationPageTexts", "11 to 17 years"),
        "18-64": QT_TRANSLATE_NOOP("VaccinationPageTexts", "18 to 64 years"),
        "65+": QT_TRANSLATE_NOOP("VaccinationPageTexts", "65 years and over"),
    },
    "method": {
        "phone": QT_TRANSLATE_NOOP("VaccinationPageTexts", "Phone"),
        "letter": QT_TRANSLATE_NOOP("VaccinationPageTexts", "Letter"),
        "sms": QT_TRANSLATE_NOOP("VaccinationPageTexts", "SMS"),
    },
    "obligation": {
        "compulsory": QT_TRANSLATE_NOOP("VaccinationPageTexts", "Compulsory (children)"),
        "recommended": QT_TRANSLATE_NOOP("VaccinationPageTexts", "Recommended"),
    },
    "recall_problem": {
        "method": QT_TRANSLATE_NOOP("VaccinationPageTexts", "Choose how the patient was "
                                    "contacted."),
        "future": QT_TRANSLATE_NOOP("VaccinationPageTexts", "The recall date cannot be in "
                                    "the future."),
        "retry_before": QT_TRANSLATE_NOOP("VaccinationPageTexts", "The date to try again "
                                          "must be on or after the recall date."),
        "nobody": QT_TRANSLATE_NOOP("VaccinationPageTexts", "Select the patients recalled "
                                    "in the list first."),
    },
    "symptom": {
        "local-reaction": QT_TRANSLATE_NOOP("VaccinationPageTexts", "Injection-site reaction"),
        "fever": QT_TRANSLATE_NOOP("VaccinationPageTexts", "Fever"),
        "rash": QT_TRANSLATE_NOOP("VaccinationPageTexts", "Rash"),
        "urticaria": QT_TRANSLATE_NOOP("VaccinationPageTexts", "Urticaria"),
        "anaphylaxis": QT_TRANSLATE_NOOP("VaccinationPageTexts", "Anaphylaxis"),
        "syncope": QT_TRANSLATE_NOOP("VaccinationPageTexts", "Syncope"),
        "seizure": QT_TRANSLATE_NOOP("VaccinationPageTexts", "Seizure"),
        "hypotonic-episode": QT_TRANSLATE_NOOP("VaccinationPageTexts",
                                               "Hypotonic-hyporesponsive episode"),
        "persistent-crying": QT_TRANSLATE_NOOP("VaccinationPageTexts", "Persistent crying"),
        "lymphadenopathy": QT_TRANSLATE_NOOP("VaccinationPageTexts", "Lymphadenopathy"),
        "arthralgia": QT_TRANSLATE_NOOP("VaccinationPageTexts", "Joint pain"),
        "headache": QT_TRANSLATE_NOOP("VaccinationPageTexts", "Headache"),
        "myalgia": QT_TRANSLATE_NOOP("VaccinationPageTexts", "Muscle pain"),
        "fatigue": QT_TRANSLATE_NOOP("VaccinationPageTexts", "Fatigue"),
        "digestive": QT_TRANSLATE_NOOP("VaccinationPageTexts", "Digestive signs"),
        "other": QT_TRANSLATE_NOOP("VaccinationPageTexts", "Other (describe)"),
    },
    "seriousness": {
        "death": QT_TRANSLATE_NOOP("VaccinationPageTexts", "Death"),
        "life-threatening": QT_TRANSLATE_NOOP("VaccinationPageTexts", "Life-threatening"),
        "hospitalisation": QT_TRANSLATE_NOOP("VaccinationPageTexts",
                                             "Hospitalisation or longer stay"),
        "disability": QT_TRANSLATE_NOOP("VaccinationPageTexts",
                                        "Lasting disability or incapacity"),
        "congenital-anomaly": QT_TRANSLATE_NOOP("VaccinationPageTexts", "Congenital anomaly"),
        "other-medically-important": QT_TRANSLATE_NOOP("VaccinationPageTexts",
                                                       "Other medically important event"),
    },
    "outcome": {
        "recovered": QT_TRANSLATE_NOOP("VaccinationPageTexts", "Recovered"),
        "recovering": QT_TRANSLATE_NOOP("VaccinationPageTexts", "Recovering"),
        "not-recovered": QT_TRANSLATE_NOOP("VaccinationPageTexts", "Not recovered"),
        "recovered-with-sequelae": QT_TRANSLATE_NOOP("VaccinationPageTexts",
                                                     "Recovered with sequelae"),
        "fatal": QT_TRANSLATE_NOOP("VaccinationPageTexts", "Fatal"),
        "unknown": QT_TRANSLATE_NOOP("VaccinationPageTexts", "Unknown"),
    },
    "event_problem": {
        "no_sign": QT_TRANSLATE_NOOP("VaccinationPageTexts", "Tick at least one sign or "
                                     "describe what happened."),
        "onset_before_dose": QT_TRANSLATE_NOOP("VaccinationPageTexts", "The first sign "
                                               "cannot come before the dose."),
        "onset_future": QT_TRANSLATE_NOOP("VaccinationPageTexts", "The first sign cannot "
                                          "be in the future."),
        "bad_delay": QT_TRANSLATE_NOOP("VaccinationPageTexts", "The delay after the "
                                       "injection cannot be negative."),
        "unknown_code": QT_TRANSLATE_NOOP("VaccinationPageTexts", "Choose the signs, "
                                          "criteria and outcome in the lists."),
        "fatal_not_serious": QT_TRANSLATE_NOOP("VaccinationPageTexts", "A fatal outcome "
                                               "needs the seriousness criterion Death."),
        "unknown_dose": QT_TRANSLATE_NOOP("VaccinationPageTexts", "Choose the dose the "
                                          "event followed."),
    },
    "campaign": {
        "vaccinated": QT_TRANSLATE_NOOP("VaccinationPageTexts", "Vaccinated"),
        "not_yet": QT_TRANSLATE_NOOP("VaccinationPageTexts", "Not yet"),
        "declined": QT_TRANSLATE_NOOP("VaccinationPageTexts", "Declined"),
    },
    "indicator": {
        "hexa_3_12m": QT_TRANSLATE_NOOP(
            "VaccinationPageTexts", "Hexavalent (DTaP-IPV-Hib-HepB), 3 doses at 12 months"),
        "pneumo_3_12m": QT_TRANSLATE_NOOP(
            "VaccinationPageTexts", "Pneumococcal, 3 doses at 12 months"),
        "menb_3_24m": QT_TRANSLATE_NOOP(
            "VaccinationPageTexts", "Meningococcal B, 3 doses at 24 months"),
        "menacwy_2_24m": QT_TRANSLATE_NOOP(
            "VaccinationPageTexts", "Meningococcal C / ACWY, 2 doses at 24 months"),
        "ror_1_12m": QT_TRANSLATE_NOOP("VaccinationPageTexts", "MMR, 1 dose at 12 months"),
        "ror_2_24m": QT_TRANSLATE_NOOP("VaccinationPageTexts", "MMR, 2 doses at 24 months"),
        "hpv_1_15y_f": QT_TRANSLATE_NOOP("VaccinationPageTexts", "HPV, 1 dose at 15 years, "
                                         "girls"),
        "hpv_1_15y_m": QT_TRANSLATE_NOOP("VaccinationPageTexts", "HPV, 1 dose at 15 years, "
                                         "boys"),
        "hpv_2_16y_f": QT_TRANSLATE_NOOP("VaccinationPageTexts", "HPV, 2 doses at 16 years, "
                                         "girls"),
        "hpv_2_16y_m": QT_TRANSLATE_NOOP("VaccinationPageTexts", "HPV, 2 doses at 16 years, "
                                         "boys"),
        "flu_65_season": QT_TRANSLATE_NOOP("VaccinationPageTexts", "Flu, 65 years and over, "
                                           "this season"),
        "dtcap_25y": QT_TRANSLATE_NOOP("VaccinationPageTexts", "dTcaP-IPV booster at 25 "
                                       "years"),
        "dtp_45y": QT_TRANSLATE_NOOP("VaccinationPageTexts", "dTP-IPV booster at 45 years"),
        "dtp_65y": QT_TRANSLATE_NOOP("VaccinationPageTexts", "dTP-IPV booster at 65 years"),
    },
}


def label(kind: str, code: str, fallback: str = "") -> str:
    """A code in words; an unknown code as `fallback` (a data pack's own label) or itself."""
    source = _LABELS.get(kind, {}).get(code)
    if not source:
        return fallback or code
    return QCoreApplication.translate(_CONTEXT, source)  # QT_TRANSLATE_NOOP


def labels(kind: str) -> dict[str, str]:
    return {code: label(kind, code) for code in _LABELS[kind]}
