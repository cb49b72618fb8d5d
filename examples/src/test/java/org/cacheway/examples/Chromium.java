package org.cacheway.examples;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;

/**
 * Headless Debian Chromium through its own chromedriver, never anything Selenium Manager would
 * download. Missing binaries fail the test with the packages to install.
 */
final class Chromium {
    static final Path BROWSER = Path.of("/usr/bin/chromium");
    static final Path DRIVER = Path.of("/usr/bin/chromedriver");

    private Chromium() {
    }

    /** Fails (never skips) with the packages to install when a binary is missing. */
    static void requireInstalled(Path... binaries) {
        for (Path binary : binaries) {
            if (!Files.isExecutable(binary)) {
                throw new AssertionError(binary + " is missing: the browser test needs Debian's Chromium and its"
                        + " driver; run `apt-get install chromium chromium-driver`");
            }
        }
    }

    /** A new headless browser with a fresh profile in {@code profileDir}. */
    static ChromeDriver start(Path profileDir) throws IOException {
        requireInstalled(BROWSER, DRIVER);
        System.setProperty("SE_OFFLINE", "true");
        System.setProperty(ChromeDriverService.CHROME_DRIVER_EXE_PROPERTY, DRIVER.toString());
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(new File(DRIVER.toString()))
                .usingAnyFreePort()
                .build();
        ChromeOptions options = new ChromeOptions();
        options.setBinary(BROWSER.toString());
        options.addArguments("--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                "--disable-background-networking", "--disable-component-update", "--disable-sync",
                "--user-data-dir=" + Files.createDirectories(profileDir));
        return new ChromeDriver(service, options);
    }
}
