package io.meetingintel.bot.lifecycle;

import com.github.kagkarlsson.scheduler.task.helper.OneTimeTask;
import com.github.kagkarlsson.scheduler.task.helper.Tasks;
import io.meetingintel.bot.jobs.BotJobs;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Persistent jobs of a bot's life: joining its call, and the deadline for its insights. */
@Configuration
class LifecycleJobs {

    @Bean
    OneTimeTask<Void> botJoinTask(BotCommands commands) {
        return Tasks.oneTime(BotJobs.JOIN).execute((instance, context) -> commands.join(instance.getId()));
    }

    @Bean
    OneTimeTask<Void> botProcessingTimeoutTask(BotLifecycle lifecycle) {
        return Tasks.oneTime(BotJobs.PROCESSING_TIMEOUT)
                .execute((instance, context) -> lifecycle.processingTimedOut(instance.getId()));
    }
}
