package org.cacheway.session.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import jakarta.servlet.http.HttpSessionAttributeListener;
import jakarta.servlet.http.HttpSessionBindingEvent;
import jakarta.servlet.http.HttpSessionBindingListener;
import jakarta.servlet.http.HttpSessionEvent;
import jakarta.servlet.http.HttpSessionIdListener;
import java.io.IOException;
import java.io.Serializable;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EventListener;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicReference;
import org.cacheway.cache.CacheSerializationException;
import org.cacheway.cache.Caches;
import org.cacheway.cache.serializer.JavaSerializer;
import org.cacheway.session.Session;
import org.cacheway.session.SessionSettings;
import org.cacheway.session.Sessions;
import org.eclipse.jetty.ee10.servlet.FilterHolder;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** {@code request.getSession()} on a Cacheway session, through a real Jetty and real HTTP. */
class HttpSessionFilterTest {
    /** An object outside Django's JSON model, allowed by the test's allow-list. */
    record Cart(String owner, List<String> items) implements Serializable {
    }

    /** Serializable but not allowed. */
    record Secret(String value) implements Serializable {
    }

    private final Caches caches = Caches.fromSettings(Map.of("default", Map.of(
            "BACKEND", "django.core.cache.backends.locmem.LocMemCache", "LOCATION", UUID.randomUUID().toString())));
    private final Sessions sessions = Sessions.from(SessionSettings.defaults(), caches);
    private final List<String> heard = Collections.synchronizedList(new ArrayList<>());
    private final AtomicReference<Throwable> thrown = new AtomicReference<>();
    private JettyApp app;

    @BeforeEach
    void start() throws Exception {
        JavaSerializer objects = new JavaSerializer(List.of(Cart.class.getName(), Binding.class.getName()));
        List<EventListener> listeners = List.of(new AttributeEcho(), new IdEcho());
        HttpSessionFilter filter = new HttpSessionFilter(new SessionFilter(sessions), objects, listeners);
        app = new JettyApp(new ActionServlet(), new FilterHolder(filter), null);
    }

    @AfterEach
    void stop() throws Exception {
        app.close();
        caches.close();
    }

    private String savedSession(Map<String, Object> data) {
        Session session = sessions.create();
        session.update(data);
        session.save();
        return session.sessionKey();
    }

    private static String cookieKey(HttpResponse<?> response) {
        String header = response.headers().firstValue("Set-Cookie").orElseThrow();
        return header.substring("sessionid=".length(), header.indexOf(';'));
    }

    /** Each path is one action on {@code request.getSession()}; the body says what the session answered. */
    private final class ActionServlet extends HttpServlet {
        @Override
        protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
            String body;
            try {
                body = act(request);
            } catch (RuntimeException e) {
                thrown.set(e);
                body = "threw";
            }
            response.getWriter().write(body);
        }

        private String act(HttpServletRequest request) {
            switch (request.getPathInfo()) {
                case "/peek" -> {
                    HttpSession session = request.getSession(false);
                    return session == null ? "none" : "new=" + session.isNew() + " name=" + session.getAttribute("name");
                }
                case "/json" -> request.getSession().setAttribute("name", new java.util.TreeMap<>(Map.of("first", "Ada", "visits", 3)));
                case "/cart" -> request.getSession().setAttribute("cart", new Cart("ada", List.of("tea")));
                case "/read-cart" -> {
                    HttpSession session = request.getSession();
                    Object cart = session.getAttribute("cart");
                    return cart + " same=" + (cart == session.getAttribute("cart"));
                }
                case "/secret" -> request.getSession().setAttribute("secret", new Secret("s"));
                case "/cycle" -> {
                    String old = request.getSession().getId();
                    return old + ">" + request.changeSessionId();
                }
                case "/cycle-without-session" -> request.changeSessionId();
                case "/invalidate" -> {
                    HttpSession session = request.getSession();
                    session.invalidate();
                    return "valid=" + request.isRequestedSessionIdValid() + " after=" + request.getSession(false);
                }
                case "/expiry" -> {
                    HttpSession session = request.getSession();
                    session.setAttribute("name", "x");
                    session.setMaxInactiveInterval(600);
                    return "max=" + session.getMaxInactiveInterval();
                }
                case "/never" -> request.getSession().setMaxInactiveInterval(0);
                case "/names" -> {
                    HttpSession session = request.getSession();
                    session.setAttribute("name", "x");
                    session.setMaxInactiveInterval(60);
                    return String.join(",", Collections.list(session.getAttributeNames()));
                }
                case "/new-id" -> {
                    HttpSession session = request.getSession();
                    return session.isNew() + " " + session.getId();
                }
                case "/listeners" -> {
                    HttpSession session = request.getSession();
                    session.setAttribute("b", new Binding("first", heard));
                    session.setAttribute("b", new Binding("second", heard));
                    session.removeAttribute("b");
                }
                default -> throw new IllegalArgumentException(request.getPathInfo());
            }
            return "ok";
        }
    }

    /** A value that records being bound and unbound (in this request's copy only). */
    static final class Binding implements HttpSessionBindingListener, Serializable {
        private final String name;
        private final transient List<String> heard;

        Binding(String name, List<String> heard) {
            this.name = name;
            this.heard = heard;
        }

        @Override
        public void valueBound(HttpSessionBindingEvent event) {
            heard.add("bound " + name);
        }

        @Override
        public void valueUnbound(HttpSessionBindingEvent event) {
            heard.add("unbound " + name);
        }

        @Override
        public String toString() {
            return name;
        }
    }

    private final class AttributeEcho implements HttpSessionAttributeListener {
        @Override
        public void attributeAdded(HttpSessionBindingEvent event) {
            heard.add("added " + event.getName() + "=" + event.getValue());
        }

        @Override
        public void attributeReplaced(HttpSessionBindingEvent event) {
            heard.add("replaced " + event.getName() + "=" + event.getValue());
        }

        @Override
        public void attributeRemoved(HttpSessionBindingEvent event) {
            heard.add("removed " + event.getName() + "=" + event.getValue());
        }
    }

    private final class IdEcho implements HttpSessionIdListener {
        @Override
        public void sessionIdChanged(HttpSessionEvent event, String oldSessionId) {
            heard.add("id " + oldSessionId + ">" + event.getSession().getId());
        }
    }

    @Test
    void noCookieMeansNoSessionUnlessOneIsAskedFor() throws Exception {
        HttpResponse<String> response = app.get("/peek", null);
        assertThat(response.body()).isEqualTo("none");
        assertThat(response.headers().firstValue("Set-Cookie")).isEmpty();
    }

    @Test
    void aCookieForAMissingRecordIsNoSession() throws Exception {
        assertThat(app.get("/peek", "sessionid=" + "a".repeat(32)).body()).isEqualTo("none");
    }

    @Test
    void jsonAttributesAreStoredAsDjangoDataAndReadNextRequest() throws Exception {
        String key = cookieKey(app.get("/json", null));
        assertThat(sessions.open(key).get("name")).isEqualTo(Map.of("first", "Ada", "visits", 3L));
        assertThat(app.get("/peek", "sessionid=" + key).body()).isEqualTo("new=false name={first=Ada, visits=3}");
    }

    @Test
    void otherObjectsGoThroughTheAllowList() throws Exception {
        String key = cookieKey(app.get("/cart", null));
        Object stored = sessions.open(key).get("cart");
        assertThat(stored).asInstanceOf(org.assertj.core.api.InstanceOfAssertFactories.MAP)
                .containsOnlyKeys(AttributeCodec.JAVA_KEY);
        assertThat(app.get("/read-cart", "sessionid=" + key).body())
                .isEqualTo("Cart[owner=ada, items=[tea]] same=true");
    }

    @Test
    void aClassOutsideTheAllowListFailsSetAttribute() throws Exception {
        assertThat(app.get("/secret", null).body()).isEqualTo("threw");
        assertThat(thrown.get()).isInstanceOf(CacheSerializationException.class)
                .hasMessageContaining(Secret.class.getName()).hasMessageContaining("ALLOWED_CLASSES");
    }

    @Test
    void changeSessionIdCyclesTheKeyKeepingTheData() throws Exception {
        String key = savedSession(Map.of("name", "Ada"));
        HttpResponse<String> response = app.get("/cycle", "sessionid=" + key);
        String newKey = cookieKey(response);
        assertThat(response.body()).isEqualTo(key + ">" + newKey);
        assertThat(newKey).isNotEqualTo(key);
        assertThat(sessions.open(key).exists()).isFalse();
        assertThat(sessions.open(newKey).get("name")).isEqualTo("Ada");
        assertThat(heard).containsExactly("id " + key + ">" + newKey);
    }

    @Test
    void changeSessionIdWithoutASessionIsAnIllegalState() throws Exception {
        app.get("/cycle-without-session", null);
        assertThat(thrown.get()).isInstanceOf(IllegalStateException.class).hasMessageContaining("has none");
    }

    @Test
    void invalidateFlushesTheRecordAndDeletesTheCookie() throws Exception {
        String key = savedSession(Map.of("name", "Ada"));
        HttpResponse<String> response = app.get("/invalidate", "sessionid=" + key);
        assertThat(response.body()).isEqualTo("valid=false after=null");
        assertThat(response.headers().firstValue("Set-Cookie").orElseThrow()).startsWith("sessionid=\"\"; expires=Thu, 01 Jan 1970");
        assertThat(sessions.open(key).exists()).isFalse();
        assertThat(heard).containsExactly("removed name=Ada");
    }

    @Test
    void maxInactiveIntervalIsTheExpiry() throws Exception {
        HttpResponse<String> response = app.get("/expiry", null);
        assertThat(response.body()).isEqualTo("max=600");
        assertThat(response.headers().firstValue("Set-Cookie").orElseThrow()).contains("Max-Age=600;");
        assertThat(sessions.open(cookieKey(response)).getExpiryAge()).isEqualTo(600);
    }

    @Test
    void aSessionThatNeverExpiresIsRefused() throws Exception {
        app.get("/never", null);
        assertThat(thrown.get()).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("setMaxInactiveInterval(0)");
    }

    @Test
    void bindingAndAttributeListenersHearAsTheSpecSays() throws Exception {
        app.get("/listeners", null);
        assertThat(heard).containsExactly("bound first", "added b=first", "bound second", "unbound first",
                "replaced b=first", "unbound second", "removed b=second");
    }

    @Test
    void djangosExpiryEntryIsNotAnAttribute() throws Exception {
        assertThat(app.get("/names", null).body()).isEqualTo("name");
    }

    @Test
    void askingANewSessionForItsIdStoresItUnderThatKey() throws Exception {
        HttpResponse<String> response = app.get("/new-id", null);
        String key = cookieKey(response);
        assertThat(response.body()).isEqualTo("true " + key);
        assertThat(sessions.open(key).exists()).isTrue();
    }
}
