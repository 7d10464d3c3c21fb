package io.meetingintel.calendar.google;

import io.meetingintel.calendar.CalendarIntegrationTest;
import io.meetingintel.calendar.FakeGoogle;
import io.meetingintel.calendar.TopicReader;
import io.meetingintel.calendar.sync.CalendarSync;
import io.meetingintel.events.AttendeeResponse;
import io.meetingintel.events.ConferencePlatform;
import io.meetingintel.events.MeetingChangeType;
import io.meetingintel.events.MeetingDiscovered;
import io.meetingintel.platform.serde.AvroEventCodec;
import io.meetingintel.schemas.Topics;

import com.github.tomakehurst.wiremock.stubbing.Scenario;
import com.github.tomakehurst.wiremock.stubbing.ServeEvent;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;

import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Predicate;
import java.util.stream.Collectors;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import tools.jackson.databind.JsonNode;

import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static io.meetingintel.calendar.FakeGoogle.SERVER;
import static io.meetingintel.calendar.FakeGoogle.cancelled;
import static io.meetingintel.calendar.FakeGoogle.error;
import static io.meetingintel.calendar.FakeGoogle.event;
import static io.meetingintel.calendar.FakeGoogle.events;
import static io.meetingintel.calendar.FakeGoogle.page;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Google Calendar end to end: the service's REST API and Kafka topics on one side, the real Google client libraries
 * talking to a fake Google (WireMock) on the other.
 */
class GoogleCalendarTest extends CalendarIntegrationTest {

    private static final Duration WAIT = Duration.ofSeconds(20);
    private static final Duration QUIET = Duration.ofSeconds(2);

    @Autowired
    AvroEventCodec codec;
    @Autowired
    JdbcTemplate jdbc;

    private final String tag = UUID.randomUUID().toString().substring(0, 8);
    private final String user = "google-user-" + tag;
    private final String calendarId = "u" + tag + "@example.com";
    private final String accessToken = "ya29.access-" + tag;
    private final String refreshToken = "1//refresh-" + tag;
    private final Instant now = Instant.now().truncatedTo(ChronoUnit.MINUTES);
    private TopicReader<MeetingDiscovered> discovered;

    @BeforeEach
    void setUp() {
        discovered = new TopicReader<>(Topics.MEETING_DISCOVERED.name(), codec);
        FakeGoogle.primaryCalendar(calendarId);
        FakeGoogle.watchAndStop(calendarId, now.plus(2, ChronoUnit.DAYS));
        FakeGoogle.revoke();
    }

    @AfterEach
    void close() {
        discovered.close();
    }

    @Test
    void pagedFullSyncThenIncrementalChangesThenA410ResyncWithoutSpuriousEvents() {
        Instant day2 = now.plus(2, ChronoUnit.DAYS);
        Instant day3 = now.plus(3, ChronoUnit.DAYS);
        Instant day4 = now.plus(4, ChronoUnit.DAYS);
        String zoom = event("zoom-" + tag, "Roadmap planning", day2, day2.plus(1, ChronoUnit.HOURS),
                "\"attendees\":[{\"email\":\"owner@example.com\",\"organizer\":true,\"self\":true,"
                        + "\"responseStatus\":\"accepted\"},{\"email\":\"bob@example.com\",\"displayName\":\"Bob\","
                        + "\"responseStatus\":\"tentative\"},{\"email\":\"carol@example.com\",\"responseStatus\":\"declined\"},"
                        + "{\"email\":\"room-1@resource.calendar.google.com\",\"resource\":true,\"responseStatus\":\"accepted\"}],"
                        + "\"hangoutLink\":\"https://meet.google.com/not-this-one\",\"conferenceData\":{\"entryPoints\":["
                        + "{\"entryPointType\":\"phone\",\"uri\":\"tel:+1-555-0100\"},{\"entryPointType\":\"video\","
                        + "\"uri\":\"https://example.zoom.us/j/123456789\",\"label\":\"example.zoom.us/j/123456789\"}],"
                        + "\"conferenceSolution\":{\"key\":{\"type\":\"addOn\"},\"name\":\"Zoom Meeting\"},"
                        + "\"conferenceId\":\"123456789\"}");
        String seriesId = "standup-" + tag;
        String instance1 = event(seriesId + "_" + compact(day3), "Standup", day3, day3.plus(15, ChronoUnit.MINUTES),
                "\"recurringEventId\":\"" + seriesId + "\",\"originalStartTime\":{\"dateTime\":\"" + day3 + "\"},"
                        + "\"hangoutLink\":\"https://meet.google.com/abc-defg-hij\"").replace(
                "\"iCalUID\":\"" + seriesId + "_" + compact(day3) + "@google.com\"", "\"iCalUID\":\"" + seriesId + "@google.com\"");
        String instance2 = event(seriesId + "_" + compact(day4), "Standup", day4, day4.plus(15, ChronoUnit.MINUTES),
                "\"recurringEventId\":\"" + seriesId + "\",\"originalStartTime\":{\"dateTime\":\"" + day4 + "\"},"
                        + "\"hangoutLink\":\"https://meet.google.com/abc-defg-hij\"").replace(
                "\"iCalUID\":\"" + seriesId + "_" + compact(day4) + "@google.com\"", "\"iCalUID\":\"" + seriesId + "@google.com\"");
        String allDay = "{\"kind\":\"calendar#event\",\"id\":\"allday-" + tag + "\",\"status\":\"confirmed\","
                + "\"summary\":\"Offsite\",\"start\":{\"date\":\"" + day2.toString().substring(0, 10) + "\"},"
                + "\"end\":{\"date\":\"" + day3.toString().substring(0, 10) + "\"},\"iCalUID\":\"allday-" + tag + "@google.com\"}";
        String teams = event("teams-" + tag, "Client call", day3.plus(2, ChronoUnit.HOURS),
                day3.plus(3, ChronoUnit.HOURS), "\"description\":\"Join: https://teams.microsoft.com/l/meetup-join/19%3ameeting_x\"");
        String farAway = event("far-" + tag, "Next month", now.plus(30, ChronoUnit.DAYS),
                now.plus(30, ChronoUnit.DAYS).plus(1, ChronoUnit.HOURS), "");
        String past = event("past-" + tag, "Last week", now.minus(7, ChronoUnit.DAYS),
                now.minus(7, ChronoUnit.DAYS).plus(1, ChronoUnit.HOURS), "");
        SERVER.stubFor(events(calendarId, null, null).willReturn(page("page-2", null, zoom, instance1, allDay, past)));
        SERVER.stubFor(events(calendarId, null, "page-2").willReturn(page("page-3", null, instance2,
                cancelled("deleted-" + tag))));
        SERVER.stubFor(events(calendarId, null, "page-3").willReturn(page(null, "sync-1", teams, farAway)));
        createRule("{\"meetingType\":\"roadmap_review\",\"keywords\":[\"roadmap\"],\"prepHoursBefore\":5}");

        String connectionId = connect(3600);

        List<MeetingDiscovered> created = discovered.await(of(connectionId), 4, WAIT);
        assertThat(discovered.readFor(of(connectionId), QUIET)).hasSize(4);
        assertThat(created).allSatisfy(meeting -> {
            assertThat(meeting.getChangeType()).isEqualTo(MeetingChangeType.CREATED);
            assertThat(meeting.getSource().name()).isEqualTo("GOOGLE");
            assertThat(meeting.getMetadata().getUserId()).isEqualTo(user);
        });
        MeetingDiscovered roadmap = byExternalId(created, "zoom-" + tag);
        assertThat(roadmap.getConferencePlatform()).isEqualTo(ConferencePlatform.ZOOM);
        assertThat(roadmap.getConferenceUrl()).isEqualTo("https://example.zoom.us/j/123456789");
        assertThat(roadmap.getICalUid()).isEqualTo("zoom-" + tag + "@google.com");
        assertThat(roadmap.getRecurringEventId()).isNull();
        assertThat(roadmap.getMeetingType()).isEqualTo("roadmap_review");
        assertThat(roadmap.getPrepHoursBefore()).isEqualTo(5);
        assertThat(roadmap.getOrganizer().getEmail()).isEqualTo("owner@example.com");
        assertThat(roadmap.getAttendees().stream().collect(Collectors.toMap(a -> a.getEmail().toString(),
                a -> a.getResponse()))).isEqualTo(Map.of("owner@example.com", AttendeeResponse.ACCEPTED,
                "bob@example.com", AttendeeResponse.TENTATIVE, "carol@example.com", AttendeeResponse.DECLINED));
        MeetingDiscovered standup = byExternalId(created, seriesId + "_" + compact(day3));
        assertThat(standup.getRecurringEventId()).isEqualTo(seriesId);
        assertThat(standup.getICalUid()).isEqualTo(seriesId + "@google.com");
        assertThat(standup.getConferencePlatform()).isEqualTo(ConferencePlatform.GOOGLE_MEET);
        assertThat(standup.getConferenceUrl()).isEqualTo("https://meet.google.com/abc-defg-hij");
        assertThat(byExternalId(created, seriesId + "_" + compact(day4)).getMeetingId())
                .isNotEqualTo(standup.getMeetingId());
        assertThat(byExternalId(created, "teams-" + tag).getConferencePlatform()).isEqualTo(ConferencePlatform.TEAMS);
        assertThat(storedSyncToken(connectionId)).isEqualTo("sync-1");

        // Incremental: a moved meeting, a cancelled instance, a new meeting; only those are announced.
        Instant moved = day2.plus(1, ChronoUnit.HOURS);
        SERVER.stubFor(events(calendarId, "sync-1", null).willReturn(page(null, "sync-2",
                event("zoom-" + tag, "Roadmap planning", moved, moved.plus(1, ChronoUnit.HOURS), ""),
                cancelled(seriesId + "_" + compact(day4)),
                event("new-" + tag, "Hiring sync", day4.plus(3, ChronoUnit.HOURS), day4.plus(4, ChronoUnit.HOURS), ""))));
        assertThat(syncNow(connectionId)).containsExactly(1, 1, 1, 2);
        List<MeetingDiscovered> changes = discovered.await(of(connectionId), 7, WAIT).subList(4, 7);
        assertThat(changes).extracting(m -> m.getChangeType() + " " + m.getExternalEventId()).containsExactlyInAnyOrder(
                "UPDATED zoom-" + tag, "CANCELLED " + seriesId + "_" + compact(day4), "CREATED new-" + tag);
        assertThat(byExternalId(changes, "zoom-" + tag).getVersion()).isEqualTo(2);
        assertThat(byExternalId(changes, "zoom-" + tag).getStartTime()).isEqualTo(moved);

        // 410 Gone: the sync token is dropped, a full listing of the unchanged calendar announces nothing.
        SERVER.stubFor(events(calendarId, "sync-2", null).willReturn(error(410, "fullSyncRequired",
                "Sync token is no longer valid, a full sync is required.")));
        SERVER.stubFor(events(calendarId, null, null).willReturn(page(null, "sync-3",
                event("zoom-" + tag, "Roadmap planning", moved, moved.plus(1, ChronoUnit.HOURS), ""),
                instance1, cancelled(seriesId + "_" + compact(day4)), teams, farAway,
                event("new-" + tag, "Hiring sync", day4.plus(3, ChronoUnit.HOURS), day4.plus(4, ChronoUnit.HOURS), ""))));
        assertThat(syncNow(connectionId)).containsExactly(0, 0, 0, 4);
        assertThat(discovered.readFor(of(connectionId), QUIET)).hasSize(7);
        assertThat(storedSyncToken(connectionId)).isEqualTo("sync-3");
    }

    @Test
    void storesTokensEncryptedNeverShowsThemAndRefreshesBeforeExpiryBackingOffOnRateLimits() {
        Instant start = now.plus(1, ChronoUnit.DAYS);
        SERVER.stubFor(FakeGoogle.refresh(refreshToken).willReturn(FakeGoogle.refreshed(accessToken + "-2", 3600)));
        // Rate limited twice (429, then 403 rateLimitExceeded), a 503, then the page: the sync still succeeds.
        String scenario = "rate-" + tag;
        SERVER.stubFor(events(calendarId, null, null).inScenario(scenario).whenScenarioStateIs(Scenario.STARTED)
                .willReturn(error(429, "rateLimitExceeded", "Rate Limit Exceeded")).willSetStateTo("403"));
        SERVER.stubFor(events(calendarId, null, null).inScenario(scenario).whenScenarioStateIs("403")
                .willReturn(error(403, "rateLimitExceeded", "Rate Limit Exceeded")).willSetStateTo("503"));
        SERVER.stubFor(events(calendarId, null, null).inScenario(scenario).whenScenarioStateIs("503")
                .willReturn(error(503, "backendError", "Backend Error")).willSetStateTo("ok"));
        SERVER.stubFor(events(calendarId, null, null).inScenario(scenario).whenScenarioStateIs("ok")
                .willReturn(page(null, "sync-1", event("one-" + tag, "Budget", start, start.plus(1, ChronoUnit.HOURS), ""))));

        // The exchanged access token expires within the refresh margin: the first sync refreshes it.
        String connectionId = connect(60);

        assertThat(discovered.await(of(connectionId), 1, WAIT)).hasSize(1);
        assertThat(refreshRequests()).singleElement().satisfies(refresh -> assertThat(refresh.getBodyAsString())
                .contains("client_id=" + FakeGoogle.CLIENT_ID));
        List<ServeEvent> listings = FakeGoogle.requests("/events?").stream()
                .filter(e -> e.getRequest().getUrl().contains(tag)).toList();
        assertThat(listings).hasSize(4);
        assertThat(listings).allSatisfy(e -> assertThat(e.getRequest().getHeader("Authorization"))
                .isEqualTo("Bearer " + accessToken + "-2"));

        Map<String, Object> stored = jdbc.queryForMap("SELECT key_id, access_token, refresh_token FROM google_calendar "
                + "WHERE connection_id = ?", connectionId);
        assertThat(stored.get("key_id")).isEqualTo(TOKEN_KEY_ID);
        assertThat(stored.values()).noneSatisfy(value -> assertThat(String.valueOf(value)).contains("access-" + tag));
        assertThat(stored.values()).noneSatisfy(value -> assertThat(String.valueOf(value)).contains("refresh-" + tag));
        Response connection = get("/api/calendar/connections/" + connectionId, user);
        Response list = get("/api/calendar/connections", user);
        assertThat(connection.body().path("source").asString()).isEqualTo("GOOGLE");
        assertThat(connection.body().path("googleCalendarId").asString()).isEqualTo(calendarId);
        assertThat(connection.body().path("status").path("state").asString()).isEqualTo("CONNECTED");
        assertThat(connection.body().path("status").path("lastError").isNull()).isTrue();
        assertThat(connection.body().path("status").path("nextSyncAt").isString()).isTrue();
        for (Response response : List.of(connection, list)) {
            assertThat(response.raw()).doesNotContain("access-" + tag).doesNotContain("refresh-" + tag);
        }
    }

    @Test
    void invalidGrantDisconnectsWithAReasonStopsSyncingAndCancelsFutureMeetings() {
        Instant start = now.plus(2, ChronoUnit.DAYS);
        String scenario = "grant-" + tag;
        SERVER.stubFor(FakeGoogle.refresh(refreshToken).inScenario(scenario).whenScenarioStateIs(Scenario.STARTED)
                .willReturn(FakeGoogle.refreshed(accessToken + "-2", 60)).willSetStateTo("revoked"));
        SERVER.stubFor(FakeGoogle.refresh(refreshToken).inScenario(scenario).whenScenarioStateIs("revoked")
                .willReturn(FakeGoogle.invalidGrant()));
        SERVER.stubFor(events(calendarId, null, null).willReturn(page(null, "sync-1",
                event("a-" + tag, "Planning", start, start.plus(1, ChronoUnit.HOURS), ""),
                event("b-" + tag, "Review", start.plus(2, ChronoUnit.HOURS), start.plus(3, ChronoUnit.HOURS), ""))));
        String connectionId = connect(60);
        discovered.await(of(connectionId), 2, WAIT);

        Response refused = post("/api/calendar/connections/" + connectionId + "/sync", user, null);

        assertThat(refused.status()).isEqualTo(409);
        assertThat(refused.body().path("detail").asString()).contains("invalid_grant");
        List<MeetingDiscovered> all = discovered.await(of(connectionId), 4, WAIT);
        assertThat(all.subList(2, 4)).allSatisfy(m -> assertThat(m.getChangeType()).isEqualTo(MeetingChangeType.CANCELLED));
        JsonNode status = get("/api/calendar/connections/" + connectionId, user).body().path("status");
        assertThat(status.path("state").asString()).isEqualTo("DISCONNECTED");
        assertThat(status.path("disconnectedReason").asString()).contains("invalid_grant");
        assertThat(status.path("nextSyncAt").isNull()).isTrue();
        assertThat(jdbc.queryForObject("SELECT count(*) FROM google_calendar WHERE connection_id = ? "
                + "AND access_token IS NULL AND refresh_token IS NULL", Integer.class, connectionId)).isEqualTo(1);
        assertThat(post("/api/calendar/connections/" + connectionId + "/sync", user, null).status()).isEqualTo(409);
    }

    @Test
    void aRejectedAccessTokenIsRefreshedOnceAndTheListingRetriedWithTheNewToken() {
        Instant start = now.plus(1, ChronoUnit.DAYS);
        SERVER.stubFor(events(calendarId, null, null).willReturn(page(null, "sync-1",
                event("kept-" + tag, "Planning", start, start.plus(1, ChronoUnit.HOURS), ""))));
        String connectionId = connect(3600);
        discovered.await(of(connectionId), 1, WAIT);
        // Google stops accepting the stored access token although it has not expired yet.
        SERVER.stubFor(FakeGoogle.refresh(refreshToken).willReturn(FakeGoogle.refreshed(accessToken + "-2", 3600)));
        SERVER.stubFor(events(calendarId, "sync-1", null).withHeader("Authorization", equalTo("Bearer " + accessToken))
                .willReturn(FakeGoogle.unauthenticated()));
        SERVER.stubFor(events(calendarId, "sync-1", null)
                .withHeader("Authorization", equalTo("Bearer " + accessToken + "-2"))
                .willReturn(page(null, "sync-2", event("added-" + tag, "Review", start.plus(2, ChronoUnit.HOURS),
                        start.plus(3, ChronoUnit.HOURS), ""))));
        SERVER.stubFor(events(calendarId, "sync-2", null).willReturn(page(null, "sync-3")));

        assertThat(syncNow(connectionId)).containsExactly(1, 0, 0, 1);

        assertThat(refreshRequests()).hasSize(1);
        assertThat(listings("syncToken=sync-1")).extracting(e -> e.getRequest().getHeader("Authorization"))
                .containsExactly("Bearer " + accessToken, "Bearer " + accessToken + "-2");
        assertThat(discovered.await(of(connectionId), 2, WAIT).get(1).getExternalEventId()).isEqualTo("added-" + tag);
        JsonNode status = get("/api/calendar/connections/" + connectionId, user).body().path("status");
        assertThat(status.path("state").asString()).isEqualTo("CONNECTED");
        assertThat(status.path("lastError").isNull()).isTrue();

        // The refreshed token was stored: the next sync uses it without asking the token endpoint again.
        assertThat(syncNow(connectionId)).containsExactly(0, 0, 0, 2);
        assertThat(listings("syncToken=sync-2")).extracting(e -> e.getRequest().getHeader("Authorization"))
                .containsExactly("Bearer " + accessToken + "-2");
        assertThat(refreshRequests()).hasSize(1);
    }

    @Test
    void aRejectedAccessTokenWhoseRefreshIsRefusedDisconnects() {
        Instant start = now.plus(2, ChronoUnit.DAYS);
        SERVER.stubFor(events(calendarId, null, null).willReturn(page(null, "sync-1",
                event("gone-" + tag, "Planning", start, start.plus(1, ChronoUnit.HOURS), ""))));
        String connectionId = connect(3600);
        discovered.await(of(connectionId), 1, WAIT);
        SERVER.stubFor(events(calendarId, "sync-1", null).willReturn(FakeGoogle.unauthenticated()));
        SERVER.stubFor(FakeGoogle.refresh(refreshToken).willReturn(FakeGoogle.invalidGrant()));

        Response refused = post("/api/calendar/connections/" + connectionId + "/sync", user, null);

        assertThat(refused.status()).as(refused.raw()).isEqualTo(409);
        assertThat(refused.body().path("detail").asString()).contains("invalid_grant");
        assertThat(refreshRequests()).hasSize(1);
        assertThat(listings("syncToken=sync-1")).hasSize(1);
        assertThat(discovered.await(of(connectionId), 2, WAIT).get(1).getChangeType())
                .isEqualTo(MeetingChangeType.CANCELLED);
        JsonNode status = get("/api/calendar/connections/" + connectionId, user).body().path("status");
        assertThat(status.path("state").asString()).isEqualTo("DISCONNECTED");
        assertThat(status.path("disconnectedReason").asString()).contains("invalid_grant");
        assertThat(status.path("nextSyncAt").isNull()).isTrue();
    }

    @Test
    void insufficientScopesInAScheduledSyncDisconnectAtOnceStopTheSyncAndCancelFutureMeetings() {
        Instant start = now.plus(2, ChronoUnit.DAYS);
        SERVER.stubFor(events(calendarId, null, null).willReturn(page(null, "sync-1",
                event("a-" + tag, "Planning", start, start.plus(1, ChronoUnit.HOURS), ""),
                event("b-" + tag, "Review", start.plus(2, ChronoUnit.HOURS), start.plus(3, ChronoUnit.HOURS), ""))));
        String connectionId = connect(3600);
        discovered.await(of(connectionId), 2, WAIT);
        SERVER.stubFor(events(calendarId, "sync-1", null).willReturn(FakeGoogle.insufficientScopes()));

        // The polling job comes due.
        jdbc.update("UPDATE scheduled_tasks SET execution_time = now() WHERE task_name = ? AND task_instance = ?",
                CalendarSync.TASK, connectionId);

        List<MeetingDiscovered> all = discovered.await(of(connectionId), 4, WAIT);
        assertThat(all.subList(2, 4)).extracting(m -> m.getChangeType() + " " + m.getExternalEventId())
                .containsExactlyInAnyOrder("CANCELLED a-" + tag, "CANCELLED b-" + tag);
        await().atMost(WAIT).untilAsserted(() -> assertThat(jobAt(CalendarSync.TASK, connectionId)).isNull());
        JsonNode listed = get("/api/calendar/connections", user).body().path("items");
        assertThat(listed.size()).isEqualTo(1);
        JsonNode status = listed.get(0).path("status");
        assertThat(listed.get(0).path("id").asString()).isEqualTo(connectionId);
        assertThat(status.path("state").asString()).isEqualTo("DISCONNECTED");
        assertThat(status.path("disconnectedReason").asString()).contains("insufficientPermissions")
                .contains(FakeGoogle.SCOPE);
        assertThat(status.path("nextSyncAt").isNull()).isTrue();
        assertThat(status.path("activeMeetings").asLong()).isZero();
        // Not a rate limit: asked once, never retried.
        assertThat(listings("syncToken=sync-1")).hasSize(1);
        assertThat(jdbc.queryForObject("SELECT count(*) FROM google_calendar WHERE connection_id = ? "
                + "AND access_token IS NULL AND refresh_token IS NULL", Integer.class, connectionId)).isEqualTo(1);
        assertThat(jobAt(GoogleChannels.RENEW_TASK, connectionId)).isNull();
        assertThat(post("/api/calendar/connections/" + connectionId + "/sync", user, null).status()).isEqualTo(409);
    }

    @Test
    void pushNotificationsAreVerifiedTheSyncMessageIgnoredAndChangesSyncedSoon() {
        Instant start = now.plus(1, ChronoUnit.DAYS);
        SERVER.stubFor(events(calendarId, null, null).willReturn(page(null, "sync-1")));
        String connectionId = connect(3600);

        List<ServeEvent> watches = FakeGoogle.requests("/events/watch").stream()
                .filter(e -> e.getRequest().getUrl().contains(tag)).toList();
        assertThat(watches).hasSize(1);
        JsonNode watch = json.readTree(watches.getFirst().getRequest().getBodyAsString());
        assertThat(watch.path("type").asString()).isEqualTo("web_hook");
        assertThat(watch.path("address").asString()).isEqualTo("https://app.example.test/api/calendar/google/notifications");
        String channelId = watch.path("id").asString();
        String channelToken = watch.path("token").asString();
        assertThat(jobAt(GoogleChannels.RENEW_TASK, connectionId))
                .isEqualTo(now.plus(2, ChronoUnit.DAYS).minus(1, ChronoUnit.HOURS));

        assertThat(notify(channelId, "forged", "exists").status()).isEqualTo(403);
        assertThat(notify("unknown-channel", channelToken, "exists").status()).isEqualTo(404);
        assertThat(notify(channelId, channelToken, "sync").status()).isEqualTo(200);
        assertThat(jobAt(GoogleChannels.SYNC_SOON_TASK, connectionId)).isNull();

        SERVER.stubFor(events(calendarId, "sync-1", null).willReturn(page(null, "sync-2",
                event("pushed-" + tag, "Pushed", start, start.plus(1, ChronoUnit.HOURS), ""))));
        assertThat(notify(channelId, channelToken, "exists").status()).isEqualTo(202);
        assertThat(notify(channelId, channelToken, "exists").status()).isEqualTo(202);

        assertThat(discovered.await(of(connectionId), 1, WAIT).getFirst().getExternalEventId())
                .isEqualTo("pushed-" + tag);
        assertThat(FakeGoogle.requests("syncToken=sync-1").stream()
                .filter(e -> e.getRequest().getUrl().contains(tag)).count()).isEqualTo(1);

        // The renewal job comes due: a new channel replaces the old one, which is stopped at Google.
        jdbc.update("UPDATE scheduled_tasks SET execution_time = now() WHERE task_name = ? AND task_instance = ?",
                GoogleChannels.RENEW_TASK, connectionId);
        await().atMost(WAIT).untilAsserted(() -> assertThat(FakeGoogle.requests("/events/watch").stream()
                .filter(e -> e.getRequest().getUrl().contains(tag)).count()).isEqualTo(2));
        await().atMost(WAIT).untilAsserted(() -> SERVER.verify(1, postRequestedFor(
                urlPathEqualTo("/calendar/v3/channels/stop")).withRequestBody(containing(channelId))));
        assertThat(notify(channelId, channelToken, "exists").status()).isEqualTo(404);
    }

    @Test
    void aGrantWithoutCalendarAccessIsRevokedAndConnectsNothing() {
        String state = startConnect(user);
        String code = "code-" + tag;
        FakeGoogle.codeExchange(code, accessToken, refreshToken, 3600, "openid");

        Response refused = callback(code, state, user);

        assertThat(refused.status()).isEqualTo(400);
        assertThat(refused.body().path("title").asString()).isEqualTo("Calendar access not granted");
        SERVER.verify(1, postRequestedFor(urlPathEqualTo("/revoke")).withRequestBody(containing("access-" + tag)));
        assertThat(get("/api/calendar/connections", user).body().path("total").asInt()).isZero();
    }

    @Test
    void aStateIsBoundToItsUserUsableOnceAndExpires() {
        SERVER.stubFor(events(calendarId, null, null).willReturn(page(null, "sync-1")));
        String state = startConnect(user);
        String code = "code-" + tag;
        FakeGoogle.codeExchange(code, accessToken, refreshToken, 3600);

        assertThat(callback(code, state, "someone-else").status()).isEqualTo(400);
        assertThat(callback(code, "made-up-state", user).status()).isEqualTo(400);
        assertThat(SERVER.findAll(postRequestedFor(urlPathEqualTo("/token"))
                .withRequestBody(containing("code=" + code)))).isEmpty();

        assertThat(callback(code, state, user).status()).isEqualTo(201);
        Response reused = callback(code, state, user);
        assertThat(reused.status()).isEqualTo(400);
        assertThat(reused.body().path("title").asString()).isEqualTo("Invalid OAuth state");

        String expired = startConnect(user);
        jdbc.update("UPDATE google_oauth_state SET expires_at = now() - interval '1 second' WHERE used_at IS NULL "
                + "AND user_id = ?", user);
        assertThat(callback(code, expired, user).status()).isEqualTo(400);
        assertThat(SERVER.findAll(postRequestedFor(urlPathEqualTo("/token"))
                .withRequestBody(containing("code=" + code)))).hasSize(1);
        assertThat(jdbc.queryForObject("SELECT count(*) FROM calendar_connection WHERE user_id IN (?, ?)",
                Integer.class, user, "someone-else")).isEqualTo(1);
        assertThat(jdbc.queryForObject("SELECT count(*) FROM google_oauth_state WHERE user_id = ?", Integer.class, user))
                .isEqualTo(2);
    }

    @Test
    void disconnectRevokesAtGoogleDeletesTokensAndCancelsUpcomingMeetings() {
        Instant start = now.plus(2, ChronoUnit.DAYS);
        SERVER.stubFor(events(calendarId, null, null).willReturn(page(null, "sync-1",
                event("bye-" + tag, "Planning", start, start.plus(1, ChronoUnit.HOURS), ""))));
        String connectionId = connect(3600);
        discovered.await(of(connectionId), 1, WAIT);

        assertThat(delete("/api/calendar/connections/" + connectionId, user).status()).isEqualTo(204);

        SERVER.verify(1, postRequestedFor(urlPathEqualTo("/revoke")).withRequestBody(containing("token="))
                .withRequestBody(containing("refresh-" + tag)));
        SERVER.verify(1, postRequestedFor(urlPathEqualTo("/calendar/v3/channels/stop"))
                .withRequestBody(containing("resource-" + calendarId)));
        assertThat(discovered.await(of(connectionId), 2, WAIT).get(1).getChangeType())
                .isEqualTo(MeetingChangeType.CANCELLED);
        assertThat(jdbc.queryForObject("SELECT count(*) FROM google_calendar WHERE connection_id = ?", Integer.class,
                connectionId)).isZero();
        assertThat(jobAt(GoogleChannels.RENEW_TASK, connectionId)).isNull();
        assertThat(get("/api/calendar/connections/" + connectionId, user).status()).isEqualTo(404);
    }

    @Test
    void oneBrokenCalendarDoesNotStopAnother() {
        Instant start = now.plus(1, ChronoUnit.DAYS);
        SERVER.stubFor(events(calendarId, null, null).willReturn(error(500, "backendError", "Backend Error")));
        String broken = connect(3600);
        assertThat(get("/api/calendar/connections/" + broken, user).body().path("status").path("lastError").asString())
                .contains("500");

        String otherUser = user + "-other";
        String otherCalendar = "other-" + calendarId;
        FakeGoogle.primaryCalendar(otherCalendar);
        FakeGoogle.watchAndStop(otherCalendar, now.plus(2, ChronoUnit.DAYS));
        SERVER.stubFor(events(otherCalendar, null, null).willReturn(page(null, "sync-1",
                event("fine-" + tag, "Fine", start, start.plus(1, ChronoUnit.HOURS), ""))));
        String healthy = connectAs(otherUser, "other-code-" + tag, accessToken + "-other", refreshToken + "-other");

        assertThat(discovered.await(of(healthy), 1, WAIT)).hasSize(1);
        assertThat(post("/api/calendar/connections/" + broken + "/sync", user, null).status()).isEqualTo(502);
        assertThat(get("/api/calendar/connections/" + healthy, otherUser).body().path("status").path("lastError")
                .isNull()).isTrue();
    }

    private String connect(int expiresIn) {
        String state = startConnect(user);
        String code = "code-" + tag;
        FakeGoogle.codeExchange(code, accessToken, refreshToken, expiresIn);
        return connected(callback(code, state, user));
    }

    private String connectAs(String userId, String code, String access, String refresh) {
        String state = startConnect(userId);
        FakeGoogle.codeExchange(code, access, refresh, 3600);
        return connected(callback(code, state, userId));
    }

    private String connected(Response connected) {
        assertThat(connected.status()).as(connected.raw()).isEqualTo(201);
        assertThat(connected.raw()).doesNotContain("access-" + tag).doesNotContain("refresh-" + tag);
        return connected.body().path("connectionId").asString();
    }

    private String startConnect(String userId) {
        Response started = post("/api/calendar/google/connect", userId, null);
        assertThat(started.status()).as(started.raw()).isEqualTo(200);
        URI url = URI.create(started.body().path("authorizationUrl").asString());
        assertThat(url.getPath()).isEqualTo("/o/oauth2/v2/auth");
        Map<String, String> query = Arrays.stream(url.getRawQuery().split("&")).map(p -> p.split("=", 2))
                .collect(Collectors.toMap(p -> p[0], p -> URLDecoder.decode(p[1], StandardCharsets.UTF_8)));
        assertThat(query).containsEntry("access_type", "offline").containsEntry("prompt", "consent")
                .containsEntry("response_type", "code").containsEntry("client_id", FakeGoogle.CLIENT_ID)
                .containsEntry("scope", FakeGoogle.SCOPE)
                .containsEntry("redirect_uri", "https://app.example.test/api/calendar/google/callback");
        return query.get("state");
    }

    private Response callback(String code, String state, String userId) {
        return get("/api/calendar/google/callback?code=" + code + "&state=" + state, userId);
    }

    private Response notify(String channelId, String token, String state) {
        return postWithHeaders("/api/calendar/google/notifications", Map.of("X-Goog-Channel-ID", channelId,
                "X-Goog-Channel-Token", token, "X-Goog-Resource-State", state, "X-Goog-Resource-ID",
                "resource-" + calendarId, "X-Goog-Message-Number", "1"));
    }

    private void createRule(String rule) {
        assertThat(post("/api/calendar/rules", user, rule).status()).isEqualTo(201);
    }

    /** created, updated, cancelled, unchanged of a "sync now". */
    private int[] syncNow(String connectionId) {
        Response response = post("/api/calendar/connections/" + connectionId + "/sync", user, null);
        assertThat(response.status()).as(response.raw()).isEqualTo(200);
        JsonNode body = response.body();
        return new int[] {body.path("created").asInt(), body.path("updated").asInt(), body.path("cancelled").asInt(),
                body.path("unchanged").asInt()};
    }

    private String storedSyncToken(String connectionId) {
        return jdbc.queryForObject("SELECT sync_token FROM google_calendar WHERE connection_id = ?", String.class,
                connectionId);
    }

    /** This test's events.list requests whose URL contains {@code urlPart}, oldest first. */
    private List<ServeEvent> listings(String urlPart) {
        return FakeGoogle.requests("/events?").stream()
                .filter(e -> e.getRequest().getUrl().contains(tag) && e.getRequest().getUrl().contains(urlPart))
                .sorted(Comparator.comparing(e -> e.getRequest().getLoggedDate()))
                .toList();
    }

    private List<LoggedRequest> refreshRequests() {
        return SERVER.findAll(postRequestedFor(urlPathEqualTo("/token"))
                .withRequestBody(containing("grant_type=refresh_token"))
                .withRequestBody(containing("refresh-" + tag)));
    }

    private Instant jobAt(String task, String instance) {
        List<Timestamp> times = jdbc.queryForList("SELECT execution_time FROM scheduled_tasks "
                + "WHERE task_name = ? AND task_instance = ?", Timestamp.class, task, instance);
        return times.isEmpty() ? null : times.getFirst().toInstant();
    }

    private static MeetingDiscovered byExternalId(List<MeetingDiscovered> meetings, String externalId) {
        return meetings.stream().filter(m -> m.getExternalEventId().equals(externalId)).findFirst().orElseThrow();
    }

    private static Predicate<MeetingDiscovered> of(String connectionId) {
        return event -> event.getConnectionId().equals(connectionId);
    }

    /** Google's instance id suffix: the original start in basic ISO format, UTC. */
    private static String compact(Instant instant) {
        return instant.toString().replace("-", "").replace(":", "").replace(".000", "");
    }
}
