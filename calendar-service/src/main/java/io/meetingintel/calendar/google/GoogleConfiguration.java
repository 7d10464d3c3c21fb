package io.meetingintel.calendar.google;

import io.meetingintel.calendar.sync.CalendarSync;

import com.github.kagkarlsson.scheduler.task.helper.OneTimeTask;
import com.github.kagkarlsson.scheduler.task.helper.Tasks;

import java.time.Clock;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(GoogleProperties.class)
class GoogleConfiguration {

    @Bean
    GoogleSetup googleSetup(GoogleProperties properties) {
        return new GoogleSetup(properties);
    }

    @Bean
    GoogleApi googleApi(GoogleProperties properties, Clock clock) {
        return new GoogleApi(properties, clock);
    }

    /** A push notification asked for a sync: one run per debounce window (instance id = connection id). */
    @Bean
    OneTimeTask<Void> googleSyncSoonTask(CalendarSync sync) {
        return Tasks.oneTime(GoogleChannels.SYNC_SOON_TASK)
                .execute((instance, context) -> sync.syncOnSchedule(instance.getId()));
    }

    /** Replaces a connection's push channel before it expires (instance id = connection id). */
    @Bean
    OneTimeTask<Void> googleChannelRenewalTask(GoogleChannels channels) {
        return Tasks.oneTime(GoogleChannels.RENEW_TASK)
                .execute((instance, context) -> channels.renew(instance.getId()));
    }
}
