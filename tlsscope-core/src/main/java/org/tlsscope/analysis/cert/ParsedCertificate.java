package org.tlsscope.analysis.cert;

import java.security.cert.X509Certificate;

/** One DER certificate of a chain: read, or not readable (reported, never thrown). */
public sealed interface ParsedCertificate {

    /** SHA-256 of the DER, lower-case hex: the name under which it is exported. */
    String sha256();

    /** SHA-1 of the DER, lower-case hex. */
    String sha1();

    /** @param x509 the JDK's certificate, for checking signatures */
    record Readable(CertificateInfo info, X509Certificate x509) implements ParsedCertificate {
        @Override
        public String sha256() {
            return info.sha256();
        }

        @Override
        public String sha1() {
            return info.sha1();
        }
    }

    /** @param reason why it does not parse, in words */
    record Unparsable(String reason, String sha256, String sha1) implements ParsedCertificate {
    }
}
