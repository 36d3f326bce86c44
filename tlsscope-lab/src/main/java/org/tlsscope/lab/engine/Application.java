package org.tlsscope.lab.engine;

/**
 * What runs over one TLS connection. Every call comes from the loop's thread, so an application needs
 * no locking; it must not block.
 */
public interface Application {
    /** The handshake completed: application data may flow. */
    default void onOpen(TlsChannel channel) {
    }

    /** Decrypted bytes from the peer; {@code data} is the application's to keep. */
    void onData(TlsChannel channel, byte[] data);

    /** The output backlog drained below the low-water mark after {@link TlsChannel#writable()} said no. */
    default void onWritable(TlsChannel channel) {
    }

    /** The peer closed its side (close_notify, or a bare TCP FIN). By default we close ours too. */
    default void onPeerClosed(TlsChannel channel) {
        channel.close();
    }

    /** The connection is gone; {@code reason} is null for a clean close (close_notify both ways). */
    default void onClosed(TlsChannel channel, String reason) {
    }
}
