package org.cacheway.cache.compressor;

import java.util.Map;
import org.cacheway.cache.codec.TestCodecs;
import org.cacheway.cache.contract.CompressorContract;
import org.junit.jupiter.api.Nested;

/** Every compressing codec in cache-api passes the compressor contract. */
class CompressorContractsTest {

    @Nested
    class Zlib extends CompressorContract {
        @Override
        protected Compressor compressor(Map<String, Object> options) {
            return TestCodecs.compressor("zlib", options, "contract");
        }

        @Override
        protected int defaultMinLength() {
            return 15;
        }

        @Override
        protected String magicHex() {
            return "789c";
        }
    }

    @Nested
    class Gzip extends CompressorContract {
        @Override
        protected Compressor compressor(Map<String, Object> options) {
            return TestCodecs.compressor("gzip", options, "contract");
        }

        @Override
        protected int defaultMinLength() {
            return 15;
        }

        @Override
        protected String magicHex() {
            return "1f8b08";
        }
    }

    @Nested
    class Lzma extends CompressorContract {
        @Override
        protected Compressor compressor(Map<String, Object> options) {
            return TestCodecs.compressor("lzma", options, "contract");
        }

        @Override
        protected int defaultMinLength() {
            return 100;
        }

        @Override
        protected String magicHex() {
            return "fd377a585a00";
        }
    }

    @Nested
    class Lz4 extends CompressorContract {
        @Override
        protected Compressor compressor(Map<String, Object> options) {
            return TestCodecs.compressor("lz4", options, "contract");
        }

        @Override
        protected int defaultMinLength() {
            return 15;
        }

        @Override
        protected String magicHex() {
            return "04224d18";
        }
    }

    @Nested
    class Zstd extends CompressorContract {
        @Override
        protected Compressor compressor(Map<String, Object> options) {
            return TestCodecs.compressor("zstd", options, "contract");
        }

        @Override
        protected int defaultMinLength() {
            return 15;
        }

        @Override
        protected String magicHex() {
            return "28b52ffd";
        }
    }
}
