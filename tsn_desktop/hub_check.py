"""`tsn-desktop --demo --hub URL --sign-in-and-sync`: a throw-away demo practice signs in to
the hub with Pro Santé Connect and runs one sync pass, without a window (checks an
installation against a hub, on a machine with or without a display)."""

from __future__ import annotations

import os
import shutil
import sys
import tempfile
from pathlib import Path

from tsn_desktop.core.clock import SystemClock

# A practitioner at the browser: the CPS card or the e-CPS app take a minute or two.
SIGN_IN_TIMEOUT = 300.0


def _open_browser(url: str) -> None:
    """The system browser, when there is a display to show it on; without one the address
    printed before is the way (another machine's browser cannot reach this loopback, but a
    script on this one can, as the installer's smoke test does)."""
    if sys.platform.startswith("linux") and not (
            os.environ.get("DISPLAY") or os.environ.get("WAYLAND_DISPLAY")):
        return
    import webbrowser

    webbrowser.open(url)


def sign_in_and_sync(basedir: Path | None, hub_url: str, who: str = "gp",
                     timeout: float = SIGN_IN_TIMEOUT) -> int:
    """Builds the demo practice in a temporary folder (under `basedir` when given), signs
    it in through the hub's Pro Santé Connect flow, syncs once, signs out (the hub revokes
    the sign-in, the keyring forgets it) and removes the demo. Prints one line per step;
    0 when every step went through."""
    from tsn_desktop.core.executor import DbExecutor
    from tsn_desktop.demo import DEMO_PRACTITIONERS, build_demo
    from tsn_desktop.features import FEATURES, sync_adapters
    from tsn_desktop.sync import psc
    from tsn_desktop.sync.adapters import AdapterRegistry
    from tsn_desktop.sync.client import HubError
    from tsn_desktop.sync.protocol import ProtocolError
    from tsn_desktop.sync.worker import account_engine_factory

    if basedir is not None:
        basedir.mkdir(parents=True, exist_ok=True)
    work = Path(tempfile.mkdtemp(prefix="tsn-demo-", dir=basedir))
    clock = SystemClock()
    try:
        opened = build_demo(work, clock, who=who)
        executor = DbExecutor(opened.db)
        profile_id = opened.vault.profile_id
        try:
            attempt = psc.SignIn(hub_url, psc.device_id(profile_id, hub_url))
            print(f"Pro Santé Connect: open {attempt.url}", flush=True)
            _open_browser(attempt.url)
            try:
                tokens = attempt.finish(DEMO_PRACTITIONERS[who].rpps, timeout)
            except psc.SignInError as exc:
                executor.call(psc.audit_refused)
                print(f"FAILED sign-in: {exc}", file=sys.stderr, flush=True)
                return 1
            except HubError as exc:
                print(f"FAILED sign-in: {exc}", file=sys.stderr, flush=True)
                return 1
            in_keyring = psc.start_session(profile_id, hub_url, attempt.device, tokens)
            executor.call(lambda db: psc.save_signed_in(db, hub_url, tokens.rpps))
            kept = "the OS keyring" if in_keyring else "memory only (no keyring)"
            print(f"ok sign-in: RPPS {tokens.rpps}, refresh token in {kept}", flush=True)
            try:
                engine = account_engine_factory(
                    AdapterRegistry(sync_adapters(FEATURES)), profile_id, executor, clock)()
                assert engine is not None  # the account was saved just above
                try:
                    report = engine.run_pass()
                finally:
                    engine.client.close()
            except (HubError, ProtocolError) as exc:
                print(f"FAILED sync: {exc}", file=sys.stderr, flush=True)
                return 1
            finally:
                psc.sign_out(profile_id, hub_url)
            print(f"ok sync: pushed {report.pushed}, pulled {report.pulled}, "
                  f"rejected {report.rejected}, conflicts {report.conflicts}", flush=True)
            return 1 if report.rejected else 0
        finally:
            executor.shutdown()
    finally:
        shutil.rmtree(work, ignore_errors=True)
