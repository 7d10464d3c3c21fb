package io.meetingintel.bot.provider.simulated;

import io.meetingintel.bot.domain.Bot;
import io.meetingintel.bot.domain.BotStatus;
import io.meetingintel.bot.domain.MeetingLink;
import io.meetingintel.bot.store.BotRepository;
import io.meetingintel.bot.support.BotServiceTestSupport;

import java.time.Instant;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.transaction.support.TransactionTemplate;

import static org.assertj.core.api.Assertions.assertThat;

class SimulatedCallRecoveryTest extends BotServiceTestSupport {

    @Autowired
    BotRepository bots;

    @Autowired
    SimulatedCallRecovery recovery;

    @Autowired
    TransactionTemplate transaction;

    @Test
    void aCallCutOffByARestartEndsItsBotInErrorOnStart() {
        String meetingId = unique("mtg");
        String user = unique("user");
        Instant now = Instant.now();
        Bot connected = Bot.initialize(unique("bot"), user, meetingId,
                        MeetingLink.parse("https://meet.google.com/abc-defg-hij"), "simulated", "corr", now)
                .moveTo(BotStatus.CONNECTING, "provider is joining the call", now)
                .moveTo(BotStatus.CONNECTED, "bot joined the call", now);
        transaction.executeWithoutResult(status -> bots.insert(connected));
        jdbc.update("INSERT INTO simulated_call (bot_id, runner_id, state, segments_sent, started_at, updated_at) "
                + "VALUES (?, 'a-previous-process', 'ACTIVE', 12, now(), now())", connected.id());

        assertThat(recovery.recoverInterruptedCalls()).isEqualTo(1);

        Bot recovered = bots.findById(connected.id()).orElseThrow();
        assertThat(recovered.status()).isEqualTo(BotStatus.ERROR);
        assertThat(recovered.lastChange().reason()).isEqualTo("bot-service restarted during the call");
        assertThat(recovered.transition()).isEqualTo(4);
        assertThat(jdbc.queryForObject("SELECT state FROM simulated_call WHERE bot_id = ?", String.class,
                connected.id())).isEqualTo("ABORTED");
        var event = botStatusEvents(meetingId, 1).getFirst();
        assertThat(event.getStatus()).isEqualTo(io.meetingintel.events.BotStatus.ERROR);
        assertThat(event.getTransition()).isEqualTo(4);
        assertThat(recovery.recoverInterruptedCalls()).isZero();
    }
}
