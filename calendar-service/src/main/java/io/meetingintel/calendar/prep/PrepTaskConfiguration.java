package io.meetingintel.calendar.prep;

import com.github.kagkarlsson.scheduler.task.helper.OneTimeTask;
import com.github.kagkarlsson.scheduler.task.helper.Tasks;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
class PrepTaskConfiguration {

    @Bean
    OneTimeTask<Void> meetingPrepTask(PrepNotifier notifier) {
        return Tasks.oneTime(PrepJobs.TASK).execute((instance, context) -> notifier.fire(instance.getId()));
    }
}
