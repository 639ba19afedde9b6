"""Qt screens of the patient register: the page, the form, the patient file."""

from tsn_desktop.patients.ui.editor import PatientEditorDialog
from tsn_desktop.patients.ui.page import PatientsPage
from tsn_desktop.patients.ui.patient_file import PatientFileView
from tsn_desktop.patients.ui.table_model import PatientTableModel

__all__ = ["PatientEditorDialog", "PatientFileView", "PatientTableModel", "PatientsPage"]
