package io.meetingintel.meeting.reports;

import java.time.Instant;

/** A bot status reported by bot-service; transition orders the statuses of one bot. */
public record ReportedBotStatus(String meetingId, String botId, String status, int transition, String reason,
                                Instant reportedAt) {
}
