package org.cacheway.cache.redis.internal;

import io.lettuce.core.ScriptOutputType;
import java.util.Locale;
import org.cacheway.cache.redis.client.RedisScript;

/**
 * One Redis command wrapped as a {@link RedisScript}, so that the hash and set operations travel
 * the one path every client class and policy already knows: routed by their keys (same-slot and
 * same-server checks included), waited for by replica wait and dropped from the near cache when
 * they write, passed untouched when they only read. The script calls the command with its
 * {@code KEYS} first and then its {@code ARGV}, which is the argument order of every command used.
 * Error replies (such as {@code WRONGTYPE}) are value errors. Lua's {@code unpack} limits a call to
 * about 8,000 arguments.
 */
public final class CommandScripts {
    private static final String SOURCE = "local args = {} "
            + "for i = 1, #KEYS do args[#args + 1] = KEYS[i] end "
            + "for i = 1, #ARGV do args[#args + 1] = ARGV[i] end "
            + "return redis.call('%s', unpack(args))";

    private CommandScripts() {
    }

    /** {@code command} as a script that writes, replying {@code output}. */
    public static RedisScript writing(String command, ScriptOutputType output) {
        return script(command, output);
    }

    /** {@code command} as a script that only reads, replying {@code output}. */
    public static RedisScript reading(String command, ScriptOutputType output) {
        return script(command, output).asReadOnly();
    }

    private static RedisScript script(String command, ScriptOutputType output) {
        return new RedisScript(command.toLowerCase(Locale.ROOT), String.format(Locale.ROOT, SOURCE, command), output)
                .withValueErrors();
    }
}
