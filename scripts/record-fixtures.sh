#!/usr/bin/env bash
# Records the small real TLS sessions under tlsscope-core/src/test/resources/fixtures/openssl/.
#
# Each session: openssl s_server (in -rev mode: it answers every line with the line reversed, so
# there is one line of application data each way) and openssl s_client on 127.0.0.1, a port of its
# own, captured on lo by tcpdump. The client writes its secrets to NAME.keys (NSS key log format), so
# `tshark -r NAME.pcap -o tls.keylog_file:NAME.keys` decrypts it. Keys and certificates are throwaway
# and generated afresh; the server's RSA key is kept as server-rsa.key for RSA key exchange decryption.
#
# Needs root (tcpdump on lo), openssl 3.0, tcpdump, tshark, python3. Run from anywhere:
#   scripts/record-fixtures.sh            # re-records everything (the captures differ on every run)
set -euo pipefail

root=$(cd "$(dirname "$0")/.." && pwd)
out="$root/tlsscope-core/src/test/resources/fixtures/openssl"
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
mkdir -p "$out"

# --- throwaway credentials -------------------------------------------------------------------------
cert() { # name subject keyalg...
  local name=$1 subject=$2; shift 2
  openssl req -x509 -new -nodes -days 3650 -subj "$subject" "$@" \
    -keyout "$work/$name.key" -out "$work/$name.crt" 2>/dev/null
}
cert server-rsa "/CN=server.test" -newkey rsa:2048 -addext "subjectAltName=DNS:server.test"
cert server-ec "/CN=server.test" -newkey ec -pkeyopt ec_paramgen_curve:P-256 \
  -addext "subjectAltName=DNS:server.test"
cert client-rsa "/CN=client.test" -newkey rsa:2048
cp "$work/server-rsa.key" "$out/server-rsa.key"

RSA=(-cert "$work/server-rsa.crt" -key "$work/server-rsa.key")
EC=(-cert "$work/server-ec.crt" -key "$work/server-ec.key")
LEGACY='ALL:@SECLEVEL=0'  # OpenSSL 3.0 refuses TLS 1.0/1.1 and SHA-1 signatures at the default level 1+

# --- capture helpers -------------------------------------------------------------------------------
capture_start() { # pcap port
  tcpdump --immediate-mode -U -i lo -w "$1" "tcp port $2" 2>"$work/tcpdump.err" &
  tcpdump_pid=$!
  until grep -q "listening on" "$work/tcpdump.err"; do sleep 0.1; done
}
capture_stop() {
  sleep 0.3  # let the last FIN/ACK reach the capture buffer
  kill -TERM "$tcpdump_pid"
  wait "$tcpdump_pid" || true
}
server_start() { # port connections args...
  local port=$1 connections=$2; shift 2
  # One accept more than the sessions: the readiness probe below is a connection too (made before
  # the capture starts, so it is not recorded).
  openssl s_server -accept "$port" -naccept $((connections + 1)) -rev "$@" </dev/null >"$work/server.log" 2>&1 &
  server_pid=$!
  until (exec 3<>"/dev/tcp/127.0.0.1/$port") 2>/dev/null; do sleep 0.1; done
}
client() { # port keys args... : sends one line, waits for the reversed line, then closes
  local port=$1 keys=$2; shift 2
  { printf 'hello from s_client\n'; sleep 0.5; } |
    openssl s_client -connect "127.0.0.1:$port" -keylogfile "$keys" "$@" >>"$work/client.log" 2>&1 || true
}
# Records NAME.pcap/NAME.keys by running RUN PORT, again if the capture shows a TCP retransmission
# or reset: loopback retransmits now and then when the machine is busy, and the fixtures should
# show TLS, not that.
record() { # name port run
  local name=$1 port=$2 run=$3 attempt
  pcap="$out/$name.pcap" keys="$out/$name.keys"
  for attempt in 1 2 3; do
    echo "== $name"
    rm -f "$pcap" "$keys"
    "$run" "$port"
    touch "$keys"  # a session that never derives secrets (handshake failure) still gets its file
    [ -z "$(tshark -n -r "$pcap" -Y 'tcp.analysis.flags || tcp.flags.reset == 1' 2>/dev/null)" ] && return
    echo "   retransmission or reset captured, recording again"
  done
  echo "$name: no clean capture in 3 attempts" >&2
  exit 1
}
openssl_run() { # port; uses server_args, client_args, connections
  local port=$1 i
  rm -f "$work"/s[0-9]  # a resumption must resume this attempt's session, not an earlier one's
  eval "server_start $port $connections $server_args"
  capture_start "$pcap" "$port"
  for ((i = 1; i <= connections; i++)); do
    eval "client $port $keys $client_args"
  done
  wait "$server_pid" || true
  capture_stop
}
session() { # name port 'server args' 'client args' [connections]
  server_args=$3 client_args=$4 connections=${5:-1}
  record "$1" "$2" openssl_run
}

session tls10-rsa-aes256-sha-ticket 44301 \
  '"${RSA[@]}" -tls1 -cipher "$LEGACY"' \
  '-tls1 -cipher "AES256-SHA:@SECLEVEL=0"'
session tls11-rsa-aes128-sha 44302 \
  '"${RSA[@]}" -tls1_1 -cipher "$LEGACY"' \
  '-tls1_1 -cipher "AES128-SHA:@SECLEVEL=0"'
# The server prefers http/1.1, so the text lines exchanged are not read as HTTP/2 frames.
session tls12-ecdhe-rsa-aes128-gcm-sni-alpn 44303 \
  '"${RSA[@]}" -alpn http/1.1,h2' \
  '-tls1_2 -cipher ECDHE-RSA-AES128-GCM-SHA256 -servername server.test -alpn h2,http/1.1'
session tls12-dhe-rsa-aes128-gcm 44304 \
  '"${RSA[@]}"' \
  '-tls1_2 -cipher DHE-RSA-AES128-GCM-SHA256'
session tls12-ecdhe-ecdsa-chacha20 44305 \
  '"${EC[@]}"' \
  '-tls1_2 -cipher ECDHE-ECDSA-CHACHA20-POLY1305'
session tls12-resumption-session-id 44306 \
  '"${RSA[@]}" -no_ticket' \
  '-tls1_2 -no_ticket -sess_out "$work/s1" $( [ -s "$work/s1" ] && echo -sess_in "$work/s1" )' 2
session tls12-resumption-ticket 44307 \
  '"${RSA[@]}"' \
  '-tls1_2 -sess_out "$work/s2" $( [ -s "$work/s2" ] && echo -sess_in "$work/s2" )' 2
session tls13-aes128-gcm 44308 \
  '"${RSA[@]}"' \
  '-tls1_3 -ciphersuites TLS_AES_128_GCM_SHA256'
session tls13-hello-retry-request 44309 \
  '"${RSA[@]}" -groups P-256' \
  '-tls1_3 -groups X25519:P-256'
session tls13-resumption-psk 44310 \
  '"${RSA[@]}"' \
  '-tls1_3 -sess_out "$work/s3" $( [ -s "$work/s3" ] && echo -sess_in "$work/s3" )' 2
session tls13-client-certificate 44311 \
  '"${RSA[@]}" -Verify 1 -CAfile "$work/client-rsa.crt"' \
  '-tls1_3 -cert "$work/client-rsa.crt" -key "$work/client-rsa.key"'
session tls12-client-certificate 44312 \
  '"${RSA[@]}" -Verify 1 -CAfile "$work/client-rsa.crt"' \
  '-tls1_2 -cipher ECDHE-RSA-AES128-GCM-SHA256 -cert "$work/client-rsa.crt" -key "$work/client-rsa.key"'
session tls12-handshake-failure-no-shared-cipher 44313 \
  '"${RSA[@]}" -cipher AES128-SHA' \
  '-tls1_2 -cipher AES256-SHA'

# --- a ClientHello split over three TCP segments ---------------------------------------------------
# Loopback's MTU is 64 KiB, so no ClientHello is ever segmented there on its own. This client drives
# Python's ssl module through memory BIOs and writes the ClientHello bytes in three send()s with
# TCP_NODELAY and a pause between them; the rest of the session goes out as the library produces it.
split_client_hello_run() { # port
  local port=$1
  server_start $port 1 "${RSA[@]}"
  capture_start "$pcap" $port
  python3 - "$port" "$keys" <<'PY'
import socket, ssl, sys, time

port, keys = int(sys.argv[1]), sys.argv[2]
ctx = ssl.SSLContext(ssl.PROTOCOL_TLS_CLIENT)
ctx.check_hostname, ctx.verify_mode = False, ssl.CERT_NONE
ctx.maximum_version = ssl.TLSVersion.TLSv1_2
ctx.keylog_filename = keys
incoming, outgoing = ssl.MemoryBIO(), ssl.MemoryBIO()
tls = ctx.wrap_bio(incoming, outgoing, server_hostname="server.test")
sock = socket.create_connection(("127.0.0.1", port))
sock.setsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY, 1)

def flush():
    data = outgoing.read()
    if data:
        sock.sendall(data)

def pump(step):
    """Runs step() until it stops asking for peer bytes."""
    while True:
        try:
            return step()
        except ssl.SSLWantReadError:
            flush()
            data = sock.recv(65536)
            if not data:
                raise
            incoming.write(data)

try:
    tls.do_handshake()
except ssl.SSLWantReadError:
    hello = outgoing.read()
    third = len(hello) // 3
    for chunk in (hello[:third], hello[third:2 * third], hello[2 * third:]):
        sock.sendall(chunk)
        time.sleep(0.2)
pump(tls.do_handshake)
flush()
tls.write(b"hello from a split ClientHello\n")
flush()
line = pump(lambda: tls.read(4096))
print("server said:", line)
pump(tls.unwrap)  # close_notify both ways before the FINs, as s_client does
flush()
sock.shutdown(socket.SHUT_WR)
while sock.recv(4096):
    pass
sock.close()
PY
  wait "$server_pid" || true
  capture_stop
}
record tls12-client-hello-in-3-segments 44314 split_client_hello_run

echo "SSL 3.0: not recorded; this OpenSSL 3.0 build has no -ssl3 and GnuTLS 3.7 no VERS-SSL3.0."
ls -l "$out"
