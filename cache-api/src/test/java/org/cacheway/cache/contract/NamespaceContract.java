package org.cacheway.cache.contract;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.entry;
import static org.cacheway.cache.contract.ContractSupport.ordered;

import java.util.List;
import org.cacheway.cache.Cache;
import org.cacheway.cache.CacheKeyException;
import org.cacheway.cache.CacheStatistics;
import org.cacheway.cache.Timeout;
import org.junit.jupiter.api.Test;

/**
 * Namespaces ({@link Cache#namespace(String)}) and pattern deletes ({@link Cache#deletePattern}):
 * a namespace's keys are the alias's keys of {@code name:key}, every operation of a namespace view
 * stays in it, its version views too, it counts its own statistics, and its {@code clear()}
 * deletes its keys of its version and nothing else, whatever glob characters its name holds.
 */
public interface NamespaceContract extends CacheFixture {

    @Test
    default void namespaceKeysAreTheAliasKeysOfNameColonKey() {
        assertThat(cache().namespace("products").makeKey("p1")).isEqualTo(":1:products:p1");
        assertThat(cache(PREFIXED).namespace("products").makeKey("p1"))
                .isEqualTo(cache(PREFIXED).makeKey("products:p1"));
        assertThat(cache(CUSTOM_KEY).namespace("products").makeKey("p1"))
                .isEqualTo(cache(CUSTOM_KEY).makeKey("products:p1"));
        assertThat(cache().namespace("products").alias()).isEqualTo(DEFAULT);
    }

    @Test
    default void aValueInANamespaceIsTheAliasValueOfNameColonKey() {
        cache().namespace("products").set("p1", "tea");
        cache().set("products:p2", "coffee");
        assertThat(cache().get("products:p1")).isEqualTo("tea");
        assertThat(cache().namespace("products").get("p2")).isEqualTo("coffee");
    }

    @Test
    default void namespacesNeverShareKeys() {
        cache().namespace("a").set("k", "in a");
        cache().namespace("b").set("k", "in b");
        cache().set("k", "plain");
        assertThat(cache().namespace("a").get("k")).isEqualTo("in a");
        assertThat(cache().namespace("b").get("k")).isEqualTo("in b");
        assertThat(cache().get("k")).isEqualTo("plain");
    }

    @Test
    default void everyOperationOfANamespaceStaysInIt() {
        Cache ns = cache().namespace("ns");
        assertThat(ns.add("a", "1")).isTrue();
        assertThat(ns.setMany(ordered("b", "2", "c", "3"))).isEmpty();
        assertThat(ns.getMany(List.of("a", "b", "c", "d")))
                .containsExactly(entry("a", "1"), entry("b", "2"), entry("c", "3"));
        assertThat(ns.hasKey("a")).isTrue();
        assertThat(ns.touch("a", Timeout.seconds(60))).isTrue();
        assertThat(ns.replace("a", "1b", Timeout.seconds(60))).isTrue();
        ns.set("n", 1);
        assertThat(ns.incr("n", 4)).isEqualTo(5);
        assertThat(ns.getOrSet("g", () -> "computed")).isEqualTo("computed");
        assertThat(cache().getMany(List.of("ns:a", "ns:b", "ns:c", "ns:n", "ns:g"))).hasSize(5);
        assertThat(cache().get("ns:a")).isEqualTo("1b");
        assertThat(ns.deleteMany(List.of("a", "b"))).isEqualTo(2);
        assertThat(ns.delete("c")).isTrue();
        assertThat(cache().getMany(List.of("ns:a", "ns:b", "ns:c"))).isEmpty();
        assertThat(cache().getMany(List.of("a", "b", "c", "n", "g"))).isEmpty();
    }

    @Test
    default void versionViewsOfANamespaceStayInIt() {
        Cache ns = cache().namespace("ns");
        ns.version(2).set("k", "two");
        assertThat(ns.version(2).makeKey("k")).isEqualTo(cache().version(2).makeKey("ns:k"));
        assertThat(ns.version(2).version()).isEqualTo(2);
        assertThat(cache().version(2).get("ns:k")).isEqualTo("two");
        assertThat(cache().version(2).namespace("ns").get("k")).isEqualTo("two");
        assertThat(ns.get("k")).isNull();
        ns.set("moved", "v");
        assertThat(ns.incrVersion("moved")).isEqualTo(2);
        assertThat(ns.version(2).get("moved")).isEqualTo("v");
        assertThat(cache().version(2).get("ns:moved")).isEqualTo("v");
    }

    @Test
    default void clearOfANamespaceDeletesOnlyItsKeysOfItsVersion() {
        Cache ns = cache().namespace("ns");
        ns.setMany(ordered("a", "1", "b", "2"));
        ns.version(2).set("a", "other version");
        cache().namespace("other").set("a", "other namespace");
        cache().namespace("nsx").set("a", "a longer name");
        cache().set("a", "plain");
        cache(PREFIXED).namespace("ns").set("a", "other prefix");
        ns.clear();
        assertThat(ns.getMany(List.of("a", "b"))).isEmpty();
        assertThat(ns.version(2).get("a")).isEqualTo("other version");
        assertThat(cache().namespace("other").get("a")).isEqualTo("other namespace");
        assertThat(cache().namespace("nsx").get("a")).isEqualTo("a longer name");
        assertThat(cache().get("a")).isEqualTo("plain");
        assertThat(cache(PREFIXED).namespace("ns").get("a")).isEqualTo("other prefix");
    }

    @Test
    default void namespaceNamesWithGlobCharactersMatchOnlyThemselves() {
        List<String> names = List.of("a*", "a?", "[a]", "a\\b", "ab", "a", "axb");
        names.forEach(name -> cache().namespace(name).set("k", name));
        cache().namespace("a*").clear();
        cache().namespace("a?").clear();
        cache().namespace("[a]").clear();
        cache().namespace("a\\b").clear();
        names.forEach(name -> assertThat(cache().namespace(name).get("k"))
                .as(name).isEqualTo(List.of("ab", "a", "axb").contains(name) ? name : null));
    }

    @Test
    default void namespacesNest() {
        Cache inner = cache().namespace("a").namespace("b");
        inner.set("k", "inner");
        cache().namespace("a").set("k", "outer");
        assertThat(cache().get("a:b:k")).isEqualTo("inner");
        inner.clear();
        assertThat(cache().get("a:b:k")).isNull();
        assertThat(cache().namespace("a").get("k")).isEqualTo("outer");
    }

    @Test
    default void aNamespaceCountsItsOwnStatistics() {
        CacheStatistics before = caches().get(DEFAULT).statistics();
        Cache ns = cache().namespace("ns");
        ns.set("a", "1");
        ns.get("a");
        ns.get("missing");
        ns.delete("a");
        ns.version(2).set("b", "2");
        CacheStatistics stats = ns.statistics();
        assertThat(stats.hits()).isEqualTo(1);
        assertThat(stats.misses()).isEqualTo(1);
        assertThat(stats.puts()).isEqualTo(2);
        assertThat(stats.deletes()).isEqualTo(1);
        assertThat(stats.size()).isEmpty();
        assertThat(stats.evictions()).isEmpty();
        CacheStatistics alias = caches().get(DEFAULT).statistics();
        assertThat(alias.hits()).isEqualTo(before.hits());
        assertThat(alias.misses()).isEqualTo(before.misses());
        assertThat(alias.puts()).isEqualTo(before.puts());
        assertThat(cache().namespace("ns").statistics().puts()).as("a new view counts anew").isZero();
    }

    @Test
    default void aNamespaceNameIsNonEmptyAndHoldsNoColon() {
        assertThatThrownBy(() -> cache().namespace("")).isInstanceOf(CacheKeyException.class)
                .hasMessageContaining("an empty name");
        assertThatThrownBy(() -> cache().namespace("a:b")).isInstanceOf(CacheKeyException.class)
                .hasMessageContaining("':' at index 1");
        assertThatThrownBy(() -> cache().namespace(null)).isInstanceOf(CacheKeyException.class)
                .hasMessageContaining("null");
    }

    @Test
    default void deletePatternDeletesTheMatchingKeysOfThisVersion() {
        cache().setMany(ordered("user:1", "a", "user:2", "b", "item:1", "c"));
        cache().version(2).set("user:3", "d");
        cache(PREFIXED).set("user:4", "e");
        assertThat(cache().deletePattern("user:*")).isEqualTo(2);
        assertThat(cache().getMany(List.of("user:1", "user:2", "item:1"))).containsOnlyKeys("item:1");
        assertThat(cache().version(2).get("user:3")).isEqualTo("d");
        assertThat(cache(PREFIXED).get("user:4")).isEqualTo("e");
        assertThat(cache().deletePattern("user:*")).isZero();
    }

    @Test
    default void deletePatternInANamespaceMatchesItsOwnUserKeys() {
        Cache ns = cache().namespace("ns");
        ns.setMany(ordered("x1", "a", "x2", "b", "y1", "c"));
        cache().set("x1", "plain");
        assertThat(ns.deletePattern("x?")).isEqualTo(2);
        assertThat(ns.get("y1")).isEqualTo("c");
        assertThat(cache().get("x1")).isEqualTo("plain");
    }
}
