package org.tlsscope.net;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * Where the decoder puts the header spans of one packet as it takes the packet apart: kept for a view
 * that shows them (explain --layers), dropped otherwise, so that the common case costs no list per packet.
 */
final class Layers {
    /** Drops every span. */
    static final Layers NONE = new Layers(null);

    private final List<LayerSpan> spans;

    private Layers(List<LayerSpan> spans) {
        this.spans = spans;
    }

    /** A fresh collector for one packet. */
    static Layers kept() {
        return new Layers(new ArrayList<>(4));
    }

    /**
     * Whether spans are kept: a decoder asks before building one, so that the common case allocates neither the
     * span nor its description's closure, nor checks what only the description says (TCP options).
     */
    boolean wanted() {
        return spans != null;
    }

    void add(LayerSpan span) {
        if (spans != null) {
            spans.add(span);
        }
    }

    /** The spans added, outermost first; empty when dropped. */
    List<LayerSpan> spans() {
        return spans == null ? List.of() : Collections.unmodifiableList(spans);
    }
}
