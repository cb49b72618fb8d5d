package org.cacheway.session.signed;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.cacheway.session.JsonModel;
import org.cacheway.session.MutableClock;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Signed session cookies against a real Django: for the same data and time both sides produce the
 * same cookie, and each loads the other's. Needs {@code /usr/bin/python3} with Django; fails
 * (never skips) without it.
 */
class SignedCookieDjangoInteropIT {
    private static final String PYTHON = "/usr/bin/python3";
    private static final String SECRET = "interop-secret";
    private static final long TIME = 1_700_000_000L;
    private static final ObjectMapper JSON = new ObjectMapper();
    private static String script;

    private final Signing signing = new Signing(SECRET, SignedCookieSessionStore.SALT,
            new MutableClock(Instant.ofEpochSecond(TIME)));

    @BeforeAll
    static void requireDjango() throws Exception {
        String missing = "Django is needed for this test: install it with 'apt-get install python3-django' "
                + "(Debian/Ubuntu), which provides " + PYTHON + " with Django";
        if (!Files.isExecutable(Path.of(PYTHON))) {
            throw new AssertionError(PYTHON + " not found. " + missing);
        }
        Process check = new ProcessBuilder(PYTHON, "-c", "import django").redirectErrorStream(true).start();
        String output = new String(check.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!check.waitFor(60, TimeUnit.SECONDS) || check.exitValue() != 0) {
            throw new AssertionError(missing + " (python said: " + output.trim() + ")");
        }
        try (InputStream in = SignedCookieDjangoInteropIT.class.getResourceAsStream("django_signing.py")) {
            script = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    private static String django(String action, String payload) throws Exception {
        Process process = new ProcessBuilder(PYTHON, "-c", script, SECRET, Long.toString(TIME), action, payload).start();
        String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8).trim();
        String err = new String(process.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!process.waitFor(60, TimeUnit.SECONDS) || process.exitValue() != 0) {
            throw new AssertionError("the Django side failed (" + action + "): " + err);
        }
        return out;
    }

    private static Map<String, Object> data(int items) {
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("_auth_user_id", "1");
        data.put("name", "Zo\u00eb \u2615 \"quoted\" \\ back\nslash");
        data.put("floats", List.of(1.5, 3.0, 1e20, 0.1, -2.5e-7));
        data.put("flags", List.of(true, false));
        data.put("none", null);
        data.put("items", java.util.stream.LongStream.range(0, items).boxed().toList());
        return data;
    }

    @Test
    void bothSidesSignTheSameDataToTheSameCookie() throws Exception {
        for (int items : new int[] {0, 40}) {
            Map<String, Object> data = data(items);
            assertThat(signing.dumps(data)).as("%d items", items)
                    .isEqualTo(django("dumps", JSON.writeValueAsString(data)));
        }
    }

    @Test
    void djangoLoadsJavasCookie() throws Exception {
        Map<String, Object> data = data(40);
        Object loaded = JSON.readValue(django("loads", signing.dumps(data)), Object.class);
        assertThat(JsonModel.normalize(loaded)).isEqualTo(data);
    }

    @Test
    void javaLoadsDjangosCookie() throws Exception {
        Map<String, Object> data = data(40);
        assertThat(signing.loads(django("dumps", JSON.writeValueAsString(data)), 1_209_600)).isEqualTo(data);
    }
}
