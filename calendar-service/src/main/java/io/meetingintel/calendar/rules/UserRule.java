package io.meetingintel.calendar.rules;

import io.meetingintel.calendar.classify.MeetingTypeRule;

import java.time.Instant;

/** A meeting type rule of one user; lower positions are checked first, all before the bundled defaults. */
public record UserRule(String id, String userId, int position, MeetingTypeRule rule, Instant createdAt,
                       Instant updatedAt) {
}
