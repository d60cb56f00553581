package io.sightline.server.auth;

public record Organisation(long id, String name, String description, long createdAt) {}
