package io.meetingintel.intelligence.transcript;

import io.meetingintel.events.InsightGenerated;
import io.meetingintel.events.InsightKind;
import io.meetingintel.intelligence.EventBus;
import io.meetingintel.intelligence.IntelligenceServiceTestBase;
import io.meetingintel.intelligence.SampleTranscripts;
import io.meetingintel.intelligence.TranscriptEvents;
import io.meetingintel.intelligence.engine.TranscriptLine;
import io.meetingintel.platform.serde.AvroEventCodec;

import java.time.Duration;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.kafka.core.KafkaTemplate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** The test context publishes running notes every 5 new final chunks over the latest 8. */
class RunningNotesFlowTest extends IntelligenceServiceTestBase {

    @Autowired
    KafkaTemplate<String, byte[]> kafka;
    @Autowired
    AvroEventCodec codec;
    @Autowired
    JdbcTemplate jdbc;

    @Test
    void runningNotesEveryFiveNewChunksOverTheLatestWindowIgnoringDuplicates() {
        String meetingId = "mtg_" + UUID.randomUUID();
        List<TranscriptLine> lines = SampleTranscripts.load("/transcripts/pilot-planning.txt").subList(0, 12);
        try (EventBus bus = new EventBus(kafka, codec)) {
            TranscriptEvents.publishChunks(bus, meetingId, "user-a", lines.subList(0, 7));
            // Chunks 3..7 again (a pipeline re-publish): stored once, not counted again.
            TranscriptEvents.publishChunks(bus, meetingId, "user-a", lines.subList(2, 7));
            TranscriptEvents.publishChunks(bus, meetingId, "user-a", lines.subList(7, 12));

            List<InsightGenerated> notes = await().atMost(Duration.ofSeconds(30))
                    .until(() -> bus.insightsOf(meetingId), found -> found.size() >= 2);

            assertThat(notes).extracting(InsightGenerated::getKind).containsOnly(InsightKind.RUNNING_NOTES);
            assertThat(notes).extracting(InsightGenerated::getTranscriptThroughSequence).containsExactly(5L, 10L);
            assertThat(notes).allSatisfy(note -> {
                assertThat(note.getFinalInsight()).isFalse();
                assertThat(note.getMetadata().getUserId()).isEqualTo("user-a");
                assertThat(note.getTemplateId()).isEqualTo("running-notes-v1");
            });
            assertThat(notes.get(0).getContent()).startsWith("### Notes 00:00:00 – 00:01:14");
            assertThat(notes.get(1).getContent()).as("window of the latest 8 chunks: 3..10")
                    .startsWith("### Notes 00:00:30 – 00:02:29");
            assertThat(jdbc.queryForObject("SELECT count(*) FROM transcript_chunk WHERE meeting_id = ?",
                    Integer.class, meetingId)).isEqualTo(12);
            await().during(Duration.ofSeconds(2)).atMost(Duration.ofSeconds(5))
                    .until(() -> bus.insightsOf(meetingId).size() == 2);
        }
    }
}
