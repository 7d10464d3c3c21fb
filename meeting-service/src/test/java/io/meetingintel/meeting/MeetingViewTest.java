package io.meetingintel.meeting;

import io.meetingintel.events.BotStatus;
import io.meetingintel.events.InsightKind;
import io.meetingintel.events.MeetingRequiresPrep;
import io.meetingintel.testing.EmbeddedInfrastructure;
import io.meetingintel.schemas.Topics;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.StreamSupport;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.junit.jupiter.api.Test;

import tools.jackson.databind.JsonNode;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.matchingJsonPath;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.stubbing.Scenario.STARTED;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** Prep workflow with notifications, what other services report in the view, list filters, invalid events. */
class MeetingViewTest extends MeetingServiceTestBase {

    @Test
    void prepMovesFromNotStartedToNotifiedToCompletedAndNotifiesSlack() {
        String user = newId("user");
        String meetingId = newId("mtg");
        Instant start = now().plus(Duration.ofHours(20));
        slack.stubFor(post(urlEqualTo(SLACK_PATH)).withRequestBody(containing(meetingId))
                .willReturn(aResponse().withStatus(200).withBody("ok")));
        publish(Topics.MEETING_DISCOVERED_NAME, meetingId,
                meeting(meetingId, user, 1, start, start.plus(Duration.ofHours(1))).build());
        assertThat(awaitMeeting(meetingId, user).get("prepStatus").asString()).isEqualTo("not_started");

        publish(Topics.MEETING_REQUIRES_PREP_NAME, meetingId, prepRequired(meetingId, user, start));
        await().atMost(Duration.ofSeconds(20)).until(() -> prepStatus(meetingId, user).equals("notified"));
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> slack.verify(1, postRequestedFor(
                urlEqualTo(SLACK_PATH)).withRequestBody(matchingJsonPath("$.text",
                containing("Quarterly review " + meetingId)))));

        publish(Topics.INSIGHT_GENERATED_NAME, meetingId, insight(meetingId, user, InsightKind.PREP_MATERIALS,
                "## Prep\nReview last quarter", List.of(item("Check the Q3 numbers", null, null))));
        await().atMost(Duration.ofSeconds(20)).until(() -> prepStatus(meetingId, user).equals("completed"));
        JsonNode materials = view(meetingId, user).get("prepMaterials");
        assertThat(materials.get("content").asString()).isEqualTo("## Prep\nReview last quarter");
        assertThat(materials.get("items").get(0).get("text").asString()).isEqualTo("Check the Q3 numbers");

        // A repeated prep trigger neither moves the workflow back nor notifies again.
        MeetingRequiresPrep again = prepRequired(meetingId, user, start);
        publish(Topics.MEETING_REQUIRES_PREP_NAME, meetingId, again);
        awaitConsumed("meeting-prep-required", again);
        assertThat(prepStatus(meetingId, user)).isEqualTo("completed");
        slack.verify(1, postRequestedFor(urlEqualTo(SLACK_PATH)).withRequestBody(containing(meetingId)));
    }

    @Test
    void failedNotificationIsRetriedWithoutLosingThePrepState() {
        String user = newId("user");
        String meetingId = newId("mtg");
        Instant start = now().plus(Duration.ofHours(20));
        String scenario = "flaky-" + meetingId;
        slack.stubFor(post(urlEqualTo(SLACK_PATH)).withRequestBody(containing(meetingId)).inScenario(scenario)
                .whenScenarioStateIs(STARTED).willReturn(aResponse().withStatus(503).withBody("try later"))
                .willSetStateTo("recovered"));
        slack.stubFor(post(urlEqualTo(SLACK_PATH)).withRequestBody(containing(meetingId)).inScenario(scenario)
                .whenScenarioStateIs("recovered").willReturn(aResponse().withStatus(200).withBody("ok")));
        publish(Topics.MEETING_DISCOVERED_NAME, meetingId,
                meeting(meetingId, user, 1, start, start.plus(Duration.ofHours(1))).build());
        awaitMeeting(meetingId, user);

        publish(Topics.MEETING_REQUIRES_PREP_NAME, meetingId, prepRequired(meetingId, user, start));
        await().atMost(Duration.ofSeconds(20)).until(() -> prepStatus(meetingId, user).equals("notified"));
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> slack.verify(2,
                postRequestedFor(urlEqualTo(SLACK_PATH)).withRequestBody(containing(meetingId))));
        await().atMost(Duration.ofSeconds(10)).until(() -> StreamSupport.stream(jobsOf(meetingId).spliterator(), false)
                .noneMatch(job -> job.get("taskName").asString().equals("prep-notification")));
        assertThat(prepStatus(meetingId, user)).isEqualTo("notified");
    }

    @Test
    void prepSignalArrivingBeforeTheMeetingIsAppliedWhenItIsDiscovered() {
        String user = newId("user");
        String meetingId = newId("mtg");
        Instant start = now().plus(Duration.ofHours(20));
        MeetingRequiresPrep early = prepRequired(meetingId, user, start);
        publish(Topics.MEETING_REQUIRES_PREP_NAME, meetingId, early);
        awaitConsumed("meeting-prep-required", early);

        publish(Topics.MEETING_DISCOVERED_NAME, meetingId,
                meeting(meetingId, user, 1, start, start.plus(Duration.ofHours(1))).build());
        assertThat(awaitMeeting(meetingId, user).get("prepStatus").asString()).isEqualTo("notified");
    }

    @Test
    void viewShowsLatestBotStatusAndPostMeetingInsights() {
        String user = newId("user");
        String meetingId = newId("mtg");
        Instant start = now().minus(Duration.ofHours(2));
        publish(Topics.MEETING_DISCOVERED_NAME, meetingId,
                meeting(meetingId, user, 1, start, start.plus(Duration.ofHours(1))).build());
        JsonNode empty = awaitMeeting(meetingId, user);
        assertThat(empty.get("bot").isNull()).isTrue();
        assertThat(empty.get("summary").isNull()).isTrue();
        assertThat(empty.get("actionItems")).isEmpty();

        String bot = newId("bot");
        publish(Topics.BOT_STATUS_CHANGED_NAME, meetingId, botStatus(meetingId, user, bot, BotStatus.INITIALIZED, 1));
        publish(Topics.BOT_STATUS_CHANGED_NAME, meetingId, botStatus(meetingId, user, bot, BotStatus.TRANSCRIBING, 4));
        var late = botStatus(meetingId, user, bot, BotStatus.CONNECTED, 3);
        publish(Topics.BOT_STATUS_CHANGED_NAME, meetingId, late);
        awaitConsumed("meeting-bot-status", late);
        JsonNode botView = view(meetingId, user).get("bot");
        assertThat(botView.get("botId").asString()).isEqualTo(bot);
        assertThat(botView.get("status").asString()).isEqualTo("transcribing");
        assertThat(botView.get("transition").asInt()).isEqualTo(4);

        publish(Topics.INSIGHT_GENERATED_NAME, meetingId, insight(meetingId, user, InsightKind.SUMMARY,
                "We reviewed Q3.", List.of()));
        publish(Topics.INSIGHT_GENERATED_NAME, meetingId, insight(meetingId, user, InsightKind.ACTION_ITEMS,
                "- Ann sends the deck", List.of(item("Send the deck", "Ann", LocalDate.of(2030, 1, 15)))));
        publish(Topics.INSIGHT_GENERATED_NAME, meetingId, insight(meetingId, user, InsightKind.DECISIONS,
                "- Ship in March", List.of(item("Ship in March", null, null))));
        await().atMost(Duration.ofSeconds(20)).until(() -> !view(meetingId, user).get("decisions").isEmpty());

        JsonNode view = view(meetingId, user);
        assertThat(view.get("summary").get("content").asString()).isEqualTo("We reviewed Q3.");
        JsonNode action = view.get("actionItems").get(0);
        assertThat(action.get("text").asString()).isEqualTo("Send the deck");
        assertThat(action.get("owner").asString()).isEqualTo("Ann");
        assertThat(action.get("dueDate").asString()).isEqualTo("2030-01-15");
        assertThat(view.get("decisions").get(0).get("text").asString()).isEqualTo("Ship in March");
        assertThat(view.get("status").asString()).isEqualTo("done");
    }

    @Test
    void listFiltersAndPaginatesByStartTime() {
        String user = newId("user");
        Instant base = now().plus(Duration.ofDays(10));
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            String meetingId = newId("mtg");
            ids.add(meetingId);
            Instant start = base.plus(Duration.ofDays(i));
            publish(Topics.MEETING_DISCOVERED_NAME, meetingId, meeting(meetingId, user, 1, start,
                    start.plus(Duration.ofHours(1))).setMeetingType(i == 1 ? "one_on_one" : "client_meeting").build());
        }
        String past = newId("mtg");
        publish(Topics.MEETING_DISCOVERED_NAME, past, meeting(past, user, 1, base.minus(Duration.ofDays(30)),
                base.minus(Duration.ofDays(30)).plus(Duration.ofHours(1))).build());
        await().atMost(Duration.ofSeconds(20))
                .until(() -> getJson("/api/meetings", user).get("total").asLong() == 4);

        JsonNode firstPage = getJson("/api/meetings?status=upcoming&size=2", user);
        assertThat(firstPage.get("total").asLong()).isEqualTo(3);
        assertThat(firstPage.get("page").asInt()).isZero();
        assertThat(firstPage.get("size").asInt()).isEqualTo(2);
        assertThat(ids(firstPage)).containsExactly(ids.get(0), ids.get(1));
        assertThat(ids(getJson("/api/meetings?status=upcoming&size=2&page=1", user))).containsExactly(ids.get(2));

        assertThat(ids(getJson("/api/meetings?status=done", user))).containsExactly(past);
        assertThat(ids(getJson("/api/meetings?type=one_on_one", user))).containsExactly(ids.get(1));
        assertThat(ids(getJson("/api/meetings?from=" + base.plus(Duration.ofHours(12)) + "&to="
                + base.plus(Duration.ofDays(2)), user))).containsExactly(ids.get(1));
        assertThat(getJson("/api/meetings", user).get("size").asInt()).isEqualTo(50);

        assertThat(get("/api/meetings?status=sleeping", user).statusCode()).isEqualTo(400);
        assertThat(get("/api/meetings?size=500", user).statusCode()).isEqualTo(400);
        assertThat(get("/api/meetings?from=yesterday", user).statusCode()).isEqualTo(400);
        assertThat(get("/api/meetings", null).statusCode()).isEqualTo(401);
    }

    @Test
    void invalidMeetingsAreDeadLetteredAndNotStored() {
        String user = newId("user");
        String backwards = newId("mtg");
        String ownerless = newId("mtg");
        Instant start = now().plus(Duration.ofDays(1));
        publish(Topics.MEETING_DISCOVERED_NAME, backwards,
                meeting(backwards, user, 1, start, start.minus(Duration.ofMinutes(5))).build());
        var noUser = meeting(ownerless, user, 1, start, start.plus(Duration.ofHours(1))).build();
        noUser.getMetadata().setUserId("");
        publish(Topics.MEETING_DISCOVERED_NAME, ownerless, noUser);

        assertThat(awaitDeadLetters(Topics.MEETING_DISCOVERED.deadLetterTopic(), List.of(backwards, ownerless)))
                .containsExactlyInAnyOrder(backwards, ownerless);
        assertThat(get("/api/meetings/" + backwards, user).statusCode()).isEqualTo(404);
        assertThat(jdbc.queryForObject("SELECT count(*) FROM meeting WHERE id IN (?, ?)", Integer.class,
                backwards, ownerless)).isZero();
    }

    private String prepStatus(String meetingId, String user) {
        return view(meetingId, user).get("prepStatus").asString();
    }

    private static List<String> ids(JsonNode page) {
        return StreamSupport.stream(page.get("items").spliterator(), false).map(item -> item.get("id").asString())
                .toList();
    }

    /** The keys among the expected ones that reached the dead-letter topic. */
    private List<String> awaitDeadLetters(String topic, List<String> expectedKeys) {
        Map<String, Object> config = Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, EmbeddedInfrastructure.get().bootstrapServers(),
                ConsumerConfig.GROUP_ID_CONFIG, "meeting-test-" + UUID.randomUUID(),
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        List<String> found = new ArrayList<>();
        try (var consumer = new KafkaConsumer<>(config, new StringDeserializer(), new ByteArrayDeserializer())) {
            consumer.subscribe(List.of(topic));
            long deadline = System.currentTimeMillis() + 20_000;
            while (found.size() < expectedKeys.size() && System.currentTimeMillis() < deadline) {
                consumer.poll(Duration.ofMillis(500)).forEach(record -> {
                    if (expectedKeys.contains(record.key()) && !found.contains(record.key())) {
                        found.add(record.key());
                    }
                });
            }
        }
        return found;
    }
}
