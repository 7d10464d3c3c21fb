package io.meetingintel.meeting.domain;

import java.time.Instant;

/** One entry of a meeting's status history. */
public record StatusChange(MeetingStatus status, Instant changedAt, String reason) {
}
