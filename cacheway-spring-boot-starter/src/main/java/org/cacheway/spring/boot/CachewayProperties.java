package org.cacheway.spring.boot;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Django's {@code CACHES} and {@code SESSION_*} settings in Spring's relaxed form:
 * {@code cacheway.caches.<alias>.<setting>} ({@code backend}, {@code location}, {@code timeout},
 * {@code key-prefix}, {@code version}, {@code key-function}, {@code options.<name>}) and
 * {@code cacheway.sessions.<setting>} (Django's names without {@code SESSION_}: {@code engine},
 * {@code cache-alias}, {@code cookie-age}, ...). Only what is set is passed on, so everything else
 * keeps Django's default; Cacheway validates the values and names a bad one.
 */
@ConfigurationProperties("cacheway")
public class CachewayProperties {
    private final Map<String, CacheAlias> caches = new LinkedHashMap<>();
    private final SessionProperties sessions = new SessionProperties();

    /** The aliases, Django's {@code CACHES}: a {@code default} one is required. */
    public Map<String, CacheAlias> getCaches() {
        return caches;
    }

    /** The session settings. */
    public SessionProperties getSessions() {
        return sessions;
    }

    /** Django's {@code CACHES} structure: alias to its block of upper-case settings. */
    public Map<String, Map<String, Object>> toDjangoCaches() {
        Map<String, Map<String, Object>> django = new LinkedHashMap<>();
        caches.forEach((alias, block) -> django.put(alias, block.toDjango()));
        return django;
    }

    /** The name Django writes for a relaxed one: {@code client-class} is {@code CLIENT_CLASS}. */
    static String djangoName(String relaxed) {
        return relaxed.replace('-', '_').toUpperCase(Locale.ROOT);
    }

    private static void putIfSet(Map<String, Object> django, String name, Object value) {
        if (value != null) {
            django.put(name, value);
        }
    }

    /** One alias of {@code CACHES}. */
    public static class CacheAlias {
        /** {@code BACKEND}: the backend's class or Django name. */
        private String backend = "django_redis.cache.RedisCache";
        /** {@code LOCATION}: one server or several (comma-separated), such as {@code redis://127.0.0.1:6379/1}. */
        private List<String> location = new ArrayList<>();
        /** {@code TIMEOUT}: seconds, or {@code none} for values that never expire (Django's default: 300). */
        private String timeout;
        /** {@code KEY_PREFIX}. */
        private String keyPrefix;
        /** {@code VERSION}. */
        private Integer version;
        /** {@code KEY_FUNCTION}: a class name. */
        private String keyFunction;
        /**
         * {@code OPTIONS}: {@code options.client-class} is {@code CLIENT_CLASS}; a name with dots
         * nests ({@code options.connection-pool-kwargs.max_connections}).
         */
        private Map<String, String> options = new LinkedHashMap<>();

        public String getBackend() {
            return backend;
        }

        public void setBackend(String backend) {
            this.backend = backend;
        }

        public List<String> getLocation() {
            return location;
        }

        public void setLocation(List<String> location) {
            this.location = location;
        }

        public String getTimeout() {
            return timeout;
        }

        public void setTimeout(String timeout) {
            this.timeout = timeout;
        }

        public String getKeyPrefix() {
            return keyPrefix;
        }

        public void setKeyPrefix(String keyPrefix) {
            this.keyPrefix = keyPrefix;
        }

        public Integer getVersion() {
            return version;
        }

        public void setVersion(Integer version) {
            this.version = version;
        }

        public String getKeyFunction() {
            return keyFunction;
        }

        public void setKeyFunction(String keyFunction) {
            this.keyFunction = keyFunction;
        }

        public Map<String, String> getOptions() {
            return options;
        }

        public void setOptions(Map<String, String> options) {
            this.options = options;
        }

        /** The block as Django writes it. */
        Map<String, Object> toDjango() {
            Map<String, Object> django = new LinkedHashMap<>();
            putIfSet(django, "BACKEND", backend);
            if (!location.isEmpty()) {
                django.put("LOCATION", location.size() == 1 ? location.get(0) : List.copyOf(location));
            }
            if (timeout != null) {
                django.put("TIMEOUT", timeout.isBlank() ? null : timeout);
            }
            putIfSet(django, "KEY_PREFIX", keyPrefix);
            putIfSet(django, "VERSION", version);
            putIfSet(django, "KEY_FUNCTION", keyFunction);
            if (!options.isEmpty()) {
                django.put("OPTIONS", nestedOptions());
            }
            return django;
        }

        @SuppressWarnings("unchecked")
        private Map<String, Object> nestedOptions() {
            Map<String, Object> nested = new LinkedHashMap<>();
            options.forEach((name, value) -> {
                String[] path = name.split("\\.");
                Map<String, Object> node = nested;
                for (int i = 0; i < path.length - 1; i++) {
                    String key = i == 0 ? djangoName(path[i]) : path[i];
                    node = (Map<String, Object>) node.computeIfAbsent(key, k -> new LinkedHashMap<String, Object>());
                }
                node.put(path.length == 1 ? djangoName(name) : path[path.length - 1], value);
            });
            return nested;
        }
    }

    /** Django's {@code SESSION_*} settings, and the starter's own for the session filter. */
    public static class SessionProperties {
        /** Whether the starter makes the {@code Sessions} and registers the session filter in a servlet app. */
        private boolean enabled = true;
        /** {@code SESSION_ENGINE}: {@code cache} (default), {@code signed_cookies} or a store class. */
        private String engine;
        /** {@code SESSION_CACHE_ALIAS}. */
        private String cacheAlias;
        /** {@code SESSION_COOKIE_AGE}, in seconds. */
        private Long cookieAge;
        /** {@code SESSION_COOKIE_NAME}. */
        private String cookieName;
        /** {@code SESSION_COOKIE_DOMAIN}. */
        private String cookieDomain;
        /** {@code SESSION_COOKIE_PATH}. */
        private String cookiePath;
        /** {@code SESSION_COOKIE_SECURE}. */
        private Boolean cookieSecure;
        /** {@code SESSION_COOKIE_HTTPONLY}. */
        private Boolean cookieHttponly;
        /** {@code SESSION_COOKIE_SAMESITE}: {@code Lax}, {@code Strict}, {@code None} or {@code false}. */
        private String cookieSamesite;
        /** {@code SESSION_SAVE_EVERY_REQUEST}. */
        private Boolean saveEveryRequest;
        /** {@code SESSION_EXPIRE_AT_BROWSER_CLOSE}. */
        private Boolean expireAtBrowserClose;
        /** {@code SESSION_STRICT_DATA}: an undecodable record raises instead of loading empty. */
        private Boolean strictData;
        /** {@code SESSION_COOKIE_OVERSIZE}: {@code raise} (default) or {@code log}. */
        private String cookieOversize;
        /** {@code SECRET_KEY}: Django's, for signed cookies and Django logins. */
        private String secretKey;
        /**
         * The classes (or {@code pkg.*} packages) session attributes outside Django's JSON model may
         * be, for the allow-listed Java serializer; by default Spring Security's objects.
         */
        private List<String> allowedClasses = new ArrayList<>(List.of("org.springframework.security.*",
                "java.util.Locale", "java.lang.String$CaseInsensitiveComparator"));
        /** The session filter's order: before Spring Security's filter chain (-100). */
        private int filterOrder = -110;

        public boolean isEnabled() {
            return enabled;
        }

        public void setEnabled(boolean enabled) {
            this.enabled = enabled;
        }

        public String getEngine() {
            return engine;
        }

        public void setEngine(String engine) {
            this.engine = engine;
        }

        public String getCacheAlias() {
            return cacheAlias;
        }

        public void setCacheAlias(String cacheAlias) {
            this.cacheAlias = cacheAlias;
        }

        public Long getCookieAge() {
            return cookieAge;
        }

        public void setCookieAge(Long cookieAge) {
            this.cookieAge = cookieAge;
        }

        public String getCookieName() {
            return cookieName;
        }

        public void setCookieName(String cookieName) {
            this.cookieName = cookieName;
        }

        public String getCookieDomain() {
            return cookieDomain;
        }

        public void setCookieDomain(String cookieDomain) {
            this.cookieDomain = cookieDomain;
        }

        public String getCookiePath() {
            return cookiePath;
        }

        public void setCookiePath(String cookiePath) {
            this.cookiePath = cookiePath;
        }

        public Boolean getCookieSecure() {
            return cookieSecure;
        }

        public void setCookieSecure(Boolean cookieSecure) {
            this.cookieSecure = cookieSecure;
        }

        public Boolean getCookieHttponly() {
            return cookieHttponly;
        }

        public void setCookieHttponly(Boolean cookieHttponly) {
            this.cookieHttponly = cookieHttponly;
        }

        public String getCookieSamesite() {
            return cookieSamesite;
        }

        public void setCookieSamesite(String cookieSamesite) {
            this.cookieSamesite = cookieSamesite;
        }

        public Boolean getSaveEveryRequest() {
            return saveEveryRequest;
        }

        public void setSaveEveryRequest(Boolean saveEveryRequest) {
            this.saveEveryRequest = saveEveryRequest;
        }

        public Boolean getExpireAtBrowserClose() {
            return expireAtBrowserClose;
        }

        public void setExpireAtBrowserClose(Boolean expireAtBrowserClose) {
            this.expireAtBrowserClose = expireAtBrowserClose;
        }

        public Boolean getStrictData() {
            return strictData;
        }

        public void setStrictData(Boolean strictData) {
            this.strictData = strictData;
        }

        public String getCookieOversize() {
            return cookieOversize;
        }

        public void setCookieOversize(String cookieOversize) {
            this.cookieOversize = cookieOversize;
        }

        public String getSecretKey() {
            return secretKey;
        }

        public void setSecretKey(String secretKey) {
            this.secretKey = secretKey;
        }

        public List<String> getAllowedClasses() {
            return allowedClasses;
        }

        public void setAllowedClasses(List<String> allowedClasses) {
            this.allowedClasses = allowedClasses;
        }

        public int getFilterOrder() {
            return filterOrder;
        }

        public void setFilterOrder(int filterOrder) {
            this.filterOrder = filterOrder;
        }

        /** The settings under Django's names ({@code SESSION_COOKIE_AGE}, {@code SECRET_KEY}, ...). */
        Map<String, Object> toDjango() {
            Map<String, Object> django = new LinkedHashMap<>();
            putIfSet(django, "SESSION_ENGINE", engine);
            putIfSet(django, "SESSION_CACHE_ALIAS", cacheAlias);
            putIfSet(django, "SESSION_COOKIE_AGE", cookieAge);
            putIfSet(django, "SESSION_COOKIE_NAME", cookieName);
            putIfSet(django, "SESSION_COOKIE_DOMAIN", cookieDomain);
            putIfSet(django, "SESSION_COOKIE_PATH", cookiePath);
            putIfSet(django, "SESSION_COOKIE_SECURE", cookieSecure);
            putIfSet(django, "SESSION_COOKIE_HTTPONLY", cookieHttponly);
            putIfSet(django, "SESSION_COOKIE_SAMESITE", cookieSamesite);
            putIfSet(django, "SESSION_SAVE_EVERY_REQUEST", saveEveryRequest);
            putIfSet(django, "SESSION_EXPIRE_AT_BROWSER_CLOSE", expireAtBrowserClose);
            putIfSet(django, "SESSION_STRICT_DATA", strictData);
            putIfSet(django, "SECRET_KEY", secretKey);
            return django;
        }
    }
}
