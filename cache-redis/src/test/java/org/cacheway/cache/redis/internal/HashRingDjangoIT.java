package org.cacheway.cache.redis.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.cacheway.testsupport.DebianPython;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Placement equals django-redis's: 10,000 keys (plain, tagged, unicode, odd braces) over three
 * servers, placed by Debian's django-redis {@code HashRing} and {@code ShardClient._findhash} run
 * with {@code /usr/bin/python3}, and by {@link HashRing}. Fails (never skips) when Python or
 * django_redis is missing.
 */
class HashRingDjangoIT {
    private static final String SCRIPT = String.join("\n",
            "import sys",
            "from django.conf import settings",
            "settings.configure()",
            "from django_redis.hash_ring import HashRing",
            "from django_redis.client.sharded import ShardClient",
            "lines = open(sys.argv[1], encoding='utf-8').read().split('\\n')",
            "nodes = lines[0].split('\\t')",
            "ring = HashRing(nodes)",
            "out = []",
            "for key in lines[1:]:",
            "    g = ShardClient._findhash.match(key)",
            "    text = g.groups()[0] if g is not None and len(g.groups()) > 0 else key",
            "    out.append(str(nodes.index(ring.get_node(text))))",
            "open(sys.argv[2], 'w').write('\\n'.join(out))");

    @TempDir
    Path dir;

    @BeforeAll
    static void requireDjangoRedis() {
        DebianPython.require("django", "django_redis");
    }

    @Test
    void tenThousandKeysLandWhereDjangoRedisPutsThem() throws Exception {
        List<String> nodes = List.of("redis://10.0.0.1:6379/0", "redis://10.0.0.2:6380/1", "redis://:pw@cache-3:6381?db=2");
        List<String> keys = new ArrayList<>();
        for (int i = 0; i < 10_000; i++) {
            keys.add(switch (i % 5) {
                case 0 -> ":1:key" + i;
                case 1 -> "myapp:3:user:{" + (i % 97) + "}:cart";
                case 2 -> ":2:clé-ünïcödé-☕-" + i;
                case 3 -> ":1:a{b}c{" + i + "}e}";
                default -> ":1:{open" + i + " {}" + i;
            });
        }
        Path input = dir.resolve("in.txt");
        Path output = dir.resolve("out.txt");
        Files.writeString(input, String.join("\t", nodes) + "\n" + String.join("\n", keys), StandardCharsets.UTF_8);
        List<String> python = runPython(input, output);

        HashRing ring = new HashRing(nodes);
        assertThat(python).hasSize(keys.size());
        int[] perNode = new int[nodes.size()];
        for (int i = 0; i < keys.size(); i++) {
            int index = ring.nodeIndex(keys.get(i));
            perNode[index]++;
            assertThat(index).as("node of %s", keys.get(i)).isEqualTo(Integer.parseInt(python.get(i)));
        }
        assertThat(java.util.Arrays.stream(perNode).min().getAsInt()).isGreaterThan(1000);
    }

    private static List<String> runPython(Path input, Path output) throws IOException {
        DebianPython.run(SCRIPT, "", input.toString(), output.toString());
        return Files.readAllLines(output, StandardCharsets.UTF_8);
    }
}
