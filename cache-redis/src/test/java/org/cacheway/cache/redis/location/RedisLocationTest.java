package org.cacheway.cache.redis.location;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.cacheway.cache.CacheConfigurationException;
import org.junit.jupiter.api.Test;

class RedisLocationTest {

    private static RedisLocation parse(String location) {
        return RedisLocation.parse("default", location);
    }

    @Test
    void redisUrlWithHostAndDatabaseDefaultsThePort() {
        RedisLocation location = parse("redis://localhost/2");
        assertThat(location.host()).isEqualTo("localhost");
        assertThat(location.port()).isEqualTo(6379);
        assertThat(location.database()).isEqualTo(2);
        assertThat(location.tls()).isFalse();
    }

    @Test
    void passwordOnlyUserInfoIsThePassword() {
        RedisLocation location = parse("redis://:secret@localhost:6380/3");
        assertThat(location.username()).isNull();
        assertThat(location.password()).isEqualTo("secret");
        assertThat(location.port()).isEqualTo(6380);
        assertThat(location.database()).isEqualTo(3);
    }

    @Test
    void queryDatabaseBeatsThePath() {
        RedisLocation location = parse("redis://u:p@h:1/4?db=5");
        assertThat(location.username()).isEqualTo("u");
        assertThat(location.password()).isEqualTo("p");
        assertThat(location.host()).isEqualTo("h");
        assertThat(location.port()).isEqualTo(1);
        assertThat(location.database()).isEqualTo(5);
    }

    @Test
    void redissMeansTls() {
        RedisLocation location = parse("rediss://localhost:3333?db=2");
        assertThat(location.tls()).isTrue();
        assertThat(location.scheme()).isEqualTo(RedisLocation.Scheme.REDISS);
        assertThat(location.port()).isEqualTo(3333);
        assertThat(location.database()).isEqualTo(2);
    }

    @Test
    void unixSocketTakesTheDatabaseFromTheQuery() {
        RedisLocation location = parse("unix:///tmp/foo.sock?db=1");
        assertThat(location.scheme()).isEqualTo(RedisLocation.Scheme.UNIX);
        assertThat(location.socketPath()).isEqualTo("/tmp/foo.sock");
        assertThat(location.database()).isEqualTo(1);
    }

    @Test
    void unixSocketMayCarryAPassword() {
        RedisLocation location = parse("unix://:pw@/var/run/redis.sock");
        assertThat(location.password()).isEqualTo("pw");
        assertThat(location.socketPath()).isEqualTo("/var/run/redis.sock");
        assertThat(location.database()).isZero();
    }

    @Test
    void oldHostPortDbFormIsAccepted() {
        RedisLocation location = parse("127.0.0.1:6379:1");
        assertThat(location.host()).isEqualTo("127.0.0.1");
        assertThat(location.port()).isEqualTo(6379);
        assertThat(location.database()).isEqualTo(1);
    }

    @Test
    void percentEncodedCredentialsAreDecoded() {
        RedisLocation location = parse("redis://us%40er:p%3Ass@h/0");
        assertThat(location.username()).isEqualTo("us@er");
        assertThat(location.password()).isEqualTo("p:ss");
    }

    @Test
    void ipv6HostsAreBracketed() {
        RedisLocation location = parse("redis://[::1]:7000/3");
        assertThat(location.host()).isEqualTo("::1");
        assertThat(location.port()).isEqualTo(7000);
        assertThat(location.toString()).isEqualTo("redis://[::1]:7000/3");
    }

    @Test
    void urlCredentialsBeatTheOptions() {
        RedisLocation location = parse("redis://:url@h/0").withDefaultCredentials("opt-user", "opt");
        assertThat(location.password()).isEqualTo("url");
        assertThat(location.username()).isEqualTo("opt-user");
    }

    @Test
    void optionsFillMissingCredentials() {
        RedisLocation location = parse("redis://h/0").withDefaultCredentials(null, "opt");
        assertThat(location.password()).isEqualTo("opt");
    }

    @Test
    void toStringMasksThePassword() {
        assertThat(parse("redis://u:secret@h:1/2").toString()).isEqualTo("redis://u:***@h:1/2").doesNotContain("secret");
    }

    @Test
    void rawKeepsTheEntryAsWritten() {
        assertThat(parse("redis://h:1/2").raw()).isEqualTo("redis://h:1/2");
    }

    @Test
    void emptyLocationIsAMissingConnectionsString() {
        assertThatThrownBy(() -> parse(""))
                .isInstanceOf(CacheConfigurationException.class)
                .hasMessageContaining("Missing connections string")
                .hasMessageContaining("'default'")
                .hasMessageContaining("LOCATION");
    }

    @Test
    void noSchemeIsAConfigurationErrorNamingAliasSettingAndValue() {
        assertThatThrownBy(() -> parse("localhost:6379"))
                .isInstanceOf(CacheConfigurationException.class)
                .hasMessageContaining("CACHES['default']['LOCATION'] = 'localhost:6379'");
    }

    @Test
    void unknownSchemeIsRejected() {
        assertThatThrownBy(() -> parse("http://localhost/1")).isInstanceOf(CacheConfigurationException.class)
                .hasMessageContaining("unknown scheme 'http'");
    }

    @Test
    void nonNumericDatabaseIsRejected() {
        assertThatThrownBy(() -> parse("redis://localhost/abc")).isInstanceOf(CacheConfigurationException.class)
                .hasMessageContaining("database 'abc'");
    }

    @Test
    void portOutOfRangeIsRejected() {
        assertThatThrownBy(() -> parse("redis://localhost:70000/0")).isInstanceOf(CacheConfigurationException.class)
                .hasMessageContaining("port 70000");
    }

    @Test
    void relativeUnixPathIsRejected() {
        assertThatThrownBy(() -> parse("unix://tmp/x.sock")).isInstanceOf(CacheConfigurationException.class)
                .hasMessageContaining("absolute socket path");
    }
}
