"""The demo practice: an invented practitioner, a fixed passphrase shown on the unlock
screen, and each feature's demo data (never a real person, never real patients)."""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

from tsn_desktop.core.clock import Clock
from tsn_desktop.core.db import migrations_in
from tsn_desktop.core.session import OpenProfile, Practitioner, create_profile
from tsn_desktop.feature import Feature
from tsn_desktop.features import FEATURES, migration_packages
from tsn_desktop.sync import settings as sync_settings

DEMO_PASSPHRASE = "démo-pascaline-2026"
# The RPPS numbers pass the Luhn check; nobody holds them.
DEMO_PRACTITIONER = Practitioner(
    family_name="Démo", given_names="Pascaline", profession="general_practitioner",
    rpps="10012345673", address="12 rue des Tilleuls", postal_code="69003", city="Lyon")
DEMO_NURSE = Practitioner(
    family_name="Démo", given_names="Claire", profession="nurse",
    rpps="10012345681", address="3 place Bellecour", postal_code="69002", city="Lyon")
DEMO_PHARMACIST = Practitioner(
    family_name="Démo", given_names="Louis", profession="pharmacist",
    rpps="10012345699", address="40 cours Gambetta", postal_code="69007", city="Lyon")
DEMO_PRACTITIONERS = {"gp": DEMO_PRACTITIONER, "nurse": DEMO_NURSE,
                      "pharmacist": DEMO_PHARMACIST}


DEMO_PATIENTS = 300


def build_demo(basedir: Path, clock: Clock, patients: int = DEMO_PATIENTS, *,
               who: str = "gp", hub_url: str | None = None, hub_token: str | None = None,
               features: Sequence[Feature] = FEATURES) -> OpenProfile:
    """A throw-away practice of about `patients` invented patients, opened (normal scrypt
    parameters), filled by each feature's demo seed in feature order; with a hub account
    when `hub_url` is given."""
    practitioner = DEMO_PRACTITIONERS[who]
    opened = create_profile(basedir, practitioner, DEMO_PASSPHRASE, remember=False,
                            clock=clock,
                            migrations=migrations_in(migration_packages(features)))
    for feature in features:
        if feature.demo is not None:
            feature.demo(opened.db, clock, who, patients)
    if hub_url:
        sync_settings.save_account(opened.db, opened.vault.profile_id, hub_url,
                                   practitioner.rpps, hub_token or "")
    return opened
