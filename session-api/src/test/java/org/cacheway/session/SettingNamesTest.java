package org.cacheway.session;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** Setting names close to a known one are reported as likely typos; any other stays silent, as in Django. */
class SettingNamesTest {

    @Test
    void swappedLettersNameTheIntendedSetting() {
        assertThat(SettingNames.typoWarnings(Map.of("SESSION_COOKIE_AEG", 600)))
                .containsExactly("Setting SESSION_COOKIE_AEG is not a session setting and is ignored;"
                        + " did you mean SESSION_COOKIE_AGE?");
    }

    @Test
    void aMissingExtraOrWrongLetterNamesTheIntendedSetting() {
        assertThat(SettingNames.likelyMeant("SESION_ENGINE")).contains("SESSION_ENGINE");
        assertThat(SettingNames.likelyMeant("SESSION_COOKIE_AGES")).contains("SESSION_COOKIE_AGE");
        assertThat(SettingNames.likelyMeant("SESSION_COOKIE_HTTP_ONLY")).contains("SESSION_COOKIE_HTTPONLY");
        assertThat(SettingNames.likelyMeant("SESSION_CACHE_ALIAZ")).contains("SESSION_CACHE_ALIAS");
    }

    @Test
    void aLowercaseNameIsATypoOfTheSetting() {
        assertThat(SettingNames.likelyMeant("session_cookie_age")).contains("SESSION_COOKIE_AGE");
    }

    @Test
    void namesFarFromEveryKnownSettingStaySilent() {
        Map<String, Object> djangoSettings = new LinkedHashMap<>();
        djangoSettings.put("SESSION_FOO", 1);
        djangoSettings.put("SESSION_MY_APP_FLAG", true);
        djangoSettings.put("CSRF_COOKIE_AGE", 31_449_600);
        djangoSettings.put("LANGUAGE_COOKIE_NAME", "django_language");
        djangoSettings.put("SECRET_KEY_FALLBACKS", "[]");
        djangoSettings.put("DEBUG", false);
        assertThat(SettingNames.typoWarnings(djangoSettings)).isEmpty();
    }

    @Test
    void knownSettingsNeverWarnEvenThoseCachewayDoesNotUse() {
        Map<String, Object> settings = new LinkedHashMap<>();
        SettingNames.KNOWN.forEach(name -> settings.put(name, "x"));
        assertThat(SettingNames.typoWarnings(settings)).isEmpty();
        assertThat(SettingNames.KNOWN).contains("SESSION_SERIALIZER", "SESSION_FILE_PATH");
    }

    @Test
    void everySettingSessionSettingsHoldsIsKnown() {
        Matcher names = Pattern.compile("([A-Z_]+)=").matcher(SessionSettings.defaults().toString());
        int count = 0;
        while (names.find()) {
            assertThat(SettingNames.KNOWN).contains(names.group(1));
            count++;
        }
        assertThat(count).isGreaterThanOrEqualTo(13);
    }

    @Test
    void aTypoIsIgnoredAndLoggedAtWarnWithTheIntendedSetting() {
        PrintStream stderr = System.err;
        ByteArrayOutputStream log = new ByteArrayOutputStream();
        SessionSettings settings;
        try (PrintStream capture = new PrintStream(log, true, StandardCharsets.UTF_8)) {
            System.setErr(capture);
            settings = SessionSettings.fromMap(Map.of("SESSION_COOKIE_AEG", "60"));
        } finally {
            System.setErr(stderr);
        }
        assertThat(settings.cookieAge()).isEqualTo(1_209_600L);
        assertThat(log.toString(StandardCharsets.UTF_8))
                .contains("WARN org.cacheway.session.SessionSettings - Setting SESSION_COOKIE_AEG is not a session"
                        + " setting and is ignored; did you mean SESSION_COOKIE_AGE?");
    }
}
