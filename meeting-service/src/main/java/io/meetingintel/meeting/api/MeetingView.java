package io.meetingintel.meeting.api;

import com.fasterxml.jackson.annotation.JsonUnwrapped;
import io.meetingintel.meeting.domain.StatusChange;
import io.meetingintel.meeting.reports.InsightEntry;
import io.meetingintel.meeting.reports.ReportedBotStatus;
import io.meetingintel.meeting.reports.ReportedInsight;

import java.time.Instant;
import java.util.List;

/**
 * Everything known about one meeting: its fields (unwrapped at the top level), status history, and what the bot and
 * intelligence services reported. Absent reports are null (bot, prepMaterials, summary) or empty lists.
 */
public record MeetingView(
        @JsonUnwrapped MeetingResponse meeting,
        List<StatusChangeView> statusHistory,
        BotView bot,
        InsightView prepMaterials,
        InsightView summary,
        List<InsightEntry> actionItems,
        List<InsightEntry> decisions) {

    public record StatusChangeView(String status, Instant changedAt, String reason) {
        static StatusChangeView of(StatusChange change) {
            return new StatusChangeView(change.status().code(), change.changedAt(), change.reason());
        }
    }

    public record BotView(String botId, String status, int transition, String reason, Instant reportedAt) {
        static BotView of(ReportedBotStatus status) {
            return new BotView(status.botId(), status.status(), status.transition(), status.reason(),
                    status.reportedAt());
        }
    }

    public record InsightView(String insightId, String content, List<InsightEntry> items, String engine,
                              Instant generatedAt) {
        static InsightView of(ReportedInsight insight) {
            return new InsightView(insight.insightId(), insight.content(), insight.items(), insight.engine(),
                    insight.generatedAt());
        }
    }
}
