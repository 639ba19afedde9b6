"""Built translations (.qm), loaded by core.i18n; sources are i18n/*.ts (see update.py)."""
