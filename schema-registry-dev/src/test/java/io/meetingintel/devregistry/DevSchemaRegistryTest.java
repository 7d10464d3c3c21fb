package io.meetingintel.devregistry;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpRequest.BodyPublishers;
import java.net.http.HttpResponse.BodyHandlers;
import java.util.Map;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** The HTTP API, checked against the payloads and error codes documented for Confluent's Schema Registry. */
class DevSchemaRegistryTest {

    private static final JsonMapper json = JsonMapper.shared();
    private static final HttpClient http = HttpClient.newHttpClient();

    private DevSchemaRegistry registry;

    @BeforeEach
    void start() {
        registry = DevSchemaRegistry.start(0);
    }

    @AfterEach
    void stop() {
        registry.close();
    }

    @Test
    void registersIdempotentlyWithGlobalIds() {
        Reply first = register("meetings-value", TestSchemas.MEETING_V1_JSON);
        Reply again = register("meetings-value", TestSchemas.MEETING_V1_JSON);
        Reply otherSubject = register("copies-value", TestSchemas.MEETING_V1_JSON);
        Reply evolved = register("meetings-value", TestSchemas.MEETING_WITH_OPTIONAL_TITLE_JSON);

        assertThat(first.status()).isEqualTo(200);
        assertThat(first.contentType()).isEqualTo("application/vnd.schemaregistry.v1+json");
        assertThat(first.body().get("id").intValue()).isEqualTo(1);
        assertThat(again.body()).isEqualTo(first.body());
        assertThat(otherSubject.body()).isEqualTo(first.body());
        assertThat(evolved.body().get("id").intValue()).isEqualTo(2);
        assertThat(call("GET", "/subjects", null).body().toString()).isEqualTo("[\"copies-value\",\"meetings-value\"]");
        assertThat(call("GET", "/subjects/meetings-value/versions", null).body().toString()).isEqualTo("[1,2]");
    }

    @Test
    void refusesIncompatibleAndInvalidSchemas() {
        register("meetings-value", TestSchemas.MEETING_V1_JSON);

        assertError(register("meetings-value", TestSchemas.MEETING_WITH_REQUIRED_TITLE_JSON), 409, 409);
        assertError(register("meetings-value", "{\"type\": \"record\"}"), 422, 42201);
        assertError(call("POST", "/subjects/meetings-value/versions", "{\"schema\": \"\\\"string\\\"\","
                + " \"schemaType\": \"PROTOBUF\"}"), 422, 42201);
        assertError(call("POST", "/subjects/meetings-value/versions", "{not json"), 400, 400);
        assertThat(call("GET", "/subjects/meetings-value/versions", null).body().toString()).isEqualTo("[1]");
    }

    @Test
    void servesSchemasById() {
        int id = register("meetings-value", TestSchemas.MEETING_V1_JSON).body().get("id").intValue();

        Reply reply = call("GET", "/schemas/ids/" + id, null);

        assertThat(reply.status()).isEqualTo(200);
        assertThat(SchemaStore.parse(reply.body().get("schema").stringValue())).isEqualTo(TestSchemas.MEETING_V1);
        assertError(call("GET", "/schemas/ids/999", null), 404, 40403);
    }

    @Test
    void servesSubjectVersions() {
        register("meetings-value", TestSchemas.MEETING_V1_JSON);
        register("meetings-value", TestSchemas.MEETING_WITH_OPTIONAL_TITLE_JSON);

        JsonNode latest = call("GET", "/subjects/meetings-value/versions/latest", null).body();
        JsonNode first = call("GET", "/subjects/meetings-value/versions/1", null).body();

        assertThat(latest.get("subject").stringValue()).isEqualTo("meetings-value");
        assertThat(latest.get("version").intValue()).isEqualTo(2);
        assertThat(latest.get("id").intValue()).isEqualTo(2);
        assertThat(SchemaStore.parse(first.get("schema").stringValue())).isEqualTo(TestSchemas.MEETING_V1);
        assertError(call("GET", "/subjects/meetings-value/versions/3", null), 404, 40402);
        assertError(call("GET", "/subjects/meetings-value/versions/first", null), 422, 42202);
        assertError(call("GET", "/subjects/unknown-value/versions/latest", null), 404, 40401);
        assertError(call("GET", "/subjects/unknown-value/versions", null), 404, 40401);
    }

    @Test
    void looksUpRegisteredSchemas() {
        register("meetings-value", TestSchemas.MEETING_V1_JSON);

        Reply found = call("POST", "/subjects/meetings-value", schemaBody(TestSchemas.MEETING_V1_JSON));

        assertThat(found.status()).isEqualTo(200);
        assertThat(found.body().get("subject").stringValue()).isEqualTo("meetings-value");
        assertThat(found.body().get("id").intValue()).isEqualTo(1);
        assertThat(found.body().get("version").intValue()).isEqualTo(1);
        assertThat(found.body().has("schema")).isTrue();
        assertError(call("POST", "/subjects/meetings-value",
                schemaBody(TestSchemas.MEETING_WITH_OPTIONAL_TITLE_JSON)), 404, 40403);
        assertError(call("POST", "/subjects/unknown-value", schemaBody(TestSchemas.MEETING_V1_JSON)), 404, 40401);
    }

    @Test
    void checksCompatibility() {
        register("meetings-value", TestSchemas.MEETING_V1_JSON);

        assertThat(compatibility("meetings-value", "latest", TestSchemas.MEETING_WITH_OPTIONAL_TITLE_JSON).body()
                .toString()).isEqualTo("{\"is_compatible\":true}");
        assertThat(compatibility("meetings-value", "1", TestSchemas.MEETING_WITH_REQUIRED_TITLE_JSON).body()
                .get("is_compatible").booleanValue()).isFalse();
        assertError(compatibility("unknown-value", "latest", TestSchemas.MEETING_V1_JSON), 404, 40401);
        assertError(compatibility("meetings-value", "2", TestSchemas.MEETING_V1_JSON), 404, 40402);
    }

    @Test
    void readsAndChangesCompatibilityLevels() {
        register("meetings-value", TestSchemas.MEETING_V1_JSON);

        assertThat(call("GET", "/config", null).body().toString())
                .isEqualTo("{\"compatibilityLevel\":\"BACKWARD_TRANSITIVE\"}");
        assertError(call("GET", "/config/meetings-value", null), 404, 40408);
        assertThat(call("GET", "/config/meetings-value?defaultToGlobal=true", null).body()
                .get("compatibilityLevel").stringValue()).isEqualTo("BACKWARD_TRANSITIVE");

        Reply changed = call("PUT", "/config/meetings-value", "{\"compatibility\": \"NONE\"}");

        assertThat(changed.body().toString()).isEqualTo("{\"compatibility\":\"NONE\"}");
        assertThat(call("GET", "/config/meetings-value", null).body().get("compatibilityLevel").stringValue())
                .isEqualTo("NONE");
        assertThat(register("meetings-value", TestSchemas.MEETING_WITH_REQUIRED_TITLE_JSON).status()).isEqualTo(200);

        assertThat(call("PUT", "/config", "{\"compatibility\": \"backward\"}").body().toString())
                .isEqualTo("{\"compatibility\":\"BACKWARD\"}");
        assertThat(call("GET", "/config", null).body().get("compatibilityLevel").stringValue()).isEqualTo("BACKWARD");
        assertError(call("PUT", "/config", "{\"compatibility\": \"SIDEWAYS\"}"), 422, 42203);
    }

    @Test
    void unknownRoutesAndMethodsAreRegistryErrors() {
        assertError(call("GET", "/nothing/here", null), 404, 404);
        assertError(call("DELETE", "/config", null), 405, 405);
        assertThat(call("GET", "/", null).status()).isEqualTo(200);
    }

    @Test
    void decodesUrlEncodedSubjects() {
        Reply registered = call("POST", "/subjects/odd%20subject%2Fname/versions",
                schemaBody(TestSchemas.MEETING_V1_JSON));

        assertThat(registered.status()).isEqualTo(200);
        assertThat(call("GET", "/subjects", null).body().toString()).isEqualTo("[\"odd subject/name\"]");
    }

    private Reply register(String subject, String schemaJson) {
        return call("POST", "/subjects/" + subject + "/versions", schemaBody(schemaJson));
    }

    private Reply compatibility(String subject, String version, String schemaJson) {
        return call("POST", "/compatibility/subjects/" + subject + "/versions/" + version, schemaBody(schemaJson));
    }

    private static String schemaBody(String schemaJson) {
        return json.writeValueAsString(Map.of("schema", schemaJson));
    }

    private Reply call(String method, String path, String body) {
        HttpRequest request = HttpRequest.newBuilder(URI.create(registry.url() + path))
                .header("Content-Type", "application/vnd.schemaregistry.v1+json")
                .method(method, body == null ? BodyPublishers.noBody() : BodyPublishers.ofString(body))
                .build();
        try {
            var response = http.send(request, BodyHandlers.ofByteArray());
            return new Reply(response.statusCode(), response.headers().firstValue("Content-Type").orElse(null),
                    json.readTree(response.body()));
        } catch (IOException | InterruptedException e) {
            throw new AssertionError("Request " + method + " " + path + " failed", e);
        }
    }

    private static void assertError(Reply reply, int status, int errorCode) {
        assertThat(reply.status()).as("HTTP status of %s", reply.body()).isEqualTo(status);
        assertThat(reply.body().get("error_code").intValue()).isEqualTo(errorCode);
        assertThat(reply.body().get("message").stringValue()).isNotBlank();
    }

    private record Reply(int status, String contentType, JsonNode body) {
    }
}
