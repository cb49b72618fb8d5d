package org.cacheway.testsupport;

import java.io.ByteArrayOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * Parses RESP2 replies: simple strings and bulk strings become {@link String}, integers {@link Long},
 * arrays {@link List}, nil {@code null}, and errors {@link RespException} objects (thrown by the client
 * at top level, kept as elements inside arrays).
 */
final class RespReader {

    private final InputStream in;

    RespReader(InputStream in) {
        this.in = in;
    }

    /** Reads one complete reply. */
    Object read() throws IOException {
        int type = in.read();
        if (type == -1) {
            throw new EOFException("connection closed by the server");
        }
        String line = readLine();
        switch (type) {
            case '+':
                return line;
            case '-':
                return new RespException(line);
            case ':':
                return Long.parseLong(line);
            case '_':
                return null;
            case '$':
                return readBulk(Integer.parseInt(line));
            case '*':
                return readArray(Integer.parseInt(line));
            default:
                throw new IOException("unexpected RESP type byte '" + (char) type + "' followed by: " + line);
        }
    }

    private String readBulk(int length) throws IOException {
        if (length < 0) {
            return null;
        }
        byte[] bytes = in.readNBytes(length);
        if (bytes.length < length) {
            throw new EOFException("bulk string truncated: expected " + length + " bytes, got " + bytes.length);
        }
        if (in.read() != '\r' || in.read() != '\n') {
            throw new IOException("bulk string of " + length + " bytes not followed by CRLF");
        }
        return new String(bytes, StandardCharsets.UTF_8);
    }

    private List<Object> readArray(int count) throws IOException {
        if (count < 0) {
            return null;
        }
        List<Object> items = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            items.add(read());
        }
        return Collections.unmodifiableList(items);
    }

    private String readLine() throws IOException {
        ByteArrayOutputStream buffer = new ByteArrayOutputStream(32);
        while (true) {
            int b = in.read();
            if (b == -1) {
                throw new EOFException("connection closed in the middle of a reply line");
            }
            if (b == '\r') {
                if (in.read() != '\n') {
                    throw new IOException("CR not followed by LF in a reply line");
                }
                return buffer.toString(StandardCharsets.UTF_8);
            }
            buffer.write(b);
        }
    }
}
