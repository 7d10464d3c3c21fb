package io.meetingintel.calendar.sync;

import io.meetingintel.calendar.CalendarProperties;

import com.github.kagkarlsson.scheduler.task.CompletionHandler;
import com.github.kagkarlsson.scheduler.task.helper.CustomTask;
import com.github.kagkarlsson.scheduler.task.helper.Tasks;
import com.github.kagkarlsson.scheduler.task.schedule.Schedules;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
class SyncTaskConfiguration {

    /** Each connection's sync job runs again one interval after its last run ended (missed runs run at start). */
    @Bean
    CustomTask<String> calendarSyncTask(CalendarSync sync, CalendarProperties properties) {
        var schedule = Schedules.fixedDelay(properties.sync().interval());
        return Tasks.custom(CalendarSync.TASK).execute((instance, context) -> sync.syncOnSchedule(instance.getData())
                ? new CompletionHandler.OnCompleteReschedule<>(schedule)
                : new CompletionHandler.OnCompleteRemove<>());
    }
}
