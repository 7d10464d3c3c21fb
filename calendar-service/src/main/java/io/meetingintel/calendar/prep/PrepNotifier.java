package io.meetingintel.calendar.prep;

import io.meetingintel.calendar.sync.MeetingEvents;
import io.meetingintel.calendar.sync.SyncedMeeting;
import io.meetingintel.calendar.sync.SyncedMeetingRepository;
import io.meetingintel.platform.outbox.OutboxWriter;
import io.meetingintel.schemas.Topics;

import java.time.Clock;
import java.time.Instant;
import java.util.Optional;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/** Publishes MeetingRequiresPrep for a meeting whose prep job came due: once per meeting version, never late. */
@Service
public class PrepNotifier {

    private static final Logger log = LoggerFactory.getLogger(PrepNotifier.class);

    private final SyncedMeetingRepository meetings;
    private final PrepNotificationRepository notifications;
    private final MeetingEvents events;
    private final OutboxWriter outbox;
    private final TransactionTemplate transaction;
    private final Clock clock;

    public PrepNotifier(SyncedMeetingRepository meetings, PrepNotificationRepository notifications,
                        MeetingEvents events, OutboxWriter outbox, TransactionTemplate transaction, Clock clock) {
        this.meetings = meetings;
        this.notifications = notifications;
        this.events = events;
        this.outbox = outbox;
        this.transaction = transaction;
        this.clock = clock;
    }

    public void fire(String meetingId) {
        transaction.executeWithoutResult(status -> {
            Optional<SyncedMeeting> found = meetings.lock(meetingId);
            Instant now = clock.instant();
            if (found.isEmpty() || found.get().cancelled()) {
                log.info("Prep for meeting {} skipped: it is gone or cancelled", meetingId);
                return;
            }
            SyncedMeeting meeting = found.get();
            if (!meeting.event().start().isAfter(now)) {
                log.info("Prep for meeting {} skipped: it started at {}", meetingId, meeting.event().start());
                return;
            }
            if (!notifications.recordFired(meetingId, meeting.version(), now)) {
                log.info("Prep for meeting {} version {} was already published", meetingId, meeting.version());
                return;
            }
            outbox.append(Topics.MEETING_REQUIRES_PREP, meetingId, events.requiresPrep(meeting));
            log.info("Meeting {} '{}' ({}, starts {}) requires prep: published MeetingRequiresPrep for version {}",
                    meetingId, meeting.event().title(), meeting.classification().meetingType(),
                    meeting.event().start(), meeting.version());
        });
    }
}
