package org.cacheway.session.web;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import org.cacheway.cache.Caches;
import org.cacheway.cache.serializer.JavaSerializer;
import org.cacheway.session.SessionSettings;
import org.cacheway.session.Sessions;
import org.eclipse.jetty.ee10.servlet.FilterHolder;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** {@code HttpSession} on the signed-cookie engine: the whole session travels in the cookie. */
class HttpSessionSignedCookiesTest {
    private final Caches caches = Caches.fromSettings(Map.of("default", Map.of(
            "BACKEND", "django.core.cache.backends.dummy.DummyCache")));
    private final Sessions sessions = Sessions.from(SessionSettings.fromMap(Map.of(
            "SESSION_ENGINE", "django.contrib.sessions.backends.signed_cookies", "SECRET_KEY", "test-secret")), caches);
    private JettyApp app;

    @AfterEach
    void stop() throws Exception {
        app.close();
        caches.close();
    }

    /** {@code /set} stores a JSON attribute and a Java one; {@code /get} shows both. */
    private static final class Servlet extends HttpServlet {
        @Override
        protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
            if ("/set".equals(request.getPathInfo())) {
                request.getSession().setAttribute("name", "Ada");
                request.getSession().setAttribute("since", java.time.LocalDate.of(2026, 12, 1));
                response.getWriter().write("ok");
            } else {
                var session = request.getSession(false);
                response.getWriter().write(session == null ? "none"
                        : session.getAttribute("name") + " " + session.getAttribute("since"));
            }
        }
    }

    @Test
    void attributesComeBackFromTheSignedCookie() throws Exception {
        HttpSessionFilter filter = new HttpSessionFilter(new SessionFilter(sessions), new JavaSerializer(), List.of());
        app = new JettyApp(new Servlet(), new FilterHolder(filter), null);
        HttpResponse<String> set = app.get("/set", null);
        String header = set.headers().firstValue("Set-Cookie").orElseThrow();
        String cookie = header.substring(0, header.indexOf(';'));
        assertThat(app.get("/get", cookie).body()).isEqualTo("Ada 2026-12-01");
        assertThat(app.get("/get", "sessionid=tampered").body()).isEqualTo("none");
    }
}
