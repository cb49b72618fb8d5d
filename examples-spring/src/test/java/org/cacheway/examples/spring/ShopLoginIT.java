package org.cacheway.examples.spring;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.cacheway.session.Session;
import org.cacheway.session.Sessions;
import org.cacheway.testsupport.RedisExtension;
import org.cacheway.testsupport.RedisStandalone;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Spring Security's form login kept in the Redis session: a second instance and a restarted one see it. */
class ShopLoginIT {
    @RegisterExtension
    static final RedisExtension<RedisStandalone> redis = RedisExtension.standalone();

    private static final Pattern CSRF = Pattern.compile("name=\"_csrf\" type=\"hidden\" value=\"([^\"]+)\"");

    /** Logs the demo user in on {@code shop}; the session cookie after the login. */
    private static String logIn(ShopInstance shop) throws Exception {
        HttpResponse<String> page = shop.get("/login", null);
        Matcher csrf = CSRF.matcher(page.body());
        assertThat(csrf.find()).as("the login page's CSRF field in %s", page.body()).isTrue();
        String before = ShopInstance.sessionCookie(page, null);
        HttpResponse<String> login = shop.post("/login", before, "username=" + ShopSecurity.USER + "&password="
                + ShopSecurity.PASSWORD + "&_csrf=" + URLEncoder.encode(csrf.group(1), StandardCharsets.UTF_8));
        assertThat(login.statusCode()).isEqualTo(302);
        assertThat(login.headers().firstValue("Location").orElseThrow()).doesNotContain("error");
        String after = ShopInstance.sessionCookie(login, null);
        assertThat(after).as("login cycles the session key").isNotNull().isNotEqualTo(before);
        return after;
    }

    @Test
    void theLoginIsInRedisSeenByASecondInstanceAndSurvivesARestart() throws Exception {
        String cookie;
        try (ShopInstance first = new ShopInstance(redis.get().uri(1));
                ShopInstance second = new ShopInstance(redis.get().uri(1))) {
            cookie = logIn(first);
            assertThat(first.get("/me", cookie).body()).isEqualTo(ShopSecurity.USER);
            assertThat(second.get("/me", cookie).body()).isEqualTo(ShopSecurity.USER);
            Session stored = first.bean(Sessions.class).open(cookie.substring("sessionid=".length()));
            assertThat(stored.get("SPRING_SECURITY_CONTEXT")).as("Java-serialized behind the allow-list, as JSON")
                    .isInstanceOf(Map.class).asString().startsWith("{__java__=");
        }
        try (ShopInstance restarted = new ShopInstance(redis.get().uri(1))) {
            HttpResponse<String> me = restarted.get("/me", cookie);
            assertThat(me.statusCode()).isEqualTo(200);
            assertThat(me.body()).isEqualTo(ShopSecurity.USER);
        }
    }

    @Test
    void withoutTheSessionCookieTheUserIsSentToLogIn() throws Exception {
        try (ShopInstance shop = new ShopInstance(redis.get().uri(1))) {
            HttpResponse<String> me = shop.get("/me", null);
            assertThat(me.statusCode()).isEqualTo(302);
            assertThat(me.headers().firstValue("Location").orElseThrow()).endsWith("/login");
        }
    }
}
