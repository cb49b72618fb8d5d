package org.cacheway.testsupport;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@link PythonVenv} against the real {@code /usr/bin/python3 -m venv} and pip. */
class PythonVenvIT {

    @Test
    void django52VenvRunsDjangoAndRedisPyAndIsReusedOnceComplete() throws Exception {
        PythonVenv venv = PythonVenv.django52().ensure();
        Path marker = venv.directory().resolve(".cacheway-complete");
        long made = Files.getLastModifiedTime(marker).toMillis();
        String out = venv.run("import django, redis, async_timeout\nprint(django.get_version(), redis.__version__)", "");
        assertThat(out.strip()).isEqualTo("5.2.17 8.1.0");
        assertThat(Files.getLastModifiedTime(PythonVenv.django52().ensure().directory().resolve(".cacheway-complete"))
                .toMillis()).as("a complete venv is not made again").isEqualTo(made);
    }

    @Test
    void packagesPipCannotGetFailTheTestSayingHowToInstallThem(@TempDir Path dir) {
        PythonVenv venv = PythonVenv.at(dir.resolve("venv"), List.of(List.of("cacheway-no-such-package==0.0.0")));
        assertThatThrownBy(venv::ensure).isInstanceOf(AssertionError.class)
                .hasMessageContaining("cannot pip install cacheway-no-such-package==0.0.0")
                .hasMessageContaining("make the venv by hand: /usr/bin/python3 -m venv " + dir.resolve("venv"));
        assertThat(dir.resolve("venv").resolve(".cacheway-complete")).doesNotExist();
    }
}
