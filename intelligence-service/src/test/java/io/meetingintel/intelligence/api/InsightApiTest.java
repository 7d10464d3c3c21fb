package io.meetingintel.intelligence.api;

import io.meetingintel.events.InsightGenerated;
import io.meetingintel.intelligence.EventBus;
import io.meetingintel.intelligence.IntelligenceServiceTestBase;
import io.meetingintel.intelligence.PrepEvents;
import io.meetingintel.intelligence.SampleTranscripts;
import io.meetingintel.intelligence.TranscriptEvents;
import io.meetingintel.platform.serde.AvroEventCodec;
import io.meetingintel.schemas.Topics;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.kafka.core.KafkaTemplate;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

class InsightApiTest extends IntelligenceServiceTestBase {

    private static final HttpClient http = HttpClient.newHttpClient();

    @LocalServerPort
    int port;
    @Autowired
    KafkaTemplate<String, byte[]> kafka;
    @Autowired
    AvroEventCodec codec;
    @Autowired
    JsonMapper json;

    @Test
    void aUserSeesTheInsightsOfTheirOwnMeetingsOnly() throws Exception {
        String meetingId = "mtg_" + UUID.randomUUID();
        try (EventBus bus = new EventBus(kafka, codec)) {
            bus.publish(Topics.MEETING_REQUIRES_PREP, meetingId,
                    PrepEvents.requiresPrep(meetingId, "user-a", "one_on_one", 1));
            TranscriptEvents.publishChunks(bus, meetingId, "user-a",
                    SampleTranscripts.load("/transcripts/pilot-planning.txt"));
            bus.publish(Topics.BOT_STATUS_CHANGED, meetingId, TranscriptEvents.transcribing(meetingId, "user-a"));
            await().atMost(Duration.ofSeconds(60)).until(() -> bus.insightsOf(meetingId).stream()
                    .filter(InsightGenerated::getFinalInsight).count() == 4);
        }

        HttpResponse<String> all = get("/api/insights/" + meetingId, "user-a");
        assertThat(all.statusCode()).isEqualTo(200);
        JsonNode page = json.readTree(all.body());
        // 1 prep + 6 running notes (34 chunks, every 5) + 3 post-meeting insights.
        assertThat(page.get("total").asLong()).isEqualTo(10);
        assertThat(page.get("page").asInt()).isZero();
        assertThat(page.get("size").asInt()).isEqualTo(50);
        assertThat(page.get("items").get(0).get("kind").asString()).isEqualTo("PREP_MATERIALS");

        JsonNode secondPage = json.readTree(get("/api/insights/" + meetingId + "?page=1&size=4", "user-a").body());
        assertThat(secondPage.get("items")).hasSize(4);
        assertThat(secondPage.get("total").asLong()).isEqualTo(10);

        HttpResponse<String> actionItems = get("/api/insights/" + meetingId + "/action_items", "user-a");
        assertThat(actionItems.statusCode()).isEqualTo(200);
        JsonNode insight = json.readTree(actionItems.body());
        assertThat(insight.get("kind").asString()).isEqualTo("ACTION_ITEMS");
        assertThat(insight.get("engine").asString()).isEqualTo("offline");
        assertThat(insight.get("truncated").asBoolean()).isFalse();
        assertThat(insight.get("finalInsight").asBoolean()).isTrue();
        assertThat(insight.get("createdAt").asString()).endsWith("Z");
        JsonNode proposal = insight.get("items").get(1);
        assertThat(proposal.get("owner").asString()).isEqualTo("Alice");
        assertThat(proposal.get("dueDate").asString()).isEqualTo("2026-12-04");
        assertThat(proposal.get("sourceSequences")).hasSize(2);
        assertThat(get("/api/insights/" + meetingId + "/SUMMARY", "user-a").statusCode()).isEqualTo(200);

        assertProblem(get("/api/insights/" + meetingId, "user-b"), 404);
        assertProblem(get("/api/insights/" + meetingId + "/summary", "user-b"), 404);
        assertProblem(get("/api/insights/mtg_unknown", "user-a"), 404);
        assertProblem(get("/api/insights/" + meetingId, null), 401);
        assertProblem(get("/api/insights/" + meetingId + "/bogus", "user-a"), 400);
        assertProblem(get("/api/insights/" + meetingId + "?size=500", "user-a"), 400);
        assertProblem(get("/api/insights/" + meetingId + "/other", "user-a"), 404);
    }

    private void assertProblem(HttpResponse<String> response, int status) {
        assertThat(response.statusCode()).isEqualTo(status);
        assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(type ->
                assertThat(type).startsWith("application/problem+json"));
        assertThat(json.readTree(response.body()).get("status").asInt()).isEqualTo(status);
    }

    private HttpResponse<String> get(String path, String userId) throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path)).GET();
        if (userId != null) {
            request.header("X-User-Id", userId);
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }
}
