package org.tlsscope.analysis.cert;

import java.security.GeneralSecurityException;
import java.security.SignatureException;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.tlsscope.analysis.ByteKey;
import org.tlsscope.analysis.Memo;
import org.tlsscope.bytes.Slice;
import org.tlsscope.tls.connection.ConnectionReport;

/**
 * The server's certificate chain checked as a chain: each certificate issued and signed by the next
 * (RFC 5246 section 7.4.2, RFC 8446 section 4.4.2), a self-signed leaf or root, validity at the time the
 * chain was captured (RFC 5280 section 4.1.2.5), and the SNI among the leaf's names (RFC 6125).
 * Nothing here trusts or distrusts a root: tlsscope has no trust store, it reports what the bytes say.
 *
 * @param certificates     the chain as sent, leaf first
 * @param at               when the chain was captured, or null when unknown
 * @param sni              the name the client asked for, or null
 * @param links            certificate i against certificate i + 1, for each i but the last
 * @param misplaced        positions of certificates whose issuer is elsewhere in the chain than just after them,
 *                         and of self-signed ones before the end
 * @param selfSigned       for each position, whether that certificate is self-signed (its own issuer, and
 *                         its signature verifies with its own key or cannot be checked)
 * @param lastSelfSignature whether the last certificate's own signature verified, when it is self-signed
 * @param sniMatches       whether the SNI is among the leaf's names; null without an SNI or a readable leaf
 */
public record ChainCheck(List<ParsedCertificate> certificates, Instant at, String sni, List<Link> links,
                         List<Integer> misplaced, List<Boolean> selfSigned, Signature lastSelfSignature,
                         Boolean sniMatches) {

    /** A signature check: made and good, made and bad, or not possible (unreadable, unsupported algorithm). */
    public enum Signature { VERIFIED, FAILED, NOT_CHECKED }

    /**
     * Certificate {@code index} against the next one.
     *
     * @param namesMatch whether its issuer is the next one's subject
     * @param signature  its signature checked with the next one's public key
     */
    public record Link(int index, boolean namesMatch, Signature signature) {
        /** Not issued by the next certificate: other names, or a signature the next one's key rejects. */
        public boolean broken() {
            return !namesMatch || signature == Signature.FAILED;
        }
    }

    public ChainCheck {
        certificates = List.copyOf(certificates);
        links = List.copyOf(links);
        misplaced = List.copyOf(misplaced);
        selfSigned = List.copyOf(selfSigned);
    }

    /** The connection's server chain checked, at the time its Certificate message was captured. */
    public static ChainCheck of(ConnectionReport report) {
        if (report.serverCertificates().isEmpty()) {
            return check(List.of(), null, report.sni());
        }
        List<ByteKey> chain = new ArrayList<>(report.serverCertificates().size());
        for (Slice der : report.serverCertificates()) {
            chain.add(new ByteKey(der.toArray()));
        }
        // A server shows every client the same chain: it is checked once per name asked for, then dated.
        ChainCheck undated = CHECKED.get(new Presented(chain, report.sni()), p -> check(
                p.chain().stream().map(CertificateParser::parse).toList(), null, p.sni()));
        return undated.at(Instant.ofEpochSecond(0, report.certificateTimeNanos()));
    }

    /** The same checks, judged at {@code time} (validity is the only one that depends on it). */
    public ChainCheck at(Instant time) {
        return new ChainCheck(certificates, time, sni, links, misplaced, selfSigned, lastSelfSignature, sniMatches);
    }

    /** A chain as sent and the name the client asked for: what the checks other than validity depend on. */
    private record Presented(List<ByteKey> chain, String sni) {
        // Written out: every connection looks its chain up by this key, and a record's generated equals and
        // hashCode go through method handles that cost more to run, and to compile, than these lines.
        @Override
        public int hashCode() {
            return chain.hashCode() * 31 + (sni == null ? 0 : sni.hashCode());
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof Presented p && p.chain.equals(chain) && Objects.equals(p.sni, sni);
        }
    }

    private static final Memo<Presented, ChainCheck> CHECKED = new Memo<>(1024);

    /** A chain (leaf first) checked at {@code at} (null: validity not judged) against {@code sni} (or null). */
    public static ChainCheck check(List<ParsedCertificate> chain, Instant at, String sni) {
        int n = chain.size();
        List<Link> links = new ArrayList<>();
        for (int i = 0; i + 1 < n; i++) {
            links.add(new Link(i, issuedBy(chain.get(i), chain.get(i + 1)), verify(chain.get(i), chain.get(i + 1))));
        }
        List<Boolean> selfSigned = new ArrayList<>();
        for (ParsedCertificate c : chain) {
            selfSigned.add(issuedBy(c, c) && verify(c, c) != Signature.FAILED);
        }
        List<Integer> misplaced = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            // A root, self-signed, belongs last; any other certificate just before its issuer when that is sent.
            int issuer = issuerPosition(chain, i);
            if (selfSigned.get(i) ? i != n - 1 : issuer >= 0 && issuer != i + 1) {
                misplaced.add(i);
            }
        }
        Signature lastSelf = n > 0 && selfSigned.get(n - 1) ? verify(chain.get(n - 1), chain.get(n - 1)) : Signature.NOT_CHECKED;
        Boolean sniMatches = sni == null || n == 0 || !(chain.getFirst() instanceof ParsedCertificate.Readable leaf)
                ? null : HostnameMatch.matches(sni, leaf.info());
        return new ChainCheck(chain, at, sni, links, misplaced, selfSigned, lastSelf, sniMatches);
    }

    /** Every certificate's issuer comes right after it (or it is the self-signed last one). */
    public boolean ordered() {
        return misplaced.isEmpty();
    }

    /**
     * Every link's signature, and a self-signed last certificate's own, was checked and verified; false when
     * there was nothing to check (a lone certificate whose issuer was not sent).
     */
    public boolean signaturesVerified() {
        return (!links.isEmpty() || selfSignedRoot()) && links.stream().allMatch(l -> l.signature() == Signature.VERIFIED)
                && (selfSigned.isEmpty() || !selfSigned.getLast() || lastSelfSignature == Signature.VERIFIED);
    }

    public boolean selfSignedLeaf() {
        return !selfSigned.isEmpty() && selfSigned.getFirst();
    }

    /** The chain ends in a self-signed certificate (a root; for a chain of one, the leaf itself). */
    public boolean selfSignedRoot() {
        return !selfSigned.isEmpty() && selfSigned.getLast();
    }

    /** Every readable certificate was within its validity period at capture time; true when that time is unknown. */
    public boolean validAtCapture() {
        return certificates.stream().allMatch(c -> !(c instanceof ParsedCertificate.Readable r) || validAt(r.info(), at));
    }

    /** RFC 5280 section 4.1.2.5: valid from notBefore to notAfter, both inclusive. */
    public static boolean validAt(CertificateInfo info, Instant at) {
        return at == null || !at.isBefore(info.notBefore()) && !at.isAfter(info.notAfter());
    }

    /** The position of certificate i's issuer elsewhere in the chain, or -1: names first, then the signature. */
    private static int issuerPosition(List<ParsedCertificate> chain, int i) {
        for (int j = 0; j < chain.size(); j++) {
            if (j != i && issuedBy(chain.get(i), chain.get(j)) && verify(chain.get(i), chain.get(j)) != Signature.FAILED) {
                return j;
            }
        }
        return -1;
    }

    private static boolean issuedBy(ParsedCertificate subject, ParsedCertificate issuer) {
        return subject instanceof ParsedCertificate.Readable s && issuer instanceof ParsedCertificate.Readable i
                && s.x509().getIssuerX500Principal().equals(i.x509().getSubjectX500Principal());
    }

    /**
     * {@code subject}'s signature checked with {@code issuer}'s key. Only a signature the key rejects is
     * FAILED; a key or algorithm the JDK cannot use (a curve it dropped, an unknown OID) leaves it NOT_CHECKED.
     */
    static Signature verify(ParsedCertificate subject, ParsedCertificate issuer) {
        if (!(subject instanceof ParsedCertificate.Readable s) || !(issuer instanceof ParsedCertificate.Readable i)) {
            return Signature.NOT_CHECKED;
        }
        return VERIFIED.get(new Pair(s.sha256(), i.sha256()), p -> check(s, i));
    }

    /** A subject and its would-be issuer, by the SHA-256 of their DER. */
    private record Pair(String subject, String issuer) {
    }

    private static final Memo<Pair, Signature> VERIFIED = new Memo<>(1024);

    private static Signature check(ParsedCertificate.Readable s, ParsedCertificate.Readable i) {
        X509Certificate cert = s.x509();
        try {
            cert.verify(i.x509().getPublicKey());
            return Signature.VERIFIED;
        } catch (SignatureException e) {
            return Signature.FAILED;
        } catch (GeneralSecurityException | RuntimeException e) {
            return Signature.NOT_CHECKED;
        }
    }
}
