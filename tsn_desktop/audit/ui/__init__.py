"""Qt screens of the audit trail: the practice-wide dialog and the patient file's tab."""
