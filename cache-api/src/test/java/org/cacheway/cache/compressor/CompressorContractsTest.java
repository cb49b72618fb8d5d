package org.cacheway.cache.compressor;

import org.cacheway.cache.codec.TestCodecs;
import org.cacheway.cache.contract.CompressorContract;
import org.junit.jupiter.api.Nested;

/** Every compressing codec in cache-api passes the compressor contract. */
class CompressorContractsTest {

    @Nested
    class Zlib extends CompressorContract {
        Zlib() {
            super(options -> TestCodecs.compressor("zlib", options, "contract"), 15, "789c");
        }
    }

    @Nested
    class Gzip extends CompressorContract {
        Gzip() {
            super(options -> TestCodecs.compressor("gzip", options, "contract"), 15, "1f8b08");
        }
    }

    @Nested
    class Lzma extends CompressorContract {
        Lzma() {
            super(options -> TestCodecs.compressor("lzma", options, "contract"), 100, "fd377a585a00");
        }
    }

    @Nested
    class Lz4 extends CompressorContract {
        Lz4() {
            super(options -> TestCodecs.compressor("lz4", options, "contract"), 15, "04224d18");
        }
    }

    @Nested
    class Zstd extends CompressorContract {
        Zstd() {
            super(options -> TestCodecs.compressor("zstd", options, "contract"), 15, "28b52ffd");
        }
    }
}
