package io.meetingintel.calendar.api;

import io.meetingintel.calendar.CalendarIntegrationTest;
import io.meetingintel.calendar.Ics;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

/** The REST API's contract: per-user isolation, validation as problem details, idempotent create, pagination. */
class ConnectionApiTest extends CalendarIntegrationTest {

    private static final String CONNECTIONS = "/api/calendar/connections";

    @TempDir
    Path directory;

    private final String alice = "alice-" + UUID.randomUUID();
    private final String bob = "bob-" + UUID.randomUUID();

    @Test
    void anotherUsersConnectionIsNotFoundAndNotListed() throws IOException {
        String id = post(CONNECTIONS, alice, connectionJson("Work", feedWithOneMeeting())).body().path("id").asString();

        for (Response response : new Response[] {get(CONNECTIONS + "/" + id, bob),
                post(CONNECTIONS + "/" + id + "/sync", bob, null), delete(CONNECTIONS + "/" + id, bob)}) {
            assertThat(response.status()).isEqualTo(404);
            assertThat(response.contentType()).startsWith("application/problem+json");
        }
        assertThat(get(CONNECTIONS, bob).body().path("total").asInt()).isZero();
        assertThat(get("/api/calendar/meetings", bob).body().path("total").asInt()).isZero();

        Response own = get(CONNECTIONS + "/" + id, alice);
        assertThat(own.status()).isEqualTo(200);
        assertThat(own.body().path("status").path("lastSync").path("created").asInt()).isEqualTo(1);
        assertThat(own.body().path("status").path("activeMeetings").asInt()).isEqualTo(1);
        assertThat(Instant.parse(own.body().path("status").path("nextSyncAt").asString()))
                .isAfter(Instant.now().plus(14, ChronoUnit.MINUTES));
        assertThat(get("/api/calendar/meetings", alice).body().path("total").asInt()).isEqualTo(1);
    }

    @Test
    void creatingTheSameFeedTwiceReturnsTheExistingConnection() throws IOException {
        String feed = feedWithOneMeeting();
        Response first = post(CONNECTIONS, alice, connectionJson("Work", feed));
        Response second = post(CONNECTIONS, alice, connectionJson("Work again", feed));

        assertThat(first.status()).isEqualTo(201);
        assertThat(second.status()).isEqualTo(200);
        assertThat(second.body().path("id").asString()).isEqualTo(first.body().path("id").asString());
        Response list = get(CONNECTIONS + "?page=0&size=10", alice);
        assertThat(list.body().path("total").asInt()).isEqualTo(1);
        assertThat(list.body().path("size").asInt()).isEqualTo(10);
        assertThat(list.body().path("items").size()).isEqualTo(1);
    }

    @Test
    void rejectsInvalidRequestsWithProblemDetails() {
        assertProblem(post(CONNECTIONS, null, connectionJson("Work", "https://example.com/a.ics")), 401);
        assertProblem(get("/api/calendar/meetings", null), 401);
        assertProblem(post(CONNECTIONS, alice, "{\"icsUrl\":\"https://example.com/a.ics\"}"), 400);
        assertProblem(post(CONNECTIONS, alice, "{\"name\":\"Work\"}"), 400);
        assertProblem(post(CONNECTIONS, alice, "not json"), 400);
        Response badScheme = post(CONNECTIONS, alice, connectionJson("Work", "ftp://example.com/a.ics"));
        assertProblem(badScheme, 400);
        assertThat(badScheme.body().path("detail").asString()).contains("scheme");
        assertProblem(post(CONNECTIONS, alice, connectionJson("Work", "https:///no-host.ics")), 400);
        assertProblem(get(CONNECTIONS + "?size=500", alice), 400);
        assertProblem(get(CONNECTIONS + "?page=-1", alice), 400);
        assertProblem(get("/api/calendar/meetings?from=2030-01-02T00:00:00Z&to=2030-01-01T00:00:00Z", alice), 400);
        assertProblem(get("/api/calendar/meetings?from=yesterday", alice), 400);
        assertThat(get(CONNECTIONS, alice).body().path("total").asInt()).as("nothing was created").isZero();
    }

    @Test
    void anUnreadableFeedConnectsWithItsErrorAndSyncNowAnswersBadGateway() {
        Response created = post(CONNECTIONS, alice, connectionJson("Broken", directory.resolve("missing.ics").toUri().toString()));

        assertThat(created.status()).isEqualTo(201);
        assertThat(created.body().path("status").path("lastError").asString()).contains("does not exist");
        Response sync = post(CONNECTIONS + "/" + created.body().path("id").asString() + "/sync", alice, null);
        assertProblem(sync, 502);
    }

    private String feedWithOneMeeting() throws IOException {
        Path feed = directory.resolve("feed.ics");
        Instant start = Instant.now().plus(2, ChronoUnit.DAYS).truncatedTo(ChronoUnit.MINUTES);
        Files.writeString(feed, Ics.calendar(Ics.event("api-1", "Planning", start, start.plus(1, ChronoUnit.HOURS), "")));
        return feed.toUri().toString();
    }

    private static void assertProblem(Response response, int status) {
        assertThat(response.status()).as(response.body().toString()).isEqualTo(status);
        assertThat(response.contentType()).startsWith("application/problem+json");
        assertThat(response.body().path("status").asInt()).isEqualTo(status);
    }
}
