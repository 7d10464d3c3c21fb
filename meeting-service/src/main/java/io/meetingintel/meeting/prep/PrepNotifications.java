package io.meetingintel.meeting.prep;

import com.github.kagkarlsson.scheduler.task.FailureHandler;
import com.github.kagkarlsson.scheduler.task.helper.OneTimeTask;
import com.github.kagkarlsson.scheduler.task.helper.Tasks;
import io.meetingintel.meeting.domain.Meeting;
import io.meetingintel.meeting.lifecycle.MeetingRepository;
import io.meetingintel.platform.scheduling.PersistentJobs;

import java.time.Clock;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.stereotype.Component;

/**
 * Tells a meeting's owner that its prep is due. Delivery is a persistent job ("prep-notification", instance = meeting
 * id) scheduled in the transaction that moves prep to notified: the state change never waits for, nor is lost with,
 * a failing channel, and a failed delivery is retried with exponential backoff.
 */
@Component
public class PrepNotifications {

    static final String TASK = "prep-notification";
    private static final Logger log = LoggerFactory.getLogger(PrepNotifications.class);

    private final PersistentJobs jobs;
    private final Clock clock;

    PrepNotifications(PersistentJobs jobs, Clock clock) {
        this.jobs = jobs;
        this.clock = clock;
    }

    /** At most one delivery per meeting, whatever the number of prep signals. */
    void schedule(String meetingId) {
        jobs.scheduleIfAbsent(TASK, meetingId, clock.instant());
    }

    @Configuration(proxyBeanMethods = false)
    static class Jobs {

        @Bean
        OneTimeTask<Void> prepNotificationTask(Delivery delivery, NotificationProperties properties) {
            return Tasks.oneTime(TASK)
                    .onFailure(new FailureHandler.MaxRetriesFailureHandler<>(properties.maxRetries(),
                            new FailureHandler.ExponentialBackoffFailureHandler<>(properties.retryInitial(), 2.0),
                            (complete, operations) -> {
                                log.error("Gave up notifying prep of meeting {} after {} failed deliveries",
                                        complete.getExecution().getId(), properties.maxRetries() + 1);
                                operations.stop();
                            }))
                    .execute((instance, context) -> delivery.deliver(instance.getId()));
        }
    }

    /** One delivery attempt: an operator log line, then the Slack webhook when one is configured. */
    @Component
    static class Delivery {

        private final MeetingRepository meetings;
        private final SlackWebhook slack;

        Delivery(MeetingRepository meetings, SlackWebhook slack) {
            this.meetings = meetings;
            this.slack = slack;
        }

        void deliver(String meetingId) {
            var meeting = meetings.find(meetingId);
            if (meeting.isEmpty() || meeting.get().status().isFinal()) {
                log.info("Prep notification of meeting {} skipped: the meeting is {}", meetingId,
                        meeting.map(found -> found.status().code()).orElse("unknown"));
                return;
            }
            String text = message(meeting.get());
            log.info("PREP NOTIFICATION for user {}: {}", meeting.get().details().userId(), text);
            if (slack.enabled()) {
                try {
                    slack.post(text);
                } catch (SlackWebhook.NotificationFailedException e) {
                    log.warn("Prep notification of meeting {} not delivered, will retry: {}", meetingId,
                            e.getMessage());
                    throw e;
                }
                log.info("Prep notification of meeting {} delivered to Slack", meetingId);
            }
        }

        private static String message(Meeting meeting) {
            var details = meeting.details();
            return "Time to prepare: \"" + details.title() + "\" (" + details.meetingType() + ") starts at "
                    + details.startTime() + " UTC. Prep materials will appear in the meeting view [" + details.id()
                    + "].";
        }
    }
}
