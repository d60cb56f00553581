package io.sightline.server.auth.profiles;

import java.util.List;

/** A custom profile to create: its name and TheHive permission names. */
public record NewProfile(String name, List<String> permissions) {}
