package io.meetingintel.meeting.lifecycle;

import io.meetingintel.meeting.domain.MeetingDetails;
import io.meetingintel.meeting.domain.MeetingStatus;
import io.meetingintel.meeting.domain.PrepStatus;
import io.meetingintel.meeting.prep.PrepWorkflow;

import java.time.Clock;
import java.time.Instant;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Applies what the calendar reports about a meeting: stores the newest version, moves the status forward to what the
 * clock or a cancellation implies, and keeps the start/end jobs in line.
 */
@Service
public class MeetingLifecycle {

    private static final Logger log = LoggerFactory.getLogger(MeetingLifecycle.class);

    private final MeetingRepository meetings;
    private final StatusJobs jobs;
    private final PrepWorkflow prep;
    private final Clock clock;

    public MeetingLifecycle(MeetingRepository meetings, StatusJobs jobs, PrepWorkflow prep, Clock clock) {
        this.meetings = meetings;
        this.jobs = jobs;
        this.prep = prep;
        this.clock = clock;
    }

    @Transactional
    public void onDiscovered(MeetingDetails details, boolean cancelled) {
        var stored = meetings.findForUpdate(details.id());
        if (stored.isPresent() && details.version() <= stored.get().details().version()) {
            log.info("Ignored version {} of meeting {}: version {} is already applied", details.version(),
                    details.id(), stored.get().details().version());
            return;
        }
        Instant now = clock.instant();
        MeetingStatus status;
        if (stored.isEmpty()) {
            meetings.insert(details, MeetingStatus.UPCOMING, PrepStatus.NOT_STARTED);
            meetings.changeStatus(details.id(), MeetingStatus.UPCOMING, now, "discovered in calendar");
            log.info("Meeting {} '{}' discovered for user {} ({} - {})", details.id(), details.title(),
                    details.userId(), details.startTime(), details.endTime());
            status = MeetingStatus.UPCOMING;
        } else {
            meetings.updateDetails(details);
            log.info("Meeting {} updated to version {} ({} - {})", details.id(), details.version(),
                    details.startTime(), details.endTime());
            status = stored.get().status();
        }

        MeetingStatus target = cancelled ? MeetingStatus.CANCELLED
                : MeetingStatus.dueAt(details.startTime(), details.endTime(), now);
        if (status.canAdvanceTo(target)) {
            String reason = cancelled ? "cancelled in calendar"
                    : target == MeetingStatus.DONE ? "end time already passed" : "start time already passed";
            meetings.changeStatus(details.id(), target, now, reason);
            log.info("Meeting {} {} -> {} ({})", details.id(), status.code(), target.code(), reason);
            status = target;
        }
        jobs.sync(details.id(), status, details.startTime(), details.endTime());
        if (stored.isEmpty()) {
            prep.catchUp(details.id());
        }
    }
}
