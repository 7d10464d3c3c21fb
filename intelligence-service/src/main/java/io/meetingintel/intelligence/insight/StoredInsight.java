package io.meetingintel.intelligence.insight;

import io.meetingintel.events.InsightKind;
import io.meetingintel.intelligence.engine.ExtractedItem;

import java.time.Instant;
import java.util.List;

/** An insight as recorded (and published). */
public record StoredInsight(String insightId, String meetingId, InsightKind kind, String content,
                            List<ExtractedItem> items, String engine, String templateId, boolean truncated,
                            Long transcriptThroughSequence, boolean finalInsight, String engineError,
                            Instant createdAt) {
}
