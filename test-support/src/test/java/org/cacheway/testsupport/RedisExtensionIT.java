package org.cacheway.testsupport;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.lang.reflect.Proxy;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.io.TempDir;

/** Drives the extension's callbacks by hand to check log retention on failure and cleanup on success. */
class RedisExtensionIT {

    @TempDir
    Path logRoot;

    @TempDir
    Path workRoot;

    @BeforeEach
    void useTemporaryDirectories() {
        System.setProperty(RunDirectory.LOG_DIR_PROPERTY, logRoot.toString());
        System.setProperty(RunDirectory.WORK_DIR_PROPERTY, workRoot.toString());
    }

    @AfterEach
    void clearDirectories() {
        System.clearProperty(RunDirectory.LOG_DIR_PROPERTY);
        System.clearProperty(RunDirectory.WORK_DIR_PROPERTY);
    }

    @Test
    void keepsLogsUnderTheTestClassWhenATestFailed() {
        RedisExtension<RedisStandalone> extension = RedisExtension.standalone();
        ExtensionContext classContext = context("[class:Demo]", null);

        extension.beforeAll(classContext);
        RedisNode server = extension.get().server();
        Path workDir = server.logFile().orElseThrow().getParent();
        assertThat(server.call("PING")).isEqualTo("PONG");
        extension.afterEach(context("[class:Demo]/[method:fails]", new AssertionError("boom")));
        extension.afterAll(classContext);

        assertThat(server.isRunning()).isFalse();
        assertThat(workDir).doesNotExist();
        Path kept = logRoot.resolve("RedisExtensionIT").resolve("standalone").resolve("server").resolve("redis.log");
        assertThat(kept).exists();
        assertThatThrownBy(extension::get).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void deletesEverythingWhenAllTestsPassed() {
        RedisExtension<RedisStandalone> extension = RedisExtension.standalone();
        ExtensionContext classContext = context("[class:Demo]", null);

        extension.beforeAll(classContext);
        Path workDir = extension.get().server().logFile().orElseThrow().getParent();
        extension.beforeAll(context("[class:Demo]/[nested-class:Inner]", null));
        extension.afterEach(context("[class:Demo]/[method:passes]", null));
        extension.afterAll(context("[class:Demo]/[nested-class:Inner]", null));
        assertThat(extension.get().server().isRunning()).as("a nested class must not stop the servers").isTrue();
        extension.afterAll(classContext);

        assertThat(workDir).doesNotExist();
        assertThat(workDir.getParent().getParent()).isEqualTo(workRoot);
        assertThat(Files.exists(logRoot.resolve("RedisExtensionIT"))).isFalse();
    }

    private static ExtensionContext context(String uniqueId, Throwable failure) {
        return (ExtensionContext) Proxy.newProxyInstance(RedisExtensionIT.class.getClassLoader(),
                new Class<?>[] {ExtensionContext.class}, (proxy, method, args) -> {
                    switch (method.getName()) {
                        case "getUniqueId":
                            return uniqueId;
                        case "getRequiredTestClass":
                            return RedisExtensionIT.class;
                        case "getExecutionException":
                            return Optional.ofNullable(failure);
                        case "toString":
                            return uniqueId;
                        default:
                            throw new UnsupportedOperationException(method.getName());
                    }
                });
    }
}
