package io.meetingintel.platform.security;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class BotIngestTokensTest {

    private final BotIngestTokens tokens = new BotIngestTokens("test-secret-of-sufficient-length");

    @Test
    void aTokenAdmitsOnlyItsOwnBotMeetingAndUser() {
        String token = tokens.sign("bot_1", "mtg_1", "alice");

        assertThat(tokens.verify("bot_1", "mtg_1", "alice", token)).isTrue();
        assertThat(tokens.verify("bot_1", "mtg_1", "alice", token + "=")).isTrue();
        assertThat(tokens.verify("bot_2", "mtg_1", "alice", token)).isFalse();
        assertThat(tokens.verify("bot_1", "mtg_2", "alice", token)).isFalse();
        assertThat(tokens.verify("bot_1", "mtg_1", "mallory", token)).isFalse();
        assertThat(tokens.verify("bot_1", "mtg_1", "alice", null)).isFalse();
        assertThat(new BotIngestTokens("another-secret-of-sufficient-len").verify("bot_1", "mtg_1", "alice", token))
                .isFalse();
    }

    @Test
    void tokensAreUnpaddedBase64Url() {
        assertThat(tokens.sign("bot_1", "mtg_1", "alice")).matches("[A-Za-z0-9_-]{43}");
    }

    @Test
    void anEmptySecretIsRefused() {
        assertThatThrownBy(() -> new BotIngestTokens(" ")).isInstanceOf(IllegalArgumentException.class);
    }
}
