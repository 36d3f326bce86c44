package org.tlsscope.tls.handshake;

import org.tlsscope.bytes.FieldReader;
import org.tlsscope.bytes.Slice;
import org.tlsscope.tls.registry.CipherSuite;
import org.tlsscope.tls.registry.KeyExchange;
import org.tlsscope.tls.registry.Registries;

/**
 * ServerKeyExchange (RFC 5246 section 7.4.3; ECDH forms RFC 8422 section 5.4; PSK forms RFC 4279 and
 * RFC 5489; SRP RFC 5054 section 2.8.1). Its layout is not self-describing: it follows the key exchange
 * of the suite the ServerHello selected. Fields a form lacks are null.
 *
 * @param keyExchange        the key exchange the parameters were read as (UNKNOWN: left opaque)
 * @param pskIdentityHint    PSK suites' identity hint
 * @param dhP                DH prime (or SRP N), for finite-field forms
 * @param dhG                DH generator (or SRP g)
 * @param curveType          ECParameters curve_type (3 = named_curve), or -1
 * @param namedCurve         the named group for named_curve, or -1
 * @param publicValue        the server's public value: dh_Ys, the EC point, SRP B, or the RSA export modulus
 * @param signatureAlgorithm TLS 1.2 SignatureAndHashAlgorithm, or -1 (older versions, or unsigned forms)
 * @param signature          the signature over the params, or null for unsigned forms (anon, PSK)
 * @param opaqueParams       the whole body when the key exchange is unknown
 */
public record ServerKeyExchange(KeyExchange keyExchange, Slice pskIdentityHint, Slice dhP, Slice dhG, int curveType,
                                int namedCurve, Slice publicValue, int signatureAlgorithm, Slice signature,
                                Slice opaqueParams) implements HandshakeMessage {
    @Override
    public int type() {
        return HandshakeType.SERVER_KEY_EXCHANGE;
    }

    @Override
    public String name() {
        return "server_key_exchange";
    }

    /** Size of the DH prime in bits (leading zero bytes ignored), or 0. */
    public int dhPrimeBits() {
        if (dhP == null) {
            return 0;
        }
        int i = 0;
        while (i < dhP.length() && dhP.u8(i) == 0) {
            i++;
        }
        return i == dhP.length() ? 0 : (dhP.length() - i - 1) * 8 + (32 - Integer.numberOfLeadingZeros(dhP.u8(i)));
    }

    static ServerKeyExchange parse(FieldReader r, DissectionContext ctx) {
        KeyExchange kx = ctx.cipherSuite() < 0 ? KeyExchange.UNKNOWN : CipherSuite.of(ctx.cipherSuite()).keyExchange();
        Slice hint = null;
        Slice p = null;
        Slice g = null;
        int curveType = -1;
        int curve = -1;
        Slice pub = null;
        switch (kx) {
            case DH, DHE, DH_ANON -> {
                p = r.vector16("dh_p", null);
                g = r.vector16("dh_g", null);
                pub = r.vector16("dh_Ys", null);
            }
            case ECDH, ECDHE, ECDH_ANON -> {
                curveType = r.u8("curve_type", Registries.EC_CURVE_TYPES.namer());
                if (curveType == 3) {
                    curve = r.u16("namedcurve", Registries.NAMED_GROUPS.namer());
                    pub = r.vector8("point", null);
                }
            }
            case RSA, RSA_EXPORT -> {
                // RFC 2246 section 7.4.3: export suites send a temporary RSA key when the certificate's is too long.
                pub = r.vector16("rsa_modulus", null);
                g = r.vector16("rsa_exponent", null);
            }
            case PSK, RSA_PSK -> hint = r.vector16("psk_identity_hint", null);
            case DHE_PSK -> {
                hint = r.vector16("psk_identity_hint", null);
                p = r.vector16("dh_p", null);
                g = r.vector16("dh_g", null);
                pub = r.vector16("dh_Ys", null);
            }
            case ECDHE_PSK -> {
                hint = r.vector16("psk_identity_hint", null);
                curveType = r.u8("curve_type", Registries.EC_CURVE_TYPES.namer());
                if (curveType == 3) {
                    curve = r.u16("namedcurve", Registries.NAMED_GROUPS.namer());
                    pub = r.vector8("point", null);
                }
            }
            case SRP -> {
                p = r.vector16("srp_N", null);
                g = r.vector16("srp_g", null);
                r.vector8("srp_s", null);
                pub = r.vector16("srp_B", null);
            }
            default -> {
                Slice body = r.bytes("params", r.remaining(), "parameters of an unknown key exchange, kept opaque");
                return new ServerKeyExchange(kx, null, null, null, -1, -1, null, -1, null, body);
            }
        }
        if (curveType >= 0 && curveType != 3) {
            // explicit_prime / explicit_char2 curves (deprecated by RFC 8422): kept whole, not decoded.
            r.bytes("explicit_curve_params", r.remaining(), "explicit curve parameters (deprecated, RFC 8422)");
            return new ServerKeyExchange(kx, hint, null, null, curveType, -1, null, -1, null, null);
        }
        int algorithm = -1;
        Slice signature = null;
        // Signed forms end with the signature; anonymous and PSK forms end here (RFC 5246 section 7.4.3).
        if (r.hasRemaining()) {
            algorithm = ctx.hasSignatureAlgorithms() ? r.u16("algorithm", Registries.SIGNATURE_SCHEMES.namer()) : -1;
            signature = r.vector16("signature", null);
        }
        r.expectEnd("server_key_exchange");
        return new ServerKeyExchange(kx, hint, p, g, curveType, curve, pub, algorithm, signature, null);
    }
}
