package io.meetingintel.pipeline.support;

import io.meetingintel.events.BotStatus;
import io.meetingintel.events.BotStatusChanged;
import io.meetingintel.events.ConferencePlatform;
import io.meetingintel.platform.metadata.EventMetadataFactory;
import io.meetingintel.platform.security.BotIngestTokens;
import io.meetingintel.platform.serde.AvroEventCodec;
import io.meetingintel.schemas.Topics;
import io.meetingintel.testing.EmbeddedInfrastructure;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * Base of the component tests: one shared context (real Kafka, PostgreSQL and registry from the harness, the server
 * on a random port) and helpers to talk to it like bots, caption clients and other services do.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
public abstract class PipelineIntegrationTest {

    protected static final String DEFAULT_SECRET = "dev-bot-ingest-secret-change-me";
    /** Signs like bot-service does, with the key the service under test runs with. */
    protected static final BotIngestTokens TOKENS = new BotIngestTokens(DEFAULT_SECRET);
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    @DynamicPropertySource
    static void infrastructure(DynamicPropertyRegistry properties) {
        EmbeddedInfrastructure.get().registerProperties(properties, "pipeline");
    }

    @LocalServerPort
    protected int port;

    @Autowired
    protected JdbcTemplate jdbc;

    @Autowired
    protected AvroEventCodec codec;

    @Autowired
    protected KafkaTemplate<String, byte[]> kafka;

    @Autowired
    protected EventMetadataFactory metadata;

    protected static String newMeetingId() {
        return "mtg_" + UUID.randomUUID().toString().replace("-", "").substring(0, 20);
    }

    protected URI ingestUri(String botId, String meetingId, String userId) {
        return ingestUri(port, botId, meetingId, userId);
    }

    public static URI ingestUri(int port, String botId, String meetingId, String userId) {
        return URI.create("ws://localhost:" + port + "/ws/ingest/" + botId + "?meetingId="
                + URLEncoder.encode(meetingId, StandardCharsets.UTF_8) + "&userId="
                + URLEncoder.encode(userId, StandardCharsets.UTF_8));
    }

    /** A bot of {@code userId}'s meeting, with the token bot-service gives it. */
    protected TestSocket connectBot(String botId, String meetingId, String userId) {
        return TestSocket.connect(ingestUri(botId, meetingId, userId),
                Map.of("Authorization", "Bearer " + TOKENS.sign(botId, meetingId, userId)));
    }

    protected TestSocket connectCaptions(String meetingId, String userId) {
        return TestSocket.connect(URI.create("ws://localhost:" + port + "/ws/captions/" + meetingId),
                Map.of("X-User-Id", userId));
    }

    protected static String segment(String chunkId, String speaker, String text, long startMs, long endMs,
                                    boolean isFinal) {
        return """
                {"type":"segment",%s"speaker":"%s","text":"%s","startMs":%d,"endMs":%d,"final":%b,"language":"en"}"""
                .formatted(chunkId == null ? "" : "\"chunkId\":\"" + chunkId + "\",", speaker, text, startMs, endMs,
                        isFinal);
    }

    protected void publishBotStatus(String meetingId, String botId, String userId, BotStatus status, int transition)
            throws Exception {
        var event = BotStatusChanged.newBuilder()
                .setMetadata(metadata.create(userId, "corr-" + meetingId))
                .setBotId(botId)
                .setMeetingId(meetingId)
                .setStatus(status)
                .setTransition(transition)
                .setMeetingUrl("https://meet.example.com/" + meetingId)
                .setPlatform(ConferencePlatform.GOOGLE_MEET)
                .setProvider("simulated")
                .build();
        kafka.send(Topics.BOT_STATUS_CHANGED.name(), meetingId,
                codec.serialize(Topics.BOT_STATUS_CHANGED.name(), event)).get(10, TimeUnit.SECONDS);
    }

    protected HttpResponse<String> get(String path, String userId) throws IOException, InterruptedException {
        var request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path)).GET();
        if (userId != null) {
            request.header("X-User-Id", userId);
        }
        return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }
}
