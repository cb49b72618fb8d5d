package org.cacheway.cache.serializer;

import java.util.HashMap;
import java.util.Map;

/**
 * The allow-list: the only globals ({@code GLOBAL}/{@code STACK_GLOBAL}) a pickle may name. Each is
 * a marker, never a loaded class: {@link PickleReader} accepts it only in the exact call shapes
 * CPython writes for the data model, and {@link PickleWriter} writes the same names.
 */
enum PythonGlobal {
    DATETIME("datetime", "datetime"),
    DATE("datetime", "date"),
    TIME("datetime", "time"),
    TIMEDELTA("datetime", "timedelta"),
    TIMEZONE("datetime", "timezone"),
    DECIMAL("decimal", "Decimal"),
    UUID("uuid", "UUID"),
    /** {@code pytz.utc} pickles as a call of this function with no argument. */
    PYTZ_UTC("pytz", "_UTC"),
    /** Only as {@code getattr(zoneinfo.ZoneInfo, '_unpickle')}. */
    ZONEINFO("zoneinfo", "ZoneInfo"),
    /** Only as {@code getattr(zoneinfo.ZoneInfo, '_unpickle')}. */
    GETATTR("builtins", "getattr"),
    SET("builtins", "set"),
    FROZENSET("builtins", "frozenset"),
    BYTES("builtins", "bytes"),
    BYTEARRAY("builtins", "bytearray"),
    /** Only as an argument of {@code copyreg._reconstructor}. */
    OBJECT("builtins", "object"),
    /** Protocols 0 to 2 write bytes as {@code _codecs.encode(text, 'latin1')}. */
    CODECS_ENCODE("_codecs", "encode"),
    /** Protocols 0 and 1 write a UUID as {@code copyreg._reconstructor(uuid.UUID, object, None)}. */
    RECONSTRUCTOR("copyreg", "_reconstructor"),
    /** Not a global: the bound method {@code ZoneInfo._unpickle} that the getattr call yields. */
    ZONEINFO_UNPICKLE("zoneinfo", "ZoneInfo._unpickle");

    private static final Map<String, PythonGlobal> BY_NAME = new HashMap<>();

    static {
        for (PythonGlobal g : values()) {
            if (g != ZONEINFO_UNPICKLE) {
                BY_NAME.put(g.module + "." + g.name, g);
            }
        }
    }

    final String module;
    final String name;

    PythonGlobal(String module, String name) {
        this.module = module;
        this.name = name;
    }

    /**
     * The allowed global a pickle names, with Python 2's module names mapped for protocols below 3
     * as Python's {@code fix_imports} does; null when it is not allowed.
     */
    static PythonGlobal find(String module, String name, int protocol) {
        String m = module;
        if (protocol < 3) {
            m = m.equals("__builtin__") ? "builtins" : m.equals("copy_reg") ? "copyreg" : m;
        }
        return BY_NAME.get(m + "." + name);
    }

    /** The module name written for this global at a protocol (Python 2's names below 3). */
    String module(int protocol) {
        if (protocol < 3 && module.equals("builtins")) {
            return "__builtin__";
        }
        return module;
    }

    /** The allow-list as users read it, for messages and documentation. */
    static String allowList() {
        return "datetime.datetime/date/time/timedelta/timezone, decimal.Decimal, uuid.UUID, pytz._UTC,"
                + " zoneinfo.ZoneInfo (only as builtins.getattr(zoneinfo.ZoneInfo, '_unpickle')),"
                + " builtins.set/frozenset/bytes/bytearray, _codecs.encode (bytes in protocols 0-2) and"
                + " copyreg._reconstructor (uuid.UUID in protocols 0-1)";
    }

    @Override
    public String toString() {
        return module + "." + name;
    }
}
