"""Return home after day surgery: a pathway's checklist of tasks (owner by RPPS, due date
from the operation day), its default template, and which tasks are overdue. Pure rules."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import UTC, date, datetime, timedelta

from tsn_desktop.network.model import TASK_DUE, TASK_OVERDUE, InboxItem

REQUESTED = "requested"
COMPLETED = "completed"
CANCELLED = "cancelled"
STATUSES = frozenset({REQUESTED, COMPLETED, CANCELLED})


@dataclass(frozen=True)
class TemplateStep:
    """One line of a pathway template: what (a code ui/texts words, or free text), which
    profession does it, on which day after the operation."""

    what: str
    profession: str
    day: int


# The checklist a pathway starts from; each line is changed (owner, day, words) before
# the pathway is created.
DEFAULT_TEMPLATE: tuple[TemplateStep, ...] = (
    TemplateStep("pain_assessment", "general_practitioner", 1),
    TemplateStep("first_dressing", "nurse", 2),
    TemplateStep("medication_ready", "pharmacist", 0),
    TemplateStep("drain_removal", "nurse", 3),
    TemplateStep("stitches_removal", "nurse", 10),
    TemplateStep("follow_up_appointment", "surgeon", 30),
)


@dataclass(frozen=True)
class PathwayTask:
    id: str
    pathway_id: str
    patient_id: str
    pathway_title: str
    operation_day: date
    what: str
    owner: str  # RPPS
    due: date
    status: str = REQUESTED
    done_by: str = ""  # RPPS of who ticked it
    done_at: datetime | None = None
    comment: str = ""
    waiting: bool = False  # written here, not yet on the hub

    def overdue(self, today: date) -> bool:
        return self.status == REQUESTED and self.due < today

    def due_soon(self, today: date) -> bool:
        return self.status == REQUESTED and self.due <= today


class InvalidPathway(ValueError):
    def __init__(self, code: str) -> None:
        super().__init__(code)
        self.code = code


@dataclass(frozen=True)
class PlannedTask:
    """A line of the checklist as the user leaves it in the dialog."""

    what: str
    owner: str
    day: int


def check_plan(title: str, steps: Sequence[PlannedTask]) -> None:
    if not title.strip():
        raise InvalidPathway("no_title")
    if not steps:
        raise InvalidPathway("no_task")
    for step in steps:
        if not step.what.strip():
            raise InvalidPathway("no_task_text")
        if not step.owner:
            raise InvalidPathway("no_owner")
        if not -30 <= step.day <= 365:
            raise InvalidPathway("bad_day")


def due_on(operation_day: date, day: int) -> date:
    return operation_day + timedelta(days=day)


def merge_status(local: str, remote: str) -> str:
    """Two desktops ticked the same task: done wins over still to do, cancelled over all
    (the hub keeps who did it in the version history)."""
    rank = {REQUESTED: 0, COMPLETED: 1, CANCELLED: 2}
    return local if rank.get(local, 0) > rank.get(remote, 0) else remote


def task_items(tasks: Sequence[PathwayTask], me: str, today: date) -> list[InboxItem]:
    """Inbox lines of pathway tasks: every overdue task (in red on every desktop that sees
    the pathway), and this practitioner's own tasks due today."""
    items = []
    for task in tasks:
        if task.overdue(today):
            items.append(InboxItem(f"{TASK_OVERDUE}:{task.id}", TASK_OVERDUE, task.pathway_id,
                                   task.what, task.patient_id,
                                   datetime.combine(task.due, datetime.min.time(), UTC),
                                   due=task.due, important=True, task_id=task.id))
        elif task.owner == me and task.due_soon(today):
            items.append(InboxItem(f"{TASK_DUE}:{task.id}", TASK_DUE, task.pathway_id,
                                   task.what, task.patient_id,
                                   datetime.combine(task.due, datetime.min.time(), UTC),
                                   due=task.due, task_id=task.id))
    return items
