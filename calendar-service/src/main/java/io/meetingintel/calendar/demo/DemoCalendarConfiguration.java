package io.meetingintel.calendar.demo;

import io.meetingintel.calendar.CalendarProperties;
import io.meetingintel.calendar.connection.CalendarConnections;
import io.meetingintel.calendar.feed.FeedException;

import java.time.Clock;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnExpression;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.event.EventListener;
import org.springframework.core.env.Environment;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/** Demo calendar of the local stack, on when CALENDAR_DEMO_USER is set. */
@Configuration(proxyBeanMethods = false)
@ConditionalOnExpression("!'${calendar.demo.user:}'.isBlank()")
class DemoCalendarConfiguration {

    static final String FEED_PATH = "/internal/demo-calendar.ics";
    static final String CONNECTION_NAME = "Demo calendar";
    private static final Logger log = LoggerFactory.getLogger(DemoCalendarConfiguration.class);

    @Bean
    DemoCalendar demoCalendar(CalendarProperties properties, Clock clock) {
        return new DemoCalendar(properties, clock);
    }

    @RestController
    static class DemoCalendarFeed {

        private final DemoCalendar calendar;

        DemoCalendarFeed(DemoCalendar calendar) {
            this.calendar = calendar;
        }

        @GetMapping(FEED_PATH)
        ResponseEntity<String> feed() {
            return ResponseEntity.ok().contentType(new MediaType("text", "calendar")).body(calendar.ics());
        }
    }

    /**
     * Connects the demo user's calendar once (connecting the same feed again finds the existing connection) and
     * syncs it, so the meeting generated for this start is announced within seconds.
     */
    @Bean
    DemoConnection demoConnection(CalendarConnections connections, CalendarProperties properties,
                                  DemoCalendar calendar, Environment environment) {
        return new DemoConnection(connections, properties, calendar, environment);
    }

    record DemoConnection(CalendarConnections connections, CalendarProperties properties, DemoCalendar calendar,
                          Environment environment) {

        @EventListener(ApplicationReadyEvent.class)
        public void connect() {
            String user = properties.demo().user();
            String url = properties.demo().feedUrl() == null || properties.demo().feedUrl().isBlank()
                    ? "http://127.0.0.1:" + environment.getProperty("local.server.port") + FEED_PATH
                    : properties.demo().feedUrl();
            try {
                var connected = connections.connect(user, CONNECTION_NAME, url);
                if (!connected.created()) {
                    connections.syncNow(user, connected.connection().id());
                }
                log.info("Demo calendar {} of user {} reads {}: '{}' starts at {}", connected.connection().id(),
                        user, url, DemoCalendar.CLIENT_MEETING_TITLE, calendar.clientMeetingStart());
            } catch (FeedException e) {
                log.warn("Demo calendar of user {} could not be synced from {}: {}", user, url, e.getMessage());
            }
        }
    }
}
