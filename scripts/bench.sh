#!/usr/bin/env bash
# Benchmark (a script you run, not a test): tlsscope's summary and json modes against tshark's handshake
# extraction on the large captures of shared/bench/make-corpus.sh, with wall time, MB/s, peak resident
# memory and the ratio to tshark. tlsscope runs through ./tlsscope with -Xmx256m (and the launcher's young generation, -Xmn64m).
#
# Usage: scripts/bench.sh [CORPUS_DIR]
#   CORPUS_DIR defaults to bench-out/corpus (git-ignored); it is built there with make-corpus.sh when it
#   lacks handshakes.pcap (needs root for tcpdump on lo, ~1.4 GB of disk, ~80 s).
#   FILES="handshakes.pcap bulk.pcap" selects the captures; RUNS=3 repeats each command (median reported).
set -euo pipefail
root="$(cd "$(dirname "$(readlink -f "${BASH_SOURCE[0]}")")/.." && pwd)"
. "$root/scripts/java-home.sh"
corpus=${1:-$root/bench-out/corpus}
files=${FILES:-handshakes.pcap bulk.pcap}
runs=${RUNS:-3}
shared=${SHARED:-$root/../shared}

if [ ! -f "$corpus/handshakes.pcap" ]; then
    mkdir -p "$corpus"
    "$shared/bench/make-corpus.sh" "$corpus"
fi
# Through the launcher, as a user runs it (it builds the jar and the start-up cache of each format first if needed,
# here rather than in the first timed run).
for mode in summary json; do
    "$root/tlsscope" analyze -f "$mode" > /dev/null
done
export TLSSCOPE_JAVA_OPTS="-Xmx256m -Xmn64m"

# median wall seconds and max RSS (MB) of RUNS runs of a command, output to /dev/null
measure() {
    local walls=() rss=0 t0 t1 r
    for _ in $(seq "$runs"); do
        t0=$(date +%s%N)
        /usr/bin/time -f '%M' -o /tmp/tlsscope-bench.rss "$@" > /dev/null 2>/tmp/tlsscope-bench.err || {
            echo "failed: $* ($(head -c 300 /tmp/tlsscope-bench.err))" >&2; return 1; }
        t1=$(date +%s%N)
        walls+=("$(( (t1 - t0) / 1000000 ))")
        r=$(tail -n 1 /tmp/tlsscope-bench.rss)
        (( r > rss )) && rss=$r
    done
    local median
    median=$(printf '%s\n' "${walls[@]}" | sort -n | sed -n "$(( (runs + 1) / 2 ))p")
    echo "$median $(( rss / 1024 ))"
}

printf '%-16s %-12s %9s %9s %9s %8s\n' file tool seconds MB/s RSS_MB vs_tshark
for f in $files; do
    path="$corpus/$f"
    [ -f "$path" ] || { echo "skip $f: not in $corpus" >&2; continue; }
    cat "$path" > /dev/null
    mb=$(( $(stat -c %s "$path") / 1000000 ))
    read -r ts_ms ts_rss < <(measure tshark -n -r "$path" -Y 'tls.handshake.type==1' -T fields -e tls.handshake.extensions_server_name)
    for mode in summary json; do
        args=(-f "$mode"); [ "$mode" = summary ] && args+=(--tsv)
        read -r ms rss < <(measure "$root/tlsscope" analyze "${args[@]}" "$path")
        printf '%-16s %-12s %9.2f %9.0f %9d %7.1fx\n' "$f" "tlsscope-$mode" "$(echo "$ms/1000" | bc -l)" \
            "$(echo "$mb*1000/$ms" | bc -l)" "$rss" "$(echo "$ts_ms/$ms" | bc -l)"
    done
    printf '%-16s %-12s %9.2f %9.0f %9d %8s\n' "$f" "tshark-sni" "$(echo "$ts_ms/1000" | bc -l)" \
        "$(echo "$mb*1000/$ts_ms" | bc -l)" "$ts_rss" "1.0x"
done
