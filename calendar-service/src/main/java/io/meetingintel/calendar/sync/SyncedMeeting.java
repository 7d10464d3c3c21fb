package io.meetingintel.calendar.sync;

import io.meetingintel.calendar.classify.Classification;
import io.meetingintel.calendar.event.CalendarEvent;

import java.time.Instant;

/**
 * The stored state of one synced occurrence: what was last announced in MeetingDiscovered, at which version.
 *
 * @param correlationId correlation id of the last MeetingDiscovered, carried on by the events that follow from it
 */
public record SyncedMeeting(String meetingId, String connectionId, String userId, CalendarEvent event,
                            Classification classification, String contentHash, long version, String correlationId) {

    public Instant prepTriggerAt() {
        return classification.prepTriggerAt(event.start());
    }

    public boolean cancelled() {
        return event.cancelled();
    }

    SyncedMeeting nextVersion(CalendarEvent changed, Classification newClassification, String newHash,
                              String newCorrelationId) {
        return new SyncedMeeting(meetingId, connectionId, userId, changed, newClassification, newHash, version + 1,
                newCorrelationId);
    }
}
