"""Command line of the hub: `tsn-hub serve | init-db | create-practitioner | purge | psc-audit |
publish-pack`."""

from __future__ import annotations

import argparse
import logging
import os
import sys
import time

from tsn_hub.storage import open_store

LOOPBACK = {"127.0.0.1", "::1", "localhost"}
# A desktop pass is a push per 100 changed records and a pull per 500 pulled ones,
# plus a long-poll every 25 s: these leave a first sync of a large practice room.
DEFAULT_PUSH_PER_MINUTE = 300.0
DEFAULT_PULL_PER_MINUTE = 600.0


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="tsn-hub", description="TSN reference regional hub")
    sub = parser.add_subparsers(dest="command", required=True)

    def with_db(p: argparse.ArgumentParser) -> argparse.ArgumentParser:
        p.add_argument(
            "--db",
            default=os.environ.get("TSN_HUB_DB"),
            required="TSN_HUB_DB" not in os.environ,
            help="sqlite:///path/to/hub.db or postgresql://user:pw@host/db (env TSN_HUB_DB)",
        )
        return p

    serve = with_db(sub.add_parser("serve", help="run the HTTP(S) server"))
    serve.add_argument("--host", default="127.0.0.1")
    serve.add_argument("--port", type=int, default=8443)
    serve.add_argument("--certfile", help="TLS certificate (PEM); required off loopback")
    serve.add_argument("--keyfile", help="TLS private key (PEM)")
    serve.add_argument(
        "--behind-proxy",
        action="store_true",
        help="plain HTTP for a reverse proxy on this machine that terminates TLS"
        " (loopback addresses only)",
    )
    serve.add_argument("--tombstone-days", type=float, default=None)
    serve.add_argument(
        "--push-per-minute",
        type=float,
        default=DEFAULT_PUSH_PER_MINUTE,
        help=f"pushes per token per minute, in bursts up to that (0: no limit;"
        f" default {DEFAULT_PUSH_PER_MINUTE:g})",
    )
    serve.add_argument(
        "--pull-per-minute",
        type=float,
        default=DEFAULT_PULL_PER_MINUTE,
        help=f"pulls and snapshot pages per token per minute (0: no limit;"
        f" default {DEFAULT_PULL_PER_MINUTE:g})",
    )
    from tsn_hub.bookings import DEFAULT_PORTAL_PER_MINUTE

    serve.add_argument(
        "--portal-per-minute",
        type=float,
        default=DEFAULT_PORTAL_PER_MINUTE,
        help=f"online bookings per client address per minute on the public portal (0: no"
        f" limit; default {DEFAULT_PORTAL_PER_MINUTE:g})",
    )
    serve.add_argument("--log-level", default="info")
    from tsn_hub.psc import add_arguments as add_psc_arguments

    add_psc_arguments(serve)

    with_db(sub.add_parser("init-db", help="create the tables (idempotent)"))

    create = with_db(
        sub.add_parser("create-practitioner", help="create an account, print its token")
    )
    create.add_argument("--rpps", required=True, help="11-digit RPPS number")
    create.add_argument("--name", required=True)
    create.add_argument("--profession")
    create.add_argument(
        "--token-days",
        type=float,
        default=365.0,
        help="days the new token works (default 365); run the command again to renew",
    )

    with_db(sub.add_parser("purge", help="drop op ids > 30 days and old tombstones now"))
    with_db(sub.add_parser("new-epoch", help="after restoring a backup: make clients resync"))
    audit = with_db(sub.add_parser("psc-audit", help="the Pro Santé Connect sign-in trail"))
    audit.add_argument("--rpps", help="only this practitioner's")
    publish = with_db(sub.add_parser("publish-pack", help="serve a data pack folder to desktops"))
    publish.add_argument("folder", help="pack folder (manifest.json + the files it lists)")
    publish.add_argument("--kind", help="schedules or vaccines (default: the parent folder)")
    return parser


def _serve(args: argparse.Namespace) -> int:
    if args.behind_proxy and args.host not in LOOPBACK:
        # The proxy runs on this machine; plain HTTP must not leave it.
        print(
            "refusing --behind-proxy off loopback: bind 127.0.0.1 (or ::1) and let the proxy"
            " forward to it",
            file=sys.stderr,
        )
        return 2
    if args.host not in LOOPBACK and not args.certfile:
        print(
            "refusing plain HTTP off loopback: give --certfile/--keyfile (or --behind-proxy"
            " on loopback)",
            file=sys.stderr,
        )
        return 2
    from tsn_hub.psc import config_from_namespace

    try:
        psc = config_from_namespace(args)
    except ValueError as exc:
        print(f"tsn-hub: {exc}", file=sys.stderr)
        return 2
    import uvicorn

    from tsn_hub.api import create_app
    from tsn_hub.sync import TOMBSTONE_RETENTION_DAYS

    logging.basicConfig(
        level=args.log_level.upper(), format="%(asctime)s %(levelname)s %(name)s: %(message)s"
    )
    store = open_store(args.db)
    store.init_schema()
    days = args.tombstone_days if args.tombstone_days is not None else TOMBSTONE_RETENTION_DAYS
    app = create_app(
        store,
        tombstone_days=days,
        push_per_minute=args.push_per_minute,
        pull_per_minute=args.pull_per_minute,
        psc=psc,
        portal_per_minute=args.portal_per_minute,
    )
    uvicorn.run(
        app,
        host=args.host,
        port=args.port,
        ssl_certfile=args.certfile,
        ssl_keyfile=args.keyfile,
        log_level=args.log_level,
        # Long-polls would otherwise hold a restart for up to 30 s.
        timeout_graceful_shutdown=3,
    )
    return 0


def main(argv: list[str] | None = None) -> int:
    args = _parser().parse_args(argv)
    if args.command == "serve":
        return _serve(args)
    store = open_store(args.db)
    try:
        store.init_schema()
        if args.command == "create-practitioner":
            from tsn_hub.accounts import register_practitioner

            try:
                token = register_practitioner(
                    store, args.rpps, args.name, args.profession, token_days=args.token_days
                )
            except ValueError as exc:
                print(f"tsn-hub: {exc}", file=sys.stderr)
                return 2
            print(token)
        elif args.command == "purge":
            from tsn_hub.sync import OP_RETENTION_DAYS, TOMBSTONE_RETENTION_DAYS

            report = store.purge(
                time.time(), OP_RETENTION_DAYS * 86400.0, TOMBSTONE_RETENTION_DAYS * 86400.0
            )
            print(
                f"purged {report.ops} op ids, {report.tombstones} tombstones; "
                f"horizon {report.horizon}"
            )
        elif args.command == "psc-audit":
            from tsn_hub.psc import print_audit

            print_audit(store, args.rpps)
        elif args.command == "publish-pack":
            from pathlib import Path

            from tsn_hub.packs import PackRefused, publish_folder

            try:
                kind, pack, version = publish_folder(store, Path(args.folder), args.kind)
            except PackRefused as exc:
                print(f"tsn-hub: pack refused: {exc}", file=sys.stderr)
                return 2
            print(f"published {kind}/{pack} {version}")
        elif args.command == "new-epoch":
            print(f"new epoch {store.new_epoch()}: every client will resync")
    finally:
        store.close()
    return 0


if __name__ == "__main__":
    sys.exit(main())
