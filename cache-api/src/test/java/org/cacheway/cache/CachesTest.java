package org.cacheway.cache;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import org.cacheway.cache.dummy.DummyCache;
import org.cacheway.cache.locmem.LocMemCache;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The {@link Caches} registry (Django's {@code caches} handler, acceptance case 52): every way in
 * gives the same settings, aliases are built lazily and once, errors name what is wrong.
 */
class CachesTest {
    private static final String LOCMEM = "django.core.cache.backends.locmem.LocMemCache";

    private static Map<String, Map<String, Object>> djangoBlock() {
        Map<String, Object> block = new LinkedHashMap<>();
        block.put("BACKEND", LOCMEM);
        block.put("LOCATION", "unique-snowflake");
        block.put("TIMEOUT", 60);
        block.put("KEY_PREFIX", "myapp");
        block.put("VERSION", 3);
        block.put("OPTIONS", Map.of("MAX_ENTRIES", 1000));
        return Map.of("default", block);
    }

    private static final String JSON = "{\"CACHES\": {\"default\": {\"BACKEND\": \"" + LOCMEM + "\", "
            + "\"LOCATION\": \"unique-snowflake\", \"TIMEOUT\": 60, \"KEY_PREFIX\": \"myapp\", \"VERSION\": 3, "
            + "\"OPTIONS\": {\"MAX_ENTRIES\": 1000}}}}";

    private static Properties properties() {
        Properties properties = new Properties();
        properties.setProperty("CACHES.default.BACKEND", LOCMEM);
        properties.setProperty("CACHES.default.LOCATION", "unique-snowflake");
        properties.setProperty("CACHES.default.TIMEOUT", "60");
        properties.setProperty("CACHES.default.KEY_PREFIX", "myapp");
        properties.setProperty("CACHES.default.VERSION", "3");
        properties.setProperty("CACHES.default.OPTIONS.MAX_ENTRIES", "1000");
        properties.setProperty("unrelated.property", "ignored");
        return properties;
    }

    private static Caches built() {
        return Caches.builder().cache("default", b -> b.backend(LOCMEM).location("unique-snowflake")
                .timeout(Timeout.seconds(60)).keyPrefix("myapp").version(3).option("MAX_ENTRIES", 1000)).build();
    }

    /** The settings as a cache sees them, options read through their typed reader. */
    private static List<Object> effective(Caches caches) {
        CacheSettings s = caches.settings("default");
        return List.of(s.alias(), s.backend(), s.locations(), s.timeout(), s.keyPrefix(), s.version(),
                s.keyFunction().getClass(), s.options().integer("MAX_ENTRIES", 0), s.options().asMap().keySet());
    }

    @Test
    void everyWayInGivesTheSameSettings(@TempDir Path dir) throws IOException {
        Path json = dir.resolve("caches.json");
        Files.writeString(json, JSON, StandardCharsets.UTF_8);
        Path props = dir.resolve("caches.properties");
        try (var out = Files.newBufferedWriter(props, StandardCharsets.UTF_8)) {
            properties().store(out, null);
        }
        List<Object> expected = List.of("default", LOCMEM, List.of("unique-snowflake"), Timeout.seconds(60), "myapp", 3,
                DefaultKeyFunction.class, 1000, java.util.Set.of("MAX_ENTRIES"));
        assertThat(effective(Caches.fromSettings(djangoBlock()))).isEqualTo(expected);
        assertThat(effective(Caches.fromJson(JSON))).isEqualTo(expected);
        assertThat(effective(Caches.fromJson(json))).isEqualTo(expected);
        assertThat(effective(Caches.fromProperties(properties()))).isEqualTo(expected);
        assertThat(effective(Caches.fromProperties(props))).isEqualTo(expected);
        assertThat(effective(built())).isEqualTo(expected);
    }

    @Test
    void jsonWithoutTheCachesWrapperIsTheCachesObject() {
        Caches caches = Caches.fromJson("{\"default\": {\"BACKEND\": \"" + LOCMEM + "\", \"TIMEOUT\": null}}");
        assertThat(caches.settings("default").timeout()).isEqualTo(Timeout.NEVER);
    }

    @Test
    void sameAliasGivesTheSameInstance() {
        Caches caches = Caches.fromSettings(djangoBlock());
        assertThat(caches.get("default")).isSameAs(caches.get("default")).isSameAs(caches.getDefault());
    }

    @Test
    void djangoBackendNamesBuildCacheways() {
        Caches caches = Caches.fromSettings(Map.of(
                "default", Map.of("BACKEND", LOCMEM),
                "dummy", Map.of("BACKEND", "django.core.cache.backends.dummy.DummyCache"),
                "byclass", Map.of("BACKEND", LocMemCache.class.getName())));
        assertThat(caches.get("default")).isInstanceOf(LocMemCache.class);
        assertThat(caches.get("dummy")).isInstanceOf(DummyCache.class);
        assertThat(caches.get("byclass")).isInstanceOf(LocMemCache.class);
    }

    @Test
    void builtCacheUsesItsSettings() {
        Cache cache = Caches.fromSettings(djangoBlock()).get("default");
        assertThat(cache.alias()).isEqualTo("default");
        assertThat(cache.makeKey("k")).isEqualTo("myapp:3:k");
        assertThat(cache.defaultTimeout()).isEqualTo(Timeout.seconds(60));
    }

    @Test
    void unknownAliasIsAnError() {
        Caches caches = Caches.fromSettings(djangoBlock());
        assertThatThrownBy(() -> caches.get("nonexistent"))
                .isInstanceOf(CacheConfigurationException.class)
                .hasMessage("The connection 'nonexistent' doesn't exist.");
    }

    @Test
    void unknownBackendClassIsAConfigurationErrorNamingAliasSettingAndValue() {
        Caches caches = Caches.fromSettings(Map.of("default", Map.of("BACKEND", "com.example.NoSuchCache")));
        assertThatThrownBy(() -> caches.get("default"))
                .isInstanceOf(CacheConfigurationException.class)
                .hasMessageContainingAll("'default'", "BACKEND", "com.example.NoSuchCache");
    }

    @Test
    void backendThatIsNotACacheIsAConfigurationError() {
        Caches caches = Caches.fromSettings(Map.of("default", Map.of("BACKEND", "java.lang.String")));
        assertThatThrownBy(() -> caches.get("default"))
                .isInstanceOf(CacheConfigurationException.class)
                .hasMessageContainingAll("'default'", "BACKEND", "java.lang.String");
    }

    @Test
    void missingDefaultAliasIsAConfigurationError() {
        assertThatThrownBy(() -> Caches.fromSettings(Map.of("other", Map.of("BACKEND", LOCMEM))))
                .isInstanceOf(CacheConfigurationException.class)
                .hasMessageContaining("You must define a 'default' cache in your CACHES setting");
    }

    @Test
    void missingBackendIsAConfigurationError() {
        assertThatThrownBy(() -> Caches.fromSettings(Map.of("default", Map.of("LOCATION", "x"))))
                .isInstanceOf(CacheConfigurationException.class)
                .hasMessageContainingAll("'default'", "BACKEND");
    }

    @Test
    void malformedJsonIsAConfigurationError() {
        assertThatThrownBy(() -> Caches.fromJson("{\"default\": "))
                .isInstanceOf(CacheConfigurationException.class);
    }

    @Test
    void unreadableFileIsAConfigurationErrorNamingIt(@TempDir Path dir) {
        Path missing = dir.resolve("missing.json");
        assertThatThrownBy(() -> Caches.fromJson(missing))
                .isInstanceOf(CacheConfigurationException.class)
                .hasMessageContaining(missing.toString());
    }

    @Test
    void aliasesAreBuiltLazily() {
        Caches caches = Caches.fromSettings(Map.of(
                "default", Map.of("BACKEND", LOCMEM),
                "broken", Map.of("BACKEND", "com.example.NoSuchCache")));
        assertThat(caches.aliases()).containsExactlyInAnyOrder("default", "broken");
        assertThat(caches.get("default")).isNotNull();
    }

    @Test
    void allWithInitializedOnlyListsBuiltAliases() {
        Caches caches = Caches.fromSettings(Map.of(
                "default", Map.of("BACKEND", LOCMEM),
                "other", Map.of("BACKEND", LOCMEM)));
        assertThat(caches.all(true)).isEmpty();
        Cache other = caches.get("other");
        assertThat(caches.all(true)).containsExactly(other);
        assertThat(caches.all(false)).hasSize(2).contains(other, caches.get("default"));
        assertThat(caches.all()).hasSize(2);
    }

    @Test
    void closedRegistryRefusesEveryAlias() {
        Caches caches = Caches.fromSettings(djangoBlock());
        Cache cache = caches.get("default");
        caches.close();
        assertThatThrownBy(() -> caches.get("default")).isInstanceOf(CacheClosedException.class);
        assertThatThrownBy(() -> cache.set("k", 1)).isInstanceOf(CacheClosedException.class);
    }

    @Test
    void aTypedLookupReturnsTheBackendsOwnTypeOrSaysWhatItBuilds() {
        try (Caches caches = Caches.fromSettings(djangoBlock())) {
            assertThat(caches.get("default", LocMemCache.class).alias()).isEqualTo("default");
            assertThatThrownBy(() -> caches.get("default", DummyCache.class))
                    .isInstanceOf(CacheConfigurationException.class).hasMessageContaining("LocMemCache");
        }
    }

    @Test
    void sharedPartsAreMadeOncePerRegistryAndClosedWithIt() {
        List<String> closed = new java.util.ArrayList<>();
        Caches caches = Caches.builder().settings(djangoBlock()).cache(captured()).build();
        CacheContext context = contextOf(caches);
        StringBuilder first = context.shared(StringBuilder.class, StringBuilder::new, b -> closed.add("made"));
        assertThat(context.shared(StringBuilder.class, StringBuilder::new, b -> closed.add("again"))).isSameAs(first);
        caches.close();
        assertThat(closed).containsExactly("made");
    }

    @Test
    void aResourceTheUserGaveIsSharedAndNeverClosedByTheRegistry() {
        List<String> closed = new java.util.ArrayList<>();
        StringBuilder mine = new StringBuilder("mine");
        Caches caches = Caches.builder().settings(djangoBlock()).cache(captured()).resource(mine).build();
        CacheContext context = contextOf(caches);
        assertThat(context.resource(StringBuilder.class)).containsSame(mine);
        assertThat(context.shared(StringBuilder.class, StringBuilder::new, b -> closed.add("closed"))).isSameAs(mine);
        caches.close();
        assertThat(closed).isEmpty();
    }

    private static CacheSettings captured() {
        return CacheSettings.fromMap("capture", Map.of("BACKEND", ContextCapture.class.getName()));
    }

    /** The context backends see, captured by a backend that keeps what it was given. */
    private static CacheContext contextOf(Caches caches) {
        return ((ContextCapture) caches.get("capture")).context;
    }

    /** A backend (named by its class) whose cache keeps the registry context it was built with. */
    public static final class ContextCapture extends DummyCache implements org.cacheway.cache.plugin.CacheBackend {
        final CacheContext context;

        /** The backend itself, for the registry. */
        public ContextCapture() {
            this(CacheSettings.fromMap("capture", Map.of("BACKEND", "dummy")), null);
        }

        private ContextCapture(CacheSettings settings, CacheContext context) {
            super(settings);
            this.context = context;
        }

        @Override
        public Cache create(CacheSettings settings, CacheContext given) {
            return new ContextCapture(settings, given);
        }
    }
}
