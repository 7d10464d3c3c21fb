package io.meetingintel.calendar.google;

import io.meetingintel.calendar.CalendarIntegrationTest;
import io.meetingintel.calendar.FakeGoogle;
import io.meetingintel.calendar.sync.CalendarSync;
import io.meetingintel.calendar.sync.SyncResult;

import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Supplier;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

import static io.meetingintel.calendar.FakeGoogle.SERVER;
import static io.meetingintel.calendar.FakeGoogle.event;
import static io.meetingintel.calendar.FakeGoogle.events;
import static io.meetingintel.calendar.FakeGoogle.page;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Cost of syncing a Google calendar of 2,500 events (10 pages of 250, as Google pages) from the fake server, and of
 * an incremental sync of 10 changes. Runs only on demand:
 * {@code ./mvnw -B -pl calendar-service test -Dtest=GoogleSyncBenchmark -Dsurefire.excludedGroups= -Dgroups=benchmark}
 * The sync runs on the test thread, so the allocation figure is that of our sync (Google client, JSON parsing,
 * mapping, mirror, diff, outbox); the fake server's own work runs on its threads (it shares the JVM and the CPU).
 */
@Tag("benchmark")
class GoogleSyncBenchmark extends CalendarIntegrationTest {

    private static final int EVENTS = 2_500;
    private static final int PAGE = 250;
    private static final int CHANGES = 10;

    @Autowired
    CalendarSync sync;
    @Autowired
    JdbcTemplate jdbc;

    private final String tag = UUID.randomUUID().toString().substring(0, 8);
    private final String user = "bench-" + tag;
    private final String calendarId = "bench" + tag + "@example.com";
    private final Instant now = Instant.now().truncatedTo(ChronoUnit.MINUTES);

    @Test
    void fullSyncOf2500EventsAndIncrementalSyncOf10Changes() {
        FakeGoogle.primaryCalendar(calendarId);
        FakeGoogle.watchAndStop(calendarId, now.plus(2, ChronoUnit.DAYS));
        SERVER.stubFor(events(calendarId, null, null).willReturn(page(null, "empty")));
        String connectionId = connect();

        List<String> items = new ArrayList<>();
        for (int i = 0; i < EVENTS; i++) {
            items.add(benchEvent(i, "Meeting " + i));
        }
        for (int p = 0; p < EVENTS / PAGE; p++) {
            String next = p + 1 < EVENTS / PAGE ? "page-" + (p + 1) : null;
            SERVER.stubFor(events(calendarId, null, p == 0 ? null : "page-" + p).willReturn(page(next,
                    next == null ? "full-sync" : null, items.subList(p * PAGE, (p + 1) * PAGE).toArray(String[]::new))));
        }

        Measured first = measure(() -> fullSync(connectionId));
        Measured again = measure(() -> fullSync(connectionId));
        Measured third = measure(() -> fullSync(connectionId));

        String[] changed = new String[CHANGES];
        for (int i = 0; i < CHANGES; i++) {
            changed[i] = benchEvent(i * 7, "Changed meeting " + i);
        }
        SERVER.stubFor(events(calendarId, "full-sync", null).willReturn(page(null, "incremental", changed)));
        Measured incremental = measure(() -> sync.sync(connectionId));
        assertThat(incremental.result().counts().updated()).isEqualTo(CHANGES);

        long mirrored = jdbc.queryForObject("SELECT count(*) FROM google_event WHERE connection_id = ?", Long.class,
                connectionId);
        System.out.printf("%nGoogle sync benchmark: %d events (%d pages of %d), %d upcoming in the mirror%n", EVENTS,
                EVENTS / PAGE, PAGE, mirrored);
        report("full sync, first (cold JIT, creates meetings)", first);
        report("full sync, again (410-style resync, unchanged)", again);
        report("full sync, third (warm, unchanged)", third);
        report("incremental sync, " + CHANGES + " changes", incremental);
    }

    private SyncResult fullSync(String connectionId) {
        jdbc.update("UPDATE google_calendar SET sync_token = NULL WHERE connection_id = ?", connectionId);
        return sync.sync(connectionId);
    }

    /** Spread over the next 90 days; every third with attendees and a Meet link, like a busy work calendar. */
    private String benchEvent(int i, String title) {
        Instant start = now.plus(1, ChronoUnit.HOURS).plus((long) i * 90 * 24 * 60 / EVENTS, ChronoUnit.MINUTES);
        String extra = i % 3 != 0 ? "\"description\":\"Agenda for " + title + "\"" : "\"attendees\":["
                + "{\"email\":\"a" + i + "@example.com\",\"responseStatus\":\"accepted\"},"
                + "{\"email\":\"b" + i + "@example.com\",\"responseStatus\":\"needsAction\"},"
                + "{\"email\":\"c" + i + "@example.com\",\"responseStatus\":\"tentative\"}],"
                + "\"conferenceData\":{\"entryPoints\":[{\"entryPointType\":\"video\","
                + "\"uri\":\"https://meet.google.com/aaa-bbbb-" + i + "\"}],\"conferenceSolution\":{\"key\":"
                + "{\"type\":\"hangoutsMeet\"}}}";
        return event("bench-" + tag + "-" + i, title, start, start.plus(30, ChronoUnit.MINUTES), extra);
    }

    private record Measured(SyncResult result, long millis, long allocatedBytes, long retainedHeapBytes) {
    }

    private static Measured measure(Supplier<SyncResult> run) {
        var threads = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
        MemoryMXBean memory = ManagementFactory.getMemoryMXBean();
        System.gc();
        long heapBefore = memory.getHeapMemoryUsage().getUsed();
        long allocatedBefore = threads.getCurrentThreadAllocatedBytes();
        long start = System.nanoTime();
        SyncResult result = run.get();
        long millis = (System.nanoTime() - start) / 1_000_000;
        long allocated = threads.getCurrentThreadAllocatedBytes() - allocatedBefore;
        System.gc();
        long retained = memory.getHeapMemoryUsage().getUsed() - heapBefore;
        return new Measured(result, millis, allocated, retained);
    }

    private static void report(String what, Measured measured) {
        System.out.printf("  %-48s %6d ms, %7.1f MB allocated by the syncing thread, heap after GC %+.1f MB; %s%n",
                what, measured.millis(), measured.allocatedBytes() / 1e6, measured.retainedHeapBytes() / 1e6,
                measured.result().counts());
    }

    private String connect() {
        Response started = post("/api/calendar/google/connect", user, null);
        URI url = URI.create(started.body().path("authorizationUrl").asString());
        Map<String, String> query = Arrays.stream(url.getRawQuery().split("&")).map(p -> p.split("=", 2))
                .collect(Collectors.toMap(p -> p[0], p -> URLDecoder.decode(p[1], StandardCharsets.UTF_8)));
        FakeGoogle.codeExchange("bench-code-" + tag, "ya29.bench-" + tag, "1//bench-" + tag, 3600);
        Response connected = get("/api/calendar/google/callback?code=bench-code-" + tag + "&state="
                + query.get("state"), user);
        assertThat(connected.status()).as(connected.raw()).isEqualTo(201);
        return connected.body().path("connectionId").asString();
    }
}
