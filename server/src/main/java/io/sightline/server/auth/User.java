package io.sightline.server.auth;

/** @param email the address the user gave, or null */
public record User(long id, String login, String name, String passwordHash, boolean locked, long createdAt, String email) {
    @Override
    public String toString() {
        return "User[" + login + "]";
    }
}
