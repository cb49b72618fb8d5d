package org.cacheway.examples;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.StringWriter;
import java.lang.reflect.InvocationTargetException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import javax.tools.JavaCompiler;
import javax.tools.ToolProvider;
import org.cacheway.examples.ReadmeSnippets.Snippet;
import org.cacheway.testsupport.RedisExtension;
import org.cacheway.testsupport.RedisStandalone;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every {@code java} block of the root README compiles without a warning and runs without throwing,
 * each on an empty test Redis standing in for the {@code 127.0.0.1:6379} the README names, so the
 * first code a user copies can never fail on a fresh Redis again.
 */
class ReadmeSnippetsIT {
    private static final Path README = Path.of("..", "README.md");
    private static final String README_REDIS = "127.0.0.1:6379";

    @RegisterExtension
    static final RedisExtension<RedisStandalone> redis = RedisExtension.standalone();

    @TempDir
    Path classes;

    @Test
    void theReadmeHasItsJavaBlocks() throws Exception {
        assertThat(ReadmeSnippets.read(README)).hasSizeGreaterThanOrEqualTo(4);
    }

    @TestFactory
    Stream<DynamicTest> everyJavaBlockOfTheReadmeCompilesAndRunsOnAFreshRedis() throws Exception {
        return ReadmeSnippets.read(README).stream()
                .map(snippet -> DynamicTest.dynamicTest("README.md line " + snippet.line(), () -> run(snippet)));
    }

    private void run(Snippet snippet) throws Exception {
        redis.get().flushAll();
        String source = snippet.source().replace(README_REDIS, "127.0.0.1:" + redis.get().port());
        assertThat(source).as("a README block may only reach Redis as %s", README_REDIS)
                .doesNotContain(":6379").doesNotContain("localhost");
        Path out = Files.createDirectories(classes.resolve(snippet.className()));
        compile(snippet, source, out);
        try (URLClassLoader loader = new URLClassLoader(new URL[] {out.toUri().toURL()}, getClass().getClassLoader())) {
            loader.loadClass(snippet.className()).getMethod("run").invoke(null);
        } catch (InvocationTargetException e) {
            throw new AssertionError("README.md line " + snippet.line() + " throws " + e.getCause(), e.getCause());
        }
    }

    private static void compile(Snippet snippet, String source, Path out) throws Exception {
        Path file = Files.writeString(out.resolve(snippet.className() + ".java"), source);
        JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
        StringWriter diagnostics = new StringWriter();
        boolean compiled = javac.getTask(diagnostics, null, null,
                List.of("-classpath", classPath(), "-d", out.toString(), "-Xlint:all", "-Werror"),
                null, javac.getStandardFileManager(null, null, null).getJavaFileObjects(file.toFile())).call();
        assertThat(compiled).as("README.md line %d does not compile cleanly:%n%s%n%s", snippet.line(), diagnostics,
                source).isTrue();
    }

    /** The test class path: surefire's full list, as the forked JVM's own is a manifest-only jar. */
    private static String classPath() {
        return System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
    }
}
