package io.meetingintel.intelligence.analysis;

import io.meetingintel.intelligence.config.IntelligenceProperties;
import io.meetingintel.platform.scheduling.PersistentJobs;

import java.time.Clock;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/** Requests a meeting's post-meeting analysis (once) and schedules its job. */
@Component
class AnalysisRequests {

    private static final Logger log = LoggerFactory.getLogger(AnalysisRequests.class);

    private final AnalysisRepository analyses;
    private final PersistentJobs jobs;
    private final IntelligenceProperties properties;
    private final Clock clock;

    AnalysisRequests(AnalysisRepository analyses, PersistentJobs jobs, IntelligenceProperties properties,
                     Clock clock) {
        this.analyses = analyses;
        this.jobs = jobs;
        this.properties = properties;
        this.clock = clock;
    }

    /** Inside the caller's transaction: the request row and the job commit together. */
    void request(String meetingId, String correlationId) {
        if (!analyses.insert(meetingId, correlationId, properties.maxWait())) {
            log.info("Post-meeting analysis of meeting {} was already requested; ignoring the new request", meetingId);
            return;
        }
        jobs.scheduleIfAbsent(PostMeetingAnalysis.JOB, meetingId, clock.instant().plus(properties.settle()));
        log.info("Post-meeting analysis of meeting {} requested: runs once the transcript is quiet for {} (at most {})",
                meetingId, properties.settle(), properties.maxWait());
    }
}
