#!/usr/bin/env bash
# nginx (Debian's nginx-light) in front of several walletd on 127.0.0.1, from deploy/nginx.conf.
#   scripts/nginx-balancer.sh start DIR PORT UPSTREAM_PORT...   writes DIR/nginx.conf, starts
#                                                               nginx on 127.0.0.1:PORT, prints its URL
#   scripts/nginx-balancer.sh stop DIR                          stops it (nothing to do if not running)
# The tests and psp-bench use it; an operator adapts deploy/nginx.conf instead.
set -euo pipefail
# The servers started here must not keep what this script inherited.
. "$(dirname "$0")/close-inherited.sh"
NGINX=${NGINX:-/usr/sbin/nginx}
here=$(cd "$(dirname "$0")/.." && pwd)

usage() {
  echo "usage: scripts/nginx-balancer.sh start DIR PORT UPSTREAM_PORT... | stop DIR" >&2
  exit 2
}

is_port() { [[ "$1" =~ ^[0-9]{1,5}$ ]] && [ "$1" -ge 1 ] && [ "$1" -le 65535 ]; }

[ $# -ge 2 ] || usage
command=$1
dir=$2
case "$command" in
  start)
    [ $# -ge 4 ] || usage
    port=$3
    shift 3
    [ -x "$NGINX" ] || { echo "nginx-balancer: no nginx at $NGINX (apt-get install nginx-light)" >&2; exit 1; }
    is_port "$port" || { echo "nginx-balancer: a port is a number from 1 to 65535" >&2; exit 2; }
    servers=""
    for upstream in "$@"; do
      is_port "$upstream" || { echo "nginx-balancer: a port is a number from 1 to 65535" >&2; exit 2; }
      servers+="    server 127.0.0.1:$upstream max_fails=1 fail_timeout=2s;\n"
    done
    mkdir -p "$dir"
    # As root, nginx's workers run as nobody: they must be able to enter the directory.
    chmod 755 "$dir"
    # The template's three upstream lines become ours; its listen and paths, ours too.
    awk -v servers="$servers" '
      /^    server 127\.0\.0\.1:808[0-9] / { if (!done) { printf "%s", servers; done = 1 } next }
      { print }
    ' "$here/deploy/nginx.conf" \
      | sed -e "s|listen 127.0.0.1:8443;|listen 127.0.0.1:$port;|" -e "s|/run/psp-nginx|$dir|g" \
      > "$dir/nginx.conf"
    "$NGINX" -p "$dir" -c "$dir/nginx.conf" -e "$dir/error.log"
    echo "http://127.0.0.1:$port"
    ;;
  stop)
    [ -f "$dir/nginx.pid" ] || exit 0
    pid=$(cat "$dir/nginx.pid")
    kill "$pid" 2>/dev/null || exit 0
    for _ in $(seq 1 100); do
      kill -0 "$pid" 2>/dev/null || exit 0
      sleep 0.05
    done
    kill -9 "$pid" 2>/dev/null || true
    ;;
  *) usage ;;
esac
