package org.tlsscope.tls.connection;

import org.tlsscope.tcp.TcpConnection;

/** Gives each connection its {@link RecordDecryptor}: the capture-wide key material's entry point. */
public interface DecryptorFactory {
    RecordDecryptor forConnection(TcpConnection connection);
}
