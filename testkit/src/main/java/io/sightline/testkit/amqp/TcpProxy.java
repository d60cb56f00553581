package io.sightline.testkit.amqp;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A loopback TCP relay in front of a broker, so a test can cut every open connection at once (a
 * network blip or a broker restart as the client sees it), refuse new ones (the server is down) or silence them (a half-open connection:
 * bytes vanish, nothing is closed) while new connections keep working.
 */
public final class TcpProxy implements AutoCloseable {
    private final ServerSocket server;
    private final String targetHost;
    private final int targetPort;
    private final List<Socket> open = new CopyOnWriteArrayList<>();
    private final Set<Socket> silenced = ConcurrentHashMap.newKeySet();
    private final AtomicInteger accepted = new AtomicInteger();
    private final Thread acceptor;
    private volatile boolean refusing;
    private final java.util.concurrent.atomic.AtomicLong sentUpstream = new java.util.concurrent.atomic.AtomicLong();
    private final java.util.concurrent.atomic.AtomicReference<java.util.function.Consumer<TcpProxy>> pending =
            new java.util.concurrent.atomic.AtomicReference<>();
    private volatile long disruptAt = Long.MAX_VALUE;

    public TcpProxy(String targetHost, int targetPort) throws IOException {
        this.targetHost = targetHost;
        this.targetPort = targetPort;
        this.server = new ServerSocket();
        server.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0));
        this.acceptor = new Thread(this::acceptLoop, "tcp-proxy-" + port());
        acceptor.setDaemon(true);
        acceptor.start();
    }

    public int port() {
        return server.getLocalPort();
    }

    /** Connections accepted so far (a reconnect shows as a second one). */
    public int connectionsAccepted() {
        return accepted.get();
    }

    /** Closes every relayed connection abruptly; the proxy keeps accepting new ones. */
    public void cutConnections() {
        for (Socket s : open) {
            try {
                s.close();
            } catch (IOException ignored) {
                // already gone
            }
        }
        open.clear();
    }

    /** While refusing, a new connection is closed as soon as it is accepted (the server is down). */
    public void refuseNewConnections(boolean refuse) {
        this.refusing = refuse;
    }

    /**
     * Runs {@code disruption} (e.g. {@code TcpProxy::cutConnections}) once, when the clients have sent
     * {@code bytes} through the proxy and before any more is relayed: a disruption in the middle of a
     * transfer, whatever the speed of either side.
     */
    public void disruptAfter(long bytes, java.util.function.Consumer<TcpProxy> disruption) {
        pending.set(disruption);
        disruptAt = sentUpstream.get() + bytes;
    }

    /** From now on the open connections drop every byte both ways, without closing. */
    public void silenceConnections() {
        silenced.addAll(open);
    }

    private void acceptLoop() {
        while (!server.isClosed()) {
            try {
                Socket client = server.accept();
                if (refusing) {
                    client.close();
                    continue;
                }
                Socket upstream = new Socket(targetHost, targetPort);
                accepted.incrementAndGet();
                open.add(client);
                open.add(upstream);
                relay(client, upstream, true);
                relay(upstream, client, false);
            } catch (IOException e) {
                if (server.isClosed()) return;
            }
        }
    }

    private void relay(Socket from, Socket to, boolean upward) {
        Thread t = new Thread(() -> {
            byte[] buffer = new byte[64 * 1024];
            try (InputStream in = from.getInputStream(); OutputStream out = to.getOutputStream()) {
                int n;
                while ((n = in.read(buffer)) >= 0) {
                    if (upward && sentUpstream.addAndGet(n) >= disruptAt) {
                        var disruption = pending.getAndSet(null);
                        if (disruption != null) disruption.accept(this);
                    }
                    if (silenced.contains(from)) continue;
                    out.write(buffer, 0, n);
                    out.flush();
                }
            } catch (IOException ignored) {
                // the other side or a cut ended the relay
            } finally {
                try {
                    from.close();
                    to.close();
                } catch (IOException ignored) {
                    // closing anyway
                }
            }
        }, "tcp-proxy-relay");
        t.setDaemon(true);
        t.start();
    }

    @Override
    public void close() throws IOException {
        server.close();
        cutConnections();
    }
}
