package io.meetingintel.intelligence.engine;

import io.meetingintel.intelligence.SampleTranscripts;

import java.time.LocalDate;
import java.util.List;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class TranscriptTest {

    private final Transcript sample = new Transcript(new MeetingFacts("mtg_1", "Planning", null, null, List.of(),
            null, LocalDate.of(2026, 11, 30)), SampleTranscripts.load("/transcripts/pilot-planning.txt"), false);

    @Test
    void aTranscriptWithinTheLimitIsKeptWholeAndNotMarkedTruncated() {
        Transcript limited = sample.limitedTo(sample.render().length());

        assertThat(limited.truncated()).isFalse();
        assertThat(limited.lines()).hasSameSizeAs(sample.lines());
    }

    @Test
    void aLongerTranscriptKeepsTheLeadingTextThatFitsAndIsMarkedTruncated() {
        int limit = 1_000;

        Transcript limited = sample.limitedTo(limit);

        assertThat(limited.truncated()).isTrue();
        assertThat(limited.render()).hasSize(limit).isEqualTo(sample.render().substring(0, limit - 1) + "\n");
        int whole = limited.lines().size() - 1;
        assertThat(limited.lines().subList(0, whole)).isEqualTo(sample.lines().subList(0, whole));
        assertThat(sample.lines().get(whole).text()).as("the last kept line is cut")
                .startsWith(limited.lines().get(whole).text()).isNotEqualTo(limited.lines().get(whole).text());
    }

    @Test
    void aSingleHugeLineIsCutRatherThanDropped() {
        Transcript huge = new Transcript(sample.meeting(),
                List.of(new TranscriptLine(1, "Alice", "word ".repeat(20_000), 0, 1_000)), false);

        Transcript limited = huge.limitedTo(5_000);

        assertThat(limited.truncated()).isTrue();
        assertThat(limited.lines()).singleElement().satisfies(line -> assertThat(line.text()).hasSize(5_000 - 8));
    }
}
