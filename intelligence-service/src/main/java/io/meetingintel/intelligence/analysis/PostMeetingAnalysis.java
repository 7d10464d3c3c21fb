package io.meetingintel.intelligence.analysis;

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
import io.meetingintel.intelligence.transcript.TranscriptRepository;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * After the call: once the transcript is quiet (no chunk for {@code settle}, or the maximum wait is over), generates
 * SUMMARY, ACTION_ITEMS and DECISIONS and publishes them in that order, once per meeting. Generation runs outside any
 * transaction (an LLM engine can be slow); the insights are recorded and appended to the outbox in one transaction
 * that also completes the request, so a rerun of the job publishes nothing twice.
 */
@Component
class PostMeetingAnalysis {

    /** The persistent job, one instance per meeting (instance id = meeting id). */
    static final String JOB = "post-meeting-analysis";
    private static final Logger log = LoggerFactory.getLogger(PostMeetingAnalysis.class);

    @FunctionalInterface
    private interface EngineCall {
        InsightDraft apply(InsightEngine engine, Transcript transcript, InsightTemplate template);
    }

    private record Step(InsightKind kind, String template, EngineCall call) {
    }

    /** In publishing order: bot-service walks SUMMARY -> ACTION_ITEMS -> DECISIONS (DECISIONS = done). */
    private static final List<Step> STEPS = List.of(
            new Step(InsightKind.SUMMARY, InsightTemplates.SUMMARY, InsightEngine::summarize),
            new Step(InsightKind.ACTION_ITEMS, InsightTemplates.ACTION_ITEMS, InsightEngine::extractActionItems),
            new Step(InsightKind.DECISIONS, InsightTemplates.DECISIONS, InsightEngine::extractDecisions));

    private final AnalysisRepository analyses;
    private final MeetingRepository meetings;
    private final TranscriptRepository transcripts;
    private final InsightEngine engine;
    private final InsightTemplates templates;
    private final InsightPublisher publisher;
    private final TransactionTemplate transaction;
    private final IntelligenceProperties properties;
    private final Clock clock;

    PostMeetingAnalysis(AnalysisRepository analyses, MeetingRepository meetings, TranscriptRepository transcripts,
                               InsightEngine engine, InsightTemplates templates, InsightPublisher publisher,
                               TransactionTemplate transaction, IntelligenceProperties properties, Clock clock) {
        this.analyses = analyses;
        this.meetings = meetings;
        this.transcripts = transcripts;
        this.engine = engine;
        this.templates = templates;
        this.publisher = publisher;
        this.transaction = transaction;
        this.properties = properties;
        this.clock = clock;
    }

    /**
     * One run of the job.
     *
     * @param attempt 1 for the first run, +1 after every failed one
     * @return when to check again because chunks are still arriving; empty when done
     */
    Optional<Instant> run(String meetingId, int attempt) {
        AnalysisRepository.Request request = analyses.find(meetingId).orElse(null);
        if (request == null || request.completed()) {
            log.info("Post-meeting analysis of meeting {} is {}; nothing to do", meetingId,
                    request == null ? "not requested" : "already done");
            return Optional.empty();
        }
        Optional<Duration> sinceLastChunk = transcripts.sinceLastChunk(meetingId);
        if (sinceLastChunk.isPresent() && sinceLastChunk.get().compareTo(properties.settle()) < 0) {
            Duration quietIn = properties.settle().minus(sinceLastChunk.get());
            if (!request.untilDeadline().isNegative()) {
                Duration wait = quietIn.compareTo(request.untilDeadline()) < 0 ? quietIn : request.untilDeadline();
                log.debug("Transcript of meeting {} still receiving chunks; analysis postponed by {}", meetingId, wait);
                return Optional.of(clock.instant().plus(wait));
            }
            log.warn("Transcript of meeting {} still receiving chunks after the maximum wait of {}; analysing now",
                    meetingId, properties.maxWait());
        }
        List<NewInsight> insights = generate(meetingId, request.correlationId(), attempt);
        boolean published = Boolean.TRUE.equals(transaction.execute(status -> {
            if (!analyses.complete(meetingId)) {
                return false;
            }
            insights.forEach(publisher::publish);
            return true;
        }));
        log.info(published ? "Post-meeting analysis of meeting {} published {}"
                : "Post-meeting analysis of meeting {} was completed by another run; dropped its duplicate {}",
                meetingId, insights.stream().map(NewInsight::kind).toList());
        return Optional.empty();
    }

    private List<NewInsight> generate(String meetingId, String correlationId, int attempt) {
        // A failed run is retried later: the BotStatusChanged that requested the analysis names the owner.
        String owner = meetings.ownerOf(meetingId).orElseThrow(() -> new IllegalStateException(
                "The owner of meeting " + meetingId + " is not known yet"));
        Transcript full = new Transcript(meetings.facts(meetingId), transcripts.all(meetingId), false);
        Transcript input = full.limitedTo(properties.maxTranscriptChars());
        if (input.truncated()) {
            log.warn("Transcript of meeting {} is longer than {} characters: analysing its first {} of {} chunks",
                    meetingId, properties.maxTranscriptChars(), input.lines().size(), full.lines().size());
        }
        List<NewInsight> insights = new ArrayList<>();
        for (Step step : STEPS) {
            InsightTemplate template = templates.insight(step.template());
            InsightDraft draft;
            String error = null;
            try {
                draft = step.call().apply(engine, input, template);
            } catch (RuntimeException e) {
                if (attempt < properties.engineAttempts()) {
                    log.warn("{} of meeting {} failed (attempt {} of {}), retrying in {}: {}", step.kind(), meetingId,
                            attempt, properties.engineAttempts(), properties.engineRetryDelay(),
                            DegradedDrafts.describe(e));
                    throw e;
                }
                log.error("{} of meeting {} failed after {} attempts; publishing what could be produced", step.kind(),
                        meetingId, attempt, e);
                error = DegradedDrafts.describe(e);
                draft = DegradedDrafts.unavailable(step.kind(), input.meeting().titleOrDefault(), e,
                        "The transcript (" + full.lines().size() + " chunks) is stored and can be analysed again.");
            }
            insights.add(new NewInsight(meetingId, owner, step.kind(), draft, engine.name(), template.id(),
                    input.truncated(), input.lastSequence(), true, 0, error, correlationId));
        }
        return insights;
    }
}
