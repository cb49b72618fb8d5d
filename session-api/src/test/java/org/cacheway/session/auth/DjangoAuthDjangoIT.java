package org.cacheway.session.auth;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.cacheway.testsupport.DebianPython;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The session auth hash against a real Django's {@code AbstractBaseUser.get_session_auth_hash()}:
 * the vectors pinned in {@link DjangoAuthTest} and random secrets and password hashes, non-ASCII
 * included. Needs {@code /usr/bin/python3} with Django; fails (never skips) without it.
 */
class DjangoAuthDjangoIT {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static String script;

    @BeforeAll
    static void requireDjango() throws Exception {
        DebianPython.require("django");
        try (InputStream in = DjangoAuthDjangoIT.class.getResourceAsStream("django_auth_hash.py")) {
            script = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    private static List<String> django(List<List<String>> secretAndPasswordHash) throws Exception {
        String out = DebianPython.run(script, JSON.writeValueAsString(secretAndPasswordHash));
        return List.of(JSON.readValue(out, String[].class));
    }

    private static String random(Random random, int length) {
        StringBuilder text = new StringBuilder();
        String alphabet = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789$/+=!@#%^&*()_-\u00e9\u00eb\u2615";
        for (int i = 0; i < length; i++) {
            text.append(alphabet.charAt(random.nextInt(alphabet.length())));
        }
        return text.toString();
    }

    @Test
    void thePinnedVectorsAreDjangos() throws Exception {
        assertThat(django(List.of(List.of(DjangoAuthTest.SECRET, DjangoAuthTest.PASSWORD_HASH),
                List.of("old-secret", DjangoAuthTest.PASSWORD_HASH))))
                .containsExactly(DjangoAuthTest.AUTH_HASH, DjangoAuthTest.OLD_SECRET_AUTH_HASH);
    }

    @Test
    void randomSecretsAndPasswordHashesHashAsInDjango() throws Exception {
        Random random = new Random(14);
        List<List<String>> pairs = new ArrayList<>();
        List<String> expected = new ArrayList<>();
        for (int i = 0; i < 50; i++) {
            String secret = random(random, 1 + random.nextInt(80));
            String passwordHash = random(random, random.nextInt(120));
            pairs.add(List.of(secret, passwordHash));
            expected.add(DjangoAuth.withSecretKey(secret).sessionAuthHash(passwordHash));
        }
        assertThat(django(pairs)).isEqualTo(expected);
    }
}
