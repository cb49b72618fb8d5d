package org.cacheway.examples;

import java.io.IOException;
import java.io.InputStream;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Properties;
import org.cacheway.cache.Caches;
import org.cacheway.session.SessionSettings;
import org.cacheway.session.Sessions;

/**
 * The examples' Django-style settings file ({@code cacheway.properties} on the classpath, or the file
 * given by {@code --settings}): {@code CACHES.*} for the caches and {@code SESSION_*} for sessions, as
 * one Django {@code settings.py} holds both.
 */
public final class ExampleSettings {
    /** The settings file on the classpath. */
    public static final String RESOURCE = "cacheway.properties";
    private static final String LOCATION = "CACHES.default.LOCATION";

    private final Properties properties;
    private final String source;

    private ExampleSettings(Properties properties, String source) {
        this.properties = properties;
        this.source = source;
    }

    /** The file given in the options, else {@code cacheway.properties} from the classpath. */
    public static ExampleSettings load(ExampleOptions options) {
        Properties properties = new Properties();
        Path file = options.settingsFile();
        try (InputStream in = file != null ? Files.newInputStream(file)
                : ExampleSettings.class.getClassLoader().getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException(RESOURCE + " is missing from the classpath");
            }
            try (Reader reader = new java.io.InputStreamReader(in, StandardCharsets.UTF_8)) {
                properties.load(reader);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read settings " + (file != null ? file : RESOURCE), e);
        }
        return new ExampleSettings(properties, file != null ? file.toString() : "classpath:" + RESOURCE);
    }

    /** The default cache's {@code LOCATION} as written in the file, or null when it has none. */
    public String location() {
        String location = properties.getProperty(LOCATION);
        return location == null || location.isBlank() ? null : location.trim();
    }

    /** Where the settings were read from. */
    public String source() {
        return source;
    }

    /** The {@code CACHES} registry, its default alias pointed at {@code location}. */
    public Caches caches(String location) {
        return Caches.fromProperties(withLocation(location));
    }

    /** The {@code SESSION_*} settings. */
    public SessionSettings sessionSettings() {
        return SessionSettings.fromProperties(properties);
    }

    /** Sessions as the settings configure them, over {@code caches}. */
    public Sessions sessions(Caches caches) {
        return Sessions.from(sessionSettings(), caches);
    }

    private Properties withLocation(String location) {
        Properties copy = new Properties();
        copy.putAll(properties);
        copy.setProperty(LOCATION, location);
        return copy;
    }
}
