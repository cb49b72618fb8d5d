package org.cacheway.cache.serializer;

import java.nio.BufferUnderflowException;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;
import org.cacheway.cache.CacheSerializationException;

/**
 * A pass over a Java serialization stream, before {@code ObjectInputStream} reads it, that counts
 * the objects of the graph as often as the graph reaches them: an object referenced twice counts
 * twice, with everything under it. Reading a graph costs up to this count times its depth, because
 * hash sets and maps hash their elements through every path (a nest of {@code HashSet}s sharing
 * their children makes a 2 KB value take minutes), so {@link JavaSerializer.Limits#maxRefs()}
 * bounds this count, and {@link JavaSerializer.Limits#maxDepth()} the nesting, before anything is
 * built. It follows the grammar of the Java Object Serialization Specification, chapter 6; it
 * allocates nothing a length in the stream claims, and it loads no class.
 */
final class JavaGraphCheck {
    private static final short MAGIC = (short) 0xaced;
    private static final int BASE_HANDLE = 0x7e0000;
    private static final byte SC_WRITE_METHOD = 0x01;
    private static final byte SC_SERIALIZABLE = 0x02;
    private static final byte SC_EXTERNALIZABLE = 0x04;
    private static final byte SC_BLOCK_DATA = 0x08;

    private final ByteBuffer in;
    private final JavaSerializer.Limits limits;
    private final List<Object> handles = new ArrayList<>();
    private int depth;

    private JavaGraphCheck(byte[] data, JavaSerializer.Limits limits) {
        this.in = ByteBuffer.wrap(data);
        this.limits = limits;
    }

    /**
     * Checks one serialized value against the limits.
     *
     * @throws CacheSerializationException when the graph is over a limit or the stream is malformed
     */
    static void check(byte[] data, JavaSerializer.Limits limits) {
        if (data.length > limits.maxBytes()) {
            throw new CacheSerializationException("JavaSerializer refused " + limits.tooLong(data.length));
        }
        new JavaGraphCheck(data, limits).run();
    }

    private void run() {
        try {
            if (in.getShort() != MAGIC || in.getShort() != 5) {
                throw malformed("not a Java serialization stream");
            }
            value();
            if (in.hasRemaining()) {
                throw malformed("extra data after the object");
            }
        } catch (BufferUnderflowException e) {
            throw malformed("the stream ends inside the object");
        }
    }

    /**
     * Reads one content in an object's place and returns its weight. As in ObjectInputStream, the
     * depth counts nulls and strings but only objects, arrays and references are held to it.
     */
    private long value() {
        depth++;
        try {
            byte tc = in.get();
            if (depth > limits.maxDepth() && tc != 0x70 && tc != 0x74 && tc != 0x7c) {
                throw refused(limits.tooDeep());
            }
            switch (tc) {
                case 0x70: // TC_NULL
                    return 1;
                case 0x71: // TC_REFERENCE
                    Object target = handle(in.getInt());
                    return target instanceof Node node && node.closed ? node.weight : 1;
                case 0x72: // TC_CLASSDESC
                case 0x7d: // TC_PROXYCLASSDESC
                    in.position(in.position() - 1);
                    classDesc();
                    return 1;
                case 0x73: // TC_OBJECT
                    return object();
                case 0x74: // TC_STRING
                    skip(in.getShort() & 0xffff);
                    handles.add(Boolean.TRUE);
                    return 1;
                case 0x7c: // TC_LONGSTRING
                    skip(in.getLong());
                    handles.add(Boolean.TRUE);
                    return 1;
                case 0x75: // TC_ARRAY
                    return array();
                case 0x76: // TC_CLASS
                    classDesc();
                    handles.add(Boolean.TRUE);
                    return 1;
                case 0x7e: // TC_ENUM
                    classDesc();
                    handles.add(Boolean.TRUE);
                    stringValue();
                    return 1;
                case 0x79: // TC_RESET
                    handles.clear();
                    return value();
                default:
                    throw malformed("unexpected type code 0x" + Integer.toHexString(tc & 0xff));
            }
        } finally {
            depth--;
        }
    }

    private long object() {
        Desc desc = classDesc();
        if (desc == null) {
            throw malformed("an object without a class");
        }
        Node node = open();
        List<Desc> hierarchy = new ArrayList<>();
        for (Desc d = desc; d != null; d = d.superDesc) {
            hierarchy.add(0, d);
        }
        for (Desc d : hierarchy) {
            if ((d.flags & SC_EXTERNALIZABLE) != 0) {
                if ((d.flags & SC_BLOCK_DATA) == 0) {
                    throw malformed("externalizable data of protocol version 1 (" + d.name + ")");
                }
                annotation(node);
            } else if ((d.flags & SC_SERIALIZABLE) != 0) {
                for (char type : d.fieldTypes) {
                    field(type, node);
                }
                if ((d.flags & SC_WRITE_METHOD) != 0) {
                    annotation(node);
                }
            }
        }
        return node.close();
    }

    private long array() {
        Desc desc = classDesc();
        if (desc == null || desc.name.length() < 2 || desc.name.charAt(0) != '[') {
            throw malformed("an array without an array class");
        }
        Node node = open();
        int length = in.getInt();
        if (length < 0 || length > limits.maxArray()) {
            throw refused(limits.tooLongArray(length));
        }
        char element = desc.name.charAt(1);
        if (element == 'L' || element == '[') {
            for (int i = 0; i < length; i++) {
                add(node, value());
            }
        } else {
            skip((long) length * width(element));
        }
        return node.close();
    }

    private void field(char type, Node node) {
        if (type == 'L' || type == '[') {
            add(node, value());
        } else {
            skip(width(type));
        }
    }

    /** Block data and objects up to TC_ENDBLOCKDATA, written by a writeObject or writeExternal method. */
    private void annotation(Node node) {
        while (true) {
            byte tc = in.get();
            if (tc == 0x78) { // TC_ENDBLOCKDATA
                return;
            } else if (tc == 0x77) { // TC_BLOCKDATA
                skip(in.get() & 0xff);
            } else if (tc == 0x7a) { // TC_BLOCKDATALONG
                skip(in.getInt() & 0xffffffffL);
            } else {
                in.position(in.position() - 1);
                long read = value();
                if (node != null) {
                    add(node, read);
                }
            }
        }
    }

    /** A class descriptor: new, back-referenced or null. */
    private Desc classDesc() {
        byte tc = in.get();
        switch (tc) {
            case 0x70: // TC_NULL
                return null;
            case 0x71: // TC_REFERENCE
                if (handle(in.getInt()) instanceof Desc desc) {
                    return desc;
                }
                throw malformed("a reference to something that is not a class descriptor");
            case 0x72: // TC_CLASSDESC
                return newClassDesc();
            case 0x7d: // TC_PROXYCLASSDESC
                throw malformed("a proxy class, which JavaSerializer never reads");
            default:
                throw malformed("unexpected type code 0x" + Integer.toHexString(tc & 0xff) + " for a class");
        }
    }

    private Desc newClassDesc() {
        if (depth > limits.maxDepth()) {
            throw refused(limits.tooDeep());
        }
        String name = utf();
        in.getLong(); // serialVersionUID
        Desc desc = new Desc(name);
        handles.add(desc);
        desc.flags = in.get();
        int fields = in.getShort();
        if (fields < 0) {
            throw malformed("a negative field count in " + name);
        }
        desc.fieldTypes = new char[fields];
        for (int i = 0; i < fields; i++) {
            char type = (char) in.get();
            desc.fieldTypes[i] = type;
            utf(); // field name
            if (type == 'L' || type == '[') {
                stringValue();
            } else {
                width(type);
            }
        }
        depth++; // ObjectInputStream reads a descriptor's annotation and superclass one level down
        annotation(null);
        desc.superDesc = classDesc();
        depth--;
        return desc;
    }

    /** A string object in a class descriptor or enum: new or back-referenced. */
    private void stringValue() {
        byte tc = in.get();
        if (tc == 0x74) {
            skip(in.getShort() & 0xffff);
            handles.add(Boolean.TRUE);
        } else if (tc == 0x7c) {
            skip(in.getLong());
            handles.add(Boolean.TRUE);
        } else if (tc == 0x71) {
            handle(in.getInt());
        } else {
            throw malformed("unexpected type code 0x" + Integer.toHexString(tc & 0xff) + " for a string");
        }
    }

    private String utf() {
        int length = in.getShort() & 0xffff;
        if (length > in.remaining()) {
            throw new BufferUnderflowException();
        }
        byte[] bytes = new byte[length];
        in.get(bytes);
        return new String(bytes, java.nio.charset.StandardCharsets.UTF_8);
    }

    private Object handle(int wire) {
        int index = wire - BASE_HANDLE;
        if (index < 0 || index >= handles.size()) {
            throw malformed("a reference to an unknown object");
        }
        return handles.get(index);
    }

    private Node open() {
        Node node = new Node();
        handles.add(node);
        return node;
    }

    private void add(Node node, long more) {
        node.weight += more;
        if (node.weight > limits.maxRefs()) {
            throw refused(limits.tooManyRefs());
        }
    }

    private void skip(long bytes) {
        if (bytes < 0 || bytes > in.remaining()) {
            throw new BufferUnderflowException();
        }
        in.position(in.position() + (int) bytes);
    }

    private int width(char type) {
        switch (type) {
            case 'B':
            case 'Z':
                return 1;
            case 'C':
            case 'S':
                return 2;
            case 'I':
            case 'F':
                return 4;
            case 'J':
            case 'D':
                return 8;
            default:
                throw malformed("unknown field type '" + type + "'");
        }
    }

    private CacheSerializationException refused(String what) {
        return new CacheSerializationException("JavaSerializer refused " + what);
    }

    private CacheSerializationException malformed(String what) {
        return new CacheSerializationException("cannot deserialize " + in.capacity()
                + " bytes with Java serialization: " + what + " (at byte " + in.position() + ")");
    }

    /**
     * An object or array: its weight is itself plus its contents' weights. A reference to it while
     * it is still being read closes a cycle and weighs 1 (hashing a cycle overflows the stack at
     * once, which the serializer reports).
     */
    private static final class Node {
        long weight = 1;
        boolean closed;

        long close() {
            closed = true;
            return weight;
        }
    }

    /** What a class descriptor tells about the data of its instances. */
    private static final class Desc {
        final String name;
        byte flags;
        char[] fieldTypes;
        Desc superDesc;

        Desc(String name) {
            this.name = name;
        }
    }
}
