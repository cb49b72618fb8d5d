package org.cacheway.session.web;

import jakarta.servlet.http.HttpServletResponse;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.cacheway.session.SessionSettings;

/**
 * The session cookie and the {@code Vary} header exactly as Django writes them: attributes in
 * Python's {@code SimpleCookie} order ({@code Domain}, {@code expires}, {@code HttpOnly},
 * {@code Max-Age}, {@code Path}, {@code SameSite}, {@code Secure}) and RFC 1123 GMT dates.
 */
public final class SessionCookies {
    /** Django's {@code delete_cookie} expiry date. */
    public static final String EPOCH = "Thu, 01 Jan 1970 00:00:00 GMT";
    /**
     * The largest cookie every browser must keep, in bytes of the whole {@code Set-Cookie} value
     * (name, value and attributes: RFC 6265, section 6.1). Browsers that count only the name and the
     * value (RFC 6265bis) keep every cookie within this too.
     */
    public static final int MAX_SIZE = 4096;

    private static final DateTimeFormatter HTTP_DATE =
            DateTimeFormatter.ofPattern("EEE, dd MMM yyyy HH:mm:ss 'GMT'", Locale.US).withZone(ZoneOffset.UTC);

    private SessionCookies() {
    }

    /** The size of a {@code Set-Cookie} value as {@link #MAX_SIZE} counts it: its UTF-8 bytes. */
    public static int size(String setCookie) {
        return setCookie.getBytes(StandardCharsets.UTF_8).length;
    }

    /** Django's {@code http_date}: {@code Tue, 08 Dec 2026 21:16:48 GMT}. */
    public static String httpDate(Instant instant) {
        return HTTP_DATE.format(instant);
    }

    /**
     * The {@code Set-Cookie} value carrying the session key; {@code maxAge} null gives a
     * browser-session cookie (no {@code Max-Age}, no {@code expires}).
     */
    public static String session(SessionSettings settings, String key, Long maxAge, Instant now) {
        String expires = maxAge == null ? null : httpDate(now.plusSeconds(maxAge));
        return format(settings, key, expires, maxAge, settings.cookieHttpOnly(), settings.cookieSecure());
    }

    /** The {@code Set-Cookie} value deleting the session cookie, as Django's {@code delete_cookie}. */
    public static String deletion(SessionSettings settings) {
        boolean secure = settings.cookieName().startsWith("__Secure-") || settings.cookieName().startsWith("__Host-")
                || "None".equals(settings.cookieSameSite());
        return format(settings, "\"\"", EPOCH, 0L, false, secure);
    }

    private static String format(SessionSettings settings, String value, String expires, Long maxAge,
            boolean httpOnly, boolean secure) {
        StringBuilder out = new StringBuilder(settings.cookieName()).append('=').append(value);
        if (settings.cookieDomain() != null) {
            out.append("; Domain=").append(settings.cookieDomain());
        }
        if (expires != null) {
            out.append("; expires=").append(expires);
        }
        if (httpOnly) {
            out.append("; HttpOnly");
        }
        if (maxAge != null) {
            out.append("; Max-Age=").append(maxAge);
        }
        out.append("; Path=").append(settings.cookiePath());
        if (settings.cookieSameSite() != null) {
            out.append("; SameSite=").append(settings.cookieSameSite());
        }
        if (secure) {
            out.append("; Secure");
        }
        return out.toString();
    }

    /** Django's {@code patch_vary_headers(response, ('Cookie',))}: merged case-insensitively, {@code *} kept. */
    public static void varyOnCookie(HttpServletResponse response) {
        List<String> vary = new ArrayList<>();
        for (String header : response.getHeaders("Vary")) {
            for (String field : header.split(",")) {
                if (!field.isBlank()) {
                    vary.add(field.trim());
                }
            }
        }
        if (vary.contains("*") || vary.stream().anyMatch("Cookie"::equalsIgnoreCase)) {
            return;
        }
        vary.add("Cookie");
        response.setHeader("Vary", String.join(", ", vary));
    }
}
