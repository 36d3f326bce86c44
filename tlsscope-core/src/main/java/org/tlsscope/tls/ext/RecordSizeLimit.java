package org.tlsscope.tls.ext;

import org.tlsscope.bytes.DecodeException;
import org.tlsscope.bytes.FieldReader;

/** record_size_limit (RFC 8449 section 4): {@code uint16 RecordSizeLimit}, at least 64. */
public record RecordSizeLimit(int recordSizeLimit) implements ExtensionBody {
    /** RFC 8449 section 4: "Endpoints MUST NOT send a value smaller than 64." */
    static final int MINIMUM = 64;

    static RecordSizeLimit read(FieldReader r) {
        int at = r.offset();
        int limit = r.u16("record_size_limit", Vectors::bytes);
        if (limit < MINIMUM) {
            // RFC 8449 section 4: "... MUST treat receipt of a smaller value as a fatal error and
            // generate an "illegal_parameter" alert."
            throw DecodeException.illegalParameter(at, "record_size_limit " + limit + " is below " + MINIMUM);
        }
        return new RecordSizeLimit(limit);
    }
}
