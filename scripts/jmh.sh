#!/usr/bin/env bash
# JMH micro-benchmarks of the hot paths (a script you run, not a test): builds tlsscope-bench's uber-jar, runs
# the benchmarks whose name matches REGEX (all by default) and prints their table. For the record ciphers and
# the whole decryption path it also prints MB/s (one operation = one 16 KiB record) beside
# `openssl speed -evp CIPHER -bytes 16384 -seconds 1` for the same cipher (one core) and the ratio.
#
# Usage: scripts/jmh.sh [REGEX [JMH_OPTIONS...]]
#   Defaults: -f 1 -wi 3 -i 5 -w 1s -r 1s (one fork, 3 warm-up and 5 measured iterations of one second);
#   JMH_OPTIONS are passed on and replace those defaults (e.g. -i 10, -p suite=TLS_AES_128_GCM_SHA256, -prof gc).
#   Results also go to bench-out/jmh/results.csv. Whatever else runs on the machine shows in the figures: the
#   load average is printed before and after.
set -euo pipefail
root="$(cd "$(dirname "$(readlink -f "${BASH_SOURCE[0]}")")/.." && pwd)"
. "$root/scripts/java-home.sh"
. "$root/scripts/openssl-speed.sh"
cd "$root"
regex=${1:-.}
shift || true
out="$root/bench-out/jmh"
mkdir -p "$out"

./mvnw -B -ntp -q -pl tlsscope-bench -am package -DskipTests -Pjmh
# The defaults, each unless the caller gave that option (JMH refuses an option twice).
args=()
for default in "-f 1" "-wi 3" "-i 5" "-w 1s" "-r 1s"; do
    option=${default%% *}
    given=no
    for a in "$@"; do [ "$a" = "$option" ] && given=yes; done
    [ "$given" = yes ] || args+=($default)
done
echo "cores: $(nproc); load before: $(cut -d ' ' -f 1-3 /proc/loadavg)"
# JMH 1.37 reads fields through sun.misc.Unsafe; the forks inherit the option.
# Progress shows as the benchmark and parameter lines; on a failure, the end of JMH's log says why.
if ! "$JAVA_HOME/bin/java" --sun-misc-unsafe-memory-access=allow -jar tlsscope-bench/target/benchmarks.jar "$regex" \
        "${args[@]}" -rf csv -rff "$out/results.csv" "$@" 2>&1 \
        | tee "$out/run.log" | grep --line-buffered -E '^# (Benchmark|Parameters):'; then
    tail -n 20 "$out/run.log" >&2
    exit 1
fi
echo "load after: $(cut -d ' ' -f 1-3 /proc/loadavg); JMH's log: $out/run.log"
echo

# The CSV (CRLF lines): "Benchmark","Mode","Threads","Samples","Score","Score Error (99.9%)","Unit", then one "Param: NAME"
# column per parameter of any benchmark run (empty where a benchmark has none).
table=$(awk -F',' '
    { sub(/\r$/, "") }
    NR == 1 { for (i = 1; i <= NF; i++) { gsub(/"/, "", $i); name[i] = $i }; next }
    {
        for (i = 1; i <= NF; i++) gsub(/"/, "", $i)
        params = ""
        for (i = 8; i <= NF; i++) if ($i != "") params = params (params == "" ? "" : " ") substr(name[i], 8) "=" $i
        sub(/^org\.tlsscope\.bench\./, "", $1)
        printf "%s\t%s\t%.0f\t%.0f\t%s\n", $1, (params == "" ? "-" : params), $5, $6, $7
    }' "$out/results.csv")

printf '%-34s %-48s %14s %12s %-6s %9s %24s %9s %6s\n' benchmark params score error unit MB/s openssl_evp openssl ratio
declare -A speed
while IFS=$'\t' read -r bench params score error unit; do
    mbs=- evp=- rate=- ratio=-
    case "$bench" in
        RecordCipherBench.open|DecryptPathBench.decrypt)
            suite=${params#suite=}
            mbs=$(( score * 16384 / 1000000 ))
            if [ -z "${speed[$suite]:-}" ]; then
                speed[$suite]=$(openssl_rate "$suite")
            fi
            read -r evp rate <<< "${speed[$suite]}"
            [ "$rate" != - ] && ratio=$(awk -v a="$mbs" -v b="$rate" 'BEGIN { printf "%.2f", a / b }')
            ;;
    esac
    printf '%-34s %-48s %14s %12s %-6s %9s %24s %9s %6s\n' "$bench" "$params" "$score" "$error" "$unit" "$mbs" "$evp" "$rate" "$ratio"
done <<< "$table"
