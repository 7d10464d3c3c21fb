package io.meetingintel.bot.autojoin;

import io.meetingintel.bot.domain.MeetingLink;

import java.time.Duration;
import java.time.Instant;

/**
 * When a bot should join a meeting on its own: the meeting has a joinable conference link, is not cancelled and has
 * not ended; the bot goes in {@code leadTime} before the start, or at once when that moment has passed.
 */
public final class AutoJoinPolicy {

    private final Duration leadTime;

    public AutoJoinPolicy(Duration leadTime) {
        this.leadTime = leadTime;
    }

    public Decision decide(CalendarMeeting meeting, Instant now) {
        if (meeting.cancelled()) {
            return new Skip("meeting cancelled");
        }
        if (meeting.conferenceUrl() == null || meeting.conferenceUrl().isBlank()) {
            return new Skip("no conference link");
        }
        var link = MeetingLink.tryParse(meeting.conferenceUrl());
        if (link.isEmpty()) {
            return new Skip("conference link is not on a platform a bot can join");
        }
        if (!meeting.endTime().isAfter(now)) {
            return new Skip("meeting has ended");
        }
        Instant joinAt = meeting.startTime().minus(leadTime);
        return new Join(link.get(), joinAt.isBefore(now) ? now : joinAt);
    }

    public sealed interface Decision permits Join, Skip {
    }

    public record Join(MeetingLink link, Instant at) implements Decision {
    }

    public record Skip(String reason) implements Decision {
    }
}
