package io.meetingintel.pipeline.session;

import io.meetingintel.pipeline.config.PipelineProperties;

import java.time.Clock;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Closes sessions nobody writes to any more: bots that went silent, and sessions left open by a crashed instance or
 * a bot that never connected. Every instance first records the activity of its own live connections, so a session
 * stays open as long as some instance hears from its bot; running the sweep on several instances is harmless.
 */
@Component
class InactivitySweep {

    private static final Logger log = LoggerFactory.getLogger(InactivitySweep.class);

    private final SessionRepository sessions;
    private final LiveConnections connections;
    private final PipelineProperties properties;
    private final Clock clock;

    InactivitySweep(SessionRepository sessions, LiveConnections connections, PipelineProperties properties,
                    Clock clock) {
        this.sessions = sessions;
        this.connections = connections;
        this.properties = properties;
        this.clock = clock;
    }

    @Scheduled(fixedDelayString = "${pipeline.transcript.sweep-interval:30s}",
            initialDelayString = "${pipeline.transcript.sweep-interval:30s}")
    void sweep() {
        try {
            closeInactiveSessions();
        } catch (RuntimeException e) {
            log.warn("Transcript inactivity sweep failed, retrying at the next interval: {}", e.toString());
        }
    }

    void closeInactiveSessions() {
        Instant now = clock.instant();
        Instant cutoff = now.minus(properties.transcript().inactivityTimeout());
        connections.closeIdleSince(cutoff);
        Map<UUID, Instant> live = connections.lastActivityBySession();
        if (!live.isEmpty()) {
            sessions.touchAll(live);
        }
        for (TranscriptSession closed : sessions.closeInactiveSince(cutoff, now)) {
            log.info("Closed transcript session {} of meeting {} (bot {}): no activity since {}", closed.id(),
                    closed.meetingId(), closed.botId(), closed.lastActivityAt());
        }
    }
}
