package org.cacheway.testsupport;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.UncheckedIOException;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class StandaloneIT {

    @RegisterExtension
    static final RedisExtension<RedisStandalone> redis = RedisExtension.standalone();

    @Test
    void pingSetGetOverTheRespClient() {
        RedisStandalone standalone = redis.get();
        assertThat(standalone.host()).isEqualTo("127.0.0.1");
        assertThat(standalone.port()).isNotEqualTo(6379).isPositive();
        assertThat(standalone.uri(1)).isEqualTo("redis://127.0.0.1:" + standalone.port() + "/1");
        assertThat(standalone.source()).isEqualTo(RedisSource.LOCAL);
        try (RespClient client = standalone.server().connect()) {
            assertThat(client.call("PING")).isEqualTo("PONG");
            assertThat(client.call("SET", "greeting", "hello")).isEqualTo("OK");
            assertThat(client.call("GET", "greeting")).isEqualTo("hello");
            assertThat(client.call("GET", "missing")).isNull();
            assertThat(client.call("INCRBY", "counter", 5)).isEqualTo(5L);
            assertThatThrownBy(() -> client.call("NOSUCHCOMMAND")).isInstanceOf(RespException.class)
                    .hasMessageContaining("unknown command");
        }
        standalone.flushAll();
        assertThat(standalone.server().call("DBSIZE")).isEqualTo(0L);
        assertThat(standalone.server().logFile()).hasValueSatisfying(log -> assertThat(log).exists());
    }

    @Test
    void pauseFreezesTheServerAndResumeThawsIt() {
        RedisNode server = redis.get().server();
        server.pause();
        try (RespClient client = RespClient.connect(server.host(), server.port(), Duration.ofMillis(300))) {
            assertThatThrownBy(() -> client.call("PING")).isInstanceOf(UncheckedIOException.class);
        } finally {
            server.resume();
        }
        assertThat(server.isRunning()).isTrue();
        assertThat(server.call("PING")).isEqualTo("PONG");
    }

    @Test
    void killThenRestartOnTheSamePort() {
        RedisNode server = redis.get().server();
        int port = server.port();
        server.kill();
        assertThat(server.isRunning()).isFalse();
        assertThatThrownBy(() -> server.call("PING")).isInstanceOf(UncheckedIOException.class);
        server.restart();
        assertThat(server.isRunning()).isTrue();
        assertThat(server.port()).isEqualTo(port);
        assertThat(server.call("PING")).isEqualTo("PONG");
    }
}
