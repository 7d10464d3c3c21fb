package io.meetingintel.intelligence.engine;

/**
 * Turns transcripts and meeting facts into insights. The offline engine is the deterministic default; an LLM engine
 * can implement the same port. Implementations throw a RuntimeException when they cannot produce a
 * result; callers degrade, they never drop the transcript.
 */
public interface InsightEngine {

    /** Recorded on every insight (e.g. "offline", or the LLM model name). */
    String name();

    /** A summary of the transcript (also used for running notes over a window of it). */
    InsightDraft summarize(Transcript transcript, InsightTemplate template);

    InsightDraft extractActionItems(Transcript transcript, InsightTemplate template);

    InsightDraft extractDecisions(Transcript transcript, InsightTemplate template);

    /** Agenda, questions and background ahead of a meeting. */
    InsightDraft prepare(MeetingFacts meeting, PrepTemplate template);
}
