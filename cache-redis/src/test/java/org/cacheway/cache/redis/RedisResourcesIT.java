package org.cacheway.cache.redis;

import static org.assertj.core.api.Assertions.assertThat;

import io.lettuce.core.event.connection.ConnectionActivatedEvent;
import io.lettuce.core.resource.ClientResources;
import io.lettuce.core.resource.DefaultClientResources;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.cacheway.cache.Caches;
import org.cacheway.testsupport.RedisExtension;
import org.cacheway.testsupport.RedisStandalone;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import reactor.core.Disposable;

/**
 * The Lettuce {@link ClientResources} (event loops, timer) belong to the registry: its aliases
 * share one set, made by the registry and shut down with it, or the user's, which the registry
 * uses and leaves running.
 */
class RedisResourcesIT {
    @RegisterExtension
    static final RedisExtension<RedisStandalone> redis = RedisExtension.standalone();

    private static final Pattern EVENT_LOOP = Pattern.compile("lettuce-\\w*EventLoop-(\\d+)-\\d+");

    private Map<String, Map<String, Object>> aliases(int count) {
        Map<String, Map<String, Object>> aliases = new java.util.LinkedHashMap<>();
        for (int i = 0; i < count; i++) {
            aliases.put(i == 0 ? "default" : "alias" + i, Map.of("BACKEND", "django_redis.cache.RedisCache",
                    "LOCATION", redis.get().uri(i), "KEY_PREFIX", "alias" + i));
        }
        return aliases;
    }

    /** The event loop groups with live threads (Netty numbers each group's threads {@code <group>-<thread>}). */
    private static Set<String> eventLoopGroups() {
        return Thread.getAllStackTraces().keySet().stream().filter(Thread::isAlive).map(Thread::getName)
                .map(EVENT_LOOP::matcher).filter(Matcher::matches).map(m -> m.group(1)).collect(Collectors.toSet());
    }

    @Test
    void theAliasesOfARegistryShareOneEventLoopGroupThatClosesWithIt() throws Exception {
        Set<String> before = eventLoopGroups();
        Caches caches = Caches.fromSettings(aliases(5));
        caches.all().forEach(cache -> cache.set("k", "v"));
        Set<String> used = eventLoopGroups();
        used.removeAll(before);
        assertThat(used).as("event loop groups of 5 aliases").hasSize(1);
        caches.close();
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (eventLoopGroups().stream().anyMatch(used::contains) && System.nanoTime() < deadline) {
            Thread.sleep(50);
        }
        assertThat(eventLoopGroups()).as("event loop groups after close").doesNotContainAnyElementsOf(used);
    }

    @Test
    void theUsersResourcesAreUsedAndLeftRunning() throws Exception {
        ClientResources mine = DefaultClientResources.create();
        List<Object> connected = new CopyOnWriteArrayList<>();
        Disposable listening = mine.eventBus().get().filter(ConnectionActivatedEvent.class::isInstance)
                .subscribe(connected::add);
        try {
            Caches caches = Caches.builder().settings(aliases(2)).resource(mine).build();
            caches.get("default").set("k", "v");
            caches.get("alias1").set("k", "v");
            caches.close();
            assertThat(connected).as("connections activated on the user's resources").hasSize(2);
            assertThat(mine.eventExecutorGroup().isShuttingDown()).as("the user's resources after close").isFalse();
        } finally {
            listening.dispose();
            mine.shutdown(0, 2, TimeUnit.SECONDS).get(10, TimeUnit.SECONDS);
        }
    }
}
