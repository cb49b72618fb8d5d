package org.cacheway.testsupport;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

class RespReaderTest {

    private static Object parse(String wire) throws IOException {
        return new RespReader(new ByteArrayInputStream(wire.getBytes(StandardCharsets.UTF_8))).read();
    }

    @Test
    void simpleString() throws IOException {
        assertThat(parse("+PONG\r\n")).isEqualTo("PONG");
    }

    @Test
    void errorBecomesRespExceptionValue() throws IOException {
        assertThat(parse("-ERR unknown command 'FOO'\r\n"))
                .isInstanceOf(RespException.class)
                .hasFieldOrPropertyWithValue("message", "ERR unknown command 'FOO'");
    }

    @Test
    void integers() throws IOException {
        assertThat(parse(":0\r\n")).isEqualTo(0L);
        assertThat(parse(":-42\r\n")).isEqualTo(-42L);
        assertThat(parse(":9223372036854775807\r\n")).isEqualTo(Long.MAX_VALUE);
    }

    @Test
    void bulkStringsMayContainCrLfAndUtf8() throws IOException {
        assertThat(parse("$5\r\nhello\r\n")).isEqualTo("hello");
        assertThat(parse("$4\r\na\r\nb\r\n")).isEqualTo("a\r\nb");
        assertThat(parse("$0\r\n\r\n")).isEqualTo("");
        assertThat(parse("$2\r\n\u00e9\r\n")).isEqualTo("\u00e9");
    }

    @Test
    void nils() throws IOException {
        assertThat(parse("$-1\r\n")).isNull();
        assertThat(parse("*-1\r\n")).isNull();
        assertThat(parse("_\r\n")).isNull();
    }

    @Test
    void nestedArraysWithNullsAndErrors() throws IOException {
        Object reply = parse("*4\r\n$3\r\nfoo\r\n:7\r\n*2\r\n$-1\r\n+OK\r\n-ERR inner\r\n");
        assertThat(reply).isInstanceOf(List.class);
        List<?> list = (List<?>) reply;
        assertThat(list).hasSize(4);
        assertThat(list.get(0)).isEqualTo("foo");
        assertThat(list.get(1)).isEqualTo(7L);
        assertThat(list.get(2)).isEqualTo(Arrays.asList(null, "OK"));
        assertThat(list.get(3)).isInstanceOf(RespException.class);
        assertThat(parse("*0\r\n")).isEqualTo(List.of());
    }

    @Test
    void readsConsecutiveReplies() throws IOException {
        RespReader reader = new RespReader(new ByteArrayInputStream(
                "+OK\r\n:1\r\n$1\r\nx\r\n".getBytes(StandardCharsets.UTF_8)));
        assertThat(Arrays.asList(reader.read(), reader.read(), reader.read())).containsExactly("OK", 1L, "x");
    }

    @Test
    void truncatedRepliesFail() {
        assertThatThrownBy(() -> parse("")).isInstanceOf(EOFException.class);
        assertThatThrownBy(() -> parse("+OK")).isInstanceOf(EOFException.class);
        assertThatThrownBy(() -> parse("$5\r\nhel")).isInstanceOf(EOFException.class);
        assertThatThrownBy(() -> parse("*2\r\n+a\r\n")).isInstanceOf(EOFException.class);
    }

    @Test
    void malformedRepliesFail() {
        assertThatThrownBy(() -> parse("?what\r\n")).isInstanceOf(IOException.class).hasMessageContaining("'?'");
        assertThatThrownBy(() -> parse("$3\r\nabcXY")).isInstanceOf(IOException.class);
        assertThatThrownBy(() -> parse("+OK\rX")).isInstanceOf(IOException.class);
    }

    @Test
    void encodesCommandsAsArraysOfBulkStrings() {
        byte[] wire = RespClient.encode("SET", "k\u00e9", 12, new byte[] {0, 1});
        assertThat(new String(wire, StandardCharsets.ISO_8859_1)).isEqualTo(
                "*4\r\n$3\r\nSET\r\n$3\r\nk\u00c3\u00a9\r\n$2\r\n12\r\n$2\r\n\u0000\u0001\r\n");
    }
}
