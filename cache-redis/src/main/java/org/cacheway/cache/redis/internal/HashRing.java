package org.cacheway.cache.redis.internal;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * django-redis's consistent hash ring ({@code django_redis.hash_ring.HashRing} plus the hash-tag
 * rule of {@code ShardClient.get_server_name}), reproduced exactly so that Java and Python agree
 * on which server holds a key: 128 points per node, each the lowercase hex SHA-256 of
 * {@code "<node>:<i>"}, sorted as strings; a key goes to the node of the last point not greater
 * than the hex SHA-256 of the key (or of its hash tag), wrapping to the last point. Immutable and
 * thread-safe.
 */
public final class HashRing {
    /** Points per node, as django-redis's default {@code replicas=128}. */
    public static final int REPLICAS = 128;

    /** {@code ShardClient._findhash}: Python's {@code re.match}, so anchored at the start only. */
    private static final Pattern HASH_TAG = Pattern.compile(".*\\{(.*)\\}.*", Pattern.UNIX_LINES);

    private final List<String> nodes;
    private final String[] points;
    private final int[] owners;

    /**
     * A ring over {@code nodes}, named exactly as the {@code LOCATION} entries are written.
     *
     * @throws IllegalArgumentException when there is no node
     */
    public HashRing(List<String> nodes) {
        if (nodes.isEmpty()) {
            throw new IllegalArgumentException("a hash ring needs at least one node");
        }
        this.nodes = List.copyOf(nodes);
        int count = this.nodes.size() * REPLICAS;
        Point[] all = new Point[count];
        for (int n = 0; n < this.nodes.size(); n++) {
            for (int i = 0; i < REPLICAS; i++) {
                all[n * REPLICAS + i] = new Point(sha256Hex(this.nodes.get(n) + ":" + i), n);
            }
        }
        // Python's dict keeps the LAST node for a duplicate point; a stable sort plus "last wins"
        // below reproduces that (a SHA-256 collision is not expected in practice).
        Arrays.sort(all, (a, b) -> a.hash.compareTo(b.hash));
        List<Point> unique = new ArrayList<>(count);
        for (Point point : all) {
            if (!unique.isEmpty() && unique.get(unique.size() - 1).hash.equals(point.hash)) {
                unique.set(unique.size() - 1, point);
            } else {
                unique.add(point);
            }
        }
        this.points = unique.stream().map(p -> p.hash).toArray(String[]::new);
        this.owners = unique.stream().mapToInt(p -> p.node).toArray();
    }

    private record Point(String hash, int node) {
    }

    /** The node names, in the order given. */
    public List<String> nodes() {
        return nodes;
    }

    /** The index in {@link #nodes()} of the node that owns {@code key} (a made key), hash tags applied. */
    public int nodeIndex(String key) {
        return owner(sha256Hex(hashedText(key)));
    }

    /** The name of the node that owns {@code key}. */
    public String node(String key) {
        return nodes.get(nodeIndex(key));
    }

    /**
     * The text hashed for a key: the hash tag when {@code .*\{(.*)\}.*} matches at the start of the
     * key (greedy, so from the last {@code {} that has a {@code }} after it to the last {@code }}),
     * else the whole key.
     */
    public static String hashedText(String key) {
        Matcher matcher = HASH_TAG.matcher(key);
        return matcher.lookingAt() ? matcher.group(1) : key;
    }

    private int owner(String hash) {
        // bisect_right: the first index whose point is greater than hash
        int low = 0;
        int high = points.length;
        while (low < high) {
            int mid = (low + high) >>> 1;
            if (hash.compareTo(points[mid]) < 0) {
                high = mid;
            } else {
                low = mid + 1;
            }
        }
        int index = low - 1;
        return owners[index < 0 ? points.length - 1 : index];
    }

    /** Lowercase hex SHA-256 of the UTF-8 bytes of {@code text}, as Python's {@code hexdigest()}. */
    static String sha256Hex(String text) {
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            return HexFormat.of().formatHex(digest.digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is required by the Java platform", e);
        }
    }

    @Override
    public String toString() {
        return "HashRing" + nodes;
    }
}
