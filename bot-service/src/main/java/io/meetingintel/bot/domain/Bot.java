package io.meetingintel.bot.domain;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * A meeting bot: where it goes, who owns it, and its status history. Immutable: a transition returns the changed
 * bot, so a caller persists exactly what the status machine allowed.
 *
 * @param correlationId ties every event about this bot to what caused it (the meeting event or the API call)
 */
public record Bot(String id, String userId, String meetingId, String meetingUrl, MeetingPlatform platform,
                  String provider, String correlationId, Instant createdAt, List<StatusChange> history) {

    public static final String CREATED_REASON = "bot created";

    public Bot {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(userId, "userId");
        Objects.requireNonNull(meetingId, "meetingId");
        Objects.requireNonNull(meetingUrl, "meetingUrl");
        Objects.requireNonNull(platform, "platform");
        Objects.requireNonNull(provider, "provider");
        Objects.requireNonNull(createdAt, "createdAt");
        if (history == null || history.isEmpty()) {
            throw new IllegalArgumentException("A bot always has at least its first status");
        }
        history = List.copyOf(history);
    }

    /** A new bot in INITIALIZED (transition 1). */
    public static Bot initialize(String id, String userId, String meetingId, MeetingLink link, String provider,
                                 String correlationId, Instant at) {
        return new Bot(id, userId, meetingId, link.url(), link.platform(), provider, correlationId, at,
                List.of(new StatusChange(1, BotStatus.INITIALIZED, null, CREATED_REASON, at)));
    }

    public StatusChange lastChange() {
        return history.getLast();
    }

    public BotStatus status() {
        return lastChange().status();
    }

    public int transition() {
        return lastChange().transition();
    }

    public boolean isLive() {
        return !status().isFinal();
    }

    /** The bot after moving to {@code target}; refuses what the status machine does not allow. */
    public Bot moveTo(BotStatus target, String reason, Instant at) {
        if (!status().canMoveTo(target)) {
            throw new IllegalBotTransitionException(id, status(), target);
        }
        List<StatusChange> changed = new ArrayList<>(history);
        changed.add(new StatusChange(transition() + 1, target, status(), reason, at));
        return new Bot(id, userId, meetingId, meetingUrl, platform, provider, correlationId, createdAt, changed);
    }
}
