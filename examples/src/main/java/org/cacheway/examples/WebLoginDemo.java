package org.cacheway.examples;

import jakarta.servlet.DispatcherType;
import java.io.PrintStream;
import java.time.Duration;
import java.util.EnumSet;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.cacheway.cache.Caches;
import org.cacheway.examples.web.DemoUsers;
import org.cacheway.examples.web.HomeServlet;
import org.cacheway.examples.web.LoginServlet;
import org.cacheway.examples.web.LogoutServlet;
import org.cacheway.examples.web.RedisHints;
import org.cacheway.session.Sessions;
import org.cacheway.session.auth.DjangoAuth;
import org.cacheway.session.web.SessionFilter;
import org.eclipse.jetty.ee10.servlet.FilterHolder;
import org.eclipse.jetty.ee10.servlet.ServletContextHandler;
import org.eclipse.jetty.ee10.servlet.ServletHolder;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;

/**
 * The main example: a tiny web application on an embedded Jetty whose sessions are Django's cache
 * sessions in Redis db 1 ({@link SessionFilter} plays Django's {@code SessionMiddleware}) and whose
 * logins are Django's ({@link DjangoAuth}, under the settings' {@code SECRET_KEY}). Log in as a demo
 * user, see the session's contents, find it with {@code redis-cli}, log out.
 *
 * <pre>mvn -q -pl examples -am test-compile exec:java                # from the repository root
 * mvn -q -pl examples -am test-compile exec:java -Dexec.args="--port 8080 --stop-after 60"</pre>
 */
public final class WebLoginDemo implements AutoCloseable {
    private final Server server;
    private final Caches caches;

    private WebLoginDemo(Server server, Caches caches) {
        this.server = server;
        this.caches = caches;
    }

    /**
     * Starts the application on {@code port} (0: any free port) with its own caches on {@code redis};
     * logins and logouts are reported on {@code console}.
     */
    public static WebLoginDemo start(ExampleSettings settings, ExampleRedis redis, int port, PrintStream console)
            throws Exception {
        Caches caches = settings.caches(redis.location());
        Sessions sessions = settings.sessions(caches);
        RedisHints hints = new RedisHints(caches.get(sessions.settings().cacheAlias()), redis.cliArguments(), redis.db());
        DjangoAuth auth = DjangoAuth.fromSettings(sessions.settings());

        Server server = new Server();
        ServerConnector connector = new ServerConnector(server);
        connector.setPort(port);
        server.addConnector(connector);
        ServletContextHandler context = new ServletContextHandler("/");
        context.addFilter(new FilterHolder(new SessionFilter(sessions)), "/*", EnumSet.of(DispatcherType.REQUEST));
        context.addServlet(new ServletHolder(new HomeServlet(hints, auth)), "/");
        context.addServlet(new ServletHolder(new LoginServlet(hints, auth, console)), "/login");
        context.addServlet(new ServletHolder(new LogoutServlet(hints, console)), "/logout");
        server.setHandler(context);
        server.setStopAtShutdown(false);
        WebLoginDemo demo = new WebLoginDemo(server, caches);
        try {
            server.start();
        } catch (Exception e) {
            demo.close();
            throw e;
        }
        return demo;
    }

    /** The HTTP port the application listens on. */
    public int port() {
        return ((ServerConnector) server.getConnectors()[0]).getLocalPort();
    }

    /** The address to open in a browser. */
    public String url() {
        return "http://localhost:" + port() + "/";
    }

    /** Stops Jetty and closes the caches (the sessions stay in Redis). */
    @Override
    public void close() {
        try {
            server.stop();
        } catch (Exception e) {
            throw new IllegalStateException("Jetty did not stop cleanly", e);
        } finally {
            caches.close();
        }
    }

    /** Runs the demo until Ctrl-C, or for {@code --stop-after} seconds; see {@link ExampleOptions}. */
    public static void main(String[] args) throws Exception {
        ExampleOptions options = ExampleOptions.parse(args);
        ExampleSettings settings = ExampleSettings.load(options);
        PrintStream out = System.out;
        CountDownLatch stopped = new CountDownLatch(1);
        CountDownLatch closed = new CountDownLatch(1);
        // Ctrl-C: wake the main thread, and give it time to stop Jetty and Redis before the JVM exits.
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            stopped.countDown();
            awaitQuietly(closed);
        }, "web-login-demo-stopper"));
        try (ExampleRedis redis = ExampleRedis.resolve(options, settings, out);
             WebLoginDemo demo = start(settings, redis, options.port(), out)) {
            out.println();
            out.println("Cacheway web login demo: open " + demo.url() + " and log in as "
                    + String.join(" or ", DemoUsers.usernames()) + " with the password '" + DemoUsers.PASSWORD + "'.");
            out.println("Sessions are Django cache sessions in Redis db " + redis.db() + ": watch them with");
            out.println("  redis-cli " + redis.cliArguments() + " --scan");
            out.println(options.stopAfter() == null ? "Press Ctrl-C to stop."
                    : "Stopping after " + options.stopAfter().toSeconds() + " s.");
            await(stopped, options.stopAfter());
            out.println("Stopping.");
        } finally {
            closed.countDown();
        }
    }

    private static void awaitQuietly(CountDownLatch latch) {
        try {
            latch.await(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static void await(CountDownLatch stopped, Duration stopAfter) throws InterruptedException {
        if (stopAfter == null) {
            stopped.await();
        } else {
            stopped.await(stopAfter.toMillis(), TimeUnit.MILLISECONDS);
        }
    }
}
