package org.cacheway.testsupport;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RedisTopologiesIT {

    @Test
    void closeStopsTheServerAndDeletesItsFiles() {
        RedisNode server;
        Path log;
        try (RedisStandalone standalone = RedisTopologies.standalone()) {
            server = standalone.server();
            log = server.logFile().orElseThrow();
            assertThat(server.call("PING")).isEqualTo("PONG");
            assertThat(log).exists();
        }
        assertThat(server.isRunning()).isFalse();
        assertThat(log.getParent()).doesNotExist();
        assertThatThrownBy(() -> server.call("PING")).isInstanceOf(UncheckedIOException.class);
    }

    @Test
    void retainedLogsSurviveClose(@TempDir Path kept) {
        try (RedisStandalone standalone = RedisTopologies.standalone()) {
            standalone.retainLogsIn(kept);
        }
        Path log = kept.resolve("server").resolve("redis.log");
        assertThat(log).exists();
        assertThat(kept.resolve("server").resolve("redis.conf")).exists();
        assertThat(Files.isRegularFile(log)).isTrue();
    }

    @Test
    void anExternalServerIsUsedButNotManaged() {
        try (RedisStandalone standalone = RedisTopologies.standalone()) {
            RedisNode external = RedisNode.external("redis://127.0.0.1:" + standalone.port() + "/3");
            external.start();
            assertThat(external.uri(2)).isEqualTo("redis://127.0.0.1:" + standalone.port() + "/2");
            assertThat(external.isRunning()).isTrue();
            assertThat(external.logFile()).isEmpty();
            assertThatThrownBy(external::kill).isInstanceOf(UnsupportedOperationException.class)
                    .hasMessageContaining("REDIS_URL");
            assertThatThrownBy(external::pause).isInstanceOf(UnsupportedOperationException.class);
            assertThatThrownBy(external::restart).isInstanceOf(UnsupportedOperationException.class);
            external.stop();
            assertThat(standalone.server().call("PING")).isEqualTo("PONG");
        }
    }
}
