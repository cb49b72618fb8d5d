package org.cacheway.examples.web;

import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.PrintStream;
import org.cacheway.session.Session;
import org.cacheway.session.auth.DjangoAuth;
import org.cacheway.session.web.SessionFilter;

/** {@code /logout} (POST): Django's {@code logout()}, which flushes the session: record and cookie go. */
public final class LogoutServlet extends HttpServlet {
    private static final long serialVersionUID = 1L;

    private final transient RedisHints hints;
    private final transient PrintStream console;

    /** A logout that says on {@code console} which Redis key it deleted. */
    public LogoutServlet(RedisHints hints, PrintStream console) {
        this.hints = hints;
        this.console = console;
    }

    @Override
    protected void doPost(HttpServletRequest request, HttpServletResponse response) throws IOException {
        Session session = SessionFilter.session(request);
        String key = session.sessionKey();
        String user = DjangoAuth.sessionUserId(session).flatMap(DemoUsers::byId).map(DemoUsers.User::username)
                .orElse("(nobody)");
        DjangoAuth.logout(session);
        if (key != null) {
            console.println("User '" + user + "' logged out; deleted " + hints.recordKey(key));
        }
        response.sendRedirect("/login");
    }
}
