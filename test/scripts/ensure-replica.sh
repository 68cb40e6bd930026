#!/usr/bin/env bash
# Makes sure a streaming replica of the local test server (PostgreSQL on 127.0.0.1:5432) answers
# on 127.0.0.1:$REPLICA_PORT (default 5442), for the read-replica tests. Idempotent and fast when
# the replica is already streaming; otherwise starts it, or (re)makes it with pg_basebackup -R.
# Runs the server as the postgres user when called as root (Postgres refuses root).
set -euo pipefail

PORT=${REPLICA_PORT:-5442}
PRIMARY_PORT=${PRIMARY_PORT:-5432}
BIN=/usr/lib/postgresql/15/bin
DIR=${REPLICA_DIR:-/var/lib/postgresql/citytwin-replica-$PORT}
LOCK=/tmp/citytwin-replica-$PORT.lock

log() { printf '[replica] %s\n' "$*" >&2; }
as_server_user() { if [ "$(id -u)" = 0 ]; then runuser -u postgres -- "$@"; else "$@"; fi; }
psql_at() { psql -X -q -At -h 127.0.0.1 -U postgres -p "$1" -d postgres -c "$2" 2>/dev/null; }
streaming() {
  [ "$(psql_at "$PORT" 'SELECT pg_is_in_recovery()')" = t ] &&
    [ "$(psql_at "$PORT" "SELECT count(*) FROM pg_stat_wal_receiver WHERE status = 'streaming'")" = 1 ]
}
wait_streaming() {
  for _ in $(seq 1 120); do streaming && return 0; sleep 0.25; done
  return 1
}
start_replica() {
  # The server must not inherit the lock descriptor, or it holds the lock for as long as it runs.
  as_server_user "$BIN/pg_ctl" -D "$DIR/data" -l "$DIR/log" -w -t 60 start >/dev/null 9>&-
}

exec 9>"$LOCK"
flock 9

if streaming; then
  # A test that paused replay and failed before resuming must not leave the next run a frozen replica.
  if [ "$(psql_at "$PORT" 'SELECT pg_get_wal_replay_pause_state()')" != 'not paused' ]; then psql_at "$PORT" 'SELECT pg_wal_replay_resume()' >/dev/null; fi
  exit 0
fi

# pg_basebackup and the replica's WAL receiver connect for physical replication, which
# "host all all" does not cover.
if ! psql -X -q -At "host=127.0.0.1 port=$PRIMARY_PORT user=postgres replication=true" -c IDENTIFY_SYSTEM >/dev/null 2>&1; then
  hba=$(psql_at "$PRIMARY_PORT" 'SHOW hba_file')
  log "allowing replication connections from 127.0.0.1 in $hba"
  echo 'host replication all 127.0.0.1/32 trust' >>"$hba"
  psql_at "$PRIMARY_PORT" 'SELECT pg_reload_conf()' >/dev/null
fi

if [ -f "$DIR/data/standby.signal" ]; then
  log "starting the replica on port $PORT"
  start_replica 2>/dev/null || true
  if wait_streaming; then exit 0; fi
  log "the replica does not stream (WAL it needs is gone?): making it again"
  as_server_user "$BIN/pg_ctl" -D "$DIR/data" -m immediate -w stop >/dev/null 2>&1 || true
fi

rm -rf "$DIR"
mkdir -p "$DIR"
[ "$(id -u)" = 0 ] && chown postgres:postgres "$DIR"
log "pg_basebackup of 127.0.0.1:$PRIMARY_PORT into $DIR/data"
as_server_user "$BIN/pg_basebackup" -h 127.0.0.1 -p "$PRIMARY_PORT" -U postgres -D "$DIR/data" -R -X stream --checkpoint=fast
# A Debian cluster keeps its configuration in /etc, outside the copied data directory.
as_server_user tee "$DIR/data/postgresql.conf" >/dev/null <<CONF
port = $PORT
listen_addresses = '127.0.0.1'
unix_socket_directories = '$DIR'
hot_standby = on
hot_standby_feedback = on
shared_buffers = 32MB
fsync = off
CONF
as_server_user tee "$DIR/data/pg_hba.conf" >/dev/null <<CONF
local all all trust
host all all 127.0.0.1/32 trust
CONF
as_server_user touch "$DIR/data/pg_ident.conf"
start_replica
wait_streaming || { log "replica on $PORT started but does not stream; see $DIR/log"; exit 1; }
log "replica streaming on 127.0.0.1:$PORT"
