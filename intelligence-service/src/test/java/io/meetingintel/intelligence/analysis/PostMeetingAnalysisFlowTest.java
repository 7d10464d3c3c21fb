package io.meetingintel.intelligence.analysis;

import io.meetingintel.events.BotStatusChanged;
import io.meetingintel.events.InsightGenerated;
import io.meetingintel.events.InsightItem;
import io.meetingintel.events.InsightKind;
import io.meetingintel.intelligence.EventBus;
import io.meetingintel.intelligence.IntelligenceServiceTestBase;
import io.meetingintel.intelligence.SampleTranscripts;
import io.meetingintel.intelligence.TranscriptEvents;
import io.meetingintel.intelligence.engine.TranscriptLine;
import io.meetingintel.platform.serde.AvroEventCodec;
import io.meetingintel.schemas.Topics;

import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.kafka.core.KafkaTemplate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;
import static org.awaitility.Awaitility.await;

class PostMeetingAnalysisFlowTest extends IntelligenceServiceTestBase {

    private static final List<InsightKind> POST_MEETING = List.of(InsightKind.SUMMARY, InsightKind.ACTION_ITEMS,
            InsightKind.DECISIONS);

    @Autowired
    KafkaTemplate<String, byte[]> kafka;
    @Autowired
    AvroEventCodec codec;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    PostMeetingAnalysis analysis;

    private EventBus bus;

    @BeforeEach
    void connect() {
        bus = new EventBus(kafka, codec);
    }

    @AfterEach
    void disconnect() {
        bus.close();
    }

    @Test
    void afterTheCallPublishesSummaryActionItemsAndDecisionsInOrderExactlyOnce() {
        String meetingId = "mtg_" + UUID.randomUUID();
        List<TranscriptLine> sample = SampleTranscripts.load("/transcripts/pilot-planning.txt");
        TranscriptEvents.publishChunks(bus, meetingId, "user-a", sample);
        BotStatusChanged transcribing = TranscriptEvents.transcribing(meetingId, "user-a");
        bus.publish(Topics.BOT_STATUS_CHANGED, meetingId, transcribing);

        List<InsightGenerated> finals = await().atMost(Duration.ofSeconds(60))
                .until(() -> finalsOf(meetingId), found -> found.size() >= 3);

        assertThat(finals).extracting(InsightGenerated::getKind).containsExactlyElementsOf(POST_MEETING);
        assertThat(finals).allSatisfy(insight -> {
            assertThat(insight.getFinalInsight()).isTrue();
            assertThat(insight.getTruncated()).isFalse();
            assertThat(insight.getEngine()).isEqualTo("offline");
            assertThat(insight.getTranscriptThroughSequence()).isEqualTo((long) sample.size());
            assertThat(insight.getMetadata().getUserId()).isEqualTo("user-a");
            assertThat(insight.getMetadata().getCorrelationId())
                    .isEqualTo(transcribing.getMetadata().getCorrelationId());
        });
        assertThat(finals.get(0).getContent()).contains("**Participants:** Alice Chen, Bob Martinez, Carol Singh");
        assertThat(finals.get(1).getItems()).hasSize(9)
                .extracting(InsightItem::getOwner, InsightItem::getDueDate)
                .contains(tuple("Alice", LocalDate.of(2026, 12, 4)), tuple("Bob", LocalDate.of(2026, 12, 1)),
                        tuple("Dan Okafor", LocalDate.of(2026, 12, 7)));
        assertThat(finals.get(2).getItems()).hasSize(5);

        // The bot reports TRANSCRIBING again (a second bot, a replay): nothing more is requested or scheduled.
        BotStatusChanged again = TranscriptEvents.transcribing(meetingId, "user-a");
        bus.publish(Topics.BOT_STATUS_CHANGED, meetingId, again);
        await().atMost(Duration.ofSeconds(30)).until(() -> jdbc.queryForObject(
                "SELECT count(*) FROM platform_processed_event WHERE event_id = ?", Integer.class,
                again.getMetadata().getEventId()) == 1);
        assertThat(jdbc.queryForObject("SELECT count(*) FROM scheduled_tasks WHERE task_instance = ?", Integer.class,
                meetingId)).isZero();
        // A rerun of the job (say, after a crash between commit and job removal) publishes nothing either.
        assertThat(analysis.run(meetingId, 1)).isEmpty();
        assertThat(jdbc.queryForObject("SELECT count(*) FROM insight WHERE meeting_id = ? AND final_insight",
                Integer.class, meetingId)).isEqualTo(3);
        await().during(Duration.ofSeconds(3)).atMost(Duration.ofSeconds(10))
                .until(() -> finalsOf(meetingId).size() == 3);
    }

    @Test
    void aTranscriptLongerThanTheLimitIsAnalysedTruncatedAndSaysSo() {
        String meetingId = "mtg_" + UUID.randomUUID();
        List<TranscriptLine> lines = List.of(
                new TranscriptLine(1, "Alice", "We decided to ship the beta on Monday.", 0, 5_000),
                new TranscriptLine(2, "Bob", "Lorem ipsum dolor sit amet. ".repeat(2_500), 5_000, 600_000),
                new TranscriptLine(3, "Alice", "Bob will update the pricing sheet by Friday.", 600_000, 605_000));
        TranscriptEvents.publishChunks(bus, meetingId, "user-a", lines);
        bus.publish(Topics.BOT_STATUS_CHANGED, meetingId, TranscriptEvents.transcribing(meetingId, "user-a"));

        List<InsightGenerated> finals = await().atMost(Duration.ofSeconds(60))
                .until(() -> finalsOf(meetingId), found -> found.size() >= 3);

        assertThat(finals).extracting(InsightGenerated::getKind).containsExactlyElementsOf(POST_MEETING);
        assertThat(finals).allSatisfy(insight -> assertThat(insight.getTruncated()).isTrue());
        assertThat(finals.get(0).getTranscriptThroughSequence()).as("the cut line is the last one covered")
                .isEqualTo(2L);
        assertThat(finals.get(2).getItems()).extracting(InsightItem::getText)
                .containsExactly("We decided to ship the beta on Monday");
        assertThat(finals.get(1).getItems()).as("the action item after the cut is not analysed").isEmpty();
        assertThat(jdbc.queryForObject("SELECT bool_and(truncated) FROM insight WHERE meeting_id = ?", Boolean.class,
                meetingId)).isTrue();
    }

    @Test
    void aBlankUserNeverBecomesTheOwnerTheFirstNamedOneDoes() {
        String meetingId = "mtg_" + UUID.randomUUID();
        List<TranscriptLine> lines = List.of(
                new TranscriptLine(1, "Alice", "We decided to ship the beta on Monday.", 0, 5_000),
                new TranscriptLine(2, "Bob", "I will update the pricing sheet by Friday.", 5_000, 9_000));
        TranscriptEvents.publishChunks(bus, meetingId, " ", lines);
        await().atMost(Duration.ofSeconds(30)).until(() -> jdbc.queryForObject(
                "SELECT count(*) FROM transcript_chunk WHERE meeting_id = ?", Integer.class, meetingId) == 2);
        assertThat(jdbc.queryForObject("SELECT user_id FROM meeting WHERE meeting_id = ?", String.class, meetingId))
                .isNull();

        bus.publish(Topics.BOT_STATUS_CHANGED, meetingId, TranscriptEvents.transcribing(meetingId, "user-b"));

        List<InsightGenerated> finals = await().atMost(Duration.ofSeconds(60))
                .until(() -> finalsOf(meetingId), found -> found.size() >= 3);
        assertThat(finals).extracting(insight -> insight.getMetadata().getUserId()).containsOnly("user-b");
        assertThat(jdbc.queryForObject("SELECT user_id FROM meeting WHERE meeting_id = ?", String.class, meetingId))
                .isEqualTo("user-b");
    }

    private List<InsightGenerated> finalsOf(String meetingId) {
        return bus.insightsOf(meetingId).stream().filter(InsightGenerated::getFinalInsight).toList();
    }
}
