package io.jiasu;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;

/**
 * A loopback TCP forwarder in front of a dependency, which a test can cut (open connections drop, new ones are
 * refused, as when a database host falls off the network) and restore on the same port.
 */
public final class TcpProxy implements AutoCloseable {
    private static final int BIND_ATTEMPTS = 50;

    private volatile int targetPort;
    private final int port;
    private final Set<Socket> open = ConcurrentHashMap.newKeySet();
    private final Object flow = new Object();
    private volatile ServerSocket listener;
    private volatile boolean stalled;

    public TcpProxy(int targetPort) {
        this.targetPort = targetPort;
        this.port = RedisProcess.freePort();
        restore();
    }

    public int port() {
        return port;
    }

    /** Drops every connection and refuses new ones until {@link #restore}. */
    public synchronized void cut() {
        closeQuietly(listener);
        open.forEach(TcpProxy::closeQuietly);
        open.clear();
    }

    /**
     * Keeps every connection open but passes no byte either way, and takes new connections without passing theirs:
     * what a client sees of a server that was stopped (SIGSTOP) or hangs. {@link #resume} lets the bytes flow again.
     */
    public void stall() {
        stalled = true;
    }

    public void resume() {
        synchronized (flow) {
            stalled = false;
            flow.notifyAll();
        }
    }

    /**
     * Drops every connection and sends new ones to another server on the same port the app knows: a database
     * restored into a fresh cluster behind the same address.
     */
    public synchronized void redirect(int newTargetPort) {
        cut();
        targetPort = newTargetPort;
        restore();
    }

    public synchronized void restore() {
        ServerSocket socket = bind();
        listener = socket;
        Thread acceptor = new Thread(() -> accept(socket), "proxy-accept-" + port);
        acceptor.setDaemon(true);
        acceptor.start();
    }

    /** Listens on the proxy's port again; a port just closed may take a moment to be free. */
    private ServerSocket bind() {
        for (int attempt = 1; ; attempt++) {
            try {
                ServerSocket socket = new ServerSocket();
                socket.setReuseAddress(true);
                socket.bind(new java.net.InetSocketAddress(InetAddress.getLoopbackAddress(), port));
                return socket;
            } catch (IOException e) {
                if (attempt == BIND_ATTEMPTS) {
                    throw new IllegalStateException("cannot listen on " + port, e);
                }
                LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(100));
            }
        }
    }

    @Override
    public void close() {
        cut();
    }

    private void accept(ServerSocket socket) {
        while (!socket.isClosed()) {
            try {
                Socket client = socket.accept();
                Socket target = new Socket(InetAddress.getLoopbackAddress(), targetPort);
                client.setTcpNoDelay(true);
                target.setTcpNoDelay(true);
                open.add(client);
                open.add(target);
                pump(client, target);
                pump(target, client);
            } catch (IOException closed) {
                return;
            }
        }
    }

    private void pump(Socket from, Socket to) {
        Thread thread = new Thread(
                () -> {
                    byte[] buffer = new byte[16 * 1024];
                    try (InputStream in = from.getInputStream();
                            OutputStream out = to.getOutputStream()) {
                        for (int n = in.read(buffer); n >= 0; n = in.read(buffer)) {
                            awaitFlowing();
                            out.write(buffer, 0, n);
                            out.flush();
                        }
                    } catch (IOException ignored) {
                        // one side went away; close both below
                    } finally {
                        closeQuietly(from);
                        closeQuietly(to);
                        open.remove(from);
                        open.remove(to);
                    }
                },
                "proxy-pump-" + port);
        thread.setDaemon(true);
        thread.start();
    }

    private void awaitFlowing() {
        synchronized (flow) {
            while (stalled) {
                try {
                    flow.wait();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return;
                }
            }
        }
    }

    private static void closeQuietly(AutoCloseable closeable) {
        try {
            if (closeable != null) {
                closeable.close();
            }
        } catch (Exception ignored) {
            // already closed
        }
    }
}
