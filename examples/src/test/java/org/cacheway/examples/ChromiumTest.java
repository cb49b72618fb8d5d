package org.cacheway.examples;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** The browser test fails, with the Debian packages to install, when Chromium or its driver is missing. */
class ChromiumTest {

    @Test
    void aMissingBinaryFailsWithTheAptGetCommand() {
        assertThatThrownBy(() -> Chromium.requireInstalled(Path.of("/nonexistent/chromium")))
                .isInstanceOf(AssertionError.class)
                .hasMessageContaining("/nonexistent/chromium is missing")
                .hasMessageContaining("apt-get install chromium chromium-driver");
    }
}
