package org.cacheway.examples.web;

import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Map;
import java.util.Optional;
import org.cacheway.session.Session;
import org.cacheway.session.auth.DjangoAuth;
import org.cacheway.session.web.SessionFilter;

/**
 * {@code /}: the logged-in user and everything in the session, or a redirect to the login form.
 * The user is Django's {@code request.user}: the session's user id, verified against the user's
 * current password hash ({@link DjangoAuth#getUser}).
 */
public final class HomeServlet extends HttpServlet {
    private static final long serialVersionUID = 1L;

    private final transient RedisHints hints;
    private final transient DjangoAuth auth;

    /** A page for the users {@code auth} verifies, that also shows where the session is in Redis. */
    public HomeServlet(RedisHints hints, DjangoAuth auth) {
        this.hints = hints;
        this.auth = auth;
    }

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        if (!"/".equals(request.getServletPath() + (request.getPathInfo() == null ? "" : request.getPathInfo()))) {
            response.sendError(HttpServletResponse.SC_NOT_FOUND);
            return;
        }
        Session session = SessionFilter.session(request);
        Optional<DemoUsers.User> found = auth.getUser(session, DemoUsers::passwordHashOf).flatMap(DemoUsers::byId);
        if (found.isEmpty()) {
            response.sendRedirect("/login");
            return;
        }
        String user = found.get().username();
        StringBuilder rows = new StringBuilder();
        for (Map.Entry<String, Object> entry : session.items().entrySet()) {
            rows.append("<tr><th>").append(Html.escape(entry.getKey())).append("</th><td><code>")
                    .append(Html.escape(entry.getValue())).append("</code></td></tr>");
        }
        String key = session.sessionKey();
        StringBuilder commands = new StringBuilder();
        hints.commands(key).forEach(line -> commands.append(Html.escape(line)).append('\n'));
        Html.write(response, "Welcome, " + user, "<p id=\"user\">Logged in as <strong>" + Html.escape(user)
                + "</strong>.</p>"
                + "<p>Session key (the <code>sessionid</code> cookie): <code id=\"session-key\">" + Html.escape(key)
                + "</code><br>Redis key: <code id=\"redis-key\">" + Html.escape(hints.recordKey(key)) + "</code>"
                + "<br>Expires in " + session.getExpiryAge() + " s.</p>"
                + "<table id=\"session\"><tr><th>key</th><th>value</th></tr>" + rows + "</table>"
                + "<p>See it with <code>redis-cli</code>:</p><pre>" + commands + "</pre>"
                + "<form method=\"post\" action=\"/logout\"><button id=\"logout\" type=\"submit\">Log out</button></form>");
    }
}
