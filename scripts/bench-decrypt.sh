#!/usr/bin/env bash
# Decryption benchmark (a script you run, not a test): for each connection of make-corpus.sh's bulk.pcap
# (one cipher suite per connection, 64 MiB each), tlsscope decrypting it with the key log, beside
# `openssl speed -evp` for the same cipher on 16 KiB blocks (one core) and beside tshark decrypting the
# same file (Follow TLS Stream, the cheapest tshark mode that decrypts every record).
#
# Usage: scripts/bench-decrypt.sh [CORPUS_DIR]
#   CORPUS_DIR defaults to bench-out/corpus and must hold bulk.pcap and bulk.keys (scripts/bench.sh or
#   ../shared/bench/make-corpus.sh builds them). The per-connection captures are cut once with tshark into
#   CORPUS_DIR/bulk-split/ (about 1 GB). RUNS=3 repeats each command (median reported).
set -euo pipefail
root="$(cd "$(dirname "$(readlink -f "${BASH_SOURCE[0]}")")/.." && pwd)"
. "$root/scripts/java-home.sh"
. "$root/scripts/openssl-speed.sh"
corpus=${1:-$root/bench-out/corpus}
runs=${RUNS:-3}
pcap="$corpus/bulk.pcap"
keys="$corpus/bulk.keys"
[ -f "$pcap" ] && [ -f "$keys" ] || { echo "no bulk.pcap and bulk.keys in $corpus" >&2; exit 2; }
# The summary's two start-up caches (with keys and without), built here rather than in a timed run.
"$root/tlsscope" analyze -f summary > /dev/null
"$root/tlsscope" analyze -f summary --keylog "$keys" > /dev/null 2>&1
export TLSSCOPE_JAVA_OPTS=-Xmx256m

split="$corpus/bulk-split"
if [ ! -f "$split/done" ]; then
    mkdir -p "$split"
    streams=$(tshark -n -r "$pcap" -Y 'tcp.flags.syn==1 && tcp.flags.ack==0' -T fields -e tcp.stream | sort -n | uniq)
    for s in $streams; do
        tshark -n -r "$pcap" -Y "tcp.stream==$s" -w "$split/stream-$s.pcap"
    done
    touch "$split/done"
fi

median_ms() {   # median wall milliseconds of RUNS runs, output discarded
    local walls=() t0 t1
    for _ in $(seq "$runs"); do
        t0=$(date +%s%N)
        "$@" > /dev/null 2>&1 || { echo "failed: $*" >&2; return 1; }
        t1=$(date +%s%N)
        walls+=("$(( (t1 - t0) / 1000000 ))")
    done
    printf '%s\n' "${walls[@]}" | sort -n | sed -n "$(( (runs + 1) / 2 ))p"
}

printf '%-48s %6s %9s %9s %9s %16s %9s %8s\n' suite MB plain_s decrypt_s tlsscope openssl_evp openssl tshark
for f in "$split"/stream-*.pcap; do
    suite=$("$root/tlsscope" analyze -f summary --tsv --keylog "$keys" "$f" | awk -F'\t' 'NR == 2 { print $0 }' \
        | grep -o 'TLS_[A-Z0-9_]*' | head -n 1)
    mb=$(( $(stat -c %s "$f") / 1000000 ))
    cat "$f" > /dev/null
    plain=$(median_ms "$root/tlsscope" analyze -f summary --tsv "$f")
    dec=$(median_ms "$root/tlsscope" analyze -f summary --tsv --keylog "$keys" "$f")
    ts=$(median_ms tshark -n -r "$f" -o "tls.keylog_file:$keys" -q -z follow,tls,raw,0)
    read -r evp rate < <(openssl_rate "$suite")
    printf '%-48s %6d %9.2f %9.2f %7.0f/s %16s %7s/s %6.0f/s\n' "$suite" "$mb" "$(echo "$plain/1000" | bc -l)" \
        "$(echo "$dec/1000" | bc -l)" "$(echo "$mb*1000/$dec" | bc -l)" "$evp" "$rate" "$(echo "$mb*1000/$ts" | bc -l)"
done
