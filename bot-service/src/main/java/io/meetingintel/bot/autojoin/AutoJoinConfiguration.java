package io.meetingintel.bot.autojoin;

import com.github.kagkarlsson.scheduler.task.helper.OneTimeTask;
import com.github.kagkarlsson.scheduler.task.helper.Tasks;
import io.meetingintel.bot.jobs.BotJobs;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration
class AutoJoinConfiguration {

    @Bean
    OneTimeTask<Void> botAutoJoinTask(AutoJoin autoJoin) {
        return Tasks.oneTime(BotJobs.AUTO_JOIN).execute((instance, context) -> autoJoin.sendBot(instance.getId()));
    }
}
