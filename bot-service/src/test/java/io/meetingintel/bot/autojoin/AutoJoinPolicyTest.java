package io.meetingintel.bot.autojoin;

import io.meetingintel.bot.domain.MeetingPlatform;

import java.time.Duration;
import java.time.Instant;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class AutoJoinPolicyTest {

    private static final Instant NOW = Instant.parse("2026-11-20T10:00:00Z");
    private final AutoJoinPolicy policy = new AutoJoinPolicy(Duration.ofMinutes(1));

    private static CalendarMeeting meeting(Instant start, String url, boolean cancelled) {
        return new CalendarMeeting("mtg_1", "user-1", 1, "Northwind rollout", start, start.plusSeconds(1800), url,
                cancelled, "corr", null);
    }

    @Test
    void joinsTheLeadTimeBeforeTheStart() {
        var decision = policy.decide(meeting(NOW.plusSeconds(3600), "https://meet.google.com/abc-defg-hij", false), NOW);
        assertThat(decision).isInstanceOfSatisfying(AutoJoinPolicy.Join.class, join -> {
            assertThat(join.at()).isEqualTo(NOW.plusSeconds(3540));
            assertThat(join.link().platform()).isEqualTo(MeetingPlatform.GOOGLE_MEET);
        });
    }

    @Test
    void joinsAtOnceWhenTheLeadTimeHasPassedButTheMeetingGoesOn() {
        var decision = policy.decide(meeting(NOW.minusSeconds(600), "https://zoom.us/j/1", false), NOW);
        assertThat(decision).isEqualTo(new AutoJoinPolicy.Join(
                io.meetingintel.bot.domain.MeetingLink.parse("https://zoom.us/j/1"), NOW));
    }

    @Test
    void skipsMeetingsWithoutAJoinableLinkCancelledOrOver() {
        assertThat(policy.decide(meeting(NOW.plusSeconds(60), null, false), NOW))
                .isEqualTo(new AutoJoinPolicy.Skip("no conference link"));
        assertThat(policy.decide(meeting(NOW.plusSeconds(60), "https://example.com/room", false), NOW))
                .isInstanceOf(AutoJoinPolicy.Skip.class);
        assertThat(policy.decide(meeting(NOW.plusSeconds(60), "https://meet.google.com/a", true), NOW))
                .isEqualTo(new AutoJoinPolicy.Skip("meeting cancelled"));
        assertThat(policy.decide(meeting(NOW.minusSeconds(1800), "https://meet.google.com/a", false), NOW))
                .isEqualTo(new AutoJoinPolicy.Skip("meeting has ended"));
    }
}
