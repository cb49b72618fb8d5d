package org.cacheway.cache;

import java.util.Objects;
import java.util.Set;

/**
 * The server answered a command with an error reply instead of serving it, usually because of the
 * state it is in: {@code READONLY} (a replica, or a primary demoted by a failover), {@code OOM}
 * ({@code maxmemory} reached under {@code noeviction}), {@code CLUSTERDOWN}, {@code LOADING},
 * {@code BUSY} (a script running past its time limit), {@code TRYAGAIN} (a slot being migrated),
 * {@code MASTERDOWN}, {@code NOREPLICAS}, {@code MISCONF}. {@link #code()} is the reply's code, its
 * first word ({@code ERR} for a generic error). The server cannot serve the command now, so this is
 * a kind of connection error: fail-open survives it as an outage.
 */
public class CacheServerException extends CacheConnectionException {
    private static final long serialVersionUID = 1L;
    /** The codes of the replies that report the server's state rather than a problem with the command. */
    private static final Set<String> SERVER_STATES = Set.of("READONLY", "OOM", "CLUSTERDOWN", "LOADING", "BUSY",
            "TRYAGAIN", "MASTERDOWN", "NOREPLICAS", "MISCONF");

    /** The error reply's code. */
    private final String code;

    /** A server error with its reply code and a message naming the operation and key. */
    public CacheServerException(String code, String message, Throwable cause) {
        super(message, cause);
        this.code = Objects.requireNonNull(code, "code");
    }

    /** The error reply's code, its first word: {@code READONLY}, {@code OOM}, {@code LOADING}, {@code ERR}... */
    public String code() {
        return code;
    }

    /**
     * Whether the code reports the server's state ({@code READONLY}, {@code OOM},
     * {@code CLUSTERDOWN}, {@code LOADING}, {@code BUSY}, {@code TRYAGAIN}, {@code MASTERDOWN},
     * {@code NOREPLICAS}, {@code MISCONF}): the same command may succeed later or on another
     * server, unlike a reply about the command itself ({@code ERR}, {@code NOPERM}...).
     */
    public boolean isServerState() {
        return SERVER_STATES.contains(code);
    }
}
