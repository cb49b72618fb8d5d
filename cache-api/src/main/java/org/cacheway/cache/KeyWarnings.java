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
 *
 * <p>The key appears in the message quoted and escaped the way Python's {@code ascii()} shows a
 * string (Django's {@code %r}, with non-ASCII characters escaped too), so a key can never forge a
 * log line or smuggle terminal or bidirectional controls into a log; a key longer than
 * 300 characters is cut there and the message says how long it was.
 */
public final class KeyWarnings {
    /** The longest key memcached accepts, in characters. */
    public static final int MAX_KEY_LENGTH = 250;
    /** The most characters of a key a warning shows; longer keys are cut, their length stated. */
    private static final int SHOWN_KEY_LENGTH = 300;

    private static final Logger LOG = LoggerFactory.getLogger(KeyWarnings.class);
    private static final List<Consumer<String>> LISTENERS = new CopyOnWriteArrayList<>();

    private KeyWarnings() {
    }

    /**
     * Checks a made key and reports each warning it deserves.
     *
     * @throws CacheKeyException for a key holding half a character (an unpaired surrogate): it has
     *     no UTF-8 form, so Redis would store it as {@code ?} and two keys would share one entry
     *     (redis-py refuses such a key too)
     */
    public static void check(String madeKey) {
        refuseUnpairedSurrogates(madeKey);
        if (madeKey.length() > MAX_KEY_LENGTH) {
            report("Cache key will cause errors if used with memcached: " + shown(madeKey) + " (longer than "
                    + MAX_KEY_LENGTH + ")");
        }
        for (int i = 0; i < madeKey.length(); i++) {
            char c = madeKey.charAt(i);
            if (c < 33 || c == 127) {
                report("Cache key contains characters that will cause errors if used with memcached: "
                        + shown(madeKey));
                break;
            }
        }
    }

    private static void refuseUnpairedSurrogates(String madeKey) {
        for (int i = 0; i < madeKey.length(); i++) {
            char c = madeKey.charAt(i);
            if (Character.isHighSurrogate(c) && i + 1 < madeKey.length()
                    && Character.isLowSurrogate(madeKey.charAt(i + 1))) {
                i++;
            } else if (Character.isSurrogate(c)) {
                throw new CacheKeyException("Cache key holds an unpaired surrogate (U+"
                        + Integer.toHexString(c).toUpperCase(java.util.Locale.ROOT) + " at index " + i
                        + "), which has no UTF-8 form: " + shown(madeKey));
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

    /** The key as a warning shows it: escaped and quoted, cut after {@link #SHOWN_KEY_LENGTH} characters. */
    private static String shown(String key) {
        if (key.length() <= SHOWN_KEY_LENGTH) {
            return PythonAscii.quote(key);
        }
        // A cut between the halves of a surrogate pair would show half a character.
        int cut = Character.isHighSurrogate(key.charAt(SHOWN_KEY_LENGTH - 1))
                ? SHOWN_KEY_LENGTH - 1 : SHOWN_KEY_LENGTH;
        return PythonAscii.quote(key.substring(0, cut)) + "... (" + key.length() + " characters, the first "
                + cut + " shown)";
    }
}
