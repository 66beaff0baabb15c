package com.simkiosk.kiosk.config;

import java.util.List;

/** The configuration cannot be used; {@link #problems()} are one-line messages for the operator, with JSON paths. */
public class ConfigException extends Exception {
    private final List<String> problems;

    public ConfigException(String source, List<String> problems) {
        super(source + ": " + String.join("; ", problems));
        this.problems = List.copyOf(problems);
    }

    public List<String> problems() {
        return problems;
    }
}
