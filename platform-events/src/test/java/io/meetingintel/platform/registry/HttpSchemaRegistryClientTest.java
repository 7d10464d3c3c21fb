package io.meetingintel.platform.registry;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.matchingJsonPath;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.client.MappingBuilder;
import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.client.ScenarioMappingBuilder;
import com.github.tomakehurst.wiremock.stubbing.Scenario;
import io.meetingintel.events.TranscriptChunk;

import java.io.IOException;
import java.net.ConnectException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpTimeoutException;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Supplier;
import java.util.stream.IntStream;

import org.apache.avro.Schema;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The client against WireMock answering with the payloads and error codes documented for Confluent's registry. */
class HttpSchemaRegistryClientTest {

    private static final String SUBJECT = "pipeline.transcript-chunk.v1-value";
    private static final String VERSIONS_URL = "/subjects/" + SUBJECT + "/versions";
    private static final Schema SCHEMA = TranscriptChunk.getClassSchema();
    private static final int MAX_ATTEMPTS = 3;

    private final WireMockServer wireMock = new WireMockServer(options().dynamicPort());
    private HttpSchemaRegistryClient client;

    @BeforeEach
    void start() {
        wireMock.start();
        client = clientFor(URI.create(wireMock.baseUrl()));
    }

    @AfterEach
    void stop() {
        client.close();
        wireMock.stop();
    }

    @Test
    void registerPostsTheSchemaOnceAndCachesItsId() {
        wireMock.stubFor(post(VERSIONS_URL).willReturn(registryJson(200, "{\"id\": 42}")));

        assertThat(client.register(SUBJECT, SCHEMA)).isEqualTo(42);
        assertThat(client.register(SUBJECT, SCHEMA)).isEqualTo(42);
        // The id of a schema we registered is known without asking.
        assertThat(client.getSchemaById(42)).isSameAs(SCHEMA);

        wireMock.verify(1, postRequestedFor(urlEqualTo(VERSIONS_URL))
                .withHeader("Content-Type", equalTo(HttpSchemaRegistryClient.CONTENT_TYPE))
                .withRequestBody(matchingJsonPath("$.schema", equalTo(SCHEMA.toString()))));
        wireMock.verify(0, getRequestedFor(urlEqualTo("/schemas/ids/42")));
    }

    @Test
    void concurrentCallersForTheSameSchemaShareOneRequest() throws Exception {
        wireMock.stubFor(post(VERSIONS_URL).willReturn(registryJson(200, "{\"id\": 42}").withFixedDelay(200)));
        ExecutorService callers = Executors.newFixedThreadPool(8);
        try {
            List<Callable<Integer>> registrations = IntStream.range(0, 8)
                    .<Callable<Integer>>mapToObj(i -> () -> client.register(SUBJECT, SCHEMA)).toList();
            for (Future<Integer> id : callers.invokeAll(registrations)) {
                assertThat(id.get()).isEqualTo(42);
            }
        } finally {
            callers.shutdownNow();
        }
        wireMock.verify(1, postRequestedFor(urlEqualTo(VERSIONS_URL)));
    }

    @Test
    void subjectsAreUrlEncoded() {
        wireMock.stubFor(post("/subjects/odd%20subject%2Fname/versions").willReturn(registryJson(200, "{\"id\": 3}")));

        assertThat(client.register("odd subject/name", SCHEMA)).isEqualTo(3);
    }

    @Test
    void lookupPostsToTheSubjectAndCachesTheId() {
        wireMock.stubFor(post("/subjects/" + SUBJECT).willReturn(registryJson(200,
                "{\"subject\": \"" + SUBJECT + "\", \"id\": 7, \"version\": 2, \"schema\": \"\\\"string\\\"\"}")));

        assertThat(client.lookup(SUBJECT, SCHEMA)).isEqualTo(7);
        assertThat(client.lookup(SUBJECT, SCHEMA)).isEqualTo(7);

        wireMock.verify(1, postRequestedFor(urlEqualTo("/subjects/" + SUBJECT)));
    }

    @Test
    void getSchemaByIdFetchesOnceAndCaches() {
        wireMock.stubFor(get("/schemas/ids/7").willReturn(registryJson(200,
                "{\"schema\": " + quoted(SCHEMA.toString()) + "}")));

        assertThat(client.getSchemaById(7)).isEqualTo(SCHEMA);
        assertThat(client.getSchemaById(7)).isEqualTo(SCHEMA);

        wireMock.verify(1, getRequestedFor(urlEqualTo("/schemas/ids/7")));
    }

    @Test
    void compatibilityComesFromTheRegistryEveryTime() {
        String url = "/compatibility/subjects/" + SUBJECT + "/versions/latest";
        wireMock.stubFor(post(url).inScenario("compat").whenScenarioStateIs(Scenario.STARTED)
                .willReturn(registryJson(200, "{\"is_compatible\": true}")).willSetStateTo("breaking"));
        wireMock.stubFor(post(url).inScenario("compat").whenScenarioStateIs("breaking")
                .willReturn(registryJson(200, "{\"is_compatible\": false}")));

        assertThat(client.isCompatible(SUBJECT, SCHEMA)).isTrue();
        assertThat(client.isCompatible(SUBJECT, SCHEMA)).isFalse();
        wireMock.verify(2, postRequestedFor(urlEqualTo(url))
                .withRequestBody(matchingJsonPath("$.schema", equalTo(SCHEMA.toString()))));
    }

    @Test
    void aSubjectWithoutVersionsIsCompatible() {
        wireMock.stubFor(post("/compatibility/subjects/new-value/versions/latest")
                .willReturn(error(404, 40401, "Subject 'new-value' not found.")));

        assertThat(client.isCompatible("new-value", SCHEMA)).isTrue();
    }

    @Test
    void unknownSchemaIdIsSchemaNotFound() {
        wireMock.stubFor(get("/schemas/ids/99").willReturn(error(404, 40403, "Schema 99 not found")));

        assertThatThrownBy(() -> client.getSchemaById(99))
                .isInstanceOfSatisfying(SchemaNotFoundException.class, e -> assertRefusal(e, 404, 40403))
                .hasMessageContaining(wireMock.baseUrl() + "/schemas/ids/99")
                .hasMessageContaining("Schema 99 not found");
        wireMock.verify(1, getRequestedFor(urlEqualTo("/schemas/ids/99")));
    }

    @Test
    void unknownSubjectOnLookupIsSchemaNotFound() {
        wireMock.stubFor(post("/subjects/" + SUBJECT).willReturn(error(404, 40401, "Subject not found.")));

        assertThatThrownBy(() -> client.lookup(SUBJECT, SCHEMA))
                .isInstanceOfSatisfying(SchemaNotFoundException.class, e -> assertRefusal(e, 404, 40401))
                .hasMessageContaining(SUBJECT);
    }

    @Test
    void aPlain404IsNotMistakenForAMissingSchema() {
        wireMock.stubFor(get("/schemas/ids/5")
                .willReturn(aResponse().withStatus(404).withBody("<html>Not Found</html>")));

        assertThatThrownBy(() -> client.getSchemaById(5))
                .isExactlyInstanceOf(SchemaRegistryRequestException.class)
                .hasMessageContaining("<html>Not Found</html>");
    }

    @Test
    void incompatibleRegistrationIsRefused() {
        wireMock.stubFor(post(VERSIONS_URL).willReturn(error(409, 409,
                "Schema being registered is incompatible with an earlier schema for subject \"" + SUBJECT + "\"")));

        assertThatThrownBy(() -> client.register(SUBJECT, SCHEMA))
                .isInstanceOfSatisfying(IncompatibleSchemaException.class, e -> assertRefusal(e, 409, 409))
                .hasMessageContaining(VERSIONS_URL);
        wireMock.verify(1, postRequestedFor(urlEqualTo(VERSIONS_URL)));
    }

    @Test
    void invalidSchemaIsRefused() {
        wireMock.stubFor(post(VERSIONS_URL).willReturn(error(422, 42201, "Invalid schema")));

        assertThatThrownBy(() -> client.register(SUBJECT, SCHEMA))
                .isInstanceOfSatisfying(InvalidSchemaException.class, e -> assertRefusal(e, 422, 42201));
    }

    @Test
    void unauthorizedIsARequestErrorAndNotRetried() {
        wireMock.stubFor(post(VERSIONS_URL).willReturn(error(401, 40101, "Unauthorized")));

        assertThatThrownBy(() -> client.register(SUBJECT, SCHEMA))
                .isExactlyInstanceOf(SchemaRegistryRequestException.class)
                .satisfies(e -> assertRefusal((SchemaRegistryRequestException) e, 401, 40101));
        wireMock.verify(1, postRequestedFor(urlEqualTo(VERSIONS_URL)));
    }

    @Test
    void basicAuthCredentialsAreSent() {
        wireMock.stubFor(post(VERSIONS_URL).willReturn(registryJson(200, "{\"id\": 1}")));
        try (HttpSchemaRegistryClient authenticated = HttpSchemaRegistryClient
                .builder(URI.create(wireMock.baseUrl())).basicAuth("svc-pipeline:s3cret").build()) {
            authenticated.register(SUBJECT, SCHEMA);
        }

        wireMock.verify(postRequestedFor(urlEqualTo(VERSIONS_URL))
                .withHeader("Authorization", equalTo("Basic c3ZjLXBpcGVsaW5lOnMzY3JldA==")));
    }

    @Test
    void transientFailuresAreRetriedUntilTheRegistryAnswers() {
        stubInSequence(() -> post(VERSIONS_URL), error(503, 50003, "Error while forwarding the request to the leader"),
                error(429, 42901, "Too many requests"), registryJson(200, "{\"id\": 5}"));

        assertThat(client.register(SUBJECT, SCHEMA)).isEqualTo(5);
        wireMock.verify(3, postRequestedFor(urlEqualTo(VERSIONS_URL)));
    }

    @Test
    void persistentServerErrorsMakeTheRegistryUnavailableAfterMaxAttempts() {
        wireMock.stubFor(get("/schemas/ids/7").willReturn(error(503, 50003, "Service Unavailable")));

        assertThatThrownBy(() -> client.getSchemaById(7))
                .isInstanceOfSatisfying(SchemaRegistryUnavailableException.class,
                        e -> assertThat(e.attempts()).isEqualTo(MAX_ATTEMPTS))
                .hasMessageContaining(wireMock.baseUrl() + "/schemas/ids/7")
                .hasMessageContaining("HTTP 503");
        wireMock.verify(MAX_ATTEMPTS, getRequestedFor(urlEqualTo("/schemas/ids/7")));
    }

    @Test
    void timeoutsAreRetriedThenReportedAsUnavailable() {
        wireMock.stubFor(get("/schemas/ids/7").willReturn(registryJson(200, "{\"schema\": \"\\\"string\\\"\"}")
                .withFixedDelay(1_000)));
        try (HttpSchemaRegistryClient impatient = HttpSchemaRegistryClient.builder(URI.create(wireMock.baseUrl()))
                .requestTimeout(Duration.ofMillis(100)).maxAttempts(2).baseBackoff(Duration.ofMillis(1)).build()) {

            assertThatThrownBy(() -> impatient.getSchemaById(7))
                    .isInstanceOf(SchemaRegistryUnavailableException.class)
                    .hasCauseInstanceOf(HttpTimeoutException.class);
        }
        wireMock.verify(2, getRequestedFor(urlEqualTo("/schemas/ids/7")));
    }

    @Test
    void aRefusedConnectionMakesTheRegistryUnavailableAfterMaxAttempts() throws IOException {
        URI nobodyListening;
        try (ServerSocket socket = new ServerSocket(0)) {
            nobodyListening = URI.create("http://127.0.0.1:" + socket.getLocalPort());
        }
        try (HttpSchemaRegistryClient unreachable = clientFor(nobodyListening)) {

            assertThatThrownBy(() -> unreachable.register(SUBJECT, SCHEMA))
                    .isInstanceOfSatisfying(SchemaRegistryUnavailableException.class,
                            e -> assertThat(e.attempts()).isEqualTo(MAX_ATTEMPTS))
                    .hasCauseInstanceOf(ConnectException.class)
                    .hasMessageContaining(nobodyListening + VERSIONS_URL);
        }
    }

    @Test
    void failuresAreNotCached() {
        stubInSequence(() -> get("/schemas/ids/7"), error(404, 40403, "Schema 7 not found"),
                registryJson(200, "{\"schema\": \"\\\"string\\\"\"}"));

        assertThatThrownBy(() -> client.getSchemaById(7)).isInstanceOf(SchemaNotFoundException.class);
        assertThat(client.getSchemaById(7)).isEqualTo(Schema.create(Schema.Type.STRING));
    }

    private static HttpSchemaRegistryClient clientFor(URI url) {
        return HttpSchemaRegistryClient.builder(url)
                .requestTimeout(Duration.ofSeconds(2))
                .maxAttempts(MAX_ATTEMPTS)
                .baseBackoff(Duration.ofMillis(1))
                .build();
    }

    /** Answers each request with the next response, repeating the last one. */
    private void stubInSequence(Supplier<MappingBuilder> request, ResponseDefinitionBuilder... responses) {
        for (int i = 0; i < responses.length; i++) {
            ScenarioMappingBuilder step = request.get().inScenario("sequence")
                    .whenScenarioStateIs(i == 0 ? Scenario.STARTED : "step" + i);
            if (i < responses.length - 1) {
                step = step.willSetStateTo("step" + (i + 1));
            }
            wireMock.stubFor(step.willReturn(responses[i]));
        }
    }

    private static ResponseDefinitionBuilder registryJson(int status, String body) {
        return aResponse().withStatus(status).withHeader("Content-Type", HttpSchemaRegistryClient.CONTENT_TYPE)
                .withBody(body);
    }

    private static ResponseDefinitionBuilder error(int status, int errorCode, String message) {
        return registryJson(status, "{\"error_code\": " + errorCode + ", \"message\": " + quoted(message) + "}");
    }

    private static String quoted(String text) {
        return "\"" + text.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
    }

    private static void assertRefusal(SchemaRegistryRequestException e, int httpStatus, int errorCode) {
        assertThat(e.httpStatus()).isEqualTo(httpStatus);
        assertThat(e.errorCode()).isEqualTo(errorCode);
        assertThat(e.registryMessage()).isNotBlank();
    }
}
