#!/usr/bin/env bash
# Load check of `tlsscope proxy` (a script you run, not a test), on loopback, in front of `tlsscope serve`:
#  1. N TLS 1.3 clients (scripts/ProxyLoad.java: the lab's client, one NIO thread) connect through the proxy all
#     at once; each handshakes, sends a line, gets its echo and holds its connection until all N have, so that
#     N connections are open through the proxy at the same moment; then all close with close_notify.
#  2. N handshakes from openssl s_client, C at a time, through the proxy (as scripts/bench-serve.sh does
#     against serve directly).
# Reports handshakes per second, failures (none may be lost), how many connections the proxy's own analysis
# saw (its summary rows), and the proxy's peak resident memory.
#
# Usage: scripts/bench-proxy.sh [N] [C]      (defaults: 1000 connections, 100 concurrent s_clients)
#        PROXY_JAVA_OPTS=-Xmx64m scripts/bench-proxy.sh    (JVM options for the proxy alone; SERVE_JAVA_OPTS for serve)
# serve prints its own analysis as the summary view (a row per connection), to keep its share of the CPU small.
set -euo pipefail
root="$(cd "$(dirname "$(readlink -f "${BASH_SOURCE[0]}")")/.." && pwd)"
n=${1:-1000}
c=${2:-100}
serve_port=${SERVE_PORT:-18454}
proxy_port=${PORT:-18453}
# The proxy holds two sockets per connection.
ulimit -n $(( n * 3 + 1024 )) 2>/dev/null || echo "note: ulimit -n is $(ulimit -n); $(( n * 3 + 1024 )) wanted" >&2
# The jar, and the start-up cache of the commands other than analyze, built before anything is timed.
"$root/tlsscope" --version > /dev/null
. "$root/scripts/java-home.sh"
jar="$root/tlsscope-cli/target/tlsscope.jar"
work=$(mktemp -d)
pids=()
trap 'for p in "${pids[@]}"; do kill "$p" 2>/dev/null || true; done; wait 2>/dev/null || true; rm -rf "$work"' EXIT

wait_for() {
    for _ in $(seq 1 200); do
        grep -q "$2" "$1" 2>/dev/null && return 0
        sleep 0.1
    done
    echo "bench-proxy: '$2' never appeared in $1" >&2
    cat "$1" >&2
    exit 1
}

TLSSCOPE_JAVA_OPTS="${SERVE_JAVA_OPTS:-}" /usr/bin/time -f '%M' -o "$work/serve.rss" "$root/tlsscope" serve \
    --port "$serve_port" --tls 1.3 --pki "$work/pki" --format summary > "$work/serve.tsv" 2> "$work/serve.log" &
serve_timer=$!
pids+=($serve_timer)
wait_for "$work/serve.log" 'listening on'
TLSSCOPE_JAVA_OPTS="${PROXY_JAVA_OPTS:-}" /usr/bin/time -f '%M' -o "$work/rss" "$root/tlsscope" proxy --listen "127.0.0.1:$proxy_port" \
    --upstream "127.0.0.1:$serve_port" --format summary > "$work/rows.tsv" 2> "$work/proxy.log" &
timer=$!
pids+=($timer)
wait_for "$work/proxy.log" 'proxy listening'
proxy=$(pgrep -P "$timer" java)
pids+=("$proxy")

echo "1. $n clients at once through the proxy (scripts/ProxyLoad.java):"
"$JAVA_HOME/bin/java" -cp "$jar" "$root/scripts/ProxyLoad.java" 127.0.0.1 "$proxy_port" "$n" "$work/pki"

echo "2. $n openssl s_client handshakes, $c at a time, through the proxy:"
one() {
    printf 'ping\n' | timeout 20 openssl s_client -connect "127.0.0.1:$1" -tls1_3 -quiet -no_ign_eof \
        > /dev/null 2>&1 && echo ok || echo failed
}
export -f one
t0=$(date +%s%N)
seq "$n" | xargs -P "$c" -I{} bash -c "one $proxy_port" > "$work/results"
t1=$(date +%s%N)
ok=$(grep -c '^ok$' "$work/results" || true)
secs=$(echo "($t1 - $t0) / 1000000000" | bc -l)
printf 'handshakes %d, concurrent %d, completed %d, failed %d, %.1f s, %.0f handshakes/s\n' \
    "$n" "$c" "$ok" "$(( n - ok ))" "$secs" "$(echo "$ok / $secs" | bc -l)"

# The proxy stops as on Ctrl-C: its analysis finishes, then its memory is known.
kill -TERM "$proxy"
wait "$timer" 2>/dev/null || true
rows=$(grep -c $'\tTLS 1.3\t' "$work/rows.tsv" || true)
ends=$(grep -c ' closed: ' "$work/proxy.log" || true)
resets=$(grep -c ' reset: ' "$work/proxy.log" || true)
printf 'proxy: %d connections ended (%d closed, %d reset), %d TLS 1.3 connections in its analysis, peak RSS %d MB\n' \
    "$(( ends + resets ))" "$ends" "$resets" "$rows" "$(( $(tail -1 "$work/rss" 2>/dev/null || echo 0) / 1024 ))"
grep -h 'warning' "$work/proxy.log" || true
# serve stops the same way; then whatever it said besides its connections' ends (a warning, an error).
serve=$(pgrep -P "$serve_timer" java || true)
[ -n "$serve" ] && kill -TERM "$serve"
wait "$serve_timer" 2>/dev/null || true
printf 'serve: %d connections ended cleanly, %d with a reason, %d TLS 1.3 connections in its analysis, peak RSS %d MB\n' \
    "$(grep -c ' closed$' "$work/serve.log" || true)" "$(grep -c ' closed: ' "$work/serve.log" || true)" \
    "$(grep -c $'\tTLS 1.3\t' "$work/serve.tsv" || true)" "$(( $(tail -1 "$work/serve.rss" 2>/dev/null || echo 0) / 1024 ))"
grep -v -e ' closed' -e 'listening on' "$work/serve.log" | head -5 || true
