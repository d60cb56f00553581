package io.sightline.integrations.misp.model;

import java.util.Objects;

/**
 * A MISP tag attached to an event or an attribute ({@code Tag[]}, or {@code EventTag[].Tag} in the
 * event index).
 *
 * @param name   the tag name, e.g. {@code tlp:green} or {@code misp-galaxy:malpedia="SamSam"}
 * @param colour the display colour, may be null
 */
public record MispTag(String name, String colour) {

    public MispTag {
        Objects.requireNonNull(name, "name");
    }

    public static MispTag of(String name) {
        return new MispTag(name, null);
    }
}
