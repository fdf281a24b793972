#!/usr/bin/env bash
# Starts a throw-away PostgreSQL cluster for the test suite and prints shell lines to use it:
#
#   eval "$(.ci/start-postgres.sh)"          # sets TEST_DATABASE_URL and PG_DATA_DIR
#   trap '.ci/stop-postgres.sh "$PG_DATA_DIR"' EXIT
#
# Installs PostgreSQL with apt-get when no initdb is found (fresh CI machine). The cluster lives in a new
# temporary directory, listens on 127.0.0.1 only, on a free port, with a random password. initdb refuses
# to run as root, so as root the cluster runs as the `postgres` user (created when missing).
# Everything except the final export lines goes to stderr, so the output can be eval'ed.
set -euo pipefail

log() { echo "start-postgres: $*" >&2; }

find_pg_bin() {
  local dir best=""
  for dir in $(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V); do
    [ -x "$dir/initdb" ] && best="$dir"
  done
  if [ -z "$best" ] && command -v initdb >/dev/null 2>&1; then
    best="$(dirname "$(readlink -f "$(command -v initdb)")")"
  fi
  echo "$best"
}

PG_BIN="$(find_pg_bin)"
if [ -z "$PG_BIN" ]; then
  if [ "$(id -u)" -ne 0 ] || ! command -v apt-get >/dev/null 2>&1; then
    log "no PostgreSQL found (initdb) and cannot install it: run as root on a Debian/Ubuntu machine, or install PostgreSQL"
    exit 1
  fi
  log "installing PostgreSQL with apt-get"
  # Do not let the package create and start its own cluster on port 5432: we only want the binaries.
  if [ ! -e /etc/postgresql-common/createcluster.conf ]; then
    mkdir -p /etc/postgresql-common
    echo 'create_main_cluster = false' >/etc/postgresql-common/createcluster.conf
  fi
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq >&2
  apt-get install -y -qq --no-install-recommends postgresql >&2
  PG_BIN="$(find_pg_bin)"
  if [ -z "$PG_BIN" ]; then
    log "apt-get installed postgresql but no initdb was found under /usr/lib/postgresql/*/bin"
    exit 1
  fi
fi
log "using $PG_BIN"

PG_DIR="$(mktemp -d "${TMPDIR:-/tmp}/oda-pg.XXXXXX")"
RUN_AS=""
if [ "$(id -u)" -eq 0 ]; then
  RUN_AS=postgres
  if ! id "$RUN_AS" >/dev/null 2>&1; then
    useradd --system --no-create-home --shell /usr/sbin/nologin "$RUN_AS"
  fi
  chown "$RUN_AS" "$PG_DIR"
fi
echo "$PG_BIN" >"$PG_DIR/bin-dir"
echo "$RUN_AS" >"$PG_DIR/run-as"

as_owner() {
  if [ -n "$RUN_AS" ]; then
    if command -v runuser >/dev/null 2>&1; then runuser -u "$RUN_AS" -- "$@"; else su -s /bin/sh "$RUN_AS" -c "$(printf '%q ' "$@")"; fi
  else
    "$@"
  fi
}

PG_USER=oda
PG_DB=oda_test
PG_PASSWORD="$(od -An -tx1 -N16 /dev/urandom | tr -d ' \n')"
umask 077
printf '%s\n' "$PG_PASSWORD" >"$PG_DIR/pwfile"
[ -n "$RUN_AS" ] && chown "$RUN_AS" "$PG_DIR/pwfile"

as_owner "$PG_BIN/initdb" -D "$PG_DIR/data" -U "$PG_USER" --pwfile="$PG_DIR/pwfile" \
  --auth-local=scram-sha-256 --auth-host=scram-sha-256 --encoding=UTF8 --locale=C >&2
rm -f "$PG_DIR/pwfile"

port_in_use() { (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null; }

started=""
for _ in 1 2 3 4 5 6 7 8 9 10; do
  PG_PORT=$((20000 + RANDOM % 40000))
  port_in_use "$PG_PORT" && continue
  # fsync off: a throw-away test cluster; durability is the application's settings' business, not this one's.
  if as_owner "$PG_BIN/pg_ctl" -D "$PG_DIR/data" -l "$PG_DIR/postgres.log" -w -t 60 \
    -o "-c listen_addresses=127.0.0.1 -p $PG_PORT -k $PG_DIR -c fsync=off -c max_connections=200" start >&2; then
    started=yes
    break
  fi
  log "could not start on port $PG_PORT, trying another"
done
if [ -z "$started" ]; then
  log "PostgreSQL did not start; log follows"
  cat "$PG_DIR/postgres.log" >&2 || true
  exit 1
fi
echo "$PG_PORT" >"$PG_DIR/port"

PGPASSWORD="$PG_PASSWORD" "$PG_BIN/createdb" -h 127.0.0.1 -p "$PG_PORT" -U "$PG_USER" "$PG_DB" >&2
log "PostgreSQL running on 127.0.0.1:$PG_PORT, data in $PG_DIR"

echo "export TEST_DATABASE_URL='postgres://$PG_USER:$PG_PASSWORD@127.0.0.1:$PG_PORT/$PG_DB'"
echo "export PG_DATA_DIR='$PG_DIR'"
