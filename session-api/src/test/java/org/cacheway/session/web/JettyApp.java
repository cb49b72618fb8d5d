package org.cacheway.session.web;

import jakarta.servlet.DispatcherType;
import jakarta.servlet.Filter;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletRequest;
import jakarta.servlet.ServletResponse;
import jakarta.servlet.http.HttpServlet;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.EnumSet;
import java.util.concurrent.atomic.AtomicReference;
import org.cacheway.session.Sessions;
import org.eclipse.jetty.ee10.servlet.FilterHolder;
import org.eclipse.jetty.ee10.servlet.ServletContextHandler;
import org.eclipse.jetty.ee10.servlet.ServletHolder;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;

/**
 * A real embedded Jetty 12 serving one servlet behind {@link SessionFilter}, and an HTTP client for it.
 * The exception that escaped the filter, if any, is kept ({@link #failure()}).
 */
final class JettyApp implements AutoCloseable {
    private final Server server = new Server();
    private final HttpClient client = HttpClient.newHttpClient();
    private final AtomicReference<Throwable> failure = new AtomicReference<>();
    private final int port;

    JettyApp(Sessions sessions, HttpServlet servlet) throws Exception {
        this(servlet, new FilterHolder(new SessionFilter(sessions)), null);
    }

    /** With {@code fromContext}, the filter is built by Jetty and finds {@code sessions} in the context. */
    JettyApp(Sessions sessions, HttpServlet servlet, boolean fromContext) throws Exception {
        this(servlet, fromContext ? new FilterHolder(SessionFilter.class) : new FilterHolder(new SessionFilter(sessions)),
                fromContext ? sessions : null);
    }

    /** Serves {@code servlet} behind {@code filter}; {@code contextSessions}, when not null, go in the context. */
    JettyApp(HttpServlet servlet, FilterHolder filter, Sessions contextSessions) throws Exception {
        ServerConnector connector = new ServerConnector(server);
        connector.setHost("127.0.0.1");
        server.addConnector(connector);
        ServletContextHandler context = new ServletContextHandler("/");
        if (contextSessions != null) {
            context.setAttribute(SessionFilter.SESSIONS_ATTRIBUTE, contextSessions);
        }
        context.addFilter(new FilterHolder(new FailureRecorder()), "/*", EnumSet.of(DispatcherType.REQUEST));
        context.addFilter(filter, "/*", EnumSet.of(DispatcherType.REQUEST));
        context.addServlet(new ServletHolder(servlet), "/*");
        server.setHandler(context);
        server.start();
        port = connector.getLocalPort();
    }

    /** GETs {@code path}, sending {@code cookie} as the Cookie header when not null. */
    HttpResponse<String> get(String path, String cookie) throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path));
        if (cookie != null) {
            request.header("Cookie", cookie);
        }
        return client.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    /** The exception the last failed request threw out of the session filter, or null. */
    Throwable failure() {
        return failure.get();
    }

    @Override
    public void close() throws Exception {
        server.stop();
    }

    /** Keeps what escapes the filters after it, then lets the container answer it as it would. */
    private final class FailureRecorder implements Filter {
        @Override
        public void doFilter(ServletRequest request, ServletResponse response, FilterChain chain)
                throws IOException, ServletException {
            try {
                chain.doFilter(request, response);
            } catch (IOException | ServletException | RuntimeException e) {
                failure.set(e);
                throw e;
            }
        }
    }
}
