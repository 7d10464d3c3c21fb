package io.meetingintel.devregistry;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Function;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import org.apache.avro.Schema;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * A development schema registry: the subset of the Confluent Schema Registry REST API the platform uses, with the same
 * payloads and error codes, over the JDK's built-in HTTP server so it starts in milliseconds inside tests and the local
 * stack. State lives in memory ({@link SchemaStore}) and is lost on close.
 */
public final class DevSchemaRegistry implements AutoCloseable {

    public static final String CONTENT_TYPE = "application/vnd.schemaregistry.v1+json";
    static final int DEFAULT_PORT = 8081;

    private static final Logger log = LoggerFactory.getLogger(DevSchemaRegistry.class);
    private static final int WORKER_THREADS = 4;
    private static final JsonMapper json = JsonMapper.shared();

    private final SchemaStore store;
    private final List<Route> routes;

    private final HttpServer server;
    private final ExecutorService workers;

    private DevSchemaRegistry(int port, SchemaStore store) throws IOException {
        this.store = store;
        routes = List.of(
                new Route("GET", "/", request -> Map.of()),
                new Route("GET", "/subjects", request -> store.subjects()),
                new Route("POST", "/subjects/{subject}/versions", this::register),
                new Route("GET", "/subjects/{subject}/versions", request -> store.versions(request.subject())),
                new Route("GET", "/subjects/{subject}/versions/{version}", this::getVersion),
                new Route("POST", "/subjects/{subject}", this::lookup),
                new Route("GET", "/schemas/ids/{id}", this::getSchemaById),
                new Route("POST", "/compatibility/subjects/{subject}/versions/{version}", this::checkCompatibility),
                new Route("GET", "/config", request -> Map.of("compatibilityLevel", store.globalLevel())),
                new Route("PUT", "/config", this::setGlobalLevel),
                new Route("GET", "/config/{subject}", this::getSubjectLevel),
                new Route("PUT", "/config/{subject}", this::setSubjectLevel));
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", port), 0);
        workers = Executors.newFixedThreadPool(WORKER_THREADS,
                Thread.ofPlatform().name("dev-schema-registry-", 1).daemon().factory());
        server.setExecutor(workers);
        server.createContext("/", this::handle);
        server.start();
    }

    /** Starts a registry on 127.0.0.1; port 0 picks a free port (see {@link #url()}). */
    public static DevSchemaRegistry start(int port) {
        return start(port, new SchemaStore());
    }

    /**
     * Starts a registry serving an existing store: a registry restarted on the same store keeps its ids, as a real
     * registry does (its storage is durable).
     */
    public static DevSchemaRegistry start(int port, SchemaStore store) {
        try {
            DevSchemaRegistry registry = new DevSchemaRegistry(port, store);
            log.info("Development schema registry listening on {}", registry.url());
            return registry;
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot start the development schema registry on port " + port, e);
        }
    }

    /** Runs the registry until the JVM stops. Port: first argument, else {@code SCHEMA_REGISTRY_PORT}, else 8081. */
    public static void main(String[] args) throws InterruptedException {
        String port = args.length > 0 ? args[0] : System.getenv().getOrDefault("SCHEMA_REGISTRY_PORT", "");
        DevSchemaRegistry registry = start(port.isBlank() ? DEFAULT_PORT : Integer.parseInt(port.strip()));
        Runtime.getRuntime().addShutdownHook(new Thread(registry::close));
        Thread.currentThread().join();
    }

    /** Base URL for clients, e.g. {@code http://127.0.0.1:8081}. */
    public String url() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    @Override
    public void close() {
        server.stop(0);
        workers.shutdownNow();
    }

    private Object register(Request request) {
        return Map.of("id", store.register(request.subject(), request.schema()).id());
    }

    private Object lookup(Request request) {
        return versionBody(store.lookup(request.subject(), request.schema()));
    }

    private Object getVersion(Request request) {
        String version = request.param("version");
        return versionBody(isLatest(version)
                ? store.latest(request.subject())
                : store.version(request.subject(), parseVersion(version)));
    }

    private Object getSchemaById(Request request) {
        String id = request.param("id");
        try {
            return Map.of("schema", store.schemaById(Integer.parseInt(id)).toString());
        } catch (NumberFormatException e) {
            throw new RegistryException(404, RegistryException.SCHEMA_NOT_FOUND, "Schema '" + id + "' not found");
        }
    }

    private Object checkCompatibility(Request request) {
        String version = request.param("version");
        Schema schema = request.schema();
        boolean compatible = isLatest(version)
                ? store.isCompatibleWithLatest(request.subject(), schema)
                : store.isCompatibleWithVersion(request.subject(), parseVersion(version), schema);
        return Map.of("is_compatible", compatible);
    }

    private Object setGlobalLevel(Request request) {
        CompatibilityLevel level = request.compatibilityLevel();
        store.setGlobalLevel(level);
        return Map.of("compatibility", level);
    }

    private Object getSubjectLevel(Request request) {
        String subject = request.subject();
        Optional<CompatibilityLevel> level = store.subjectLevel(subject);
        if (level.isEmpty() && "true".equalsIgnoreCase(request.query().get("defaultToGlobal"))) {
            level = Optional.of(store.globalLevel());
        }
        return Map.of("compatibilityLevel", level.orElseThrow(() -> new RegistryException(404,
                RegistryException.SUBJECT_LEVEL_COMPATIBILITY_NOT_CONFIGURED,
                "Subject '" + subject + "' does not have subject-level compatibility configured")));
    }

    private Object setSubjectLevel(Request request) {
        CompatibilityLevel level = request.compatibilityLevel();
        store.setSubjectLevel(request.subject(), level);
        return Map.of("compatibility", level);
    }

    private static Map<String, Object> versionBody(SchemaStore.SubjectVersion version) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("subject", version.subject());
        body.put("version", version.version());
        body.put("id", version.id());
        body.put("schema", version.schema().toString());
        return body;
    }

    private static boolean isLatest(String version) {
        return "latest".equals(version) || "-1".equals(version);
    }

    private static int parseVersion(String version) {
        try {
            int parsed = Integer.parseInt(version);
            if (parsed >= 1) {
                return parsed;
            }
        } catch (NumberFormatException e) {
            // reported below, like any other out-of-range value
        }
        throw new RegistryException(422, RegistryException.INVALID_VERSION, "The specified version '" + version
                + "' is not a valid version id. Allowed values are between [1, 2^31-1] and the string \"latest\"");
    }

    private void handle(HttpExchange exchange) {
        try (exchange) {
            int status;
            Object body;
            try {
                status = 200;
                body = dispatch(exchange);
            } catch (RegistryException e) {
                status = e.httpStatus();
                body = errorBody(e.errorCode(), e.getMessage());
            } catch (RuntimeException e) {
                log.warn("Development schema registry failed on {} {}", exchange.getRequestMethod(),
                        exchange.getRequestURI(), e);
                status = 500;
                body = errorBody(50001, "Internal error: " + e);
            }
            byte[] bytes = json.writeValueAsBytes(body);
            exchange.getResponseHeaders().set("Content-Type", CONTENT_TYPE);
            exchange.sendResponseHeaders(status, bytes.length);
            exchange.getResponseBody().write(bytes);
        } catch (IOException e) {
            log.debug("Development schema registry could not answer (client gone?)", e);
        }
    }

    private Object dispatch(HttpExchange exchange) throws IOException {
        List<String> segments = segments(exchange.getRequestURI().getRawPath());
        boolean pathKnown = false;
        for (Route route : routes) {
            Map<String, String> params = route.match(segments);
            if (params == null) {
                continue;
            }
            pathKnown = true;
            if (route.method().equals(exchange.getRequestMethod())) {
                byte[] body = exchange.getRequestBody().readAllBytes();
                return route.endpoint().apply(new Request(params, query(exchange.getRequestURI().getRawQuery()), body));
            }
        }
        throw pathKnown
                ? new RegistryException(405, 405, "HTTP 405 Method Not Allowed: " + exchange.getRequestMethod()
                        + " " + exchange.getRequestURI().getPath())
                : new RegistryException(404, 404, "HTTP 404 Not Found: " + exchange.getRequestURI().getPath());
    }

    private static Map<String, Object> errorBody(int errorCode, String message) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("error_code", errorCode);
        body.put("message", message);
        return body;
    }

    private static List<String> segments(String rawPath) {
        return Arrays.stream(rawPath.split("/"))
                .filter(segment -> !segment.isEmpty())
                .map(segment -> URLDecoder.decode(segment, StandardCharsets.UTF_8))
                .toList();
    }

    private static Map<String, String> query(String rawQuery) {
        Map<String, String> query = new HashMap<>();
        if (rawQuery != null) {
            for (String pair : rawQuery.split("&")) {
                String[] keyValue = pair.split("=", 2);
                query.put(URLDecoder.decode(keyValue[0], StandardCharsets.UTF_8),
                        keyValue.length > 1 ? URLDecoder.decode(keyValue[1], StandardCharsets.UTF_8) : "");
            }
        }
        return query;
    }

    /** An endpoint and its path template; {@code {name}} segments capture path parameters. */
    private record Route(String method, List<String> template, Function<Request, Object> endpoint) {

        Route(String method, String template, Function<Request, Object> endpoint) {
            this(method, segments(template), endpoint);
        }

        /** The captured parameters, or null when the path does not have this route's shape. */
        Map<String, String> match(List<String> segments) {
            if (segments.size() != template.size()) {
                return null;
            }
            Map<String, String> params = new HashMap<>();
            for (int i = 0; i < segments.size(); i++) {
                String expected = template.get(i);
                if (expected.startsWith("{")) {
                    params.put(expected.substring(1, expected.length() - 1), segments.get(i));
                } else if (!expected.equals(segments.get(i))) {
                    return null;
                }
            }
            return params;
        }
    }

    private record Request(Map<String, String> params, Map<String, String> query, byte[] body) {

        String param(String name) {
            return params.get(name);
        }

        String subject() {
            return param("subject");
        }

        /** The Avro schema of a {@code {"schema": "...", "schemaType": "AVRO"}} body. */
        Schema schema() {
            JsonNode request = jsonBody();
            String schemaType = request.path("schemaType").stringValue("AVRO");
            if (!"AVRO".equalsIgnoreCase(schemaType)) {
                throw RegistryException.invalidSchema("only AVRO schemas are supported, not " + schemaType);
            }
            return SchemaStore.parse(request.path("schema").stringValue(null));
        }

        /** The level of a {@code {"compatibility": "..."}} body. */
        CompatibilityLevel compatibilityLevel() {
            String level = jsonBody().path("compatibility").stringValue("");
            try {
                return CompatibilityLevel.valueOf(level.toUpperCase(Locale.ROOT));
            } catch (IllegalArgumentException e) {
                throw new RegistryException(422, RegistryException.INVALID_COMPATIBILITY_LEVEL,
                        "Invalid compatibility level. Valid values are none, backward, forward, full,"
                                + " backward_transitive, forward_transitive, and full_transitive: '" + level + "'");
            }
        }

        private JsonNode jsonBody() {
            try {
                JsonNode node = json.readTree(body);
                if (node == null || !node.isObject()) {
                    throw new RegistryException(400, 400, "Request body must be a JSON object");
                }
                return node;
            } catch (JacksonException e) {
                throw new RegistryException(400, 400, "Malformed JSON request body: " + e.getOriginalMessage());
            }
        }
    }
}
