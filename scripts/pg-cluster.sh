#!/usr/bin/env bash
# A throw-away PostgreSQL 15 cluster for tests and benchmarks, on 127.0.0.1 only.
#   scripts/pg-cluster.sh start DIR [PORT]  makes the cluster in DIR if needed, starts it,
#                                           prints its URL (PORT: a free one if not given)
#   scripts/pg-cluster.sh stop DIR          stops it (nothing to do if it is not running)
#   scripts/pg-cluster.sh url DIR [PORT]    prints postgres://postgres@127.0.0.1:PORT/postgres
# Anyone who can reach 127.0.0.1 or the socket in DIR is trusted without a password: never
# keep data here. Logs go to DIR/postgres.log. As root, the server runs as the user
# postgres (initdb refuses root), and DIR is given to that user.
set -euo pipefail

PGBIN=${PGBIN:-/usr/lib/postgresql/15/bin}

usage() {
  echo "usage: scripts/pg-cluster.sh start|stop|url DIR [PORT]" >&2
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

[ $# -ge 2 ] && [ $# -le 3 ] || usage
command=$1
dir=$2
port=${3:-}
[ -z "$port" ] || valid_port "$port" || { echo "pg-cluster: a port is a number from 1 to 65535" >&2; exit 2; }
data="$dir/data"

stored_port() {
  [ -f "$dir/port" ] && cat "$dir/port"
}

print_url() {
  echo "postgres://postgres@127.0.0.1:$1/postgres"
}

case "$command" in
  start)
    [ -x "$PGBIN/initdb" ] || { echo "pg-cluster: no PostgreSQL 15 in $PGBIN (apt-get install postgresql-15)" >&2; exit 1; }
    mkdir -p "$dir"
    dir=$(cd "$dir" && pwd)
    data="$dir/data"
    if [ "$(id -u)" -eq 0 ]; then
      chown postgres: "$dir"
      runuser -u postgres -- test -w "$dir" \
        || { echo "pg-cluster: the user postgres cannot write to $dir (check its parents)" >&2; exit 1; }
    fi
    if [ -f "$data/postmaster.pid" ] && as_pg "$PGBIN/pg_ctl" -D "$data" status >/dev/null 2>&1; then
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
EOF
      echo "$port" | as_pg tee "$dir/port" >/dev/null
    elif [ -n "$port" ] && [ "$port" != "$(stored_port)" ]; then
      echo "pg-cluster: $dir already holds a cluster on port $(stored_port)" >&2
      exit 1
    fi
    # A port chosen here may be taken between the check and the start: then try another.
    attempt=1
    until as_pg "$PGBIN/pg_ctl" -D "$data" -l "$dir/postgres.log" -w -t 60 start >/dev/null 2>"$dir/pg_ctl.log"; do
      attempt=$((attempt + 1))
      if [ -n "${3:-}" ] || [ "$attempt" -gt 5 ] || ! tail -5 "$dir/postgres.log" | grep -q "could not bind"; then
        cat "$dir/pg_ctl.log" >&2
        tail -20 "$dir/postgres.log" >&2
        exit 1
      fi
      port=$(free_port)
      echo "port = $port" | as_pg tee -a "$data/postgresql.conf" >/dev/null
      echo "$port" | as_pg tee "$dir/port" >/dev/null
    done
    print_url "$(stored_port)"
    ;;
  stop)
    if [ -f "$data/postmaster.pid" ]; then
      as_pg "$PGBIN/pg_ctl" -D "$data" -m fast -w -t 60 stop >/dev/null 2>&1 || true
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
