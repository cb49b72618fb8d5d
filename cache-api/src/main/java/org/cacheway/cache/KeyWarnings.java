package org.cacheway.cache;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Django's memcached-portability key warnings ({@code CacheKeyWarning}): a made key longer than 250
 * characters, or holding a character below 33 or equal to 127, is logged at WARN through the
 * logger {@code org.cacheway.cache.KeyWarnings}. Such keys still work on Redis. Like Python's
 * {@code warnings} module, listeners can observe the warnings (tests do).
 */
public final class KeyWarnings {
    /** The longest key memcached accepts, in characters. */
    public static final int MAX_KEY_LENGTH = 250;

    private static final Logger LOG = LoggerFactory.getLogger(KeyWarnings.class);
    private static final List<Consumer<String>> LISTENERS = new CopyOnWriteArrayList<>();

    private KeyWarnings() {
    }

    /** Checks a made key and reports each warning it deserves. */
    public static void check(String madeKey) {
        if (madeKey.length() > MAX_KEY_LENGTH) {
            report("Cache key will cause errors if used with memcached: '" + madeKey + "' (longer than "
                    + MAX_KEY_LENGTH + ")");
        }
        for (int i = 0; i < madeKey.length(); i++) {
            char c = madeKey.charAt(i);
            if (c < 33 || c == 127) {
                report("Cache key contains characters that will cause errors if used with memcached: '"
                        + madeKey + "'");
                break;
            }
        }
    }

    /**
     * Registers a listener for warnings until the returned handle is closed.
     *
     * @return closing it removes the listener
     */
    public static AutoCloseable listen(Consumer<String> listener) {
        LISTENERS.add(listener);
        return () -> LISTENERS.remove(listener);
    }

    private static void report(String message) {
        LOG.warn(message);
        for (Consumer<String> listener : LISTENERS) {
            listener.accept(message);
        }
    }
}
