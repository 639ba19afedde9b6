"""Command line: options, and refusals that keep screenshots away from real profiles."""

from __future__ import annotations

import pytest

from tsn_desktop.cli import PAGES, parse_args
from tsn_desktop.features import FEATURES


def test_defaults() -> None:
    args = parse_args([])
    assert args.basedir is None and not args.demo and args.screenshot is None
    assert args.page == "patients" and args.lang is None


def test_demo_screenshot_of_a_page() -> None:
    args = parse_args(["--demo", "--screenshot", "out.png", "--page", "agenda",
                       "--lang", "en", "--basedir", "/tmp/x"])
    assert (args.demo, args.screenshot, args.page, args.lang, args.basedir) == (
        True, "out.png", "agenda", "en", "/tmp/x")


@pytest.mark.parametrize("argv", [
    ["--screenshot", "out.png"],  # would open the real profile
    ["--screenshot-dialog", "unlock"],  # nowhere to write
    ["--lang", "de"],
    ["--page", "billing"],
])
def test_refused(argv: list[str]) -> None:
    with pytest.raises(SystemExit):
        parse_args(argv)


def test_page_choices_follow_the_features_in_navigation_order() -> None:
    assert PAGES == tuple(f.name for f in FEATURES if f.title)
    assert PAGES == ("patients", "vaccinations", "readings", "network", "agenda")


def test_signing_in_and_syncing_needs_a_demo_and_a_hub_and_no_token() -> None:
    args = parse_args(["--demo", "--hub", "http://127.0.0.1:8765", "--sign-in-and-sync"])
    assert args.sign_in_and_sync and args.hub == "http://127.0.0.1:8765"
    assert args.hub_token is None
    for argv in (["--sign-in-and-sync"], ["--demo", "--sign-in-and-sync"],
                 ["--demo", "--hub", "http://127.0.0.1:8765", "--hub-token", "t",
                  "--sign-in-and-sync"]):
        with pytest.raises(SystemExit):
            parse_args(argv)
