package org.cacheway.cache.serializer;

import static org.cacheway.cache.serializer.PickleOpcodes.*;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.OffsetTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.Iterator;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.cacheway.cache.CacheSerializationException;

/**
 * Writes the bytes CPython's C pickler ({@code pickle.dumps(v, protocol)}) writes for the same
 * value, protocols 2 to 5: the same opcodes per type and size, FRAMEs of 64 KiB once the body
 * reaches 4 bytes (large str/bytes written outside frames), the memo (MEMOIZE from protocol 4,
 * BINPUT before) keyed by object identity as CPython's is, and lists, dicts and sets in batches of
 * 1,000 with CPython's quirks (one item: APPEND/SETITEM; a dict or set whose size is a multiple of
 * 1,000 ends with an empty batch).
 *
 * <p>Values Python shares are shared here: a Java object that appears twice is written once and
 * fetched from the memo, like a Python object; time zones are shared by value (Python's
 * {@code timezone.utc} and cached {@code ZoneInfo} objects are singletons). A value that contains
 * itself is refused, since {@link PickleReader} could not read it back.
 */
final class PickleWriter {
    private static final int FRAME_SIZE_TARGET = 64 * 1024;
    private static final int FRAME_SIZE_MIN = 4;
    private static final int FRAME_HEADER_SIZE = 9;
    private static final int BATCH_SIZE = 1000;

    /**
     * A string Python shares between values: an interned constant such as {@code 'latin1'}, a
     * module's name, or a cached string of at most one Latin-1 character.
     */
    private record Constant(String text) {
    }

    /** A value Python makes afresh each time (a global's name, a datetime's state): never shared. */
    private record Fresh(Object value) {
    }

    private static final Constant LATIN1 = new Constant("latin1");
    private static final Constant INT = new Constant("int");

    private final int protocol;
    private byte[] out = new byte[256];
    private int len;
    private boolean framing;
    private int frameStart = -1;
    private int memoSize;
    private final Map<Object, Integer> memo = new IdentityHashMap<>();
    private final Map<Object, Integer> shared = new HashMap<>();
    private final Map<Object, Boolean> open = new IdentityHashMap<>();

    private PickleWriter(int protocol) {
        this.protocol = protocol;
    }

    /**
     * The pickle of a value at a protocol (2 to 5).
     *
     * @throws CacheSerializationException for a type the data model does not have, or a value Python
     *     could not read back (an unhashable dict key, a year beyond 9999, a cycle, too deep)
     */
    static byte[] write(Object value, int protocol) {
        PickleWriter writer = new PickleWriter(protocol);
        try {
            writer.write(PROTO);
            writer.write(protocol);
            writer.framing = protocol >= 4;
            writer.save(value, 0);
            writer.write(STOP);
            writer.commitFrame();
        } catch (PickleFormatException e) {
            throw new CacheSerializationException("cannot pickle a " + (value == null ? "null" : value.getClass().getName())
                    + ": " + e.getMessage());
        }
        return Arrays.copyOf(writer.out, writer.len);
    }

    // ---- output and framing ------------------------------------------------------------------

    private void ensure(int n) {
        int need = len + n + FRAME_HEADER_SIZE;
        if (need > out.length) {
            out = Arrays.copyOf(out, Math.max(need, out.length * 2));
        }
        if (framing && frameStart < 0) {
            frameStart = len;
            len += FRAME_HEADER_SIZE;
        }
    }

    private void write(int b) {
        ensure(1);
        out[len++] = (byte) b;
    }

    private void write(byte[] data, int offset, int length) {
        ensure(length);
        System.arraycopy(data, offset, out, len, length);
        len += length;
    }

    private void writeLittleEndian(long value, int bytes) {
        ensure(bytes);
        for (int i = 0; i < bytes; i++) {
            out[len++] = (byte) (value >>> (8 * i));
        }
    }

    private void commitFrame() {
        if (!framing || frameStart < 0) {
            return;
        }
        int frameLength = len - frameStart - FRAME_HEADER_SIZE;
        if (frameLength >= FRAME_SIZE_MIN) {
            out[frameStart] = (byte) FRAME;
            for (int i = 0; i < 8; i++) {
                out[frameStart + 1 + i] = (byte) ((long) frameLength >>> (8 * i));
            }
        } else {
            System.arraycopy(out, frameStart + FRAME_HEADER_SIZE, out, frameStart, frameLength);
            len -= FRAME_HEADER_SIZE;
        }
        frameStart = -1;
    }

    /** CPython's check at the start of every save: a frame that reached 64 KiB is committed. */
    private void boundary() {
        if (framing && frameStart >= 0 && len - frameStart - FRAME_HEADER_SIZE >= FRAME_SIZE_TARGET) {
            commitFrame();
        }
    }

    /** A str or bytes payload: one of 64 KiB or more goes outside any frame, after its header. */
    private void writePayload(int opcode, int lengthBytes, byte[] data) {
        boolean bypass = data.length >= FRAME_SIZE_TARGET;
        boolean wasFraming = framing;
        if (bypass) {
            commitFrame();
            framing = false;
        }
        write(opcode);
        writeLittleEndian(data.length, lengthBytes);
        write(data, 0, data.length);
        framing = wasFraming;
    }

    // ---- memo --------------------------------------------------------------------------------

    private void memoPut(Map<Object, Integer> table, Object key) {
        if (key != null) {
            table.put(key, memoSize);
        }
        int index = memoSize++;
        if (protocol >= 4) {
            write(MEMOIZE);
        } else {
            writeSized(BINPUT, LONG_BINPUT, index);
        }
    }

    private void memoGet(int index) {
        writeSized(BINGET, LONG_BINGET, index);
    }

    /** The one-byte form of an opcode for an argument below 256, else its four-byte form. */
    private void writeSized(int shortOpcode, int longOpcode, int argument) {
        if (argument < 256) {
            write(shortOpcode);
            write(argument);
        } else {
            write(longOpcode);
            writeLittleEndian(argument, 4);
        }
    }

    /** Writes the memo reference when {@code key} was written before in {@code table}. */
    private boolean fetched(Map<Object, Integer> table, Object key) {
        Integer index = table.get(key);
        if (index == null) {
            return false;
        }
        memoGet(index);
        return true;
    }

    // ---- values ------------------------------------------------------------------------------

    private void save(Object v, int depth) {
        boundary();
        if (v == null) {
            write(NONE);
        } else if (v instanceof Boolean b) {
            write(b ? NEWTRUE : NEWFALSE);
        } else if (v instanceof Long || v instanceof Integer || v instanceof Short || v instanceof Byte) {
            saveInt(((Number) v).longValue());
        } else if (v instanceof BigInteger big) {
            saveInt(big);
        } else if (v instanceof Double || v instanceof Float) {
            write(BINFLOAT);
            long bits = Double.doubleToRawLongBits(((Number) v).doubleValue());
            for (int i = 7; i >= 0; i--) {
                write((int) (bits >>> (8 * i)));
            }
        } else if (v instanceof Fresh fresh) {
            saveObject(fresh.value(), null, depth);
        } else if (v instanceof Constant constant) {
            if (!fetched(shared, constant)) {
                saveString(constant.text(), shared, constant);
            }
        } else if (v instanceof String s && s.length() <= 1 && (s.isEmpty() || s.charAt(0) <= 0xff)) {
            save(new Constant(s), depth);
        } else if (v instanceof PythonGlobal global) {
            saveGlobal(global);
        } else if (v instanceof ZoneId zone) {
            if (!fetched(shared, zone)) {
                saveZone(zone);
            }
        } else if (memo.containsKey(v)) {
            if (open.containsKey(v)) {
                throw new PickleFormatException("the value contains itself (a " + v.getClass().getName()
                        + "), which PickleSerializer could not read back");
            }
            memoGet(memo.get(v));
        } else {
            saveObject(v, v, depth);
        }
    }

    /** An object not in the memo; {@code key} is what the memo remembers it by (null: nothing). */
    private void saveObject(Object v, Object key, int depth) {
        if (v instanceof String s) {
            saveString(s, memo, key);
        } else if (v instanceof CharSequence s) {
            saveString(s.toString(), memo, key);
        } else if (v instanceof byte[] bytes) {
            saveBytes(bytes, key);
        } else if (v instanceof Map || v instanceof Collection || v instanceof Object[]) {
            if (depth >= PickleSerializer.MAX_DEPTH) {
                throw new PickleFormatException("containers are nested deeper than " + PickleSerializer.MAX_DEPTH);
            }
            open.put(v, Boolean.TRUE);
            saveContainer(v, key, depth + 1);
            open.remove(v);
        } else if (v instanceof Duration duration) {
            long[] args = PythonDatetimes.timedeltaArgs(duration);
            reduce(PythonGlobal.TIMEDELTA, key, args[0], args[1], args[2]);
        } else if (v instanceof BigDecimal decimal) {
            reduce(PythonGlobal.DECIMAL, key, new Fresh(decimal.toString()));
        } else if (v instanceof UUID uuid) {
            saveUuid(uuid, key);
        } else {
            saveTemporal(v, key);
        }
    }

    private void saveContainer(Object v, Object key, int depth) {
        if (v instanceof Map<?, ?> map) {
            saveDict(map, key, depth);
        } else if (v instanceof PythonTuple tuple) {
            saveTuple(tuple.toArray(), key, depth);
        } else if (v instanceof PythonFrozenSet set) {
            saveFrozenSet(set, key, depth);
        } else if (v instanceof Set<?> set) {
            saveSet(set, key, depth);
        } else if (v instanceof Collection<?> collection) {
            saveList(collection, key, depth);
        } else {
            saveList(Arrays.asList((Object[]) v), key, depth);
        }
    }

    private void saveInt(long v) {
        if (v >= 0 && v <= 0xff) {
            write(BININT1);
            write((int) v);
        } else if (v >= 0 && v <= 0xffff) {
            write(BININT2);
            writeLittleEndian(v, 2);
        } else if (v >= Integer.MIN_VALUE && v <= Integer.MAX_VALUE) {
            write(BININT);
            writeLittleEndian(v, 4);
        } else {
            saveInt(BigInteger.valueOf(v));
        }
    }

    private void saveInt(BigInteger v) {
        if (v.bitLength() < 32) {
            saveInt(v.longValue());
            return;
        }
        byte[] bigEndian = v.toByteArray();
        int n = bigEndian.length;
        writeSized(LONG1, LONG4, n);
        ensure(n);
        for (int i = n - 1; i >= 0; i--) {
            out[len++] = bigEndian[i];
        }
    }

    private void saveString(String s, Map<Object, Integer> table, Object key) {
        byte[] utf8 = PythonText.encodeUtf8(s);
        if (protocol >= 4 && utf8.length <= 0xff) {
            writePayload(SHORT_BINUNICODE, 1, utf8);
        } else {
            writePayload(BINUNICODE, 4, utf8);
        }
        memoPut(table, key);
    }

    private void saveBytes(byte[] bytes, Object key) {
        if (protocol >= 3) {
            if (bytes.length <= 0xff) {
                writePayload(SHORT_BINBYTES, 1, bytes);
            } else {
                writePayload(BINBYTES, 4, bytes);
            }
            memoPut(memo, key);
        } else if (bytes.length == 0) {
            reduce(PythonGlobal.BYTES, key);
        } else {
            reduce(PythonGlobal.CODECS_ENCODE, key,
                    new Fresh(new String(bytes, StandardCharsets.ISO_8859_1)), LATIN1);
        }
    }

    private void saveGlobal(PythonGlobal global) {
        boundary();
        if (fetched(shared, global)) {
            return;
        }
        if (protocol >= 4) {
            save(new Constant(global.module), 0);
            save(new Fresh(global.name), 0);
            write(STACK_GLOBAL);
        } else {
            write(GLOBAL);
            byte[] module = global.module(protocol).getBytes(StandardCharsets.US_ASCII);
            write(module, 0, module.length);
            write('\n');
            byte[] name = global.name.getBytes(StandardCharsets.US_ASCII);
            write(name, 0, name.length);
            write('\n');
        }
        memoPut(shared, global);
    }

    /** {@code callable(*args)}: the callable, the arguments as a new tuple, REDUCE, then the memo. */
    private void reduce(PythonGlobal callable, Object key, Object... args) {
        reduce(memo, key, callable, args);
    }

    private void reduce(Map<Object, Integer> table, Object key, Object callable, Object... args) {
        save(callable, 0);
        saveTuple(args, null, 0);
        write(REDUCE);
        memoPut(table, key);
    }

    private void saveTuple(Object[] items, Object key, int depth) {
        boundary();
        if (items.length == 0) {
            write(EMPTY_TUPLE);
            return;
        }
        if (items.length > 3) {
            write(MARK);
        }
        for (Object item : items) {
            save(item, depth);
        }
        write(items.length > 3 ? TUPLE : TUPLE1 + items.length - 1);
        memoPut(memo, key);
    }

    private void saveList(Collection<?> items, Object key, int depth) {
        write(EMPTY_LIST);
        memoPut(memo, key);
        int size = items.size();
        if (size == 1) {
            save(items.iterator().next(), depth);
            write(APPEND);
        } else if (size > 1) {
            Iterator<?> it = items.iterator();
            int total = 0;
            do {
                write(MARK);
                for (int batch = 0; total < size && batch < BATCH_SIZE; batch++, total++) {
                    save(it.next(), depth);
                }
                write(APPENDS);
            } while (total < size);
        }
    }

    private void saveDict(Map<?, ?> map, Object key, int depth) {
        write(EMPTY_DICT);
        memoPut(memo, key);
        if (map.size() == 1) {
            Map.Entry<?, ?> entry = map.entrySet().iterator().next();
            save(hashable(entry.getKey()), depth);
            save(entry.getValue(), depth);
            write(SETITEM);
        } else if (!map.isEmpty()) {
            Iterator<? extends Map.Entry<?, ?>> it = map.entrySet().iterator();
            int batch;
            do {
                write(MARK);
                for (batch = 0; batch < BATCH_SIZE && it.hasNext(); batch++) {
                    Map.Entry<?, ?> entry = it.next();
                    save(hashable(entry.getKey()), depth);
                    save(entry.getValue(), depth);
                }
                write(SETITEMS);
            } while (batch == BATCH_SIZE);
        }
    }

    private void saveSet(Set<?> set, Object key, int depth) {
        if (protocol < 4) {
            reduce(PythonGlobal.SET, key, new Fresh(new ArrayList<>(checkedMembers(set))));
            return;
        }
        write(EMPTY_SET);
        memoPut(memo, key);
        if (set.isEmpty()) {
            return;
        }
        Iterator<?> it = set.iterator();
        int batch;
        do {
            write(MARK);
            for (batch = 0; batch < BATCH_SIZE && it.hasNext(); batch++) {
                save(hashable(it.next()), depth);
            }
            write(ADDITEMS);
        } while (batch == BATCH_SIZE);
    }

    private void saveFrozenSet(PythonFrozenSet set, Object key, int depth) {
        if (protocol < 4) {
            reduce(PythonGlobal.FROZENSET, key, new Fresh(new ArrayList<>(checkedMembers(set))));
            return;
        }
        write(MARK);
        for (Object item : set) {
            save(hashable(item), depth);
        }
        write(FROZENSET);
        memoPut(memo, key);
    }

    private static Collection<?> checkedMembers(Set<?> set) {
        for (Object item : set) {
            hashable(item);
        }
        return set;
    }

    /** A dict key or set member, refused when Python could not hash it. */
    private static Object hashable(Object v) {
        if (v instanceof PythonTuple tuple) {
            tuple.forEach(PickleWriter::hashable);
        } else if (v instanceof Map || v instanceof Object[] || (v instanceof Collection && !(v instanceof PythonFrozenSet))) {
            throw new PickleFormatException("a dict key or set member must be hashable in Python; a "
                    + v.getClass().getName() + " becomes a " + (v instanceof Set ? "set" : v instanceof Map ? "dict" : "list")
                    + ", which is not");
        }
        return v;
    }

    private void saveUuid(UUID uuid, Object key) {
        save(PythonGlobal.UUID, 0);
        saveTuple(new Object[0], null, 0);
        write(NEWOBJ);
        memoPut(memo, key);
        boundary();
        write(EMPTY_DICT);
        memoPut(memo, null);
        save(INT, 0);
        BigInteger n = new BigInteger(1, java.nio.ByteBuffer.allocate(16).putLong(uuid.getMostSignificantBits())
                .putLong(uuid.getLeastSignificantBits()).array());
        save(n, 0);
        write(SETITEM);
        write(BUILD);
    }

    private void saveTemporal(Object v, Object key) {
        if (v instanceof LocalDateTime t) {
            reduce(PythonGlobal.DATETIME, key, new Fresh(PythonDatetimes.dateTimeState(t, false)));
        } else if (v instanceof OffsetDateTime t) {
            dateTime(t.toLocalDateTime(), false, t.getOffset(), key);
        } else if (v instanceof ZonedDateTime t) {
            boolean fold = protocol > 3 && !t.equals(t.withEarlierOffsetAtOverlap());
            dateTime(t.toLocalDateTime(), fold, pythonZone(t.getZone()), key);
        } else if (v instanceof Instant t) {
            dateTime(LocalDateTime.ofInstant(t, ZoneOffset.UTC), false, ZoneOffset.UTC, key);
        } else if (v instanceof LocalDate d) {
            reduce(PythonGlobal.DATE, key, new Fresh(PythonDatetimes.dateState(d)));
        } else if (v instanceof LocalTime t) {
            reduce(PythonGlobal.TIME, key, new Fresh(PythonDatetimes.timeState(t, false)));
        } else if (v instanceof OffsetTime t) {
            reduce(PythonGlobal.TIME, key, new Fresh(PythonDatetimes.timeState(t.toLocalTime(), false)), t.getOffset());
        } else {
            throw new PickleFormatException("a " + v.getClass().getName() + " is not in Python's data model;"
                    + " PickleSerializer writes null, Boolean, numbers, CharSequence, byte[], List, Map, Set, arrays,"
                    + " java.time values (LocalDate/Time/DateTime, OffsetDateTime/Time, ZonedDateTime, Instant,"
                    + " Duration, ZoneId), BigDecimal and UUID");
        }
    }

    private void dateTime(LocalDateTime local, boolean fold, ZoneId zone, Object key) {
        reduce(PythonGlobal.DATETIME, key, new Fresh(PythonDatetimes.dateTimeState(local, fold)), zone);
    }

    /** The zone Python gets: a fixed offset for offsets and {@code UTC+01:00}-style ids, else the region. */
    private static ZoneId pythonZone(ZoneId zone) {
        String id = zone.getId();
        if (zone instanceof ZoneOffset || id.matches("(UTC|GMT|UT)[+-].*")) {
            return zone.normalized();
        }
        return zone;
    }

    /**
     * A time zone, shared by value: {@code timezone(timedelta)}, or a ZoneInfo as CPython pickles it,
     * {@code getattr(ZoneInfo, '_unpickle')(key, 1)}.
     */
    private void saveZone(ZoneId zone) {
        if (zone instanceof ZoneOffset offset) {
            reduce(shared, zone, PythonGlobal.TIMEZONE, new Fresh(Duration.ofSeconds(offset.getTotalSeconds())));
        } else {
            reduce(memo, null, PythonGlobal.GETATTR, PythonGlobal.ZONEINFO, new Fresh("_unpickle"));
            saveTuple(new Object[] {new Fresh(zone.getId()), 1L}, null, 0);
            write(REDUCE);
            memoPut(shared, zone);
        }
    }
}
