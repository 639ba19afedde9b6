"""Application shell: main window, first-run wizard, unlock, settings, errors, theme."""
