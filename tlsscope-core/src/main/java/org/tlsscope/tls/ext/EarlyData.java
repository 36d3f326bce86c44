package org.tlsscope.tls.ext;

import org.tlsscope.bytes.FieldReader;

/**
 * early_data (RFC 8446 section 4.2.10): empty in a ClientHello and EncryptedExtensions; in a
 * NewSessionTicket, the most 0-RTT data the server will accept with that ticket.
 */
public sealed interface EarlyData extends ExtensionBody {

    /** ClientHello (0-RTT offered) and EncryptedExtensions (0-RTT accepted): empty. */
    record Indication() implements EarlyData {
    }

    /** NewSessionTicket: {@code uint32 max_early_data_size}. */
    record MaxEarlyDataSize(long maxEarlyDataSize) implements EarlyData {
    }

    static EarlyData read(FieldReader r, MessageContext context) {
        if (context.is(MessageContext.NEW_SESSION_TICKET)) {
            return new MaxEarlyDataSize(r.u32("max_early_data_size", null));
        }
        return new Indication();
    }
}
