package org.cacheway.testsupport;

import java.nio.file.Path;
import java.util.List;

/**
 * A set of running Redis servers (standalone, replicated, sentinel or cluster); closing it stops them and
 * deletes their files unless {@link #retainLogsIn(Path)} was called.
 */
public interface RedisTopology extends AutoCloseable {

    /** Every server of the topology, data nodes first, then sentinels. */
    List<RedisNode> nodes();

    /** Deletes all keys of all databases (on every current primary), to reset state between tests. */
    void flushAll();

    /** Where the servers came from. */
    RedisSource source();

    /** Asks {@link #close()} to copy the servers' logs and config files into {@code directory} first. */
    void retainLogsIn(Path directory);

    /** Stops every server and deletes its working files (after copying logs if asked); idempotent. */
    @Override
    void close();
}
