package org.tlsscope.tls.handshake;

import org.tlsscope.bytes.FieldReader;
import org.tlsscope.bytes.Slice;
import org.tlsscope.tls.registry.CipherSuite;
import org.tlsscope.tls.registry.KeyExchange;

/**
 * ClientKeyExchange (RFC 5246 section 7.4.7; RFC 8422 section 5.7; RFC 4279; RFC 5054). Like the
 * ServerKeyExchange, its layout follows the negotiated suite's key exchange.
 *
 * @param keyExchange  how the body was read
 * @param pskIdentity  the PSK identity of PSK suites, else null
 * @param exchangeKeys the RSA-encrypted premaster secret, dh_Yc, the EC point or SRP A (the whole body
 *                     when the key exchange is unknown)
 */
public record ClientKeyExchange(KeyExchange keyExchange, Slice pskIdentity, Slice exchangeKeys)
        implements HandshakeMessage {
    @Override
    public int type() {
        return HandshakeType.CLIENT_KEY_EXCHANGE;
    }

    @Override
    public String name() {
        return "client_key_exchange";
    }

    static ClientKeyExchange parse(FieldReader r, DissectionContext ctx) {
        KeyExchange kx = ctx.cipherSuite() < 0 ? KeyExchange.UNKNOWN : CipherSuite.of(ctx.cipherSuite()).keyExchange();
        Slice identity = null;
        Slice keys;
        switch (kx) {
            case RSA, RSA_EXPORT -> keys = ctx.ssl3()
                    // RFC 6101 section 5.6.7.1: SSL 3.0 sends the encrypted premaster without a length.
                    ? r.bytes("encrypted_pre_master_secret", r.remaining(), "RSA-encrypted premaster secret")
                    : r.vector16("encrypted_pre_master_secret", "RSA-encrypted premaster secret");
            case RSA_PSK -> {
                identity = r.vector16("psk_identity", null);
                keys = r.vector16("encrypted_pre_master_secret", "RSA-encrypted premaster secret");
            }
            case DH, DHE, DH_ANON -> keys = r.vector16("dh_Yc", "client Diffie-Hellman public value");
            case ECDH, ECDHE, ECDH_ANON -> keys = r.vector8("ecdh_Yc", "client EC public point");
            case PSK -> {
                identity = r.vector16("psk_identity", null);
                keys = Slice.EMPTY;
            }
            case DHE_PSK -> {
                identity = r.vector16("psk_identity", null);
                keys = r.vector16("dh_Yc", "client Diffie-Hellman public value");
            }
            case ECDHE_PSK -> {
                identity = r.vector16("psk_identity", null);
                keys = r.vector8("ecdh_Yc", "client EC public point");
            }
            case SRP -> keys = r.vector16("srp_A", "client SRP public value");
            default -> keys = r.bytes("exchange_keys", r.remaining(), "key exchange of an unknown kind, kept opaque");
        }
        r.expectEnd("client_key_exchange");
        return new ClientKeyExchange(kx, identity, keys);
    }
}
