"""Drives `tsn-desktop --demo --hub URL --sign-in-and-sync` (the installed program, or the
checkout's) against a local hub run from the checkout and configured for Pro Santé Connect
with the stand-in provider of the tests (tests/oidc_provider.py): the program prints the
authorize address, this plays the browser (follows the redirects to the provider, back to
the hub and to the program's loopback), then checks the hub's side: the records the pass
pushed are there, and the sign-in and sign-out are in the hub's PSC audit trail."""

from __future__ import annotations

import os
import re
import socket
import subprocess
import sys
import threading
import time
from dataclasses import dataclass, field
from pathlib import Path

import requests

ROOT = Path(__file__).resolve().parents[1]
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from tests.oidc_provider import CLIENT_ID, CLIENT_SECRET, StandInProvider  # noqa: E402
from tsn_desktop.demo import DEMO_PRACTITIONER  # noqa: E402

URL_LINE = re.compile(r"^Pro Santé Connect: open (http://127\.0\.0\.1:\d+/\S+)$")
SYNC_LINE = re.compile(r"^ok sync: pushed (\d+), pulled (\d+), rejected (\d+)")
TIMEOUT = 240.0  # seconds for the whole run of the program (it builds a demo first)


class CheckFailed(AssertionError):
    pass


@dataclass
class Outcome:
    output: str
    pushed: int
    on_hub: int
    hub_events: list[str] = field(default_factory=list)


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def _no_proxy_session() -> requests.Session:
    session = requests.Session()
    session.trust_env = False  # everything here is on 127.0.0.1
    return session


class Hub:
    """`tsn-hub serve` from the checkout, with Pro Santé Connect pointed at `provider`."""

    def __init__(self, workdir: Path, provider: StandInProvider) -> None:
        self.workdir = workdir
        self.db_url = f"sqlite:///{workdir / 'hub.db'}"
        self.url = f"http://127.0.0.1:{_free_port()}"
        secret = workdir / "psc-secret"
        secret.write_text(CLIENT_SECRET, "utf-8")
        self.args = [
            "--psc-issuer", provider.issuer, "--psc-client-id", CLIENT_ID,
            "--psc-secret-file", str(secret), "--public-url", self.url]
        self.proc: subprocess.Popen[bytes] | None = None

    def hub(self, *args: str) -> str:
        done = subprocess.run([sys.executable, "-m", "tsn_hub", *args, "--db", self.db_url],
                              cwd=ROOT, capture_output=True, text=True, timeout=60)
        if done.returncode != 0:
            raise CheckFailed(f"tsn-hub {args[0]} failed: {done.stderr}")
        return done.stdout

    def start(self) -> None:
        log = (self.workdir / "hub.log").open("ab")
        port = self.url.rsplit(":", 1)[1]
        self.proc = subprocess.Popen(
            [sys.executable, "-m", "tsn_hub", "serve", "--db", self.db_url, "--host",
             "127.0.0.1", "--port", port, "--log-level", "warning", *self.args],
            cwd=ROOT, stdout=log, stderr=subprocess.STDOUT)
        log.close()
        deadline = time.monotonic() + 30
        with _no_proxy_session() as http:
            while time.monotonic() < deadline:
                if self.proc.poll() is not None:
                    raise CheckFailed("the hub stopped: " + self.log())
                try:
                    if http.get(self.url + "/sync/v1/meta", timeout=1).ok:
                        return
                except requests.RequestException:
                    pass
                time.sleep(0.1)
        raise CheckFailed("the hub did not start: " + self.log())

    def log(self) -> str:
        return (self.workdir / "hub.log").read_text("utf-8", "replace")

    def stop(self) -> None:
        if self.proc is not None and self.proc.poll() is None:
            self.proc.terminate()
            try:
                self.proc.wait(10)
            except subprocess.TimeoutExpired:
                self.proc.kill()
                self.proc.wait()

    def records_seen_by(self, token: str) -> int:
        """How many changes the hub serves this practitioner (pull, every page)."""
        count, cursor = 0, None
        with _no_proxy_session() as http:
            while True:
                params = {"limit": "500", **({"cursor": cursor} if cursor else {})}
                answer = http.get(self.url + "/sync/v1/pull", params=params, timeout=30,
                                  headers={"Authorization": f"Bearer {token}"})
                if answer.status_code != 200:
                    raise CheckFailed(f"pull from the hub: HTTP {answer.status_code}")
                page = answer.json()
                count += len(page["changes"])
                cursor = page["next_cursor"]
                if not page["has_more"]:
                    return count


def play_browser(url: str) -> str:
    """What the system browser does with the authorize address: follows every redirect
    (hub, provider, hub's callback, the program's loopback) and shows the last page."""
    with _no_proxy_session() as http:
        return http.get(url, timeout=60).text


def run(command: list[str], workdir: Path, env: dict[str, str] | None = None) -> Outcome:
    """`command` (the program and its --basedir) gets `--demo --hub URL
    --sign-in-and-sync`; CheckFailed unless it signs in, syncs and the hub holds it."""
    with StandInProvider() as provider:
        provider.identity = {"rpps": DEMO_PRACTITIONER.rpps, "profession": "10"}
        hub = Hub(workdir, provider)
        hub.hub("init-db")
        token = hub.hub("create-practitioner", "--rpps", DEMO_PRACTITIONER.rpps,
                        "--name", "Démo Pascaline", "--profession",
                        "general_practitioner").strip().splitlines()[-1]
        hub.start()
        try:
            return _drive(command, hub, token, env)
        finally:
            hub.stop()


def _drive(command: list[str], hub: Hub, token: str, env: dict[str, str] | None) -> Outcome:
    process = subprocess.Popen(
        [*command, "--demo", "--hub", hub.url, "--sign-in-and-sync"],
        stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True, env=env, cwd=ROOT)
    lines: list[str] = []
    pages: list[str] = []
    browser: threading.Thread | None = None
    killer = threading.Timer(TIMEOUT, process.kill)  # a hang fails instead of stalling CI
    killer.start()
    try:
        assert process.stdout is not None
        for line in process.stdout:
            lines.append(line)
            found = URL_LINE.match(line.strip())
            if found and browser is None:
                if not found.group(1).startswith(hub.url + "/auth/v1/authorize?"):
                    raise CheckFailed(f"not the hub's authorize address: {line}")
                browser = threading.Thread(
                    target=lambda url: pages.append(play_browser(url)),
                    args=(found.group(1),), daemon=True)
                browser.start()
        process.wait()
    finally:
        killer.cancel()
        if process.poll() is None:
            process.kill()
            process.wait()
    output = "".join(lines)
    if process.returncode != 0:
        raise CheckFailed(f"exit code {process.returncode}:\n{output}\nhub:\n{hub.log()}")
    if browser is None:
        raise CheckFailed(f"no sign-in address printed:\n{output}")
    browser.join(30)
    if not pages or "Connexion terminée" not in pages[0]:
        raise CheckFailed(f"the browser did not end on the sign-in page: {pages}")
    synced = next((m for m in map(SYNC_LINE.match, output.splitlines()) if m), None)
    if synced is None or int(synced.group(1)) == 0 or int(synced.group(3)) != 0:
        raise CheckFailed(f"the sync pass did not push the demo's records:\n{output}")
    on_hub = hub.records_seen_by(token)
    if on_hub < int(synced.group(1)):
        raise CheckFailed(f"pushed {synced.group(1)}, the hub serves {on_hub}")
    events = [line.split("\t")[1] for line in hub.hub(
        "psc-audit", "--rpps", DEMO_PRACTITIONER.rpps).splitlines() if "\t" in line]
    if "sign-in" not in events:
        raise CheckFailed(f"no sign-in in the hub's audit trail: {events}")
    return Outcome(output, int(synced.group(1)), on_hub, events)


def environment_without_display() -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if k not in ("DISPLAY", "WAYLAND_DISPLAY")}
    env["QT_QPA_PLATFORM"] = "offscreen"
    return env
