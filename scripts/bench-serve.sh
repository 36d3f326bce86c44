#!/usr/bin/env bash
# Load check of `tlsscope serve` (a script you run, not a test): N TLS 1.3 handshakes from openssl s_client,
# C at a time, against one serve process (one NIO thread), on loopback. Reports handshakes per second,
# failures (none may be lost) and the server's peak resident memory.
#
# Usage: scripts/bench-serve.sh [N] [C]      (defaults: 1000 handshakes, 100 concurrent)
set -euo pipefail
root="$(cd "$(dirname "$(readlink -f "${BASH_SOURCE[0]}")")/.." && pwd)"
n=${1:-1000}
c=${2:-100}
port=${PORT:-18443}
"$root/tlsscope" analyze > /dev/null
work=$(mktemp -d)
trap 'kill "$server" 2>/dev/null || true; wait "$server" 2>/dev/null || true; rm -rf "$work"' EXIT
/usr/bin/time -f '%M' -o "$work/rss" "$root/tlsscope" serve --port "$port" --tls 1.3 --pki "$work/pki" \
    --max-connections "$n" > "$work/serve.log" 2>&1 &
server=$!
for _ in $(seq 1 200); do
    grep -q '^listening' "$work/serve.log" 2>/dev/null && break
    sleep 0.1
done
one() {
    printf 'ping\n' | timeout 20 openssl s_client -connect "127.0.0.1:$1" -tls1_3 -quiet -no_ign_eof \
        > /dev/null 2>&1 && echo ok || echo failed
}
export -f one
t0=$(date +%s%N)
seq "$n" | xargs -P "$c" -I{} bash -c "one $port" > "$work/results"
t1=$(date +%s%N)
wait "$server" || true
ok=$(grep -c '^ok$' "$work/results" || true)
secs=$(echo "($t1 - $t0) / 1000000000" | bc -l)
printf 'handshakes %d, concurrent %d, completed %d, failed %d, %.1f s, %.0f handshakes/s, serve peak RSS %d MB\n' \
    "$n" "$c" "$ok" "$(( n - ok ))" "$secs" "$(echo "$ok / $secs" | bc -l)" "$(( $(cat "$work/rss" 2>/dev/null || echo 0) / 1024 ))"
