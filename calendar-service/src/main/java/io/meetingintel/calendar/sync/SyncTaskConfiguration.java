package io.meetingintel.calendar.sync;

import io.meetingintel.calendar.CalendarProperties;

import com.github.kagkarlsson.scheduler.task.CompletionHandler;
import com.github.kagkarlsson.scheduler.task.helper.CustomTask;
import com.github.kagkarlsson.scheduler.task.helper.Tasks;

import java.time.Clock;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
class SyncTaskConfiguration {

    /**
     * Each connection's sync job runs again about one interval after its last run ended; the jitter keeps the syncs
     * of many connections spread over the interval instead of bunching up (missed runs run at start).
     */
    @Bean
    CustomTask<Void> calendarSyncTask(CalendarSync sync, CalendarProperties properties, Clock clock) {
        SyncSpread spread = new SyncSpread(properties.sync().interval());
        return Tasks.custom(CalendarSync.TASK, Void.class)
                .execute((instance, context) -> sync.syncOnSchedule(instance.getId())
                        ? (CompletionHandler<Void>) (complete, operations) ->
                                operations.reschedule(complete, spread.nextAfter(clock.instant()))
                        : new CompletionHandler.OnCompleteRemove<>());
    }
}
