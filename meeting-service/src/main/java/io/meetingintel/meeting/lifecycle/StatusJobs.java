package io.meetingintel.meeting.lifecycle;

import io.meetingintel.meeting.domain.MeetingStatus;
import io.meetingintel.platform.scheduling.PersistentJobs;

import java.time.Instant;

import org.springframework.stereotype.Component;

/**
 * Keeps a meeting's start and end jobs in line with its times and status. Call it inside the transaction that changes
 * the meeting: the scheduler shares that transaction, so jobs and meeting commit or roll back together.
 */
@Component
public class StatusJobs {

    private final PersistentJobs jobs;

    public StatusJobs(PersistentJobs jobs) {
        this.jobs = jobs;
    }

    /** A start job only while the meeting is upcoming, an end job until it is done or cancelled. */
    public void sync(String meetingId, MeetingStatus status, Instant start, Instant end) {
        keep(StatusJobsConfiguration.MEETING_STARTS, meetingId, status == MeetingStatus.UPCOMING ? start : null);
        keep(StatusJobsConfiguration.MEETING_ENDS, meetingId, status.isFinal() ? null : end);
    }

    /** A job that runs anyway is harmless: statuses never move backwards. */
    private void keep(String task, String meetingId, Instant executionTime) {
        if (executionTime == null) {
            jobs.cancel(task, meetingId);
        } else {
            jobs.scheduleOrMove(task, meetingId, executionTime);
        }
    }
}
