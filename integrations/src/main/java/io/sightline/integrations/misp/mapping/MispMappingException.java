package io.sightline.integrations.misp.mapping;

import io.sightline.integrations.misp.model.MispException;

import java.util.List;

/** A mapping table is malformed; {@link #problems()} lists every bad line, each with its number. */
public class MispMappingException extends MispException {

    private final List<String> problems;

    public MispMappingException(String table, List<String> problems) {
        super("invalid MISP mapping table " + table + ":\n  " + String.join("\n  ", problems));
        this.problems = List.copyOf(problems);
    }

    public List<String> problems() {
        return problems;
    }
}
