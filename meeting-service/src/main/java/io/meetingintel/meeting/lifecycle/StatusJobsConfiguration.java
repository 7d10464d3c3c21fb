package io.meetingintel.meeting.lifecycle;

import com.github.kagkarlsson.scheduler.task.helper.OneTimeTask;
import com.github.kagkarlsson.scheduler.task.helper.Tasks;
import io.meetingintel.meeting.domain.MeetingStatus;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The persistent jobs of the status lifecycle, one instance per meeting (instance id = meeting id): "meeting-starts"
 * at the start time and "meeting-ends" at the end time. db-scheduler keeps them in the database, so they survive
 * restarts and run at once on start when their time passed while the service was down.
 */
@Configuration(proxyBeanMethods = false)
class StatusJobsConfiguration {

    static final String MEETING_STARTS = "meeting-starts";
    static final String MEETING_ENDS = "meeting-ends";

    @Bean
    OneTimeTask<Void> meetingStartsTask(StatusTransitions transitions) {
        return Tasks.oneTime(MEETING_STARTS)
                .execute((instance, context) -> transitions.advance(instance.getId(), MeetingStatus.IN_PROGRESS,
                        "start time reached"));
    }

    @Bean
    OneTimeTask<Void> meetingEndsTask(StatusTransitions transitions) {
        return Tasks.oneTime(MEETING_ENDS)
                .execute((instance, context) -> transitions.advance(instance.getId(), MeetingStatus.DONE,
                        "end time reached"));
    }
}
