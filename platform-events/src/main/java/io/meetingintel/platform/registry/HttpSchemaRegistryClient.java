package io.meetingintel.platform.registry;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpRequest.BodyPublishers;
import java.net.http.HttpResponse;
import java.net.http.HttpResponse.BodyHandlers;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ThreadLocalRandom;

import org.apache.avro.Schema;
import org.apache.avro.SchemaParseException;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * {@link SchemaRegistryClient} over the Confluent Schema Registry REST API. Ids and schemas are cached for the life of
 * the client (they never change once registered); concurrent callers asking for the same one wait for a single request.
 * Transient failures (I/O errors, timeouts, 5xx, 429) are retried with exponential backoff and jitter, then reported as
 * {@link SchemaRegistryUnavailableException}; refusals (4xx) are never retried and map to
 * {@link SchemaRegistryRequestException} and its subclasses.
 */
public final class HttpSchemaRegistryClient implements SchemaRegistryClient, AutoCloseable {

    public static final String CONTENT_TYPE = "application/vnd.schemaregistry.v1+json";
    /** Caps the exponential backoff so a large attempt count cannot produce absurd waits. */
    static final Duration MAX_BACKOFF = Duration.ofSeconds(10);

    private static final int TOO_MANY_REQUESTS = 429;
    private static final int MAX_BODY_IN_MESSAGE = 200;

    private final String baseUrl;
    private final Duration requestTimeout;
    private final int maxAttempts;
    private final Duration baseBackoff;
    private final String authorization;
    private final HttpClient http;
    private final JsonMapper json = JsonMapper.shared();
    private final Map<SubjectSchema, Integer> idsBySubjectAndSchema = new ConcurrentHashMap<>();
    private final Map<Integer, Schema> schemasById = new ConcurrentHashMap<>();

    private HttpSchemaRegistryClient(Builder builder) {
        this.baseUrl = builder.baseUrl.toString().replaceAll("/+$", "");
        this.requestTimeout = builder.requestTimeout;
        this.maxAttempts = builder.maxAttempts;
        this.baseBackoff = builder.baseBackoff;
        this.authorization = builder.basicAuthUserInfo == null ? null : "Basic " + Base64.getEncoder()
                .encodeToString(builder.basicAuthUserInfo.getBytes(StandardCharsets.UTF_8));
        this.http = HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(requestTimeout)
                .build();
    }

    /** A builder for a registry at this base URL, e.g. {@code http://localhost:8081}. */
    public static Builder builder(URI baseUrl) {
        return new Builder(baseUrl);
    }

    @Override
    public int register(String subject, Schema schema) {
        return idsBySubjectAndSchema.computeIfAbsent(new SubjectSchema(subject, schema), key -> {
            int id = requiredInt(send("POST", subjectPath(subject) + "/versions", schemaBody(schema)), "id");
            schemasById.putIfAbsent(id, schema);
            return id;
        });
    }

    @Override
    public int lookup(String subject, Schema schema) {
        return idsBySubjectAndSchema.computeIfAbsent(new SubjectSchema(subject, schema),
                key -> requiredInt(send("POST", subjectPath(subject), schemaBody(schema)), "id"));
    }

    @Override
    public Schema getSchemaById(int id) {
        return schemasById.computeIfAbsent(id, key -> {
            Response response = send("GET", "/schemas/ids/" + id, null);
            try {
                return new Schema.Parser().parse(requiredString(response, "schema"));
            } catch (SchemaParseException e) {
                throw new SchemaRegistryException("Schema registry returned an invalid Avro schema for id " + id
                        + " (" + response.request() + ")", e);
            }
        });
    }

    /** Not cached: the answer changes as versions are registered and levels are changed. */
    @Override
    public boolean isCompatible(String subject, Schema schema) {
        try {
            Response response = send("POST", "/compatibility" + subjectPath(subject) + "/versions/latest",
                    schemaBody(schema));
            JsonNode compatible = response.body().get("is_compatible");
            if (compatible == null || !compatible.isBoolean()) {
                throw unexpected(response, "no boolean 'is_compatible'");
            }
            return compatible.booleanValue();
        } catch (SchemaNotFoundException e) {
            // A subject without versions has nothing the schema could conflict with.
            if (e.errorCode() == SchemaNotFoundException.SUBJECT_NOT_FOUND) {
                return true;
            }
            throw e;
        }
    }

    @Override
    public void close() {
        http.close();
    }

    private Response send(String method, String path, byte[] body) {
        HttpRequest request = request(method, path, body);
        String described = method + " " + request.uri();
        String lastFailure;
        Throwable lastCause;
        for (int attempt = 1; ; attempt++) {
            try {
                HttpResponse<byte[]> response = http.send(request, BodyHandlers.ofByteArray());
                int status = response.statusCode();
                if (status >= 200 && status < 300) {
                    return new Response(described, parse(response.body(), described));
                }
                if (status < 500 && status != TOO_MANY_REQUESTS) {
                    throw refusal(described, status, response.body());
                }
                lastFailure = "HTTP " + status + " " + abbreviate(response.body());
                lastCause = null;
            } catch (IOException e) {
                // Refused connections, resets and HttpTimeoutException all land here: all worth another try.
                lastFailure = e.toString();
                lastCause = e;
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new SchemaRegistryUnavailableException("Interrupted during " + described, attempt, e);
            }
            if (attempt >= maxAttempts) {
                throw new SchemaRegistryUnavailableException("Schema registry unavailable: " + described + " failed "
                        + attempt + " times, last failure: " + lastFailure, attempt, lastCause);
            }
            sleepBeforeRetry(attempt, described);
        }
    }

    private HttpRequest request(String method, String path, byte[] body) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(baseUrl + path))
                .timeout(requestTimeout)
                .header("Accept", CONTENT_TYPE + ", application/json");
        if (authorization != null) {
            request.header("Authorization", authorization);
        }
        if (body == null) {
            return request.GET().build();
        }
        return request.header("Content-Type", CONTENT_TYPE).method(method, BodyPublishers.ofByteArray(body)).build();
    }

    /** Exponential backoff with equal jitter: half the delay is fixed, half random, so retries spread out. */
    private void sleepBeforeRetry(int attempt, String described) {
        long exponentialMillis = Math.min(MAX_BACKOFF.toMillis(), baseBackoff.toMillis() << Math.min(attempt - 1, 20));
        long half = exponentialMillis / 2;
        try {
            Thread.sleep(half + ThreadLocalRandom.current().nextLong(exponentialMillis - half + 1));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new SchemaRegistryUnavailableException("Interrupted while retrying " + described, attempt, e);
        }
    }

    private JsonNode parse(byte[] body, String described) {
        try {
            return json.readTree(body);
        } catch (JacksonException e) {
            throw new SchemaRegistryException("Schema registry sent a response that is not JSON for " + described
                    + ": " + abbreviate(body), e);
        }
    }

    private SchemaRegistryRequestException refusal(String described, int status, byte[] body) {
        int errorCode = SchemaRegistryRequestException.NO_ERROR_CODE;
        String message = abbreviate(body);
        try {
            JsonNode error = json.readTree(body);
            if (error != null) {
                errorCode = error.path("error_code").intValue(errorCode);
                message = error.path("message").stringValue(message);
            }
        } catch (JacksonException e) {
            // Not a registry error body (a proxy page, say): the raw text is the best message there is.
        }
        return SchemaRegistryRequestException.of(described, status, errorCode, message);
    }

    private static int requiredInt(Response response, String field) {
        JsonNode value = response.body().get(field);
        if (value == null || !value.canConvertToInt()) {
            throw unexpected(response, "no integer '" + field + "'");
        }
        return value.intValue();
    }

    private static String requiredString(Response response, String field) {
        JsonNode value = response.body().get(field);
        if (value == null || !value.isString()) {
            throw unexpected(response, "no string '" + field + "'");
        }
        return value.stringValue();
    }

    private static SchemaRegistryException unexpected(Response response, String problem) {
        return new SchemaRegistryException("Unexpected schema registry response to " + response.request() + ": "
                + problem + " in " + abbreviate(response.body().toString().getBytes(StandardCharsets.UTF_8)));
    }

    private byte[] schemaBody(Schema schema) {
        return json.writeValueAsBytes(Map.of("schema", schema.toString()));
    }

    private static String subjectPath(String subject) {
        return "/subjects/" + URLEncoder.encode(subject, StandardCharsets.UTF_8).replace("+", "%20");
    }

    private static String abbreviate(byte[] body) {
        String text = new String(body, StandardCharsets.UTF_8).strip();
        return text.length() <= MAX_BODY_IN_MESSAGE ? text : text.substring(0, MAX_BODY_IN_MESSAGE) + "...";
    }

    private record SubjectSchema(String subject, Schema schema) {
    }

    private record Response(String request, JsonNode body) {
    }

    /** Settings of an {@link HttpSchemaRegistryClient}; the defaults suit production. */
    public static final class Builder {

        private final URI baseUrl;
        private Duration requestTimeout = Duration.ofSeconds(5);
        private int maxAttempts = 5;
        private Duration baseBackoff = Duration.ofMillis(100);
        private String basicAuthUserInfo;

        private Builder(URI baseUrl) {
            this.baseUrl = Objects.requireNonNull(baseUrl, "baseUrl");
        }

        /** Time limit of one request (and of connecting). */
        public Builder requestTimeout(Duration requestTimeout) {
            this.requestTimeout = requestTimeout;
            return this;
        }

        /** Requests sent before giving up on a transient failure, the first one included. */
        public Builder maxAttempts(int maxAttempts) {
            if (maxAttempts < 1) {
                throw new IllegalArgumentException("maxAttempts must be at least 1, not " + maxAttempts);
            }
            this.maxAttempts = maxAttempts;
            return this;
        }

        /** Delay before the first retry; it doubles for every further retry, with jitter. */
        public Builder baseBackoff(Duration baseBackoff) {
            this.baseBackoff = baseBackoff;
            return this;
        }

        /** HTTP basic authentication as {@code user:password} (Confluent's {@code basic.auth.user.info}). */
        public Builder basicAuth(String userInfo) {
            this.basicAuthUserInfo = userInfo;
            return this;
        }

        public HttpSchemaRegistryClient build() {
            return new HttpSchemaRegistryClient(this);
        }
    }
}
