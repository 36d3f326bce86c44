package org.tlsscope.analysis.cert;

import java.security.PublicKey;
import java.security.interfaces.DSAPublicKey;
import java.security.interfaces.RSAPublicKey;
import org.bouncycastle.asn1.ASN1ObjectIdentifier;
import org.bouncycastle.asn1.sec.SECNamedCurves;
import org.bouncycastle.asn1.x509.SubjectPublicKeyInfo;
import org.bouncycastle.asn1.x9.ECNamedCurveTable;
import org.bouncycastle.asn1.x9.X962Parameters;
import org.bouncycastle.asn1.x9.X9ECParameters;

/**
 * A certificate's public key as type, size and curve, read from its SubjectPublicKeyInfo (RFC 5280
 * section 4.1.2.7). RSA and DSA sizes come from the JDK's keys. EC parameters are read with Bouncy
 * Castle's ASN.1 classes: the JDK has no public way to name a curve, and it no longer decodes keys on
 * curves it dropped (secp256k1, brainpool) or with explicit parameters at all.
 */
final class PublicKeys {
    private PublicKeys() {
    }

    /** The key's description; throws IllegalArgumentException when its SubjectPublicKeyInfo does not parse. */
    static CertificateInfo.PublicKeyInfo describe(PublicKey key) {
        SubjectPublicKeyInfo spki = SubjectPublicKeyInfo.getInstance(key.getEncoded());
        String type = Oids.key(spki.getAlgorithm().getAlgorithm().getId());
        return switch (type) {
            case "EC" -> ec(X962Parameters.getInstance(spki.getAlgorithm().getParameters()));
            case "RSA", "RSA-PSS" -> new CertificateInfo.PublicKeyInfo(type,
                    key instanceof RSAPublicKey rsa ? rsa.getModulus().bitLength() : 0, null);
            case "DSA" -> new CertificateInfo.PublicKeyInfo(type,
                    key instanceof DSAPublicKey dsa && dsa.getParams() != null ? dsa.getParams().getP().bitLength() : 0, null);
            // RFC 8410 section 3: the curve is in the algorithm; 255/448-bit fields.
            case "Ed25519", "X25519" -> new CertificateInfo.PublicKeyInfo(type, 256, null);
            case "Ed448", "X448" -> new CertificateInfo.PublicKeyInfo(type, 456, null);
            default -> new CertificateInfo.PublicKeyInfo(type, 0, null);
        };
    }

    /** RFC 5480 section 2.1.1: a namedCurve OID, or (deprecated) explicit specifiedCurve parameters. */
    private static CertificateInfo.PublicKeyInfo ec(X962Parameters params) {
        if (params.isNamedCurve()) {
            ASN1ObjectIdentifier oid = ASN1ObjectIdentifier.getInstance(params.getParameters());
            X9ECParameters curve = ECNamedCurveTable.getByOID(oid);
            String name = SECNamedCurves.getName(oid) != null ? SECNamedCurves.getName(oid) : ECNamedCurveTable.getName(oid);
            return new CertificateInfo.PublicKeyInfo("EC", curve == null ? 0 : curve.getCurve().getFieldSize(),
                    name != null ? name : oid.getId());
        }
        if (params.isImplicitlyCA()) {
            return new CertificateInfo.PublicKeyInfo("EC", 0, null);
        }
        return new CertificateInfo.PublicKeyInfo("EC", X9ECParameters.getInstance(params.getParameters()).getCurve().getFieldSize(), null);
    }
}
