package org.cacheway.cache.compressor;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import org.junit.jupiter.api.Test;

/** Frames written by python-lz4 4.0 (Debian python3-lz4), which lz4-java's own frame reader refuses. */
class Lz4FrameReaderTest {
    /** {@code lz4.frame.compress(b'"' + b'x' * 200000 + b'"')}: linked 64 KB blocks, content size. */
    private static final String LINKED =
            "04224d184840420d030000000000560c0100002f22780100ffffffffffffffffffffffffffffffffffffffffffffffff"
            + "ffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffff"
            + "ffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffff"
            + "ffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffff"
            + "ffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffff"
            + "ffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffe65078787878780a"
            + "0100000f0100ffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffff"
            + "ffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffff"
            + "ffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffff"
            + "ffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffff"
            + "ffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffff"
            + "ffffffffffffffffffffffffffffffffffffffffffffe85078787878780a0100000f0100ffffffffffffffffffffffff"
            + "ffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffff"
            + "ffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffff"
            + "ffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffff"
            + "ffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffff"
            + "ffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffff"
            + "ffffffffe8507878787878170000000f0100ffffffffffffffffffffffffff3750787878782200000000";

    /** {@code lz4.frame.compress(bytes(range(256)) * 300, block_checksum=True, content_checksum=True,
     * block_size=BLOCKSIZE_MAX64KB)}. */
    private static final String CHECKSUMS =
            "04224d185c40002c0100000000002d0a020000fff1000102030405060708090a0b0c0d0e0f101112131415161718191a"
            + "1b1c1d1e1f202122232425262728292a2b2c2d2e2f303132333435363738393a3b3c3d3e3f404142434445464748494a"
            + "4b4c4d4e4f505152535455565758595a5b5c5d5e5f606162636465666768696a6b6c6d6e6f707172737475767778797a"
            + "7b7c7d7e7f808182838485868788898a8b8c8d8e8f909192939495969798999a9b9c9d9e9fa0a1a2a3a4a5a6a7a8a9aa"
            + "abacadaeafb0b1b2b3b4b5b6b7b8b9babbbcbdbebfc0c1c2c3c4c5c6c7c8c9cacbcccdcecfd0d1d2d3d4d5d6d7d8d9da"
            + "dbdcdddedfe0e1e2e3e4e5e6e7e8e9eaebecedeeeff0f1f2f3f4f5f6f7f8f9fafbfcfdfeff0001ffffffffffffffffff"
            + "ffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffff"
            + "ffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffff"
            + "ffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffff"
            + "ffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffff"
            + "ffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffff"
            + "ffffffffffffe750fbfcfdfeff2912674c360000000f00ffffffffffffffffffffffffffffffffffffffffffffffffff"
            + "ffffffffffffffffffffffffffffffffffffffff1450fbfcfdfeff8f805d0b0000000022624598";

    @Test
    void readsLinkedBlocks() {
        byte[] expected = ("\"" + "x".repeat(200_000) + "\"").getBytes(java.nio.charset.StandardCharsets.US_ASCII);
        assertThat(new Lz4Compressor().decompress(RedisCli.unhex(LINKED))).isEqualTo(expected);
    }

    @Test
    void readsAndVerifiesChecksums() {
        byte[] expected = new byte[256 * 300];
        for (int i = 0; i < expected.length; i++) {
            expected[i] = (byte) i;
        }
        byte[] frame = RedisCli.unhex(CHECKSUMS);
        Lz4Compressor lz4 = new Lz4Compressor();
        assertThat(lz4.decompress(frame)).isEqualTo(expected);
        for (int at : new int[] {5, 20, frame.length - 6, frame.length - 2}) {
            byte[] damaged = Arrays.copyOf(frame, frame.length);
            damaged[at] ^= 0x40;
            assertThat(lz4.decompress(damaged)).as("damaged at " + at).isNull();
        }
    }

    @Test
    void readsConcatenatedFramesAndOwnOutput() {
        Lz4Compressor lz4 = new Lz4Compressor();
        byte[] a = lz4.compress("first value, long enough to compress".getBytes(java.nio.charset.StandardCharsets.US_ASCII));
        byte[] b = lz4.compress("second value, long enough to compress".getBytes(java.nio.charset.StandardCharsets.US_ASCII));
        byte[] both = Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, both, a.length, b.length);
        assertThat(new String(lz4.decompress(both), java.nio.charset.StandardCharsets.US_ASCII))
                .isEqualTo("first value, long enough to compresssecond value, long enough to compress");
    }
}
