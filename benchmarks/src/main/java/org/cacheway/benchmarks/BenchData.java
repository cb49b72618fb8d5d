package org.cacheway.benchmarks;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * The data every workload shares, built the same way for Cacheway and for the raw baseline: the
 * 10,000 user keys {@code bench:<i>} with their final Redis keys {@code :1:bench:<i>}, their
 * 100-byte ASCII values, the ~4 KiB nested object of W5 and the session attributes of W6.
 */
public final class BenchData {
    /** How many keys are preloaded. */
    public static final int KEY_COUNT = 10_000;
    /** Length of every preloaded string value, in ASCII bytes. */
    public static final int VALUE_LENGTH = 100;
    /** Keys per get-many call (W3). */
    public static final int BATCH_SIZE = 100;
    /** W2's timeout, in seconds. */
    public static final int SET_TIMEOUT_SECONDS = 300;
    /** W2's timeout, for the peers' APIs. */
    public static final Duration SET_TTL = Duration.ofSeconds(SET_TIMEOUT_SECONDS);

    private static final String ALPHABET = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789";

    private BenchData() {
    }

    /** The user key of entry {@code i}. */
    public static String key(int i) {
        return "bench:" + i;
    }

    /** The key Redis holds for user key {@code key} under Django's default scheme ({@code KEY_PREFIX} "" and version 1). */
    public static String finalKey(String key) {
        return ":1:" + key;
    }

    /** The 100-byte ASCII value of entry {@code i}, deterministic so that every run stores the same bytes. */
    public static String value(int i) {
        return randomText(new SplittableRandom(i), VALUE_LENGTH);
    }

    /** Every entry's value, index by index, so set workloads build no string inside the timed loop. */
    public static String[] values() {
        String[] values = new String[KEY_COUNT];
        for (int i = 0; i < KEY_COUNT; i++) {
            values[i] = value(i);
        }
        return values;
    }

    /** W5's value: 50 fields of strings, integers and lists, about 4 KiB as JSON. */
    public static Map<String, Object> nestedObject(int seed) {
        SplittableRandom random = new SplittableRandom(seed);
        Map<String, Object> object = new LinkedHashMap<>();
        for (int f = 0; f < 50; f++) {
            String name = "field_" + f;
            switch (f % 3) {
                case 0 -> object.put(name, randomText(random, 104));
                case 1 -> object.put(name, random.nextLong(1L << 40));
                default -> object.put(name, f % 2 == 0 ? intList(random) : wordList(random));
            }
        }
        return object;
    }

    /** A Django-like logged-in session: auth attributes, a cart, preferences and a visit counter. */
    public static Map<String, Object> sessionAttributes(int i) {
        SplittableRandom random = new SplittableRandom(i);
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("_auth_user_id", Integer.toString(i));
        data.put("_auth_user_backend", "django.contrib.auth.backends.ModelBackend");
        data.put("_auth_user_hash", randomText(random, 64));
        data.put("cart", intList(random));
        data.put("theme", "dark");
        data.put("language", "en-gb");
        data.put("visits", 0L);
        return data;
    }

    private static List<Object> intList(SplittableRandom random) {
        List<Object> list = new ArrayList<>();
        for (int i = 0; i < 8; i++) {
            list.add(random.nextLong(1_000_000L));
        }
        return list;
    }

    private static List<Object> wordList(SplittableRandom random) {
        List<Object> list = new ArrayList<>();
        for (int i = 0; i < 8; i++) {
            list.add(randomText(random, 10));
        }
        return list;
    }

    private static String randomText(SplittableRandom random, int length) {
        char[] text = new char[length];
        for (int i = 0; i < length; i++) {
            text[i] = ALPHABET.charAt(random.nextInt(ALPHABET.length()));
        }
        return new String(text);
    }
}
