package io.sightline.server.auth.profiles;

import java.util.List;
import java.util.Optional;

/** What an update changes; an empty field keeps its value. */
public record ProfileChange(Optional<String> name, Optional<List<String>> permissions) {}
