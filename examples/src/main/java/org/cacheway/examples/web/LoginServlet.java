package org.cacheway.examples.web;

import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.PrintStream;
import java.time.Instant;
import java.util.Optional;
import org.cacheway.session.Session;
import org.cacheway.session.auth.DjangoAuth;
import org.cacheway.session.web.SessionFilter;

/**
 * {@code /login}: the form (GET) and, for a demo user with the right password, Django's
 * {@code login()} (POST) through {@link DjangoAuth}: a new session key against fixation, then the
 * user's primary key, the backend and the session auth hash of their password hash.
 */
public final class LoginServlet extends HttpServlet {
    private static final long serialVersionUID = 1L;

    private final transient RedisHints hints;
    private final transient DjangoAuth auth;
    private final transient PrintStream console;

    /** A login page that logs users in with {@code auth} and prints, on {@code console}, where each session went. */
    public LoginServlet(RedisHints hints, DjangoAuth auth, PrintStream console) {
        this.hints = hints;
        this.auth = auth;
        this.console = console;
    }

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        if (auth.getUser(SessionFilter.session(request), DemoUsers::passwordHashOf).isPresent()) {
            response.sendRedirect("/");
            return;
        }
        form(response, null);
    }

    @Override
    protected void doPost(HttpServletRequest request, HttpServletResponse response) throws IOException {
        String username = request.getParameter("username") == null ? "" : request.getParameter("username").trim();
        String password = request.getParameter("password") == null ? "" : request.getParameter("password");
        Optional<DemoUsers.User> user = DemoUsers.authenticate(username, password);
        if (user.isEmpty()) {
            response.setStatus(HttpServletResponse.SC_UNAUTHORIZED);
            form(response, "Log in as " + String.join(" or ", DemoUsers.usernames()) + " with the password "
                    + DemoUsers.PASSWORD + ".");
            return;
        }
        Session session = SessionFilter.session(request);
        auth.login(session, user.get().id(), user.get().passwordHash());
        session.put("login_time", Instant.now().toString());
        session.save();   // the filter would save it too; saved here so that a flushed session has its new key to print
        console.println();
        console.println("User '" + username + "' logged in; session key (the sessionid cookie): "
                + session.sessionKey());
        console.println("See the session in Redis (" + hints.recordKey(session.sessionKey()) + "):");
        hints.commands(session.sessionKey()).forEach(line -> console.println("  " + line));
        response.sendRedirect("/");
    }

    private void form(HttpServletResponse response, String error) throws IOException {
        Html.write(response, "Log in", (error == null ? "" : "<p class=\"error\" id=\"error\">" + Html.escape(error) + "</p>")
                + "<p id=\"intro\">A Java web application whose sessions are Django's cache sessions in Redis, stored"
                + " exactly as a Django app with django-redis stores them. Log in with any user name: the session"
                + " is saved in Redis db " + hints.db() + " under <code>" + Html.escape(hints.recordKey("<session key>"))
                + "</code>, and the <code>sessionid</code> cookie is that session key. Watch the keys with"
                + " <code>" + Html.escape(hints.scanCommand()) + "</code>.</p>"
                + "<form method=\"post\" action=\"/login\">"
                + "<p><label>User name <input id=\"username\" name=\"username\" autofocus></label>"
                + " (<code>" + String.join("</code> or <code>", DemoUsers.usernames()) + "</code>)</p>"
                + "<p><label>Password <input id=\"password\" name=\"password\" type=\"password\"></label>"
                + " (the demo password is <code>" + DemoUsers.PASSWORD + "</code>)</p>"
                + "<p><button id=\"login\" type=\"submit\">Log in</button></p></form>");
    }
}
