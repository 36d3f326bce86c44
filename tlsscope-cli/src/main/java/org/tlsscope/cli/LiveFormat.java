package org.tlsscope.cli;

import java.io.PrintWriter;
import org.tlsscope.ja4plus.Ja4Plus;
import org.tlsscope.tls.connection.TlsListener;
import org.tlsscope.view.JsonView;
import org.tlsscope.view.SummaryView;
import org.tlsscope.view.TextView;

/** The views of a live input (a capture tool's pipe, the proxy's connections), each printed as it happens. */
enum LiveFormat {
    /** Each record's line as it arrives, prefixed by its connection number; the summary when it ends. */
    text,
    /** JSON Lines, one object per record, finding and connection. */
    json,
    /** One tab-separated row per connection as it ends. */
    summary;

    TlsListener view(PrintWriter out) {
        return switch (this) {
            case text -> new TextView(out, Ja4Plus.fingerprinters(), true);
            case json -> new JsonView(out, Ja4Plus.fingerprinters());
            case summary -> new SummaryView(out, true, Ja4Plus.fingerprinters());
        };
    }
}
