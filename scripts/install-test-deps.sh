#!/usr/bin/env bash
# Installs what the tests use from Debian: tshark (the reference the differential tests compare with),
# tcpdump and openssl (fixture recording), curl (through tlsscope proxy). Does nothing when they are there already.
set -euo pipefail
missing=()
for tool in tshark tcpdump openssl curl; do
    command -v "$tool" >/dev/null 2>&1 || missing+=("$tool")
done
[ ${#missing[@]} -eq 0 ] && exit 0
if [ "$(id -u)" -ne 0 ]; then
    echo "tlsscope tests: missing ${missing[*]}; install them (apt-get install tshark tcpdump openssl curl) or run as root" >&2
    exit 0
fi
export DEBIAN_FRONTEND=noninteractive
# wireshark-common asks whether non-root users may capture; answer no without a prompt.
echo "wireshark-common wireshark-common/install-setuid boolean false" | debconf-set-selections 2>/dev/null || true
apt-get update -qq
apt-get install -y -qq --no-install-recommends tshark tcpdump openssl curl >/dev/null
