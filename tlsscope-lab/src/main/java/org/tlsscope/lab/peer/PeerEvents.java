package org.tlsscope.lab.peer;

/** What an endpoint reports about its handshake as it happens: one line per step, for the user to follow. */
@FunctionalInterface
public interface PeerEvents {
    void event(String line);

    PeerEvents NONE = line -> { };
}
