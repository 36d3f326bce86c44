# Sourced by ./tlsscope, ./test and .ci/run: exports JAVA_HOME pointing at a JDK 25 or newer.
# The default java on these machines is 17, which cannot run class files of release 25.
tlsscope_java_ok() {
    [ -x "$1/bin/java" ] || return 1
    local v
    v=$("$1/bin/java" -XshowSettings:properties -version 2>&1 | sed -n 's/^ *java.specification.version = //p')
    [ -n "$v" ] && [ "${v%%.*}" -ge 25 ] 2>/dev/null
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
