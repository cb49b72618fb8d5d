package org.cacheway.examples.web;

import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.PrintStream;
import java.time.Instant;
import org.cacheway.session.Session;
import org.cacheway.session.web.SessionFilter;

/**
 * {@code /login}: the form (GET) and Django's {@code login()} (POST): any user name with the demo
 * password; a new session key against fixation ({@code cycleKey()}), then the user's id in the session.
 */
public final class LoginServlet extends HttpServlet {
    /** The one password the demo accepts. */
    public static final String DEMO_PASSWORD = "cacheway";
    private static final long serialVersionUID = 1L;

    private final transient RedisHints hints;
    private final transient PrintStream console;

    /** A login page that prints, on {@code console}, where each new session went in Redis. */
    public LoginServlet(RedisHints hints, PrintStream console) {
        this.hints = hints;
        this.console = console;
    }

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        if (SessionFilter.session(request).containsKey(SessionKeys.USER_ID)) {
            response.sendRedirect("/");
            return;
        }
        form(response, null);
    }

    @Override
    protected void doPost(HttpServletRequest request, HttpServletResponse response) throws IOException {
        String username = request.getParameter("username") == null ? "" : request.getParameter("username").trim();
        if (username.isEmpty() || !DEMO_PASSWORD.equals(request.getParameter("password"))) {
            response.setStatus(HttpServletResponse.SC_UNAUTHORIZED);
            form(response, "Enter any user name and the password " + DEMO_PASSWORD + ".");
            return;
        }
        Session session = SessionFilter.session(request);
        session.cycleKey();                                   // django.contrib.auth.login: fixation defence
        session.put(SessionKeys.USER_ID, username);           // Django stores the user's primary key as a string
        session.put(SessionKeys.BACKEND, "django.contrib.auth.backends.ModelBackend");
        session.put(SessionKeys.HASH, SessionKeys.authHash(username));
        session.put("login_time", Instant.now().toString());
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
                + "<p><label>User name <input id=\"username\" name=\"username\" autofocus></label></p>"
                + "<p><label>Password <input id=\"password\" name=\"password\" type=\"password\"></label>"
                + " (the demo password is <code>" + DEMO_PASSWORD + "</code>)</p>"
                + "<p><button id=\"login\" type=\"submit\">Log in</button></p></form>");
    }
}
