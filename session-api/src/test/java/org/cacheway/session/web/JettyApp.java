package org.cacheway.session.web;

import jakarta.servlet.DispatcherType;
import jakarta.servlet.http.HttpServlet;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.EnumSet;
import org.cacheway.session.Sessions;
import org.eclipse.jetty.ee10.servlet.FilterHolder;
import org.eclipse.jetty.ee10.servlet.ServletContextHandler;
import org.eclipse.jetty.ee10.servlet.ServletHolder;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;

/** A real embedded Jetty 12 serving one servlet behind {@link SessionFilter}, and an HTTP client for it. */
final class JettyApp implements AutoCloseable {
    private final Server server = new Server();
    private final HttpClient client = HttpClient.newHttpClient();
    private final int port;

    JettyApp(Sessions sessions, HttpServlet servlet) throws Exception {
        this(sessions, servlet, false);
    }

    /** With {@code fromContext}, the filter is built by Jetty and finds {@code sessions} in the context. */
    JettyApp(Sessions sessions, HttpServlet servlet, boolean fromContext) throws Exception {
        ServerConnector connector = new ServerConnector(server);
        connector.setHost("127.0.0.1");
        server.addConnector(connector);
        ServletContextHandler context = new ServletContextHandler("/");
        if (fromContext) {
            context.setAttribute(SessionFilter.SESSIONS_ATTRIBUTE, sessions);
            context.addFilter(SessionFilter.class, "/*", EnumSet.of(DispatcherType.REQUEST));
        } else {
            context.addFilter(new FilterHolder(new SessionFilter(sessions)), "/*", EnumSet.of(DispatcherType.REQUEST));
        }
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

    @Override
    public void close() throws Exception {
        server.stop();
    }
}
