package io.meetingintel.meeting.domain;

import java.time.Instant;
import java.util.Arrays;
import java.util.Locale;

/**
 * Where a meeting is in its life: upcoming, then in progress from its start, then done at its end; cancelled when
 * the calendar cancels it. Statuses only move forward and done/cancelled are final, so a late or repeated trigger
 * (a start job running after the meeting is already done) changes nothing.
 */
public enum MeetingStatus {
    UPCOMING, IN_PROGRESS, DONE, CANCELLED;

    public String code() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static MeetingStatus fromCode(String code) {
        return Arrays.stream(values()).filter(status -> status.code().equals(code)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("Unknown meeting status '" + code
                        + "', expected one of upcoming, in_progress, done, cancelled"));
    }

    public boolean isFinal() {
        return this == DONE || this == CANCELLED;
    }

    public boolean canAdvanceTo(MeetingStatus target) {
        return !isFinal() && target.ordinal() > ordinal();
    }

    /** The status the clock alone implies for a meeting with these times. */
    public static MeetingStatus dueAt(Instant start, Instant end, Instant now) {
        if (!now.isBefore(end)) {
            return DONE;
        }
        return now.isBefore(start) ? UPCOMING : IN_PROGRESS;
    }
}
