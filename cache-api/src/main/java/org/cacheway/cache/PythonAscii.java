package org.cacheway.cache;

/**
 * Python's {@code ascii()} of a string: quoted as {@code repr()} quotes it, with backslash, the quote,
 * control characters and every non-ASCII character escaped ({@code \n}, {@code \x7f}, <code>&#92;u6e05</code>,
 * {@code \U0001f600}), so the result is printable ASCII on one line whatever the string holds.
 */
final class PythonAscii {
    private PythonAscii() {
    }

    /** The quoted, escaped form of {@code s}. */
    static String quote(String s) {
        char quote = s.indexOf('\'') >= 0 && s.indexOf('"') < 0 ? '"' : '\'';
        StringBuilder out = new StringBuilder(s.length() + 2).append(quote);
        s.codePoints().forEach(cp -> escape(cp, quote, out));
        return out.append(quote).toString();
    }

    private static void escape(int cp, char quote, StringBuilder out) {
        if (cp == quote || cp == '\\') {
            out.append('\\').append((char) cp);
        } else if (cp == '\t') {
            out.append("\\t");
        } else if (cp == '\n') {
            out.append("\\n");
        } else if (cp == '\r') {
            out.append("\\r");
        } else if (cp >= 0x20 && cp < 0x7f) {
            out.append((char) cp);
        } else if (cp <= 0xff) {
            out.append(String.format("\\x%02x", cp));
        } else if (cp <= 0xffff) {
            out.append(String.format("\\u%04x", cp));
        } else {
            out.append(String.format("\\U%08x", cp));
        }
    }
}
