package org.tlsscope.lab.record;

/**
 * The link layer a recording is written with (the pcap LINKTYPE_ registry). The post's capture was taken
 * on the loopback interface, hence NULL by default.
 */
public enum LinkType {
    /** LINKTYPE_NULL (0): a 4-byte protocol family in the writer's byte order; 2 = AF_INET, 24 = AF_INET6. */
    NULL(0, 4),
    /** LINKTYPE_ETHERNET (1): a 14-byte Ethernet II header with locally administered addresses. */
    ETHERNET(1, 14);

    private final int code;
    private final int headerLength;

    LinkType(int code, int headerLength) {
        this.code = code;
        this.headerLength = headerLength;
    }

    public int code() {
        return code;
    }

    public int headerLength() {
        return headerLength;
    }
}
