package io.meetingintel.meeting.api;

import com.github.kagkarlsson.scheduler.Scheduler;
import com.github.kagkarlsson.scheduler.ScheduledExecution;
import com.github.kagkarlsson.scheduler.ScheduledExecutionsFilter;

import java.time.Instant;
import java.util.Comparator;
import java.util.List;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Operator view of the persistent jobs (meeting starts/ends, prep notifications), soonest first. */
@RestController
class SchedulerDebugController {

    private final Scheduler scheduler;

    SchedulerDebugController(Scheduler scheduler) {
        this.scheduler = scheduler;
    }

    /** @param instance only the jobs of this instance (a meeting id) */
    @GetMapping("/debug/scheduler")
    SchedulerReport jobs(@RequestParam(required = false) String instance) {
        var state = scheduler.getSchedulerState();
        var jobs = scheduler.getScheduledExecutions(ScheduledExecutionsFilter.all()).stream()
                .filter(execution -> instance == null || execution.getTaskInstance().getId().equals(instance))
                .map(Job::of)
                .sorted(Comparator.comparing(Job::executionTime).thenComparing(Job::taskName))
                .toList();
        return new SchedulerReport(state.isStarted() && !state.isShuttingDown(), state.isPaused(), jobs.size(), jobs);
    }

    record SchedulerReport(boolean running, boolean paused, int total, List<Job> jobs) {
    }

    record Job(String taskName, String taskInstance, Instant executionTime, boolean picked, String pickedBy,
               int consecutiveFailures, Instant lastFailure) {
        static Job of(ScheduledExecution<Object> execution) {
            return new Job(execution.getTaskInstance().getTaskName(), execution.getTaskInstance().getId(),
                    execution.getExecutionTime(), execution.isPicked(), execution.getPickedBy(),
                    execution.getConsecutiveFailures(), execution.getLastFailure());
        }
    }
}
