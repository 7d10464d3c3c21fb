package io.meetingintel.calendar.prep;

import io.meetingintel.calendar.sync.SyncedMeeting;
import io.meetingintel.platform.scheduling.PersistentJobs;

import java.time.Instant;

import org.springframework.stereotype.Component;

/** The persistent one-time job per meeting that publishes MeetingRequiresPrep when its trigger time passes. */
@Component
public class PrepJobs {

    /** Instance id = meeting id. */
    public static final String TASK = "meeting-prep";

    private final PersistentJobs jobs;

    public PrepJobs(PersistentJobs jobs) {
        this.jobs = jobs;
    }

    /** Plans the job at the trigger time, at once when that passed but the meeting has not started. */
    public void plan(SyncedMeeting meeting, Instant now) {
        if (!meeting.event().start().isAfter(now)) {
            cancel(meeting.meetingId());
            return;
        }
        Instant trigger = meeting.prepTriggerAt();
        jobs.scheduleOrMove(TASK, meeting.meetingId(), trigger.isAfter(now) ? trigger : now);
    }

    public void cancel(String meetingId) {
        jobs.cancel(TASK, meetingId);
    }
}
