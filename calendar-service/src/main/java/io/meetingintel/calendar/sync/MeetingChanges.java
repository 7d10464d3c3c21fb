package io.meetingintel.calendar.sync;

import io.meetingintel.calendar.classify.Classification;
import io.meetingintel.calendar.connection.CalendarConnection;
import io.meetingintel.calendar.event.CalendarEvent;
import io.meetingintel.calendar.event.MeetingIds;
import io.meetingintel.calendar.prep.PrepJobs;
import io.meetingintel.events.MeetingChangeType;
import io.meetingintel.platform.outbox.OutboxWriter;
import io.meetingintel.schemas.Topics;

import java.time.Instant;

import org.springframework.stereotype.Component;

/**
 * Records one change of a meeting: the stored state, its MeetingDiscovered in the outbox and its prep job, all in the
 * caller's transaction, so they commit (or roll back) together.
 */
@Component
public class MeetingChanges {

    private final SyncedMeetingRepository meetings;
    private final MeetingEvents events;
    private final OutboxWriter outbox;
    private final PrepJobs prepJobs;

    public MeetingChanges(SyncedMeetingRepository meetings, MeetingEvents events, OutboxWriter outbox,
                          PrepJobs prepJobs) {
        this.meetings = meetings;
        this.events = events;
        this.outbox = outbox;
        this.prepJobs = prepJobs;
    }

    SyncedMeeting created(CalendarConnection connection, CalendarEvent event, Classification classification,
                          String correlationId, Instant now) {
        SyncedMeeting meeting = new SyncedMeeting(MeetingIds.of(connection.id(), event), connection.id(),
                connection.userId(), event, classification, ContentHash.of(event, classification), 1, correlationId);
        meetings.insert(meeting, now);
        publish(connection, meeting, MeetingChangeType.CREATED);
        prepJobs.plan(meeting, now);
        return meeting;
    }

    SyncedMeeting updated(CalendarConnection connection, SyncedMeeting previous, CalendarEvent event,
                          Classification classification, String correlationId, Instant now) {
        SyncedMeeting meeting = previous.nextVersion(event, classification, ContentHash.of(event, classification),
                correlationId);
        meetings.update(meeting, now);
        publish(connection, meeting, MeetingChangeType.UPDATED);
        // A new title alone does not prepare the meeting again; a new trigger time (moved start, other type) or a
        // comeback after a cancellation does.
        if (previous.cancelled() || !previous.prepTriggerAt().equals(meeting.prepTriggerAt())) {
            prepJobs.plan(meeting, now);
        }
        return meeting;
    }

    /** @param event the cancelled occurrence as the feed now shows it, or the last known one when it disappeared */
    SyncedMeeting cancelled(CalendarConnection connection, SyncedMeeting previous, CalendarEvent event,
                                   String correlationId, Instant now) {
        CalendarEvent cancelled = event.asCancelled();
        SyncedMeeting meeting = previous.nextVersion(cancelled, previous.classification(),
                ContentHash.of(cancelled, previous.classification()), correlationId);
        meetings.update(meeting, now);
        publish(connection, meeting, MeetingChangeType.CANCELLED);
        prepJobs.cancel(meeting.meetingId());
        return meeting;
    }

    /** A cancelled meeting whose details still change: kept current, announced to nobody. */
    void refreshedWhileCancelled(SyncedMeeting previous, CalendarEvent event, Classification classification,
                                 Instant now) {
        meetings.update(new SyncedMeeting(previous.meetingId(), previous.connectionId(), previous.userId(), event,
                classification, ContentHash.of(event, classification), previous.version(), previous.correlationId()), now);
    }

    private void publish(CalendarConnection connection, SyncedMeeting meeting, MeetingChangeType change) {
        outbox.append(Topics.MEETING_DISCOVERED, meeting.meetingId(),
                events.discovered(meeting, change, connection.source()));
    }
}
