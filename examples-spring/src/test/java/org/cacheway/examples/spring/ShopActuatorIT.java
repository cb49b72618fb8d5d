package org.cacheway.examples.spring;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.cacheway.testsupport.RedisExtension;
import org.cacheway.testsupport.RedisStandalone;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** {@code /actuator/health} has each alias; {@code /actuator/metrics/cache.gets} counts hits and misses. */
class ShopActuatorIT {
    @RegisterExtension
    static final RedisExtension<RedisStandalone> redis = RedisExtension.standalone();

    private static final ObjectMapper JSON = new ObjectMapper();
    private static ShopInstance shop;

    @BeforeAll
    static void start() {
        shop = new ShopInstance(redis.get().uri(1));
    }

    @AfterAll
    static void stop() {
        shop.close();
    }

    private static JsonNode json(String path) throws Exception {
        return JSON.readTree(shop.get(path, null).body());
    }

    @Test
    void healthShowsEachAliasWithItsNode() throws Exception {
        JsonNode cacheway = json("/actuator/health").path("components").path("cacheway");
        assertThat(cacheway.path("status").asText()).isEqualTo("UP");
        for (String alias : new String[] {"default", "secondary"}) {
            JsonNode node = cacheway.path("components").path(alias).path("details").path("nodes").path(0);
            assertThat(node.path("up").asBoolean()).as(alias).isTrue();
            assertThat(node.path("latencyMillis").isNumber()).as(alias).isTrue();
        }
    }

    @Test
    void cacheGetsCountsHitsAndMisses() throws Exception {
        shop.get("/products/1", null);
        shop.get("/products/1", null);
        shop.get("/products/1", null);
        assertThat(count("miss")).isEqualTo(1.0);
        assertThat(count("hit")).isEqualTo(2.0);
    }

    private static double count(String result) throws Exception {
        JsonNode metric = json("/actuator/metrics/cache.gets?tag=cache:products&tag=result:" + result);
        return metric.path("measurements").path(0).path("value").asDouble(-1);
    }
}
