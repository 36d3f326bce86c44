#!/usr/bin/env bash
# Load check of `tlsscope serve` (a script you run, not a test): N TLS handshakes, C at a time, against one
# serve process (one NIO thread, and its live analysis on another) on loopback, each a full handshake,
# `GET /`, the page and close_notify. The client is `tlsscope connect --count N --concurrency C` (one JVM,
# one NIO thread, no analysis), or with --openssl one `openssl s_client` process per handshake. Reports the
# client's tally (handshakes per second, failures by reason: none may be lost), how many connections serve's
# analysis decrypted with both Finished verified, and the peak resident memory of serve and of the client.
#
# Usage: scripts/bench-serve.sh [N] [C] [--tls 1.3|1.2] [--format text|json|summary] [--openssl]
#        (defaults: 1000 1000 --tls 1.3 --format text)
#        TLSSCOPE_JAVA_OPTS=-Xmx64m scripts/bench-serve.sh     (JVM options for both; SERVE_JAVA_OPTS for serve alone)
set -euo pipefail
root="$(cd "$(dirname "$(readlink -f "${BASH_SOURCE[0]}")")/.." && pwd)"
n=1000 c=1000 tls=1.3 format=text openssl=no positional=()
while [ $# -gt 0 ]; do
    case "$1" in
        --tls) tls=$2; shift 2 ;;
        --format) format=$2; shift 2 ;;
        --openssl) openssl=yes; shift ;;
        *) positional+=("$1"); shift ;;
    esac
done
n=${positional[0]:-$n}
c=${positional[1]:-$c}
port=${PORT:-18443}
# Each connection is a socket on both sides: C of them at once, plus the JVM's own files.
need=$(( c + 256 ))
if [ "$(ulimit -n)" != unlimited ] && [ "$(ulimit -n)" -lt "$need" ]; then
    ulimit -n "$need" 2>/dev/null || { echo "bench-serve: needs ulimit -n >= $need (hard limit $(ulimit -Hn))" >&2; exit 2; }
fi
# The jar, and the start-up cache of the commands other than analyze, built before anything is timed.
"$root/tlsscope" --version > /dev/null
work=$(mktemp -d)
trap 'kill "$server" 2>/dev/null || true; wait "$server" 2>/dev/null || true; rm -rf "$work"' EXIT
TLSSCOPE_JAVA_OPTS="${SERVE_JAVA_OPTS:-${TLSSCOPE_JAVA_OPTS:-}}" /usr/bin/time -f '%M' -o "$work/serve.rss" \
    "$root/tlsscope" serve --port "$port" --tls "$tls" --pki "$work/pki" --format "$format" \
    --max-connections "$n" > "$work/serve.out" 2> "$work/serve.log" &
server=$!
for _ in $(seq 1 300); do
    grep -q 'listening on' "$work/serve.log" 2>/dev/null && break
    sleep 0.1
done
if [ "$openssl" = yes ]; then
    one() {
        printf 'GET / HTTP/1.0\r\n\r\n' | timeout 60 openssl s_client -connect "127.0.0.1:$1" "-tls${2/./_}" -quiet -ign_eof \
            2>/dev/null | grep -q '^HTTP/1.0 200' && echo ok || echo failed
    }
    export -f one
    t0=$(date +%s%N)
    seq "$n" | xargs -P "$c" -I{} bash -c "one $port $tls" > "$work/results"
    t1=$(date +%s%N)
    ok=$(grep -c '^ok$' "$work/results" || true)
    secs=$(echo "($t1 - $t0) / 1000000000" | bc -l)
    printf '%d connections, %d at a time (openssl s_client): %d completed, %d failed, %.1f s, %.0f handshakes/s\n' \
        "$n" "$c" "$ok" "$(( n - ok ))" "$secs" "$(echo "$ok / $secs" | bc -l)"
else
    /usr/bin/time -f '%M' -o "$work/client.rss" "$root/tlsscope" connect "127.0.0.1:$port" --tls "$tls" \
        --count "$n" --concurrency "$c" --pki "$work/pki" || true
    # time(1) writes a line before the figure when the client exits with a failure (code 5).
    echo "client peak RSS $(( $(tail -1 "$work/client.rss") / 1024 )) MB"
fi
wait "$server" || true
case "$format" in
    text) verified=$(grep -c 'Finished: client verified, server verified' "$work/serve.out" || true) ;;
    json) verified=$(grep -c '"client_finished":"verified","server_finished":"verified"' "$work/serve.out" || true) ;;
    *) verified="(not in the summary view)" ;;
esac
echo "TLS $tls, serve peak RSS $(( $(tail -1 "$work/serve.rss" 2>/dev/null || echo 0) / 1024 )) MB," \
    "$(grep -c ' closed$' "$work/serve.log" || true) connections closed cleanly by serve," \
    "$(grep -c ' closed: ' "$work/serve.log" || true) with a reason; its analysis ($format):" \
    "$verified decrypted with both Finished verified"
grep ' closed: ' "$work/serve.log" | sed 's/^#[0-9]* //' | sort | uniq -c | sort -rn | head -5 || true
grep -v -e ' closed' -e 'listening on' "$work/serve.log" | head -5 || true
