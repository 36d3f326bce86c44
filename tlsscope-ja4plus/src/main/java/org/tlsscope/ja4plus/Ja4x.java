package org.tlsscope.ja4plus;

import java.util.ArrayList;
import java.util.List;
import org.tlsscope.analysis.fingerprint.Digests;
import org.tlsscope.bytes.Slice;

/**
 * JA4X, FoxIO's certificate fingerprint (FoxIO License 1.1; FoxIO-LLC/ja4 technical_details/JA4X.md):
 * {@code a373a9f83c6b_2bab15409345_5a6862e71bea}, three SHA-256/12 hashes of the issuer's RDN attribute
 * OIDs, the subject's, and the extensions' (RFC 5280 section 4.1), each list in certificate order, not
 * sorted, an OID written as the hex of its DER content octets ({@code 550403} for id-at-commonName),
 * comma-separated. An empty list hashes to {@code 000000000000}. JA4X_r writes the three lists.
 *
 * <p>It describes how the certificate was built (which attributes, which extensions, in which order),
 * not its values, so certificates from the same issuing software share it.
 *
 * @param fingerprint JA4X
 * @param raw         JA4X_r
 */
public record Ja4x(String fingerprint, String raw) {
    private static final int VERSION = 0xa0;     // [0] EXPLICIT Version
    private static final int EXTENSIONS = 0xa3;  // [3] EXPLICIT Extensions

    /** The fingerprint of a DER certificate, or null when its structure up to the extensions does not parse. */
    public static Ja4x of(Slice der) {
        try {
            Der certificate = new Der(new Der(der).expect(Der.SEQUENCE).content());
            Der tbs = new Der(certificate.expect(Der.SEQUENCE).content());
            if (tbs.peekTag() == VERSION) {
                tbs.next();
            }
            tbs.expect(Der.INTEGER);                                  // serialNumber
            tbs.expect(Der.SEQUENCE);                                 // signature
            String issuer = nameOids(tbs.expect(Der.SEQUENCE).content());
            tbs.expect(Der.SEQUENCE);                                 // validity
            String subject = nameOids(tbs.expect(Der.SEQUENCE).content());
            tbs.expect(Der.SEQUENCE);                                 // subjectPublicKeyInfo
            String extensions = "";
            while (tbs.hasMore()) {                                   // [1], [2] unique ids, then [3]
                Der.Tlv field = tbs.next();
                if (field.tag() == EXTENSIONS) {
                    extensions = extensionOids(field.content());
                }
            }
            return new Ja4x(Digests.sha256Prefix(issuer) + "_" + Digests.sha256Prefix(subject) + "_"
                    + Digests.sha256Prefix(extensions), issuer + "_" + subject + "_" + extensions);
        } catch (Der.Malformed e) {
            return null;
        }
    }

    /** Name ::= SEQUENCE OF RelativeDistinguishedName (SET OF AttributeTypeAndValue {type, value}). */
    private static String nameOids(Slice name) {
        List<String> oids = new ArrayList<>();
        Der rdns = new Der(name);
        while (rdns.hasMore()) {
            Der attributes = new Der(rdns.expect(Der.SET).content());
            while (attributes.hasMore()) {
                oids.add(new Der(attributes.expect(Der.SEQUENCE).content()).expect(Der.OID).content().hex());
            }
        }
        return String.join(",", oids);
    }

    /** Extensions ::= SEQUENCE OF Extension {extnID, critical DEFAULT FALSE, extnValue}. */
    private static String extensionOids(Slice explicit) {
        List<String> oids = new ArrayList<>();
        Der extensions = new Der(new Der(explicit).expect(Der.SEQUENCE).content());
        while (extensions.hasMore()) {
            oids.add(new Der(extensions.expect(Der.SEQUENCE).content()).expect(Der.OID).content().hex());
        }
        return String.join(",", oids);
    }
}
