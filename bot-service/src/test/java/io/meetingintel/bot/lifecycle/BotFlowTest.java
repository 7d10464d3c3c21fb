package io.meetingintel.bot.lifecycle;

import com.github.kagkarlsson.scheduler.SchedulerClient;
import com.github.kagkarlsson.scheduler.task.TaskInstanceId;
import io.meetingintel.bot.jobs.BotJobs;
import io.meetingintel.bot.support.BotServiceTestSupport;
import io.meetingintel.bot.support.FakePipeline;
import io.meetingintel.events.BotStatus;
import io.meetingintel.events.BotStatusChanged;
import io.meetingintel.events.ConferencePlatform;
import io.meetingintel.events.InsightGenerated;
import io.meetingintel.events.InsightKind;
import io.meetingintel.schemas.Topics;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.UUID;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.io.ClassPathResource;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** A bot's whole life: the simulated call into the (fake) pipeline, then the processing statuses. */
class BotFlowTest extends BotServiceTestSupport {

    private static final String MEET = "https://meet.google.com/xyz-abcd-efg";

    @Autowired
    SchedulerClient scheduler;

    @Test
    void theSimulatedBotStreamsTheSampleMeetingIntoThePipelineAndTheInsightsFinishIt() throws Exception {
        // '+' and '@' must survive the ingest URL's query string
        String user = unique("user") + "+ops@example.com";
        String meetingId = unique("mtg");
        String botId = createBot(user, MEET, meetingId).path("id").asString();

        await().atMost(Duration.ofSeconds(20)).until(() -> botStatus(botId).equals("TRANSCRIBING"));
        var recording = FakePipeline.get().recording(botId);
        assertThat(recording.ended).isTrue();
        assertThat(recording.meetingId).isEqualTo(meetingId);
        assertThat(recording.userId).isEqualTo(user);
        assertThat(recording.authorization).isEqualTo("Bearer " + expectedToken(botId, meetingId, user));

        List<JsonNode> frames = recording.parsedFrames();
        List<JsonNode> sample = sampleTranscript();
        assertThat(frames).hasSize(sample.size() + 1);
        for (int i = 0; i < sample.size(); i++) {
            JsonNode frame = frames.get(i);
            JsonNode line = sample.get(i);
            assertThat(frame.path("type").asString()).isEqualTo("segment");
            assertThat(frame.path("text").asString()).isEqualTo(line.path("text").asString());
            assertThat(frame.path("speaker").asString()).isEqualTo(line.path("speaker").asString());
            assertThat(frame.path("final").asBoolean()).isEqualTo(line.path("final").asBoolean());
            assertThat(frame.path("startMs").asLong()).isEqualTo(line.path("startMs").asLong());
            assertThat(frame.has("chunkId")).isEqualTo(line.has("chunkId"));
        }
        assertThat(frames.getLast().toString()).isEqualTo("{\"type\":\"end\"}");
        List<JsonNode> segments = frames.subList(0, sample.size());
        assertThat(segments.stream().filter(frame -> !frame.has("chunkId"))).hasSize(1);
        assertThat(segments.stream().filter(frame -> !frame.path("final").asBoolean())).hasSize(3);
        assertThat(jdbc.queryForObject("SELECT state FROM simulated_call WHERE bot_id = ?", String.class, botId))
                .isEqualTo("FINISHED");

        publishInsight(user, meetingId, InsightKind.SUMMARY);
        publishInsight(user, meetingId, InsightKind.ACTION_ITEMS);
        publishInsight(user, meetingId, InsightKind.DECISIONS);
        await().atMost(Duration.ofSeconds(20)).until(() -> botStatus(botId).equals("DONE"));

        List<BotStatusChanged> events = botStatusEvents(meetingId, 7);
        assertThat(events).extracting(BotStatusChanged::getStatus).containsExactly(BotStatus.INITIALIZED,
                BotStatus.CONNECTING, BotStatus.CONNECTED, BotStatus.TRANSCRIBING, BotStatus.ANALYZING_MEETING,
                BotStatus.CREATING_TASKS, BotStatus.DONE);
        assertThat(events).extracting(BotStatusChanged::getTransition).containsExactly(1, 2, 3, 4, 5, 6, 7);
        assertThat(events).extracting(BotStatusChanged::getPreviousStatus).containsExactly(null,
                BotStatus.INITIALIZED, BotStatus.CONNECTING, BotStatus.CONNECTED, BotStatus.TRANSCRIBING,
                BotStatus.ANALYZING_MEETING, BotStatus.CREATING_TASKS);
        assertThat(events).allSatisfy(event -> {
            assertThat(event.getBotId()).isEqualTo(botId);
            assertThat(event.getMeetingUrl()).isEqualTo(MEET);
            assertThat(event.getPlatform()).isEqualTo(ConferencePlatform.GOOGLE_MEET);
            assertThat(event.getProvider()).isEqualTo("simulated");
            assertThat(event.getMetadata().getUserId()).isEqualTo(user);
            assertThat(event.getMetadata().getProducer()).isEqualTo("bot-service");
        });
        assertThat(events.get(3).getReason()).isEqualTo("call ended");
        assertThat(events.get(6).getReason()).isEqualTo("DECISIONS insight generated");

        var history = body(get(user, "/api/bots/" + botId)).path("statusHistory");
        assertThat(history.size()).isEqualTo(7);
        assertThat(history.get(6).path("status").asString()).isEqualTo("DONE");
    }

    @Test
    void decisionsArrivingFirstWalkThroughTheMissingStatusesOnce() {
        String user = unique("user");
        String meetingId = unique("mtg");
        String botId = createBot(user, MEET, meetingId).path("id").asString();
        await().atMost(Duration.ofSeconds(20)).until(() -> botStatus(botId).equals("TRANSCRIBING"));

        publishInsight(user, meetingId, InsightKind.DECISIONS);
        await().atMost(Duration.ofSeconds(20)).until(() -> botStatus(botId).equals("DONE"));
        publishInsight(user, meetingId, InsightKind.SUMMARY);
        publishInsight(user, meetingId, InsightKind.ACTION_ITEMS);

        List<BotStatusChanged> events = botStatusEvents(meetingId, 7);
        assertThat(events).extracting(BotStatusChanged::getStatus).endsWith(BotStatus.TRANSCRIBING,
                BotStatus.ANALYZING_MEETING, BotStatus.CREATING_TASKS, BotStatus.DONE);
        assertThat(events.get(4).getReason()).isEqualTo("caught up (DECISIONS insight generated)");
        // The late SUMMARY and ACTION_ITEMS change nothing: seven transitions, no more.
        await().during(Duration.ofSeconds(2)).atMost(Duration.ofSeconds(5)).until(() ->
                jdbc.queryForObject("SELECT count(*) FROM bot_status_history WHERE bot_id = ?", Integer.class,
                        botId) == 7);
    }

    @Test
    void aBotWithoutDecisionsBeforeTheDeadlineEndsInError() {
        String user = unique("user");
        String meetingId = unique("mtg");
        String botId = createBot(user, MEET, meetingId).path("id").asString();
        await().atMost(Duration.ofSeconds(20)).until(() -> botStatus(botId).equals("TRANSCRIBING"));
        publishInsight(user, meetingId, InsightKind.SUMMARY);
        await().atMost(Duration.ofSeconds(20)).until(() -> botStatus(botId).equals("ANALYZING_MEETING"));

        var timeout = TaskInstanceId.of(BotJobs.PROCESSING_TIMEOUT, botId);
        assertThat(scheduler.getScheduledExecution(timeout)).hasValueSatisfying(execution ->
                assertThat(execution.getExecutionTime()).isAfter(Instant.now().plus(Duration.ofMinutes(9))));
        scheduler.reschedule(timeout, Instant.now());

        await().atMost(Duration.ofSeconds(20)).until(() -> botStatus(botId).equals("ERROR"));
        var last = botStatusEvents(meetingId, 6).getLast();
        assertThat(last.getStatus()).isEqualTo(BotStatus.ERROR);
        assertThat(last.getPreviousStatus()).isEqualTo(BotStatus.ANALYZING_MEETING);
        assertThat(last.getReason()).contains("no decisions");
        assertThat(last.getTransition()).isEqualTo(6);
    }

    private void publishInsight(String user, String meetingId, InsightKind kind) {
        publish(Topics.INSIGHT_GENERATED, meetingId, InsightGenerated.newBuilder()
                .setMetadata(metadata(user))
                .setInsightId(UUID.randomUUID().toString())
                .setMeetingId(meetingId)
                .setKind(kind)
                .setContent(kind + " of the meeting")
                .setEngine("offline")
                .setFinalInsight(true)
                .build());
    }

    /** The ingestion token contract, computed independently of the code under test. */
    private static String expectedToken(String botId, String meetingId, String userId) throws Exception {
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec("dev-bot-ingest-secret-change-me".getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
        byte[] signature = mac.doFinal((botId + ":" + meetingId + ":" + userId).getBytes(StandardCharsets.UTF_8));
        return Base64.getUrlEncoder().withoutPadding().encodeToString(signature);
    }

    private static List<JsonNode> sampleTranscript() throws Exception {
        String text = new ClassPathResource("sample-meeting/transcript.jsonl").getContentAsString(
                StandardCharsets.UTF_8);
        return text.lines().filter(line -> !line.isBlank()).map(json::readTree).toList();
    }
}
