package io.meetingintel.calendar;

import io.meetingintel.testing.EmbeddedInfrastructure;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The one Spring context of this module's integration tests (real broker, PostgreSQL and registry from the shared
 * harness), with the demo calendar switched on as in the local stack, and small HTTP helpers.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"calendar.demo.user=" + CalendarIntegrationTest.DEMO_USER, "calendar.demo.start-offset=3m",
                "calendar.local-feeds-enabled=true"})
public abstract class CalendarIntegrationTest {

    public static final String DEMO_USER = "demo-user";
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    /** Base64 of 32 bytes: the current token key of the tests, and an older one still listed for decryption. */
    public static final String TOKEN_KEY_ID = "test-k2";
    private static final String TOKEN_KEY = "dGVzdC1rZXktdHdvLWZvci10b2tlbnMtMzItYnl0ZXM=";
    private static final String OLD_TOKEN_KEYS = "test-k1:b2xkLXRlc3Qta2V5LW9uZS1mb3ItdG9rZW5zLTMyYiE=";

    @DynamicPropertySource
    static void infrastructure(DynamicPropertyRegistry properties) {
        EmbeddedInfrastructure.get().registerProperties(properties, "calendar");
        // Google is the fake server; retries back off for milliseconds only.
        properties.add("calendar.google.client-id", () -> FakeGoogle.CLIENT_ID);
        properties.add("calendar.google.client-secret", () -> FakeGoogle.CLIENT_SECRET);
        properties.add("calendar.google.redirect-uri", () -> "https://app.example.test/api/calendar/google/callback");
        properties.add("calendar.google.api-root-url", () -> FakeGoogle.url("/"));
        properties.add("calendar.google.token-uri", () -> FakeGoogle.url("/token"));
        properties.add("calendar.google.auth-uri", () -> FakeGoogle.url("/o/oauth2/v2/auth"));
        properties.add("calendar.google.revoke-uri", () -> FakeGoogle.url("/revoke"));
        properties.add("calendar.google.push-callback-url",
                () -> "https://app.example.test/api/calendar/google/notifications");
        properties.add("calendar.google.push-debounce", () -> "300ms");
        properties.add("calendar.google.retry.initial-delay", () -> "5ms");
        properties.add("calendar.google.retry.max-delay", () -> "20ms");
        properties.add("calendar.google.token-encryption.key-id", () -> TOKEN_KEY_ID);
        properties.add("calendar.google.token-encryption.key", () -> TOKEN_KEY);
        properties.add("calendar.google.token-encryption.old-keys", () -> OLD_TOKEN_KEYS);
    }

    @LocalServerPort
    protected int port;

    @Autowired
    protected JsonMapper json;

    /** A response with its body parsed as JSON (a missing node when the body is empty). */
    public record Response(int status, String contentType, JsonNode body, String raw) {
    }

    protected Response get(String path, String userId) {
        return send(request(path, userId).GET());
    }

    protected Response post(String path, String userId, String jsonBody) {
        return send(request(path, userId).header("Content-Type", "application/json")
                .POST(jsonBody == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(jsonBody)));
    }

    protected Response put(String path, String userId, String jsonBody) {
        return send(request(path, userId).header("Content-Type", "application/json")
                .PUT(HttpRequest.BodyPublishers.ofString(jsonBody)));
    }

    protected Response postWithHeaders(String path, Map<String, String> headers) {
        HttpRequest.Builder builder = request(path, null).POST(HttpRequest.BodyPublishers.noBody());
        headers.forEach(builder::header);
        return send(builder);
    }

    protected Response delete(String path, String userId) {
        return send(request(path, userId).DELETE());
    }

    protected String connectionJson(String name, String icsUrl) {
        return json.writeValueAsString(Map.of("name", name, "icsUrl", icsUrl));
    }

    private HttpRequest.Builder request(String path, String userId) {
        HttpRequest.Builder builder = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                .timeout(Duration.ofSeconds(30));
        return userId == null ? builder : builder.header("X-User-Id", userId);
    }

    private Response send(HttpRequest.Builder request) {
        try {
            HttpResponse<String> response = HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
            JsonNode body = response.body().isEmpty() ? json.missingNode() : json.readTree(response.body());
            return new Response(response.statusCode(),
                    response.headers().firstValue("Content-Type").orElse(""), body, response.body());
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
