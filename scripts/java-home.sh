# Sourced by ./tlsscope, ./test and .ci/run: exports JAVA_HOME pointing at a JDK 25 or newer.
# The default java on these machines is 17, which cannot run class files of release 25.
tlsscope_java_ok() {
    [ -x "$1/bin/java" ] || return 1
    local v
    # The JDK's release file names its version (JAVA_VERSION="25.0.3"): read, not asked of a JVM, which
    # cost every launch some 50 ms.
    v=$(sed -n 's/^JAVA_VERSION="\([0-9]*\).*/\1/p' "$1/release" 2>/dev/null)
    [ -n "$v" ] && [ "$v" -ge 25 ] 2>/dev/null
}
if [ -z "${JAVA_HOME:-}" ] || ! tlsscope_java_ok "$JAVA_HOME"; then
    JAVA_HOME=
    for candidate in /usr/lib/jvm/temurin-25-jdk-amd64 /usr/lib/jvm/temurin-25* /usr/lib/jvm/*-25-* /usr/lib/jvm/*; do
        if tlsscope_java_ok "$candidate"; then
            JAVA_HOME=$candidate
            break
        fi
    done
    if [ -z "$JAVA_HOME" ]; then
        echo "tlsscope: no JDK 25 found: set JAVA_HOME to one (e.g. Temurin 25 under /usr/lib/jvm)" >&2
        exit 2
    fi
fi
export JAVA_HOME
