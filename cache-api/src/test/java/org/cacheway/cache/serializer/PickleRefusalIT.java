package org.cacheway.cache.serializer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HexFormat;
import org.cacheway.cache.CacheSerializationException;
import org.cacheway.testsupport.DebianPython;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Pickles made by real Python that would run code or build a user's object are refused with the
 * typed error, and the code does not run: the marker file the payload would create stays absent,
 * while Python's own {@code pickle.loads} of the same bytes does create it (so the payload is live).
 */
class PickleRefusalIT {
    private static final HexFormat HEX = HexFormat.of();

    /** Python that prints, one per line, hex pickles of {@code os.system('touch <argv[1]>')} and a user class. */
    private static final String MAKE = String.join("\n",
            "import os, pickle, sys",
            "class Payload:",
            "    def __reduce__(self):",
            "        return (os.system, ('touch ' + sys.argv[1],))",
            "class Cart:",
            "    def __init__(self):",
            "        self.items = [1, 2]",
            "for p in range(6):",
            "    print(pickle.dumps(Payload(), p).hex())",
            "# protocol 0 as written by hand, naming os.system itself",
            "print((b\"cos\\nsystem\\n(S'touch \" + sys.argv[1].encode() + b\"'\\ntR.\").hex())",
            "for p in range(6):",
            "    print(pickle.dumps(Cart(), p).hex())",
            "");

    private static final String LOAD = "import pickle, sys\npickle.loads(bytes.fromhex(sys.stdin.read().strip()))\n";

    private static String[] pickles(Path marker) {
        DebianPython.require("pickle", "os");
        return DebianPython.run(MAKE, "", marker.toString()).strip().split("\n");
    }

    @Test
    void aPickleThatWouldRunOsSystemIsRefusedAndRunsNothing(@TempDir Path dir) throws IOException {
        Path marker = dir.resolve("java-marker");
        String[] lines = pickles(marker);
        for (int i = 0; i <= 6; i++) {
            byte[] payload = HEX.parseHex(lines[i]);
            assertThatThrownBy(() -> new PickleSerializer().deserialize(payload)).as("pickle %d", i)
                    .isInstanceOf(CacheSerializationException.class)
                    .hasMessageContaining(i == 6 ? "refused the global 'os.system'" : "refused the global 'posix.system'");
        }
        assertThat(marker).doesNotExist();

        Path pythonMarker = dir.resolve("python-marker");
        DebianPython.run(LOAD, pickles(pythonMarker)[4]);
        assertThat(pythonMarker).as("the payload is live: Python's pickle.loads runs it").exists();
        Files.delete(pythonMarker);
    }

    @Test
    void aPickleOfAUserDefinedClassIsRefusedNamingTheClass(@TempDir Path dir) {
        String[] lines = pickles(dir.resolve("unused"));
        for (int i = 7; i < lines.length; i++) {
            byte[] cart = HEX.parseHex(lines[i]);
            assertThatThrownBy(() -> new PickleSerializer().deserialize(cart)).as("pickle %d", i)
                    .isInstanceOf(CacheSerializationException.class)
                    .hasMessageContaining("'__main__.Cart'");
        }
    }
}
