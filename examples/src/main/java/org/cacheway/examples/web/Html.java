package org.cacheway.examples.web;

import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;

/** The demo's page template and HTML escaping. */
final class Html {
    private Html() {
    }

    /** Escapes text for HTML content and attribute values. */
    static String escape(Object value) {
        String text = String.valueOf(value);
        StringBuilder escaped = new StringBuilder(text.length());
        for (char c : text.toCharArray()) {
            switch (c) {
                case '<' -> escaped.append("&lt;");
                case '>' -> escaped.append("&gt;");
                case '&' -> escaped.append("&amp;");
                case '"' -> escaped.append("&quot;");
                case '\'' -> escaped.append("&#39;");
                default -> escaped.append(c);
            }
        }
        return escaped.toString();
    }

    /** Writes a whole page; {@code body} is HTML already escaped where needed. */
    static void write(HttpServletResponse response, String title, String body) throws IOException {
        response.setContentType("text/html; charset=UTF-8");
        response.getWriter().write("<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">"
                + "<title>" + escape(title) + "</title><style>"
                + "body{font-family:sans-serif;max-width:46em;margin:2em auto;line-height:1.4}"
                + "table{border-collapse:collapse}td,th{border:1px solid #ccc;padding:.3em .6em;text-align:left}"
                + "code,pre{background:#f4f4f4;padding:.1em .3em}pre{white-space:pre-wrap;overflow-wrap:anywhere}"
                + ".error{color:#b00}"
                + "</style></head><body><h1>" + escape(title) + "</h1>\n" + body + "\n</body></html>\n");
    }
}
