package org.cacheway.cache.redis;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowable;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.cacheway.cache.CacheException;
import org.cacheway.cache.CacheValueException;
import org.cacheway.cache.compressor.IdentityCompressor;
import org.cacheway.cache.serializer.JsonSerializer;
import org.junit.jupiter.api.Test;

/**
 * django-redis 6's hash and set operations, on one face of a {@link RedisCache} ({@link #ops()})
 * over any client class and policy. Keys of multi-key operations share the hash tag {@code {s}},
 * so they live in one cluster slot and on one shard server.
 */
interface CollectionsContract {
    /** The cache of the test, emptied before it. */
    RedisCache cache();

    /** The operations on the face under test. */
    CollectionOps ops();

    @Test
    default void hsetAddsAFieldOnceAndHgetReadsItsDecodedValue() {
        assertThat(ops().hset("h", "f", Map.of("a", 1))).isEqualTo(1);
        assertThat(ops().hset("h", "f", "second")).isZero();
        assertThat(ops().hget("h", "f")).isEqualTo("second");
        assertThat(ops().hlen("h")).isEqualTo(1);
        assertThat(ops().hexists("h", "f")).isTrue();
        assertThat(ops().hkeys("h")).containsExactly("f");
    }

    @Test
    default void hdelRemovesTheFieldAndCountsIt() {
        ops().hset("h", "f", 1);
        assertThat(ops().hdel("h", "f")).isEqualTo(1);
        assertThat(ops().hdel("h", "f")).isZero();
        assertThat(ops().hexists("h", "f")).isFalse();
    }

    @Test
    default void hashNameIsUsedAsItIsWhileFieldsAreMadeAtTheViewsVersion() {
        ops().hset("h", "f", 1);
        CollectionOps v2 = CollectionOps.synchronous(cache().version(2));
        assertThat(v2.hlen("h")).isEqualTo(1);
        assertThat(v2.hexists("h", "f")).isFalse();
        assertThat(cache().hkeys("h")).containsExactly("f");
        assertThat(cache().hasKey("h")).isFalse();
    }

    @Test
    default void missingHashesAndSetsAnswerEmpty() {
        assertThat(ops().hlen("none")).isZero();
        assertThat(ops().hkeys("none")).isEmpty();
        assertThat(ops().hget("none", "f")).isNull();
        assertThat(ops().smembers("none")).isEmpty();
        assertThat(ops().scard("none")).isZero();
        assertThat(ops().spop("none")).isNull();
        assertThat(ops().srandmember("none")).isNull();
        assertThat(ops().sismember("none", "a")).isFalse();
    }

    @Test
    default void saddCountsNewMembersAndSmembersDecodesThem() {
        assertThat(ops().sadd("s", "a", "b", 7)).isEqualTo(3);
        assertThat(ops().sadd("s", "a")).isZero();
        assertThat(ops().smembers("s")).containsExactlyInAnyOrder("a", "b", 7L);
        assertThat(ops().scard("s")).isEqualTo(3);
    }

    @Test
    default void membershipIsCheckedOnEncodedMembers() {
        ops().sadd("s", "a", 7);
        assertThat(ops().sismember("s", "a")).isTrue();
        assertThat(ops().sismember("s", 7)).isTrue();
        assertThat(ops().sismember("s", "7")).isFalse();
        assertThat(ops().smismember("s", "a", "x", 7)).containsExactly(true, false, true);
    }

    @Test
    default void sremCountsTheMembersItRemoved() {
        ops().sadd("s", "a", "b");
        assertThat(ops().srem("s", "a", "x")).isEqualTo(1);
        assertThat(ops().smembers("s")).containsExactly("b");
    }

    @Test
    default void spopRemovesOneOrCountMembers() {
        ops().sadd("s", "a", "b", "c");
        Object one = ops().spop("s");
        assertThat(one).isIn("a", "b", "c");
        assertThat(ops().spop("s", 5)).hasSize(2).doesNotContain(one);
        assertThat(ops().scard("s")).isZero();
    }

    @Test
    default void srandmemberLeavesMembersAndRepeatsForANegativeCount() {
        ops().sadd("s", "a");
        assertThat(ops().srandmember("s")).isEqualTo("a");
        assertThat(ops().srandmember("s", 5)).containsExactly("a");
        assertThat(ops().srandmember("s", -3)).containsExactly("a", "a", "a");
        assertThat(ops().scard("s")).isEqualTo(1);
    }

    @Test
    default void smoveMovesAMemberBetweenSetsOfOneTag() {
        ops().sadd("{s}from", "a");
        assertThat(ops().smove("{s}from", "{s}to", "a")).isTrue();
        assertThat(ops().smove("{s}from", "{s}to", "a")).isFalse();
        assertThat(ops().smembers("{s}to")).containsExactly("a");
    }

    @Test
    default void sdiffSinterAndSunionCombineSetsOfOneTag() {
        ops().sadd("{s}a", 1, 2, 3);
        ops().sadd("{s}b", 2, 3, 4);
        assertThat(ops().sdiff("{s}a", "{s}b")).containsExactly(1L);
        assertThat(ops().sinter("{s}a", "{s}b")).containsExactlyInAnyOrder(2L, 3L);
        assertThat(ops().sunion("{s}a", "{s}b")).containsExactlyInAnyOrder(1L, 2L, 3L, 4L);
    }

    @Test
    default void storeFormsSaveTheResultAndCountIt() {
        ops().sadd("{s}a", 1, 2, 3);
        ops().sadd("{s}b", 2, 3, 4);
        assertThat(ops().sdiffstore("{s}d", "{s}a", "{s}b")).isEqualTo(1);
        assertThat(ops().sinterstore("{s}i", "{s}a", "{s}b")).isEqualTo(2);
        assertThat(ops().sunionstore("{s}u", "{s}a", "{s}b")).isEqualTo(4);
        assertThat(ops().smembers("{s}i")).containsExactlyInAnyOrder(2L, 3L);
    }

    @Test
    default void sdiffstoreMakesDestinationAndSourcesAtTheirOwnVersions() {
        cache().version(2).sadd("{s}a", "x", "y");
        assertThat(ops().sdiffstore("{s}d", 3, 2, "{s}a")).isEqualTo(2);
        assertThat(cache().version(3).smembers("{s}d")).containsExactlyInAnyOrder("x", "y");
        assertThat(ops().smembers("{s}d")).isEmpty();
    }

    @Test
    default void sscanMatchesTheSerializedMembersOrRefusesAPatternUnderCompression() {
        ops().sadd("s", "apple", "avocado", "banana");
        if (cache().codec().compressor() instanceof IdentityCompressor) {
            assertThat(ops().sscan("s", "avocado", 100)).containsExactly("avocado");
            assertThat(ops().sscan("s", null, 100)).containsExactlyInAnyOrder("apple", "avocado", "banana");
            if (cache().codec().serializer() instanceof JsonSerializer) {
                assertThat(ops().sscan("s", "*a*o*", 100)).containsExactly("avocado");
            }
        } else {
            assertThatThrownBy(() -> ops().sscan("s", "a*", 100)).isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("compression");
        }
    }

    @Test
    default void sscanAllReadsEveryPage() {
        List<Object> members = new ArrayList<>();
        for (int i = 0; i < 300; i++) {
            members.add("m" + i);
        }
        ops().sadd("s", members.toArray());
        assertThat(ops().sscanAll("s", null, 5)).hasSize(300).containsAll(members);
    }

    @Test
    default void wrongTypeIsAValueError() {
        cache().set("k", "v");
        assertThatThrownBy(() -> ops().sadd("k", "a")).isInstanceOf(CacheValueException.class)
                .hasMessageContaining("another Redis type");
        assertThatThrownBy(() -> ops().hset(cache().makeKey("k"), "f", 1)).isInstanceOf(CacheValueException.class);
    }

    @Test
    default void badArgumentsAreNamed() {
        assertThatThrownBy(() -> ops().sadd("s")).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("sadd needs at least one member");
        assertThatThrownBy(() -> ops().spop("s", -1)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("count must be at least 0");
        assertThatThrownBy(() -> ops().sunion()).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("sunion needs at least one key");
        assertThatThrownBy(() -> ops().hset(null, "f", 1)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    default void keysApartFailWithCrossSlotOnlyWhereTheClientSpreadsKeys() {
        List<Throwable> failures = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            Throwable failure = catchThrowable(() -> ops().sunion("k", "other" + failures.size() + "-" + Math.random()));
            if (failure != null) {
                failures.add(failure);
            }
        }
        if (cache().client().spreadsKeys()) {
            assertThat(failures).isNotEmpty().allSatisfy(failure -> assertThat(failure)
                    .isInstanceOf(CrossSlotException.class).hasMessageContaining("sunion"));
        } else {
            assertThat(failures).isEmpty();
        }
    }

    @Test
    default void aStoreOverACachedValueIsNotServedStale() {
        cache().set("{s}k", "v");
        assertThat(cache().get("{s}k")).isEqualTo("v");
        ops().sadd("{s}a", "x");
        assertThat(ops().sunionstore("{s}k", "{s}a")).isEqualTo(1);
        assertThatThrownBy(() -> cache().get("{s}k")).isInstanceOf(CacheException.class);
        assertThat(ops().smembers("{s}k")).containsExactly("x");
    }
}
