package org.cacheway.examples;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** Command-line options and Redis locations, without a server. */
class ExampleOptionsTest {

    @Test
    void argumentsSetTheRedisTheSettingsThePortAndTheRunningTime() {
        ExampleOptions options = ExampleOptions.parse("--redis-url", "redis://h:7000/2", "--settings", "my.properties",
                "--port", "0", "--stop-after", "30");
        assertThat(options).isEqualTo(new ExampleOptions("redis://h:7000/2", Path.of("my.properties"), 0,
                Duration.ofSeconds(30)));
    }

    @Test
    void anUnknownArgumentNamesTheKnownOnes() {
        assertThatThrownBy(() -> ExampleOptions.parse("--verbose"))
                .hasMessageContaining("--verbose").hasMessageContaining("--redis-url URL");
        assertThatThrownBy(() -> ExampleOptions.parse("--port")).hasMessage("--port needs a value");
    }

    @Test
    void aUrlWithoutADatabaseUsesDatabaseOneAsTheDjangoWalkthrough() {
        ExampleRedis redis = ExampleRedis.parse("redis://example.org:7000");
        assertThat(redis.location()).isEqualTo("redis://example.org:7000/1");
        assertThat(redis.cliArguments()).isEqualTo("-h example.org -p 7000 -n 1");
    }

    @Test
    void urlAndOldStyleLocationsKeepTheirDatabase() {
        assertThat(ExampleRedis.parse("redis://:secret@127.0.0.1:7001/4").location())
                .isEqualTo("redis://:secret@127.0.0.1:7001/4");
        ExampleRedis old = ExampleRedis.parse("127.0.0.1:7002:3");
        assertThat(old.cliArguments()).isEqualTo("-p 7002 -n 3");
        assertThatThrownBy(() -> ExampleRedis.parse("localhost:7000")).hasMessageContaining("host:port:db");
    }
}
