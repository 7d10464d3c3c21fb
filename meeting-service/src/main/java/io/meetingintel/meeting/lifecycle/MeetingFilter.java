package io.meetingintel.meeting.lifecycle;

import io.meetingintel.meeting.domain.MeetingStatus;

import java.time.Instant;

/** Optional criteria of a meeting list: status, start in [from, to), meeting type. Null means any. */
public record MeetingFilter(MeetingStatus status, Instant from, Instant to, String meetingType) {
}
