package com.simkiosk.carrier.tmf;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.HttpURLConnection;
import java.net.InetAddress;
import java.net.Proxy;
import java.net.Socket;
import java.net.SocketAddress;
import java.net.URI;
import java.net.URL;
import java.security.Principal;
import java.security.cert.Certificate;
import java.util.Locale;
import javax.net.ssl.HandshakeCompletedListener;
import javax.net.ssl.HostnameVerifier;
import javax.net.ssl.HttpsURLConnection;
import javax.net.ssl.SSLPeerUnverifiedException;
import javax.net.ssl.SSLSession;
import javax.net.ssl.SSLSessionContext;
import javax.net.ssl.SSLSocket;
import javax.net.ssl.SSLSocketFactory;

/**
 * The sockets of {@link HttpClients}' exchanges: every connect, read and write on them from a thread in an exchange
 * goes through its {@link HttpClients.Flight} (the socket it waits on is known to the sweep, which closes it at the
 * deadline or on Cancel; a socket reused from the JDK's keep-alive cache is the new exchange's from its first use).
 *
 * <p>{@code https://}: {@link Tls} makes the plain socket (tracked) and layers the endpoint's TLS on it, as the JDK's
 * own factory would. Plain {@code http://} has no such hook in the JDK ({@code HttpURLConnection} makes its socket with
 * {@code new Socket(Proxy.NO_PROXY)}; only a JVM-wide {@code SocketImplFactory} could change that), so an
 * {@code http://} exchange runs through the JDK's {@code https} connection class with {@link Clear} sockets: no TLS
 * at all, the bytes on the wire are the same plain HTTP/1.1 as before, to the address of the {@code http://} URI,
 * never through a proxy (plain http is to this machine only: {@code CarrierEndpoint}, {@code GbaBootstrap}).
 *
 * <p>The JDK's https connection class takes the JVM-wide default TLS socket factory when each of its objects is made
 * ({@code HttpsURLConnection.getDefaultSSLSocketFactory()} in its field initialiser, JDK 17 and 25), and the first
 * time that sets up the JDK's default TLS context (trust store read, TLS classes loaded: 0.5 s and more in a fresh JVM
 * on a busy machine), even for a plain {@code http://} exchange that replaces the factory at once. So before this
 * class makes its first connection, {@link Deferred} becomes that JVM-wide default: it is the JDK's own default
 * ({@code SSLSocketFactory.getDefault()}, which is what the JDK would have put there), set up on its first real use
 * instead of when a connection object is made. Any other user of the JDK's https connections in the JVM sees the
 * same factory behaviour; a default set later by anyone replaces it as before. The JDK offers no way to see whether a
 * default was set earlier without setting one up (its getter does exactly that); nothing in the kiosk sets one (its
 * code and libraries checked, 2026-12-01), and this class is first used when the first carrier client calls.
 */
final class FlightSockets {
    static {
        Deferred.install();
    }

    private FlightSockets() {}

    /** A connection for an {@code https://} URI whose sockets come from {@code tls} (a {@link Tls}). */
    static HttpURLConnection https(URI uri, SSLSocketFactory tls) throws IOException {
        HttpsURLConnection c = (HttpsURLConnection) uri.toURL().openConnection();
        c.setSSLSocketFactory(tls);
        return c;
    }

    /** A connection for a plain {@code http://} URI: clear text, on a {@link Clear} socket, never proxied. */
    static HttpURLConnection http(URI uri) throws IOException {
        URL plain = uri.toURL();
        int port = plain.getPort() < 0 ? plain.getDefaultPort() : plain.getPort();
        @SuppressWarnings("deprecation") // URL(String, String, int, String): the JDK 17 way, no URI round trip
        URL viaClear = new URL("https", plain.getHost(), port, plain.getFile());
        HttpsURLConnection c = (HttpsURLConnection) viaClear.openConnection(Proxy.NO_PROXY);
        c.setSSLSocketFactory(Clear.SOCKETS);
        c.setHostnameVerifier(Clear.VERIFIER);
        return c;
    }

    /** Runs one socket operation: through the caller's exchange, if it is in one. */
    private static int track(Socket socket, boolean read, HttpClients.Flight.Io op) throws IOException {
        HttpClients.Flight flight = HttpClients.Flight.current();
        return flight == null ? op.run() : flight.io(socket, read, op);
    }

    /** A socket's own connect. */
    private interface Connect {
        void run() throws IOException;
    }

    /** Runs {@code socket}'s connect through the caller's exchange. */
    private static void tracked(Socket socket, Connect connect) throws IOException {
        track(socket, false, () -> {
            connect.run();
            return 0;
        });
    }

    /** A socket's input, every read reported to the exchange. */
    private static final class In extends InputStream {
        private final Socket socket;
        private final InputStream in;

        In(Socket socket, InputStream in) {
            this.socket = socket;
            this.in = in;
        }

        @Override
        public int read() throws IOException {
            return track(socket, true, in::read);
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
            return track(socket, true, () -> in.read(b, off, len));
        }

        @Override
        public int available() throws IOException {
            return in.available();
        }

        @Override
        public void close() throws IOException {
            in.close();
        }
    }

    /** A socket's output, every write reported to the exchange. */
    private static final class Out extends OutputStream {
        private final Socket socket;
        private final OutputStream out;

        Out(Socket socket, OutputStream out) {
            this.socket = socket;
            this.out = out;
        }

        @Override
        public void write(int b) throws IOException {
            track(socket, false, () -> {
                out.write(b);
                return 1;
            });
        }

        @Override
        public void write(byte[] b, int off, int len) throws IOException {
            track(socket, false, () -> {
                out.write(b, off, len);
                return len;
            });
        }

        @Override
        public void flush() throws IOException {
            out.flush();
        }

        @Override
        public void close() throws IOException {
            out.close();
        }
    }

    /** A plain TCP socket whose connect, reads and writes are reported to the exchange (TLS is layered on it). */
    private static final class Tracked extends Socket {
        Tracked() {
            super(Proxy.NO_PROXY); // as the JDK's own HTTP client makes its sockets
        }

        @Override
        public void connect(SocketAddress to, int ms) throws IOException {
            tracked(this, () -> super.connect(to, ms));
        }

        @Override
        public InputStream getInputStream() throws IOException {
            return new In(this, super.getInputStream());
        }

        @Override
        public OutputStream getOutputStream() throws IOException {
            return new Out(this, super.getOutputStream());
        }
    }

    /**
     * TLS on {@link Tracked} sockets. Built once per carrier client ({@link HttpClients.Settings}): the JDK reuses a
     * kept-alive TLS connection only for the very same socket factory object.
     */
    static final class Tls extends Delegating {
        private final SSLSocketFactory tls;

        Tls(SSLSocketFactory tls) {
            this.tls = tls;
        }

        @Override
        SSLSocketFactory tls() {
            return tls;
        }

        @Override
        public Socket createSocket() {
            return new Tracked(); // unconnected; the JDK connects it, then layers TLS (through tls(), Delegating)
        }

        @Override
        public String toString() {
            return "FlightSockets.Tls[" + tls.getClass().getSimpleName().toLowerCase(Locale.ROOT) + "]";
        }
    }

    /** A TLS socket factory that hands every socket it makes to another one, {@link #tls()}. */
    private abstract static class Delegating extends SSLSocketFactory {
        abstract SSLSocketFactory tls();

        @Override
        public Socket createSocket() throws IOException {
            return tls().createSocket();
        }

        @Override
        public Socket createSocket(Socket s, String host, int port, boolean autoClose) throws IOException {
            return tls().createSocket(s, host, port, autoClose);
        }

        @Override
        public Socket createSocket(Socket s, InputStream consumed, boolean autoClose) throws IOException {
            return tls().createSocket(s, consumed, autoClose);
        }

        @Override
        public Socket createSocket(String host, int port) throws IOException {
            return tls().createSocket(host, port);
        }

        @Override
        public Socket createSocket(String host, int port, InetAddress localHost, int localPort) throws IOException {
            return tls().createSocket(host, port, localHost, localPort);
        }

        @Override
        public Socket createSocket(InetAddress host, int port) throws IOException {
            return tls().createSocket(host, port);
        }

        @Override
        public Socket createSocket(InetAddress address, int port, InetAddress localAddress, int localPort) throws IOException {
            return tls().createSocket(address, port, localAddress, localPort);
        }

        @Override
        public String[] getDefaultCipherSuites() {
            return tls().getDefaultCipherSuites();
        }

        @Override
        public String[] getSupportedCipherSuites() {
            return tls().getSupportedCipherSuites();
        }
    }

    /**
     * A plain TCP socket that the JDK's https connection takes for one that has done its TLS handshake: its
     * "handshake" does nothing and its bytes go out as they are (plain HTTP/1.1). Only {@link #http(URI)} uses it,
     * with its own verifier that accepts nothing but this socket's {@link #SESSION}.
     */
    static final class Clear extends SSLSocket {
        static final SSLSocketFactory SOCKETS = new ClearFactory();
        static final SSLSession SESSION = new ClearSession();
        static final HostnameVerifier VERIFIER = (host, session) -> session == SESSION;
        private static final String[] NONE = new String[0];

        // Every connect, read and write reported to the caller's exchange (as in Tracked):
        @Override public void connect(SocketAddress to, int ms) throws IOException { tracked(this, () -> super.connect(to, ms)); }
        @Override public InputStream getInputStream() throws IOException { return new In(this, super.getInputStream()); }
        @Override public OutputStream getOutputStream() throws IOException { return new Out(this, super.getOutputStream()); }

        @Override
        public void startHandshake() {
            // clear text: nothing to agree on
        }

        @Override
        public SSLSession getSession() {
            return SESSION;
        }

        // The rest of a TLS socket's settings: clear text has no cipher suites, protocols, handshake or certificates.
        @Override public String[] getSupportedCipherSuites() { return NONE; }
        @Override public String[] getEnabledCipherSuites() { return NONE; }
        @Override public void setEnabledCipherSuites(String[] suites) { }
        @Override public String[] getSupportedProtocols() { return NONE; }
        @Override public String[] getEnabledProtocols() { return NONE; }
        @Override public void setEnabledProtocols(String[] protocols) { }
        @Override public void addHandshakeCompletedListener(HandshakeCompletedListener listener) { }
        @Override public void removeHandshakeCompletedListener(HandshakeCompletedListener listener) { }
        @Override public void setUseClientMode(boolean mode) { }
        @Override public boolean getUseClientMode() { return true; }
        @Override public void setNeedClientAuth(boolean need) { }
        @Override public boolean getNeedClientAuth() { return false; }
        @Override public void setWantClientAuth(boolean want) { }
        @Override public boolean getWantClientAuth() { return false; }
        @Override public void setEnableSessionCreation(boolean flag) { }
        @Override public boolean getEnableSessionCreation() { return false; }
    }

    /**
     * The JDK's default TLS socket factory ({@code SSLSocketFactory.getDefault()}), looked up on first use: installed
     * as the JVM-wide default of the JDK's https connections (see the class comment), so making such a connection no
     * longer sets up the JDK's default TLS context; only a connection that uses the default factory does.
     */
    static final class Deferred extends Delegating {
        private volatile SSLSocketFactory tls;

        /** Installs one as the JVM-wide default; refused (a security manager): the JDK's own default stays. */
        static void install() {
            try {
                HttpsURLConnection.setDefaultSSLSocketFactory(new Deferred());
            } catch (SecurityException refused) {
                // the JDK's default then sets up TLS with the first https connection object, as before
            }
        }

        /** The JDK's default factory: the same object for every use (the JDK keys kept-alive connections on it). */
        @Override
        SSLSocketFactory tls() {
            SSLSocketFactory f = tls;
            if (f == null) {
                synchronized (this) {
                    f = tls;
                    if (f == null) {
                        f = (SSLSocketFactory) SSLSocketFactory.getDefault();
                        tls = f;
                    }
                }
            }
            return f;
        }

        @Override
        public String toString() {
            return tls == null ? "FlightSockets.Deferred[not yet set up]" : "FlightSockets.Deferred[" + tls + "]";
        }
    }

    /** Makes {@link Clear} sockets, unconnected (the JDK connects them); nothing else. */
    private static final class ClearFactory extends SSLSocketFactory {
        @Override
        public Socket createSocket() {
            return new Clear();
        }

        // The JDK's https connection only asks for an unconnected socket and connects it itself (through Clear.connect,
        // so the exchange sees it); a socket connected here, or layered on another, would bypass that.
        @Override public Socket createSocket(Socket s, String host, int port, boolean autoClose) { throw notHere(); }
        @Override public Socket createSocket(String host, int port) { throw notHere(); }
        @Override public Socket createSocket(String host, int port, InetAddress local, int localPort) { throw notHere(); }
        @Override public Socket createSocket(InetAddress host, int port) { throw notHere(); }
        @Override public Socket createSocket(InetAddress host, int port, InetAddress local, int localPort) { throw notHere(); }

        private static UnsupportedOperationException notHere() {
            return new UnsupportedOperationException("clear sockets are made unconnected and connected by the JDK");
        }

        @Override
        public String[] getDefaultCipherSuites() {
            return Clear.NONE;
        }

        @Override
        public String[] getSupportedCipherSuites() {
            return Clear.NONE;
        }
    }

    /** The "session" of a {@link Clear} socket: no peer identity, no keys. */
    private static final class ClearSession implements SSLSession {
        @Override public byte[] getId() { return new byte[0]; }
        @Override public SSLSessionContext getSessionContext() { return null; }
        @Override public long getCreationTime() { return 0; }
        @Override public long getLastAccessedTime() { return 0; }
        @Override public void invalidate() { }
        @Override public boolean isValid() { return false; }
        @Override public void putValue(String name, Object value) { }
        @Override public Object getValue(String name) { return null; }
        @Override public void removeValue(String name) { }
        @Override public String[] getValueNames() { return Clear.NONE; }
        @Override public Certificate[] getLocalCertificates() { return null; }
        @Override public Principal getLocalPrincipal() { return null; }
        @Override public String getCipherSuite() { return "SSL_NULL_WITH_NULL_NULL"; }
        @Override public String getProtocol() { return "NONE"; }
        @Override public String getPeerHost() { return null; }
        @Override public int getPeerPort() { return -1; }
        @Override public int getPacketBufferSize() { return 16_384; }
        @Override public int getApplicationBufferSize() { return 16_384; }

        @Override
        public Certificate[] getPeerCertificates() throws SSLPeerUnverifiedException {
            throw new SSLPeerUnverifiedException("clear text: the peer is not identified");
        }

        @Override
        public Principal getPeerPrincipal() throws SSLPeerUnverifiedException {
            throw new SSLPeerUnverifiedException("clear text: the peer is not identified");
        }
    }
}
