package org.cacheway.examples;

import java.io.PrintStream;
import java.util.List;
import org.cacheway.cache.Cache;
import org.cacheway.session.Session;
import org.cacheway.session.Sessions;
import org.cacheway.session.cache.CacheSessionStore;

/**
 * Django's sessions without a web server: what {@code SessionMiddleware} and {@code login()} do to
 * {@code request.session}, step by step, with the cache engine on Redis db 1
 * ({@code SESSION_ENGINE = "django.contrib.sessions.backends.cache"} in {@code cacheway.properties}).
 *
 * <pre>mvn -q -pl examples -am test-compile exec:java -Dexec.mainClass=org.cacheway.examples.SessionsExample</pre>
 */
public final class SessionsExample {

    private SessionsExample() {
    }

    /** Runs the example; see {@link ExampleOptions} for the arguments. */
    public static void main(String[] args) {
        ExampleContext.main(args, SessionsExample::run);
    }

    /** The example itself, printing each step. */
    public static void run(ExampleContext context) {
        PrintStream out = context.out();
        Sessions sessions = context.settings().sessions(context.caches());
        Cache cache = context.caches().get(sessions.settings().cacheAlias());

        // A first request without a cookie: an empty session, nothing in Redis yet.
        Session anonymous = sessions.open(null);
        anonymous.put("cart", List.of("book", "pen"));
        anonymous.save();                                           // the middleware saves a modified session
        String firstKey = anonymous.sessionKey();
        out.println("anonymous session key      -> " + firstKey + " (the cookie value)");
        out.println("stored at                  -> " + recordKey(cache, firstKey));

        // The next request sends the cookie back: the data is read from Redis.
        Session returning = sessions.open(firstKey);
        out.println("cart on the next request   -> " + returning.get("cart"));

        // django.contrib.auth.login(): a new key against session fixation, then the user's id.
        returning.cycleKey();
        returning.put("_auth_user_id", "42");
        returning.put("_auth_user_backend", "django.contrib.auth.backends.ModelBackend");
        returning.save();
        String loggedInKey = returning.sessionKey();
        out.println("after login (cycleKey)     -> " + loggedInKey + "; old record still there? "
                + cache.hasKey(CacheSessionStore.KEY_PREFIX + firstKey));
        out.println("logged-in data             -> " + sessions.open(loggedInKey).items());
        out.println("expires in                 -> " + returning.getExpiryAge() + " s (SESSION_COOKIE_AGE)");

        // django.contrib.auth.logout(): flush() deletes the record and forgets the key.
        returning.flush();
        out.println("after logout, record there? " + cache.hasKey(CacheSessionStore.KEY_PREFIX + loggedInKey));
    }

    private static String recordKey(Cache cache, String sessionKey) {
        return cache.makeKey(CacheSessionStore.KEY_PREFIX + sessionKey);
    }
}
