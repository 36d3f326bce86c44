package org.tlsscope.testing;

import java.io.ByteArrayOutputStream;
import org.tlsscope.bytes.Slice;

/** Handshake messages built byte by byte (RFC 5246 section 7.4, RFC 8446 section 4), for tests that need a precise hello. */
public final class Hellos {
    private Hellos() {
    }

    /** One extension: type, length, body. */
    public static byte[] extension(int type, int... body) {
        byte[] b = new byte[4 + body.length];
        b[0] = (byte) (type >> 8);
        b[1] = (byte) type;
        b[2] = (byte) (body.length >> 8);
        b[3] = (byte) body.length;
        for (int i = 0; i < body.length; i++) {
            b[4 + i] = (byte) body[i];
        }
        return b;
    }

    public static Slice clientHello(int version, int[] suites, byte[]... extensions) {
        ByteArrayOutputStream m = new ByteArrayOutputStream();
        u16(m, version);
        m.writeBytes(new byte[32]);
        m.write(0);
        u16(m, suites.length * 2);
        for (int s : suites) {
            u16(m, s);
        }
        m.write(1);
        m.write(0);
        extensions(m, extensions);
        return message(1, m.toByteArray());
    }

    public static Slice serverHello(int version, int suite, int compression, byte[]... extensions) {
        ByteArrayOutputStream m = new ByteArrayOutputStream();
        u16(m, version);
        byte[] random = new byte[32];
        random[0] = 1;
        m.writeBytes(random);
        m.write(0);
        u16(m, suite);
        m.write(compression);
        extensions(m, extensions);
        return message(2, m.toByteArray());
    }

    /** A handshake message: msg_type, uint24 length, body. */
    public static Slice message(int type, byte[] body) {
        byte[] b = new byte[4 + body.length];
        b[0] = (byte) type;
        b[1] = (byte) (body.length >> 16);
        b[2] = (byte) (body.length >> 8);
        b[3] = (byte) body.length;
        System.arraycopy(body, 0, b, 4, body.length);
        return Slice.of(b);
    }

    private static void extensions(ByteArrayOutputStream m, byte[][] extensions) {
        int n = 0;
        for (byte[] e : extensions) {
            n += e.length;
        }
        u16(m, n);
        for (byte[] e : extensions) {
            m.writeBytes(e);
        }
    }

    private static void u16(ByteArrayOutputStream m, int v) {
        m.write(v >> 8);
        m.write(v);
    }
}
