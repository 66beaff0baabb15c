package com.simkiosk.testing.conformance;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.MissingNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import com.networknt.schema.Error;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.dialect.Dialect;
import com.networknt.schema.dialect.Draft4;
import com.networknt.schema.dialect.OpenApi30;
import com.networknt.schema.keyword.NonValidationKeyword;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;

/**
 * Checks JSON documents and HTTP exchanges against the official TM Forum and CAMARA documents kept in
 * {@code docs/specs} (unedited copies, Apache 2.0): TMF definitions with a JSON Schema draft-04 validator, CAMARA
 * operations with the OpenAPI 3.0 dialect, both from networknt's json-schema-validator. Extra fields are allowed, as
 * both families allow them (project extensions are extra fields). A result is a list of {@link Deviation}s, empty when
 * the document conforms.
 *
 * <pre>{@code
 * OfficialApis apis = OfficialApis.shared();
 * apis.validate(Api.TMF654_PREPAY_BALANCE, "TopupBalance_Create", json);          // a named definition / schema
 * apis.validateRequest("POST", "/tmf-api/prepayBalanceManagement/v4/topupBalance", body);   // by operation
 * apis.validateResponse("GET", "/tmf-api/productInventory/v4/product?x=y", 200, body);
 * apis.checkQuery("GET", "/tmf-api/usageManagement/v4/usage?product.id=p", Set.of()); // unknown filters
 * // each returns List<Deviation>: (JSON pointer, message, rule in the official document); empty = conforms
 * }</pre>
 *
 * <p>Immutable and thread-safe once loaded; {@link #shared()} loads the documents once per test JVM (about a second).
 */
public final class OfficialApis {
    /** Overrides where the documents are read from (a directory holding the files named by {@link Api}). */
    public static final String DIRECTORY_PROPERTY = "simkiosk.specs.dir";
    /** The documents are handed to the validator from memory under this base; nothing is ever fetched. */
    private static final String BASE_IRI = "https://specs.simkiosk.invalid/";
    private static final Pattern TEMPLATE_VARIABLE = Pattern.compile("\\{[^}/]+}");
    /** TMF630 filter operators written as a suffix of the attribute name ({@code usageDate.gte=2026-11-25}). */
    private static final Pattern FILTER_OPERATOR = Pattern.compile("\\.(gt|gte|lt|lte|eq|ne|regex)$");
    private static final Pattern TEMPLATE_PLACEHOLDER = Pattern.compile("\\{ \\{ ([A-Z_]+) } }");
    private static final List<String> TMF_LIST_PARAMETERS = List.of("fields", "offset", "limit", "sort");

    private static volatile OfficialApis shared;

    private final Path directory;
    private final Map<Api, JsonNode> documents = new EnumMap<>(Api.class);
    private final Map<Api, String> basePaths = new EnumMap<>(Api.class);
    private final JsonNode camaraCommon;
    private final SchemaRegistry tmfRegistry;
    private final SchemaRegistry camaraRegistry;
    private final Map<String, Schema> schemas = new ConcurrentHashMap<>();
    private final ObjectMapper json = new ObjectMapper();

    private OfficialApis(Path directory) {
        this.directory = directory;
        Map<String, String> texts = new HashMap<>();
        YAMLMapper yaml = new YAMLMapper();
        for (Api api : Api.values()) {
            String text = read(directory.resolve(api.file()));
            texts.put(iri(api.file()), text);
            JsonNode doc = parse(api.isTmf() ? json : yaml, api.file(), text);
            documents.put(api, doc);
            basePaths.put(api, basePath(api, doc));
        }
        String common = withoutTemplatePlaceholders(read(directory.resolve(Api.CAMARA_COMMON)));
        texts.put(iri(Api.CAMARA_COMMON), common);
        camaraCommon = parse(yaml, Api.CAMARA_COMMON, common);
        // The documents are Swagger/OpenAPI files, not bare schemas: their top-level and annotation keywords
        // (paths, info, example, discriminator, …) carry no validation rule, so they are accepted silently.
        tmfRegistry = SchemaRegistry.withDialect(quiet(Draft4.getInstance()), b -> b.schemas(texts));
        camaraRegistry = SchemaRegistry.withDialect(quiet(OpenApi30.getInstance()), b -> b.schemas(texts));
    }

    /** The documents found by {@link #locate()}, loaded once per JVM. */
    public static OfficialApis shared() {
        OfficialApis apis = shared;
        if (apis == null) {
            synchronized (OfficialApis.class) {
                apis = shared;
                if (apis == null) {
                    apis = load(locate());
                    shared = apis;
                }
            }
        }
        return apis;
    }

    public static OfficialApis load(Path directory) {
        return new OfficialApis(directory);
    }

    /**
     * The directory of the official documents: the system property {@value #DIRECTORY_PROPERTY} if set, else
     * {@code docs/specs} of the repository (found walking up from the working directory, so every module's tests and
     * a fresh clone anywhere find it), else a {@code shared/specs} beside the repository.
     */
    public static Path locate() {
        String configured = System.getProperty(DIRECTORY_PROPERTY);
        if (configured != null && !configured.isBlank()) {
            Path dir = Path.of(configured).toAbsolutePath();
            if (!holdsDocuments(dir)) {
                throw new IllegalStateException(DIRECTORY_PROPERTY + "=" + configured
                        + " does not hold the official documents (" + Api.TMF637_PRODUCT_INVENTORY.file() + ", …)");
            }
            return dir;
        }
        Path start = Path.of(System.getProperty("user.dir")).toAbsolutePath();
        for (Path dir = start; dir != null; dir = dir.getParent()) {
            for (Path candidate : List.of(dir.resolve("docs/specs"), dir.resolve("shared/specs"))) {
                if (holdsDocuments(candidate)) {
                    return candidate;
                }
            }
        }
        throw new IllegalStateException("the official TMF/CAMARA documents (docs/specs) were not found above " + start
                + "; set -D" + DIRECTORY_PROPERTY + "=<directory>");
    }

    private static boolean holdsDocuments(Path dir) {
        for (Api api : Api.values()) {
            if (!Files.isRegularFile(dir.resolve(api.file()))) {
                return false;
            }
        }
        return Files.isRegularFile(dir.resolve(Api.CAMARA_COMMON));
    }

    public Path directory() {
        return directory;
    }

    /** The whole document (Swagger 2.0 or OpenAPI 3.0) as a tree. */
    public JsonNode document(Api api) {
        return documents.get(api);
    }

    /** {@code /tmf-api/productInventory/v4}, {@code /one-time-password-sms/v1}: where the document's paths start. */
    public String basePath(Api api) {
        return basePaths.get(api);
    }

    // ---------------------------------------------------------------------------------------------------------- by name

    /** Checks a JSON text against a named TMF definition ({@code TopupBalance_Create}) or CAMARA schema. */
    public List<Deviation> validate(Api api, String schemaName, String jsonText) {
        Optional<JsonNode> instance = readJson(jsonText);
        if (instance.isEmpty()) {
            return List.of(notJson(jsonText));
        }
        return validate(api, schemaName, instance.get());
    }

    public List<Deviation> validate(Api api, String schemaName, JsonNode instance) {
        String pointer = api.schemaPointer(schemaName);
        if (document(api).at(pointer).isMissingNode()) {
            throw new IllegalArgumentException(api.file() + " has no schema " + schemaName);
        }
        return validateAt(api.isTmf(), api.file(), pointer, instance);
    }

    // ------------------------------------------------------------------------------------------------- by operation

    /** The documented operation a request goes to, if any document has it. */
    public Optional<Operation> operation(String method, String pathAndQuery) {
        String path = URI.create(pathAndQuery).getRawPath();
        String verb = method.toLowerCase(Locale.ROOT);
        for (Api api : Api.values()) {
            String base = basePath(api);
            if (!path.startsWith(base + "/")) {
                continue;
            }
            String rest = path.substring(base.length());
            for (Map.Entry<String, JsonNode> entry : document(api).path("paths").properties()) {
                if (matches(entry.getKey(), rest) && entry.getValue().has(verb)) {
                    return Optional.of(new Operation(api, entry.getKey(), verb));
                }
            }
        }
        return Optional.empty();
    }

    /** Checks a request body against its operation's documented body (TMF {@code in: body}, CAMARA requestBody). */
    public List<Deviation> validateRequest(String method, String pathAndQuery, String body) {
        Optional<Operation> found = operation(method, pathAndQuery);
        if (found.isEmpty()) {
            return List.of(undocumented(method, pathAndQuery));
        }
        Operation op = found.get();
        Optional<String> schema = op.api().isTmf() ? tmfRequestSchema(op) : camaraRequestSchema(op);
        if (schema.isEmpty()) {
            return body == null || body.isBlank() ? List.of()
                    : List.of(new Deviation("", op + " takes no request body", op.api().file()));
        }
        return validateText(op.api().isTmf(), op.api().file(), schema.get(), body);
    }

    /**
     * Checks a response body against what the operation documents for that status. An error status the TMF
     * operation does not list is checked against TMF630 {@code Error}; one a CAMARA operation does not list against
     * the generic CAMARA_common answer ({@code Generic503}, …) when there is one.
     */
    public List<Deviation> validateResponse(String method, String pathAndQuery, int status, String body) {
        Optional<Operation> found = operation(method, pathAndQuery);
        if (found.isEmpty()) {
            return List.of(undocumented(method, pathAndQuery));
        }
        Operation op = found.get();
        return op.api().isTmf() ? tmfResponse(op, status, body) : camaraResponse(op, status, body);
    }

    /**
     * The query parameters of a request that the document does not define, minus the given extensions. TMF list
     * filters are attribute paths of the listed resource (TMF630: {@code realizingResource.id}, {@code usageDate.gte}),
     * plus {@code fields}, {@code offset}, {@code limit}, {@code sort}; CAMARA operations name theirs.
     */
    public List<Deviation> checkQuery(String method, String pathAndQuery, Set<String> extensions) {
        Optional<Operation> found = operation(method, pathAndQuery);
        if (found.isEmpty()) {
            return List.of(undocumented(method, pathAndQuery));
        }
        Operation op = found.get();
        String query = URI.create(pathAndQuery).getRawQuery();
        if (query == null || query.isEmpty()) {
            return List.of();
        }
        List<Deviation> unknown = new ArrayList<>();
        for (String pair : query.split("&")) {
            String name = URLDecoder.decode(pair.split("=", 2)[0], StandardCharsets.UTF_8);
            if (extensions.contains(name) || declaredParameter(op, name)) {
                continue;
            }
            if (op.api().isTmf() && TMF_LIST_PARAMETERS.contains(name)) {
                continue;
            }
            if (op.api().isTmf() && isAttributeFilter(op, name)) {
                continue;
            }
            unknown.add(new Deviation("?" + name, "query parameter " + name + " is not defined by " + op
                    + (op.api().isTmf() ? " (not an attribute of the listed resource)" : ""), op.api().file()));
        }
        return unknown;
    }

    // ------------------------------------------------------------------------------------------------------ TMF

    private Optional<String> tmfRequestSchema(Operation op) {
        JsonNode parameters = op.node(this).path("parameters");
        for (int i = 0; i < parameters.size(); i++) {
            if ("body".equals(parameters.get(i).path("in").asText())) {
                return Optional.of(op.pointer() + "/parameters/" + i + "/schema");
            }
        }
        return Optional.empty();
    }

    private List<Deviation> tmfResponse(Operation op, int status, String body) {
        JsonNode responses = op.node(this).path("responses");
        String code = Integer.toString(status);
        if (!responses.has(code)) {
            if (status >= 400) {
                return validateText(true, op.api().file(), "/definitions/Error", body);
            }
            return List.of(new Deviation("", "status " + status + " is not documented for " + op + " (documented: "
                    + fieldNames(responses) + ")", op.api().file()));
        }
        JsonNode response = responses.get(code);
        if (!response.has("schema")) {
            return body == null || body.isBlank() ? List.of()
                    : List.of(new Deviation("", op + " answers " + status + " without a body", op.api().file()));
        }
        return validateText(true, op.api().file(), op.pointer() + Pointers.join("responses", code, "schema"), body);
    }

    private boolean isAttributeFilter(Operation op, String name) {
        JsonNode listed = op.node(this).path("responses").path("200").path("schema");
        JsonNode resource = listed.has("items") ? listed.get("items") : listed;
        String attribute = FILTER_OPERATOR.matcher(name).replaceFirst("");
        JsonNode schema = resolve(op.api(), resource);
        for (String segment : attribute.split("\\.")) {
            JsonNode property = schema.path("properties").path(segment);
            if (property.isMissingNode()) {
                return false;
            }
            schema = resolve(op.api(), property);
            if (schema.has("items")) {
                schema = resolve(op.api(), schema.get("items"));
            }
        }
        return true;
    }

    private JsonNode resolve(Api api, JsonNode schema) {
        JsonNode current = schema;
        for (int i = 0; i < 16 && current.has("$ref"); i++) {
            String ref = current.get("$ref").asText();
            if (!ref.startsWith("#")) {
                return MissingNode.getInstance();
            }
            current = document(api).at(ref.substring(1));
        }
        return current;
    }

    // --------------------------------------------------------------------------------------------------- CAMARA

    private Optional<String> camaraRequestSchema(Operation op) {
        JsonNode requestBody = op.node(this).path("requestBody");
        if (requestBody.isMissingNode()) {
            return Optional.empty();
        }
        String pointer = op.pointer() + "/requestBody";
        if (requestBody.has("$ref")) {
            pointer = requestBody.get("$ref").asText().substring(1);
        }
        return Optional.of(pointer + Pointers.join("content", "application/json", "schema"));
    }

    private List<Deviation> camaraResponse(Operation op, int status, String body) {
        String code = Integer.toString(status);
        JsonNode response = op.node(this).path("responses").path(code);
        String file = op.api().file();
        String pointer = op.pointer() + Pointers.join("responses", code);
        if (response.isMissingNode()) {
            String generic = "/components/responses/Generic" + code;
            if (status < 400 || camaraCommon.at(generic).isMissingNode()) {
                return List.of(new Deviation("", "status " + status + " is not documented for " + op + " (documented: "
                        + fieldNames(op.node(this).path("responses")) + ")", file));
            }
            file = Api.CAMARA_COMMON;
            pointer = generic;
            response = camaraCommon.at(generic);
        } else if (response.has("$ref")) {
            pointer = response.get("$ref").asText().substring(1);
            response = document(op.api()).at(pointer);
        }
        JsonNode schema = response.path("content").path("application/json").path("schema");
        if (schema.isMissingNode()) {
            return body == null || body.isBlank() ? List.of()
                    : List.of(new Deviation("", op + " answers " + status + " without a body", file));
        }
        return validateText(false, file, pointer + Pointers.join("content", "application/json", "schema"), body);
    }

    private boolean declaredParameter(Operation op, String name) {
        for (JsonNode p : op.node(this).path("parameters")) {
            JsonNode param = p.has("$ref") ? document(op.api()).at(p.get("$ref").asText().substring(1)) : p;
            if ("query".equals(param.path("in").asText()) && name.equals(param.path("name").asText())) {
                return true;
            }
        }
        return false;
    }

    // --------------------------------------------------------------------------------------------------- common

    private List<Deviation> validateText(boolean tmf, String file, String pointer, String body) {
        Optional<JsonNode> instance = readJson(body);
        if (instance.isEmpty()) {
            return List.of(notJson(body));
        }
        return validateAt(tmf, file, pointer, instance.get());
    }

    private List<Deviation> validateAt(boolean tmf, String file, String pointer, JsonNode instance) {
        String location = iri(file) + "#" + pointer;
        Schema schema = schemas.computeIfAbsent(location,
                l -> (tmf ? tmfRegistry : camaraRegistry).getSchema(SchemaLocation.of(l)));
        List<Deviation> found = new ArrayList<>();
        for (Error e : schema.validate(instance)) {
            String rule = e.getSchemaLocation() == null ? file + "#" + pointer
                    : e.getSchemaLocation().toString().replace(BASE_IRI, "");
            found.add(new Deviation(e.getInstanceLocation().toString(), e.getMessage(), rule));
        }
        return found;
    }

    private Optional<JsonNode> readJson(String text) {
        if (text == null || text.isBlank()) {
            return Optional.empty();
        }
        try {
            return Optional.of(json.readTree(text));
        } catch (JsonProcessingException e) {
            return Optional.empty();
        }
    }

    private static Deviation notJson(String text) {
        return new Deviation("", text == null || text.isBlank() ? "the body is empty, a JSON document is documented"
                : "the body is not JSON", "");
    }

    private static Deviation undocumented(String method, String pathAndQuery) {
        return new Deviation("", "no official document has " + method.toUpperCase(Locale.ROOT) + " "
                + URI.create(pathAndQuery).getRawPath(), "");
    }

    private static boolean matches(String template, String path) {
        String regex = TEMPLATE_VARIABLE.matcher(Pattern.quote(template)).replaceAll("\\\\E[^/]+\\\\Q");
        return path.matches(regex);
    }

    private static String basePath(Api api, JsonNode doc) {
        String base = api.isTmf() ? doc.path("basePath").asText()
                : doc.path("servers").path(0).path("url").asText().replace("{apiRoot}", "");
        if (base.isEmpty() || !base.startsWith("/")) {
            throw new IllegalStateException(api.file() + " has no usable base path: " + base);
        }
        return base.endsWith("/") ? base.substring(0, base.length() - 1) : base;
    }

    private static String fieldNames(JsonNode node) {
        return String.join(", ", node.properties().stream().map(Map.Entry::getKey).toList());
    }

    private static Dialect quiet(Dialect dialect) {
        return Dialect.builder(dialect).unknownKeywordFactory((name, context) -> new NonValidationKeyword(name)).build();
    }

    private static String iri(String file) {
        return BASE_IRI + file;
    }

    private static String read(Path file) {
        try {
            return Files.readString(file);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read official document " + file, e);
        }
    }

    /**
     * CAMARA_common is also a template: some of its examples hold {@code code: { { SPECIFIC_CODE } }}, a YAML
     * mapping with a mapping as key that no JSON tree can hold. Only examples have them (no validation rule), so they
     * are read as the strings they stand for.
     */
    private static String withoutTemplatePlaceholders(String yaml) {
        return TEMPLATE_PLACEHOLDER.matcher(yaml).replaceAll("\"{{$1}}\"");
    }

    private static JsonNode parse(ObjectMapper mapper, String name, String text) {
        try {
            return mapper.readTree(text);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("official document " + name + " does not parse", e);
        }
    }

    /** A documented operation: the document, its path template ({@code /product/{id}}) and HTTP method. */
    public record Operation(Api api, String pathTemplate, String method) {
        String pointer() {
            return Pointers.join("paths", pathTemplate, method);
        }

        JsonNode node(OfficialApis apis) {
            return apis.document(api).at(pointer());
        }

        @Override
        public String toString() {
            return method.toUpperCase(Locale.ROOT) + " " + pathTemplate + " (" + api.file() + ")";
        }
    }
}
