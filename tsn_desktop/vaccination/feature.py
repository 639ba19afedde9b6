"""What vaccination adds to the application (the Feature seam): for now its navigation
entry only; the carnet and the practice page plug in here as they land."""

from __future__ import annotations

from tsn_desktop.feature import QT_TRANSLATE_NOOP, Feature

VACCINATION = Feature(
    name="vaccinations",
    title=QT_TRANSLATE_NOOP("Navigation", "Vaccinations"),
)
