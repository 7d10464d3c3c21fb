package io.meetingintel.meeting.lifecycle;

import com.github.kagkarlsson.scheduler.SchedulerClient;
import com.github.kagkarlsson.scheduler.task.TaskInstance;
import com.github.kagkarlsson.scheduler.task.helper.OneTimeTask;
import io.meetingintel.meeting.domain.MeetingStatus;

import java.time.Instant;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.stereotype.Component;

/**
 * Keeps a meeting's start and end jobs in line with its times and status. Call it inside the transaction that changes
 * the meeting: the scheduler shares that transaction, so jobs and meeting commit or roll back together.
 */
@Component
public class StatusJobs {

    private static final Logger log = LoggerFactory.getLogger(StatusJobs.class);

    private final SchedulerClient scheduler;
    private final OneTimeTask<Void> meetingStarts;
    private final OneTimeTask<Void> meetingEnds;

    public StatusJobs(SchedulerClient scheduler, @Qualifier("meetingStartsTask") OneTimeTask<Void> meetingStarts,
                      @Qualifier("meetingEndsTask") OneTimeTask<Void> meetingEnds) {
        this.scheduler = scheduler;
        this.meetingStarts = meetingStarts;
        this.meetingEnds = meetingEnds;
    }

    /** A start job only while the meeting is upcoming, an end job until it is done or cancelled. */
    public void sync(String meetingId, MeetingStatus status, Instant start, Instant end) {
        keep(meetingStarts.instance(meetingId), status == MeetingStatus.UPCOMING ? start : null);
        keep(meetingEnds.instance(meetingId), status.isFinal() ? null : end);
    }

    private void keep(TaskInstance<Void> job, Instant executionTime) {
        var existing = scheduler.getScheduledExecution(job);
        if (executionTime == null) {
            // A job running right now is harmless: statuses never move backwards.
            if (existing.isPresent() && !existing.get().isPicked()) {
                scheduler.cancel(job);
                log.info("Cancelled job {} {}", job.getTaskName(), job.getId());
            }
        } else if (existing.isEmpty()) {
            scheduler.schedule(job, executionTime);
            log.info("Scheduled job {} {} at {}", job.getTaskName(), job.getId(), executionTime);
        } else if (!existing.get().getExecutionTime().equals(executionTime)) {
            // Throws while the job runs; the event is then retried once it has finished.
            scheduler.reschedule(job, executionTime);
            log.info("Rescheduled job {} {} from {} to {}", job.getTaskName(), job.getId(),
                    existing.get().getExecutionTime(), executionTime);
        }
    }
}
