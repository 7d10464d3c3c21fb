package io.meetingintel.calendar.scheduling;

import com.github.kagkarlsson.scheduler.ScheduledExecution;
import com.github.kagkarlsson.scheduler.SchedulerClient;
import com.github.kagkarlsson.scheduler.SchedulerClient.ScheduleOptions;
import com.github.kagkarlsson.scheduler.exceptions.TaskInstanceCurrentlyExecutingException;
import com.github.kagkarlsson.scheduler.task.TaskDescriptor;

import java.time.Instant;
import java.util.Optional;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Lazy;
import org.springframework.stereotype.Component;

/**
 * Schedules, moves and cancels the service's db-scheduler jobs (one instance per object id, carrying that id).
 * The scheduler's data source is transaction aware: called inside a transaction, the change commits with it.
 */
@Component
public class PersistentJobs {

    private static final Logger log = LoggerFactory.getLogger(PersistentJobs.class);

    private final SchedulerClient scheduler;

    /** Lazy: the scheduler is built from the task beans, and the tasks need the services that use this class. */
    public PersistentJobs(@Lazy SchedulerClient scheduler) {
        this.scheduler = scheduler;
    }

    /** Runs the job for {@code id} at {@code at}, moving it there when it is already scheduled. */
    public void scheduleAt(TaskDescriptor<String> task, String id, Instant at) {
        try {
            scheduler.schedule(task.instance(id).data(id).build(), at, ScheduleOptions.WHEN_EXISTS_RESCHEDULE);
        } catch (TaskInstanceCurrentlyExecutingException e) {
            // The running execution reads the current state when it takes its lock; nothing to move.
            log.info("Job {} for {} is running right now; not moved to {}", task.getTaskName(), id, at);
        }
    }

    public void cancel(TaskDescriptor<String> task, String id) {
        if (scheduler.getScheduledExecution(task.instanceId(id)).isEmpty()) {
            return;
        }
        try {
            scheduler.cancel(task.instanceId(id));
        } catch (TaskInstanceCurrentlyExecutingException e) {
            log.info("Job {} for {} is running right now; it sees the new state and stops", task.getTaskName(), id);
        }
    }

    public Optional<Instant> nextRun(TaskDescriptor<String> task, String id) {
        return scheduler.getScheduledExecution(task.instanceId(id)).map(ScheduledExecution::getExecutionTime);
    }
}
