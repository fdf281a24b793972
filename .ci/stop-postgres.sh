#!/usr/bin/env bash
# Stops a cluster started by .ci/start-postgres.sh and removes its directory: .ci/stop-postgres.sh "$PG_DATA_DIR"
set -euo pipefail
PG_DIR="${1:-${PG_DATA_DIR:-}}"
if [ -z "$PG_DIR" ] || [ ! -f "$PG_DIR/bin-dir" ]; then
  echo "stop-postgres: usage: $0 PG_DATA_DIR (the directory start-postgres.sh printed)" >&2
  exit 1
fi
PG_BIN="$(cat "$PG_DIR/bin-dir")"
RUN_AS="$(cat "$PG_DIR/run-as")"
if [ -f "$PG_DIR/data/postmaster.pid" ]; then
  if [ -n "$RUN_AS" ]; then
    runuser -u "$RUN_AS" -- "$PG_BIN/pg_ctl" -D "$PG_DIR/data" -m fast -w stop >&2
  else
    "$PG_BIN/pg_ctl" -D "$PG_DIR/data" -m fast -w stop >&2
  fi
fi
rm -rf "$PG_DIR"
