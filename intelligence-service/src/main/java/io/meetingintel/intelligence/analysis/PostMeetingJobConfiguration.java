package io.meetingintel.intelligence.analysis;

import com.github.kagkarlsson.scheduler.task.CompletionHandler;
import com.github.kagkarlsson.scheduler.task.FailureHandler;
import com.github.kagkarlsson.scheduler.task.helper.CustomTask;
import com.github.kagkarlsson.scheduler.task.helper.Tasks;
import io.meetingintel.intelligence.config.IntelligenceProperties;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The persistent post-meeting analysis job (db-scheduler): one instance per meeting, postponed while chunks still
 * arrive, retried after a failure; it survives restarts and catches up on start.
 */
@Configuration
class PostMeetingJobConfiguration {

    @Bean
    CustomTask<Void> postMeetingAnalysisTask(PostMeetingAnalysis analysis, IntelligenceProperties properties) {
        return Tasks.custom(PostMeetingAnalysis.JOB, Void.class)
                .onFailure(new FailureHandler.OnFailureRetryLater<>(properties.engineRetryDelay()))
                .execute((instance, context) -> analysis
                        .run(instance.getId(), context.getExecution().consecutiveFailures + 1)
                        .<CompletionHandler<Void>>map(next -> (complete, operations) -> operations.reschedule(complete,
                                next))
                        .orElseGet(CompletionHandler.OnCompleteRemove::new));
    }
}
