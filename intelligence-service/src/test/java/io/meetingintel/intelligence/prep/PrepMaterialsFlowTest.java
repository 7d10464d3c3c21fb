package io.meetingintel.intelligence.prep;

import io.meetingintel.events.InsightGenerated;
import io.meetingintel.events.InsightItem;
import io.meetingintel.events.InsightKind;
import io.meetingintel.events.MeetingRequiresPrep;
import io.meetingintel.intelligence.EventBus;
import io.meetingintel.intelligence.IntelligenceServiceTestBase;
import io.meetingintel.intelligence.PrepEvents;
import io.meetingintel.platform.serde.AvroEventCodec;
import io.meetingintel.schemas.Topics;

import java.time.Duration;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.kafka.core.KafkaTemplate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

class PrepMaterialsFlowTest extends IntelligenceServiceTestBase {

    @Autowired
    KafkaTemplate<String, byte[]> kafka;
    @Autowired
    AvroEventCodec codec;

    @Test
    void meetingRequiresPrepIsAnsweredWithPrepMaterialsOfItsTypeOncePerVersion() {
        String meetingId = "mtg_" + UUID.randomUUID();
        try (EventBus bus = new EventBus(kafka, codec)) {
            MeetingRequiresPrep prep = PrepEvents.requiresPrep(meetingId, "user-a", "one_on_one", 1);
            bus.publish(Topics.MEETING_REQUIRES_PREP, meetingId, prep);
            // The same version again under a new event id (calendar re-sent it): no second answer.
            bus.publish(Topics.MEETING_REQUIRES_PREP, meetingId,
                    PrepEvents.requiresPrep(meetingId, "user-a", "one_on_one", 1));

            List<InsightGenerated> answers = await().atMost(Duration.ofSeconds(30))
                    .until(() -> bus.insightsOf(meetingId), found -> !found.isEmpty());

            InsightGenerated materials = answers.getFirst();
            assertThat(materials.getKind()).isEqualTo(InsightKind.PREP_MATERIALS);
            assertThat(materials.getFinalInsight()).isTrue();
            assertThat(materials.getTemplateId()).isEqualTo("prep-one-on-one-v1");
            assertThat(materials.getMetadata().getCorrelationId()).isEqualTo(prep.getMetadata().getCorrelationId());
            assertThat(materials.getContent())
                    .startsWith("## Preparation: Weekly 1:1 Alice / Bob")
                    .contains("**When:** 2026-12-01 09:00 UTC · **Type:** one_on_one")
                    .contains("1. Check-in: how are things going?")
                    .contains("1:1 \"Weekly 1:1 Alice / Bob\" with Alice Chen, bob@example.com on 2026-12-01 09:00 UTC")
                    .as("the description's $goals is text, not a variable").contains("Bob's $goals for Q1.");
            assertThat(materials.getItems()).extracting(InsightItem::getText)
                    .contains("Agenda: Blockers and support needed", "Question: What can I do to help this week?");

            // A new meeting version (rescheduled, say) gets fresh materials, of the default type this time.
            bus.publish(Topics.MEETING_REQUIRES_PREP, meetingId,
                    PrepEvents.requiresPrep(meetingId, "user-a", "planning", 2));
            List<InsightGenerated> both = await().atMost(Duration.ofSeconds(30))
                    .until(() -> bus.insightsOf(meetingId), found -> found.size() >= 2);
            assertThat(both).hasSize(2);
            assertThat(both.get(1).getTemplateId()).isEqualTo("prep-default-v1");
        }
    }
}
