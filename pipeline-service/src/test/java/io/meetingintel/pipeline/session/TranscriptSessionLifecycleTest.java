package io.meetingintel.pipeline.session;

import io.meetingintel.events.BotStatus;
import io.meetingintel.pipeline.support.PipelineIntegrationTest;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

class TranscriptSessionLifecycleTest extends PipelineIntegrationTest {

    private static final Duration WAIT = Duration.ofSeconds(30);
    private static final JsonMapper JSON = JsonMapper.builder().build();

    @Test
    void connectedStatusOpensTheSessionTheBotJoinsAndTranscribingClosesIt() throws Exception {
        String meetingId = newMeetingId();
        publishBotStatus(meetingId, "bot-life", "user-life", BotStatus.CONNECTING, 2);
        publishBotStatus(meetingId, "bot-life", "user-life", BotStatus.CONNECTED, 3);

        await().atMost(WAIT).until(() -> sessions(meetingId).size() == 1);
        Map<String, Object> opened = sessions(meetingId).getFirst();
        assertThat(opened.get("bot_id")).isEqualTo("bot-life");
        assertThat(opened.get("user_id")).isEqualTo("user-life");
        assertThat(opened.get("closed_at")).isNull();

        JsonNode operatorView = JSON.readTree(get("/internal/sessions?size=200", null).body());
        assertThat(operatorView.path("items").valueStream()
                .filter(item -> item.path("meetingId").asString().equals(meetingId)).toList())
                .singleElement().satisfies(item -> {
                    assertThat(item.path("sessionId").asString()).isEqualTo(opened.get("id").toString());
                    assertThat(item.path("connectedHere").asBoolean()).isFalse();
                });

        try (var bot = connectBot("bot-life", meetingId, "user-life")) {
            assertThat(bot.request(segment("c-1", "Eve", "joined the open session", 0, 100, true))
                    .path("sequence").asLong()).isEqualTo(1);
            assertThat(sessions(meetingId)).hasSize(1);
            assertThat(jdbc.queryForObject("SELECT session_id::text FROM transcript_segment WHERE meeting_id = ?",
                    String.class, meetingId)).isEqualTo(opened.get("id").toString());

            publishBotStatus(meetingId, "bot-life", "user-life", BotStatus.TRANSCRIBING, 4);
            await().atMost(WAIT).until(() -> sessions(meetingId).getFirst().get("closed_at") != null);
            assertThat(sessions(meetingId).getFirst().get("close_reason")).isEqualTo("bot-status:TRANSCRIBING");

            // A late final segment of the departing bot is still kept (never drop data).
            assertThat(bot.request(segment("c-2", "Eve", "last words", 100, 200, true)).path("sequence").asLong())
                    .isEqualTo(2);
        }
        assertThat(JSON.readTree(get("/api/transcripts/" + meetingId, "user-life").body())
                .path("sessionStatus").asString()).isEqualTo("closed");

        // A stale CONNECTED (lower transition) redelivered after the close reopens nothing.
        publishBotStatus(meetingId, "bot-life", "user-life", BotStatus.CONNECTED, 3);
        publishBotStatus(meetingId, "bot-other", "user-life", BotStatus.CONNECTED, 3);
        await().atMost(WAIT).until(() -> sessions(meetingId).size() == 2);
        assertThat(sessions(meetingId)).filteredOn(row -> row.get("closed_at") == null)
                .extracting(row -> row.get("bot_id")).containsExactly("bot-other");
    }

    @Test
    void endFrameClosesTheSessionAndTheSocket() throws Exception {
        String meetingId = newMeetingId();
        try (var bot = connectBot("bot-end", meetingId, "user-end")) {
            assertThat(bot.request(segment(null, "Finn", "bye", 0, 100, true)).path("type").asString())
                    .isEqualTo("ack");
            bot.send("{\"type\":\"end\"}");
            assertThat(bot.awaitClosedByServer()).isEqualTo(1000);
        }
        Map<String, Object> session = sessions(meetingId).getFirst();
        assertThat(session.get("closed_at")).isNotNull();
        assertThat(session.get("close_reason")).isEqualTo("end-frame");
        assertThat(session.get("user_id")).isEqualTo("user-end");
    }

    @Test
    void theFirstOwnerStaysWhenALaterBotStatusNamesAnotherUser() throws Exception {
        String meetingId = newMeetingId();
        try (var bot = connectBot("bot-owner", meetingId, "first-user")) {
            assertThat(bot.request(segment(null, "Gil", "hi", 0, 100, true)).path("type").asString())
                    .isEqualTo("ack");
        }
        publishBotStatus(meetingId, "bot-owner", "other-user", BotStatus.TRANSCRIBING, 4);
        await().atMost(WAIT).until(() -> jdbc.queryForObject("SELECT count(*) FROM bot_progress WHERE bot_id = ? "
                + "AND meeting_id = ? AND transition = 4", Long.class, "bot-owner", meetingId) == 1);

        assertThat(jdbc.queryForObject("SELECT user_id FROM meeting_transcript WHERE meeting_id = ?", String.class,
                meetingId)).isEqualTo("first-user");
        assertThat(sessions(meetingId)).extracting(row -> row.get("user_id")).containsOnly("first-user");
        assertThat(get("/api/transcripts/" + meetingId, "first-user").statusCode()).isEqualTo(200);
        assertThat(get("/api/transcripts/" + meetingId, "other-user").statusCode()).isEqualTo(404);
    }

    private List<Map<String, Object>> sessions(String meetingId) {
        return jdbc.queryForList("SELECT * FROM transcript_session WHERE meeting_id = ? ORDER BY opened_at",
                meetingId);
    }
}
