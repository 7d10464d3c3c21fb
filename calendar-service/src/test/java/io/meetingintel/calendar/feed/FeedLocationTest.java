package io.meetingintel.calendar.feed;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class FeedLocationTest {

    @Test
    void serverFilesAreRefusedUnlessLocalFeedsAreEnabled() {
        assertThatThrownBy(() -> FeedLocation.validate("file:/etc/passwd", false))
                .isInstanceOf(InvalidFeedLocationException.class).hasMessageContaining("local feeds are disabled");
        assertThatThrownBy(() -> FeedLocation.validate("classpath:application.yml", false))
                .isInstanceOf(InvalidFeedLocationException.class);
        assertThat(FeedLocation.validate("file:/srv/calendars/team.ics", true)).isEqualTo("file:/srv/calendars/team.ics");
        assertThat(FeedLocation.validate(" https://calendar.example.com/team.ics ", false))
                .isEqualTo("https://calendar.example.com/team.ics");
    }
}
