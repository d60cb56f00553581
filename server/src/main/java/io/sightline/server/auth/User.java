package io.sightline.server.auth;

public record User(long id, String login, String name, String passwordHash, boolean locked, long createdAt) {
    @Override
    public String toString() {
        return "User[" + login + "]";
    }
}
