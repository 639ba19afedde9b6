#!/usr/bin/env bash
# Start a throw-away PostgreSQL for the hub tests and print the line to use it:
#   eval "$(bash .ci/postgres.sh)"
# -> export TSN_HUB_TEST_PG_URL=postgresql://tsn_test:...@127.0.0.1:PORT/tsn_test
# Installs postgresql (Debian, as root) when missing. The cluster lives in its own
# directory, listens on 127.0.0.1 only, and is reused by later runs while it is up.
# Only the export line goes to stdout; everything else goes to stderr.
set -euo pipefail

PGDIR="${TSN_HUB_PG_DIR:-/tmp/tsn-hub-pg}"
DB=tsn_test
ROLE=tsn_test

log() { echo "postgres.sh: $*" >&2; }

pg_bin() {
  local d
  d=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1 || true)
  if [ -z "$d" ] && command -v pg_config >/dev/null; then d=$(pg_config --bindir); fi
  echo "$d"
}

if [ -z "$(pg_bin)" ]; then
  if [ "$(id -u)" -ne 0 ]; then
    log "postgresql is not installed and we are not root"; exit 1
  fi
  log "installing postgresql"
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq >&2
  apt-get install -y -qq postgresql >&2
fi
BIN=$(pg_bin)

# The server refuses to run as root: use the postgres account when we are root.
if [ "$(id -u)" -eq 0 ]; then
  id postgres >/dev/null 2>&1 || useradd --system --home-dir /var/lib/postgresql postgres
  as_pg() { runuser -u postgres -- "$@"; }
else
  as_pg() { "$@"; }
fi

free_port() {
  python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])' \
    2>/dev/null || echo 55432
}

if [ -f "$PGDIR/url" ] && as_pg "$BIN/pg_ctl" -D "$PGDIR/data" status >/dev/null 2>&1; then
  log "reusing the cluster in $PGDIR"
  echo "export TSN_HUB_TEST_PG_URL=$(cat "$PGDIR/url")"
  exit 0
fi

# A half-made cluster from an interrupted run: stop it before starting afresh.
if [ -d "$PGDIR/data" ]; then
  as_pg "$BIN/pg_ctl" -D "$PGDIR/data" -m fast -w stop >/dev/null 2>&1 || true
fi
rm -rf "$PGDIR"
mkdir -p "$PGDIR"
[ "$(id -u)" -eq 0 ] && chown postgres: "$PGDIR"
PORT=$(free_port)
PASSWORD=$(head -c 12 /dev/urandom | od -An -tx1 | tr -d ' \n')

PWFILE="$PGDIR/pwfile"
(umask 077; echo "$PASSWORD" >"$PWFILE")
[ "$(id -u)" -eq 0 ] && chown postgres: "$PWFILE"
as_pg "$BIN/initdb" -D "$PGDIR/data" -U postgres -A scram-sha-256 --pwfile="$PWFILE" \
  -E UTF8 --no-locale >"$PGDIR/initdb.log" 2>&1 || { cat "$PGDIR/initdb.log" >&2; exit 1; }
rm -f "$PWFILE"
# Tests only: no fsync, many short-lived connections, sockets in our own dir.
cat >>"$PGDIR/data/postgresql.conf" <<EOF
listen_addresses = '127.0.0.1'
port = $PORT
unix_socket_directories = '$PGDIR'
fsync = off
synchronous_commit = off
full_page_writes = off
max_connections = 200
EOF
as_pg "$BIN/pg_ctl" -D "$PGDIR/data" -l "$PGDIR/server.log" -w -t 60 start >&2

export PGPASSWORD="$PASSWORD"
psql_admin() { "$BIN/psql" -h 127.0.0.1 -p "$PORT" -U postgres -v ON_ERROR_STOP=1 -qAt "$@"; }
psql_admin -d postgres -c "CREATE ROLE $ROLE LOGIN PASSWORD '$PASSWORD' CREATEDB" >&2
psql_admin -d postgres -c "CREATE DATABASE $DB OWNER $ROLE" >&2

URL="postgresql://$ROLE:$PASSWORD@127.0.0.1:$PORT/$DB"
echo "$URL" >"$PGDIR/url"
log "PostgreSQL $("$BIN/postgres" --version | awk '{print $3}') on 127.0.0.1:$PORT ($PGDIR)"
echo "export TSN_HUB_TEST_PG_URL=$URL"
