package io.meetingintel.bot.support;

import io.meetingintel.events.BotStatusChanged;
import io.meetingintel.events.EventMetadata;
import io.meetingintel.platform.serde.AvroEventCodec;
import io.meetingintel.schemas.Topic;
import io.meetingintel.testing.EmbeddedInfrastructure;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static io.meetingintel.schemas.Topics.BOT_STATUS_CHANGED;

/**
 * One Spring context for all bot-service component tests: the real service on the shared broker and database, its
 * simulated bots streaming into {@link FakePipeline} with short delays.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
public abstract class BotServiceTestSupport {

    protected static final JsonMapper json = JsonMapper.builder().build();
    private static final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    @DynamicPropertySource
    static void infrastructure(DynamicPropertyRegistry properties) {
        EmbeddedInfrastructure.get().registerProperties(properties, "bot");
        properties.add("bot.simulated.pipeline-ingest-url", () -> FakePipeline.get().ingestUrl());
        properties.add("bot.simulated.step-delay", () -> "50ms");
        properties.add("bot.simulated.segment-delay", () -> "5ms");
        properties.add("bot.simulated.reply-timeout", () -> "5s");
        properties.add("platform.scheduler.polling-interval", () -> "200ms");
    }

    @LocalServerPort
    protected int port;

    @Autowired
    protected JdbcTemplate jdbc;

    @Autowired
    protected AvroEventCodec codec;

    @Autowired
    protected KafkaTemplate<String, byte[]> kafka;

    protected static String unique(String prefix) {
        return prefix + "_" + UUID.randomUUID().toString().replace("-", "").substring(0, 16);
    }

    protected static EventMetadata metadata(String userId) {
        return EventMetadata.newBuilder()
                .setEventId(UUID.randomUUID())
                .setOccurredAt(Instant.now())
                .setProducer("test")
                .setUserId(userId)
                .setCorrelationId(UUID.randomUUID().toString())
                .build();
    }

    /** Publishes an input event with the wire format the outbox relay produces. */
    protected <V extends SpecificRecord> void publish(Topic<V> topic, String key, V event) {
        try {
            kafka.send(topic.name(), key, codec.serialize(topic.name(), event)).get();
        } catch (Exception e) {
            throw new IllegalStateException("Could not publish to " + topic.name(), e);
        }
    }

    /** The BotStatusChanged events of a meeting on Kafka, waiting until at least {@code count} are there. */
    protected List<BotStatusChanged> botStatusEvents(String meetingId, int count) {
        var config = Map.<String, Object>of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, EmbeddedInfrastructure.get().bootstrapServers(),
                ConsumerConfig.GROUP_ID_CONFIG, unique("test-reader"),
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        List<BotStatusChanged> found = new ArrayList<>();
        try (var consumer = new KafkaConsumer<>(config, new StringDeserializer(), new ByteArrayDeserializer())) {
            consumer.subscribe(List.of(BOT_STATUS_CHANGED.name()));
            long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
            while (found.size() < count && System.nanoTime() < deadline) {
                for (var record : consumer.poll(Duration.ofMillis(200))) {
                    if (meetingId.equals(record.key())) {
                        found.add((BotStatusChanged) codec.deserialize(record.topic(), record.value()));
                    }
                }
            }
        }
        return found;
    }

    protected HttpResponse<String> get(String userId, String path) {
        var request = HttpRequest.newBuilder(uri(path)).GET();
        if (userId != null) {
            request.header("X-User-Id", userId);
        }
        return send(request);
    }

    protected HttpResponse<String> post(String userId, String path, String body) {
        var request = HttpRequest.newBuilder(uri(path)).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body));
        if (userId != null) {
            request.header("X-User-Id", userId);
        }
        return send(request);
    }

    protected JsonNode body(HttpResponse<String> response) {
        return json.readTree(response.body());
    }

    /** Creates a bot through the API and returns its JSON. */
    protected JsonNode createBot(String userId, String meetingUrl, String meetingId) {
        var response = post(userId, "/api/bots", json.writeValueAsString(meetingId == null
                ? Map.of("meetingUrl", meetingUrl) : Map.of("meetingUrl", meetingUrl, "meetingId", meetingId)));
        if (response.statusCode() != 201) {
            throw new AssertionError("Bot not created: " + response.statusCode() + " " + response.body());
        }
        return body(response);
    }

    protected String botStatus(String botId) {
        return jdbc.queryForObject("SELECT status FROM bot WHERE id = ?", String.class, botId);
    }

    private URI uri(String path) {
        return URI.create("http://127.0.0.1:" + port + path);
    }

    private static HttpResponse<String> send(HttpRequest.Builder request) {
        try {
            return http.send(request.timeout(Duration.ofSeconds(10)).build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
