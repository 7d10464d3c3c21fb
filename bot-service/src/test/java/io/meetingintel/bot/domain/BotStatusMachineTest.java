package io.meetingintel.bot.domain;

import java.time.Instant;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import static io.meetingintel.bot.domain.BotStatus.*;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class BotStatusMachineTest {

    private static final Instant T0 = Instant.parse("2026-11-20T10:00:00Z");
    private static final Map<BotStatus, BotStatus> HAPPY_SUCCESSOR = Map.of(
            INITIALIZED, CONNECTING, CONNECTING, CONNECTED, CONNECTED, TRANSCRIBING, TRANSCRIBING, ANALYZING_MEETING,
            ANALYZING_MEETING, CREATING_TASKS, CREATING_TASKS, DONE);

    private static Bot newBot() {
        return Bot.initialize("bot_1", "user-1", "mtg_1", MeetingLink.parse("https://meet.google.com/abc-defg-hij"),
                "simulated", "corr-1", T0);
    }

    @Test
    void walksTheWholeHappyPathNumberingEveryTransition() {
        Bot bot = newBot();
        List<BotStatus> path = List.of(CONNECTING, CONNECTED, TRANSCRIBING, ANALYZING_MEETING, CREATING_TASKS, DONE);
        for (BotStatus next : path) {
            bot = bot.moveTo(next, "to " + next, T0.plusSeconds(bot.transition()));
        }
        assertThat(bot.status()).isEqualTo(DONE);
        assertThat(bot.isLive()).isFalse();
        assertThat(bot.history()).extracting(StatusChange::status)
                .containsExactly(INITIALIZED, CONNECTING, CONNECTED, TRANSCRIBING, ANALYZING_MEETING, CREATING_TASKS,
                        DONE);
        assertThat(bot.history()).extracting(StatusChange::transition).containsExactly(1, 2, 3, 4, 5, 6, 7);
        assertThat(bot.history().get(3).previousStatus()).isEqualTo(CONNECTED);
        assertThat(bot.history().getFirst().previousStatus()).isNull();
        assertThat(bot.history().getFirst().reason()).isEqualTo(Bot.CREATED_REASON);
    }

    @ParameterizedTest
    @EnumSource(value = BotStatus.class, names = {"DONE", "ERROR"}, mode = EnumSource.Mode.EXCLUDE)
    void errorIsReachableFromEveryNonFinalStatus(BotStatus from) {
        assertThat(from.canMoveTo(ERROR)).isTrue();
        Bot bot = botIn(from).moveTo(ERROR, "provider failed", T0);
        assertThat(bot.status()).isEqualTo(ERROR);
        assertThat(bot.lastChange().previousStatus()).isEqualTo(from);
        assertThat(bot.lastChange().reason()).isEqualTo("provider failed");
    }

    @ParameterizedTest
    @EnumSource(value = BotStatus.class, names = {"DONE", "ERROR"})
    void finalStatusesAllowNothing(BotStatus from) {
        assertThat(from.isFinal()).isTrue();
        for (BotStatus target : BotStatus.values()) {
            assertThat(from.canMoveTo(target)).as("%s -> %s", from, target).isFalse();
        }
        Bot bot = botIn(from);
        assertThatThrownBy(() -> bot.moveTo(ERROR, "again", T0))
                .isInstanceOf(IllegalBotTransitionException.class)
                .hasMessageContaining(from + " to ERROR");
    }

    @Test
    void everyTransitionOffTheMachineIsRefused() {
        for (BotStatus from : BotStatus.values()) {
            for (BotStatus to : BotStatus.values()) {
                boolean legal = !from.isFinal() && (to == ERROR || HAPPY_SUCCESSOR.get(from) == to);
                assertThat(from.canMoveTo(to)).as("%s -> %s", from, to).isEqualTo(legal);
                if (!legal && !from.isFinal()) {
                    Bot bot = botIn(from);
                    assertThatThrownBy(() -> bot.moveTo(to, "skip", T0))
                            .isInstanceOf(IllegalBotTransitionException.class);
                    assertThat(bot.status()).isEqualTo(from);
                }
            }
        }
    }

    @Test
    void stepsToListsTheSkippedStatusesInOrder() {
        assertThat(TRANSCRIBING.stepsTo(DONE)).containsExactly(ANALYZING_MEETING, CREATING_TASKS, DONE);
        assertThat(ANALYZING_MEETING.stepsTo(CREATING_TASKS)).containsExactly(CREATING_TASKS);
        assertThat(CREATING_TASKS.stepsTo(ANALYZING_MEETING)).isEmpty();
        assertThat(DONE.stepsTo(DONE)).isEmpty();
        assertThat(ERROR.stepsTo(DONE)).isEmpty();
        assertThat(TRANSCRIBING.stepsTo(ERROR)).isEmpty();
    }

    @Test
    void onlyDoneAndErrorAreFinal() {
        assertThat(EnumSet.allOf(BotStatus.class).stream().filter(BotStatus::isFinal)).containsExactly(DONE, ERROR);
    }

    /** A bot brought to {@code status} through legal transitions. */
    private static Bot botIn(BotStatus status) {
        Bot bot = newBot();
        if (status == ERROR) {
            return bot.moveTo(ERROR, "failed", T0);
        }
        for (BotStatus step : INITIALIZED.stepsTo(status)) {
            bot = bot.moveTo(step, null, T0);
        }
        return bot;
    }
}
