package org.cacheway.session.redis;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.cacheway.cache.Caches;
import org.cacheway.session.Session;
import org.cacheway.session.SessionSettings;
import org.cacheway.session.Sessions;
import org.cacheway.session.auth.DjangoAuth;
import org.cacheway.testsupport.DebianPython;
import org.cacheway.testsupport.RedisExtension;
import org.cacheway.testsupport.RedisStandalone;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * Logins shared with a real Django site on one Redis, both directions: the admin's login form
 * posted to Django is a login for Java ({@link DjangoAuth#getUser} verifies it against the
 * password hash in Django's database), a {@link DjangoAuth#login} from Java is a login for
 * Django's admin, and logouts, key cycles and password changes on one side are seen by the other.
 * Each subclass is one Django set-up (version, cache backend, serializer; Debian's Django 3.2
 * unless it says otherwise); the site is
 * {@code django_logins.py}: admin, auth and cache sessions on SQLite in a temporary directory,
 * every request through Django's test client and full middleware stack.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class DjangoLoginContract {
    @RegisterExtension
    static final RedisExtension<RedisStandalone> redis = RedisExtension.standalone();

    private static final String SECRET = "django-insecure-cacheway-login-interop";
    private static final int DB = 4;
    private static final ObjectMapper JSON = new ObjectMapper();

    /** Java's logins, under the Django site's {@code SECRET_KEY}. */
    protected final DjangoAuth auth = DjangoAuth.withSecretKey(SECRET);
    private final AtomicInteger users = new AtomicInteger();
    private Path work;
    private String script;
    private Caches caches;
    /** Cacheway's sessions on the Django site's Redis, as its settings configure them. */
    protected Sessions sessions;

    /** Fails, saying what to install, when the Django side is missing; Debian's Django by default. */
    protected void requireDjango() {
        DebianPython.require("django", "django_redis");
    }

    /** Runs {@code script} with {@code args} on the Django side's Python; Debian's by default. */
    protected String python(String script, String... args) {
        return DebianPython.run(script, "", args);
    }

    /** The Django side's {@code CACHES['default']} for the Redis at {@code location}. */
    protected abstract Map<String, Object> djangoCache(String location);

    /** Cacheway's {@code CACHES['default']} for the same Redis. */
    protected abstract Map<String, Object> cachewayCache(String location);

    /** A Django user made with the ORM: what the site and Java know of them. */
    record DjangoUser(String username, String password, String id, String passwordHash) {
    }

    /** One response of the Django site. */
    record Reply(int status, String location, String cookie, Map<String, Object> body) {
    }

    @BeforeAll
    void migrate(@TempDir Path database) throws IOException {
        requireDjango();
        work = database;
        try (InputStream in = DjangoLoginContract.class.getResourceAsStream("django_logins.py")) {
            script = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        django("migrate", Map.of());
    }

    @BeforeEach
    void start() {
        redis.get().flushAll();
        caches = Caches.fromSettings(Map.of("default", cachewayCache(location())));
        sessions = Sessions.from(SessionSettings.fromMap(Map.of(
                "SESSION_ENGINE", "django.contrib.sessions.backends.cache", "SECRET_KEY", SECRET)), caches);
    }

    @AfterEach
    void stop() {
        caches.close();
    }

    private String location() {
        return redis.get().uri(DB);
    }

    /** Runs one action of {@code django_logins.py} on the Django site and returns its JSON reply. */
    @SuppressWarnings("unchecked")
    protected Map<String, Object> django(String action, Map<String, ?> payload) {
        Map<String, Object> config = Map.of("db", work.resolve("django.sqlite3").toString(), "secret", SECRET,
                "caches", Map.of("default", djangoCache(location())));
        try {
            return JSON.readValue(python(script, JSON.writeValueAsString(config), action,
                    JSON.writeValueAsString(payload)), Map.class);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @SuppressWarnings("unchecked")
    private Reply request(String action, Map<String, ?> payload) {
        Map<String, Object> out = django(action, payload);
        try {
            Map<String, Object> body = out.get("body") == null ? null : JSON.readValue((String) out.get("body"), Map.class);
            return new Reply((Integer) out.get("status"), (String) out.get("location"), (String) out.get("cookie"), body);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private DjangoUser superuser() {
        String username = "user" + users.incrementAndGet();
        String password = "pw-" + username + "-\u00e9";
        Map<String, Object> made = django("create-superuser", Map.of("username", username, "password", password));
        return new DjangoUser(username, password, (String) made.get("id"), (String) made.get("password"));
    }

    /** The admin's login form posted with {@code cookie} (null: a fresh browser); returns the new session key. */
    private String adminLogin(DjangoUser user, String cookie) {
        Map<String, Object> payload = new HashMap<>(Map.of("username", user.username(), "password", user.password()));
        payload.put("cookie", cookie);
        Reply reply = request("admin-login", payload);
        assertThat(reply.status()).as("the admin login redirects to the index").isEqualTo(302);
        assertThat(reply.location()).isEqualTo("/admin/");
        return reply.cookie();
    }

    /**
     * Checks an expiry age left of a 600-second expiry set after {@code startNanos} ({@link System#nanoTime}):
     * 600 less the whole seconds since then, or a second more, so a loaded machine cannot fail it.
     */
    protected static void assertAgeLeftOf600(long age, long startNanos) {
        long elapsed = TimeUnit.NANOSECONDS.toSeconds(System.nanoTime() - startNanos);
        assertThat(age).isBetween(600 - elapsed - 1, 600L);
    }

    /** A session Django saved with {@code {"n": 1}} and {@code set_expiry(timedelta(seconds=600))}; its key. */
    protected String djangoSessionExpiringIn600() {
        return (String) django("anonymous-session", Map.of("data", Map.of("n", 1), "expiry_delta", 600)).get("key");
    }

    private Reply get(String cookie, String path) {
        return request("get", Map.of("cookie", cookie, "path", path));
    }

    /** The user Django's {@code request.user} is for a request with {@code cookie}, or null. */
    private Object djangoUserId(String cookie) {
        return get(cookie, "/whoami/").body().get("id");
    }

    private Session javaLogin(DjangoUser user) {
        Session session = sessions.create();
        auth.login(session, user.id(), user.passwordHash());
        session.save();
        return session;
    }

    private String currentPasswordHash(String id, DjangoUser user) {
        return id.equals(user.id()) ? user.passwordHash() : null;
    }

    @Test
    void javaReadsTheLoginOfDjangosAdminForm() {
        DjangoUser user = superuser();
        String key = adminLogin(user, null);
        Session session = sessions.open(key);
        assertThat(DjangoAuth.sessionUserId(session)).contains(user.id());
        assertThat(session.get(DjangoAuth.BACKEND_SESSION_KEY)).isEqualTo(DjangoAuth.MODEL_BACKEND);
        assertThat(session.get(DjangoAuth.HASH_SESSION_KEY)).isEqualTo(auth.sessionAuthHash(user.passwordHash()));
        assertThat(auth.getUser(session, id -> currentPasswordHash(id, user))).contains(user.id());
    }

    @Test
    void djangosAdminAcceptsAJavaLogin() {
        DjangoUser user = superuser();
        String key = javaLogin(user).sessionKey();
        Reply index = get(key, "/admin/");
        assertThat(index.status()).as("the admin index, not a redirect to its login").isEqualTo(200);
        assertThat(djangoUserId(key)).isEqualTo(user.id());
    }

    @Test
    void aDjangoLoginOverAJavaSessionCyclesTheKeyAndKeepsTheData() {
        DjangoUser user = superuser();
        Session anonymous = sessions.create();
        anonymous.put("cart", List.of(1L, 2L));
        anonymous.save();
        String anonymousKey = anonymous.sessionKey();
        String key = adminLogin(user, anonymousKey);
        assertThat(key).isNotEqualTo(anonymousKey);
        assertThat(sessions.store().exists(anonymousKey)).isFalse();
        Session session = sessions.open(key);
        assertThat(session.get("cart")).isEqualTo(List.of(1L, 2L));
        assertThat(auth.getUser(session, id -> currentPasswordHash(id, user))).contains(user.id());
    }

    @Test
    void aJavaLoginOverADjangoSessionCyclesTheKeyAndKeepsTheData() {
        DjangoUser user = superuser();
        String anonymousKey = (String) django("anonymous-session", Map.of("data", Map.of("cart", List.of(3)))).get("key");
        Session session = sessions.open(anonymousKey);
        auth.login(session, user.id(), user.passwordHash());
        session.save();
        assertThat(session.sessionKey()).isNotEqualTo(anonymousKey);
        assertThat(get(anonymousKey, "/whoami/").body()).containsEntry("id", null).containsEntry("cart", null);
        assertThat(get(session.sessionKey(), "/whoami/").body()).containsEntry("id", user.id())
                .containsEntry("cart", List.of(3));
    }

    @Test
    void aDjangoLogoutLogsJavaOut() {
        DjangoUser user = superuser();
        String key = javaLogin(user).sessionKey();
        Reply logout = request("admin-logout", Map.of("cookie", key));
        assertThat(logout.status()).isEqualTo(200);
        assertThat(logout.cookie()).as("the session cookie is deleted").isEmpty();
        assertThat(sessions.store().exists(key)).isFalse();
        assertThat(auth.getUser(sessions.open(key), id -> currentPasswordHash(id, user))).isEmpty();
    }

    @Test
    void aJavaLogoutLogsDjangoOut() {
        DjangoUser user = superuser();
        String key = adminLogin(user, null);
        DjangoAuth.logout(sessions.open(key));
        Reply index = get(key, "/admin/");
        assertThat(index.status()).isEqualTo(302);
        assertThat(index.location()).startsWith("/admin/login/");
    }

    @Test
    void aJavaKeyCycleIsSeenByDjango() {
        DjangoUser user = superuser();
        String oldKey = adminLogin(user, null);
        Session session = sessions.open(oldKey);
        session.cycleKey();
        assertThat(djangoUserId(oldKey)).isNull();
        assertThat(djangoUserId(session.sessionKey())).isEqualTo(user.id());
    }

    @Test
    void aPasswordChangedInDjangoLogsTheJavaSessionOut() {
        DjangoUser user = superuser();
        String key = adminLogin(user, null);
        String newHash = (String) django("set-password", Map.of("username", user.username(), "password", "changed")).get("password");
        assertThat(newHash).isNotEqualTo(user.passwordHash());
        Session session = sessions.open(key);
        assertThat(auth.getUser(session, id -> id.equals(user.id()) ? newHash : null)).isEmpty();
        assertThat(sessions.store().exists(key)).as("flushed, as Django's get_user does").isFalse();
    }

    @Test
    void javaReadsTheExpiryDjangoStoresForATimedelta() {
        long start = System.nanoTime();
        String key = djangoSessionExpiringIn600();
        Session session = sessions.open(key);
        assertThat(session.get("n")).isEqualTo(1L);
        assertAgeLeftOf600(session.getExpiryAge(), start);
        assertThat(session.getExpireAtBrowserClose()).isFalse();
    }

    @Test
    void aJavaLoginWithAStalePasswordHashIsRefusedByDjango() {
        DjangoUser user = superuser();
        String key = javaLogin(user).sessionKey();
        django("set-password", Map.of("username", user.username(), "password", "changed"));
        assertThat(djangoUserId(key)).isNull();
    }
}
