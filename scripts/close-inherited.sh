# Sourced by the scripts that start servers (pg-cluster.sh, nginx-balancer.sh). Started
# from a test process (system()), a script inherits every descriptor that process has open,
# its listening sockets included; a server started from it would keep them (a walletd
# restarted on its port could then not listen again). Closes all but 0, 1, 2 and bash's
# own script descriptor (255). Linux's /proc lists them; elsewhere nothing is closed.
if [ -d "/proc/$$/fd" ]; then
  for fd in /proc/$$/fd/*; do
    fd=${fd##*/}
    case "$fd" in 0 | 1 | 2 | 255 | '' | *[!0-9]*) ;; *) eval "exec $fd>&-" 2>/dev/null || true ;; esac
  done
fi
