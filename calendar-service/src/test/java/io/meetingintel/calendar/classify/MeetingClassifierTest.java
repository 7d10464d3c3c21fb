package io.meetingintel.calendar.classify;

import io.meetingintel.calendar.event.CalendarEvent;
import io.meetingintel.calendar.event.Participant;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.stream.IntStream;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class MeetingClassifierTest {

    private static final Instant START = Instant.parse("2030-03-01T10:00:00Z");

    private final MeetingClassifier bundled = MeetingTypeRulesLoader.load(
            MeetingClassifierTest.class.getResourceAsStream("/meeting-types.yml"), "bundled");

    @Test
    void bundledRulesFollowSeed001() {
        assertThat(bundled.classify(event("Q3 qbr with Acme", null, 20))).isEqualTo(new Classification("qbr", 336));
        assertThat(bundled.classify(event("Alice / Bob 1:1", null, 2))).isEqualTo(new Classification("one_on_one", 24));
        assertThat(bundled.classify(event("Weekly sync", "Leadership team agenda", 12)))
                .isEqualTo(new Classification("leadership_meeting", 72));
        assertThat(bundled.classify(event("Post-Mortem: login outage", null, 4)))
                .isEqualTo(new Classification("incident_review", 2));
        assertThat(bundled.classify(event("ALL HANDS", null, 15))).isEqualTo(new Classification("staff_meeting", 48));
        assertThat(bundled.classify(event("Weekly product sync with Acme (client meeting)", null, 3)))
                .isEqualTo(new Classification("client_meeting", 24));
    }

    @Test
    void attendeeBoundsMustHoldOrTheDefaultTypeApplies() {
        assertThat(bundled.classify(event("Quarterly business review", null, 19)))
                .isEqualTo(new Classification("general", 24));
        assertThat(bundled.classify(event("1:1 and friends", null, 4))).isEqualTo(new Classification("general", 24));
        assertThat(bundled.classify(event("Lunch", null, 1))).isEqualTo(new Classification("general", 24));
    }

    @Test
    void theFirstMatchingRuleWinsAndTheDefaultIsConfigurable() {
        MeetingClassifier classifier = MeetingTypeRulesLoader.load(yaml("""
                meeting_types:
                  review:
                    keywords: ["Review"]
                    prep_hours_before: 5
                  design_review:
                    keywords: ["design review"]
                    prep_hours_before: 48
                  empty: {}
                default_type:
                  name: other
                  prep_hours_before: 1
                """), "test");

        assertThat(classifier.classify(event("Design REVIEW", null, 3))).isEqualTo(new Classification("review", 5));
        assertThat(classifier.classify(event("Chat", null, 3))).isEqualTo(new Classification("other", 1));
        assertThat(new Classification("review", 5).prepTriggerAt(START)).isEqualTo("2030-03-01T05:00:00Z");
    }

    @Test
    void rejectsMalformedRules() {
        assertThatThrownBy(() -> MeetingTypeRulesLoader.load(yaml("meeting_types: [1, 2]"), "test"))
                .hasMessageContaining("must be a mapping");
        assertThatThrownBy(() -> MeetingTypeRulesLoader.load(yaml("""
                meeting_types:
                  x:
                    keywords: ["a"]
                    prep_hours_before: soon
                """), "test")).hasMessageContaining("x.prep_hours_before must be a whole number");
    }

    private static InputStream yaml(String text) {
        return new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8));
    }

    private static CalendarEvent event(String title, String description, int attendees) {
        List<Participant> people = IntStream.range(0, attendees)
                .mapToObj(i -> new Participant("p" + i + "@example.com", null, Participant.Response.ACCEPTED, false))
                .toList();
        return new CalendarEvent("uid", null, title, description, null, START, START.plusSeconds(3600), null, people,
                null, false);
    }
}
