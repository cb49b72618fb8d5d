package org.cacheway.cache.compressor;

import org.cacheway.cache.contract.CompressorContract;
import org.junit.jupiter.api.Nested;

/** Every compressing codec in cache-api passes the compressor contract. */
class CompressorContractsTest {

    @Nested
    class Zlib extends CompressorContract {
        Zlib() {
            super(ZlibCompressor::new, 15, "789c");
        }
    }

    @Nested
    class Gzip extends CompressorContract {
        Gzip() {
            super(GzipCompressor::new, 15, "1f8b08");
        }
    }

    @Nested
    class Lzma extends CompressorContract {
        Lzma() {
            super(LzmaCompressor::new, 100, "fd377a585a00");
        }
    }

    @Nested
    class Lz4 extends CompressorContract {
        Lz4() {
            super(Lz4Compressor::new, 15, "04224d18");
        }
    }

    @Nested
    class Zstd extends CompressorContract {
        Zstd() {
            super(ZstdCompressor::new, 15, "28b52ffd");
        }
    }
}
