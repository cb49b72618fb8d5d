package org.cacheway.examples;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The examples' own Redis: from the PATH, or the binary shipped in the embedded-redis jar. */
class RedisServerProcessIT {

    @AfterEach
    void clearSource() {
        System.clearProperty(RedisServerProcess.SOURCE_PROPERTY);
    }

    @Test
    void theBinaryFromTheEmbeddedRedisJarStartsAnswersAndStops() {
        System.setProperty(RedisServerProcess.SOURCE_PROPERTY, "embedded");
        RedisServerProcess server = RedisServerProcess.start();
        try {
            assertThat(server.description()).contains("com.github.codemonstur:embedded-redis");
            assertThat(server.port()).isNotEqualTo(6379);
            assertThat(RedisProbe.answersPing("127.0.0.1", server.port())).isTrue();
        } finally {
            server.close();
        }
        assertThat(RedisProbe.answersPing("127.0.0.1", server.port())).isFalse();
    }

    @Test
    void withNothingConfiguredTheExamplesStartARedisAndSaySo() {
        Console console = new Console();
        ExampleOptions options = ExampleOptions.defaults();
        try (ExampleRedis redis = ExampleRedis.resolve(options, ExampleSettings.load(options), console.stream())) {
            assertThat(redis.location()).isEqualTo("127.0.0.1:" + redis.port() + ":1");
            assertThat(RedisProbe.answersPing("127.0.0.1", redis.port())).isTrue();
        }
        assertThat(console.text()).startsWith("No Redis configured");
    }

    @Test
    void aConfiguredRedisThatDoesNotAnswerIsReplacedByOneStartedHere() {
        Console console = new Console();
        // Port 1 is privileged and never a Redis: nothing answers there.
        ExampleOptions options = ExampleOptions.defaults().withRedisUrl("redis://127.0.0.1:1/3");
        try (ExampleRedis redis = ExampleRedis.resolve(options, ExampleSettings.load(options), console.stream())) {
            assertThat(redis.port()).isNotEqualTo(1);
            assertThat(redis.db()).isEqualTo(1);
        }
        assertThat(console.text()).startsWith("No Redis answers at 127.0.0.1:1 (REDIS_URL); starting one instead.");
    }
}
