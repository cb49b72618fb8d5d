package org.cacheway.cache.contract;

import static java.nio.charset.StandardCharsets.US_ASCII;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.function.Function;
import java.util.stream.IntStream;
import org.cacheway.cache.compressor.Compressor;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The contract of a compressing {@link Compressor} ({@code OPTIONS['COMPRESSOR']}): data longer
 * than the minimum length is written in the codec's format and reads back equal, shorter data is
 * stored as it is, {@code COMPRESS_MIN_LENGTH} moves the threshold, and {@link
 * Compressor#decompress} answers null ("not mine, stored plain") for plain, damaged or random
 * bytes rather than throwing, since nothing marks a stored value as compressed. An
 * implementation's test class extends this and passes how to make the compressor, its default
 * minimum length and the magic bytes its format starts with.
 */
public abstract class CompressorContract {
    private final Function<Map<String, Object>, Compressor> factory;
    private final int defaultMinLength;
    private final String magicHex;

    /**
     * Describes the compressor under test.
     *
     * @param factory makes the compressor from {@code OPTIONS} (empty for the defaults)
     * @param defaultMinLength the length data must exceed to be compressed by default
     *     (django-redis's {@code min_length})
     * @param magicHex the bytes every stream of the format starts with, in hex ({@code 789c} for zlib)
     */
    protected CompressorContract(Function<Map<String, Object>, Compressor> factory, int defaultMinLength,
            String magicHex) {
        this.factory = factory;
        this.defaultMinLength = defaultMinLength;
        this.magicHex = magicHex;
    }

    private Compressor compressor(Map<String, Object> options) {
        return factory.apply(options);
    }

    private Compressor compressor() {
        return compressor(Map.of());
    }

    /** Text of {@code length} bytes that compresses well, as serialized values usually do. */
    private static byte[] text(int length) {
        byte[] pattern = "{\"user\": \"Zo\\u00eb\", \"cart\": [1, 2, 3], \"total\": 12.5} ".getBytes(US_ASCII);
        byte[] data = new byte[length];
        for (int i = 0; i < length; i++) {
            data[i] = pattern[i % pattern.length];
        }
        return data;
    }

    /** Mostly compressible bytes with random noise, so the codec's every block kind is exercised. */
    private static byte[] noisy(int length, long seed) {
        Random random = new Random(seed);
        byte[] data = new byte[length];
        for (int i = 0; i < length; i++) {
            data[i] = (byte) (random.nextInt(4) == 0 ? random.nextInt(256) : 'a' + i % 7);
        }
        return data;
    }

    @Test
    void dataNoLongerThanTheMinimumIsReturnedUnchanged() {
        Compressor compressor = compressor();
        for (int length : new int[] {0, 1, defaultMinLength}) {
            byte[] data = text(length);
            assertThat(compressor.compress(data)).as("%d bytes", length).isSameAs(data);
        }
    }

    @Test
    void dataLongerThanTheMinimumIsWrittenInTheFormat() {
        byte[] data = text(defaultMinLength + 1);
        byte[] packed = compressor().compress(data);
        assertThat(HexFormat.of().formatHex(packed)).startsWith(magicHex);
        assertThat(compressor().decompress(packed)).isEqualTo(data);
    }

    @ParameterizedTest
    @ValueSource(ints = {1000, 70_000, 300_000})
    void compressedDataReadsBackEqual(int length) {
        Compressor compressor = compressor();
        byte[] data = noisy(length, length);
        assertThat(compressor.decompress(compressor.compress(data))).isEqualTo(data);
    }

    @Test
    void extremelyCompressibleDataReadsBackEqual() {
        Compressor compressor = compressor();
        byte[] zeros = new byte[4 << 20];
        assertThat(compressor.decompress(compressor.compress(zeros))).isEqualTo(zeros);
    }

    @Test
    void repetitiveDataShrinks() {
        byte[] data = text(10_000);
        assertThat(compressor().compress(data).length).isLessThan(data.length / 4);
    }

    @Test
    void minLengthOptionMovesTheThreshold() {
        Compressor compressor = compressor(Map.of("COMPRESS_MIN_LENGTH", 200));
        byte[] atMinimum = text(200);
        byte[] above = text(201);
        assertThat(compressor.compress(atMinimum)).isSameAs(atMinimum);
        assertThat(compressor.decompress(compressor.compress(above))).isEqualTo(above);
        assertThat(compressor(Map.of("COMPRESS_MIN_LENGTH", "0")).compress(text(1))).isNotEqualTo(text(1));
    }

    @ParameterizedTest
    @ValueSource(strings = {"\"hello\"", "{\"a\": [1, 2], \"b\": {\"c\": null}}", "null", "", "x", "[1, \"two\"]", "42"})
    void plainBytesAreNotMine(String plain) {
        assertThat(compressor().decompress(plain.getBytes(US_ASCII))).isNull();
    }

    @Test
    void truncatedStreamIsNotMine() {
        Compressor compressor = compressor();
        for (byte[] packed : List.of(compressor.compress(text(200)), compressor.compress(noisy(5000, 7)))) {
            assertThat(compressor.decompress(Arrays.copyOf(packed, packed.length / 2))).isNull();
            assertThat(compressor.decompress(Arrays.copyOf(packed, magicHex.length() / 2))).isNull();
        }
    }

    @Test
    void streamWithTheMagicButGarbageAfterItIsNotMine() {
        Compressor compressor = compressor();
        byte[] garbage = compressor.compress(text(200));
        Arrays.fill(garbage, 12, garbage.length, (byte) 0xa5);
        assertThat(compressor.decompress(garbage)).isNull();
    }

    @Test
    void randomBytesAreNotMine() {
        Compressor compressor = compressor();
        byte[] magic = HexFormat.of().parseHex(magicHex);
        Random random = new Random(42);
        IntStream.range(0, 200).forEach(i -> {
            byte[] data = new byte[1 + random.nextInt(300)];
            random.nextBytes(data);
            if (i % 2 == 0 && data.length > magic.length) {
                System.arraycopy(magic, 0, data, 0, magic.length);
            }
            assertThat(compressor.decompress(data)).as("random bytes #%d", i).isNull();
        });
    }
}
