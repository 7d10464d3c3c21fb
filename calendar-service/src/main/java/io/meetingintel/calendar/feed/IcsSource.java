package io.meetingintel.calendar.feed;

import io.meetingintel.calendar.connection.CalendarConnection;
import io.meetingintel.calendar.event.CalendarEvent;
import io.meetingintel.calendar.sync.SourceAdapter;

import java.io.ByteArrayInputStream;
import java.time.Instant;
import java.util.List;

import org.springframework.stereotype.Component;

/** ICS feeds: fetched whole on every sync and expanded over the window. */
@Component
class IcsSource implements SourceAdapter {

    private final FeedFetcher fetcher;
    private final IcsParser parser;

    IcsSource(FeedFetcher fetcher, IcsParser parser) {
        this.fetcher = fetcher;
        this.parser = parser;
    }

    @Override
    public String source() {
        return CalendarConnection.SOURCE_ICS;
    }

    @Override
    public List<CalendarEvent> read(CalendarConnection connection, Instant from, Instant to) {
        return parser.parse(new ByteArrayInputStream(fetcher.fetch(connection.url())), from, to);
    }
}
