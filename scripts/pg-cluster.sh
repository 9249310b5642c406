#!/usr/bin/env bash
# A throw-away PostgreSQL 15 cluster for tests and benchmarks, on 127.0.0.1 only.
#   scripts/pg-cluster.sh start DIR [PORT] [--sync-standby | --no-sync-standby]
#       makes the cluster in DIR if needed, starts it, prints its URL (PORT: a free one if
#       not given). With --sync-standby (or PSP_PG_SYNC_STANDBY=1), a commit waits until
#       the standby named psp_standby has it on disk (until one is connected, commits wait);
#       the choice is kept in DIR for later starts, until --no-sync-standby drops it
#   scripts/pg-cluster.sh standby DIR PRIMARY_DIR [PORT]
#       copies the running primary in PRIMARY_DIR into DIR (pg_basebackup -R), starts it as
#       the standby psp_standby that streams from it, prints its URL
#   scripts/pg-cluster.sh promote DIR       makes the standby in DIR a primary; returns
#                                           once it accepts writes
#   scripts/pg-cluster.sh stop DIR          stops it (nothing to do if it is not running);
#                                           PSP_PG_STOP_MODE=immediate stops it as a crash would
#   scripts/pg-cluster.sh url DIR [PORT]    prints postgres://postgres@127.0.0.1:PORT/postgres
# Anyone who can reach 127.0.0.1 or the socket in DIR is trusted without a password: never
# keep data here. Logs go to DIR/postgres.log. As root, the server runs as the user
# postgres (initdb refuses root), and DIR is given to that user.
set -euo pipefail
# The servers started here must not keep what this script inherited.
. "$(dirname "$0")/close-inherited.sh"

PGBIN=${PGBIN:-/usr/lib/postgresql/15/bin}

usage() {
  echo "usage: scripts/pg-cluster.sh start DIR [PORT] [--sync-standby | --no-sync-standby]" >&2
  echo "       scripts/pg-cluster.sh standby DIR PRIMARY_DIR [PORT]" >&2
  echo "       scripts/pg-cluster.sh promote|stop DIR" >&2
  echo "       scripts/pg-cluster.sh url DIR [PORT]" >&2
  exit 2
}

as_pg() {
  if [ "$(id -u)" -eq 0 ]; then runuser -u postgres -- "$@"; else "$@"; fi
}

# A port nobody listens on: connecting to it fails. Below Linux's ephemeral range
# (32768 and up), where a client connection may hold a port without listening on it.
free_port() {
  local port
  for _ in $(seq 1 50); do
    port=$((20000 + RANDOM % 12000))
    if ! (exec 3<>"/dev/tcp/127.0.0.1/$port") 2>/dev/null; then
      echo "$port"
      return 0
    fi
  done
  echo "pg-cluster: found no free port" >&2
  return 1
}

valid_port() {
  [[ "$1" =~ ^[0-9]{1,5}$ ]] && [ "$1" -ge 1 ] && [ "$1" -le 65535 ]
}

[ $# -ge 2 ] || usage
command=$1
dir=$2
shift 2
sync_standby=${PSP_PG_SYNC_STANDBY:-}
primary_dir=
if [ "$command" = standby ]; then
  [ $# -ge 1 ] || usage
  primary_dir=$1
  shift
fi
port=
for argument in "$@"; do
  case "$argument" in
    --sync-standby) [ "$command" = start ] || usage; sync_standby=1 ;;
    --no-sync-standby) [ "$command" = start ] || usage; sync_standby=0 ;;
    *) [ -z "$port" ] || usage; port=$argument ;;
  esac
done
# Whether the port was chosen by the caller (then a port taken is an error, not a retry).
given_port=$port
[ -z "$port" ] || valid_port "$port" || { echo "pg-cluster: a port is a number from 1 to 65535" >&2; exit 2; }
data="$dir/data"

stored_port() {
  [ -f "$dir/port" ] && cat "$dir/port"
}

print_url() {
  echo "postgres://postgres@127.0.0.1:$1/postgres"
}

# Makes DIR (absolute from here on) and gives it to the user postgres when run as root.
make_dir() {
  mkdir -p "$dir"
  dir=$(cd "$dir" && pwd)
  data="$dir/data"
  if [ "$(id -u)" -eq 0 ]; then
    chown postgres: "$dir"
    runuser -u postgres -- test -w "$dir" \
      || { echo "pg-cluster: the user postgres cannot write to $dir (check its parents)" >&2; exit 1; }
  fi
}

running() {
  [ -f "$1/postmaster.pid" ] && as_pg "$PGBIN/pg_ctl" -D "$1" status >/dev/null 2>&1
}

# The synchronous replication settings, in a file of their own that postgresql.conf
# includes: written at each start of a primary (empty without --sync-standby), and empty
# on a standby, so that a promoted standby, having no standby of its own, does not wait.
write_sync_settings() {
  if [ "$1" = 1 ]; then
    as_pg tee "$data/psp-sync.conf" >/dev/null <<EOF
wal_level = replica
synchronous_standby_names = 'psp_standby'
synchronous_commit = on
EOF
  else
    as_pg tee "$data/psp-sync.conf" </dev/null >/dev/null
  fi
}

# Starts the server in $data. A port chosen here may be taken between the check and the
# start: then tries another.
start_server() {
  local attempt=1
  until as_pg "$PGBIN/pg_ctl" -D "$data" -l "$dir/postgres.log" -w -t 60 start >/dev/null 2>"$dir/pg_ctl.log"; do
    attempt=$((attempt + 1))
    if [ -n "$given_port" ] || [ "$attempt" -gt 5 ] || ! tail -5 "$dir/postgres.log" | grep -q "could not bind"; then
      cat "$dir/pg_ctl.log" >&2
      tail -20 "$dir/postgres.log" >&2
      exit 1
    fi
    port=$(free_port)
    echo "port = $port" | as_pg tee -a "$data/postgresql.conf" >/dev/null
    echo "$port" | as_pg tee "$dir/port" >/dev/null
  done
}

case "$command" in
  start)
    [ -x "$PGBIN/initdb" ] || { echo "pg-cluster: no PostgreSQL 15 in $PGBIN (apt-get install postgresql-15)" >&2; exit 1; }
    make_dir
    if running "$data"; then
      print_url "$(stored_port)"
      exit 0
    fi
    if [ ! -f "$data/PG_VERSION" ]; then
      [ -n "$port" ] || port=$(free_port)
      as_pg "$PGBIN/initdb" -D "$data" -U postgres --auth=trust -E UTF8 --no-locale >"$dir/initdb.log"
      # Trust only the socket in DIR and 127.0.0.1 (initdb's default also trusts ::1).
      as_pg tee "$data/pg_hba.conf" >/dev/null <<EOF
local all all trust
host all all 127.0.0.1/32 trust
local replication all trust
host replication all 127.0.0.1/32 trust
EOF
      as_pg tee -a "$data/postgresql.conf" >/dev/null <<EOF
listen_addresses = '127.0.0.1'
port = $port
unix_socket_directories = '$dir'
max_connections = 800
fsync = on
synchronous_commit = on
include_if_exists = 'psp-sync.conf'
EOF
      echo "$port" | as_pg tee "$dir/port" >/dev/null
    elif [ -n "$port" ] && [ "$port" != "$(stored_port)" ]; then
      echo "pg-cluster: $dir already holds a cluster on port $(stored_port)" >&2
      exit 1
    fi
    # A standby, promoted or not, keeps the settings it was made with. (A cluster made
    # before psp-sync.conf existed is given the include.)
    if [ ! -f "$dir/standby" ]; then
      grep -q "^include_if_exists = 'psp-sync.conf'" "$data/postgresql.conf" \
        || echo "include_if_exists = 'psp-sync.conf'" | as_pg tee -a "$data/postgresql.conf" >/dev/null
      # Not said this time: as the last start chose (a primary restarted by hand must
      # not silently stop waiting for its standby).
      if [ -z "$sync_standby" ]; then
        if [ -f "$dir/sync-standby" ]; then sync_standby=1; else sync_standby=0; fi
      fi
      if [ "$sync_standby" = 1 ]; then touch "$dir/sync-standby"; else rm -f "$dir/sync-standby"; fi
      write_sync_settings "$sync_standby"
    fi
    start_server
    print_url "$(stored_port)"
    ;;
  standby)
    [ -x "$PGBIN/pg_basebackup" ] || { echo "pg-cluster: no PostgreSQL 15 in $PGBIN (apt-get install postgresql-15)" >&2; exit 1; }
    primary_port=$(cat "$primary_dir/port" 2>/dev/null) \
      || { echo "pg-cluster: no cluster in $primary_dir" >&2; exit 1; }
    make_dir
    if running "$data"; then
      print_url "$(stored_port)"
      exit 0
    fi
    [ ! -e "$data" ] || { echo "pg-cluster: $data exists already" >&2; exit 1; }
    [ -n "$port" ] || port=$(free_port)
    conninfo="host=127.0.0.1 port=$primary_port user=postgres application_name=psp_standby"
    as_pg "$PGBIN/pg_basebackup" -D "$data" -d "$conninfo" -R -X stream -c fast \
      >"$dir/basebackup.log" 2>&1 \
      || { cat "$dir/basebackup.log" >&2; exit 1; }
    # The copy has the primary's settings: another port and socket here, and the name the
    # primary waits for (of a setting given twice, the last counts).
    as_pg tee -a "$data/postgresql.conf" >/dev/null <<EOF
port = $port
unix_socket_directories = '$dir'
EOF
    echo "primary_conninfo = '$conninfo'" | as_pg tee -a "$data/postgresql.auto.conf" >/dev/null
    write_sync_settings 0
    echo "$port" | as_pg tee "$dir/port" >/dev/null
    as_pg touch "$dir/standby"
    start_server
    # Returns once the primary streams to it (a primary that waits for it then waits no more).
    for _ in $(seq 1 120); do
      if [ "$(as_pg "$PGBIN/psql" -h "$primary_dir" -p "$primary_port" -U postgres -d postgres -Atc \
        "SELECT count(*) FROM pg_stat_replication WHERE application_name = 'psp_standby' AND state = 'streaming' AND (sync_state = 'sync' OR current_setting('synchronous_standby_names') = '')" \
        2>/dev/null)" = 1 ]; then
        print_url "$(stored_port)"
        exit 0
      fi
      sleep 0.25
    done
    echo "pg-cluster: the primary in $primary_dir does not stream to the standby in $dir" >&2
    exit 1
    ;;
  promote)
    running "$data" || { echo "pg-cluster: no server running in $dir" >&2; exit 1; }
    as_pg "$PGBIN/pg_ctl" -D "$data" -w -t 60 promote >/dev/null
    # pg_ctl returns once recovery ended; wait until a write is accepted too.
    for _ in $(seq 1 120); do
      if [ "$(as_pg "$PGBIN/psql" -h "$dir" -p "$(stored_port)" -U postgres -d postgres -Atc \
        "SELECT NOT pg_is_in_recovery() AND txid_current() > 0" 2>/dev/null)" = t ]; then
        print_url "$(stored_port)"
        exit 0
      fi
      sleep 0.25
    done
    echo "pg-cluster: the server in $dir did not start accepting writes" >&2
    exit 1
    ;;
  stop)
    mode=${PSP_PG_STOP_MODE:-fast}
    case "$mode" in
      fast | immediate | smart) ;;
      *) echo "pg-cluster: PSP_PG_STOP_MODE is fast, immediate or smart" >&2; exit 2 ;;
    esac
    if [ -f "$data/postmaster.pid" ]; then
      as_pg "$PGBIN/pg_ctl" -D "$data" -m "$mode" -w -t 60 stop >/dev/null 2>&1 || true
    fi
    ;;
  url)
    [ -n "$port" ] || port=$(stored_port) || { echo "pg-cluster: no cluster in $dir; give PORT" >&2; exit 1; }
    print_url "$port"
    ;;
  *)
    usage
    ;;
esac
