package org.cacheway.session.web;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.net.http.HttpResponse;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicReference;
import org.cacheway.cache.Caches;
import org.cacheway.session.MutableClock;
import org.cacheway.session.Session;
import org.cacheway.session.SessionSettings;
import org.cacheway.session.Sessions;
import org.cacheway.testsupport.LogCapture;
import org.eclipse.jetty.ee10.servlet.FilterHolder;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The filter as Django's SessionMiddleware, through a real Jetty and real HTTP (items 122-130). */
class SessionFilterTest {
    private static final String KEPT = "sessionid=([a-z0-9]{32}); expires=Tue, 08 Dec 2026 21:00:00 GMT; "
            + "HttpOnly; Max-Age=1209600; Path=/; SameSite=Lax";

    private final MutableClock clock = new MutableClock(Instant.parse("2026-11-24T21:00:00Z"));
    private final AtomicReference<Session> lastSession = new AtomicReference<>();
    private final Caches caches = Caches.fromSettings(Map.of("default", Map.of(
            "BACKEND", "django.core.cache.backends.locmem.LocMemCache", "LOCATION", UUID.randomUUID().toString())));
    private Sessions sessions;
    private JettyApp app;

    @AfterEach
    void stop() throws Exception {
        if (app != null) {
            app.close();
        }
        caches.close();
    }

    private void start(Map<String, Object> settings) throws Exception {
        sessions = Sessions.from(SessionSettings.fromMap(settings), caches).withClock(clock);
        app = new JettyApp(sessions, new ActionServlet());
    }

    private void start() throws Exception {
        start(Map.of());
    }

    private String savedSessionCookie(Map<String, Object> data) {
        Session session = sessions.create();
        session.update(data);
        session.save();
        return "sessionid=" + session.sessionKey();
    }

    private static List<String> setCookies(HttpResponse<?> response) {
        return response.headers().allValues("Set-Cookie");
    }

    private static String vary(HttpResponse<?> response) {
        return response.headers().firstValue("Vary").orElse(null);
    }

    /** Each path is one action on the session, then a small body. */
    private final class ActionServlet extends HttpServlet {
        @Override
        protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
            Session session = SessionFilter.session(request);
            lastSession.set(session);
            switch (request.getPathInfo()) {
                case "/write" -> session.put("foo", "bar");
                case "/read" -> session.get("foo");
                case "/flush" -> session.flush();
                case "/del" -> session.remove("foo");
                case "/browser-close" -> {
                    session.put("foo", "bar");
                    session.setExpiry(0);
                }
                case "/error" -> {
                    session.put("foo", "bar");
                    response.setStatus(500);
                }
                case "/deleted-elsewhere" -> {
                    session.put("foo", "bar");
                    sessions.store().delete(session.sessionKey());
                }
                case "/big" -> session.put("big", incompressible(6_000));
                case "/vary" -> {
                    response.setHeader("Vary", "Accept-Encoding");
                    session.get("foo");
                }
                case "/redirect" -> {
                    session.put("foo", "bar");
                    response.sendRedirect("/elsewhere");
                    return;
                }
                case "/redirect-303" -> {
                    session.put("foo", "bar");
                    response.sendRedirect("/elsewhere", 303);
                    return;
                }
                case "/flush-early" -> {
                    session.put("foo", "bar");
                    response.getWriter().write("x".repeat(100_000));
                    response.flushBuffer();
                    response.getWriter().write("tail");
                    return;
                }
                case "/stream" -> {
                    session.put("foo", "bar");
                    byte[] body = "streamed".getBytes(java.nio.charset.StandardCharsets.UTF_8);
                    response.setContentLength(body.length);
                    response.getOutputStream().write(body);
                    return;
                }
                default -> {
                    // untouched
                }
            }
            response.getWriter().write("ok");
        }
    }

    @Test
    void aWriteSetsTheCookieAndVary() throws Exception {
        start();
        HttpResponse<String> response = app.get("/write", null);
        assertThat(setCookies(response)).singleElement().asString().matches(KEPT);
        assertThat(vary(response)).isEqualTo("Cookie");
        assertThat(response.body()).isEqualTo("ok");
        String key = lastSession.get().sessionKey();
        assertThat(sessions.open(key).items()).isEqualTo(Map.of("foo", "bar"));
    }

    @Test
    void cookieAttributesFollowTheSettings() throws Exception {
        start(Map.of("SESSION_COOKIE_SECURE", true, "SESSION_COOKIE_HTTPONLY", false,
                "SESSION_COOKIE_SAMESITE", "Strict", "SESSION_COOKIE_DOMAIN", "example.com",
                "SESSION_COOKIE_NAME", "sid", "SESSION_COOKIE_PATH", "/app"));
        HttpResponse<String> response = app.get("/write", null);
        assertThat(setCookies(response)).singleElement().asString().matches("sid=[a-z0-9]{32}; Domain=example.com; "
                + "expires=Tue, 08 Dec 2026 21:00:00 GMT; Max-Age=1209600; Path=/app; SameSite=Strict; Secure");
    }

    @Test
    void aServerErrorSavesNothingAndSendsNoCookie() throws Exception {
        start();
        HttpResponse<String> response = app.get("/error", null);
        assertThat(response.statusCode()).isEqualTo(500);
        assertThat(setCookies(response)).isEmpty();
        assertThat(lastSession.get().sessionKey()).isNull();
    }

    @Test
    void aSessionDeletedElsewhereAnswers400() throws Exception {
        start();
        HttpResponse<String> response = app.get("/deleted-elsewhere", savedSessionCookie(Map.of("a", 1L)));
        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(response.body()).isEqualTo("The request's session was deleted before the request completed. "
                + "The user may have logged out in a concurrent request, for example.");
        assertThat(setCookies(response)).isEmpty();
    }

    @Test
    void flushWithTheCookieDeletesIt() throws Exception {
        start();
        HttpResponse<String> response = app.get("/flush", savedSessionCookie(Map.of("a", 1L)));
        assertThat(setCookies(response)).containsExactly(
                "sessionid=\"\"; expires=Thu, 01 Jan 1970 00:00:00 GMT; Max-Age=0; Path=/; SameSite=Lax");
        assertThat(vary(response)).isEqualTo("Cookie");
    }

    @Test
    void theDeletionCookieCarriesTheDomain() throws Exception {
        start(Map.of("SESSION_COOKIE_DOMAIN", ".example.com", "SESSION_COOKIE_SAMESITE", "None"));
        HttpResponse<String> response = app.get("/flush", savedSessionCookie(Map.of("a", 1L)));
        assertThat(setCookies(response)).containsExactly("sessionid=\"\"; Domain=.example.com; "
                + "expires=Thu, 01 Jan 1970 00:00:00 GMT; Max-Age=0; Path=/; SameSite=None; Secure");
    }

    @Test
    void flushWithoutACookieSetsNoCookieButVaries() throws Exception {
        start();
        HttpResponse<String> response = app.get("/flush", null);
        assertThat(setCookies(response)).isEmpty();
        assertThat(vary(response)).isEqualTo("Cookie");
    }

    @Test
    void anEmptiedButKeyedSessionIsSavedAndItsCookieResent() throws Exception {
        start();
        String cookie = savedSessionCookie(Map.of("foo", "x"));
        HttpResponse<String> response = app.get("/del", cookie);
        assertThat(setCookies(response)).singleElement().asString().matches(KEPT).startsWith(cookie + ";");
        assertThat(sessions.open(cookie.substring("sessionid=".length())).items()).isEmpty();
        assertThat(vary(response)).isEqualTo("Cookie");
    }

    @Test
    void aReadVariesWithoutACookieAndNoAccessDoesNeither() throws Exception {
        start();
        String cookie = savedSessionCookie(Map.of("foo", "x"));
        HttpResponse<String> read = app.get("/read", cookie);
        assertThat(setCookies(read)).isEmpty();
        assertThat(vary(read)).isEqualTo("Cookie");
        HttpResponse<String> untouched = app.get("/nothing", cookie);
        assertThat(setCookies(untouched)).isEmpty();
        assertThat(vary(untouched)).isNull();
    }

    @Test
    void varyIsMergedIntoAnExistingHeader() throws Exception {
        start();
        assertThat(vary(app.get("/vary", null))).isEqualTo("Accept-Encoding, Cookie");
    }

    @Test
    void aBrowserCloseSessionGetsACookieWithoutExpiry() throws Exception {
        start();
        HttpResponse<String> response = app.get("/browser-close", null);
        assertThat(setCookies(response)).singleElement().asString()
                .matches("sessionid=[a-z0-9]{32}; HttpOnly; Path=/; SameSite=Lax");
    }

    @Test
    void saveEveryRequestResendsTheCookieOfAnUnmodifiedSession() throws Exception {
        start(Map.of("SESSION_SAVE_EVERY_REQUEST", true));
        String cookie = savedSessionCookie(Map.of("foo", "x"));
        assertThat(setCookies(app.get("/nothing", cookie))).singleElement().asString().startsWith(cookie + ";");
    }

    @Test
    void anInvalidCookieGetsAFreshKey() throws Exception {
        start();
        HttpResponse<String> response = app.get("/write", "sessionid=garbage!!");
        assertThat(setCookies(response)).singleElement().asString().matches(KEPT);
    }

    @Test
    void aRedirectCarriesTheCookie() throws Exception {
        start();
        HttpResponse<String> response = app.get("/redirect", null);
        assertThat(response.statusCode()).isEqualTo(302);
        assertThat(setCookies(response)).singleElement().asString().matches(KEPT);
    }

    @Test
    void aBodyFlushedEarlyStillCarriesTheCookie() throws Exception {
        start();
        HttpResponse<String> response = app.get("/flush-early", null);
        assertThat(setCookies(response)).singleElement().asString().matches(KEPT);
        assertThat(response.body()).hasSize(100_004).endsWith("tail");
    }

    @Test
    void aBodyReachingItsContentLengthStillCarriesTheCookie() throws Exception {
        start();
        HttpResponse<String> response = app.get("/stream", null);
        assertThat(setCookies(response)).singleElement().asString().matches(KEPT);
        assertThat(response.body()).isEqualTo("streamed");
    }

    @Test
    void signedCookieSessionsTravelInTheCookieItself() throws Exception {
        start(Map.of("SESSION_ENGINE", "django.contrib.sessions.backends.signed_cookies", "SECRET_KEY", "s3cr3t"));
        HttpResponse<String> first = app.get("/write", null);
        String cookie = setCookies(first).get(0).split(";")[0];
        assertThat(cookie).matches("sessionid=[A-Za-z0-9_.-]+:[0-9A-Za-z]+:[A-Za-z0-9_-]+");
        app.get("/read", cookie);
        assertThat(lastSession.get().get("foo")).isEqualTo("bar");
    }

    @Test
    void aTamperedSignedCookieIsReplaced() throws Exception {
        start(Map.of("SESSION_ENGINE", "django.contrib.sessions.backends.signed_cookies", "SECRET_KEY", "s3cr3t"));
        String cookie = setCookies(app.get("/write", null)).get(0).split(";")[0];
        HttpResponse<String> tampered = app.get("/read", cookie + "x");
        assertThat(lastSession.get().get("foo")).isNull();
        assertThat(setCookies(tampered)).singleElement().asString().startsWith("sessionid=").doesNotStartWith(cookie);
    }

    @Test
    void aRedirectWithAnotherStatusCarriesTheCookie() throws Exception {
        start();
        HttpResponse<String> response = app.get("/redirect-303", null);
        assertThat(response.statusCode()).isEqualTo(303);
        assertThat(response.headers().firstValue("Location")).hasValueSatisfying(l -> assertThat(l).endsWith("/elsewhere"));
        assertThat(setCookies(response)).singleElement().asString().matches(KEPT);
    }

    private static final Map<String, Object> SIGNED =
            Map.of("SESSION_ENGINE", "django.contrib.sessions.backends.signed_cookies", "SECRET_KEY", "s3cr3t");

    private static String incompressible(int length) {
        java.util.Random random = new java.util.Random(42);
        StringBuilder text = new StringBuilder(length);
        for (int i = 0; i < length; i++) {
            text.append((char) ('!' + random.nextInt(94)));
        }
        return text.toString();
    }

    @Test
    void anOversizedSignedCookieIsATypedErrorNotASilentlyDroppedCookie() throws Exception {
        start(SIGNED);
        HttpResponse<String> response = app.get("/big", null);
        assertThat(response.statusCode()).isEqualTo(500);
        assertThat(setCookies(response)).isEmpty();
        assertThat(response.body()).isNotEqualTo("ok");
        assertThat(app.failure()).isInstanceOfSatisfying(SessionCookieTooLargeException.class, e -> {
            assertThat(e.cookieName()).isEqualTo("sessionid");
            assertThat(e.size()).isGreaterThan(SessionCookies.MAX_SIZE);
            assertThat(e).hasMessageContaining("'sessionid' would be " + e.size() + " bytes")
                    .hasMessageContaining("over the 4096 bytes");
        });
    }

    @Test
    void anOversizedCookieIsLoggedAndLeftOutWhenConfiguredSo() throws Exception {
        sessions = Sessions.from(SessionSettings.fromMap(SIGNED), caches).withClock(clock);
        app = new JettyApp(new ActionServlet(), new FilterHolder(new SessionFilter(sessions, OversizedCookie.LOG)), null);
        AtomicReference<HttpResponse<String>> response = new AtomicReference<>();
        String log = LogCapture.during(() -> response.set(app.get("/big", null)));
        assertThat(response.get().statusCode()).isEqualTo(200);
        assertThat(response.get().body()).isEqualTo("ok");
        assertThat(setCookies(response.get())).isEmpty();
        assertThat(log).containsPattern("WARN org.cacheway.session.web.SessionFilter - The session cookie 'sessionid'"
                + " would be [0-9]{4} bytes, over the 4096 bytes browsers must keep; the response goes without it"
                + " \\(SESSION_COOKIE_OVERSIZE = log\\)");
    }

    @Test
    void theOversizePolicyComesFromTheFilterInitParameter() throws Exception {
        sessions = Sessions.from(SessionSettings.fromMap(SIGNED), caches).withClock(clock);
        FilterHolder filter = new FilterHolder(SessionFilter.class);
        filter.setInitParameter("SESSION_COOKIE_OVERSIZE", "log");
        app = new JettyApp(new ActionServlet(), filter, sessions);
        HttpResponse<String> response = app.get("/big", null);
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(setCookies(response)).isEmpty();
    }

    @Test
    void aSignedCookieWithinTheLimitIsStillSent() throws Exception {
        start(SIGNED);
        HttpResponse<String> response = app.get("/write", null);
        assertThat(setCookies(response)).singleElement().satisfies(c -> assertThat(SessionCookies.size(c))
                .isLessThanOrEqualTo(SessionCookies.MAX_SIZE));
    }

    @Test
    void theNoArgumentFilterFindsItsSessionsInTheServletContext() throws Exception {
        sessions = Sessions.from(SessionSettings.defaults(), caches).withClock(clock);
        app = new JettyApp(sessions, new ActionServlet(), true);
        assertThat(setCookies(app.get("/write", null))).singleElement().asString().matches(KEPT);
    }
}
