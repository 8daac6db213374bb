# Shell helpers for the bench commands (sourced, not run). Expects `set -euo pipefail`
# in the caller and $BENCH_NAME for the log prefix.

log() { printf '[%s %s] %s\n' "${BENCH_NAME:-bench}" "$(date +%T)" "$*" >&2; }
now() { date +%s.%N; }
seconds_since() { python3 -c "import sys; print(f'{float(sys.argv[2]) - float(sys.argv[1]):.3f}')" "$1" "$(now)"; }
free_port() { python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])'; }

# need_wrk: installs the Debian package when missing and run as root, else stops.
need_wrk() {
  command -v wrk >/dev/null && return 0
  log "wrk is missing: installing the Debian package"
  if [ "$(id -u)" = 0 ]; then
    apt-get install -y wrk >/dev/null || { apt-get update >/dev/null && apt-get install -y wrk >/dev/null; }
  else
    echo "${BENCH_NAME:-bench} needs wrk: sudo apt-get install wrk" >&2
    exit 1
  fi
}

# wait_for PID URL: until URL answers 200, or the process dies, or 300 s pass.
wait_for() {
  local pid=$1 url=$2 deadline=$((SECONDS + 300))
  until curl -fsS -o /dev/null --max-time 2 "$url" 2>/dev/null; do
    if ! kill -0 "$pid" 2>/dev/null; then
      echo "the server for $url exited" >&2
      return 1
    fi
    if ((SECONDS > deadline)); then
      echo "$url did not answer within 300 s" >&2
      return 1
    fi
    sleep 0.05
  done
}
