package io.meetingintel.meeting.reports;

import java.time.Instant;
import java.util.List;

/** The latest insight of one kind that intelligence-service produced for a meeting. */
public record ReportedInsight(String meetingId, InsightSection section, String insightId, String content,
                              List<InsightEntry> items, String engine, Instant generatedAt) {

    public ReportedInsight {
        items = List.copyOf(items);
    }
}
