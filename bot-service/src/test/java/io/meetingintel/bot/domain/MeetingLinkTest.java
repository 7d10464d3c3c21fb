package io.meetingintel.bot.domain;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class MeetingLinkTest {

    @ParameterizedTest
    @CsvSource({
            "https://meet.google.com/abc-defg-hij, GOOGLE_MEET",
            "https://us02web.zoom.us/j/81234567890?pwd=abc, ZOOM",
            "https://zoom.us/j/123, ZOOM",
            "https://teams.microsoft.com/l/meetup-join/19%3ameeting_abc, TEAMS",
            "https://acme.webex.com/meet/alice, WEBEX",
            "http://meet.google.com/abc-defg-hij, GOOGLE_MEET"
    })
    void recognisesThePlatformFromTheHost(String url, MeetingPlatform platform) {
        assertThat(MeetingLink.parse(url).platform()).isEqualTo(platform);
    }

    @ParameterizedTest
    @ValueSource(strings = {"ftp://meet.google.com/abc", "meet.google.com/abc", "https://example.com/meeting",
            "https://zoom.us.evil.example/j/1", "https://notzoom.us/j/1", "https://exa mple.com", "javascript:alert(1)"})
    void refusesLinksABotCannotJoin(String url) {
        assertThatThrownBy(() -> MeetingLink.parse(url)).isInstanceOf(InvalidMeetingUrlException.class);
        assertThat(MeetingLink.tryParse(url)).isEmpty();
    }

    @Test
    void requiresAUrl() {
        assertThatThrownBy(() -> MeetingLink.parse(" ")).hasMessageContaining("required");
    }
}
