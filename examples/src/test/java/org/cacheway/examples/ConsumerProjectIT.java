package org.cacheway.examples;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.cacheway.examples.Reactor.Managed;
import org.cacheway.testsupport.RedisExtension;
import org.cacheway.testsupport.RedisStandalone;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * Cacheway as a user gets it: the published artifacts this build made, installed into a temporary
 * local repository (never the machine's), and a separate project (src/test/consumer) that imports
 * the BOM alone, declares Cacheway's artifacts without versions, and runs its own tests on a test
 * Redis. Every other library comes from the machine's local repository, read as a mirror, so
 * nothing is downloaded and nothing there is written.
 */
class ConsumerProjectIT {
    private static final Path REACTOR_ROOT = Path.of("").toAbsolutePath().getParent();
    private static final Path CONSUMER = Path.of("src", "test", "consumer");
    private static final Path MACHINE_REPOSITORY = Path.of(System.getProperty("cacheway.localRepository",
            Path.of(System.getProperty("user.home"), ".m2", "repository").toString()));

    @RegisterExtension
    static final RedisExtension<RedisStandalone> redis = RedisExtension.standalone();

    @TempDir
    Path work;

    private Reactor reactor;

    @BeforeEach
    void readTheReactor() throws Exception {
        reactor = new Reactor(REACTOR_ROOT);
        redis.get().flushAll();
    }

    @Test
    void theBomListsEveryPublishedArtifactAndNothingElse() throws Exception {
        List<Managed> expected = new ArrayList<>();
        for (String module : reactor.publishedModules()) {
            expected.add(new Managed("org.cacheway", module, "jar"));
            if (Files.exists(reactor.built(module, "-tests.jar"))) {
                expected.add(new Managed("org.cacheway", module, "test-jar"));
            }
        }
        assertThat(reactor.publishedModules()).containsExactly("cache-api", "cache-redis", "session-api",
                "session-redis", "cacheway-spring", "cacheway-micrometer", "cacheway-spring-boot-starter");
        assertThat(Reactor.managed(reactor.pom("cacheway-bom"))).containsExactlyInAnyOrderElementsOf(expected);
        // The BOM's parent pins nothing either, so importing the BOM brings no third-party version.
        assertThat(Reactor.managed(reactor.rootPom())).isEmpty();
    }

    @Test
    void everyPublishedJarShipsWithItsSourcesAndJavadoc() throws Exception {
        for (String module : reactor.publishedModules()) {
            assertThat(reactor.built(module, "-sources.jar")).isRegularFile();
            assertThat(reactor.built(module, "-javadoc.jar")).isRegularFile();
            if (Files.exists(reactor.built(module, "-tests.jar"))) {
                assertThat(reactor.built(module, "-test-sources.jar")).isRegularFile();
                assertThat(reactor.built(module, "-test-javadoc.jar")).isRegularFile();
            }
        }
    }

    @Test
    void aProjectDependingOnTheBomAloneBuildsAndPassesItsTestsOnRedis() throws Exception {
        Path repository = installPublishedArtifacts();
        Path project = copyConsumerProject();
        String machineCacheway = listing(MACHINE_REPOSITORY.resolve("org/cacheway"));

        Process maven = new ProcessBuilder(mavenExecutable(), "-B", "-e", "-s", settings(repository).toString(),
                "test", "-Dcacheway.version=" + reactor.version(), "-Djunit.version=" + junitVersion(),
                "-Dredis.location=" + redis.get().uri(3))
                .directory(project.toFile())
                .redirectErrorStream(true)
                .redirectOutput(work.resolve("maven.log").toFile())
                .start();
        assertThat(maven.waitFor(5, TimeUnit.MINUTES)).as("the consumer build ends within 5 minutes").isTrue();
        String log = Files.readString(work.resolve("maven.log"));

        assertThat(maven.exitValue()).as("the consumer build succeeds:%n%s", log).isZero();
        assertThat(log).contains("Tests run: 3, Failures: 0, Errors: 0, Skipped: 0");
        assertThat(repository.resolve("io/lettuce/lettuce-core")).isDirectory();
        assertThat(listing(MACHINE_REPOSITORY.resolve("org/cacheway"))).isEqualTo(machineCacheway);
    }

    /** The poms the published artifacts inherit from, the BOM, and each published jar. */
    private Path installPublishedArtifacts() throws Exception {
        Path repository = Files.createDirectories(work.resolve("repository"));
        reactor.install(repository, "", "cacheway-build");
        reactor.install(repository, "cacheway-parent", "cacheway-parent");
        reactor.install(repository, "cacheway-bom", "cacheway-bom");
        for (String module : reactor.publishedModules()) {
            reactor.install(repository, module, module, ".jar");
        }
        return repository;
    }

    private Path copyConsumerProject() throws IOException {
        Path project = work.resolve("consumer");
        try (Stream<Path> files = Files.walk(CONSUMER)) {
            for (Path file : (Iterable<Path>) files::iterator) {
                Path target = project.resolve(CONSUMER.relativize(file).toString());
                if (Files.isDirectory(file)) {
                    Files.createDirectories(target);
                } else {
                    Files.copy(file, target);
                }
            }
        }
        return project;
    }

    /** The temporary local repository, and the machine's, read as a mirror of every remote one. */
    private Path settings(Path repository) throws IOException {
        return Files.writeString(work.resolve("settings.xml"), """
                <settings>
                  <localRepository>%s</localRepository>
                  <mirrors>
                    <mirror>
                      <id>this-machine</id>
                      <mirrorOf>*</mirrorOf>
                      <url>%s</url>
                    </mirror>
                  </mirrors>
                </settings>
                """.formatted(repository, MACHINE_REPOSITORY.toUri()), StandardCharsets.UTF_8);
    }

    private static String mavenExecutable() {
        String home = System.getProperty("maven.home");
        assertThat(home).as("the system property maven.home (set by the examples' failsafe configuration)")
                .isNotNull();
        return Path.of(home, "bin", "mvn").toString();
    }

    /** The JUnit this test runs on, which the build has in the machine's repository. */
    private static String junitVersion() {
        return Test.class.getPackage().getImplementationVersion();
    }

    private static String listing(Path dir) throws IOException {
        if (!Files.exists(dir)) {
            return "(none)";
        }
        try (Stream<Path> files = Files.walk(dir)) {
            return files.map(file -> file + " " + file.toFile().lastModified()).sorted().toList().toString();
        }
    }
}
