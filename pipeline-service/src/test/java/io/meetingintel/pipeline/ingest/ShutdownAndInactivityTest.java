package io.meetingintel.pipeline.ingest;

import io.meetingintel.pipeline.PipelineServiceApplication;
import io.meetingintel.pipeline.support.PipelineIntegrationTest;
import io.meetingintel.pipeline.support.TestSocket;
import io.meetingintel.platform.security.BotIngestTokens;
import io.meetingintel.testing.EmbeddedInfrastructure;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Runs its own instance (own database, a 1 s inactivity timeout, no Kafka listener) so it can stop it and let
 * sessions go idle without disturbing the shared test context.
 */
class ShutdownAndInactivityTest {

    private static final String SECRET = "shutdown-test-secret";
    private static final String USER = "user-shutdown";
    private static final String DATABASE = "pipeline_lifecycle";

    private ConfigurableApplicationContext app;
    private int port;

    @BeforeEach
    void startInstance() {
        var infra = EmbeddedInfrastructure.get();
        // Command-line arguments: they outrank application.yml, as the environment does in production.
        app = new SpringApplicationBuilder(PipelineServiceApplication.class).run(
                "--server.port=0",
                "--spring.datasource.url=" + infra.jdbcUrl(DATABASE),
                "--spring.datasource.username=postgres",
                "--spring.datasource.password=",
                "--spring.kafka.bootstrap-servers=" + infra.bootstrapServers(),
                "--platform.events.schema-registry-url=" + infra.schemaRegistryUrl(),
                "--spring.kafka.listener.auto-startup=false",
                "--pipeline.ingest.secret=" + SECRET,
                "--pipeline.transcript.inactivity-timeout=1s",
                "--pipeline.transcript.sweep-interval=200ms");
        port = app.getEnvironment().getRequiredProperty("local.server.port", Integer.class);
    }

    @AfterEach
    void stopInstance() {
        app.close();
    }

    @Test
    void shutdownClosesBotSocketsWithGoingAwayAndKeepsEverythingAcknowledged() throws Exception {
        String meetingId = "mtg_" + UUID.randomUUID().toString().substring(0, 8);
        var bot = connect("bot-shutdown", meetingId);
        for (int i = 1; i <= 3; i++) {
            assertThat(bot.request("{\"type\":\"segment\",\"chunkId\":\"c-" + i + "\",\"speaker\":\"Gus\","
                    + "\"text\":\"before shutdown " + i + "\",\"startMs\":" + i + ",\"endMs\":" + (i + 1)
                    + ",\"final\":true}").path("sequence").asLong()).isEqualTo(i);
        }

        var stopping = CompletableFuture.runAsync(app::close);
        assertThat(bot.awaitClosedByServer()).isEqualTo(1001);
        stopping.get();
        bot.close();

        assertThat(count("SELECT count(*) FROM transcript_segment WHERE meeting_id = ?", meetingId)).isEqualTo(3);
        // The session stays open: the bot reconnects to another instance (or this one after its restart).
        assertThat(count("SELECT count(*) FROM transcript_session WHERE meeting_id = ? AND closed_at IS NULL",
                meetingId)).isEqualTo(1);
    }

    @Test
    void aSilentBotIsDisconnectedAndItsSessionClosedAfterTheInactivityTimeout() throws Exception {
        String meetingId = "mtg_" + UUID.randomUUID().toString().substring(0, 8);
        try (var bot = connect("bot-silent", meetingId)) {
            assertThat(bot.request("{\"type\":\"segment\",\"text\":\"then silence\",\"startMs\":0,\"endMs\":5,"
                    + "\"final\":true}").path("type").asString()).isEqualTo("ack");
            assertThat(bot.awaitClosedByServer()).isEqualTo(4000);
        }
        await().atMost(Duration.ofSeconds(10)).until(() -> count("SELECT count(*) FROM transcript_session "
                + "WHERE meeting_id = ? AND close_reason = 'inactivity'", meetingId) == 1);
    }

    private TestSocket connect(String botId, String meetingId) {
        return TestSocket.connect(PipelineIntegrationTest.ingestUri(port, botId, meetingId, USER),
                Map.of("Authorization", "Bearer " + new BotIngestTokens(SECRET).sign(botId, meetingId, USER)));
    }

    private static long count(String sql, String meetingId) throws SQLException {
        try (Connection connection = DriverManager.getConnection(EmbeddedInfrastructure.get().jdbcUrl(DATABASE),
                "postgres", "");
             PreparedStatement statement = connection.prepareStatement(sql)) {
            statement.setString(1, meetingId);
            try (ResultSet rows = statement.executeQuery()) {
                rows.next();
                return rows.getLong(1);
            }
        }
    }
}
