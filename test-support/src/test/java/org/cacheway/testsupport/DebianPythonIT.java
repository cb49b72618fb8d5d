package org.cacheway.testsupport;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

/** {@link DebianPython} against the real {@code /usr/bin/python3}: output, input, arguments and the failures. */
class DebianPythonIT {

    @Test
    void runPassesStdinAndArgumentsAndReturnsStdout() {
        String out = DebianPython.run("import sys\nsys.stdout.write(sys.argv[1] + '|' + sys.stdin.read())", "Zo\u00eb \u2615",
                "arg one");
        assertThat(out).isEqualTo("arg one|Zo\u00eb \u2615");
    }

    @Test
    void aNonZeroExitFailsWithStderr() {
        assertThatThrownBy(() -> DebianPython.run("import sys\nsys.stderr.write('it broke')\nsys.exit(3)", ""))
                .isInstanceOf(AssertionError.class).hasMessageContaining("exited with 3").hasMessageContaining("it broke");
    }

    @Test
    void aMissingModuleFailsWithThePackageToInstall() {
        DebianPython.require("json", "zlib");
        assertThatThrownBy(() -> DebianPython.require("json", "no_such_module_xyz"))
                .isInstanceOf(AssertionError.class)
                .hasMessageContaining("no_such_module_xyz")
                .hasMessageContaining("apt-get install -y python3-no-such-module-xyz");
    }

    @Test
    void modulesMapToTheirDebianPackages() {
        assertThat(DebianPython.debianPackage("django")).isEqualTo("python3-django-redis");
        assertThat(DebianPython.debianPackage("django_redis")).isEqualTo("python3-django-redis");
        assertThat(DebianPython.debianPackage("lz4.frame")).isEqualTo("python3-lz4");
        assertThat(DebianPython.debianPackage("zstd")).isEqualTo("python3-zstd");
        assertThat(DebianPython.debianPackage("lzma")).isEqualTo("python3");
    }
}
