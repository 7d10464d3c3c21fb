package io.meetingintel.pipeline.api;

import io.meetingintel.events.BotStatus;
import io.meetingintel.pipeline.support.PipelineIntegrationTest;
import io.meetingintel.pipeline.support.TestSocket;

import java.net.URI;
import java.time.Duration;
import java.util.Map;

import org.junit.jupiter.api.Test;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

class TranscriptApiTest extends PipelineIntegrationTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    @Test
    void ownerReadsTheTranscriptPageByPageAndNobodyElseSeesIt() throws Exception {
        String meetingId = newMeetingId();
        publishBotStatus(meetingId, "bot-api", "alice", BotStatus.CONNECTED, 3);
        await().atMost(Duration.ofSeconds(30)).until(() -> jdbc.queryForObject(
                "SELECT count(*) FROM transcript_session WHERE meeting_id = ? AND user_id = 'alice'", Long.class,
                meetingId) == 1);
        try (var bot = connectBot("bot-api", meetingId, "alice")) {
            for (int i = 1; i <= 3; i++) {
                bot.request(segment(i == 2 ? null : "c-" + i, "Alice", "line " + i, i * 100L, i * 100L + 50, true));
            }
        }

        var firstPage = get("/api/transcripts/" + meetingId + "?limit=2", "alice");
        assertThat(firstPage.statusCode()).isEqualTo(200);
        JsonNode body = JSON.readTree(firstPage.body());
        assertThat(body.path("meetingId").asString()).isEqualTo(meetingId);
        assertThat(body.path("sessionStatus").asString()).isEqualTo("open");
        assertThat(body.path("segments").size()).isEqualTo(2);
        JsonNode first = body.path("segments").get(0);
        assertThat(first.path("sequence").asLong()).isEqualTo(1);
        assertThat(first.path("chunkId").asString()).isEqualTo("c-1");
        assertThat(first.path("speaker").asString()).isEqualTo("Alice");
        assertThat(first.path("text").asString()).isEqualTo("line 1");
        assertThat(first.path("startMs").asLong()).isEqualTo(100);
        assertThat(first.path("endMs").asLong()).isEqualTo(150);
        assertThat(first.path("language").asString()).isEqualTo("en");
        assertThat(body.path("segments").get(1).path("chunkId").asString()).startsWith("gen-");
        assertThat(body.path("nextAfterSequence").asLong()).isEqualTo(2);

        JsonNode second = JSON.readTree(get("/api/transcripts/" + meetingId + "?afterSequence=2", "alice").body());
        assertThat(second.path("segments").size()).isEqualTo(1);
        assertThat(second.path("segments").get(0).path("sequence").asLong()).isEqualTo(3);
        assertThat(second.path("nextAfterSequence").asLong()).isEqualTo(3);

        assertThat(get("/api/transcripts/" + meetingId, "bob").statusCode()).isEqualTo(404);
        assertThat(get("/api/transcripts/" + newMeetingId(), "alice").statusCode()).isEqualTo(404);
        var anonymous = get("/api/transcripts/" + meetingId, null);
        assertThat(anonymous.statusCode()).isEqualTo(401);
        assertThat(anonymous.headers().firstValue("Content-Type")).hasValueSatisfying(type ->
                assertThat(type).contains("application/problem+json"));
        assertThat(get("/api/transcripts/" + meetingId + "?limit=0", "alice").statusCode()).isEqualTo(400);
        assertThat(get("/api/transcripts/" + meetingId + "?afterSequence=-1", "alice").statusCode()).isEqualTo(400);
    }

    @Test
    void captionSocketsAreOnlyForTheMeetingsOwner() throws Exception {
        String meetingId = newMeetingId();
        publishBotStatus(meetingId, "bot-cap", "carol", BotStatus.CONNECTED, 3);
        await().atMost(Duration.ofSeconds(30)).until(() -> jdbc.queryForObject(
                "SELECT count(*) FROM meeting_transcript WHERE meeting_id = ? AND user_id = 'carol'", Long.class,
                meetingId) == 1);
        URI captions = URI.create("ws://localhost:" + port + "/ws/captions/" + meetingId);

        assertThat(TestSocket.refusedStatus(captions, Map.of())).isEqualTo(401);
        assertThat(TestSocket.refusedStatus(captions, Map.of("X-User-Id", "dave")))
                .isEqualTo(404);
        try (var listener = connectCaptions(meetingId, "carol"); var bot = connectBot("bot-cap", meetingId, "carol")) {
            bot.request(segment("c-1", "Carol", "hi", 0, 10, true));
            assertThat(listener.next().path("text").asString()).isEqualTo("hi");
        }
    }
}
