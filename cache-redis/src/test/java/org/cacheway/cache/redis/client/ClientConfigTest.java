package org.cacheway.cache.redis.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.lettuce.core.SslVerifyMode;
import java.time.Duration;
import java.util.Map;
import org.cacheway.cache.CacheConfigurationException;
import org.cacheway.cache.CacheSettings;
import org.junit.jupiter.api.Test;

class ClientConfigTest {

    private static CacheSettings settings(Map<String, Object> options, String... locations) {
        return CacheSettings.builder("default").backend("django_redis.cache.RedisCache")
                .location(locations.length == 0 ? new String[] {"redis://127.0.0.1:6379/1"} : locations)
                .options(options).build();
    }

    @Test
    void socketTimeoutsAreSecondsWithFractions() {
        ClientConfig config = ClientConfig.from(settings(Map.of("SOCKET_TIMEOUT", 0.25, "SOCKET_CONNECT_TIMEOUT", "2")));
        assertThat(config.socketTimeout()).isEqualTo(Duration.ofMillis(250));
        assertThat(config.connectTimeout()).isEqualTo(Duration.ofSeconds(2));
    }

    @Test
    void unsetOrZeroTimeoutsUseLettuceDefaults() {
        ClientConfig config = ClientConfig.from(settings(Map.of("SOCKET_TIMEOUT", 0)));
        assertThat(config.socketTimeout()).isEqualTo(ClientConfig.DEFAULT_SOCKET_TIMEOUT);
        assertThat(config.connectTimeout()).isEqualTo(ClientConfig.DEFAULT_CONNECT_TIMEOUT);
    }

    @Test
    void negativeTimeoutIsAConfigurationError() {
        assertThatThrownBy(() -> ClientConfig.from(settings(Map.of("SOCKET_TIMEOUT", -1))))
                .isInstanceOf(CacheConfigurationException.class)
                .hasMessageContaining("CACHES['default']['OPTIONS']['SOCKET_TIMEOUT'] = -1");
    }

    @Test
    void nonNumericTimeoutIsAConfigurationError() {
        assertThatThrownBy(() -> ClientConfig.from(settings(Map.of("SOCKET_CONNECT_TIMEOUT", "soon"))))
                .isInstanceOf(CacheConfigurationException.class)
                .hasMessageContaining("SOCKET_CONNECT_TIMEOUT");
    }

    @Test
    void passwordOptionFillsLocationsWithoutOne() {
        ClientConfig config = ClientConfig.from(settings(Map.of("PASSWORD", "opt", "USERNAME", "bob"),
                "redis://h:1/0", "redis://:url@h:2/0"));
        assertThat(config.locations().get(0).password()).isEqualTo("opt");
        assertThat(config.locations().get(0).username()).isEqualTo("bob");
        assertThat(config.locations().get(1).password()).isEqualTo("url");
    }

    @Test
    void everyLocationIsParsedInOrder() {
        ClientConfig config = ClientConfig.from(settings(Map.of(), "redis://a:1/0", "b:2:0"));
        assertThat(config.locations()).extracting(location -> location.host()).containsExactly("a", "b");
    }

    @Test
    void sslVerifyPeerAcceptsBooleansAndModes() {
        assertThat(ClientConfig.from(settings(Map.of("SSL_VERIFY_PEER", false))).sslVerifyPeer()).isEqualTo(SslVerifyMode.NONE);
        assertThat(ClientConfig.from(settings(Map.of("SSL_VERIFY_PEER", "ca"))).sslVerifyPeer()).isEqualTo(SslVerifyMode.CA);
        assertThat(ClientConfig.from(settings(Map.of())).sslVerifyPeer()).isEqualTo(SslVerifyMode.FULL);
        assertThatThrownBy(() -> ClientConfig.from(settings(Map.of("SSL_VERIFY_PEER", "maybe"))))
                .isInstanceOf(CacheConfigurationException.class).hasMessageContaining("SSL_VERIFY_PEER");
    }

    @Test
    void unixLocationIsUsableOnlyWithANativeTransportAndSaysWhichArtifactToAdd() {
        CacheSettings unix = settings(Map.of(), "unix:///tmp/redis.sock?db=1");
        if (io.lettuce.core.resource.Transports.NativeTransports.isDomainSocketSupported()) {
            assertThat(ClientConfig.from(unix).locations().get(0).socketPath()).isEqualTo("/tmp/redis.sock");
        } else {
            assertThatThrownBy(() -> ClientConfig.from(unix))
                    .isInstanceOf(CacheConfigurationException.class)
                    .hasMessageContaining("CACHES['default']['LOCATION'] = 'unix:///tmp/redis.sock?db=1'")
                    .hasMessageContaining("netty-transport-native-epoll");
        }
    }
}
