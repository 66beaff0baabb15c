package com.simkiosk.kiosk.config;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Client secrets and key store passwords: written in the configuration itself (which must then be private), or
 * referenced from it and kept elsewhere: {@code {"credential": "carrier-a-secret"}} is a systemd credential
 * ({@code LoadCredential=} in the unit; read from {@code $CREDENTIALS_DIRECTORY}), {@code {"file": "/etc/simkiosk/x"}}
 * a file only the kiosk's user may read. Either is read once at start; a file that group or others may read is
 * refused, as the configuration holding a secret is.
 */
final class Secrets {
    /** The secret fields of a back end (and of its profile's {@code clientKey}, {@code password}). */
    static final Set<String> BACKEND_FIELDS = Set.of("clientSecret", "trustStorePassword", "clientKeyStorePassword");
    private static final java.util.regex.Pattern CREDENTIAL = java.util.regex.Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,63}");

    private Secrets() {}

    /** The secret in {@code field}: inline text, or read from where its reference points. Problems are recorded. */
    static Optional<String> optional(JsonFields owner, String field, Optional<Path> baseDir, Map<String, String> env) {
        if (!owner.isObject(field)) {
            return owner.optionalText(field);
        }
        JsonFields ref = owner.optionalObject(field).orElseThrow();
        ref.allowOnly(Set.of("credential", "file"));
        Optional<String> credential = ref.optionalText("credential");
        Optional<String> file = ref.optionalText("file");
        if (credential.isPresent() == file.isPresent()) {
            ref.problem("", "give either \"credential\": NAME (a systemd credential) or \"file\": PATH");
            return Optional.empty();
        }
        if (credential.isPresent()) {
            String name = credential.get();
            if (!CREDENTIAL.matcher(name).matches()) {
                ref.problem("credential", "must be a credential name (1 to 64 letters, digits, '.', '_', '-')");
                return Optional.empty();
            }
            String dir = env.getOrDefault("CREDENTIALS_DIRECTORY", "");
            if (dir.isBlank()) {
                ref.problem("credential", "'" + name + "' is a systemd credential, but CREDENTIALS_DIRECTORY is not set "
                        + "(LoadCredential=" + name + ":/etc/simkiosk/" + name + " in the unit)");
                return Optional.empty();
            }
            return read(ref, "credential", Path.of(dir, name), "the systemd credential '" + name + "' is not there "
                    + "(LoadCredential=" + name + ":/etc/simkiosk/" + name + " in the unit)");
        }
        Path path = baseDir.map(d -> d.resolve(file.get())).orElse(Path.of(file.get()));
        return read(ref, "file", path, "cannot read " + path + " (no such file)");
    }

    /** The file's text without one trailing line break, if it is private, short, UTF-8 and not empty. */
    private static Optional<String> read(JsonFields ref, String field, Path path, String missing) {
        FileRead read = readFile(path, missing);
        if (read.problem() != null) {
            ref.problem(field, read.problem());
            return Optional.empty();
        }
        return Optional.of(read.text());
    }

    /** A secret file's text, or (text null) what the operator must do about the file. */
    record FileRead(String text, String problem) {
        static FileRead problem(String problem) {
            return new FileRead(null, problem);
        }
    }

    /**
     * The file's text without one trailing line break, if it is private, short, UTF-8, one line and not empty;
     * otherwise why not, for the operator ({@code missing} when there is no such file).
     */
    static FileRead readFile(Path path, String missing) {
        Set<PosixFilePermission> permissions;
        byte[] bytes;
        try {
            permissions = posix(path);
            try (InputStream in = Files.newInputStream(path)) {
                bytes = in.readNBytes(JsonFields.MAX_TEXT * 4 + 1);
            }
        } catch (NoSuchFileException e) {
            return FileRead.problem(missing);
        } catch (AccessDeniedException e) {
            return FileRead.problem("the kiosk's user may not read " + path + " (give it to that user, mode 600, "
                    + "or let systemd hand it over with LoadCredential=)");
        } catch (IOException e) {
            return FileRead.problem("cannot read " + path + " (" + e.getClass().getSimpleName() + ")");
        }
        if (permissions.contains(PosixFilePermission.GROUP_READ) || permissions.contains(PosixFilePermission.OTHERS_READ)) {
            return FileRead.problem(path + " holds a secret but group or others may read it ("
                    + PosixFilePermissions.toString(permissions) + "): chmod 600 " + path);
        }
        if (bytes.length > JsonFields.MAX_TEXT * 4) {
            return FileRead.problem(path + " is too long for a secret (wrong file?)");
        }
        String text;
        try {
            text = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(bytes)).toString();
        } catch (CharacterCodingException e) {
            return FileRead.problem(path + " is not UTF-8 text");
        }
        text = text.endsWith("\r\n") ? text.substring(0, text.length() - 2)
                : text.endsWith("\n") ? text.substring(0, text.length() - 1) : text;
        if (text.isEmpty()) {
            return FileRead.problem(path + " is empty");
        }
        if (text.length() > JsonFields.MAX_TEXT || text.codePoints().anyMatch(Character::isISOControl)) {
            return FileRead.problem(path + " must hold the secret alone, on one line");
        }
        return new FileRead(text, null);
    }

    /** Not a POSIX file system: nothing to check. */
    private static Set<PosixFilePermission> posix(Path path) throws IOException {
        try {
            return Files.getPosixFilePermissions(path);
        } catch (UnsupportedOperationException e) {
            return Set.of();
        }
    }

    /** Where the configuration itself holds a secret as text ({@code backends[0].clientSecret}), not a reference. */
    static List<String> inline(JsonNode root) {
        List<String> out = new ArrayList<>();
        JsonNode backends = root.path("backends");
        for (int i = 0; i < backends.size(); i++) {
            inline(backends.get(i), "backends[" + i + "]", out);
        }
        if (root.path("aggregator").isObject()) {
            inline(root.get("aggregator"), "aggregator", out);
        }
        return out;
    }

    private static void inline(JsonNode backend, String where, List<String> out) {
        for (String field : BACKEND_FIELDS.stream().sorted().toList()) {
            if (backend.path(field).isTextual() && !backend.path(field).asText().isEmpty()) {
                out.add(where + "." + field);
            }
        }
        JsonNode password = backend.path("profile").path("clientKey").path("password");
        if (password.isTextual() && !password.asText().isEmpty()) {
            out.add(where + ".profile.clientKey.password");
        }
    }
}
