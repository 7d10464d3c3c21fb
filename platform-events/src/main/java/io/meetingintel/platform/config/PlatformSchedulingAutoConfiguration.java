package io.meetingintel.platform.config;

import com.github.kagkarlsson.scheduler.Scheduler;
import com.github.kagkarlsson.scheduler.SchedulerClient;
import com.github.kagkarlsson.scheduler.task.Task;
import io.meetingintel.platform.scheduling.PersistentJobs;
import io.meetingintel.platform.scheduling.PlatformScheduler;

import java.time.Duration;
import java.util.List;

import javax.sql.DataSource;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.jdbc.autoconfigure.DataSourceAutoConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.core.env.Environment;
import org.springframework.jdbc.datasource.TransactionAwareDataSourceProxy;

/**
 * A db-scheduler {@link Scheduler} for services that declare {@link Task} beans. Its data source is transaction
 * aware, so scheduling, rescheduling or cancelling a job inside a business transaction commits or rolls back with it.
 */
@AutoConfiguration(after = DataSourceAutoConfiguration.class)
@ConditionalOnBean(Task.class)
public class PlatformSchedulingAutoConfiguration {

    @Bean
    Scheduler scheduler(DataSource dataSource, List<Task<?>> tasks, Environment environment) {
        return Scheduler.create(new TransactionAwareDataSourceProxy(dataSource), tasks)
                .threads(environment.getProperty("platform.scheduler.threads", Integer.class, 4))
                .pollingInterval(environment.getProperty("platform.scheduler.polling-interval", Duration.class,
                        Duration.ofSeconds(1)))
                .enableImmediateExecution()
                .alwaysPersistTimestampInUTC()
                .build();
    }

    @Bean
    PersistentJobs persistentJobs(ObjectProvider<SchedulerClient> scheduler) {
        return new PersistentJobs(scheduler::getObject);
    }

    @Bean
    PlatformScheduler platformScheduler(Scheduler scheduler) {
        return new PlatformScheduler(scheduler);
    }
}
