package org.tlsscope.analysis.cert;

import java.util.List;
import java.util.Locale;
import javax.naming.InvalidNameException;
import javax.naming.ldap.LdapName;
import javax.naming.ldap.Rdn;

/**
 * RFC 6125 section 6.4: does a certificate name the server the client asked for (its SNI, a DNS
 * domain name)? The DNS names of subjectAltName are the presented identifiers; the subject's CN counts
 * only when there is no DNS name among them (section 6.4.4).
 */
public final class HostnameMatch {
    private HostnameMatch() {
    }

    /** Whether {@code reference} (the SNI) matches one of the certificate's names. */
    public static boolean matches(String reference, CertificateInfo certificate) {
        return presentedNames(certificate).stream().anyMatch(name -> matches(reference, name));
    }

    /** The DNS names of subjectAltName, else the subject's common names. */
    public static List<String> presentedNames(CertificateInfo certificate) {
        List<String> dns = certificate.dnsNames();
        return dns.isEmpty() ? commonNames(certificate.subject()) : dns;
    }

    /**
     * One presented identifier against the reference: case-insensitive (ASCII, section 6.4.1), and a
     * wildcard only within the left-most label, standing for exactly one label (section 6.4.3), never
     * inside an A-label, nor covering a name of fewer than two labels after it ("*.com").
     */
    public static boolean matches(String reference, String presented) {
        String ref = normalize(reference);
        String pre = normalize(presented);
        if (ref.isEmpty() || pre.isEmpty()) {
            return false;
        }
        int star = pre.indexOf('*');
        if (star < 0) {
            return ref.equals(pre);
        }
        int firstDot = pre.indexOf('.');
        if (firstDot < 0 || star > firstDot || pre.indexOf('*', star + 1) >= 0 || pre.startsWith("xn--")
                || pre.indexOf('.', firstDot + 1) < 0) {
            return false;
        }
        int refDot = ref.indexOf('.');
        if (refDot <= 0 || !ref.substring(refDot).equals(pre.substring(firstDot))) {
            return false;
        }
        String label = ref.substring(0, refDot);
        String prefix = pre.substring(0, star);
        String suffix = pre.substring(star + 1, firstDot);
        return label.length() >= prefix.length() + suffix.length() && label.startsWith(prefix) && label.endsWith(suffix);
    }

    /** Lower case, without the root's trailing dot (RFC 6125 section 6.4.1 compares names in their A-label form). */
    private static String normalize(String name) {
        String n = name.toLowerCase(Locale.ROOT);
        return n.endsWith(".") ? n.substring(0, n.length() - 1) : n;
    }

    private static List<String> commonNames(String rfc4514) {
        try {
            return new LdapName(rfc4514).getRdns().stream().filter(r -> r.getType().equalsIgnoreCase("CN"))
                    .map(Rdn::getValue).map(String::valueOf).toList();
        } catch (InvalidNameException | IllegalArgumentException e) {
            return List.of();
        }
    }
}
