package org.tlsscope.testing;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;

/**
 * tshark as a test oracle: one TLS summary per TCP stream, to compare with tlsscope's own.
 *
 * <p>tshark runs once per capture:
 * <pre>
 * tshark -n -r CAPTURE [-o tls.keylog_file:KEYLOG] [-d DECODE_AS] -Y "tls and tcp" -T fields
 *   -E separator=/t -E occurrence=a -E aggregator=,
 *   -e tcp.stream -e frame.number -e ip.src -e ipv6.src -e tcp.srcport -e ip.dst -e ipv6.dst
 *   -e tcp.dstport -e tls.record.content_type -e tls.handshake.type -e tls.handshake.version
 *   -e tls.handshake.extensions.supported_version -e tls.handshake.ciphersuite
 *   -e tls.handshake.random -e tls.handshake.extensions_server_name
 *   -e tls.handshake.extensions_alpn_str -e tls.alert_message.level -e tls.alert_message.desc
 *   -e _ws.col.Info -e tls.handshake.ja3 -e tls.handshake.ja3s
 * </pre>
 *
 * <p>A field that occurs several times in a frame (several records or messages in one segment)
 * prints its values comma-separated, in order. Those lists alone cannot say which record a
 * handshake message sat in, so where a ChangeCipherSpec or an alert goes among the handshake
 * messages is read from the Info column, which tshark builds in wire order ("Server Hello, Change
 * Cipher Spec, Encrypted Extensions, ..."). Each Info item must match the next handshake type from
 * {@code tls.handshake.type}, so the two cross-check each other. When a decrypted upper layer has
 * replaced Info (HTTP/2 writes "SETTINGS[0], ..."), the handshake types are used in their own order
 * if the frame has no ChangeCipherSpec or alert record to place among them; otherwise the oracle
 * throws rather than guess. tshark reports a HelloRetryRequest as a server_hello: it is told apart by
 * its random, the RFC 8446 section 4.1.3 constant SHA-256("HelloRetryRequest").
 *
 * <p>Out of scope, and reported by an exception: captures tshark itself calls damaged (it exits
 * non-zero) and SSL 2.0 records, whose message numbers are not TLS's.
 */
public final class Tshark {

    private static final int CHANGE_CIPHER_SPEC = 20;
    private static final int ALERT = 21;
    private static final String HELLO_RETRY_REQUEST_RANDOM =
            "cf21ad74e59a6111be1d8c021e65b891c2a211167abb8c5e079e09e2c8a8339c";

    /**
     * Handshake types only a server sends (RFC 5246 section 7.4, RFC 8446 section 4): hello_request,
     * server_hello, new_session_ticket, encrypted_extensions, server_key_exchange, certificate_request,
     * server_hello_done, certificate_status.
     */
    private static final Set<Integer> SERVER_ONLY = Set.of(0, 2, 4, 8, 12, 13, 14, 22);

    private static final List<String> FIELDS = List.of(
            "tcp.stream", "frame.number", "ip.src", "ipv6.src", "tcp.srcport", "ip.dst", "ipv6.dst",
            "tcp.dstport", "tls.record.content_type", "tls.handshake.type", "tls.handshake.version",
            "tls.handshake.extensions.supported_version", "tls.handshake.ciphersuite",
            "tls.handshake.random", "tls.handshake.extensions_server_name",
            "tls.handshake.extensions_alpn_str", "tls.alert_message.level", "tls.alert_message.desc",
            "_ws.col.Info", "tls.handshake.ja3", "tls.handshake.ja3s");

    private Tshark() {
    }

    /** Whether a runnable tshark is on the PATH; differential tests are skipped without one. */
    public static boolean available() {
        try {
            Process process = new ProcessBuilder("tshark", "--version").redirectErrorStream(true).start();
            process.getInputStream().transferTo(OutputStream.nullOutputStream());
            return process.waitFor(30, TimeUnit.SECONDS) && process.exitValue() == 0;
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    /**
     * Runs tshark once over {@code capture} and folds its rows into one connection per TCP stream,
     * in stream order. {@code decodeAsOrNull} is a tshark {@code -d} value such as
     * "tcp.port==8443,tls".
     */
    public static List<TsharkConnection> connections(Path capture, Path keylogOrNull, String decodeAsOrNull)
            throws IOException {
        Map<Integer, List<Row>> streams = new LinkedHashMap<>();
        for (String line : run(command(capture, keylogOrNull, decodeAsOrNull))) {
            Row row = Row.parse(line);
            streams.computeIfAbsent(row.stream(), s -> new ArrayList<>()).add(row);
        }
        List<TsharkConnection> connections = new ArrayList<>();
        streams.forEach((stream, rows) -> connections.add(fold(stream, rows)));
        return connections;
    }

    /**
     * The decrypted application data of every TLS stream, as tshark's Follow TLS Stream gives it
     * ({@code -z follow,tls,raw,N}): per stream, the two directions' bytes as hex, the first sender's
     * first. tshark 4.0 names only its "Node 0" reliably (the other shows as ":0"), so the directions are
     * told apart by the tab that starts the other node's lines, not by address. One run follows streams 0 to
     * {@code streams - 1}; a number with no stream gives an empty one.
     */
    public static List<List<String>> followTls(Path capture, Path keylogOrNull, List<Path> rsaKeys, String decodeAsOrNull,
                                               int streams) throws IOException {
        List<String> base = new ArrayList<>(List.of("tshark", "-n", "-r", capture.toString()));
        if (keylogOrNull != null) {
            base.addAll(List.of("-o", "tls.keylog_file:" + keylogOrNull));
        }
        for (Path key : rsaKeys) {
            base.addAll(List.of("-o", "uat:rsa_keys:\"" + key + "\",\"\""));
        }
        if (decodeAsOrNull != null) {
            base.addAll(List.of("-d", decodeAsOrNull));
        }
        List<List<String>> result = new ArrayList<>();
        if (streams <= 0) {
            return result;
        }
        List<String> follow = new ArrayList<>(base);
        follow.add("-q");
        for (int stream = 0; stream < streams; stream++) {
            follow.addAll(List.of("-z", "follow,tls,raw," + stream));
        }
        StringBuilder first = null;
        StringBuilder second = null;
        for (String line : run(follow)) {
            if (line.startsWith("Filter:")) {
                first = new StringBuilder();
                second = new StringBuilder();
            } else if (line.startsWith("=====") && first != null) {
                result.add(List.of(first.toString(), second.toString()));
                first = null;
            } else if (first != null && !line.startsWith("Node ") && !line.startsWith("Follow:")) {
                (line.startsWith("\t") ? second : first).append(line.strip());
            }
        }
        return result;
    }

    static List<String> command(Path capture, Path keylogOrNull, String decodeAsOrNull) {
        List<String> command = new ArrayList<>(List.of("tshark", "-n", "-r", capture.toString()));
        if (keylogOrNull != null) {
            command.addAll(List.of("-o", "tls.keylog_file:" + keylogOrNull));
        }
        if (decodeAsOrNull != null) {
            command.addAll(List.of("-d", decodeAsOrNull));
        }
        command.addAll(List.of("-Y", "tls and tcp", "-T", "fields", "-E", "separator=/t", "-E", "occurrence=a",
                "-E", "aggregator=,"));
        for (String field : FIELDS) {
            command.addAll(List.of("-e", field));
        }
        return command;
    }

    private static List<String> run(List<String> command) throws IOException {
        // stderr goes to a file: a pipe nobody drains while stdout is read could fill and stall tshark.
        Path errors = Files.createTempFile("tshark", ".err");
        try {
            Process process = new ProcessBuilder(command).redirectError(errors.toFile()).start();
            String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (process.waitFor() != 0) {
                throw new IOException("tshark exited with " + process.exitValue() + ": "
                        + Files.readString(errors).strip() + "\n" + String.join(" ", command));
            }
            return out.lines().filter(line -> !line.isBlank()).toList();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted waiting for tshark", e);
        } finally {
            Files.deleteIfExists(errors);
        }
    }

    private static TsharkConnection fold(int stream, List<Row> rows) {
        // The client is whoever sent a ClientHello; a capture that lacks it falls back to the peer of
        // the first frame with a message only servers send, then to the sender of the first TLS frame.
        String client = rows.stream()
                .filter(row -> row.handshakeTypes().contains(1))
                .map(Row::source)
                .findFirst()
                .or(() -> rows.stream()
                        .filter(row -> row.handshakeTypes().stream().anyMatch(SERVER_ONLY::contains))
                        .map(Row::destination)
                        .findFirst())
                .orElse(rows.getFirst().source());
        String server = rows.stream()
                .map(row -> row.source().equals(client) ? row.destination() : row.source())
                .findFirst()
                .orElseThrow();
        String version = null;
        Integer cipherSuite = null;
        String sni = null;
        String alpn = null;
        String ja3 = null;
        String ja3s = null;
        List<String> messages = new ArrayList<>();
        for (Row row : rows) {
            boolean fromClient = row.source().equals(client);
            List<String> frameMessages = row.messages();
            for (String message : frameMessages) {
                messages.add((fromClient ? "client:" : "server:") + message);
            }
            if (fromClient) {
                if (sni == null && !row.serverNames().isEmpty()) {
                    sni = row.serverNames().getFirst();
                }
                if (ja3 == null && !row.ja3().isEmpty()) {
                    ja3 = row.ja3().getFirst();
                }
                continue;
            }
            if (frameMessages.contains("server_hello")) {
                // A server frame carries the supported_versions, version and cipher_suite of its
                // ServerHello only: no other server message has those fields.
                String selected = row.supportedVersions().isEmpty()
                        ? row.handshakeVersions().getFirst() : row.supportedVersions().getFirst();
                version = versionName(Integer.decode(selected));
                cipherSuite = Integer.decode(row.cipherSuites().getFirst());
            }
            if (ja3s == null && !row.ja3s().isEmpty()) {
                ja3s = row.ja3s().getFirst();
            }
            if (alpn == null && !row.alpn().isEmpty()) {
                alpn = row.alpn().getFirst();
            }
        }
        return new TsharkConnection(stream, client, server, version, cipherSuite, sni, alpn, messages, ja3, ja3s);
    }

    /** tshark's name for a ProtocolVersion: "TLS 1.2", "unknown (0x7f1c)" for a TLS 1.3 draft. */
    public static String versionName(int version) {
        return switch (version) {
            case 0x0200 -> "SSL 2.0";
            case 0x0300 -> "SSL 3.0";
            case 0x0301 -> "TLS 1.0";
            case 0x0302 -> "TLS 1.1";
            case 0x0303 -> "TLS 1.2";
            case 0x0304 -> "TLS 1.3";
            default -> String.format("unknown (0x%04x)", version);
        };
    }

    /** RFC names of the handshake types (RFC 8446 section 4, RFC 5246 section 7.4, RFC 5077 ...). */
    static String handshakeName(int type) {
        return switch (type) {
            case 0 -> "hello_request";
            case 1 -> "client_hello";
            case 2 -> "server_hello";
            case 3 -> "hello_verify_request";
            case 4 -> "new_session_ticket";
            case 5 -> "end_of_early_data";
            case 8 -> "encrypted_extensions";
            case 11 -> "certificate";
            case 12 -> "server_key_exchange";
            case 13 -> "certificate_request";
            case 14 -> "server_hello_done";
            case 15 -> "certificate_verify";
            case 16 -> "client_key_exchange";
            case 20 -> "finished";
            case 21 -> "certificate_url";
            case 22 -> "certificate_status";
            case 23 -> "supplemental_data";
            case 24 -> "key_update";
            case 25 -> "compressed_certificate";
            case 254 -> "message_hash";
            default -> String.format("unknown (0x%02x)", type);
        };
    }

    /** "Change Cipher Spec" -> "change_cipher_spec": tshark's title-cased labels to RFC names. */
    static String snake(String label) {
        return label.trim().toLowerCase(Locale.ROOT).replace(' ', '_');
    }

    /** One tshark output line: one frame with at least one TLS record. */
    private record Row(int stream, int frame, String source, String destination,
                       List<Integer> contentTypes, List<Integer> handshakeTypes, List<String> handshakeVersions,
                       List<String> supportedVersions, List<String> cipherSuites, List<String> randoms,
                       List<String> serverNames, List<String> alpn, List<String> alertLevels,
                       List<String> info, List<String> ja3, List<String> ja3s) {

        static Row parse(String line) {
            String[] f = line.split("\t", -1);
            if (f.length != FIELDS.size()) {
                throw new IllegalStateException("tshark printed " + f.length + " fields, not "
                        + FIELDS.size() + ": " + line);
            }
            return new Row(Integer.parseInt(f[0]), Integer.parseInt(f[1]),
                    endpoint(f[2], f[3], f[4]), endpoint(f[5], f[6], f[7]),
                    values(f[8]).stream().map(Integer::valueOf).toList(),
                    values(f[9]).stream().map(Integer::valueOf).toList(),
                    values(f[10]), values(f[11]), values(f[12]), values(f[13]), values(f[14]),
                    values(f[15]), values(f[16]), infoItems(f[18]), values(f[19]), values(f[20]));
        }

        /**
         * In a tunnel (GTP, Geneve, IP in IP) tshark lists the outer addresses first: the TCP
         * connection's own are the innermost, the last ones.
         */
        private static String endpoint(String ipv4, String ipv6, String port) {
            return ipv4.isEmpty() ? "[" + innermost(ipv6) + "]:" + port : innermost(ipv4) + ":" + port;
        }

        private static String innermost(String addresses) {
            return addresses.substring(addresses.lastIndexOf(',') + 1);
        }

        private static List<String> values(String field) {
            return field.isEmpty() ? List.of() : Arrays.asList(field.split(","));
        }

        /**
         * Splits Info at ", " outside parentheses ("Alert (Level: Fatal, Description: X)" is one item)
         * and drops bracketed notes such as "[TCP Retransmission] " or "[Malformed Packet]".
         */
        private static List<String> infoItems(String info) {
            List<String> items = new ArrayList<>();
            int depth = 0;
            int start = 0;
            for (int i = 0; i < info.length(); i++) {
                char c = info.charAt(i);
                if (c == '(') {
                    depth++;
                } else if (c == ')') {
                    depth--;
                } else if (c == ',' && depth == 0) {
                    items.add(withoutTcpNotes(info.substring(start, i)));
                    start = i + 1;
                }
            }
            items.add(withoutTcpNotes(info.substring(start)));
            return items;
        }

        private static String withoutTcpNotes(String item) {
            return item.replaceAll("\\[[^\\]]*\\]", "").trim();
        }

        /**
         * The frame's plaintext messages in wire order: Info gives the order and the
         * ChangeCipherSpec/alert positions, tls.handshake.type the handshake messages themselves.
         * A decrypted upper layer (HTTP/2 "SETTINGS[0]") may have replaced Info; the order of the
         * handshake types is then still the wire order as long as no ChangeCipherSpec or alert
         * record has to be placed among them.
         */
        List<String> messages() {
            List<String> inInfoOrder = inInfoOrder();
            if (inInfoOrder != null) {
                return inInfoOrder;
            }
            if (contentTypes.contains(CHANGE_CIPHER_SPEC) || contentTypes.contains(ALERT)) {
                throw mismatch("handshake types " + handshakeTypes + " not all found in Info " + info
                        + ", and records " + contentTypes + " cannot be ordered without it");
            }
            List<String> messages = new ArrayList<>();
            int serverHello = 0;
            for (int type : handshakeTypes) {
                messages.add(messageName(type, type == 2 ? serverHello++ : -1));
            }
            return messages;
        }

        /** Null when Info does not list every handshake message tshark decoded in this frame. */
        private List<String> inInfoOrder() {
            List<String> messages = new ArrayList<>();
            int handshake = 0;
            int serverHello = 0;
            int alert = 0;
            for (String item : info) {
                if (item.equals("Change Cipher Spec")) {
                    messages.add("change_cipher_spec");
                } else if (item.startsWith("Alert (Level: ") && alert < alertLevels.size()) {
                    // "Alert (Level: Fatal, Description: Handshake Failure)"; the numeric level
                    // field confirms that tshark decoded one more alert.
                    alert++;
                    String body = item.substring("Alert (Level: ".length(), item.length() - 1);
                    String[] parts = body.split(", Description: ", 2);
                    messages.add("alert:" + snake(parts[0]) + ":" + snake(parts[1]));
                } else if (handshake < handshakeTypes.size() && matchesHandshake(item, handshakeTypes.get(handshake))) {
                    int type = handshakeTypes.get(handshake++);
                    messages.add(messageName(type, type == 2 ? serverHello++ : -1));
                }
                // Anything else ("Encrypted Handshake Message", "Encrypted Alert", "Application
                // Data", upper-layer text) is not a plaintext TLS message.
            }
            return handshake == handshakeTypes.size() ? messages : null;
        }

        /**
         * The n-th server_hello of the frame is a hello_retry_request if its random says so. A frame
         * holds one direction only, so in a frame with a server_hello every random is a server's.
         */
        private String messageName(int type, int serverHello) {
            if (type == 2) {
                if (serverHello >= randoms.size()) {
                    throw mismatch("a server_hello without a random");
                }
                if (randoms.get(serverHello).equals(HELLO_RETRY_REQUEST_RANDOM)) {
                    return "hello_retry_request";
                }
            }
            return Tshark.handshakeName(type);
        }

        private static boolean matchesHandshake(String item, int type) {
            String label = snake(item);
            return label.equals(handshakeName(type)) || type == 2 && label.equals("hello_retry_request");
        }

        private IllegalStateException mismatch(String what) {
            return new IllegalStateException("tshark frame " + frame + ": " + what);
        }
    }
}
