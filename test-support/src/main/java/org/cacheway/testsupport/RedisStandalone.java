package org.cacheway.testsupport;

/** One standalone Redis server: started from the PATH or Docker, or the existing server at REDIS_URL. */
public final class RedisStandalone extends AbstractTopology {

    private RedisNode server;

    private RedisStandalone(String label, RedisSource source) {
        super(label, source);
    }

    static RedisStandalone start(String label) {
        RedisSource source = Sources.choose(true, "standalone");
        return launch(new RedisStandalone(label, source), topology -> topology.server = source == RedisSource.URL
                ? topology.addExternal(RedisNode.external(Sources.setting("REDIS_URL")))
                : topology.startNode("server", false, false, NodeConfig::server));
    }

    /** The server. */
    public RedisNode server() {
        return server;
    }

    /** The server's host, {@code 127.0.0.1} unless REDIS_URL says otherwise. */
    public String host() {
        return server.host();
    }

    /** The server's port. */
    public int port() {
        return server.port();
    }

    /** {@code redis://127.0.0.1:PORT}. */
    public String uri() {
        return server.uri();
    }

    /** {@code redis://127.0.0.1:PORT/db}. */
    public String uri(int db) {
        return server.uri(db);
    }

    /** {@code FLUSHALL} on the server. */
    @Override
    public void flushAll() {
        server.call("FLUSHALL");
    }
}
