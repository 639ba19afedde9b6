"""`python -m tsn_desktop` / `tsn-desktop`: parses the command line and starts the app."""

from __future__ import annotations

import argparse
import os
import sys

from tsn_desktop.core.settings import LANGUAGES

# Kept here rather than imported from the UI so `--help` answers without loading Qt widgets.
PAGES = ("patients", "vaccinations", "readings", "network", "agenda")
DEMO_PRACTITIONERS = ("gp", "nurse")
DIALOG_SCREENS = ("wizard", "wizard-identity", "wizard-passphrase", "unlock",
                  "unlock-throttled", "locked", "settings", "error")


def parse_args(argv: list[str] | None = None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(
        prog="tsn-desktop",
        description="TSN Desktop: practice companion for independent health practitioners.")
    parser.add_argument("--basedir", metavar="DIR",
                        help="folder for profiles and settings (default: the user's "
                             "application data folder); tests and demos use their own")
    parser.add_argument("--demo", action="store_true",
                        help="open a throw-away practice with ~300 invented patients")
    parser.add_argument("--demo-as", choices=DEMO_PRACTITIONERS, default="gp",
                        help="with --demo: whose practice it is, an invented GP (default) or "
                             "home-visit nurse; two demos can share patients through a hub")
    parser.add_argument("--hub", metavar="URL",
                        help="with --demo: sync the demo practice with this hub (https://, or "
                             "http:// on this computer, e.g. a local tsn-hub)")
    parser.add_argument("--hub-token", metavar="TOKEN",
                        help="with --hub: the access token `tsn-hub create-practitioner` "
                             "printed (or set TSN_HUB_TOKEN)")
    parser.add_argument("--screenshot", metavar="FILE.png",
                        help="render a screen to FILE.png and exit (implies offscreen "
                             "rendering when there is no display)")
    parser.add_argument("--page", choices=PAGES, default="patients",
                        help="page shown by --screenshot (default: patients)")
    parser.add_argument("--screenshot-dialog", choices=DIALOG_SCREENS,
                        help="with --screenshot: render this dialog instead of the main "
                             "window (uses a throw-away demo practice)")
    parser.add_argument("--lang", choices=LANGUAGES,
                        help="interface language for this run (default: from settings, fr)")
    args = parser.parse_args(argv)
    if args.screenshot and not (args.demo or args.screenshot_dialog):
        parser.error("--screenshot needs --demo or --screenshot-dialog: it never opens a "
                     "real profile")
    if args.hub and not args.demo:
        parser.error("--hub only preconfigures a demo practice; in a real profile use "
                     "File > Hub account")
    args.hub_token = args.hub_token or os.environ.get("TSN_HUB_TOKEN")
    if args.hub and not args.hub_token:
        parser.error("--hub needs --hub-token TOKEN (or TSN_HUB_TOKEN)")
    if args.hub:
        from tsn_desktop.sync.client import InsecureHubUrl, check_hub_url

        try:
            args.hub = check_hub_url(args.hub)
        except InsecureHubUrl as exc:
            parser.error(f"--hub: {exc} (plain http:// only for a hub on this computer)")
    if args.screenshot_dialog and not args.screenshot:
        parser.error("--screenshot-dialog needs --screenshot FILE.png")
    return args


def main(argv: list[str] | None = None) -> int:
    args = parse_args(argv)
    from tsn_desktop import app

    return app.main(args)


if __name__ == "__main__":
    sys.exit(main())
