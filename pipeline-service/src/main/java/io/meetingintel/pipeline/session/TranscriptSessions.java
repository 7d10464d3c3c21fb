package io.meetingintel.pipeline.session;

import io.meetingintel.events.BotStatus;
import io.meetingintel.events.BotStatusChanged;
import io.meetingintel.pipeline.transcript.MeetingRepository;
import io.meetingintel.platform.consumer.InvalidEventException;
import io.meetingintel.platform.metadata.EventMetadataFactory;

import java.time.Clock;
import java.util.EnumSet;
import java.util.Set;
import java.util.UUID;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Opens and closes transcript sessions. A session opens when the bot's socket connects or when its CONNECTED status
 * arrives, whichever comes first, and closes on the bot's end frame, a status meaning the call is over, or inactivity.
 */
@Service
public class TranscriptSessions {

    private static final Logger log = LoggerFactory.getLogger(TranscriptSessions.class);

    /** Statuses after which the bot is no longer in the call. */
    private static final Set<BotStatus> CALL_OVER = EnumSet.of(BotStatus.TRANSCRIBING, BotStatus.ANALYZING_MEETING,
            BotStatus.CREATING_TASKS, BotStatus.DONE, BotStatus.ERROR);

    private final SessionRepository sessions;
    private final MeetingRepository meetings;
    private final JdbcTemplate jdbc;
    private final TransactionTemplate transaction;
    private final Clock clock;

    public TranscriptSessions(SessionRepository sessions, MeetingRepository meetings, JdbcTemplate jdbc,
                              TransactionTemplate transaction, Clock clock) {
        this.sessions = sessions;
        this.meetings = meetings;
        this.jdbc = jdbc;
        this.transaction = transaction;
        this.clock = clock;
    }

    /**
     * The open session of a bot that just connected: a new one, or the one its CONNECTED status or an earlier socket
     * opened. The user its token was signed for owns the meeting unless an owner is already known.
     */
    public UUID openForConnection(String meetingId, String botId, String userId) {
        return transaction.execute(status -> {
            recordOwner(meetingId, userId, null, "bot " + botId + " handshake");
            var now = clock.instant();
            UUID id = UUID.randomUUID();
            if (sessions.openIfNone(id, meetingId, botId, now)) {
                log.info("Opened transcript session {} for meeting {} (bot {} connected)", id, meetingId, botId);
                return id;
            }
            // The insert waited for any concurrent opener, so the open session is visible now.
            TranscriptSession open = sessions.findOpen(meetingId, botId).orElseThrow(() ->
                    new IllegalStateException("No open session for meeting " + meetingId + " bot " + botId));
            sessions.touch(open.id(), now);
            log.info("Bot {} joined open transcript session {} of meeting {}", botId, open.id(), meetingId);
            return open.id();
        });
    }

    public void closeByBot(UUID sessionId, String meetingId, String botId) {
        if (sessions.close(sessionId, CloseReason.END_FRAME, clock.instant())) {
            log.info("Closed transcript session {} of meeting {}: bot {} ended it", sessionId, meetingId, botId);
        }
    }

    /**
     * Applies a bot status inside the inbox transaction: remembers the meeting's owner if not known yet, then, unless the status is
     * older than one already applied for the bot, opens (CONNECTED) or closes (call over) the bot's session.
     */
    public void applyBotStatus(BotStatusChanged event) {
        String meetingId = event.getMeetingId();
        String botId = event.getBotId();
        if (meetingId == null || meetingId.isBlank() || botId == null || botId.isBlank()) {
            throw new InvalidEventException("BotStatusChanged without meetingId or botId");
        }
        var metadata = EventMetadataFactory.metadataOf(event);
        recordOwner(meetingId, metadata.getUserId(), metadata.getCorrelationId(),
                "BotStatusChanged " + event.getStatus() + " of bot " + botId);
        if (!advanceBot(event)) {
            log.info("Ignored stale status {} (transition {}) of bot {}", event.getStatus(), event.getTransition(),
                    botId);
            return;
        }
        var now = clock.instant();
        if (event.getStatus() == BotStatus.CONNECTED) {
            UUID id = UUID.randomUUID();
            if (sessions.openIfNone(id, meetingId, botId, now)) {
                log.info("Opened transcript session {} for meeting {} (bot {} CONNECTED)", id, meetingId, botId);
            }
        } else if (CALL_OVER.contains(event.getStatus())) {
            for (TranscriptSession closed : sessions.closeOpen(meetingId, botId,
                    CloseReason.botStatus(event.getStatus()), now)) {
                log.info("Closed transcript session {} of meeting {}: bot {} is {}", closed.id(), meetingId, botId,
                        event.getStatus());
            }
        }
    }

    /**
     * Keeps the first owner the meeting was given (sessions opened later copy it); a different one is only worth a
     * warning.
     */
    private void recordOwner(String meetingId, String userId, String correlationId, String source) {
        String owner = meetings.recordOwner(meetingId, userId, correlationId);
        if (owner != null && userId != null && !userId.isBlank() && !owner.equals(userId)) {
            log.warn("Meeting {} is owned by user {}, but {} names user {}; keeping {}", meetingId, owner, source,
                    userId, owner);
        }
    }

    /** Records the bot's transition number; false when a later one was already applied (reordered delivery). */
    private boolean advanceBot(BotStatusChanged event) {
        return jdbc.update("""
                INSERT INTO bot_progress (bot_id, meeting_id, status, transition) VALUES (?, ?, ?, ?)
                ON CONFLICT (bot_id) DO UPDATE SET status = EXCLUDED.status, transition = EXCLUDED.transition
                WHERE bot_progress.transition < EXCLUDED.transition""",
                event.getBotId(), event.getMeetingId(), event.getStatus().name(), event.getTransition()) == 1;
    }
}
