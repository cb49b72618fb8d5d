package org.cacheway.cache.serializer;

import static org.cacheway.cache.serializer.PickleOpcodes.*;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.cacheway.cache.CacheSerializationException;

/**
 * A restricted unpickler: CPython's stack machine for protocols 0 to 5, limited to the data model
 * and the {@linkplain PythonGlobal allow-list}. It never loads a class or calls anything: a global
 * outside the list, an instantiating or state-setting opcode outside the exact UUID/datetime shapes
 * CPython writes, a persistent id, an extension code or an unknown opcode is refused where it
 * appears, before any value is built from it.
 *
 * <p>Bounds, so that a small value cannot make the reader work or allocate without bound: every
 * length is checked against the bytes that remain before anything is allocated; containers nest
 * at most {@link PickleSerializer#MAX_DEPTH} deep; a value holds at most
 * {@link PickleSerializer#MAX_ITEMS} items, a container shared through the memo counted each time it
 * appears (so memo references cannot build an exponentially large value); hashing dict keys and set
 * members is bounded the same way; text integers have at most {@value PythonText#MAX_DIGITS} digits
 * as in Python. A container is closed once it is stored anywhere; changing it afterwards (the only
 * way to build a cycle) is refused, so values are trees or DAGs.
 */
final class PickleReader {
    /** The bookkeeping of a container built by this reader. */
    private static final class Meta {
        /** Levels of containers, this one included. */
        int depth = 1;
        long items;
        boolean closed;
        boolean hashable;
        /** False when a tuple holds a global marker (allowed only as a call's arguments). */
        boolean plain = true;

        Meta(boolean hashable) {
            this.hashable = hashable;
        }
    }

    /** A {@code uuid.UUID} made by NEWOBJ or copyreg, waiting for the BUILD that sets its {@code int}. */
    private static final class PendingUuid {
        java.util.UUID value;
    }

    private static final BigInteger UUID_LIMIT = BigInteger.ONE.shiftLeft(128);

    private final byte[] in;
    private int pos;
    private int opcodeStart;
    private int protocol;
    private Object[] stack = new Object[16];
    private int size;
    private int[] marks = new int[8];
    private int markCount;
    private int fence;
    private final Map<Long, Object> memo = new HashMap<>();
    private final Map<Object, Meta> metas = new IdentityHashMap<>();
    private long hashWork;

    private PickleReader(byte[] in) {
        this.in = in;
    }

    /**
     * The value a pickle holds, in Cacheway's model (see {@link PickleSerializer}).
     *
     * @throws CacheSerializationException naming the refused global or opcode, or what is malformed,
     *     with its offset
     */
    static Object read(byte[] data) {
        if (data.length > PickleSerializer.MAX_LENGTH) {
            throw new CacheSerializationException("PickleSerializer refuses " + data.length + " bytes: more than "
                    + PickleSerializer.MAX_LENGTH);
        }
        PickleReader reader = new PickleReader(data);
        try {
            return reader.run();
        } catch (PickleFormatException e) {
            throw new CacheSerializationException("cannot unpickle " + data.length + " bytes: " + e.getMessage()
                    + " (" + describe(reader.opcodeAt()) + " at offset " + reader.opcodeStart + ")");
        }
    }

    private int opcodeAt() {
        return opcodeStart < in.length ? in[opcodeStart] & 0xff : STOP;
    }

    private static String describe(int opcode) {
        return PickleOpcodes.describe(opcode);
    }

    private Object run() {
        while (true) {
            opcodeStart = pos;
            int op = u8();
            switch (op) {
                case PROTO -> {
                    protocol = u8();
                    if (protocol > PickleSerializer.HIGHEST_PROTOCOL) {
                        throw fail("unsupported pickle protocol " + protocol);
                    }
                }
                case FRAME -> length(u64());
                case STOP -> {
                    return value(pop());
                }
                case MARK -> pushMark();
                case POP -> popOne();
                case POP_MARK -> popToMark();
                case DUP -> push(top());
                case NONE -> push(null);
                case NEWTRUE -> push(Boolean.TRUE);
                case NEWFALSE -> push(Boolean.FALSE);
                case INT -> push(intText());
                case LONG -> push(longText());
                case BININT -> push((long) i32());
                case BININT1 -> push((long) u8());
                case BININT2 -> push((long) (u8() | u8() << 8));
                case LONG1 -> push(littleEndian(length(u8())));
                case LONG4 -> push(littleEndian(length(i32())));
                case FLOAT -> push(floatText());
                case BINFLOAT -> push(Double.longBitsToDouble(bigEndian64()));
                case STRING -> push(check(PythonText.decodeQuotedAscii(latin1Line()), "a quoted ASCII string"));
                case BINSTRING -> push(ascii(length(i32())));
                case SHORT_BINSTRING -> push(ascii(length(u8())));
                case UNICODE -> push(rawUnicodeLine());
                case BINUNICODE -> push(utf8(length(u32())));
                case SHORT_BINUNICODE -> push(utf8(length(u8())));
                case BINUNICODE8 -> push(utf8(length(u64())));
                case BINBYTES -> push(bytes(length(u32())));
                case SHORT_BINBYTES -> push(bytes(length(u8())));
                case BINBYTES8, BYTEARRAY8 -> push(bytes(length(u64())));
                case EMPTY_TUPLE -> push(PythonTuple.EMPTY);
                case TUPLE -> push(tuple(popToMark()));
                case TUPLE1, TUPLE2, TUPLE3 -> push(tuple(popItems(op - TUPLE1 + 1)));
                case EMPTY_LIST -> push(container(new ArrayList<>(), false));
                case LIST -> push(fillList(container(new ArrayList<>(), false), popToMark()));
                case APPEND, APPENDS -> {
                    Object[] items = op == APPEND ? popItems(1) : popToMark();
                    fillList(top(), items);
                }
                case EMPTY_DICT -> push(container(new LinkedHashMap<>(), false));
                case DICT -> push(fillDict(container(new LinkedHashMap<>(), false), popToMark()));
                case SETITEM, SETITEMS -> {
                    Object[] items = op == SETITEM ? popItems(2) : popToMark();
                    fillDict(top(), items);
                }
                case EMPTY_SET -> push(container(new LinkedHashSet<>(), false));
                case ADDITEMS -> {
                    Object[] items = popToMark();
                    fillSet(top(), items);
                }
                case FROZENSET -> push(frozenSet(popToMark()));
                case GLOBAL -> {
                    String module = utf8Line();
                    push(global(module, utf8Line()));
                }
                case STACK_GLOBAL -> {
                    Object name = pop();
                    Object module = pop();
                    if (!(module instanceof String) || !(name instanceof String)) {
                        throw fail("STACK_GLOBAL needs two str, not " + typeName(module) + " and " + typeName(name));
                    }
                    push(global((String) module, (String) name));
                }
                case REDUCE -> {
                    Object args = pop();
                    push(reduce(pop(), args));
                }
                case NEWOBJ -> {
                    Object args = pop();
                    push(newObject(pop(), args));
                }
                case BUILD -> {
                    Object state = pop();
                    build(top(), state);
                }
                case PUT -> memo.put(decimalLine(), top());
                case BINPUT -> memo.put((long) u8(), top());
                case LONG_BINPUT -> memo.put(u32(), top());
                case MEMOIZE -> memo.put((long) memo.size(), top());
                case GET -> push(memoGet(decimalLine()));
                case BINGET -> push(memoGet(u8()));
                case LONG_BINGET -> push(memoGet(u32()));
                case INST -> {
                    String module = utf8Line();
                    throw fail("refused INST of '" + module + "." + utf8Line() + "': it would instantiate a class");
                }
                case OBJ, NEWOBJ_EX -> throw fail("refused: it would instantiate a class");
                case EXT1, EXT2, EXT4 -> throw fail("refused: extension codes name globals outside the allow-list");
                case PERSID, BINPERSID -> throw fail("refused: persistent ids need application code");
                case NEXT_BUFFER, READONLY_BUFFER -> throw fail("refused: out-of-band buffers are not supported");
                default -> throw fail("refused: unknown opcode");
            }
        }
    }

    private PickleFormatException fail(String message) {
        return new PickleFormatException(message);
    }

    // ---- input ------------------------------------------------------------------------------

    private int u8() {
        if (pos >= in.length) {
            throw fail("the pickle is truncated");
        }
        return in[pos++] & 0xff;
    }

    private int i32() {
        require(4);
        int v = (in[pos] & 0xff) | (in[pos + 1] & 0xff) << 8 | (in[pos + 2] & 0xff) << 16 | in[pos + 3] << 24;
        pos += 4;
        return v;
    }

    private long u32() {
        return i32() & 0xffffffffL;
    }

    private long u64() {
        require(8);
        long v = 0;
        for (int i = 7; i >= 0; i--) {
            v = v << 8 | (in[pos + i] & 0xff);
        }
        pos += 8;
        return v;
    }

    private long bigEndian64() {
        require(8);
        long v = 0;
        for (int i = 0; i < 8; i++) {
            v = v << 8 | (in[pos + i] & 0xff);
        }
        pos += 8;
        return v;
    }

    private void require(int n) {
        if (in.length - pos < n) {
            throw fail("the pickle is truncated");
        }
    }

    /** A claimed length, refused at once when negative or beyond the bytes that remain. */
    private int length(long n) {
        if (n < 0 || n > in.length - pos) {
            throw fail("it claims " + n + " bytes but only " + (in.length - pos) + " remain");
        }
        return (int) n;
    }

    private byte[] bytes(int n) {
        byte[] b = Arrays.copyOfRange(in, pos, pos + n);
        pos += n;
        return b;
    }

    private String utf8(int n) {
        String s = check(PythonText.decodeUtf8(in, pos, n), "valid UTF-8");
        pos += n;
        return s;
    }

    private String ascii(int n) {
        for (int i = pos; i < pos + n; i++) {
            if (in[i] < 0) {
                throw fail("a Python 2 str that is not ASCII (Python 3 reads it only with encoding='latin1')");
            }
        }
        String s = new String(in, pos, n, StandardCharsets.US_ASCII);
        pos += n;
        return s;
    }

    private Number littleEndian(int n) {
        if (n == 0) {
            return 0L;
        }
        byte[] big = new byte[n];
        for (int i = 0; i < n; i++) {
            big[i] = in[pos + n - 1 - i];
        }
        pos += n;
        return PythonText.integer(new BigInteger(big));
    }

    /** The end (exclusive) of the line starting at {@code pos}, without its newline. */
    private int lineEnd() {
        for (int i = pos; i < in.length; i++) {
            if (in[i] == '\n') {
                return i;
            }
        }
        throw fail("a text argument is not ended by a newline");
    }

    private String latin1Line() {
        int end = lineEnd();
        String s = new String(in, pos, end - pos, StandardCharsets.ISO_8859_1);
        pos = end + 1;
        return s;
    }

    private String utf8Line() {
        int end = lineEnd();
        String s = check(PythonText.decodeUtf8(in, pos, end - pos), "valid UTF-8");
        pos = end + 1;
        return s;
    }

    private String rawUnicodeLine() {
        int end = lineEnd();
        String s = check(PythonText.decodeRawUnicodeEscape(in, pos, end - pos), "valid raw-unicode-escape text");
        pos = end + 1;
        return s;
    }

    private <T> T check(T decoded, String expected) {
        if (decoded == null) {
            throw fail("the argument is not " + expected);
        }
        return decoded;
    }

    /** Protocol 0 writes True and False as {@code I01} and {@code I00}; CPython reads any 2-character 0 or 1 so. */
    private Object intText() {
        String text = latin1Line();
        String digits = text.equals("00") || text.equals("01") ? text.substring(1) : text;
        Number n = check(PythonText.parseDecimal(digits), "a decimal integer of at most " + PythonText.MAX_DIGITS
                + " digits");
        if (text.length() == 2 && n instanceof Long value && (value == 0 || value == 1)) {
            return value == 1;
        }
        return n;
    }

    private Number longText() {
        String text = latin1Line();
        String digits = text.endsWith("L") ? text.substring(0, text.length() - 1) : text;
        return check(PythonText.parseDecimal(digits), "a decimal integer of at most " + PythonText.MAX_DIGITS
                + " digits");
    }

    private Double floatText() {
        return check(PythonText.parseFloat(latin1Line()), "a float");
    }

    private long decimalLine() {
        Number n = PythonText.parseDecimal(latin1Line());
        if (!(n instanceof Long) || (Long) n < 0) {
            throw fail("the memo index is not a non-negative integer");
        }
        return (Long) n;
    }

    // ---- stack and memo ----------------------------------------------------------------------

    private void push(Object value) {
        if (size == stack.length) {
            stack = Arrays.copyOf(stack, size * 2);
        }
        stack[size++] = value;
    }

    private Object pop() {
        if (size <= fence) {
            throw fail("the stack is empty");
        }
        Object v = stack[--size];
        stack[size] = null;
        return v;
    }

    private Object top() {
        if (size <= fence) {
            throw fail("the stack is empty");
        }
        return stack[size - 1];
    }

    private Object[] popItems(int n) {
        if (size - fence < n) {
            throw fail("the stack is empty");
        }
        Object[] items = Arrays.copyOfRange(stack, size - n, size);
        Arrays.fill(stack, size - n, size, null);
        size -= n;
        return items;
    }

    private void pushMark() {
        if (markCount == marks.length) {
            marks = Arrays.copyOf(marks, markCount * 2);
        }
        marks[markCount++] = size;
        fence = size;
    }

    private Object[] popToMark() {
        if (markCount == 0) {
            throw fail("no MARK on the stack");
        }
        int mark = marks[--markCount];
        fence = markCount == 0 ? 0 : marks[markCount - 1];
        Object[] items = Arrays.copyOfRange(stack, mark, size);
        Arrays.fill(stack, mark, size, null);
        size = mark;
        return items;
    }

    /** POP: drops the top value, or the top MARK when nothing is above it (as CPython does). */
    private void popOne() {
        if (markCount > 0 && marks[markCount - 1] == size) {
            popToMark();
        } else {
            pop();
        }
    }

    private Object memoGet(long index) {
        Object v = memo.get(index);
        if (v == null && !memo.containsKey(index)) {
            throw fail("memo entry " + index + " was never stored");
        }
        return v;
    }

    // ---- values and containers ---------------------------------------------------------------

    /**
     * A value being stored somewhere (a container, a call's arguments, the result): a pending UUID
     * is resolved, a container is closed for good.
     */
    private Object consume(Object v) {
        if (v instanceof PendingUuid pending) {
            if (pending.value == null) {
                throw fail("a uuid.UUID is used before BUILD set its state");
            }
            return pending.value;
        }
        Meta meta = metas.get(v);
        if (meta != null) {
            meta.closed = true;
        }
        return v;
    }

    /** A value that may be stored in a data-model container or returned: not a global marker. */
    private Object value(Object v) {
        Object value = consume(v);
        if (value instanceof PythonGlobal global) {
            throw fail("the global " + global + " is not a value");
        }
        Meta meta = metas.get(value);
        if (meta != null && !meta.plain) {
            throw fail("a tuple holding a global is not a value");
        }
        return value;
    }

    private <T> T container(T container, boolean hashable) {
        metas.put(container, new Meta(hashable));
        return container;
    }

    /** The bookkeeping of a container that may still change, refusing one already stored elsewhere. */
    private Meta open(Object target, String kind) {
        Meta meta = metas.get(target);
        if (meta == null) {
            throw fail("the target is a " + typeName(target) + ", not a " + kind);
        }
        if (meta.closed) {
            throw fail("the " + kind + " is changed after it was stored (a cycle or a shared mutable value),"
                    + " which PickleSerializer refuses");
        }
        return meta;
    }

    /** Counts {@code item} into {@code meta}: depth, items and hashability, within the limits. */
    private void count(Meta meta, Object item) {
        Meta child = metas.get(item);
        meta.items += weight(item, child);
        if (meta.items > PickleSerializer.MAX_ITEMS) {
            throw fail("the value holds more than " + PickleSerializer.MAX_ITEMS + " items");
        }
        int depth = (child == null ? 0 : child.depth) + 1;
        if (depth > meta.depth) {
            meta.depth = depth;
            if (depth > PickleSerializer.MAX_DEPTH) {
                throw fail("containers are nested deeper than " + PickleSerializer.MAX_DEPTH);
            }
        }
        if (child != null) {
            meta.hashable &= child.hashable;
            meta.plain &= child.plain;
        } else if (item instanceof PythonGlobal) {
            meta.plain = false;
        }
    }

    /** An item's size: containers count what they hold, big numbers their 64-bit words. */
    private static long weight(Object item, Meta meta) {
        if (meta != null) {
            return 1 + meta.items;
        }
        if (item instanceof BigInteger big) {
            return 1 + big.bitLength() / 64;
        }
        if (item instanceof BigDecimal decimal) {
            return 1 + decimal.unscaledValue().bitLength() / 64;
        }
        return 1;
    }

    /** A dict key or set member: hashable in Python, and its hashing counted against the limit. */
    private Object key(Object v) {
        Object key = value(v);
        Meta meta = metas.get(key);
        if (meta != null && !meta.hashable) {
            throw fail("unhashable type: '" + pythonType(key) + "' as a dict key or set member");
        }
        hashWork += weight(key, meta);
        if (hashWork > PickleSerializer.MAX_ITEMS) {
            throw fail("hashing the keys would take more than " + PickleSerializer.MAX_ITEMS + " steps");
        }
        return key;
    }

    private PythonTuple tuple(Object[] items) {
        if (items.length == 0) {
            return PythonTuple.EMPTY;
        }
        Meta meta = new Meta(true);
        for (int i = 0; i < items.length; i++) {
            items[i] = consume(items[i]);
            count(meta, items[i]);
        }
        meta.closed = true;
        PythonTuple tuple = new PythonTuple(items);
        metas.put(tuple, meta);
        return tuple;
    }

    @SuppressWarnings("unchecked")
    private Object fillList(Object target, Object[] items) {
        for (int i = 0; i < items.length; i++) {
            items[i] = value(items[i]);
        }
        Meta meta = open(target, "list");
        if (!(target instanceof ArrayList)) {
            throw fail("the target is a " + typeName(target) + ", not a list");
        }
        List<Object> list = (List<Object>) target;
        for (Object item : items) {
            count(meta, item);
            list.add(item);
        }
        return target;
    }

    @SuppressWarnings("unchecked")
    private Object fillDict(Object target, Object[] items) {
        if (items.length % 2 != 0) {
            throw fail("a dict needs key-value pairs, not " + items.length + " items");
        }
        for (int i = 0; i < items.length; i += 2) {
            items[i] = key(items[i]);
            items[i + 1] = value(items[i + 1]);
        }
        Meta meta = open(target, "dict");
        if (!(target instanceof LinkedHashMap)) {
            throw fail("the target is a " + typeName(target) + ", not a dict");
        }
        Map<Object, Object> map = (Map<Object, Object>) target;
        for (int i = 0; i < items.length; i += 2) {
            count(meta, items[i]);
            count(meta, items[i + 1]);
            map.put(items[i], items[i + 1]);
        }
        return target;
    }

    @SuppressWarnings("unchecked")
    private Object fillSet(Object target, Object[] items) {
        for (int i = 0; i < items.length; i++) {
            items[i] = key(items[i]);
        }
        Meta meta = open(target, "set");
        if (!(target instanceof LinkedHashSet)) {
            throw fail("the target is a " + typeName(target) + ", not a set");
        }
        Set<Object> set = (Set<Object>) target;
        for (Object item : items) {
            count(meta, item);
            set.add(item);
        }
        return target;
    }

    private PythonFrozenSet frozenSet(Object[] items) {
        Set<Object> members = new LinkedHashSet<>();
        fillSet(container(members, false), items);
        Meta meta = metas.remove(members);
        PythonFrozenSet frozen = new PythonFrozenSet(members);
        meta.hashable = true;
        meta.closed = true;
        metas.put(frozen, meta);
        return frozen;
    }

    // ---- globals and calls -------------------------------------------------------------------

    private PythonGlobal global(String module, String name) {
        PythonGlobal global = PythonGlobal.find(module, name, protocol);
        if (global == null) {
            throw fail("refused the global '" + module + "." + name + "': PickleSerializer loads only "
                    + PythonGlobal.allowList());
        }
        return global;
    }

    private Object reduce(Object callable, Object rawArgs) {
        if (!(callable instanceof PythonGlobal global)) {
            throw fail("refused a call of a " + typeName(callable) + ": only allow-listed globals are called");
        }
        if (!(rawArgs instanceof PythonTuple args)) {
            throw fail(global + " must be called with a tuple, not a " + typeName(rawArgs));
        }
        consume(args);
        switch (global) {
            case SET, FROZENSET -> {
                Object[] items = args.isEmpty() ? new Object[0] : iterable(args, global);
                if (global == PythonGlobal.FROZENSET) {
                    return frozenSet(items);
                }
                return fillSet(container(new LinkedHashSet<>(), false), items);
            }
            case RECONSTRUCTOR -> {
                if (!args.equals(Arrays.asList(PythonGlobal.UUID, PythonGlobal.OBJECT, null))) {
                    throw fail("copyreg._reconstructor is allowed only as _reconstructor(uuid.UUID, object, None)");
                }
                return new PendingUuid();
            }
            default -> {
                return PickleCalls.call(global, args);
            }
        }
    }

    /** The items of set()/frozenset()'s one argument: a list, tuple, set or frozenset. */
    private Object[] iterable(PythonTuple args, PythonGlobal global) {
        Object only = args.size() == 1 ? args.get(0) : null;
        Meta meta = metas.get(only);
        if (meta == null || only instanceof Map) {
            throw fail(global + " is allowed only with one list, tuple or set argument");
        }
        return ((java.util.Collection<?>) only).toArray();
    }

    private Object newObject(Object cls, Object args) {
        if (cls != PythonGlobal.UUID || args != PythonTuple.EMPTY) {
            throw fail("refused NEWOBJ of " + (cls instanceof PythonGlobal ? cls : "a " + typeName(cls))
                    + ": only uuid.UUID() is instantiated, for its BUILD");
        }
        return new PendingUuid();
    }

    /** BUILD: only a pending UUID's state {@code {'int': n[, 'is_safe': 0 | -1 | None]}}. */
    private void build(Object target, Object rawState) {
        Object state = value(rawState);
        if (!(target instanceof PendingUuid pending) || pending.value != null) {
            throw fail("refused BUILD of a " + typeName(target) + ": only a new uuid.UUID's state is set");
        }
        if (!(state instanceof Map<?, ?> map) || !(map.get("int") instanceof Number number)) {
            throw fail("a uuid.UUID's state must be a dict with an 'int'");
        }
        Object safe = map.get("is_safe");
        if (safe != null && !Long.valueOf(0).equals(safe) && !Long.valueOf(-1).equals(safe)) {
            throw fail("a uuid.UUID's is_safe must be 0, -1 or None");
        }
        BigInteger n = number instanceof BigInteger big ? big : BigInteger.valueOf(number.longValue());
        if (number instanceof Double || n.signum() < 0 || n.compareTo(UUID_LIMIT) >= 0) {
            throw fail("a uuid.UUID's int must be in [0, 2**128)");
        }
        pending.value = new java.util.UUID(n.shiftRight(64).longValue(), n.longValue());
    }

    static String typeName(Object v) {
        if (v instanceof PythonGlobal || v instanceof PendingUuid) {
            return v instanceof PythonGlobal ? "global " + v : "uuid.UUID";
        }
        return pythonType(v);
    }

    /** The Python type name of a value in Cacheway's model. */
    static String pythonType(Object v) {
        if (v == null) {
            return "NoneType";
        }
        if (v instanceof PythonTuple) {
            return "tuple";
        }
        if (v instanceof PythonFrozenSet) {
            return "frozenset";
        }
        if (v instanceof List) {
            return "list";
        }
        if (v instanceof Map) {
            return "dict";
        }
        if (v instanceof Set) {
            return "set";
        }
        if (v instanceof String) {
            return "str";
        }
        if (v instanceof byte[]) {
            return "bytes";
        }
        if (v instanceof Boolean) {
            return "bool";
        }
        if (v instanceof Long || v instanceof BigInteger) {
            return "int";
        }
        if (v instanceof Double) {
            return "float";
        }
        return v.getClass().getSimpleName();
    }
}
