package org.cacheway.session;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The session settings under Django's names and defaults, parsed once from a {@code Map} (or
 * properties) into an immutable value. Unknown names are ignored, as a Django settings module
 * holds much more, but one close to a known name ({@code SESSION_COOKIE_AEG}) is logged at WARN
 * with the name it likely means; a malformed value is a {@link SessionConfigurationException}
 * naming it.
 *
 * <p>Cacheway's own additions: {@code SESSION_STRICT_DATA} (undecodable records raise instead of
 * loading empty) and {@code SESSION_ENGINE} defaulting to the cache engine, since there is no db
 * engine.
 */
public final class SessionSettings {
    /** The cache engine's class, also reached by {@code django.contrib.sessions.backends.cache}. */
    public static final String CACHE_ENGINE = "org.cacheway.session.cache.CacheSessionStore";
    /** The signed-cookie engine's class ({@code django.contrib.sessions.backends.signed_cookies}). */
    public static final String SIGNED_COOKIES_ENGINE = "org.cacheway.session.signed.SignedCookieSessionStore";
    /** Django's engine names accepted as aliases of Cacheway's classes. */
    public static final Map<String, String> ENGINE_ALIASES = Map.of(
            "django.contrib.sessions.backends.cache", CACHE_ENGINE,
            "django.contrib.sessions.backends.signed_cookies", SIGNED_COOKIES_ENGINE,
            "cache", CACHE_ENGINE,
            "signed_cookies", SIGNED_COOKIES_ENGINE);

    private static final Logger LOG = LoggerFactory.getLogger(SessionSettings.class);

    private final Map<String, Object> raw;
    private final String engine;
    private final String cacheAlias;
    private final long cookieAge;
    private final String cookieName;
    private final String cookieDomain;
    private final String cookiePath;
    private final boolean cookieSecure;
    private final boolean cookieHttpOnly;
    private final String cookieSameSite;
    private final boolean saveEveryRequest;
    private final boolean expireAtBrowserClose;
    private final String secretKey;
    private final boolean strictData;

    private SessionSettings(Map<String, ?> settings) {
        this.raw = new LinkedHashMap<>(settings);
        SettingReader read = new SettingReader(settings);
        this.engine = engineClass(read.string("SESSION_ENGINE", CACHE_ENGINE));
        this.cacheAlias = read.string("SESSION_CACHE_ALIAS", "default");
        this.cookieAge = read.longValue("SESSION_COOKIE_AGE", 1_209_600L);
        this.cookieName = read.nonEmpty("SESSION_COOKIE_NAME", "sessionid");
        this.cookieDomain = read.string("SESSION_COOKIE_DOMAIN", null);
        this.cookiePath = read.nonEmpty("SESSION_COOKIE_PATH", "/");
        this.cookieSecure = read.bool("SESSION_COOKIE_SECURE", false);
        this.cookieHttpOnly = read.bool("SESSION_COOKIE_HTTPONLY", true);
        this.cookieSameSite = sameSite(settings.containsKey("SESSION_COOKIE_SAMESITE")
                ? settings.get("SESSION_COOKIE_SAMESITE") : "Lax");
        this.saveEveryRequest = read.bool("SESSION_SAVE_EVERY_REQUEST", false);
        this.expireAtBrowserClose = read.bool("SESSION_EXPIRE_AT_BROWSER_CLOSE", false);
        this.secretKey = read.string("SECRET_KEY", null);
        this.strictData = read.bool("SESSION_STRICT_DATA", false);
    }

    /** Django's defaults (cache engine on the {@code default} alias). */
    public static SessionSettings defaults() {
        return new SessionSettings(Map.of());
    }

    /**
     * Settings from a map of Django names to values; absent names take Django's defaults, and a
     * name that looks like a typo of a known one is logged at WARN.
     *
     * @throws SessionConfigurationException naming the setting and the value when one is malformed
     */
    public static SessionSettings fromMap(Map<String, ?> settings) {
        SessionSettings parsed = new SessionSettings(settings);
        SettingNames.typoWarnings(settings).forEach(LOG::warn);
        return parsed;
    }

    /** Settings from properties named as Django's settings ({@code SESSION_COOKIE_AGE=600}). */
    public static SessionSettings fromProperties(Properties properties) {
        Map<String, Object> map = new LinkedHashMap<>();
        properties.stringPropertyNames().forEach(name -> map.put(name, properties.getProperty(name)));
        return fromMap(map);
    }

    /** Settings from a properties file; see {@link #fromProperties(Properties)}. */
    public static SessionSettings fromProperties(Path file) {
        Properties properties = new Properties();
        try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            properties.load(reader);
        } catch (IOException e) {
            throw new SessionConfigurationException("Cannot read session settings from " + file + ": " + e, e);
        }
        return fromProperties(properties);
    }

    /** A copy with one setting changed, validated like the rest. */
    public SessionSettings with(String setting, Object value) {
        Map<String, Object> copy = new LinkedHashMap<>(raw);
        copy.put(setting, value);
        return new SessionSettings(copy);
    }

    /** {@code SESSION_ENGINE}, resolved to a class name. */
    public String engine() {
        return engine;
    }

    /** {@code SESSION_CACHE_ALIAS}, default {@code default}. */
    public String cacheAlias() {
        return cacheAlias;
    }

    /** {@code SESSION_COOKIE_AGE} in seconds, default 1209600 (two weeks). */
    public long cookieAge() {
        return cookieAge;
    }

    /** {@code SESSION_COOKIE_NAME}, default {@code sessionid}. */
    public String cookieName() {
        return cookieName;
    }

    /** {@code SESSION_COOKIE_DOMAIN}, null by default (host-only cookie). */
    public String cookieDomain() {
        return cookieDomain;
    }

    /** {@code SESSION_COOKIE_PATH}, default {@code /}. */
    public String cookiePath() {
        return cookiePath;
    }

    /** {@code SESSION_COOKIE_SECURE}, default false. */
    public boolean cookieSecure() {
        return cookieSecure;
    }

    /** {@code SESSION_COOKIE_HTTPONLY}, default true. */
    public boolean cookieHttpOnly() {
        return cookieHttpOnly;
    }

    /** {@code SESSION_COOKIE_SAMESITE}: {@code Lax} (default), {@code Strict}, {@code None}, or null to omit. */
    public String cookieSameSite() {
        return cookieSameSite;
    }

    /** {@code SESSION_SAVE_EVERY_REQUEST}, default false. */
    public boolean saveEveryRequest() {
        return saveEveryRequest;
    }

    /** {@code SESSION_EXPIRE_AT_BROWSER_CLOSE}, default false. */
    public boolean expireAtBrowserClose() {
        return expireAtBrowserClose;
    }

    /** {@code SECRET_KEY}, needed by the signed-cookie engine; null when unset. */
    public String secretKey() {
        return secretKey;
    }

    /** {@code SESSION_STRICT_DATA}: undecodable records raise {@link SessionDataException}; default false. */
    public boolean strictData() {
        return strictData;
    }

    private static String engineClass(String name) {
        String resolved = ENGINE_ALIASES.get(name);
        if (resolved != null) {
            return resolved;
        }
        if (name.startsWith("django.contrib.sessions.backends.")) {
            throw SessionConfigurationException.of("SESSION_ENGINE", name, "this Django engine has no Cacheway "
                    + "equivalent; use django.contrib.sessions.backends.cache, ...signed_cookies or a class name");
        }
        return name;
    }

    private static String sameSite(Object value) {
        if (value == null || Boolean.FALSE.equals(value) || "False".equals(value) || "false".equals(value)) {
            return null;
        }
        String text = value.toString().trim().toLowerCase(Locale.ROOT);
        switch (text) {
            case "lax":
                return "Lax";
            case "strict":
                return "Strict";
            case "none":
                return "None";
            default:
                throw SessionConfigurationException.of("SESSION_COOKIE_SAMESITE", value,
                        "expected 'Lax', 'Strict', 'None' or False");
        }
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof SessionSettings s && s.toString().equals(toString())
                && java.util.Objects.equals(s.secretKey, secretKey);
    }

    @Override
    public int hashCode() {
        return toString().hashCode();
    }

    /** The settings, with {@code SECRET_KEY} hidden. */
    @Override
    public String toString() {
        return "SessionSettings{SESSION_ENGINE=" + engine + ", SESSION_CACHE_ALIAS=" + cacheAlias
                + ", SESSION_COOKIE_AGE=" + cookieAge + ", SESSION_COOKIE_NAME=" + cookieName
                + ", SESSION_COOKIE_DOMAIN=" + cookieDomain + ", SESSION_COOKIE_PATH=" + cookiePath
                + ", SESSION_COOKIE_SECURE=" + cookieSecure + ", SESSION_COOKIE_HTTPONLY=" + cookieHttpOnly
                + ", SESSION_COOKIE_SAMESITE=" + cookieSameSite + ", SESSION_SAVE_EVERY_REQUEST=" + saveEveryRequest
                + ", SESSION_EXPIRE_AT_BROWSER_CLOSE=" + expireAtBrowserClose
                + ", SECRET_KEY=" + (secretKey == null ? "None" : "***") + ", SESSION_STRICT_DATA=" + strictData + "}";
    }
}
