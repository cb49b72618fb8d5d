package org.cacheway.cache.compressor;

import java.io.ByteArrayOutputStream;

/** Decodes the quoted strings {@code redis-cli --no-raw} prints, so dumps can be pasted verbatim. */
public final class RedisCli {
    private RedisCli() {
    }

    /** The bytes of a redis-cli string body (without the surrounding quotes). */
    public static byte[] unquote(String s) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c != '\\') {
                out.write(c);
                continue;
            }
            char e = s.charAt(++i);
            switch (e) {
                case 'x':
                    out.write(Integer.parseInt(s.substring(i + 1, i + 3), 16));
                    i += 2;
                    break;
                case 'n': out.write('\n'); break;
                case 'r': out.write('\r'); break;
                case 't': out.write('\t'); break;
                case 'b': out.write('\b'); break;
                case 'a': out.write(7); break;
                default: out.write(e);
            }
        }
        return out.toByteArray();
    }

    /** Lowercase hex of bytes. */
    public static String hex(byte[] bytes) {
        StringBuilder sb = new StringBuilder();
        for (byte b : bytes) {
            sb.append(String.format("%02x", b & 0xff));
        }
        return sb.toString();
    }

    /** Bytes of lowercase or uppercase hex. */
    public static byte[] unhex(String hex) {
        byte[] out = new byte[hex.length() / 2];
        for (int i = 0; i < out.length; i++) {
            out[i] = (byte) Integer.parseInt(hex.substring(2 * i, 2 * i + 2), 16);
        }
        return out;
    }
}
