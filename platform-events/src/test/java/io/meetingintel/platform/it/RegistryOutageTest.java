package io.meetingintel.platform.it;

import io.meetingintel.devregistry.DevSchemaRegistry;
import io.meetingintel.devregistry.SchemaStore;
import io.meetingintel.platform.outbox.OutboxRelay;
import io.meetingintel.testing.EmbeddedInfrastructure;

import java.io.IOException;
import java.net.ServerSocket;
import java.time.Duration;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The schema registry is unreachable when the service starts and again mid-run: the service keeps accepting state
 * changes, their events wait in the outbox (nothing lost, nothing half-sent), and they flow once the registry is back.
 */
@SpringBootTest(properties = {
        "test.consumer-group=platform-events-outage",
        "spring.kafka.consumer.auto-offset-reset=latest",
        "platform.events.schema-registry-max-attempts=1",
        "platform.events.outbox.max-backoff=300ms"})
@DirtiesContext
class RegistryOutageTest {

    private static final int REGISTRY_PORT = freePort();
    private static final SchemaStore REGISTRY_STORAGE = new SchemaStore();

    @DynamicPropertySource
    static void infrastructure(DynamicPropertyRegistry properties) {
        EmbeddedInfrastructure.get().registerProperties(properties, "events_outage");
        properties.add("platform.events.schema-registry-url", () -> "http://127.0.0.1:" + REGISTRY_PORT);
    }

    @Autowired
    TestEventsApplication.TestPublisher publisher;
    @Autowired
    OutboxRelay relay;
    @Autowired
    JdbcTemplate jdbc;

    @Test
    void eventsWaitInTheOutboxWhileTheRegistryIsDownAndFlowWhenItIsBack() {
        String meetingId = "mtg-outage-" + UUID.randomUUID();
        // Unreachable since startup: state changes still commit, their events stay in the outbox.
        for (long id = 1; id <= 3; id++) {
            publisher.publishChunk(id, meetingId);
        }
        await().during(Duration.ofSeconds(2)).atMost(Duration.ofSeconds(5))
                .untilAsserted(() -> assertThat(relay.backlog()).isEqualTo(3));

        try (var registry = DevSchemaRegistry.start(REGISTRY_PORT, REGISTRY_STORAGE)) {
            awaitEffects(meetingId, 3);
            assertThat(relay.backlog()).isZero();
        }

        // Down again mid-run, for an event type whose schema this process has not registered yet.
        publisher.publishBotStatus(meetingId);
        await().during(Duration.ofSeconds(2)).atMost(Duration.ofSeconds(5))
                .untilAsserted(() -> assertThat(relay.backlog()).isEqualTo(1));

        try (var registry = DevSchemaRegistry.start(REGISTRY_PORT, REGISTRY_STORAGE)) {
            awaitEffects(meetingId, 4);
            assertThat(relay.backlog()).isZero();
        }
        assertThat(jdbc.queryForObject("SELECT count(DISTINCT event_id) FROM test_effect WHERE meeting_id = ?",
                Integer.class, meetingId)).isEqualTo(4);
    }

    private void awaitEffects(String meetingId, int expected) {
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(jdbc.queryForObject(
                "SELECT count(*) FROM test_effect WHERE meeting_id = ?", Integer.class, meetingId))
                .isEqualTo(expected));
    }

    private static int freePort() {
        try (var socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
