"""`tsn-desktop --demo --hub URL --sign-in-and-sync` from the checkout, as the installer's
smoke test runs the installed program: a real hub process configured for Pro Santé Connect
with the stand-in provider (tests/oidc_provider.py), the browser played by `requests`
(installers/psc_sync_check.py), one sync pass, the hub's audit trail. The OS keyring is
outside the project: the program runs with keyring's fail backend (no keyring)."""

from __future__ import annotations

import sys
from pathlib import Path

from installers import psc_sync_check


def test_the_demo_signs_in_with_pro_sante_connect_syncs_and_the_hub_holds_its_records(
        tmp_path: Path, basedir: Path) -> None:
    env = {**psc_sync_check.environment_without_display(),
           "PYTHON_KEYRING_BACKEND": "keyring.backends.fail.Keyring"}
    env.pop("TSN_HUB_TOKEN", None)
    outcome = psc_sync_check.run(
        [sys.executable, "-m", "tsn_desktop", "--basedir", str(basedir)], tmp_path, env)
    assert "ok sign-in: RPPS 10012345673, refresh token in memory only" in outcome.output
    assert outcome.pushed > 0 and outcome.on_hub >= outcome.pushed
    assert outcome.hub_events.count("sign-in") == 1
    # Signed out at the end: the hub revoked the sign-in's refresh token family.
    assert outcome.hub_events[-1] == "revoked"
    assert list(basedir.iterdir()) == [], "the demo practice was left behind"
