package io.meetingintel.bot.jobs;

import com.github.kagkarlsson.scheduler.SchedulerClient;
import com.github.kagkarlsson.scheduler.SchedulerClient.ScheduleOptions;
import com.github.kagkarlsson.scheduler.task.TaskInstance;
import com.github.kagkarlsson.scheduler.task.TaskInstanceId;

import java.time.Instant;
import java.util.Optional;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;

/**
 * The persistent jobs of bot-service (db-scheduler). Scheduling inside a transaction commits with it.
 * The scheduler is looked up lazily: it is built from the task beans, whose handlers use this class.
 */
@Component
public class BotJobs {

    /** Sends an auto-joined bot into its meeting; instance id = meeting id. */
    public static final String AUTO_JOIN = "bot-auto-join";
    /** Asks the provider to put a new bot into its call; instance id = bot id. */
    public static final String JOIN = "bot-join";
    /** Fails a bot whose insights did not arrive in time after TRANSCRIBING; instance id = bot id. */
    public static final String PROCESSING_TIMEOUT = "bot-processing-timeout";

    private static final Logger log = LoggerFactory.getLogger(BotJobs.class);

    private final ObjectProvider<SchedulerClient> scheduler;

    public BotJobs(ObjectProvider<SchedulerClient> scheduler) {
        this.scheduler = scheduler;
    }

    /** Schedules the job, or moves it to the new time when it is already scheduled. */
    public void scheduleOrMove(String task, String id, Instant at) {
        scheduler.getObject().schedule(new TaskInstance<Void>(task, id), at, ScheduleOptions.WHEN_EXISTS_RESCHEDULE);
    }

    /** Cancels the job if it is scheduled and not running right now. */
    public void cancel(String task, String id) {
        TaskInstanceId instance = TaskInstanceId.of(task, id);
        var execution = scheduler.getObject().getScheduledExecution(instance);
        if (execution.isEmpty()) {
            return;
        }
        if (execution.get().isPicked()) {
            log.info("Job {}/{} is already running; not cancelled", task, id);
            return;
        }
        scheduler.getObject().cancel(instance);
    }

    public Optional<Instant> scheduledTime(String task, String id) {
        return scheduler.getObject().getScheduledExecution(TaskInstanceId.of(task, id))
                .map(execution -> execution.getExecutionTime());
    }
}
