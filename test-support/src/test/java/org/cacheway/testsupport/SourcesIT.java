package org.cacheway.testsupport;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class SourcesIT {

    @AfterEach
    void clearSettings() {
        System.clearProperty("REDIS_URL");
        System.clearProperty(Sources.SOURCE_SETTING);
    }

    @Test
    void redisUrlServesStandaloneTopologiesWithoutBeingManaged() {
        try (RedisStandalone real = RedisTopologies.standalone()) {
            System.setProperty("REDIS_URL", real.uri(0));
            try (RedisStandalone viaUrl = RedisTopologies.standalone()) {
                assertThat(viaUrl.source()).isEqualTo(RedisSource.URL);
                assertThat(viaUrl.port()).isEqualTo(real.port());
                viaUrl.server().call("SET", "from-url", "1");
                assertThatThrownBy(() -> viaUrl.server().kill()).isInstanceOf(UnsupportedOperationException.class);
            }
            assertThat(real.server().call("GET", "from-url")).isEqualTo("1");

            try (RedisReplicated replicated = RedisTopologies.replicated(1)) {
                assertThat(replicated.source()).isEqualTo(RedisSource.LOCAL);
            }
        }
    }

    @Test
    void forcedUrlSourceRejectsOtherTopologies() {
        System.setProperty("REDIS_URL", "redis://127.0.0.1:1");
        System.setProperty(Sources.SOURCE_SETTING, "url");
        assertThatThrownBy(RedisTopologies::cluster).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("only serves standalone");
    }

    @Test
    void forcedLocalSourceIgnoresRedisUrl() {
        System.setProperty("REDIS_URL", "redis://127.0.0.1:1");
        System.setProperty(Sources.SOURCE_SETTING, "local");
        try (RedisStandalone standalone = RedisTopologies.standalone()) {
            assertThat(standalone.source()).isEqualTo(RedisSource.LOCAL);
            assertThat(standalone.port()).isNotEqualTo(1);
        }
    }

    @Test
    void unknownSourceIsRejected() {
        System.setProperty(Sources.SOURCE_SETTING, "carrier-pigeon");
        assertThatThrownBy(RedisTopologies::standalone).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("local, docker, url");
    }
}
