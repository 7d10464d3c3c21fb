package io.meetingintel.calendar.feed;

import io.meetingintel.calendar.event.ConferenceLink;
import io.meetingintel.calendar.event.ConferenceLink.Platform;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class ConferenceLinkDetectorTest {

    @ParameterizedTest
    @CsvSource({
            "Join at https://meet.google.com/abc-defg-hij now, https://meet.google.com/abc-defg-hij, GOOGLE_MEET",
            "https://us02web.zoom.us/j/87654321?pwd=secret, https://us02web.zoom.us/j/87654321?pwd=secret, ZOOM",
            "<https://zoom.us/j/123>, https://zoom.us/j/123, ZOOM",
            "https://teams.microsoft.com/l/meetup-join/19%3ameeting_x%40thread.v2/0, https://teams.microsoft.com/l/meetup-join/19%3ameeting_x%40thread.v2/0, TEAMS",
            "Dial in: https://teams.live.com/meet/9876543210, https://teams.live.com/meet/9876543210, TEAMS",
            "https://acme.webex.com/meet/alice., https://acme.webex.com/meet/alice, WEBEX",
    })
    void recognisesEachPlatform(String text, String url, Platform platform) {
        assertThat(ConferenceLinkDetector.detect(text)).contains(new ConferenceLink(url, platform));
    }

    @Test
    void ignoresLinksOfNoKnownPlatformAndLookalikeHosts() {
        assertThat(ConferenceLinkDetector.detect(
                "Docs https://example.com/agenda, https://zoom.us/signin, https://evilzoom.us/j/1, https://meet.google.com/"))
                .isEmpty();
    }

    @Test
    void prefersEarlierSourcesAndFindsLinksAfterUnknownOnes() {
        assertThat(ConferenceLinkDetector.detect(null, "Room 1", "see https://example.com then https://meet.google.com/x-y-z"))
                .contains(new ConferenceLink("https://meet.google.com/x-y-z", Platform.GOOGLE_MEET));
        assertThat(ConferenceLinkDetector.detect("https://acme.webex.com/j/1", "https://zoom.us/j/2"))
                .map(ConferenceLink::platform).contains(Platform.WEBEX);
    }
}
