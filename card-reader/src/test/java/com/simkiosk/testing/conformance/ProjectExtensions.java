package com.simkiosk.testing.conformance;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The "Project extensions" table of {@code docs/carrier-api.md}, the one list of what the project adds to the
 * official documents. Tests allow an extension query parameter only if the table lists it for that list call.
 */
public final class ProjectExtensions {
    static final String DOCUMENT = "docs/carrier-api.md";
    private static final String TABLE_HEADING = "## Project extensions";
    private static final Pattern QUERY_PARAMETER = Pattern.compile("(?:query parameter|list filter) `([^`]+)`");
    private static final Pattern LIST_CALL = Pattern.compile("`GET (/[A-Za-z]+)");

    /** Last path segment of a list call ({@code /productOffering}) → its extension query parameters. */
    private final Map<String, Set<String>> queryParameters;

    private ProjectExtensions(Map<String, Set<String>> queryParameters) {
        this.queryParameters = queryParameters;
    }

    /** The table of the repository's {@value #DOCUMENT}, found walking up from the working directory. */
    public static ProjectExtensions load() {
        Path start = Path.of(System.getProperty("user.dir")).toAbsolutePath();
        for (Path dir = start; dir != null; dir = dir.getParent()) {
            Path doc = dir.resolve(DOCUMENT);
            if (Files.isRegularFile(doc)) {
                try {
                    return parse(Files.readAllLines(doc));
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            }
        }
        throw new IllegalStateException(DOCUMENT + " not found above " + start);
    }

    static ProjectExtensions parse(List<String> lines) {
        int at = lines.indexOf(TABLE_HEADING);
        if (at < 0) {
            throw new IllegalStateException(DOCUMENT + " has no section \"" + TABLE_HEADING + "\"");
        }
        Map<String, Set<String>> found = new HashMap<>();
        boolean inTable = false;
        for (String line : lines.subList(at + 1, lines.size())) {
            if (line.startsWith("## ")) {
                break;
            }
            if (!line.startsWith("|")) {
                if (inTable) {
                    break;
                }
                continue;
            }
            inTable = true;
            String[] cells = line.split("\\|");
            if (cells.length < 3) {
                continue;
            }
            Matcher parameter = QUERY_PARAMETER.matcher(cells[1]);
            Matcher call = LIST_CALL.matcher(cells[2]);
            if (parameter.find() && call.find()) {
                found.computeIfAbsent(call.group(1), k -> new HashSet<>()).add(parameter.group(1));
            }
        }
        return new ProjectExtensions(found);
    }

    /** The extension query parameters the table lists for the list call at this path. */
    public Set<String> queryParameters(String path) {
        String last = path.substring(path.lastIndexOf('/'));
        return Set.copyOf(queryParameters.getOrDefault(last, Set.of()));
    }
}
