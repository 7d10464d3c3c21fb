package io.meetingintel.intelligence.insight;

import io.meetingintel.events.InsightKind;
import io.meetingintel.intelligence.engine.InsightDraft;

/**
 * An insight to record and publish.
 *
 * @param meetingVersion meeting version it answers (prep materials), 0 for transcript insights
 * @param engineError    why the engine failed when the draft is only what could be produced, else null
 * @param correlationId  correlation id of the event that led to it
 */
public record NewInsight(String meetingId, String userId, InsightKind kind, InsightDraft draft, String engine,
                         String templateId, boolean truncated, Long transcriptThroughSequence, boolean finalInsight,
                         long meetingVersion, String engineError, String correlationId) {
}
