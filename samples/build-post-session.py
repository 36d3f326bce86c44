#!/usr/bin/env python3
"""Rebuild the TLS 1.0 session of "Traffic Analysis of an SSL/TLS Session"
(Alvaro Castro-Castilla, 2014) as a pcap, from the hex dumps printed in the post.

Usage: python3 samples/build-post-session.py [output.pcap]   (default: post-session.pcap beside this script)

Python 3 standard library only; the output is byte-for-byte reproducible.
Every byte of TLS comes from the post; the few bytes the post's dumps lost are put back by the
REPAIRS table below (each one is explained in samples/README.md). What is NOT in the post and is made
up here is limited to TCP/IP framing: the three-way handshake, pure ACKs, the FIN teardown, IP ids,
the SYN options and the capture timestamps.
"""
import struct
import sys
from pathlib import Path

# The post's dumps exactly as printed: offset label + hex column (the ASCII column is dropped). Keyed by
# a name used in REPAIRS and in samples/README.md. A line shorter than 16 bytes before the last one is
# where the post lost bytes.
DUMPS = {
    # "Full contents of the packet": 4-byte family + IPv4 + TCP + ClientHello record.
    "packet1": """
        0000  02 00 00 00 45 00 00 98 13 ed 40 00 40 06 00 00
        0010  7f 00 00 01 7f 00 00 01 ec 26 01 bb 43 7c ee 74
        0020  60 b5 50 0a 80 18 31 d7 fe 8c 00 00 01 01 08 0a
        0030  21 62 1e 1e 21 62 1e 1e 16 03 01 00 5f 01 00 00
        0040  5b 03 01 54 9a ab 72 98 65 11 2f da 9e cf c9 db
        0050  6c bd 4b 56 4b 0c a5 68 2b aa 60 1f 38 66 e7
        0060  87 46 b2 00 00 2e 00 39 00 38 00 35 00 16 00 13
        0070  00 0a 00 33 00 32 00 2f 00 9a 00 99 00 96 00 05
        0080  00 04 00 15 00 12 00 09 00 14 00 11 00 08 00 06
        0090  00 03 00 ff 01 00 00 04 00 23 00 00
    """,
    # "TLSv1 protocol": the ClientHello record again.
    "client_hello_record": """
        0000  16 03 01 00 5f 01 00 00 5b 03 01 54 9a ab 72 98
        0010  65 11 2f da 9e cf c9 db 6c bd 4b 4c 56 4b 0c a5
        0020  68 2b aa 60 1f 38 66 e7 87 46 b2 00 00 2e 00 39
        0030  00 38 00 35 00 16 00 13 00 0a 00 33 00 32 00 2f
        0040  00 9a 00 99 00 96 00 05 00 04 00 15 00 12 00 09
        0050  00 14 00 11 00 08 00 06 00 03 00 ff 01 00 00 04
        0060  00 23 00 00
    """,
    # "TLSv1 Handshake protocol": the ClientHello message a third time.
    "client_hello_message": """
        0000  01 00 00 5b 03 01 54 9a ab 72 98 65 11 2f da 9e
        0010  cf c9 db 6c bd 4b 4c 56 4b 0c a5 68 2b aa 60 1f
        0020  38 66 e7 87 46 b2 00 00 2e 00 39 00 38 00 35 00
        0030  16 00 13 00 0a 00 33 00 32 00 2f 00 9a 00 99 00
        0040  96 00 05 00 04 00 15 00 12 00 09 00 14 00 11 00
        0050  08 00 06 00 03 00 ff 01 00 00 04 00 23 00 00
    """,
    "server_hello": """
        0000  16 03 01 00 35 02 00 00 31 03 01 54 9a ab 72 85
        0010  91 a4 a7 a9 27 fe 3d e4 da f6 38 a5 aa 6e 5a 2f
        0020  31 90 5b 41 b0 5d de d8 9d ae f6 00 00 35 00 00
        0030  09 ff 01 00 01 00 00 23 00 00
    """,
    "certificate": """
        0000  16 03 01 01 e4 0b 00 01 e0 00 01 dd 00 01 da 30
        0010  82 01 d6 30 82 01 3f 02 01 01 30 0d 06 09 2a 86
        0020  48 86 f7 0d 01 04 05 00 30 45 31 0b 30 09 06
        0030  03 55 04 06 13 02 41 55 31 13 30 11 06 03 55 04
        0040  08 13 0a 53 6f 6d 65 2d 53 74 61 74 65 31 21 30
        0050  1f 06 03 55 04 0a 13 18 49 6e 74 65 72 6e 65 74
        0060  20 57 69 64 67 69 74 73 20 50 74 79 20 4c 74 64
        0070  30 1e 17 0d 39 39 30 35 30 31 30 31 32 36 33 35
        0080  5a 17 0d 39 39 30 35 33 31 30 31 32 36 33 35 5a
        0090  30 22 31 0b 30 09 06 03 55 04 06 13 02 44 45 31
        00a0  13 30 11 06 03 55 04 03 13 0a 54 65 73 74 73 65
        00b0  72 76 65 72 30 81 9f 30 0d 06 09 2a 86 48 86 f7
        00c0  0d 01 01 05 00 03 81 8d 00 30 81 89 02 81 81
        00d0  00 fa 23 7a 03 2a 27 b1 c3 09 64 ce 36 ab eb d0
        00e0  08 16 75 54 68 6f 39 2e d0 9e 81 ed 91 f8 2b 48
        00f0  0e 59 10 63 0e bc ff c3 1b 4f 7a 2e d2 97 45 01
        0100  c2 fd 20 68 98 63 76 34 48 73 3d 3e a1 74 d1 13
        0110  b5 30 2b 4d a6 a4 e7 17 74 9c 2e 96 e6 82 01 a3
        0120  2a 29 66 59 89 f6 6a 2e de 99 d8 cc 8d 75 4b b7
        0130  35 96 db 11 a0 20 60 13 59 03 77 d8 a8 1f 26 78
        0140  38 8d 78 b5 52 31 22 c8 b8 64 c3 46 5f d4 8f e0
        0150  83 02 03 01 00 01 30 0d 06 09 2a 86 48 86 f7 0d
        0160  01 01 04 05 00 03 81 81 00 c8 0c fa c6 c0 93 c0
        0170  df 8d 27 da f9 17 f6 81 c1 97 99 ba ef 64 0c ca
        0180  cc 2f b9 45 4d e4 6a af cd cb 12 17 00 67 28 f5
        0190  d6 63 a3 3c d6 7c df f1 b8 6b a9 e5 ba 05 93 e2
        01a0  ab 3f ec 5d 82 c6 aa 18 7b 32 ce 58 04 a2 ac f8
        01b0  7a 4a 8b 8d 07 95 6e 7a 23 df 7f 61 54 55 3d 32
        01c0  13 e2 e8 95 0b 3f 18 d7 2a e9 a3 7d 7d 8b 2c d9
        01d0  22 91 6e 69 bb 3f 03 7f 75 22 5f 41 22 68 9b dd
        01e0  ec 4c 0f f0 9e f9 b6 25 13
    """,
    "server_hello_done": """
        0000  16 03 01 00 04 0e 00 00 00
    """,
    "client_key_exchange": """
        0000  16 03 01 00 86 10 00 00 82 00 80 2d 28 e4 30 eb
        0010  31 35 b0 4b 5e 4c 4d c6 ee 01 f5 33 e7 f8 3f 9b
        0020  d7 53 fc 5c e0 2d d6 12 ba 55 f8 46 ab 73 d8 3d
        0030  b0 0a f7 03 7f 58 e0 32 8f 91 1f b8 cf 56 aa 89
        0040  9e 27 84 08 ec 78 f8 74 0c d3 80 f2 ec 04 65 e1
        0050  3e 92 91 52 b5 aa 67 e9 e6 40 e9 10 67 3c 3f
        0060  73 f7 62 4a 0c 42 30 c1 06 6f 53 2f c2 6b d5 c8
        0070  67 6f 06 d7 92 86 6e 1d 4d dd 6b 3f b0 26 6c 25
        0080  2c d8 81 5a 80 e0 e2 cc d1 62 9c
    """,
    "client_change_cipher_spec": """
        0000  14 03 01 00 01 01
    """,
    "client_finished": """
        0000  16 03 01 00 30 0c c1 86 73 a4 a3 26 62 30 21 7f
        0010  c3 2f 1a 83 34 2d 57 f0 e2 0d 37 d4 51 66 08 22
        0020  b0 ea b4 a4 1e 81 2a fd 5f 07 47 9f b7 2c 0a dc
        0030  65 08 77 40 2a
    """,
    "new_session_ticket": """
        0000  16 03 01 00 aa 04 00 00 a6 00 00 00 00 00 a0 f7
        0010  2f 0c fd be ce f7 96 80 ca fd da 58 d6 16 b3 3c
        0020  89 1a a5 a2 af 3c 80 50 7b 99 71 05 3b 0e d3 27
        0030  75 78 0d 0a 20 6c e7 1c ce 7b 5d 52 ad f1 04 88
        0040  ec fa 04 c9 6a 74 fc 7b 3d 99 aa 8a ec 7a a3 18
        0050  81 63 2f db b0 16 5b 49 63 f4 53 bc 57 18 27 37
        0060  f2 7f 66 e6 4d 46 59 2d 17 39 d5 79 a4 49 4d 93
        0070  d2 80 34 8b 49 f5 31 72 7f 41 46 37 9b ae a9
        0080  3c f0 6f 2e 7f 75 e3 bf 2f d8 fc a4 be cb 2c 84
        0090  01 b2 25 01 23 91 6e c0 c1 09 9d 42 c8 b8 e6 1b
        00a0  fe 1e ed b3 52 7f 25 90 ae fc 34 f5 96 1b f0
    """,
    "server_change_cipher_spec": """
        0000  14 03 01 00 01 01
    """,
    "server_finished": """
        0000  16 03 01 00 30 6d 09 0e 9f dd 09 03 2f 84 65 f8
        0010  94 0f d6 7b 4b 54 31 a1 25 a4 27 03 ae c3 4e af
        0020  27 04 32 5a 1f 29 90 fa 0a 4b 89 2f af d8 88 99
        0030  41 de dd 89 3f
    """,
    "application_data": """
        0000  17 03 01 00 30 5d 15 3d a2 40 ef d2 01 25 ca 54
        0010  26 5f 5d b0 d2 2f 6d 2d ec 56 85 b0 4c a9 bf
        0020  eb 97 be 31 ad cd de 3a b4 71 1e c8 53 96 0b 2d
        0030  c3 91 3d a2 15
    """,
    "alert": """
        0000  15 03 01 00 20 3e 2e 43 30 49 49 6a f6 37 69 eb
        0010  0d dd c3 e2 d3 e1 5d e3 4e b3 e2 22 9d 85 f9 c4
        0020  59 b3 41 a9 86
    """,
}

# (dump, line label as printed in the post, column within that printed line, bytes inserted there).
# samples/README.md gives the evidence for each one.
REPAIRS = [
    ("packet1", 0x50, 3, "4c"),              # ClientHello random: both other copies have 4c here
    ("certificate", 0x20, 5, "01"),          # md5WithRSAEncryption OID 1.2.840.113549.1.1.4 lost an 01
    ("certificate", 0xC0, 3, "01"),          # rsaEncryption OID 1.2.840.113549.1.1.1 lost an 01
    ("client_key_exchange", 0x50, 5, "5e"),  # ASCII column shows '^' after b5; a best guess
    ("new_session_ticket", 0x70, 9, "7b"),   # ASCII column shows '{' between 7f and 41
    ("application_data", 0x10, 12, "00"),    # ASCII column shows a third '.' before 'L'; value unknown
]


def repaired(name):
    lines = {}
    for text in DUMPS[name].strip().splitlines():
        label, hex_column = text.split(None, 1)
        lines[int(label, 16)] = bytearray(bytes.fromhex(hex_column))
    for dump, label, column, value in REPAIRS:
        if dump == name:
            lines[label][column:column] = bytes.fromhex(value)
    return b"".join(bytes(lines[label]) for label in sorted(lines))


def tls_record(name):
    record = repaired(name)
    length = struct.unpack(">H", record[3:5])[0]
    if len(record) != 5 + length:
        raise SystemExit(f"{name}: record length field says {length}, have {len(record) - 5} bytes")
    return record


def checked_client_hello():
    packet1 = repaired("packet1")
    record = tls_record("client_hello_record")
    message = repaired("client_hello_message")
    if packet1[4 + 20 + 32:] != record or record[5:] != message:
        raise SystemExit("the three copies of the ClientHello disagree after repair")
    return packet1, record


def checksum(data):
    """RFC 1071 Internet checksum (one's complement of the one's complement sum)."""
    if len(data) % 2:
        data += b"\x00"
    total = sum(struct.unpack(f">{len(data) // 2}H", data))
    while total >> 16:
        total = (total & 0xFFFF) + (total >> 16)
    return ~total & 0xFFFF


CLIENT = (bytes([127, 0, 0, 1]), 0xEC26)  # 127.0.0.1:60454
SERVER = (bytes([127, 0, 0, 1]), 443)
TSVAL = 0x21621E1E  # the post's TCP timestamp; every packet of this short session shares it
WINDOW = 0x31D7     # the post's window (scaled by 2^5, advertised in the SYNs below)
FIN, SYN, PSH, ACK = 0x01, 0x02, 0x08, 0x10


def tcp_timestamp_option(tsecr):
    return bytes([1, 1, 8, 10]) + struct.pack(">II", TSVAL, tsecr)  # NOP NOP TS, as in packet 1


def syn_options(tsecr):
    # macOS-style SYN options (synthetic: the post does not show the SYNs):
    # MSS 16344 (lo0), NOP, window scale 5, NOP NOP timestamp, SACK permitted, EOL.
    return (bytes([2, 4]) + struct.pack(">H", 16344) + bytes([1, 3, 3, 5])
            + bytes([1, 1, 8, 10]) + struct.pack(">II", TSVAL, tsecr) + bytes([4, 2, 0, 0]))


def packet(src, dst, ip_id, seq, ack, flags, options, payload, window):
    tcp_len = 20 + len(options)
    tcp = struct.pack(">HHIIBBHHH", src[1], dst[1], seq, ack, (tcp_len // 4) << 4, flags,
                      window, 0, 0) + options + payload
    pseudo = src[0] + dst[0] + struct.pack(">BBH", 0, 6, len(tcp))
    tcp = tcp[:16] + struct.pack(">H", checksum(pseudo + tcp)) + tcp[18:]
    ip = struct.pack(">BBHHHBBH4s4s", 0x45, 0, 20 + len(tcp), ip_id, 0x4000, 64, 6, 0, src[0], dst[0])
    ip = ip[:10] + struct.pack(">H", checksum(ip)) + ip[12:]
    return struct.pack("<I", 2) + ip + tcp  # LINKTYPE_NULL: AF_INET (2) in host (little-endian) order


class Session:
    """Tracks both sides' sequence numbers so that every segment acknowledges all the peer sent."""

    def __init__(self):
        self.packets = []
        self.next_seq = {"c": 0x437CEE74 - 1, "s": 0x60B5500A - 1}  # ISN = first data byte - 1
        self.ip_id = {"c": 0x13EB, "s": 0x8C21}  # client id chosen so packet 4 gets the post's 0x13ed

    def send(self, side, flags, payload=b"", options=None):
        other = "s" if side == "c" else "c"
        src, dst = (CLIENT, SERVER) if side == "c" else (SERVER, CLIENT)
        ack = self.next_seq[other] if flags & ACK else 0
        if options is None:
            options = tcp_timestamp_option(TSVAL)
        window = 0xFFFF if flags & SYN else WINDOW
        self.packets.append(packet(src, dst, self.ip_id[side], self.next_seq[side], ack, flags,
                                   options, payload, window))
        self.ip_id[side] += 1
        self.next_seq[side] = (self.next_seq[side] + len(payload) + (1 if flags & (SYN | FIN) else 0)) & 0xFFFFFFFF


def build():
    packet1, client_hello = checked_client_hello()
    s = Session()
    s.send("c", SYN, options=syn_options(0))
    s.send("s", SYN | ACK, options=syn_options(TSVAL))
    s.send("c", ACK)
    s.send("c", PSH | ACK, client_hello)                                     # flight 1
    if s.packets[-1][:4 + 10] + s.packets[-1][4 + 12:4 + 36] != packet1[:4 + 10] + packet1[4 + 12:4 + 36]:
        raise SystemExit("rebuilt packet 1 headers differ from the post's (checksums aside)")
    s.send("s", PSH | ACK, tls_record("server_hello") + tls_record("certificate")
           + tls_record("server_hello_done"))                                 # flight 2, one segment
    s.send("c", PSH | ACK, tls_record("client_key_exchange") + tls_record("client_change_cipher_spec")
           + tls_record("client_finished"))                                   # flight 3
    s.send("s", PSH | ACK, tls_record("new_session_ticket") + tls_record("server_change_cipher_spec")
           + tls_record("server_finished"))                                   # flight 4
    s.send("c", PSH | ACK, tls_record("application_data"))
    s.send("s", ACK)
    s.send("c", PSH | ACK, tls_record("alert"))
    s.send("c", FIN | ACK)
    s.send("s", FIN | ACK)
    s.send("c", ACK)
    return s.packets


def write_pcap(path, packets):
    # Capture time: the ClientHello's gmt_unix_time 0x549aab72 (2014-12-24 12:02:58 UTC), 1 ms apart.
    out = bytearray(struct.pack("<IHHiIII", 0xA1B2C3D4, 2, 4, 0, 0, 65535, 0))  # LINKTYPE_NULL
    for i, data in enumerate(packets):
        out += struct.pack("<IIII", 0x549AAB72, 1000 * i, len(data), len(data)) + data
    Path(path).write_bytes(out)


if __name__ == "__main__":
    target = sys.argv[1] if len(sys.argv) > 1 else Path(__file__).with_name("post-session.pcap")
    write_pcap(target, build())
