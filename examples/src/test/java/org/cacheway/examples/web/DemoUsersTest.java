package org.cacheway.examples.web;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The demo's users and Django's PBKDF2 password check ({@code DemoUsersDjangoIT} checks the hashes with Django). */
class DemoUsersTest {

    @Test
    void aDemoUserWithTheDemoPasswordAuthenticates() {
        assertThat(DemoUsers.authenticate("alice", DemoUsers.PASSWORD)).map(DemoUsers.User::id).contains("1");
        assertThat(DemoUsers.authenticate("bob", DemoUsers.PASSWORD)).map(DemoUsers.User::id).contains("2");
    }

    @Test
    void aWrongPasswordOrAnUnknownUserDoesNot() {
        assertThat(DemoUsers.authenticate("alice", "Cacheway")).isEmpty();
        assertThat(DemoUsers.authenticate("mallory", DemoUsers.PASSWORD)).isEmpty();
    }

    @Test
    void usersAreFoundByTheirPrimaryKey() {
        assertThat(DemoUsers.passwordHashOf("2")).startsWith("pbkdf2_sha256$260000$cachewaybobdemo$");
        assertThat(DemoUsers.passwordHashOf("3")).isNull();
    }

    @Test
    void otherHashFormatsNeverMatch() {
        assertThat(DjangoPasswords.check("x", "argon2$argon2id$v=19$m=102400,t=2,p=8$c2FsdA$aGFzaA")).isFalse();
        assertThat(DjangoPasswords.check("x", "pbkdf2_sha256$0$salt$aGFzaA==")).isFalse();
        assertThat(DjangoPasswords.check("x", "pbkdf2_sha256$10$salt$not base64!")).isFalse();
        assertThat(DjangoPasswords.check("x", "!unusable")).isFalse();
    }
}
