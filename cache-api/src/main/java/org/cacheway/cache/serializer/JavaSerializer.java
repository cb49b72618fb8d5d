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

    /** Deeper object graphs are refused on read. */
    public static final int MAX_DEPTH = 200;

    private static final List<String> BASE_PACKAGES = List.of("java.time.");

    private final Set<String> allowedClasses;
    private final List<String> allowedPackages;

    /** Creates a serializer allowing only the base classes. */
    public JavaSerializer() {
        this(List.of());
    }

    /** Creates a serializer reading {@code OPTIONS['ALLOWED_CLASSES']}. */
    public JavaSerializer(Map<String, Object> options) {
        this(parseOption(options == null ? null : options.get(ALLOWED_CLASSES_OPTION)));
    }

    /**
     * Creates a serializer allowing the base classes plus these names.
     *
     * @param allowed class names ({@code com.example.Cart}) or package prefixes ({@code com.example.*})
     */
    public JavaSerializer(Collection<String> allowed) {
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
        return bytes.toByteArray();
    }

    @Override
    public Object deserialize(byte[] data) {
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
                throw refused(filter.rejected);
            }
            throw failed(data, e);
        }
    }

    private static CacheSerializationException refused(String what) {
        if (what.startsWith("an object graph") || what.startsWith("the stream")) {
            return new CacheSerializationException("JavaSerializer refused " + what);
        }
        return new CacheSerializationException("class " + what + " is not allowed by JavaSerializer; add it"
                + " (or its package as 'pkg.*') to OPTIONS['" + ALLOWED_CLASSES_OPTION + "'] if it is trusted");
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
     * Refuses classes outside the list before they are initialized or instantiated, and graphs
     * nested deeper than {@value #MAX_DEPTH}; a JVM-wide filter ({@code jdk.serialFilter}) still
     * applies on top.
     */
    private final class AllowListFilter implements ObjectInputFilter {
        private final ObjectInputFilter global = ObjectInputFilter.Config.getSerialFilter();
        private String rejected;

        @Override
        public Status checkInput(FilterInfo info) {
            Status jvm = global == null ? Status.UNDECIDED : global.checkInput(info);
            Class<?> cls = info.serialClass();
            if (info.depth() > MAX_DEPTH) {
                return reject("an object graph nested deeper than " + MAX_DEPTH);
            }
            if (cls != null && !isAllowed(cls)) {
                return reject(cls.getName());
            }
            if (jvm == Status.REJECTED) {
                return reject(cls != null ? cls.getName() + " (refused by the JVM-wide serial filter)"
                        : "the stream (refused by the JVM-wide serial filter)");
            }
            return cls != null ? Status.ALLOWED : Status.UNDECIDED;
        }

        private Status reject(String what) {
            if (rejected == null) {
                rejected = what;
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

    @Override
    public String toString() {
        return "JavaSerializer[packages=" + allowedPackages + ", classes=" + allowedClasses.size() + "]";
    }
}
