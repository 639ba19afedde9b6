"""Words of the network screens: post states, inbox kinds, problems.

Every string is a QT_TRANSLATE_NOOP("NetworkTexts", ...) source worded when asked for, so
lupdate collects it; the pure code hands over codes.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QObject

from tsn_desktop.feature import INBOX_READING_ALERT, INBOX_RECALL, QT_TRANSLATE_NOOP
from tsn_desktop.network.model import (
    ANSWER_DUE,
    NO_ANSWER,
    REFUSED,
    SENT,
    TASK_DUE,
    TASK_OVERDUE,
    UNREAD,
    WAITING,
)
from tsn_desktop.ui.wording import profession_label, worded

_CONTEXT = "NetworkTexts"

_STATES = {
    WAITING: QT_TRANSLATE_NOOP("NetworkTexts", "waiting to be sent"),
    SENT: QT_TRANSLATE_NOOP("NetworkTexts", "sent"),
    REFUSED: QT_TRANSLATE_NOOP("NetworkTexts", "refused by the hub"),
}
_INBOX = {
    UNREAD: QT_TRANSLATE_NOOP("NetworkTexts", "Unread replies"),
    NO_ANSWER: QT_TRANSLATE_NOOP("NetworkTexts", "No answer yet"),
    ANSWER_DUE: QT_TRANSLATE_NOOP("NetworkTexts", "Your answer is expected"),
    TASK_OVERDUE: QT_TRANSLATE_NOOP("NetworkTexts", "Overdue pathway task"),
    TASK_DUE: QT_TRANSLATE_NOOP("NetworkTexts", "Your pathway task today"),
    # the other features' entries (tsn_desktop.feature)
    INBOX_RECALL: QT_TRANSLATE_NOOP("NetworkTexts", "Vaccination recall to try again"),
    INBOX_READING_ALERT: QT_TRANSLATE_NOOP("NetworkTexts", "Reading alert to acknowledge"),
}
_PROBLEMS = {
    "no_title": QT_TRANSLATE_NOOP("NetworkTexts", "Give the discussion a title."),
    "no_question": QT_TRANSLATE_NOOP("NetworkTexts", "Write the question you are asking."),
    "no_participant": QT_TRANSLATE_NOOP(
        "NetworkTexts", "Choose at least one colleague from the directory."),
    "too_long": QT_TRANSLATE_NOOP(
        "NetworkTexts", "The text is too long: shorten it or split it in two messages."),
    "empty": QT_TRANSLATE_NOOP("NetworkTexts", "Write something before sending."),
    "already_participant": QT_TRANSLATE_NOOP(
        "NetworkTexts", "This colleague already takes part in the discussion."),
    "closed": QT_TRANSLATE_NOOP(
        "NetworkTexts", "This discussion is closed: open a new one to go on."),
    "not_requester": QT_TRANSLATE_NOOP(
        "NetworkTexts", "Only the practitioner who opened the discussion closes it."),
    "not_author": QT_TRANSLATE_NOOP(
        "NetworkTexts", "You can only change or withdraw your own messages."),
    "not_participant": QT_TRANSLATE_NOOP(
        "NetworkTexts", "You no longer take part in this discussion."),
    "attachment_not_accepted": QT_TRANSLATE_NOOP(
        "NetworkTexts", "Only PDF files and images (PNG, JPEG) can be attached: this file is "
        "neither, whatever its name says."),
    "attachment_too_large": QT_TRANSLATE_NOOP(
        "NetworkTexts", "An attachment is 180 kB at most: reduce the scan or the photo "
        "(lower resolution) and attach it again."),
    "attachment_empty": QT_TRANSLATE_NOOP("NetworkTexts", "This file is empty."),
    "no_version": QT_TRANSLATE_NOOP(
        "NetworkTexts", "Give the document a version (a number or a date), so colleagues "
        "know which one they read."),
    "attachment_too_many": QT_TRANSLATE_NOOP(
        "NetworkTexts", "Four attachments per message at most: send the others in a "
        "second message."),
    "attachment_unreadable": QT_TRANSLATE_NOOP(
        "NetworkTexts", "This file could not be read: check that it still exists and that "
        "you may open it."),
}
_TASKS = {
    "pain_assessment": QT_TRANSLATE_NOOP("NetworkTexts", "Pain assessment"),
    "first_dressing": QT_TRANSLATE_NOOP("NetworkTexts", "First dressing"),
    "medication_ready": QT_TRANSLATE_NOOP("NetworkTexts", "Medication and supplies ready"),
    "drain_removal": QT_TRANSLATE_NOOP("NetworkTexts", "Drain removal"),
    "stitches_removal": QT_TRANSLATE_NOOP("NetworkTexts", "Stitches or staples removal"),
    "follow_up_appointment": QT_TRANSLATE_NOOP("NetworkTexts", "Follow-up appointment"),
}
_PATHWAY_PROBLEMS = {
    "no_title": QT_TRANSLATE_NOOP("NetworkTexts", "Give the pathway a title."),
    "no_task": QT_TRANSLATE_NOOP("NetworkTexts", "Keep at least one task in the checklist."),
    "no_task_text": QT_TRANSLATE_NOOP("NetworkTexts", "Say what each task is."),
    "no_owner": QT_TRANSLATE_NOOP(
        "NetworkTexts", "Choose who does each task (a member of the patient's care team)."),
    "bad_day": QT_TRANSLATE_NOOP(
        "NetworkTexts", "A task's day is between D-30 and D+365 of the operation."),
}
_EXTRA_PROFESSIONS = {
    "surgeon": QT_TRANSLATE_NOOP("NetworkTexts", "Surgeon"),
    "physiotherapist": QT_TRANSLATE_NOOP("NetworkTexts", "Physiotherapist"),
    "biologist": QT_TRANSLATE_NOOP("NetworkTexts", "Biologist"),
}


def state_text(code: str) -> str:
    return worded(_CONTEXT, _STATES, code)


def inbox_kind_text(code: str) -> str:
    return worded(_CONTEXT, _INBOX, code)


def inbox_kinds() -> list[tuple[str, str]]:
    return [(code, inbox_kind_text(code)) for code in _INBOX]


def problem_text(code: str) -> str:
    return worded(_CONTEXT, _PROBLEMS, code, QCoreApplication.translate(
        _CONTEXT, "This could not be saved: check what you typed."))


def everyone_text() -> str:
    return QCoreApplication.translate("NetworkTexts", "Everyone")


def task_text(code: str) -> str:
    """A template task's words; a task typed by a user is shown as typed."""
    return worded(_CONTEXT, _TASKS, code)


def pathway_problem_text(code: str) -> str:
    return worded(_CONTEXT, _PATHWAY_PROBLEMS, code, problem_text(code))


def profession_text(code: str) -> str:
    if code in _EXTRA_PROFESSIONS:
        return worded(_CONTEXT, _EXTRA_PROFESSIONS, code)
    return profession_label(code)


class NetworkCounts(QObject):
    """Counted words: plural messages live in a QObject's self.tr(text, "", n), the one
    form pyside6-lupdate sees as a plural (see ui.formatting.CountedWords)."""

    def new_messages(self, n: int) -> str:
        return self.tr("%n new", "", n)


_COUNTS: NetworkCounts | None = None


def counts() -> NetworkCounts:
    global _COUNTS
    if _COUNTS is None:
        _COUNTS = NetworkCounts()
    return _COUNTS
