"""What the patient register and the care team add to the application (the Feature seam).

Both live in this package (the care team is the register's sharing on the hub), but each
is its own feature: the register has the navigation page and owns the Patient resource,
the care team adds a patient-file tab and the CareTeam resource.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any, cast

from tsn_desktop.feature import QT_TRANSLATE_NOOP, Feature, FeatureContext

if TYPE_CHECKING:
    from PySide6.QtWidgets import QWidget

    from tsn_desktop.core.clock import Clock
    from tsn_desktop.core.db import Database
    from tsn_desktop.sync.adapters import SyncAdapter
    from tsn_desktop.sync.ui.review import ReviewDescriber

_DEMO_SEEDS = {"gp": 2026, "nurse": 2027}  # two demo practices, two patient lists


def _page(context: FeatureContext) -> QWidget:
    from tsn_desktop.patients.ui.page import PatientsPage

    return PatientsPage(context.runner, context.clock, patient_tabs=context.patient_tabs)


def _patient_adapters() -> list[SyncAdapter]:
    from tsn_desktop.patients.fhir import PatientAdapter

    return [PatientAdapter()]


def _review() -> ReviewDescriber:
    from tsn_desktop.patients.review import PatientReview

    return PatientReview()


def _demo_patients(db: Database, clock: Clock, who: str, patients: int) -> None:
    from tsn_desktop import demo_data
    from tsn_desktop.patients import service
    from tsn_desktop.patients.model import Patient

    for fields in demo_data.generate_patients(patients, seed=_DEMO_SEEDS.get(who, 2026),
                                              today=clock.today()):
        service.save(db, Patient(**cast(dict[str, Any], fields)))


def _care_team_tab(context: FeatureContext) -> QWidget:
    from tsn_desktop.patients.ui.care_team_tab import CareTeamTab

    return CareTeamTab(context.runner)


def _care_team_adapters() -> list[SyncAdapter]:
    from tsn_desktop.patients.care_team import CareTeamAdapter

    return [CareTeamAdapter()]


PATIENTS = Feature(
    name="patients",
    title=QT_TRANSLATE_NOOP("Navigation", "Patients"),
    page=_page,
    sync_adapters=_patient_adapters,
    review=_review,
    migrations="tsn_desktop.patients",
    demo=_demo_patients,
)

CARE_TEAM = Feature(
    name="care_team",
    patient_tabs=(_care_team_tab,),
    sync_adapters=_care_team_adapters,
)
