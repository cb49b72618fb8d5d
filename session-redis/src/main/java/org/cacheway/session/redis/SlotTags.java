package org.cacheway.session.redis;

import io.lettuce.core.cluster.SlotHash;
import java.util.ArrayList;
import java.util.List;

/**
 * The hash tags of a sharded session store: shard {@code i} of {@code n} is named by the smallest
 * decimal number whose slot (CRC16 mod 16,384, as Redis Cluster computes it) falls in the
 * {@code i}-th of {@code n} equal slot ranges, so the shards spread evenly over the slots and, with
 * Redis Cluster's contiguous slot ranges, over the primaries. A session belongs to the shard of its
 * key's {@link String#hashCode()}. The same {@code n} gives the same tags in every process.
 * With one shard there is no tag at all (the unsharded layout).
 */
final class SlotTags {
    private final List<String> tags;

    private SlotTags(List<String> tags) {
        this.tags = tags;
    }

    /** The tags of {@code count} shards, braces included ({@code ""} alone for one shard). */
    static SlotTags of(int count) {
        if (count == 1) {
            return new SlotTags(List.of(""));
        }
        List<String> tags = new ArrayList<>(count);
        for (int shard = 0; shard < count; shard++) {
            int from = shard * SlotHash.SLOT_COUNT / count;
            int to = (shard + 1) * SlotHash.SLOT_COUNT / count;
            for (int candidate = 0; ; candidate++) {
                int slot = SlotHash.getSlot(Integer.toString(candidate));
                if (slot >= from && slot < to) {
                    tags.add("{" + candidate + "}");
                    break;
                }
            }
        }
        return new SlotTags(List.copyOf(tags));
    }

    /** How many shards. */
    int count() {
        return tags.size();
    }

    /** Every shard's tag, in shard order. */
    List<String> all() {
        return tags;
    }

    /** The tag of the shard session {@code key} belongs to. */
    String tagOf(String key) {
        return tags.size() == 1 ? tags.get(0) : tags.get(Math.floorMod(key.hashCode(), tags.size()));
    }

    /**
     * {@code name} with {@code %}, <code>{</code> and <code>}</code> percent-encoded, so that a
     * principal name never holds a brace that a shard client's hash ring (which takes the last
     * <code>{...}</code> of a key) could take for the tag.
     */
    static String escape(String name) {
        return name.replace("%", "%25").replace("{", "%7B").replace("}", "%7D");
    }
}
