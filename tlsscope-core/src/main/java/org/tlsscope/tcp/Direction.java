package org.tlsscope.tcp;

/** Which side sent the bytes: the client opened the connection (sent the SYN), the server answered. */
public enum Direction {
    CLIENT_TO_SERVER("client"),
    SERVER_TO_CLIENT("server");

    private final String sender;

    Direction(String sender) {
        this.sender = sender;
    }

    /** "client" or "server": the sending side, as the JSON contract names it. */
    public String sender() {
        return sender;
    }

    public Direction reverse() {
        return this == CLIENT_TO_SERVER ? SERVER_TO_CLIENT : CLIENT_TO_SERVER;
    }
}
