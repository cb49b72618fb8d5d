package org.cacheway.cache;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.cacheway.testsupport.LogCapture;
import org.junit.jupiter.api.Test;

/**
 * What a key warning writes to the log: the key escaped as Python's {@code ascii()} shows it and cut
 * after 300 characters, so no key can forge a log line or flood the
 * log. The log is read where the tests' SLF4J simple binding writes it ({@link LogCapture}).
 */
class KeyWarningsTest {
    private static final String CHARACTERS =
            "Cache key contains characters that will cause errors if used with memcached: ";
    private static final int SHOWN = 300;
    private static final String LENGTH = "Cache key will cause errors if used with memcached: ";

    @Test
    void newlineInAKeyCannotForgeALogLine() throws Exception {
        String forged = "[main] INFO org.example.Auth - user admin logged in";
        String log = LogCapture.during(() -> KeyWarnings.check(":1:x\n" + forged));
        assertThat(log.lines()).hasSize(1).singleElement().asString()
                .contains("WARN org.cacheway.cache.KeyWarnings - " + CHARACTERS)
                .contains("':1:x\\n" + forged + "'");
    }

    @Test
    void hundredThousandCharacterKeyWritesAFewHundredCharactersToTheLog() throws Exception {
        String log = LogCapture.during(() -> KeyWarnings.check(":1:" + "a".repeat(100_000)));
        assertThat(log.lines()).hasSize(1);
        assertThat(log.length()).isLessThan(1_000);
        assertThat(log).contains(LENGTH + "':1:" + "a".repeat(297)
                + "'... (100003 characters, the first 300 shown) (longer than 250)");
    }

    @Test
    void controlCharactersAreEscapedAsPythonShowsThem() {
        assertThat(warnings(":1:\t\r\n\u0000\u001b[31m\u007f\\"))
                .containsExactly(CHARACTERS + "':1:\\t\\r\\n\\x00\\x1b[31m\\x7f\\\\'");
    }

    @Test
    void nonAsciiCharactersAreEscapedAsPythonsAsciiShowsThem() {
        assertThat(warnings(":1:é清\u202e\u2028😀 "))
                .containsExactly(CHARACTERS + "':1:\\xe9\\u6e05\\u202e\\u2028\\U0001f600 '");
    }

    @Test
    void keyWithAnUnpairedSurrogateIsAKeyErrorShowingItEscaped() {
        assertThatThrownBy(() -> KeyWarnings.check(":1:half\ud800 "))
                .isInstanceOf(CacheKeyException.class)
                .hasMessage("Cache key holds an unpaired surrogate (U+D800 at index 7), which has no UTF-8 form:"
                        + " ':1:half\\ud800 '");
        assertThatThrownBy(() -> KeyWarnings.check("\udc00")).isInstanceOf(CacheKeyException.class);
        assertThatThrownBy(() -> KeyWarnings.check("a\ud83d")).isInstanceOf(CacheKeyException.class);
    }

    @Test
    void pairedSurrogatesAreAWholeCharacter() {
        assertThat(warnings(":1:😀")).isEmpty();
    }

    @Test
    void keyWithASingleQuoteIsDoubleQuotedAsReprDoes() {
        assertThat(warnings(":1:it's here")).containsExactly(CHARACTERS + "\":1:it's here\"");
    }

    @Test
    void keyWithBothQuotesEscapesTheSingleOne() {
        assertThat(warnings(":1:it's \"x\"")).containsExactly(CHARACTERS + "':1:it\\'s \"x\"'");
    }

    @Test
    void keyOfExactlyTheShownLengthIsNotCut() {
        String key = ":1:" + "a".repeat(SHOWN - 3);
        assertThat(warnings(key)).containsExactly(LENGTH + "'" + key + "' (longer than 250)");
    }

    @Test
    void cutNeverSplitsASurrogatePair() {
        String key = ":1:" + "a".repeat(SHOWN - 4) + "😀" + "b".repeat(10);
        assertThat(warnings(key)).containsExactly(LENGTH + "':1:" + "a".repeat(SHOWN - 4)
                + "'... (311 characters, the first 299 shown) (longer than 250)");
    }

    @Test
    void longKeyWithAControlCharacterPastTheCutStillGetsBothWarnings() {
        String shown = "':1:" + "a".repeat(297) + "'... (404 characters, the first 300 shown)";
        assertThat(warnings(":1:" + "a".repeat(400) + "\n"))
                .containsExactly(LENGTH + shown + " (longer than 250)", CHARACTERS + shown);
    }

    private static List<String> warnings(String madeKey) {
        List<String> seen = new CopyOnWriteArrayList<>();
        try (AutoCloseable listening = KeyWarnings.listen(seen::add)) {
            KeyWarnings.check(madeKey);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
        return new ArrayList<>(seen);
    }
}
