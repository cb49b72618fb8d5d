package org.cacheway.cache.redis.location;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.cacheway.cache.CacheConfigurationException;

/**
 * One Redis server named by a {@code LOCATION} entry, parsed once: {@code redis://} and
 * {@code rediss://} URLs ({@code [user:password@]host[:port][/db][?db=N]}, where {@code ?db=}
 * beats the path as in redis-py), {@code unix://[[user]:password@]/path[?db=N]}, the old
 * {@code host:port:db} form that django-redis dropped in 4.5, and Lettuce's sentinel form
 * {@code redis-sentinel://[password@]host[:port][,host[:port]...][/db]#service} (a service found
 * through its sentinels; {@code rediss-sentinel://} for TLS). Immutable; {@link #toString()} masks
 * the password, {@link #raw()} keeps the entry exactly as written (the shard ring hashes it).
 */
public final class RedisLocation {
    /** How the server is reached. */
    public enum Scheme {
        /** Plain TCP, {@code redis://} or {@code host:port:db}. */
        REDIS,
        /** TCP with TLS, {@code rediss://}. */
        REDISS,
        /** A Unix domain socket, {@code unix://}. */
        UNIX,
        /** A service found through Redis Sentinel, {@code redis-sentinel://} or {@code rediss-sentinel://}. */
        SENTINEL
    }

    /** One host and port, such as a sentinel's. */
    public record HostPort(String host, int port) {
        @Override
        public String toString() {
            return (host.indexOf(':') >= 0 ? "[" + host + "]" : host) + ":" + port;
        }
    }

    /** Redis's default port. */
    public static final int DEFAULT_PORT = 6379;
    /** Redis Sentinel's default port. */
    public static final int DEFAULT_SENTINEL_PORT = 26379;

    private static final Pattern OLD_FORM = Pattern.compile("([^:/\\s]+):(\\d+):(\\d+)");

    private final String raw;
    private final Scheme scheme;
    private final String host;
    private final int port;
    private final String socketPath;
    private final int database;
    private final String username;
    private final String password;
    private final Map<String, String> query;
    private final List<HostPort> sentinels;
    private final String service;
    private final boolean tls;

    private RedisLocation(String raw, Scheme scheme, String host, int port, String socketPath, int database,
            String username, String password, Map<String, String> query) {
        this(raw, scheme, host, port, socketPath, database, username, password, query, List.of(), null,
                scheme == Scheme.REDISS);
    }

    private RedisLocation(String raw, Scheme scheme, String host, int port, String socketPath, int database,
            String username, String password, Map<String, String> query, List<HostPort> sentinels, String service,
            boolean tls) {
        this.sentinels = List.copyOf(sentinels);
        this.service = service;
        this.tls = tls;
        this.raw = raw;
        this.scheme = scheme;
        this.host = host;
        this.port = port;
        this.socketPath = socketPath;
        this.database = database;
        this.username = username;
        this.password = password;
        this.query = Map.copyOf(query);
    }

    /**
     * Parses one {@code LOCATION} entry of {@code alias}.
     *
     * @throws CacheConfigurationException naming the alias, {@code LOCATION} and the entry when it
     *     is empty or malformed
     */
    public static RedisLocation parse(String alias, String location) {
        if (location == null || location.isBlank()) {
            throw CacheConfigurationException.of(alias, "LOCATION", location, "Missing connections string");
        }
        try {
            return parseOrThrow(location.trim(), location);
        } catch (IllegalArgumentException e) {
            throw CacheConfigurationException.of(alias, "LOCATION", location, e.getMessage()
                    + " (expected redis://[user:password@]host:port/db, rediss://..., unix:///path?db=N,"
                    + " host:port:db or redis-sentinel://host:port,host:port/db#service)", e);
        }
    }

    private static RedisLocation parseOrThrow(String text, String raw) {
        int schemeEnd = text.indexOf("://");
        if (schemeEnd < 0) {
            Matcher old = OLD_FORM.matcher(text);
            if (!old.matches()) {
                throw new IllegalArgumentException("no scheme and not host:port:db");
            }
            return new RedisLocation(raw, Scheme.REDIS, old.group(1), port(old.group(2)), null,
                    database(old.group(3)), null, null, Map.of());
        }
        String schemeName = text.substring(0, schemeEnd).toLowerCase(java.util.Locale.ROOT);
        if (schemeName.equals("redis-sentinel") || schemeName.equals("rediss-sentinel")) {
            return sentinel(raw, text.substring(schemeEnd + 3), schemeName.startsWith("rediss"));
        }
        Scheme scheme = scheme(schemeName);
        String rest = text.substring(schemeEnd + 3);
        int queryStart = rest.indexOf('?');
        Map<String, String> query = queryStart < 0 ? Map.of() : query(rest.substring(queryStart + 1));
        String beforeQuery = queryStart < 0 ? rest : rest.substring(0, queryStart);
        int at = beforeQuery.lastIndexOf('@');
        String userInfo = at < 0 ? null : beforeQuery.substring(0, at);
        String target = at < 0 ? beforeQuery : beforeQuery.substring(at + 1);
        String username = null;
        String password = null;
        if (userInfo != null) {
            int colon = userInfo.indexOf(':');
            username = emptyToNull(decode(colon < 0 ? userInfo : userInfo.substring(0, colon)));
            password = colon < 0 ? null : emptyToNull(decode(userInfo.substring(colon + 1)));
        }
        username = query.containsKey("username") ? query.get("username") : username;
        password = query.containsKey("password") ? query.get("password") : password;
        if (scheme == Scheme.UNIX) {
            if (!target.startsWith("/") || target.length() < 2) {
                throw new IllegalArgumentException("a unix:// location needs an absolute socket path");
            }
            int db = query.containsKey("db") ? database(query.get("db")) : 0;
            return new RedisLocation(raw, scheme, null, 0, target, db, username, password, query);
        }
        int slash = target.indexOf('/');
        String hostPort = slash < 0 ? target : target.substring(0, slash);
        String path = slash < 0 ? "" : target.substring(slash + 1);
        int db = query.containsKey("db") ? database(query.get("db")) : path.isEmpty() ? 0 : database(path);
        String[] hp = hostAndPort(hostPort);
        return new RedisLocation(raw, scheme, hp[0], hp[1] == null ? DEFAULT_PORT : port(hp[1]), null, db,
                username, password, query);
    }

    /** {@code [[user]:password@]host[:port][,host[:port]...][/db][?query]#service}. */
    private static RedisLocation sentinel(String raw, String rest, boolean tls) {
        int hash = rest.indexOf('#');
        String service = hash < 0 ? null : decode(rest.substring(hash + 1));
        String beforeService = hash < 0 ? rest : rest.substring(0, hash);
        int queryStart = beforeService.indexOf('?');
        Map<String, String> query = queryStart < 0 ? Map.of() : query(beforeService.substring(queryStart + 1));
        String target = queryStart < 0 ? beforeService : beforeService.substring(0, queryStart);
        service = service != null ? service : query.get("sentinelMasterId");
        if (service == null || service.isEmpty()) {
            throw new IllegalArgumentException("a sentinel location needs its service name after '#'");
        }
        int at = target.lastIndexOf('@');
        String username = null;
        String password = null;
        if (at >= 0) {
            String userInfo = target.substring(0, at);
            int colon = userInfo.indexOf(':');
            username = colon < 0 ? null : emptyToNull(decode(userInfo.substring(0, colon)));
            password = emptyToNull(decode(colon < 0 ? userInfo : userInfo.substring(colon + 1)));
            target = target.substring(at + 1);
        }
        int slash = target.indexOf('/');
        String path = slash < 0 ? "" : target.substring(slash + 1);
        int db = query.containsKey("db") ? database(query.get("db")) : path.isEmpty() ? 0 : database(path);
        List<HostPort> sentinels = new ArrayList<>();
        for (String entry : (slash < 0 ? target : target.substring(0, slash)).split(",")) {
            String[] hp = hostAndPort(entry.trim());
            sentinels.add(new HostPort(hp[0], hp[1] == null ? DEFAULT_SENTINEL_PORT : port(hp[1])));
        }
        return new RedisLocation(raw, Scheme.SENTINEL, null, 0, null, db, username, password, query, sentinels,
                service, tls);
    }

    private static Scheme scheme(String name) {
        switch (name.toLowerCase(java.util.Locale.ROOT)) {
            case "redis":
                return Scheme.REDIS;
            case "rediss":
                return Scheme.REDISS;
            case "unix":
                return Scheme.UNIX;
            default:
                throw new IllegalArgumentException("unknown scheme '" + name + "'");
        }
    }

    private static String[] hostAndPort(String hostPort) {
        String host;
        String port = null;
        if (hostPort.startsWith("[")) {
            int close = hostPort.indexOf(']');
            if (close < 0) {
                throw new IllegalArgumentException("unterminated IPv6 address");
            }
            host = hostPort.substring(1, close);
            String after = hostPort.substring(close + 1);
            if (!after.isEmpty()) {
                if (!after.startsWith(":")) {
                    throw new IllegalArgumentException("unexpected text after the IPv6 address");
                }
                port = after.substring(1);
            }
        } else {
            int colon = hostPort.lastIndexOf(':');
            host = colon < 0 ? hostPort : hostPort.substring(0, colon);
            port = colon < 0 ? null : hostPort.substring(colon + 1);
        }
        if (host.isEmpty()) {
            throw new IllegalArgumentException("missing host");
        }
        return new String[] {host, port};
    }

    private static int port(String text) {
        int port = number(text, "port");
        if (port < 1 || port > 65535) {
            throw new IllegalArgumentException("port " + port + " out of range 1..65535");
        }
        return port;
    }

    private static int database(String text) {
        return number(text, "database");
    }

    private static int number(String text, String what) {
        try {
            int value = Integer.parseInt(text.trim());
            if (value < 0) {
                throw new IllegalArgumentException(what + " must not be negative");
            }
            return value;
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(what + " '" + text + "' is not a whole number", e);
        }
    }

    private static Map<String, String> query(String text) {
        Map<String, String> values = new LinkedHashMap<>();
        for (String pair : text.split("&")) {
            if (pair.isEmpty()) {
                continue;
            }
            int eq = pair.indexOf('=');
            values.put(decode(eq < 0 ? pair : pair.substring(0, eq)), eq < 0 ? "" : decode(pair.substring(eq + 1)));
        }
        return values;
    }

    private static String decode(String text) {
        return URLDecoder.decode(text.replace("+", "%2B"), StandardCharsets.UTF_8);
    }

    private static String emptyToNull(String text) {
        return text == null || text.isEmpty() ? null : text;
    }

    /**
     * This location with {@code username} and {@code password} filled in where the entry has none
     * (the {@code USERNAME} and {@code PASSWORD} options; credentials in the URL win).
     */
    public RedisLocation withDefaultCredentials(String defaultUsername, String defaultPassword) {
        String user = username != null ? username : defaultUsername;
        String pass = password != null ? password : defaultPassword;
        if (Objects.equals(user, username) && Objects.equals(pass, password)) {
            return this;
        }
        return new RedisLocation(raw, scheme, host, port, socketPath, database, user, pass, query, sentinels, service,
                tls);
    }

    /** The entry exactly as written in {@code LOCATION}. */
    public String raw() {
        return raw;
    }

    /** How the server is reached. */
    public Scheme scheme() {
        return scheme;
    }

    /** Whether the connection uses TLS ({@code rediss://}, {@code rediss-sentinel://}). */
    public boolean tls() {
        return tls;
    }

    /** The sentinels of a {@link Scheme#SENTINEL} location, in order; empty for the other schemes. */
    public List<HostPort> sentinels() {
        return sentinels;
    }

    /** The service (master) name of a {@link Scheme#SENTINEL} location; null for the other schemes. */
    public String service() {
        return service;
    }

    /** The host name or address; null for a Unix socket or a sentinel location. */
    public String host() {
        return host;
    }

    /** The TCP port; 0 for a Unix socket or a sentinel location. */
    public int port() {
        return port;
    }

    /** The Unix socket path; null for TCP. */
    public String socketPath() {
        return socketPath;
    }

    /** The logical database number. */
    public int database() {
        return database;
    }

    /** The ACL user name, or null. */
    public String username() {
        return username;
    }

    /** The password, or null. */
    public String password() {
        return password;
    }

    /** The query parameters as written (decoded), for options this class does not interpret. */
    public Map<String, String> query() {
        return query;
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof RedisLocation o && o.scheme == scheme && Objects.equals(o.host, host)
                && o.port == port && Objects.equals(o.socketPath, socketPath) && o.database == database
                && Objects.equals(o.username, username) && Objects.equals(o.password, password)
                && o.sentinels.equals(sentinels) && Objects.equals(o.service, service) && o.tls == tls;
    }

    @Override
    public int hashCode() {
        return Objects.hash(scheme, host, port, socketPath, database, username, sentinels, service);
    }

    /** The location as a URL, with the password masked. */
    @Override
    public String toString() {
        String name = scheme == Scheme.SENTINEL ? (tls ? "rediss-sentinel" : "redis-sentinel")
                : scheme.name().toLowerCase(java.util.Locale.ROOT);
        StringBuilder text = new StringBuilder(name).append("://");
        if (username != null || password != null) {
            text.append(username == null ? "" : username).append(password == null ? "" : ":***").append('@');
        }
        if (scheme == Scheme.SENTINEL) {
            return text.append(String.join(",", sentinels.stream().map(HostPort::toString).toList())).append('/')
                    .append(database).append('#').append(service).toString();
        }
        if (scheme == Scheme.UNIX) {
            return text.append(socketPath).append("?db=").append(database).toString();
        }
        boolean ipv6 = host.indexOf(':') >= 0;
        return text.append(ipv6 ? "[" + host + "]" : host).append(':').append(port).append('/').append(database)
                .toString();
    }
}
