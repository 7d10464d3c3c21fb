package io.meetingintel.calendar;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/** Settings of the calendar service (application.yml maps each to its CALENDAR_* environment variable). */
@ConfigurationProperties("calendar")
public record CalendarProperties(@DefaultValue Sync sync, String meetingTypes,
                                 @DefaultValue("false") boolean localFeedsEnabled, @DefaultValue Demo demo) {

    public record Sync(@DefaultValue("14d") Duration horizon, @DefaultValue("15m") Duration interval) {
    }

    public record Demo(String user, @DefaultValue("3m") Duration startOffset, @DefaultValue("2m") Duration duration,
                       String feedUrl) {

        public boolean enabled() {
            return user != null && !user.isBlank();
        }
    }
}
