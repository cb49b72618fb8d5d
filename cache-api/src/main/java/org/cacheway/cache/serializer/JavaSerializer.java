package org.cacheway.cache.serializer;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.ObjectInputFilter;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.io.OutputStream;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.cacheway.cache.CacheConfigurationException;
import org.cacheway.cache.CacheSerializationException;

/**
 * Java serialization behind an allow-list, closed by default: only the {@linkplain #BASE_CLASSES
 * base classes} and the classes named in {@code OPTIONS['ALLOWED_CLASSES']} (a List or a
 * comma-separated String of class names, or package prefixes ending in {@code .*} covering the
 * package and its subpackages) are read. An {@link ObjectInputFilter} refuses any other class
 * before it is initialized or instantiated. Writing checks the same list, so a value that could not
 * be read back is refused at once. Java-only: Django cannot read these values.
 *
 * <p>For a class to be read, every serializable superclass must be allowed too (use a package
 * prefix for hierarchies). Typed reads only cast; {@link #convert} casts or fails.
 *
 * <p>Reading is also bounded by {@link Limits} (JEP 290's {@code maxdepth}, {@code maxarray},
 * {@code maxrefs} and {@code maxbytes}), so a small hostile value can neither allocate a huge array
 * nor make a nest of hash sets take exponential time: a pass over the stream and the filter refuse
 * it before the array is allocated or the nest is built. Writing checks the limits too, except a
 * collection's backing array, which only a read sees.
 */
public final class JavaSerializer implements Serializer {
    /** {@code OPTIONS} key listing the extra allowed classes and packages. */
    public static final String ALLOWED_CLASSES_OPTION = "ALLOWED_CLASSES";

    /**
     * Classes always allowed: boxed primitives, {@code String}, {@code Number}, {@code Enum},
     * {@code BigInteger}, {@code BigDecimal}, {@code UUID}, the common {@code java.util} collections
     * and the JDK's serial forms of immutable ({@code List.of}...) and unmodifiable collections
     * ({@code Map$Entry} only as the array type HashMap checks), and {@code java.time}
     * (immutable values written through {@code java.time.Ser}). Arrays of allowed types and of
     * primitives are allowed. Comparators in a {@code TreeMap}/{@code TreeSet} must be allowed
     * explicitly.
     */
    public static final Set<String> BASE_CLASSES = Set.of(
            "java.lang.String", "java.lang.Boolean", "java.lang.Character", "java.lang.Byte", "java.lang.Short",
            "java.lang.Integer", "java.lang.Long", "java.lang.Float", "java.lang.Double", "java.lang.Number",
            "java.lang.Enum", "java.lang.Object",
            "java.math.BigInteger", "java.math.BigDecimal", "java.util.UUID",
            "java.util.ArrayList", "java.util.LinkedList", "java.util.ArrayDeque",
            "java.util.HashMap", "java.util.LinkedHashMap", "java.util.TreeMap",
            "java.util.HashSet", "java.util.LinkedHashSet", "java.util.TreeSet",
            "java.util.Map$Entry", "java.util.CollSer", "java.util.ImmutableCollections$List12",
            "java.util.ImmutableCollections$ListN", "java.util.ImmutableCollections$Set12",
            "java.util.ImmutableCollections$SetN", "java.util.ImmutableCollections$Map1",
            "java.util.ImmutableCollections$MapN", "java.util.Arrays$ArrayList",
            "java.util.Collections$EmptyList", "java.util.Collections$EmptyMap", "java.util.Collections$EmptySet",
            "java.util.Collections$SingletonList", "java.util.Collections$SingletonMap",
            "java.util.Collections$SingletonSet",
            "java.util.Collections$UnmodifiableCollection", "java.util.Collections$UnmodifiableList",
            "java.util.Collections$UnmodifiableRandomAccessList", "java.util.Collections$UnmodifiableSet",
            "java.util.Collections$UnmodifiableMap", "java.util.Collections$UnmodifiableSortedMap",
            "java.util.Collections$UnmodifiableSortedSet", "java.util.Collections$ReverseComparator");

    /** {@code OPTIONS} key of {@link Limits#maxDepth()}. */
    public static final String MAX_DEPTH_OPTION = "JAVA_MAX_DEPTH";
    /** {@code OPTIONS} key of {@link Limits#maxArray()}. */
    public static final String MAX_ARRAY_OPTION = "JAVA_MAX_ARRAY";
    /** {@code OPTIONS} key of {@link Limits#maxRefs()}. */
    public static final String MAX_REFS_OPTION = "JAVA_MAX_REFS";
    /** {@code OPTIONS} key of {@link Limits#maxBytes()}. */
    public static final String MAX_BYTES_OPTION = "JAVA_MAX_BYTES";

    private static final List<String> BASE_PACKAGES = List.of("java.time.");

    private final Set<String> allowedClasses;
    private final List<String> allowedPackages;
    private final Limits limits;

    /** Creates a serializer allowing only the base classes, with the default limits. */
    public JavaSerializer() {
        this(List.of());
    }

    /**
     * Creates a serializer reading {@code OPTIONS['ALLOWED_CLASSES']} and the limits
     * ({@code JAVA_MAX_DEPTH}, {@code JAVA_MAX_ARRAY}, {@code JAVA_MAX_REFS}, {@code JAVA_MAX_BYTES}).
     */
    public JavaSerializer(Map<String, Object> options) {
        this(parseOption(options == null ? null : options.get(ALLOWED_CLASSES_OPTION)), Limits.of(options));
    }

    /**
     * Creates a serializer allowing the base classes plus these names, with the default limits.
     *
     * @param allowed class names ({@code com.example.Cart}) or package prefixes ({@code com.example.*})
     */
    public JavaSerializer(Collection<String> allowed) {
        this(allowed, Limits.DEFAULT);
    }

    /**
     * Creates a serializer allowing the base classes plus these names, reading within these limits.
     *
     * @param allowed class names ({@code com.example.Cart}) or package prefixes ({@code com.example.*})
     * @param limits what one read may cost
     */
    public JavaSerializer(Collection<String> allowed, Limits limits) {
        this.limits = java.util.Objects.requireNonNull(limits, "limits");
        java.util.HashSet<String> classes = new java.util.HashSet<>(BASE_CLASSES);
        List<String> packages = new ArrayList<>(BASE_PACKAGES);
        for (String raw : allowed) {
            String name = raw == null ? "" : raw.trim();
            if (name.isEmpty()) {
                continue;
            }
            if (name.endsWith(".*")) {
                packages.add(name.substring(0, name.length() - 1));
            } else if (name.contains("*")) {
                throw new CacheConfigurationException("OPTIONS['" + ALLOWED_CLASSES_OPTION + "'] entry '" + name
                        + "': only a trailing '.*' wildcard is supported");
            } else {
                classes.add(name);
            }
        }
        this.allowedClasses = Set.copyOf(classes);
        this.allowedPackages = List.copyOf(packages);
    }

    private static List<String> parseOption(Object value) {
        if (value == null) {
            return List.of();
        }
        List<String> names = new ArrayList<>();
        if (value instanceof Collection) {
            for (Object o : (Collection<?>) value) {
                names.add(String.valueOf(o));
            }
        } else if (value instanceof String[]) {
            names.addAll(List.of((String[]) value));
        } else {
            names.addAll(List.of(value.toString().split(",")));
        }
        return names;
    }

    /** Whether instances of {@code cls} may be read (arrays: their element type). */
    public boolean isAllowed(Class<?> cls) {
        Class<?> c = cls;
        while (c.isArray()) {
            c = c.getComponentType();
        }
        if (c.isPrimitive()) {
            return true;
        }
        String name = c.getName();
        if (allowedClasses.contains(name)) {
            return true;
        }
        for (String prefix : allowedPackages) {
            if (name.startsWith(prefix)) {
                return true;
            }
        }
        return false;
    }

    @Override
    public byte[] serialize(Object value) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(256);
        try (CheckingOutput out = new CheckingOutput(bytes)) {
            out.writeObject(value);
        } catch (IOException e) {
            throw new CacheSerializationException("cannot serialize " + typeName(value) + " with Java serialization: "
                    + e, e);
        } catch (StackOverflowError e) {
            throw new CacheSerializationException("cannot serialize " + typeName(value)
                    + " with Java serialization: the object graph is too deep", e);
        }
        byte[] data = bytes.toByteArray();
        try {
            JavaGraphCheck.check(data, limits);
        } catch (CacheSerializationException e) {
            throw new CacheSerializationException("cannot serialize " + typeName(value) + " with Java serialization:"
                    + " it could not be read back: " + e.getMessage(), e);
        }
        return data;
    }

    /** The limits every read is held to. */
    public Limits limits() {
        return limits;
    }

    @Override
    public Object deserialize(byte[] data) {
        JavaGraphCheck.check(data, limits);
        AllowListFilter filter = new AllowListFilter();
        try (ObjectInputStream in = new ObjectInputStream(new ByteArrayInputStream(data))) {
            in.setObjectInputFilter(filter);
            Object value = in.readObject();
            if (in.read() != -1) {
                throw new CacheSerializationException("cannot deserialize " + data.length
                        + " bytes with Java serialization: extra data after the object");
            }
            return value;
        } catch (CacheSerializationException e) {
            throw e;
        } catch (StackOverflowError e) {
            throw new CacheSerializationException("cannot deserialize " + data.length
                    + " bytes with Java serialization: the object graph is too deep", e);
        } catch (IOException | ClassNotFoundException | RuntimeException e) {
            if (filter.rejected != null) {
                throw new CacheSerializationException(filter.rejected, e);
            }
            throw failed(data, e);
        }
    }

    private static CacheSerializationException failed(byte[] data, Exception e) {
        return new CacheSerializationException("cannot deserialize " + data.length
                + " bytes with Java serialization: " + e, e);
    }

    @Override
    public <T> T deserialize(byte[] data, Class<T> type) {
        return convert(deserialize(data), type);
    }

    @Override
    @SuppressWarnings("unchecked")
    public <T> T convert(Object value, Class<T> type) {
        Class<?> boxed = type.isPrimitive() ? java.lang.invoke.MethodType.methodType(type).wrap().returnType() : type;
        if (value == null || boxed.isInstance(value)) {
            return (T) value;
        }
        throw new CacheSerializationException("cannot convert " + typeName(value) + " to " + type.getName()
                + " (JavaSerializer only casts)");
    }

    private static String typeName(Object value) {
        return value == null ? "null" : value.getClass().getName();
    }

    /**
     * Refuses classes outside the list before they are initialized or instantiated, and streams
     * past the {@link Limits} before the array is allocated or the object read; a JVM-wide filter
     * ({@code jdk.serialFilter}) still applies on top.
     */
    private final class AllowListFilter implements ObjectInputFilter {
        private final ObjectInputFilter global = ObjectInputFilter.Config.getSerialFilter();
        private String rejected;

        @Override
        public Status checkInput(FilterInfo info) {
            Status jvm = global == null ? Status.UNDECIDED : global.checkInput(info);
            Class<?> cls = info.serialClass();
            String overLimit = limits.exceededBy(info);
            if (overLimit != null) {
                return reject("JavaSerializer refused " + overLimit);
            }
            if (cls != null && !isAllowed(cls)) {
                return reject("class " + cls.getName() + " is not allowed by JavaSerializer; add it (or its"
                        + " package as 'pkg.*') to OPTIONS['" + ALLOWED_CLASSES_OPTION + "'] if it is trusted");
            }
            if (jvm == Status.REJECTED) {
                return reject("JavaSerializer refused " + (cls != null ? cls.getName() : "the stream")
                        + " (refused by the JVM-wide serial filter)");
            }
            return cls != null ? Status.ALLOWED : Status.UNDECIDED;
        }

        private Status reject(String message) {
            if (rejected == null) {
                rejected = message;
            }
            return Status.REJECTED;
        }
    }

    /** Checks every object written (after writeReplace) and its serializable superclasses. */
    private final class CheckingOutput extends ObjectOutputStream {
        CheckingOutput(OutputStream out) throws IOException {
            super(out);
            enableReplaceObject(true);
        }

        @Override
        protected Object replaceObject(Object obj) {
            if (obj instanceof Class || obj instanceof java.io.ObjectStreamClass) {
                return obj;
            }
            Class<?> start = obj instanceof Enum ? ((Enum<?>) obj).getDeclaringClass() : obj.getClass();
            for (Class<?> c = start; c != null && Serializable.class.isAssignableFrom(c);
                    c = c.getSuperclass()) {
                if (!isAllowed(c)) {
                    throw new CacheSerializationException("class " + c.getName() + " is not allowed by JavaSerializer"
                            + " (it could not be read back); add it to OPTIONS['" + ALLOWED_CLASSES_OPTION + "']");
                }
            }
            return obj;
        }
    }

    /**
     * What one read may cost, JEP 290's limits: {@code maxDepth} nesting levels, {@code maxArray}
     * elements in one array (collections check their backing array too: a {@code HashMap} of
     * {@code n} entries needs about {@code 1.33 n}), {@code maxRefs} objects and references, a shared
     * object counted each time the graph reaches it (hashing a graph costs up to that count times its
     * depth, so this bounds the time a read takes), {@code maxBytes} bytes of stream. A value is never
     * read past its own bytes, so {@code maxBytes} only matters below a value's length; its default is
     * no limit beyond that.
     *
     * @param maxDepth deepest nesting read ({@code JAVA_MAX_DEPTH}, default 20)
     * @param maxArray longest array read ({@code JAVA_MAX_ARRAY}, default 100,000)
     * @param maxRefs most objects and references, shared ones counted per path ({@code JAVA_MAX_REFS},
     *     default 1,000,000)
     * @param maxBytes longest value read, in bytes ({@code JAVA_MAX_BYTES}, default {@link Long#MAX_VALUE})
     */
    public record Limits(int maxDepth, int maxArray, long maxRefs, long maxBytes) {
        /** The defaults: depth 20, arrays of 100,000, 1,000,000 references, any length of value. */
        public static final Limits DEFAULT = new Limits(20, 100_000, 1_000_000, Long.MAX_VALUE);

        /** Checks that every limit is positive. */
        public Limits {
            if (maxDepth < 1 || maxArray < 1 || maxRefs < 1 || maxBytes < 1) {
                throw new IllegalArgumentException("JavaSerializer limits must be positive: depth " + maxDepth
                        + ", array " + maxArray + ", refs " + maxRefs + ", bytes " + maxBytes);
            }
        }

        /**
         * The limits {@code OPTIONS} set, each defaulting to {@link #DEFAULT}'s.
         *
         * @throws CacheConfigurationException for a value that is not a positive whole number
         */
        public static Limits of(Map<String, Object> options) {
            Map<String, Object> opts = options == null ? Map.of() : options;
            return new Limits(
                    (int) positive(opts, MAX_DEPTH_OPTION, DEFAULT.maxDepth, Integer.MAX_VALUE),
                    (int) positive(opts, MAX_ARRAY_OPTION, DEFAULT.maxArray, Integer.MAX_VALUE),
                    positive(opts, MAX_REFS_OPTION, DEFAULT.maxRefs, Long.MAX_VALUE),
                    positive(opts, MAX_BYTES_OPTION, DEFAULT.maxBytes, Long.MAX_VALUE));
        }

        private static long positive(Map<String, Object> options, String option, long fallback, long max) {
            Object value = options.get(option);
            if (value == null) {
                return fallback;
            }
            long parsed = wholeNumber(value);
            if (parsed < 1 || parsed > max) {
                throw new CacheConfigurationException("OPTIONS['" + option + "'] = "
                        + (value instanceof CharSequence ? "'" + value + "'" : value)
                        + ": expected a whole number from 1 to " + max);
            }
            return parsed;
        }

        /** The whole number a setting holds (a number, or its digits as a string), or 0 when it holds none. */
        private static long wholeNumber(Object value) {
            if (value instanceof Integer || value instanceof Long || value instanceof Short || value instanceof Byte) {
                return ((Number) value).longValue();
            }
            try {
                return Long.parseLong(value.toString().trim());
            } catch (NumberFormatException e) {
                return 0;
            }
        }

        /** What in {@code info} is over a limit, or null when nothing is. */
        String exceededBy(ObjectInputFilter.FilterInfo info) {
            if (info.depth() > maxDepth) {
                return tooDeep();
            }
            if (info.arrayLength() > maxArray) {
                return tooLongArray(info.arrayLength());
            }
            if (info.references() > maxRefs) {
                return tooManyRefs();
            }
            return info.streamBytes() > maxBytes ? tooLong(info.streamBytes()) : null;
        }

        String tooDeep() {
            return "an object graph nested deeper than " + maxDepth + " (OPTIONS['" + MAX_DEPTH_OPTION + "'])";
        }

        String tooLongArray(long length) {
            return "an array of " + length + " elements, more than " + maxArray + " (OPTIONS['" + MAX_ARRAY_OPTION
                    + "'])";
        }

        String tooManyRefs() {
            return "a graph of more than " + maxRefs + " objects and references, each shared one counted as often"
                    + " as it is reached (OPTIONS['" + MAX_REFS_OPTION + "'])";
        }

        String tooLong(long bytes) {
            return "a value of " + bytes + " bytes or more, more than " + maxBytes + " (OPTIONS['"
                    + MAX_BYTES_OPTION + "'])";
        }
    }

    @Override
    public String toString() {
        return "JavaSerializer[packages=" + allowedPackages + ", classes=" + allowedClasses.size() + ", " + limits
                + "]";
    }
}
