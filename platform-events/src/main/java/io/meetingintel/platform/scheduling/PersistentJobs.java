package io.meetingintel.platform.scheduling;

import com.github.kagkarlsson.scheduler.ScheduledExecution;
import com.github.kagkarlsson.scheduler.SchedulerClient;
import com.github.kagkarlsson.scheduler.SchedulerClient.ScheduleOptions;
import com.github.kagkarlsson.scheduler.exceptions.TaskInstanceCurrentlyExecutingException;
import com.github.kagkarlsson.scheduler.task.TaskInstance;
import com.github.kagkarlsson.scheduler.task.TaskInstanceId;

import java.time.Instant;
import java.util.Optional;
import java.util.function.Supplier;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Schedules, moves and cancels a service's persistent jobs: one instance per object (meeting, bot, connection),
 * whose instance id is that object's id. Called inside a transaction, the change commits with it (the scheduler's
 * data source is transaction aware). Handlers read the object id with {@code instance.getId()} and must be
 * idempotent: a job can run again after a crash in the middle of it.
 */
public class PersistentJobs {

    private static final Logger log = LoggerFactory.getLogger(PersistentJobs.class);

    private final Supplier<SchedulerClient> scheduler;

    /** A supplier because the scheduler is built from the task beans, whose handlers often use this class. */
    public PersistentJobs(Supplier<SchedulerClient> scheduler) {
        this.scheduler = scheduler;
    }

    /** Runs the job for {@code id} at {@code at}, moving it there when it is already scheduled. */
    public void scheduleOrMove(String task, String id, Instant at) {
        try {
            scheduler.get().schedule(new TaskInstance<Void>(task, id), at, ScheduleOptions.WHEN_EXISTS_RESCHEDULE);
        } catch (TaskInstanceCurrentlyExecutingException e) {
            // The running execution reads the current state of the object; there is nothing to move.
            log.info("Job {}/{} is running right now; not moved to {}", task, id, at);
        }
    }

    /** Schedules the job unless one is already scheduled for {@code id}; returns whether it scheduled. */
    public boolean scheduleIfAbsent(String task, String id, Instant at) {
        return scheduler.get().scheduleIfNotExists(new TaskInstance<Void>(task, id), at);
    }

    /** Cancels the job if it is scheduled; a running one finishes and sees the new state of its object. */
    public void cancel(String task, String id) {
        TaskInstanceId instance = TaskInstanceId.of(task, id);
        if (scheduler.get().getScheduledExecution(instance).isEmpty()) {
            return;
        }
        try {
            scheduler.get().cancel(instance);
        } catch (TaskInstanceCurrentlyExecutingException e) {
            log.info("Job {}/{} is running right now; not cancelled, it sees the new state", task, id);
        }
    }

    public Optional<Instant> nextRun(String task, String id) {
        return scheduler.get().getScheduledExecution(TaskInstanceId.of(task, id))
                .map(ScheduledExecution::getExecutionTime);
    }
}
