package org.cacheway.examples.web;

import java.util.List;
import java.util.Optional;

/**
 * The demo's user table, standing in for Django's {@code auth_user}: each user's primary key and
 * the password hash Django stores. Both users' password is {@code cacheway}; the hashes were made
 * once by Django 3.2's {@code make_password("cacheway", salt="cacheway<name>demo")} (PBKDF2-SHA256,
 * 260000 iterations), so a Django app with these rows would accept the demo's logins and the reverse.
 */
public final class DemoUsers {
    /** The password of every demo user. */
    public static final String PASSWORD = "cacheway";

    /** A row of the table: primary key (as Django writes it in the session), user name, password hash. */
    public record User(String id, String username, String passwordHash) {
    }

    private static final List<User> USERS = List.of(
            new User("1", "alice", "pbkdf2_sha256$260000$cachewayalicedemo$X/1lrXPA6gQRgH9W4jNkddzSxbB4q672bMvw+9gM9Ws="),
            new User("2", "bob", "pbkdf2_sha256$260000$cachewaybobdemo$Cn633GmcmLuGOnVTpe67KoNYcVVh92woYugAEienL2E="));

    private DemoUsers() {
    }

    /** The user names, for the login page. */
    public static List<String> usernames() {
        return USERS.stream().map(User::username).toList();
    }

    /** The user {@code username} names when {@code password} is theirs, as Django's {@code authenticate}. */
    public static Optional<User> authenticate(String username, String password) {
        return USERS.stream().filter(user -> user.username().equals(username))
                .filter(user -> DjangoPasswords.check(password, user.passwordHash())).findFirst();
    }

    /** The user with primary key {@code id}. */
    static Optional<User> byId(String id) {
        return USERS.stream().filter(user -> user.id().equals(id)).findFirst();
    }

    /** The current password hash of user {@code id}, or null when there is no such user. */
    static String passwordHashOf(String id) {
        return byId(id).map(User::passwordHash).orElse(null);
    }
}
