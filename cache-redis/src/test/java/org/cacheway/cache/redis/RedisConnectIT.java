package org.cacheway.cache.redis;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.util.HashMap;
import java.util.Map;
import org.cacheway.cache.CacheConnectionException;
import org.cacheway.cache.Caches;
import org.cacheway.testsupport.RedisExtension;
import org.cacheway.testsupport.RedisStandalone;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** {@code CONNECT_ON_START} connects when the cache is built; connect errors say where and what to check. */
class RedisConnectIT {
    @RegisterExtension
    static final RedisExtension<RedisStandalone> redis = RedisExtension.standalone();

    private static Caches caches(String location, Map<String, Object> options) {
        Map<String, Object> all = new HashMap<>(options);
        all.put("SOCKET_CONNECT_TIMEOUT", 1);
        return Caches.fromSettings(Map.of("default", Map.of("BACKEND", "django_redis.cache.RedisCache",
                "LOCATION", location, "OPTIONS", all)));
    }

    private static long connectedClients() {
        return Long.parseLong(redis.get().server().info("clients").get("connected_clients"));
    }

    /** A loopback port nothing listens on. */
    private static int closedPort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }

    @Test
    void connectOnStartConnectsWhenTheCacheIsBuilt() {
        long before = connectedClients();
        try (Caches caches = caches(redis.get().uri(0), Map.of("CONNECT_ON_START", true))) {
            caches.getDefault();
            assertThat(connectedClients()).as("clients after building, before any command").isEqualTo(before + 1);
        }
    }

    @Test
    void withoutItTheFirstCommandConnects() {
        long before = connectedClients();
        try (Caches caches = caches(redis.get().uri(0), Map.of())) {
            caches.getDefault();
            assertThat(connectedClients()).isEqualTo(before);
        }
    }

    @Test
    void connectOnStartToADownServerFailsTheBuildNamingHostPortAndWhatToCheck() throws IOException {
        int port = closedPort();
        try (Caches caches = caches("redis://127.0.0.1:" + port + "/0", Map.of("CONNECT_ON_START", true))) {
            assertThatThrownBy(caches::getDefault).isInstanceOf(CacheConnectionException.class)
                    .hasMessageContaining("127.0.0.1:" + port).hasMessageContaining("check that redis-server is running")
                    .hasMessageContaining("SOCKET_CONNECT_TIMEOUT").hasMessageNotContaining("<unresolved>");
        }
    }

    @Test
    void failingOpenConnectOnStartBuildsTheCacheAnyway() throws IOException {
        int port = closedPort();
        try (Caches caches = caches("redis://127.0.0.1:" + port + "/0", Map.of("CONNECT_ON_START", true,
                "IGNORE_EXCEPTIONS", true))) {
            assertThat(caches.getDefault().get("k")).isNull();
        }
    }

    @Test
    void aCommandThatCannotConnectSaysWhereAndWhatToCheck() throws IOException {
        int port = closedPort();
        try (Caches caches = caches("redis://127.0.0.1:" + port + "/0", Map.of())) {
            assertThatThrownBy(() -> caches.getDefault().get("k")).isInstanceOf(CacheConnectionException.class)
                    .hasMessageContaining("get of key ':1:k'").hasMessageContaining("127.0.0.1:" + port)
                    .hasMessageContaining("check that redis-server is running").hasMessageNotContaining("<unresolved>");
        }
    }
}
