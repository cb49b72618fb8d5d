package org.cacheway.cache.redis.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/** The ring against django-redis's own vectors and those verified in the reference (§8). */
class HashRingTest {
    private static final List<String> THREE = List.of("redis://127.0.0.1:6379/0", "redis://127.0.0.1:6380/0",
            "redis://127.0.0.1:6381/0");

    @Test
    void djangoRedisOwnVector() {
        HashRing ring = new HashRing(List.of("node:0", "node:1", "node:2"));
        List<Integer> placed = IntStream.range(0, 10).mapToObj(i -> ring.nodeIndex("test" + i)).toList();
        assertThat(placed).containsExactly(0, 2, 1, 2, 2, 2, 2, 0, 1, 1);
    }

    @Test
    void threeServerVectors() {
        HashRing ring = new HashRing(THREE);
        assertThat(ring.node(":1:a")).isEqualTo(THREE.get(2));
        assertThat(ring.node(":1:b")).isEqualTo(THREE.get(2));
        assertThat(ring.node(":1:c")).isEqualTo(THREE.get(0));
        assertThat(ring.node(":1:foo")).isEqualTo(THREE.get(1));
        assertThat(ring.node(":1:bar")).isEqualTo(THREE.get(2));
        assertThat(ring.node(":1:django.contrib.sessions.cacheabc")).isEqualTo(THREE.get(2));
        assertThat(ring.node("myapp:3:k")).isEqualTo(THREE.get(1));
    }

    @Test
    void twoDatabaseVectorsSeenInRedis() {
        List<String> two = List.of("redis://127.0.0.1:6390/8", "redis://127.0.0.1:6390/9");
        HashRing ring = new HashRing(two);
        for (String key : List.of(":1:key0", ":1:key1", ":1:key2", ":1:key5", ":1:user:{42}:cart",
                ":1:user:{42}:profile")) {
            assertThat(ring.node(key)).as(key).isEqualTo(two.get(0));
        }
        assertThat(ring.node(":1:key3")).isEqualTo(two.get(1));
        assertThat(ring.node(":1:key4")).isEqualTo(two.get(1));
    }

    @Test
    void hashTagsFollowPythonsGreedyAnchoredMatch() {
        assertThat(HashRing.hashedText(":1:user:{42}:cart")).isEqualTo("42");
        assertThat(HashRing.hashedText(":1:a{b}c{d}e")).isEqualTo("d");
        assertThat(HashRing.hashedText(":1:{a}b}")).isEqualTo("a}b");
        assertThat(HashRing.hashedText(":1:{}x")).isEmpty();
        assertThat(HashRing.hashedText(":1:{open")).isEqualTo(":1:{open");
        assertThat(HashRing.hashedText(":1:{a\n}b")).isEqualTo(":1:{a\n}b");
        assertThat(HashRing.hashedText(":1:{a}\nb")).isEqualTo("a");
    }

    @Test
    void taggedKeysShareTheNodeOfTheirTag() {
        HashRing ring = new HashRing(THREE);
        assertThat(ring.nodeIndex(":1:user:{42}:cart")).isEqualTo(ring.nodeIndex("42"))
                .isEqualTo(ring.nodeIndex("myapp:7:{42}"));
        assertThat(ring.nodeIndex(":1:{}x")).isEqualTo(ring.nodeIndex(""));
    }

    @Test
    void nodeNamesAreTheLocationsAsWritten() {
        HashRing path = new HashRing(List.of("redis://h:6379/1", "redis://h:6379/2"));
        HashRing query = new HashRing(List.of("redis://h:6379?db=1", "redis://h:6379?db=2"));
        long differ = IntStream.range(0, 200).filter(i -> path.nodeIndex(":1:k" + i) != query.nodeIndex(":1:k" + i))
                .count();
        assertThat(differ).isPositive();
    }

    @Test
    void sha256IsLowercaseHex() {
        assertThat(HashRing.sha256Hex("")).isEqualTo("e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855");
    }

    @Test
    void emptyRingIsRejected() {
        assertThatThrownBy(() -> new HashRing(List.of())).isInstanceOf(IllegalArgumentException.class);
    }
}
