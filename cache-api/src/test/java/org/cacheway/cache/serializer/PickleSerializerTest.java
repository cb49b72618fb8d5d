package org.cacheway.cache.serializer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.cacheway.cache.CacheConfigurationException;
import org.cacheway.cache.CacheSerializationException;
import org.cacheway.cache.codec.ValueCodec;
import org.cacheway.cache.compressor.IdentityCompressor;
import org.junit.jupiter.api.Test;

/**
 * {@link PickleSerializer} on hand-made pickles: the facts measured with real Django, what is
 * refused and how, the limits, and the options. {@code PicklePythonIT} checks the bytes against
 * real Python.
 */
class PickleSerializerTest {
    private final PickleSerializer pickle = new PickleSerializer();
    private static final HexFormat HEX = HexFormat.of();

    /** Bytes from ints (single bytes) and strings (their Latin-1 bytes). */
    static byte[] bytes(Object... parts) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (Object part : parts) {
            if (part instanceof Integer b) {
                out.write(b);
            } else {
                out.writeBytes(((String) part).getBytes(StandardCharsets.ISO_8859_1));
            }
        }
        return out.toByteArray();
    }

    private void refused(byte[] data, String... fragments) {
        var assertion = assertThatThrownBy(() -> pickle.deserialize(data)).isInstanceOf(CacheSerializationException.class);
        for (String fragment : fragments) {
            assertion.hasMessageContaining(fragment);
        }
    }

    @Test
    void readsAndWritesTheBytesMeasuredWithDjango() {
        PickleSerializer highest = new PickleSerializer(5);
        byte[] one5 = HEX.parseHex("8005950a00000000000000473ff80000000000002e");
        assertThat(highest.serialize(true)).isEqualTo(bytes(0x80, 5, 0x88, "."));
        assertThat(highest.serialize(null)).isEqualTo(bytes(0x80, 5, "N."));
        assertThat(highest.serialize(1.5)).isEqualTo(one5);
        assertThat(pickle.deserialize(bytes(0x80, 5, 0x88, "."))).isEqualTo(true);
        assertThat(pickle.deserialize(one5)).isEqualTo(1.5);
        assertThat(pickle.serialize("hello")).isEqualTo(HEX.parseHex("80049509000000000000008c0568656c6c6f942e"));
    }

    @Test
    void readsDjangoThreeTwosPytzUtcDatetime() {
        byte[] data = HEX.parseHex("8004953d000000000000008c086461746574696d65948c086461746574696d65949394430a07e8"
                + "0102000000000000948c047079747a948c045f555443949394295294869452942e");
        assertThat(pickle.deserialize(data)).isEqualTo(OffsetDateTime.of(2024, 1, 2, 0, 0, 0, 0, ZoneOffset.UTC));
    }

    @Test
    void defaultsToProtocol4AndMinusOneMeansTheHighest() {
        assertThat(pickle.protocol()).isEqualTo(4);
        assertThat(new PickleSerializer(-1).protocol()).isEqualTo(5);
        assertThat(new PickleSerializer(Map.of("PICKLE_VERSION", "3")).protocol()).isEqualTo(3);
        assertThat(new PickleSerializer(Map.of()).protocol()).isEqualTo(4);
    }

    @Test
    void aBadPickleVersionIsAConfigurationErrorWithDjangoRedisWords() {
        assertThatThrownBy(() -> PickleSerializer.fromOptions(Map.of("PICKLE_VERSION", "four"), "default"))
                .isInstanceOf(CacheConfigurationException.class)
                .hasMessage("CACHES['default']['OPTIONS']['PICKLE_VERSION'] = 'four': PICKLE_VERSION value must be"
                        + " an integer");
        assertThatThrownBy(() -> PickleSerializer.fromOptions(Map.of("PICKLE_VERSION", 6), "default"))
                .isInstanceOf(CacheConfigurationException.class)
                .hasMessageContaining("PICKLE_VERSION can't be higher than pickle.HIGHEST_PROTOCOL: 5");
        assertThatThrownBy(() -> new PickleSerializer(1)).isInstanceOf(CacheConfigurationException.class)
                .hasMessageContaining("protocols 2 to 5");
    }

    @Test
    void topLevelIntegersStayDigitsThroughTheCodec() {
        ValueCodec codec = new ValueCodec(pickle, IdentityCompressor.INSTANCE);
        assertThat(codec.encode(42L)).isEqualTo("42".getBytes(StandardCharsets.US_ASCII));
        assertThat(codec.decode("42".getBytes(StandardCharsets.US_ASCII))).isEqualTo(42L);
        assertThat(codec.decode(codec.encode(List.of(42L)))).isEqualTo(List.of(42L));
    }

    @Test
    void refusesAGlobalOutsideTheAllowListWhereItAppears() {
        refused(bytes(0x80, 2, "cos\nsystem\n", "X", 2, 0, 0, 0, "ls", 0x85, "R."),
                "refused the global 'os.system'", "GLOBAL (0x63) at offset 2");
        refused(bytes(0x80, 4, 0x8c, 5, "posix", 0x94, 0x8c, 6, "system", 0x94, 0x93, "."),
                "refused the global 'posix.system'", "STACK_GLOBAL (0x93) at offset 19");
        refused(bytes("c__main__\nCart\n."), "'__main__.Cart'");
    }

    @Test
    void refusesEveryInstantiatingOrExternalOpcodeByName() {
        refused(bytes("(i__main__\nCart\n."), "refused INST of '__main__.Cart'", "INST (0x69)");
        refused(bytes("(N", "o."), "OBJ (0x6f)");
        refused(bytes(0x80, 4, ")}", 0x92, "."), "NEWOBJ_EX (0x92)");
        refused(bytes(0x80, 2, 0x82, 1, "."), "EXT1 (0x82)");
        refused(bytes(0x80, 2, 0x83, 1, 0, "."), "EXT2 (0x83)");
        refused(bytes(0x80, 2, 0x84, 1, 0, 0, 0, "."), "EXT4 (0x84)");
        refused(bytes("Pid\n."), "PERSID (0x50)");
        refused(bytes("N", "Q."), "BINPERSID (0x51)");
        refused(bytes(0x80, 5, 0x97, "."), "NEXT_BUFFER (0x97)");
        refused(bytes(0x80, 5, 0xff, "."), "unknown opcode 0xff");
    }

    @Test
    void refusesCallsAndStateOutsideTheExactShapesPythonWrites() {
        refused(bytes(0x80, 2, "N)R."), "refused a call of a NoneType");
        refused(bytes(0x80, 2, "cbuiltins\ngetattr\ncdatetime\ndate\nX", 5, 0, 0, 0, "today", 0x86, "R."),
                "getattr(zoneinfo.ZoneInfo, '_unpickle')");
        refused(bytes(0x80, 2, "cdatetime\ndate\n)", 0x81, "."), "refused NEWOBJ of datetime.date");
        refused(bytes(0x80, 2, "}}b."), "refused BUILD of a dict");
        refused(bytes(0x80, 2, "cuuid\nUUID\nX", 1, 0, 0, 0, "x", 0x85, "R."), "uuid.UUID is allowed only");
        refused(bytes(0x80, 2, "cdatetime\ndate\nK", 1, 0x85, "R."), "datetime.date is allowed only with its pickled state");
        refused(bytes(0x80, 2, "cdatetime\ndate\n."), "the global datetime.date is not a value");
    }

    @Test
    void refusesAClaimedLengthBeyondTheInputAtOnce() {
        refused(bytes(0x80, 3, "B", 0xff, 0xff, 0xff, 0x7f, "."), "claims 2147483647 bytes but only 1 remain");
        refused(bytes(0x80, 4, 0x95, 0, 0, 0, 0, 0, 0, 0, 0x40, "N."), "claims 4611686018427387904 bytes");
        refused(bytes(0x80, 4, 0x8d, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, "."), "claims -1 bytes");
    }

    @Test
    void refusesNestingDeeperThanTheLimit() {
        int depth = PickleSerializer.MAX_DEPTH + 1;
        byte[] deep = bytes(0x80, 2, "]".repeat(depth), "a".repeat(depth - 1), ".");
        refused(deep, "nested deeper than " + PickleSerializer.MAX_DEPTH);
        byte[] allowed = bytes(0x80, 2, "]".repeat(depth - 1), "a".repeat(depth - 2), ".");
        assertThat(pickle.deserialize(allowed)).isInstanceOf(List.class);
    }

    @Test
    void refusesAValueThatSharingWouldMakeExponentiallyLarge() {
        // l0 = [None]; l(n+1) = [ln, ln]: 40 levels, 400 bytes, 2**40 items if expanded
        StringBuilder p = new StringBuilder("\u0080\u0002]q\u0000Na");
        for (int i = 0; i < 40; i++) {
            p.append("](h").append((char) i).append('h').append((char) i).append("eq").append((char) (i + 1));
        }
        refused(bytes(p.append('.').toString()), "more than " + PickleSerializer.MAX_ITEMS + " items");
    }

    @Test
    void refusesCyclesAndUnhashableKeys() {
        refused(bytes(0x80, 2, "]q", 0, "h", 0, "a."), "changed after it was stored");
        refused(bytes(0x80, 2, "}q", 0, "K", 1, "h", 0, "s."), "changed after it was stored");
        refused(bytes(0x80, 2, "}]Ns."), "unhashable type: 'list'");
        refused(bytes(0x80, 4, 0x8f, "(]", 0x90, "."), "unhashable type: 'list'");
    }

    @Test
    void refusesTextIntegersLongerThanPythonsDigitLimit() {
        refused(bytes("I", "9".repeat(PythonText.MAX_DIGITS + 1), "\n."), "at most 4300 digits");
        assertThat(pickle.deserialize(bytes("L", "9".repeat(PythonText.MAX_DIGITS), "L\n."))).isNotNull();
    }

    @Test
    void sharedValuesAreReadAsOneObject() {
        Object read = pickle.deserialize(bytes(0x80, 2, "](]q", 0, "h", 0, "e."));
        List<?> outer = (List<?>) read;
        assertThat(outer.get(0)).isSameAs(outer.get(1));
    }

    @Test
    void tuplesAndFrozensetsAreUnmodifiableAndWrittenBackAsSuch() {
        @SuppressWarnings("unchecked")
        List<Object> tuple = (List<Object>) pickle.deserialize(bytes(0x80, 2, "K", 1, "K", 2, 0x86, "."));
        assertThatThrownBy(() -> tuple.set(0, 3L)).isInstanceOf(UnsupportedOperationException.class);
        assertThat(tuple).isEqualTo(List.of(1L, 2L));
        assertThat(pickle.serialize(tuple)).isEqualTo(bytes(0x80, 4, 0x95, 7, 0, 0, 0, 0, 0, 0, 0, "K", 1, "K", 2,
                0x86, 0x94, "."));
        Set<?> frozen = (Set<?>) pickle.deserialize(bytes(0x80, 4, "(K", 1, 0x91, "."));
        assertThatThrownBy(frozen::clear).isInstanceOf(UnsupportedOperationException.class);
        assertThat(pickle.deserialize(pickle.serialize(frozen))).isInstanceOf(PythonFrozenSet.class);
    }

    @Test
    void writingRefusesWhatPythonCouldNotReadBack() {
        Map<Object, Object> listKey = new LinkedHashMap<>();
        listKey.put(List.of(1L), "v");
        assertThatThrownBy(() -> pickle.serialize(listKey)).isInstanceOf(CacheSerializationException.class)
                .hasMessageContaining("must be hashable");
        List<Object> cycle = new ArrayList<>();
        cycle.add(cycle);
        assertThatThrownBy(() -> pickle.serialize(cycle)).isInstanceOf(CacheSerializationException.class)
                .hasMessageContaining("contains itself");
        assertThatThrownBy(() -> pickle.serialize(LocalDate.of(10_000, 1, 1)))
                .isInstanceOf(CacheSerializationException.class).hasMessageContaining("year 10000");
        assertThatThrownBy(() -> pickle.serialize(new Point(1, 2))).isInstanceOf(CacheSerializationException.class)
                .hasMessageContaining(Point.class.getName()).hasMessageContaining("not in Python's data model");
        List<Object> deep = new ArrayList<>();
        for (int i = 0; i < PickleSerializer.MAX_DEPTH; i++) {
            deep = new ArrayList<>(List.of(deep));
        }
        List<Object> tooDeep = deep;
        assertThatThrownBy(() -> pickle.serialize(tooDeep)).isInstanceOf(CacheSerializationException.class)
                .hasMessageContaining("nested deeper");
    }

    @Test
    void typedReadsConvertThroughJackson() {
        byte[] dict = pickle.serialize(Map.of("x", 1L, "y", 2L));
        assertThat(pickle.deserialize(dict, Point.class)).isEqualTo(new Point(1, 2));
        assertThat(pickle.deserialize(pickle.serialize(List.of(1L)), List.class)).isEqualTo(List.of(1L));
    }

    /** A Java type outside Python's data model. */
    record Point(int x, int y) {
    }
}
