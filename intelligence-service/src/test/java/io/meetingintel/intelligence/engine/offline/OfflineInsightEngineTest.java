package io.meetingintel.intelligence.engine.offline;

import io.meetingintel.intelligence.SampleTranscripts;
import io.meetingintel.intelligence.engine.ExtractedItem;
import io.meetingintel.intelligence.engine.InsightDraft;
import io.meetingintel.intelligence.engine.MeetingFacts;
import io.meetingintel.intelligence.engine.Transcript;
import io.meetingintel.intelligence.engine.TranscriptLine;
import io.meetingintel.intelligence.template.InsightTemplates;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

class OfflineInsightEngineTest {

    private static final LocalDate MEETING_DATE = LocalDate.of(2026, 11, 30);
    private static final MeetingFacts MEETING = new MeetingFacts("mtg_sample", "Acme pilot planning", "default", null,
            List.of(), Instant.parse("2026-11-30T15:00:00Z"), MEETING_DATE);

    private final OfflineInsightEngine engine = new OfflineInsightEngine(5);
    private final InsightTemplates templates = InsightTemplates.load(null);
    private final Transcript sample = new Transcript(MEETING,
            SampleTranscripts.load("/transcripts/pilot-planning.txt"), false);

    @Test
    void findsEveryActionItemWithItsOwnerAndDueDateAndNothingElse() {
        InsightDraft draft = engine.extractActionItems(sample, templates.insight(InsightTemplates.ACTION_ITEMS));

        assertThat(draft.items()).extracting(ExtractedItem::text, ExtractedItem::owner, ExtractedItem::dueDate)
                .containsExactly(
                        tuple("Update the pricing sheet by 2026-12-01", "Bob", LocalDate.of(2026, 12, 1)),
                        tuple("Send the revised proposal by Friday, December 4", "Alice", LocalDate.of(2026, 12, 4)),
                        tuple("Check with legal about the data retention clause tomorrow", "Bob Martinez",
                                LocalDate.of(2026, 12, 1)),
                        tuple("Review the API rate limits before Wednesday", "Carol", LocalDate.of(2026, 12, 2)),
                        tuple("Write up the migration plan in two weeks, once the rate limits are settled",
                                "Carol Singh", LocalDate.of(2026, 12, 14)),
                        tuple("Draft the launch announcement by end of the week", "Dan", LocalDate.of(2026, 12, 4)),
                        tuple("Set up the staging environment for the pilot customers", "Carol", null),
                        tuple("Meet with the Acme procurement team on December 10", "Alice and Bob",
                                LocalDate.of(2026, 12, 10)),
                        tuple("Schedule the follow-up next week", "Dan Okafor", LocalDate.of(2026, 12, 7)));
        ExtractedItem proposal = draft.items().get(1);
        assertThat(proposal.sourceSequences()).as("the recap repeats the item: one item, both sources")
                .containsExactly(16L, 33L);
        assertThat(draft.content()).contains("## Action items: Acme pilot planning (9)")
                .contains("- [ ] Send the revised proposal by Friday, December 4 — **Alice** (due 2026-12-04)");
    }

    @Test
    void findsEveryDecisionAndIgnoresQuestionsNegationsAndHypotheticals() {
        InsightDraft draft = engine.extractDecisions(sample, templates.insight(InsightTemplates.DECISIONS));

        assertThat(draft.items()).extracting(ExtractedItem::text).containsExactly(
                "Given the holiday freeze, we decided to move the launch to January 15",
                "The pilot will run with three customers, Acme included",
                "Let's go with the annual billing model",
                "We're going with Postgres for the analytics store",
                "We agreed that support stays in-house for the first quarter");
        assertThat(draft.items()).extracting(ExtractedItem::sourceSequences)
                .containsExactly(List.of(8L), List.of(12L), List.of(14L), List.of(20L), List.of(28L));
        assertThat(draft.content()).startsWith("## Decisions: Acme pilot planning (5)");
    }

    @Test
    void summaryKeepsKeySentencesWithParticipantsAndDuration() {
        InsightDraft draft = engine.summarize(sample, templates.insight(InsightTemplates.SUMMARY));

        assertThat(draft.content())
                .startsWith("## Summary: Acme pilot planning")
                .contains("**Date:** 2026-11-30")
                .contains("**Participants:** Alice Chen, Bob Martinez, Carol Singh, Dan Okafor")
                .contains("**Duration:** 8 min 29 s")
                .contains("- **Alice Chen:** The goal today is to agree on the launch date");
        long keyPoints = draft.content().lines().filter(line -> line.startsWith("- **")).count();
        assertThat(keyPoints).isEqualTo(5);
        assertThat(draft.content()).doesNotContain("Can everyone hear me")
                .as("the recap repeats a chosen sentence").doesNotContain("To recap");
    }

    @Test
    void ordinarySentencesGiveNoActionItemsOrDecisions() {
        List<String> ordinary = List.of(
                "I'll be honest, this quarter was hard.",
                "Alice will be on vacation next week.",
                "We will see what happens.",
                "I think the market will grow next year.",
                "Marketing will love this.",
                "Let me share my screen.",
                "I'll talk to you tomorrow.",
                "Did we agree on the budget?",
                "We have not decided anything yet.",
                "If we agreed to that, we would lose money.",
                "Should we go with the blue design?",
                "Yes, we agreed.",
                "The report will send a signal to investors.",
                "Bob sent the contract on Friday.",
                "Alice, can you hear me?");
        List<TranscriptLine> lines = new java.util.ArrayList<>();
        for (String text : ordinary) {
            lines.add(new TranscriptLine(lines.size() + 1, "Erin", text, 0, 1000));
        }
        Transcript transcript = new Transcript(MEETING, lines, false);

        assertThat(engine.extractActionItems(transcript, templates.insight(InsightTemplates.ACTION_ITEMS)).items())
                .isEmpty();
        assertThat(engine.extractDecisions(transcript, templates.insight(InsightTemplates.DECISIONS)).items())
                .isEmpty();
    }

    @Test
    void dueDatesAreResolvedRelativeToTheMeetingDate() {
        assertThat(DueDates.find("by Dec 4th", MEETING_DATE)).contains(LocalDate.of(2026, 12, 4));
        assertThat(DueDates.find("by 3 March", MEETING_DATE)).as("next year: March is past")
                .contains(LocalDate.of(2027, 3, 3));
        assertThat(DueDates.find("on January 5, 2027", MEETING_DATE)).contains(LocalDate.of(2027, 1, 5));
        assertThat(DueDates.find("by Friday", MEETING_DATE)).contains(LocalDate.of(2026, 12, 4));
        assertThat(DueDates.find("next Monday", MEETING_DATE)).contains(LocalDate.of(2026, 12, 7));
        assertThat(DueDates.find("by the end of the month", MEETING_DATE)).contains(LocalDate.of(2026, 11, 30));
        assertThat(DueDates.find("within 3 days", MEETING_DATE)).contains(LocalDate.of(2026, 12, 3));
        assertThat(DueDates.find("by EOD", MEETING_DATE)).contains(MEETING_DATE);
        assertThat(DueDates.find("by February 30", MEETING_DATE)).isEmpty();
        assertThat(DueDates.find("when we can", MEETING_DATE)).isEmpty();
    }

    @Test
    void prepMaterialsUseTheMeetingTypeTemplateAndTheMeetingFacts() {
        MeetingFacts review = new MeetingFacts("mtg_sev", "SEV-2 outage review", "incident_review",
                "Checkout errors for 40 minutes on Nov 28.",
                List.of(new MeetingFacts.Person("Erin Ops", "erin@example.com", true),
                        new MeetingFacts.Person(null, "sam@example.com", false)),
                Instant.parse("2026-12-01T09:00:00Z"), LocalDate.of(2026, 12, 1));

        InsightDraft draft = engine.prepare(review, templates.prep("incident_review"));

        assertThat(draft.content()).startsWith("## Preparation: SEV-2 outage review")
                .contains("1. Timeline of the incident")
                .contains("Blameless review \"SEV-2 outage review\" on 2026-12-01 09:00 UTC with Erin Ops, "
                        + "sam@example.com")
                .contains("Checkout errors for 40 minutes on Nov 28.");
        assertThat(draft.items()).extracting(ExtractedItem::text)
                .contains("Agenda: Timeline of the incident", "Question: Which corrective actions prevent a recurrence?");
        assertThat(engine.prepare(review, templates.prep("unknown_type")).content())
                .contains("Goal of \"SEV-2 outage review\" and expected outcome");
    }
}
