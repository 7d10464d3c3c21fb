package io.meetingintel.meeting;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.client.WireMock;
import io.meetingintel.events.Attendee;
import io.meetingintel.events.BotStatus;
import io.meetingintel.events.BotStatusChanged;
import io.meetingintel.events.CalendarSource;
import io.meetingintel.events.ConferencePlatform;
import io.meetingintel.events.InsightGenerated;
import io.meetingintel.events.InsightItem;
import io.meetingintel.events.InsightKind;
import io.meetingintel.events.MeetingChangeType;
import io.meetingintel.events.MeetingDiscovered;
import io.meetingintel.events.MeetingRequiresPrep;
import io.meetingintel.platform.metadata.EventMetadataFactory;
import io.meetingintel.platform.serde.AvroEventCodec;
import io.meetingintel.testing.EmbeddedInfrastructure;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

import org.apache.avro.specific.SpecificRecord;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.awaitility.Awaitility.await;

/**
 * Runs the service against the shared real Kafka/PostgreSQL/registry and a fake Slack webhook (WireMock); every test
 * class extends it so they share one Spring context. Input events go through Kafka in the relay's wire format.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"meeting.notifications.retry-initial=500ms", "platform.events.consumer.max-retry-time=20s"})
abstract class MeetingServiceTestBase {

    static final WireMockServer slack = new WireMockServer(options().dynamicPort());
    static final String SLACK_PATH = "/services/T000/B000/hook";
    private static final HttpClient http = HttpClient.newHttpClient();

    static {
        slack.start();
        // Tests that care about deliveries add more specific (higher priority) stubs for their meeting.
        slack.stubFor(WireMock.post(WireMock.urlEqualTo(SLACK_PATH)).atPriority(10)
                .willReturn(WireMock.aResponse().withStatus(200).withBody("ok")));
    }

    @DynamicPropertySource
    static void infrastructure(DynamicPropertyRegistry properties) {
        EmbeddedInfrastructure.get().registerProperties(properties, "meeting");
        properties.add("meeting.notifications.slack-webhook-url", () -> slack.baseUrl() + SLACK_PATH);
    }

    @LocalServerPort
    int port;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    AvroEventCodec codec;

    @Autowired
    KafkaTemplate<String, byte[]> kafka;

    @Autowired
    EventMetadataFactory metadata;

    @Autowired
    JsonMapper json;

    // ---- events -------------------------------------------------------------------------------------------------

    static String newId(String prefix) {
        return prefix + "_" + UUID.randomUUID().toString().replace("-", "").substring(0, 16);
    }

    static Instant now() {
        return Instant.now().truncatedTo(ChronoUnit.MILLIS);
    }

    MeetingDiscovered.Builder meeting(String meetingId, String userId, long version, Instant start, Instant end) {
        return MeetingDiscovered.newBuilder()
                .setMetadata(metadata.create(userId, "corr-" + meetingId))
                .setMeetingId(meetingId)
                .setVersion(version)
                .setChangeType(version == 1 ? MeetingChangeType.CREATED : MeetingChangeType.UPDATED)
                .setSource(CalendarSource.GOOGLE)
                .setConnectionId("conn-1")
                .setExternalEventId("ext-" + meetingId)
                .setTitle("Quarterly review " + meetingId)
                .setDescription("Numbers and plans")
                .setStartTime(start)
                .setEndTime(end)
                .setAttendees(List.of(Attendee.newBuilder().setEmail("ann@example.com").setDisplayName("Ann")
                        .setOrganizer(true).build(), Attendee.newBuilder().setEmail("bob@example.com").build()))
                .setConferenceUrl("https://meet.google.com/abc-defg-hij")
                .setConferencePlatform(ConferencePlatform.GOOGLE_MEET)
                .setMeetingType("client_meeting")
                .setPrepHoursBefore(24)
                .setPrepTriggerAt(start.minus(Duration.ofHours(24)));
    }

    MeetingRequiresPrep prepRequired(String meetingId, String userId, Instant start) {
        return MeetingRequiresPrep.newBuilder()
                .setMetadata(metadata.create(userId, "corr-" + meetingId))
                .setMeetingId(meetingId)
                .setMeetingVersion(1)
                .setTitle("Quarterly review " + meetingId)
                .setMeetingType("client_meeting")
                .setStartTime(start)
                .setPrepTriggerAt(start.minus(Duration.ofHours(24)))
                .build();
    }

    BotStatusChanged botStatus(String meetingId, String userId, String botId, BotStatus status, int transition) {
        return BotStatusChanged.newBuilder()
                .setMetadata(metadata.create(userId, "corr-" + meetingId))
                .setBotId(botId)
                .setMeetingId(meetingId)
                .setStatus(status)
                .setTransition(transition)
                .setMeetingUrl("https://meet.google.com/abc-defg-hij")
                .setProvider("simulated")
                .build();
    }

    InsightGenerated insight(String meetingId, String userId, InsightKind kind, String content,
                             List<InsightItem> items) {
        return InsightGenerated.newBuilder()
                .setMetadata(metadata.create(userId, "corr-" + meetingId))
                .setInsightId(newId("ins"))
                .setMeetingId(meetingId)
                .setKind(kind)
                .setContent(content)
                .setItems(items)
                .setEngine("offline")
                .build();
    }

    static InsightItem item(String text, String owner, java.time.LocalDate dueDate) {
        return InsightItem.newBuilder().setText(text).setOwner(owner).setDueDate(dueDate).build();
    }

    /** Sends the event as the outbox relay would: Confluent-framed Avro, keyed by meeting id. */
    void publish(String topic, String meetingId, SpecificRecord event) {
        try {
            kafka.send(topic, meetingId, codec.serialize(topic, event)).get(10, TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new IllegalStateException("Could not publish to " + topic, e);
        }
    }

    /** Waits until the inbox recorded the event (applied or deliberately ignored). */
    void awaitConsumed(String consumer, SpecificRecord event) {
        UUID eventId = EventMetadataFactory.metadataOf(event).getEventId();
        await().atMost(Duration.ofSeconds(20)).until(() -> jdbc.queryForObject(
                "SELECT count(*) FROM platform_processed_event WHERE consumer = ? AND event_id = ?", Integer.class,
                consumer, eventId) == 1);
    }

    // ---- REST ---------------------------------------------------------------------------------------------------

    HttpResponse<String> get(String path, String userId) {
        var request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                .timeout(Duration.ofSeconds(10)).GET();
        if (userId != null) {
            request.header("X-User-Id", userId);
        }
        try {
            return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    JsonNode getJson(String path, String userId) {
        var response = get(path, userId);
        if (response.statusCode() != 200) {
            throw new AssertionError("GET " + path + " -> " + response.statusCode() + " " + response.body());
        }
        return json.readTree(response.body());
    }

    /** The meeting view, once the meeting exists. */
    JsonNode awaitMeeting(String meetingId, String userId) {
        await().atMost(Duration.ofSeconds(20))
                .until(() -> get("/api/meetings/" + meetingId, userId).statusCode() == 200);
        return view(meetingId, userId);
    }

    JsonNode view(String meetingId, String userId) {
        return getJson("/api/meetings/" + meetingId, userId);
    }

    JsonNode jobsOf(String meetingId) {
        return getJson("/debug/scheduler?instance=" + meetingId, null).get("jobs");
    }
}
