package io.meetingintel.calendar.classify;

import java.time.Duration;
import java.time.Instant;

/** The meeting type of an event and how long before its start preparation begins. */
public record Classification(String meetingType, int prepHoursBefore) {

    public Instant prepTriggerAt(Instant start) {
        return start.minus(Duration.ofHours(prepHoursBefore));
    }
}
