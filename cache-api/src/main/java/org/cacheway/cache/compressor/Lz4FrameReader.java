package org.cacheway.cache.compressor;

import java.util.Arrays;

/**
 * Decodes LZ4 frames (one or more, skippable frames ignored) in pure Java, including what
 * lz4-java's {@code LZ4FrameInputStream} refuses: python-lz4's default <b>linked</b> blocks, whose
 * matches reach into the previous blocks. Uncompressed blocks, the content size and all checksums
 * are handled; checksums are verified. Any malformation throws {@link IllegalArgumentException}
 * (or an index error), which the compressor reads as "not an lz4 value".
 */
final class Lz4FrameReader {
    private static final int MAGIC = 0x184D2204;
    private static final int SKIPPABLE_MASK = 0xFFFFFFF0;
    private static final int SKIPPABLE = 0x184D2A50;

    private final byte[] src;
    private int pos;
    private byte[] out;
    private int len;

    private Lz4FrameReader(byte[] src) {
        this.src = src;
        this.out = new byte[Math.max(64, Math.min(src.length * 4, 1 << 20))];
    }

    /** The concatenated content of every frame in {@code data}. */
    static byte[] decode(byte[] data) {
        Lz4FrameReader reader = new Lz4FrameReader(data);
        do {
            reader.frame();
        } while (reader.pos < data.length);
        return Arrays.copyOf(reader.out, reader.len);
    }

    private void frame() {
        int magic = int32();
        if ((magic & SKIPPABLE_MASK) == SKIPPABLE) {
            int size = int32();
            check(size >= 0 && size <= src.length - pos, "bad skippable frame");
            pos += size;
            return;
        }
        check(magic == MAGIC, "not an lz4 frame");
        int descriptorStart = pos;
        int flg = u8();
        int bd = u8();
        check((flg >>> 6) == 1 && (flg & 0x02) == 0 && (bd & 0x8F) == 0, "unsupported frame descriptor");
        boolean independent = (flg & 0x20) != 0;
        boolean blockChecksum = (flg & 0x10) != 0;
        boolean contentSizePresent = (flg & 0x08) != 0;
        boolean contentChecksum = (flg & 0x04) != 0;
        check((flg & 0x01) == 0, "lz4 dictionaries are not supported");
        int sizeCode = (bd >>> 4) & 0x7;
        check(sizeCode >= 4, "bad block size");
        int maxBlock = 1 << (8 + 2 * sizeCode);
        long contentSize = -1;
        if (contentSizePresent) {
            contentSize = (int32() & 0xFFFFFFFFL) | ((long) int32() << 32);
            check(contentSize >= 0, "bad content size");
        }
        int headerChecksum = u8();
        check(headerChecksum == ((xxh32(src, descriptorStart, pos - 1 - descriptorStart) >>> 8) & 0xFF),
                "header checksum mismatch");
        int frameStart = len;
        while (true) {
            int size = int32();
            if (size == 0) {
                break;
            }
            boolean stored = (size & 0x80000000) != 0;
            size &= 0x7FFFFFFF;
            check(size <= maxBlock && size <= src.length - pos, "bad block size");
            if (blockChecksum) {
                check(src.length - pos >= size + 4, "truncated block");
                check(xxh32(src, pos, size) == readInt(pos + size), "block checksum mismatch");
            }
            int blockStart = len;
            if (stored) {
                ensure(size);
                System.arraycopy(src, pos, out, len, size);
                len += size;
            } else {
                block(pos, pos + size, independent ? blockStart : frameStart, blockStart + maxBlock);
            }
            pos += size + (blockChecksum ? 4 : 0);
        }
        if (contentChecksum) {
            check(xxh32(out, frameStart, len - frameStart) == int32(), "content checksum mismatch");
        }
        check(contentSize < 0 || contentSize == len - frameStart, "content size mismatch");
    }

    /** Decodes one compressed block; matches may not reach below {@code floor} nor write past {@code limit}. */
    private void block(int sp, int end, int floor, int limit) {
        while (true) {
            int token = src[sp++] & 0xFF;
            int literals = token >>> 4;
            if (literals == 15) {
                int b;
                do {
                    b = src[sp++] & 0xFF;
                    literals += b;
                } while (b == 255);
            }
            check(literals <= end - sp && len + literals <= limit, "bad literal length");
            ensure(literals);
            System.arraycopy(src, sp, out, len, literals);
            len += literals;
            sp += literals;
            if (sp == end) {
                return;
            }
            int offset = (src[sp] & 0xFF) | (src[sp + 1] & 0xFF) << 8;
            sp += 2;
            check(offset != 0 && len - offset >= floor && sp < end, "bad match offset");
            int match = token & 0x0F;
            if (match == 15) {
                int b;
                do {
                    b = src[sp++] & 0xFF;
                    match += b;
                } while (b == 255);
            }
            match += 4;
            check(len + match <= limit, "block too large");
            ensure(match);
            int from = len - offset;
            if (offset >= match) {
                System.arraycopy(out, from, out, len, match);
                len += match;
            } else {
                for (int i = 0; i < match; i++) {
                    out[len++] = out[from + i];
                }
            }
        }
    }

    private void ensure(int extra) {
        if (len + extra > out.length) {
            long wanted = Math.max((long) len + extra, (long) out.length * 2);
            check(wanted <= Integer.MAX_VALUE - 16, "content too large");
            out = Arrays.copyOf(out, (int) wanted);
        }
    }

    private int u8() {
        check(pos < src.length, "truncated frame");
        return src[pos++] & 0xFF;
    }

    private int int32() {
        check(src.length - pos >= 4, "truncated frame");
        int v = readInt(pos);
        pos += 4;
        return v;
    }

    private int readInt(int at) {
        return (src[at] & 0xFF) | (src[at + 1] & 0xFF) << 8 | (src[at + 2] & 0xFF) << 16 | (src[at + 3] & 0xFF) << 24;
    }

    private static int xxh32(byte[] data, int off, int length) {
        return net.jpountz.xxhash.XXHashFactory.fastestJavaInstance().hash32().hash(data, off, length, 0);
    }

    private static void check(boolean ok, String problem) {
        if (!ok) {
            throw new IllegalArgumentException(problem);
        }
    }
}
