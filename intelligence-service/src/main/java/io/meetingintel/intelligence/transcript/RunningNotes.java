package io.meetingintel.intelligence.transcript;

import io.meetingintel.events.InsightKind;
import io.meetingintel.intelligence.config.IntelligenceProperties;
import io.meetingintel.intelligence.engine.InsightDraft;
import io.meetingintel.intelligence.engine.InsightEngine;
import io.meetingintel.intelligence.engine.InsightTemplate;
import io.meetingintel.intelligence.engine.Transcript;
import io.meetingintel.intelligence.insight.DegradedDrafts;
import io.meetingintel.intelligence.insight.InsightPublisher;
import io.meetingintel.intelligence.insight.NewInsight;
import io.meetingintel.intelligence.meeting.MeetingRepository;
import io.meetingintel.intelligence.template.InsightTemplates;

import java.util.Optional;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Running notes during the meeting: every {@code notesEvery} new final chunks, a summary of the latest
 * {@code notesWindow} chunks, published with finalInsight=false (later notes and the summary supersede it).
 */
@Component
public class RunningNotes {

    private static final Logger log = LoggerFactory.getLogger(RunningNotes.class);

    private final MeetingRepository meetings;
    private final TranscriptRepository transcripts;
    private final InsightEngine engine;
    private final InsightTemplates templates;
    private final InsightPublisher publisher;
    private final IntelligenceProperties properties;

    public RunningNotes(MeetingRepository meetings, TranscriptRepository transcripts, InsightEngine engine,
                        InsightTemplates templates, InsightPublisher publisher, IntelligenceProperties properties) {
        this.meetings = meetings;
        this.transcripts = transcripts;
        this.engine = engine;
        this.templates = templates;
        this.publisher = publisher;
        this.properties = properties;
    }

    /** Called in the transaction that stored a new final chunk. */
    void chunkStored(String meetingId, String correlationId) {
        if (meetings.countChunkSinceNotes(meetingId) < properties.notesEvery()) {
            return;
        }
        Optional<String> owner = meetings.ownerOf(meetingId);
        if (owner.isEmpty()) {
            // Notes are for someone: the counter stays, so the first chunk after the owner is known publishes them.
            log.info("Running notes of meeting {} wait until its owner is known", meetingId);
            return;
        }
        Transcript window = new Transcript(meetings.facts(meetingId),
                transcripts.latest(meetingId, properties.notesWindow()), false)
                .limitedTo(properties.maxTranscriptChars());
        InsightTemplate template = templates.insight(InsightTemplates.RUNNING_NOTES);
        InsightDraft draft;
        try {
            draft = engine.summarize(window, template);
        } catch (RuntimeException e) {
            // The chunks are stored; the counter stays, so the next chunk tries again with a fuller window.
            log.warn("Running notes of meeting {} through sequence {} failed, retrying with the next chunk: {}",
                    meetingId, window.lastSequence(), DegradedDrafts.describe(e));
            return;
        }
        publisher.publish(new NewInsight(meetingId, owner.get(), InsightKind.RUNNING_NOTES, draft, engine.name(),
                template.id(), window.truncated(), window.lastSequence(), false, 0, null, correlationId));
        meetings.resetChunksSinceNotes(meetingId);
    }
}
