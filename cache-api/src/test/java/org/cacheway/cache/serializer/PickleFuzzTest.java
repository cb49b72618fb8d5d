package org.cacheway.cache.serializer;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import org.cacheway.cache.CacheSerializationException;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Random bytes and mutated valid pickles: {@link PickleSerializer} either reads a value (which
 * can be hashed and written back) or throws {@link CacheSerializationException}, nothing else, and
 * never hangs. The seed is printed; rerun one with {@code -Dcacheway.fuzz.seed=N}.
 */
class PickleFuzzTest {
    private static final long SEED = Long.getLong("cacheway.fuzz.seed", System.nanoTime());
    private static final int ITERATIONS = 40_000;
    private static final HexFormat HEX = HexFormat.of();
    /** Bytes worth planting: opcodes, length extremes, the protocol header. */
    private static final int[] INTERESTING = {0x00, 0x01, 0x7f, 0x80, 0xff, '(', '.', ']', '}', ')', 'a', 'e', 's', 'u',
            'R', 'b', 'c', 'h', 'q', 'K', 'J', 'X', 'B', 'C', 0x8c, 0x8a, 0x8b, 0x93, 0x94, 0x95, 0x81, 0x85, 0x86, 0x87,
            0x8f, 0x90, 0x91, 0x96, '2', '0', '1', '\n', 'I', 'L', 'F', 'V', 'S', 'g', 'p'};

    /** Python 3.11's pickle.dumps of a dict of every allowed type at protocol 0 (Java never writes 0 or 1). */
    private static final String PROTOCOL_0 = ""
            + "286470300a56610a70310a286c70320a49310a6156780a70330a6146312e350a614e614930310a61492d370a614c31313830"
            + "3539313632303731373431313330333432344c0a617356640a70340a636461746574696d650a6461746574696d650a70350a"
            + "28635f636f646563730a656e636f64650a70360a285607e801020304055c75303030305c7530303030060a70370a566c6174"
            + "696e310a70380a7470390a527031300a636461746574696d650a74696d657a6f6e650a7031310a28636461746574696d650a"
            + "74696d6564656c74610a7031320a2849300a49300a49300a747031330a527031340a747031350a527031360a747031370a52"
            + "7031380a73567a0a7031390a67350a2867360a285607e801025c75303030305c75303030305c75303030305c75303030305c"
            + "75303030305c75303030300a7032300a67380a747032310a527032320a635f5f6275696c74696e5f5f0a676574617474720a"
            + "7032330a28637a6f6e65696e666f0a5a6f6e65496e666f0a7032340a565f756e7069636b6c650a7032350a747032360a5270"
            + "32370a28564575726f70652f50617269730a7032380a49310a747032390a527033300a747033310a527033320a7356750a70"
            + "33330a63636f70795f7265670a5f7265636f6e7374727563746f720a7033340a2863757569640a555549440a7033350a635f"
            + "5f6275696c74696e5f5f0a6f626a6563740a7033360a4e747033370a527033380a28647033390a56696e740a7034300a4937"
            + "0a73627356620a7034310a67360a285678790a7034320a67380a747034330a527034340a7356730a7034350a635f5f627569"
            + "6c74696e5f5f0a7365740a7034360a28286c7034370a49310a61747034380a527034390a7356660a7035300a635f5f627569"
            + "6c74696e5f5f0a66726f7a656e7365740a7035310a28286c7035320a49320a61747035330a527035340a7356740a7035350a"
            + "2849310a49320a747035360a7356650a7035370a63646563696d616c0a446563696d616c0a7035380a2856312e31300a7035"
            + "390a747036300a527036310a735674640a7036320a6731320a2849310a49320a49330a747036330a527036340a735664740a"
            + "7036350a636461746574696d650a646174650a7036360a2867360a285607e801020a7036370a67380a747036380a52703639"
            + "0a747037300a527037310a7356746d0a7037320a636461746574696d650a74696d650a7037330a2867360a285601025c7530"
            + "3030305c75303030305c75303030305c75303030300a7037340a67380a747037350a527037360a747037370a527037380a73"
            + "2e";
    /** The same at protocol 1. */
    private static final String PROTOCOL_1 = ""
            + "7d71002858010000006171015d7102284b015801000000787103473ff80000000000004e4930310a4af9ffffff4c31313830"
            + "3539313632303731373431313330333432344c0a655801000000647104636461746574696d650a6461746574696d650a7105"
            + "28635f636f646563730a656e636f64650a710628580b00000007c3a80102030405000006710758060000006c6174696e3171"
            + "0874710952710a636461746574696d650a74696d657a6f6e650a710b28636461746574696d650a74696d6564656c74610a71"
            + "0c284b004b004b0074710d52710e74710f52711074711152711258010000007a7113680528680628580b00000007c3a80102"
            + "00000000000071146808747115527116635f5f6275696c74696e5f5f0a676574617474720a711728637a6f6e65696e666f0a"
            + "5a6f6e65496e666f0a711858090000005f756e7069636b6c65711974711a52711b28580c0000004575726f70652f50617269"
            + "73711c4b0174711d52711e74711f527120580100000075712163636f70795f7265670a5f7265636f6e7374727563746f720a"
            + "71222863757569640a555549440a7123635f5f6275696c74696e5f5f0a6f626a6563740a71244e7471255271267d71275803"
            + "000000696e7471284b077362580100000062712968062858020000007879712a680874712b52712c580100000073712d635f"
            + "5f6275696c74696e5f5f0a7365740a712e285d712f4b01617471305271315801000000667132635f5f6275696c74696e5f5f"
            + "0a66726f7a656e7365740a7133285d71344b02617471355271365801000000747137284b014b027471385801000000657139"
            + "63646563696d616c0a446563696d616c0a713a285804000000312e3130713b74713c52713d58020000007464713e680c284b"
            + "014b024b0374713f527140580200000064747141636461746574696d650a646174650a714228680628580500000007c3a801"
            + "02714368087471445271457471465271475802000000746d7148636461746574696d650a74696d650a714928680628580600"
            + "0000010200000000714a680874714b52714c74714d52714e752e";

    private static final List<byte[]> CORPUS = new ArrayList<>();

    @BeforeAll
    static void corpus() {
        System.out.println("PickleFuzzTest seed " + SEED + " (rerun with -Dcacheway.fuzz.seed=" + SEED + ")");
        Map<Object, Object> dict = new LinkedHashMap<>();
        dict.put("list", new ArrayList<>(Arrays.asList(1L, "two", 3.5, null, true, -7L, BigInteger.TWO.pow(70))));
        dict.put("tuple", new PythonTuple(new Object[] {1L, new PythonTuple(new Object[] {"x"})}));
        dict.put("set", new LinkedHashSet<>(List.of(1L, 2L)));
        dict.put("frozen", new PythonFrozenSet(new LinkedHashSet<>(List.of("a"))));
        dict.put("bytes", new byte[] {0, 1, 2});
        dict.put("naive", LocalDateTime.of(2024, 1, 2, 3, 4, 5, 6000));
        dict.put("utc", OffsetDateTime.of(2024, 1, 2, 3, 4, 5, 0, ZoneOffset.UTC));
        dict.put("zoned", ZonedDateTime.of(2024, 7, 2, 3, 4, 5, 0, ZoneId.of("Europe/Paris")));
        dict.put("date", LocalDate.of(2024, 1, 2));
        dict.put("time", LocalTime.of(1, 2));
        dict.put("duration", Duration.ofDays(-1).plusNanos(3000));
        dict.put("decimal", new BigDecimal("1.10"));
        dict.put("uuid", new UUID(7, 8));
        List<Object> shared = new ArrayList<>(List.of("s"));
        dict.put("shared", List.of(shared, shared));
        for (int protocol = 2; protocol <= 5; protocol++) {
            PickleSerializer pickle = new PickleSerializer(protocol);
            CORPUS.add(pickle.serialize(dict));
            CORPUS.add(pickle.serialize(List.of("x".repeat(300), new byte[300], 123_456_789L)));
        }
        CORPUS.add(HEX.parseHex(PROTOCOL_0));
        CORPUS.add(HEX.parseHex(PROTOCOL_1));
    }

    @Test
    void theCorpusIsReadable() {
        for (byte[] seed : CORPUS) {
            assertThat(new PickleSerializer().deserialize(seed)).isInstanceOfAny(Map.class, List.class);
        }
    }

    @Test
    @Timeout(120)
    void randomBytesAreReadOrRefusedWithTheTypedErrorOnly() {
        Random random = new Random(SEED);
        for (int i = 0; i < ITERATIONS; i++) {
            byte[] data = new byte[random.nextInt(64)];
            random.nextBytes(data);
            if (data.length > 2 && random.nextBoolean()) {
                data[0] = (byte) 0x80;
                data[1] = (byte) random.nextInt(6);
            }
            check(data, i);
        }
    }

    @Test
    @Timeout(120)
    void mutatedPicklesAreReadOrRefusedWithTheTypedErrorOnly() {
        Random random = new Random(SEED + 1);
        for (int i = 0; i < ITERATIONS; i++) {
            byte[] data = CORPUS.get(random.nextInt(CORPUS.size())).clone();
            for (int m = 1 + random.nextInt(4); m > 0; m--) {
                data = mutate(data, random);
            }
            check(data, i);
        }
    }

    private static byte[] mutate(byte[] data, Random random) {
        int n = data.length;
        int at = n == 0 ? 0 : random.nextInt(n);
        switch (random.nextInt(7)) {
            case 0 -> {
                if (n > 0) {
                    data[at] = (byte) random.nextInt(256);
                }
                return data;
            }
            case 1 -> {
                if (n > 0) {
                    data[at] = (byte) INTERESTING[random.nextInt(INTERESTING.length)];
                }
                return data;
            }
            case 2 -> {
                byte[] out = new byte[n + 1];
                System.arraycopy(data, 0, out, 0, at);
                out[at] = (byte) INTERESTING[random.nextInt(INTERESTING.length)];
                System.arraycopy(data, at, out, at + 1, n - at);
                return out;
            }
            case 3 -> {
                int end = Math.min(n, at + 1 + random.nextInt(16));
                byte[] out = new byte[n - (end - at)];
                System.arraycopy(data, 0, out, 0, at);
                System.arraycopy(data, end, out, at, n - end);
                return out;
            }
            case 4 -> {
                int end = Math.min(n, at + 1 + random.nextInt(32));
                byte[] out = new byte[n + end - at];
                System.arraycopy(data, 0, out, 0, end);
                System.arraycopy(data, at, out, end, n - at);
                return out;
            }
            case 5 -> {
                for (int k = at; k < Math.min(n, at + 4 + random.nextInt(5)); k++) {
                    data[k] = (byte) (random.nextBoolean() ? 0xff : 0x7f);
                }
                return data;
            }
            default -> {
                return Arrays.copyOf(data, at);
            }
        }
    }

    private static void check(byte[] data, int iteration) {
        PickleSerializer pickle = new PickleSerializer();
        Object value;
        try {
            value = pickle.deserialize(data);
        } catch (CacheSerializationException e) {
            return;
        } catch (Throwable t) {
            throw new AssertionError("seed " + SEED + ", iteration " + iteration + ": reading " + HEX.formatHex(data)
                    + " threw " + t, t);
        }
        try {
            java.util.Objects.hashCode(value);
            pickle.serialize(value);
        } catch (CacheSerializationException e) {
            // a value Python itself may hold but Cacheway does not write (e.g. a year 0 date) is refused in words
        } catch (Throwable t) {
            throw new AssertionError("seed " + SEED + ", iteration " + iteration + ": using what " + HEX.formatHex(data)
                    + " read threw " + t, t);
        }
    }
}
