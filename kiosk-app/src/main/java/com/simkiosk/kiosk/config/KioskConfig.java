package com.simkiosk.kiosk.config;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.simkiosk.card.pcsc.RealReadersOnly;
import com.simkiosk.carrier.SimAuthPolicy;
import com.simkiosk.carrier.tmf.BackendProfile;
import com.simkiosk.carrier.tmf.CarrierEndpoint;
import com.simkiosk.carrier.tmf.OAuthSettings;
import com.simkiosk.kiosk.flow.FlowConfig;
import com.simkiosk.kiosk.flow.Language;
import com.simkiosk.kiosk.flow.NetworkRoutes;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The kiosk's JSON configuration (see {@code docs/configuration.md}): which reader and printer, which carrier back
 * ends, languages, timeouts, the maintenance PIN hash, and the store's and kiosk's ids. {@link #load} reports every
 * mistake at once as one-line messages; secrets never appear in {@link #toString()}.
 */
public record KioskConfig(
        String storeId,
        String kioskId,
        ReaderChoice reader,
        List<Backend> backends,
        Optional<Backend> aggregator,
        PrinterChoice printer,
        List<Language> languages,
        Language defaultLanguage,
        Timeouts timeouts,
        MaintenancePin maintenancePin,
        boolean testRig,
        Optional<Path> configuredStateDirectory,
        Optional<TelemetryConfig> telemetry,
        Help help,
        NetworkRoutes networkBalance) {

    public KioskConfig {
        backends = List.copyOf(backends);
        languages = List.copyOf(languages);
    }

    /** Where SIM cards come from. */
    public sealed interface ReaderChoice {
        /** PC/SC through pcscd; {@code name} empty = the first reader that holds a card. */
        record Pcsc(Optional<String> name) implements ReaderChoice {}

        /** A GSM modem answering AT+CSIM on a serial line. */
        record Serial(String device, int baud) implements ReaderChoice {}

        /** The in-memory reader from hal-mock (demo). */
        record Memory() implements ReaderChoice {}
    }

    public sealed interface PrinterChoice {
        record EscPosSerial(String device, int baud) implements PrinterChoice {}

        /** The in-memory printer from hal-mock (demo, or a kiosk without printer). */
        record Memory() implements PrinterChoice {}
    }

    /**
     * A carrier (or aggregator) API: OAuth client credentials, the ICCID issuer prefixes it serves (empty for an
     * aggregator), an optional trust store for a private CA, and an optional key store holding the kiosk's client
     * certificate for carriers that demand mutual TLS, and what the carrier chose where the standards leave a choice
     * ({@code "profile"}, defaults = the standard's), and SIM authentication: the carrier's GBA bootstrapping server
     * ({@code "bsfUrl"}) and whether the SIM PIN alone proves a line ({@code "simPinIsProof"}, default false).
     */
    public record Backend(String name, URI baseUrl, String clientId, String clientSecret, List<String> iccidPrefixes,
                          Optional<Path> trustStore, Optional<String> trustStorePassword,
                          Optional<Path> clientKeyStore, Optional<String> clientKeyStorePassword,
                          BackendProfile profile, OAuthSettings oauth, SimAuthPolicy simAuth, Support support) {
        public Backend {
            iccidPrefixes = List.copyOf(iccidPrefixes);
        }

        @Override
        public String toString() {
            return "Backend[" + name + ", " + baseUrl + ", client " + clientId + ", prefixes " + iccidPrefixes + "]";
        }
    }

    /**
     * The carrier's own support for its customers, shown on errors only the carrier can resolve: a phone number as
     * it should be dialled in Japan, and an {@code https://} support page (shown as a QR code).
     */
    public record Support(Optional<String> phone, Optional<URI> url) {
        public static final Support NONE = new Support(Optional.empty(), Optional.empty());
    }

    /** "Call staff" in the help overlay: {@code off}, {@code notice} (on screen), or {@code notice-and-sound}. */
    public enum CallStaff {
        OFF, NOTICE, NOTICE_AND_SOUND;

        static Optional<CallStaff> parse(String text) {
            return java.util.Arrays.stream(values())
                    .filter(c -> c.name().toLowerCase(java.util.Locale.ROOT).replace('_', '-').equals(text)).findFirst();
        }
    }

    public record Help(CallStaff callStaff) {
        public static final Help DEFAULT = new Help(CallStaff.NOTICE_AND_SOUND);
    }

    /** What the help overlay offers: call staff as configured, and each back end's (and the aggregator's) support. */
    public com.simkiosk.kiosk.screen.help.HelpSettings helpSettings() {
        List<com.simkiosk.kiosk.screen.help.SupportContact> contacts = backends.stream().map(KioskConfig::contact).toList();
        return new com.simkiosk.kiosk.screen.help.HelpSettings(help.callStaff() != CallStaff.OFF,
                help.callStaff() == CallStaff.NOTICE_AND_SOUND, contacts, aggregator.map(KioskConfig::contact));
    }

    private static com.simkiosk.kiosk.screen.help.SupportContact contact(Backend b) {
        return new com.simkiosk.kiosk.screen.help.SupportContact(b.name(), b.support().phone(), b.support().url());
    }

    /** {@code outOfService}: how long the SIM reader or every back end may be gone before the kiosk says it is out of service. */
    public record Timeouts(Duration idleWarning, Duration idleCountdown, Duration carrierCall, Duration cardRead,
                           Duration outOfService) {
        public static final Duration DEFAULT_OUT_OF_SERVICE = Duration.ofSeconds(120);
    }

    /**
     * Where the kiosk keeps what must survive a restart (the maintenance PIN's back-off; nothing personal):
     * {@code stateDirectory} from the file, else systemd's {@code $STATE_DIRECTORY} (the unit's
     * {@code StateDirectory=simkiosk}), else {@code $XDG_STATE_HOME/simkiosk}, else {@code ~/.local/state/simkiosk}.
     */
    public Path stateDirectory(java.util.Map<String, String> env) {
        if (configuredStateDirectory.isPresent()) {
            return configuredStateDirectory.get();
        }
        String systemd = env.getOrDefault("STATE_DIRECTORY", "");
        if (!systemd.isBlank()) {
            return Path.of(systemd.split(":")[0]);
        }
        String xdg = env.getOrDefault("XDG_STATE_HOME", "");
        Path base = xdg.isBlank() ? Path.of(env.getOrDefault("HOME", "."), ".local", "state") : Path.of(xdg);
        return base.resolve("simkiosk");
    }

    /** The base addresses of every back end and the aggregator (to tell whether any can be reached). */
    public List<URI> backendUrls() {
        List<URI> out = new ArrayList<>(backends.stream().map(Backend::baseUrl).toList());
        aggregator.ifPresent(a -> out.add(a.baseUrl()));
        return out;
    }

    /**
     * The longest total {@code Retry-After} pause a back end's client may add to a call: the largest among the
     * configured back ends. None sets its own, so every one has {@link CarrierEndpoint#DEFAULT_MAX_RETRY_AFTER}.
     */
    public Duration carrierMaxRetryAfter() {
        return CarrierEndpoint.DEFAULT_MAX_RETRY_AFTER;
    }

    /**
     * The session flow's settings taken from this configuration. The flow waits for the carrier as long as the
     * client's own worst case (the call, plus its {@code Retry-After} pauses) and {@link FlowConfig#CARRIER_GRACE}.
     */
    public FlowConfig flowConfig() {
        FlowConfig defaults = FlowConfig.defaults();
        Optional<String> readerName = reader instanceof ReaderChoice.Pcsc pcsc ? pcsc.name() : Optional.empty();
        return new FlowConfig(timeouts.idleWarning(), timeouts.idleCountdown(), readerName, defaultLanguage,
                defaults.codeAttempts(), defaults.codeSends(), defaults.detailAttempts(), defaults.usageDays(),
                defaults.expiryWarningDays(), storeId, kioskId, timeouts.cardRead(),
                timeouts.carrierCall().plus(carrierMaxRetryAfter()).plus(FlowConfig.CARRIER_GRACE));
    }

    // ---------------------------------------------------------------- loading

    /** A kiosk configuration is a few kilobytes; anything this large is the wrong file (or {@code /dev/zero}). */
    public static final int MAX_FILE_BYTES = 1 << 20;

    /** A duplicate key would silently win over the first; text after the object would be silently ignored. */
    private static final ObjectMapper STRICT = JsonMapper.builder()
            .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .build();

    public static KioskConfig load(Path file) throws ConfigException {
        return load(file, System.getenv());
    }

    /** {@code env} gives systemd's {@code CREDENTIALS_DIRECTORY} to secrets referenced as credentials. */
    public static KioskConfig load(Path file, java.util.Map<String, String> env) throws ConfigException {
        String source = file.toString();
        byte[] bytes;
        try (InputStream in = Files.newInputStream(file)) {
            bytes = in.readNBytes(MAX_FILE_BYTES + 1);
        } catch (NoSuchFileException e) {
            throw new ConfigException(source, List.of("file not found"));
        } catch (IOException e) {
            throw new ConfigException(source, List.of("cannot be read (" + e.getClass().getSimpleName() + ")"));
        }
        if (bytes.length > MAX_FILE_BYTES) {
            throw new ConfigException(source, List.of("larger than " + (MAX_FILE_BYTES >> 20)
                    + " MiB: not a kiosk configuration (wrong file?)"));
        }
        JsonNode root = object(utf8(bytes, source), source);
        refuseExposedSecrets(file, Secrets.inline(root), source);
        return parse(root, source, Optional.ofNullable(file.toAbsolutePath().getParent()), env);
    }

    private static String utf8(byte[] bytes, String source) throws ConfigException {
        try {
            return StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(bytes)).toString();
        } catch (CharacterCodingException e) {
            throw new ConfigException(source, List.of("not UTF-8 text (save it as UTF-8)"));
        }
    }

    /** Client secrets and key store passwords are for the kiosk's user alone: refuse a file others can read. */
    private static void refuseExposedSecrets(Path file, List<String> inlineSecrets, String source) throws ConfigException {
        Set<PosixFilePermission> permissions;
        try {
            permissions = Files.getPosixFilePermissions(file);
        } catch (UnsupportedOperationException | IOException e) {
            return; // not a POSIX file system: nothing to check
        }
        boolean exposed = permissions.contains(PosixFilePermission.GROUP_READ)
                || permissions.contains(PosixFilePermission.OTHERS_READ);
        if (exposed && !inlineSecrets.isEmpty()) {
            throw new ConfigException(source, List.of("holds client secrets but group or others may read it ("
                    + PosixFilePermissions.toString(permissions) + "): chmod 600 " + file
                    + ", or refer to them ({\"credential\": NAME} or {\"file\": PATH}) from " + inlineSecrets.get(0)));
        }
    }

    /** Whether this configuration contains a client secret or a key store password. */
    public boolean holdsSecrets() {
        List<Backend> all = new ArrayList<>(backends);
        aggregator.ifPresent(all::add);
        return all.stream().anyMatch(b -> !b.clientSecret().isEmpty() || b.trustStorePassword().isPresent()
                || b.clientKeyStorePassword().isPresent()
                || b.oauth().clientKey().map(k -> k.store().password().length > 0).orElse(false));
    }

    /**
     * {@code baseDir} resolves relative trust store paths (the config file's folder). A leading UTF-8 byte order mark
     * (Windows editors write one) is accepted.
     */
    public static KioskConfig parse(String json, String source, Optional<Path> baseDir) throws ConfigException {
        return parse(object(json, source), source, baseDir, System.getenv());
    }

    private static KioskConfig parse(JsonNode root, String source, Optional<Path> baseDir, java.util.Map<String, String> env)
            throws ConfigException {
        List<String> problems = new ArrayList<>();
        Optional<KioskConfig> config = read(new JsonFields(root, "", problems), baseDir, env);
        if (!problems.isEmpty() || config.isEmpty()) {
            throw new ConfigException(source, problems);
        }
        return config.get();
    }

    /** A back end's profile on its own, as under {@code "profile"} in a back end (the operator commands' {@code --profile}). */
    public static BackendProfile parseProfile(String json, String source) throws ConfigException {
        List<String> problems = new ArrayList<>();
        BackendProfile profile = ProfileReader.read(Optional.of(new JsonFields(object(json, source), "", problems)));
        if (!problems.isEmpty()) {
            throw new ConfigException(source, problems);
        }
        return profile;
    }

    private static JsonNode object(String json, String source) throws ConfigException {
        JsonNode root;
        try {
            root = STRICT.readTree(json.startsWith("\uFEFF") ? json.substring(1) : json);
        } catch (JsonProcessingException e) {
            String where = e.getLocation() == null ? ""
                    : "line " + e.getLocation().getLineNr() + ", column " + e.getLocation().getColumnNr() + ": ";
            // Jackson's own text quotes the offending token, which may be part of a secret: never echo it.
            String original = String.valueOf(e.getOriginalMessage());
            String why = original.startsWith("Trailing token") ? "text after the closing brace"
                    : original.startsWith("Duplicate field '") ? original // names the key, never a value
                    : original.startsWith("Unexpected end-of-input") ? "the text ends too early"
                    : "unexpected text here; it is not shown, as it may be part of a secret";
            throw new ConfigException(source, List.of(where + "not valid JSON (" + why + ")"));
        }
        if (root == null || !root.isObject()) {
            throw new ConfigException(source, List.of("must be a JSON object"));
        }
        return root;
    }

    /** The configuration, when every part of it could be read (problems are collected in {@code root}). */
    private static Optional<KioskConfig> read(JsonFields root, Optional<Path> baseDir, java.util.Map<String, String> env) {
        root.allowOnly(Set.of("storeId", "kioskId", "reader", "backends", "aggregator", "printer", "languages",
                "defaultLanguage", "timeouts", "maintenancePin", "testRig", "stateDirectory", "telemetry", "help",
                "networkBalance"));
        String storeId = root.id("storeId");
        String kioskId = root.id("kioskId");
        boolean testRig = root.bool("testRig", false);
        Optional<Path> stateDirectory = root.optionalText("stateDirectory").map(Path::of);
        if (stateDirectory.isPresent() && !stateDirectory.get().isAbsolute()) {
            root.problem("stateDirectory", "must be an absolute path (e.g. /var/lib/simkiosk)");
        }
        ReaderChoice reader = readReader(root.object("reader"), testRig);
        List<Backend> backends = new ArrayList<>();
        for (JsonFields backend : root.objects("backends")) {
            backends.add(readBackend(backend, true, baseDir, env));
        }
        Optional<Backend> aggregator = root.optionalObject("aggregator").map(a -> readBackend(a, false, baseDir, env));
        if (backends.isEmpty() && aggregator.isEmpty()) {
            root.problem("backends", "at least one back end (or an aggregator) is needed");
        }
        Set<String> names = new HashSet<>();
        for (Backend backend : backends) {
            if (!names.add(backend.name())) {
                root.problem("backends", "two back ends are named '" + backend.name() + "'");
            }
        }
        PrinterChoice printer = readPrinter(root.object("printer"));

        List<Language> languages = new ArrayList<>();
        for (String tag : root.optionalTexts("languages").orElse(List.of("ja", "en", "zh-Hans", "zh-Hant", "ko"))) {
            Optional<Language> language = Language.fromTag(tag);
            if (language.isPresent()) {
                languages.add(language.get());
            } else {
                root.problem("languages", "unknown language '" + tag + "' (known: ja, en, zh-Hans, zh-Hant, ko)");
            }
        }
        if (languages.isEmpty()) {
            root.problem("languages", "at least one language is needed");
        }
        String defaultTag = root.optionalText("defaultLanguage").orElse("ja");
        Language defaultLanguage = Language.fromTag(defaultTag).orElse(Language.JA);
        if (Language.fromTag(defaultTag).isEmpty()) {
            root.problem("defaultLanguage", "unknown language '" + defaultTag + "'");
        } else if (!languages.isEmpty() && !languages.contains(defaultLanguage)) {
            root.problem("defaultLanguage", "'" + defaultTag + "' is not in languages");
        }

        Timeouts timeouts = readTimeouts(root.optionalObject("timeouts"));
        Optional<TelemetryConfig> telemetry = TelemetryConfig.read(root.optionalObject("telemetry"), baseDir);
        Help help = readHelp(root.optionalObject("help"));
        NetworkRoutes networkBalance = NetworkBalanceConfig.read(root.optionalObject("networkBalance"));
        return readPin(root.object("maintenancePin")).map(pin -> new KioskConfig(storeId, kioskId, reader, backends,
                aggregator, printer, languages, defaultLanguage, timeouts, pin, testRig, stateDirectory, telemetry, help,
                networkBalance));
    }

    private static Help readHelp(Optional<JsonFields> help) {
        if (help.isEmpty()) {
            return Help.DEFAULT;
        }
        JsonFields h = help.get();
        h.allowOnly(Set.of("callStaff"));
        String text = h.optionalText("callStaff").orElse("notice-and-sound");
        Optional<CallStaff> callStaff = CallStaff.parse(text);
        if (callStaff.isEmpty()) {
            h.problem("callStaff", "must be off, notice or notice-and-sound (was '" + text + "')");
        }
        return new Help(callStaff.orElse(CallStaff.NOTICE_AND_SOUND));
    }

    private static ReaderChoice readReader(JsonFields reader, boolean testRig) {
        String type = reader.text("type");
        switch (type) {
            case "pcsc" -> {
                reader.allowOnly(Set.of("type", "name"));
                Optional<String> name = reader.optionalText("name").filter(n -> !n.isBlank());
                // vpcd's readers take their card from whoever connects to TCP port 35963/35964: test rigs only.
                if (name.isPresent() && RealReadersOnly.isVirtual(name.get()) && !testRig) {
                    reader.problem("name", "'" + name.get() + "' is vsmartcard's virtual reader, which anyone on the "
                            + "network can put a card into; name a real reader, or set \"testRig\": true on a test machine");
                }
                return new ReaderChoice.Pcsc(name);
            }
            case "serial" -> {
                reader.allowOnly(Set.of("type", "device", "baud"));
                return new ReaderChoice.Serial(reader.text("device"), reader.integer("baud", 115_200, 1_200, 921_600));
            }
            case "memory" -> {
                reader.allowOnly(Set.of("type"));
                return new ReaderChoice.Memory();
            }
            default -> {
                if (!type.isEmpty()) {
                    reader.problem("type", "must be pcsc, serial or memory (was '" + type + "')");
                }
                return new ReaderChoice.Memory();
            }
        }
    }

    private static PrinterChoice readPrinter(JsonFields printer) {
        String type = printer.text("type");
        switch (type) {
            case "escpos-serial" -> {
                printer.allowOnly(Set.of("type", "device", "baud"));
                return new PrinterChoice.EscPosSerial(printer.text("device"),
                        printer.integer("baud", 9_600, 1_200, 921_600));
            }
            case "memory" -> {
                printer.allowOnly(Set.of("type"));
                return new PrinterChoice.Memory();
            }
            default -> {
                if (!type.isEmpty()) {
                    printer.problem("type", "must be escpos-serial or memory (was '" + type + "')");
                }
                return new PrinterChoice.Memory();
            }
        }
    }

    private static Backend readBackend(JsonFields backend, boolean routed, Optional<Path> baseDir,
                                       java.util.Map<String, String> env) {
        Set<String> known = new HashSet<>(Set.of("name", "baseUrl", "clientId", "clientSecret", "trustStore",
                "trustStorePassword", "clientKeyStore", "clientKeyStorePassword", "profile", "bsfUrl", "simPinIsProof", "support"));
        if (routed) {
            known.add("iccidPrefixes");
        }
        backend.allowOnly(known);
        String name = backend.id("name");
        URI baseUrl = readBaseUrl(backend);
        String clientId = backend.text("clientId");
        OAuthSettings oauth = OAuthConfig.read(backend.optionalObject("profile"), baseDir, env);
        // private_key_jwt proves the kiosk with its key: a secret is then neither needed nor sent.
        Optional<String> secret = Secrets.optional(backend, "clientSecret", baseDir, env);
        if (oauth.clientAuth() == OAuthSettings.ClientAuth.CLIENT_SECRET_BASIC && secret.isEmpty() && !backend.has("clientSecret")) {
            backend.problem("clientSecret", "missing");
        } else if (oauth.clientAuth() == OAuthSettings.ClientAuth.CLIENT_SECRET_BASIC && secret.isPresent() && secret.get().isBlank()) {
            backend.problem("clientSecret", "must not be empty");
        }
        String clientSecret = secret.orElse("");
        List<String> prefixes = routed ? backend.optionalTexts("iccidPrefixes").orElse(List.of()) : List.of();
        for (String prefix : prefixes) {
            if (!prefix.matches("89\\d{2,8}")) {
                backend.problem("iccidPrefixes", "'" + prefix + "' is not an ICCID prefix (89 and 2 to 8 digits, e.g. 898110)");
            }
        }
        if (routed && prefixes.isEmpty()) {
            backend.problem("iccidPrefixes", "missing: which SIMs does this back end serve (e.g. [\"898110\"])?");
        }
        BackendProfile profile = ProfileReader.read(backend.optionalObject("profile"));
        return new Backend(name, baseUrl, clientId, clientSecret, prefixes,
                readableFile(backend, "trustStore", baseDir), Secrets.optional(backend, "trustStorePassword", baseDir, env),
                readableFile(backend, "clientKeyStore", baseDir), Secrets.optional(backend, "clientKeyStorePassword", baseDir, env),
                profile, oauth, new SimAuthPolicy(readBsfUrl(backend), backend.bool("simPinIsProof", false)),
                readSupport(backend, profile));
    }

    /** The BSF receives the SIM's AKA answer: https, or plain http only to this machine. */
    private static Optional<URI> readBsfUrl(JsonFields backend) {
        Optional<String> text = backend.optionalText("bsfUrl").filter(t -> !t.isBlank());
        if (text.isEmpty()) {
            return Optional.empty();
        }
        try {
            URI uri = new URI(text.get());
            String scheme = uri.getScheme() == null ? "" : uri.getScheme();
            if (uri.getHost() == null || !(scheme.equals("https") || scheme.equals("http"))) {
                backend.problem("bsfUrl", "must be an https:// address (was '" + text.get() + "')");
                return Optional.empty();
            }
            if (scheme.equals("http") && !CarrierEndpoint.isLoopbackHost(uri.getHost())) {
                backend.problem("bsfUrl", "plain http is only allowed to this machine; use https://");
                return Optional.empty();
            }
            return Optional.of(uri);
        } catch (URISyntaxException e) {
            backend.problem("bsfUrl", "not an address (" + e.getReason() + ")");
            return Optional.empty();
        }
    }


    /** A QR code of this many characters still scans from a phone at the size the kiosk draws it. */
    static final int MAX_SUPPORT_URL = 256;

    private static final java.util.regex.Pattern PHONE = java.util.regex.Pattern.compile("\\+?[0-9][0-9 ()-]{2,30}");

    /**
     * {@code "support": {"phone": "0120-000-000", "url": "https://…"}}; {@code profile.supportPhone} and
     * {@code profile.supportUrl}, where an earlier version took them, are read when {@code support} is absent.
     */
    private static Support readSupport(JsonFields backend, BackendProfile profile) {
        Optional<JsonFields> support = backend.optionalObject("support");
        boolean inProfile = profile.supportPhone().isPresent() || profile.supportUrl().isPresent();
        if (support.isPresent() && inProfile) {
            backend.problem("support", "given twice: keep it here and remove profile.supportPhone/supportUrl");
        }
        Optional<String> phone;
        Optional<String> url;
        String where;
        if (support.isPresent()) {
            JsonFields s = support.get();
            s.allowOnly(Set.of("phone", "url"));
            phone = s.optionalText("phone");
            url = s.optionalText("url");
            where = "support.";
        } else {
            phone = profile.supportPhone();
            url = profile.supportUrl();
            where = "profile.support";
        }
        if (phone.isPresent() && !PHONE.matcher(phone.get()).matches()) {
            backend.problem(where + (support.isPresent() ? "phone" : "Phone"),
                    "'" + phone.get() + "' is not a phone number (digits, spaces, '-', '(', ')', a leading '+')");
            phone = Optional.empty();
        }
        Optional<URI> page = Optional.empty();
        if (url.isPresent()) {
            String field = where + (support.isPresent() ? "url" : "Url");
            try {
                URI uri = new URI(url.get());
                if (!"https".equals(uri.getScheme()) || uri.getHost() == null) {
                    backend.problem(field, "must be an https:// address (a customer's phone opens it)");
                } else if (url.get().length() > MAX_SUPPORT_URL) {
                    backend.problem(field, "longer than " + MAX_SUPPORT_URL + " characters: its QR code would be too dense to scan");
                } else {
                    page = Optional.of(uri);
                }
            } catch (URISyntaxException e) {
                backend.problem(field, "not an address (" + e.getReason() + ")");
            }
        }
        return new Support(phone, page);
    }

    /** A key or trust store: relative to the config file's folder, and readable now rather than at the first call. */
    static Optional<Path> readableFile(JsonFields backend, String field, Optional<Path> baseDir) {
        Optional<Path> file = backend.optionalText(field).map(Path::of)
                .map(p -> baseDir.map(dir -> dir.resolve(p)).orElse(p));
        if (file.isPresent() && !Files.isReadable(file.get())) {
            backend.problem(field, "cannot read " + file.get());
        }
        return file;
    }

    /** HTTPS, except to this machine (the simulator and tests). */
    private static URI readBaseUrl(JsonFields backend) {
        String text = backend.text("baseUrl");
        URI fallback = URI.create("https://invalid.example");
        if (text.isEmpty()) {
            return fallback;
        }
        try {
            URI uri = new URI(text);
            String scheme = uri.getScheme() == null ? "" : uri.getScheme();
            if (uri.getHost() == null || !(scheme.equals("https") || scheme.equals("http"))) {
                backend.problem("baseUrl", "must be an https:// address (was '" + text + "')");
                return fallback;
            }
            if (scheme.equals("http") && !CarrierEndpoint.isLoopbackHost(uri.getHost())) {
                backend.problem("baseUrl", "plain http is only allowed to this machine; use https://");
            }
            return uri;
        } catch (URISyntaxException e) {
            backend.problem("baseUrl", "not an address (" + e.getReason() + ")");
            return fallback;
        }
    }

    private static Timeouts readTimeouts(Optional<JsonFields> timeouts) {
        FlowConfig defaults = FlowConfig.defaults();
        if (timeouts.isEmpty()) {
            return new Timeouts(defaults.idleWarningAfter(), defaults.idleCountdown(), Duration.ofSeconds(5),
                    Duration.ofSeconds(3), Timeouts.DEFAULT_OUT_OF_SERVICE);
        }
        JsonFields t = timeouts.get();
        t.allowOnly(Set.of("idleWarningSeconds", "idleCountdownSeconds", "carrierCallSeconds", "cardReadSeconds",
                "outOfServiceSeconds"));
        return new Timeouts(
                Duration.ofSeconds(t.integer("idleWarningSeconds", (int) defaults.idleWarningAfter().toSeconds(), 10, 3_600)),
                Duration.ofSeconds(t.integer("idleCountdownSeconds", (int) defaults.idleCountdown().toSeconds(), 3, 120)),
                Duration.ofSeconds(t.integer("carrierCallSeconds", 5, 1, 60)),
                Duration.ofSeconds(t.integer("cardReadSeconds", 3, 1, 30)),
                Duration.ofSeconds(t.integer("outOfServiceSeconds", (int) Timeouts.DEFAULT_OUT_OF_SERVICE.toSeconds(), 10, 86_400)));
    }

    private static Optional<MaintenancePin> readPin(JsonFields pin) {
        pin.allowOnly(Set.of("algorithm", "iterations", "salt", "hash"));
        String algorithm = pin.optionalText("algorithm").orElse(MaintenancePin.ALGORITHM);
        int iterations = pin.integer("iterations", MaintenancePin.DEFAULT_ITERATIONS, MaintenancePin.MIN_ITERATIONS,
                10_000_000);
        String salt = pin.text("salt");
        String hash = pin.text("hash");
        if (salt.isEmpty() || hash.isEmpty()) {
            return Optional.empty(); // already reported as missing
        }
        try {
            return Optional.of(new MaintenancePin(algorithm, iterations, salt, hash));
        } catch (IllegalArgumentException e) {
            pin.problem("", e.getMessage() + " (make one with ./kiosk hash-pin)");
            return Optional.empty();
        }
    }
}
