package io.jiasu.localstack;

import de.bwaldvogel.mongo.MongoServer;

/**
 * An in-memory MongoDB stand-in (mongo-java-server's memory backend) speaking the wire protocol on 127.0.0.1.
 * It has single-document atomic updates, findAndModify, unique indexes, aggregation and bulk writes; it has no
 * transactions and no change streams, and everything is lost on close.
 */
public final class MongoStandIn implements AutoCloseable {
    private final MongoServer server;

    private MongoStandIn(MongoServer server) {
        this.server = server;
    }

    /** Starts listening on the port (0 picks a free one). */
    public static MongoStandIn start(int port) {
        MongoServer server = new MongoServer(new IndexedMemoryBackend());
        try {
            server.bind("127.0.0.1", port);
        } catch (Exception e) {
            // bind throws BindException undeclared; without a shutdown its event loop threads keep the JVM alive.
            server.shutdownNow();
            throw new IllegalStateException("MongoDB stand-in could not listen on port " + port, e);
        }
        return new MongoStandIn(server);
    }

    public int port() {
        return server.getLocalAddress().getPort();
    }

    /** {@code mongodb://127.0.0.1:<port>} */
    public String connectionString() {
        return "mongodb://127.0.0.1:" + port();
    }

    /** Closes client connections and stops listening. */
    @Override
    public void close() {
        server.shutdownNow();
    }
}
