package io.meetingintel.calendar.prep;

import io.meetingintel.calendar.scheduling.PersistentJobs;
import io.meetingintel.calendar.sync.SyncedMeeting;

import com.github.kagkarlsson.scheduler.task.TaskDescriptor;

import java.time.Instant;

import org.springframework.stereotype.Component;

/** The persistent one-time job per meeting that publishes MeetingRequiresPrep when its trigger time passes. */
@Component
public class PrepJobs {

    public static final TaskDescriptor<String> TASK = TaskDescriptor.of("meeting-prep", String.class);

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
        jobs.scheduleAt(TASK, meeting.meetingId(), trigger.isAfter(now) ? trigger : now);
    }

    public void cancel(String meetingId) {
        jobs.cancel(TASK, meetingId);
    }
}
