package io.meetingintel.bot.api;

import io.meetingintel.bot.support.BotServiceTestSupport;

import java.time.Duration;
import java.util.Map;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

class BotApiTest extends BotServiceTestSupport {

    private static final String MEET = "https://meet.google.com/abc-defg-hij";

    @Test
    void createsABotAndShowsItToItsOwner() {
        String user = unique("user");
        String meetingId = unique("mtg");
        var response = post(user, "/api/bots", json.writeValueAsString(Map.of("meetingUrl", MEET,
                "meetingId", meetingId)));

        assertThat(response.statusCode()).isEqualTo(201);
        var bot = body(response);
        String id = bot.path("id").asString();
        assertThat(id).startsWith("bot_");
        assertThat(response.headers().firstValue("Location")).hasValue("/api/bots/" + id);
        assertThat(bot.path("meetingId").asString()).isEqualTo(meetingId);
        assertThat(bot.path("meetingUrl").asString()).isEqualTo(MEET);
        assertThat(bot.path("platform").asString()).isEqualTo("GOOGLE_MEET");
        assertThat(bot.path("provider").asString()).isEqualTo("simulated");
        assertThat(bot.path("status").asString()).isEqualTo("INITIALIZED");
        assertThat(bot.path("statusHistory").get(0).path("status").asString()).isEqualTo("INITIALIZED");
        assertThat(bot.path("statusHistory").get(0).path("reason").asString()).isEqualTo("bot created");
        assertThat(bot.path("statusHistory").get(0).path("at").asString()).endsWith("Z");
        assertThat(bot.path("createdAt").asString()).endsWith("Z");

        var fetched = get(user, "/api/bots/" + id);
        assertThat(fetched.statusCode()).isEqualTo(200);
        assertThat(body(fetched).path("id").asString()).isEqualTo(id);
    }

    @Test
    void anAdHocBotGetsAMeetingIdOfItsOwn() {
        var bot = createBot(unique("user"), "https://us02web.zoom.us/j/81234567890", null);
        assertThat(bot.path("meetingId").asString()).startsWith("adhoc_");
        assertThat(bot.path("platform").asString()).isEqualTo("ZOOM");
    }

    @Test
    void anotherUsersBotIsForbiddenAndAnUnknownOneNotFound() {
        String owner = unique("user");
        String id = createBot(owner, MEET, unique("mtg")).path("id").asString();

        var foreign = get(unique("intruder"), "/api/bots/" + id);
        assertThat(foreign.statusCode()).isEqualTo(403);
        assertThat(foreign.headers().firstValue("Content-Type")).hasValue("application/problem+json");
        assertThat(body(foreign).path("title").asString()).isEqualTo("Not your bot");

        assertThat(post(unique("intruder"), "/api/bots/" + id + "/leave", "").statusCode()).isEqualTo(403);
        assertThat(botStatus(id)).isNotEqualTo("ERROR");

        var unknown = get(owner, "/api/bots/bot_doesnotexist");
        assertThat(unknown.statusCode()).isEqualTo(404);
        assertThat(body(unknown).path("status").asInt()).isEqualTo(404);
    }

    @Test
    void requiresTheUserHeader() {
        var response = get(null, "/api/bots");
        assertThat(response.statusCode()).isEqualTo(401);
        assertThat(body(response).path("detail").asString()).contains("X-User-Id");
        assertThat(post(null, "/api/bots", "{\"meetingUrl\":\"" + MEET + "\"}").statusCode()).isEqualTo(401);
    }

    @Test
    void refusesInvalidRequestsWithProblemDetails() {
        String user = unique("user");
        for (String url : new String[] {"ftp://meet.google.com/abc", "https://example.com/room", "not a url"}) {
            var response = post(user, "/api/bots", json.writeValueAsString(Map.of("meetingUrl", url)));
            assertThat(response.statusCode()).as(url).isEqualTo(400);
            assertThat(body(response).path("title").asString()).isEqualTo("Invalid meeting URL");
        }
        assertThat(post(user, "/api/bots", "{}").statusCode()).isEqualTo(400);
        assertThat(post(user, "/api/bots", "{\"meetingUrl\":").statusCode()).isEqualTo(400);
        assertThat(post(user, "/api/bots", json.writeValueAsString(Map.of("meetingUrl", MEET,
                "meetingId", "bad id with spaces"))).statusCode()).isEqualTo(400);
        assertThat(get(user, "/api/bots?status=sleeping").statusCode()).isEqualTo(400);
        assertThat(get(user, "/api/bots?size=500").statusCode()).isEqualTo(400);
        assertThat(get(user, "/api/bots?page=-1").statusCode()).isEqualTo(400);
        assertThat(jdbc.queryForObject("SELECT count(*) FROM bot WHERE user_id = ?", Long.class, user)).isZero();
    }

    @Test
    void aMeetingHasAtMostOneLiveBot() {
        String user = unique("user");
        String meetingId = unique("mtg");
        createBot(user, MEET, meetingId);

        var second = post(user, "/api/bots", json.writeValueAsString(Map.of("meetingUrl", MEET,
                "meetingId", meetingId)));
        assertThat(second.statusCode()).isEqualTo(409);
        assertThat(body(second).path("meetingId").asString()).isEqualTo(meetingId);
        assertThat(jdbc.queryForObject("SELECT count(*) FROM bot WHERE meeting_id = ?", Long.class, meetingId))
                .isEqualTo(1);
    }

    @Test
    void listsOnlyTheUsersOwnBotsPagedAndFiltered() {
        String user = unique("user");
        String first = createBot(user, MEET, unique("mtg")).path("id").asString();
        String second = createBot(user, MEET, unique("mtg")).path("id").asString();
        createBot(unique("other"), MEET, unique("mtg"));

        var page = body(get(user, "/api/bots?size=1"));
        assertThat(page.path("total").asLong()).isEqualTo(2);
        assertThat(page.path("size").asInt()).isEqualTo(1);
        assertThat(page.path("page").asInt()).isZero();
        assertThat(page.path("items").size()).isEqualTo(1);
        assertThat(page.path("items").get(0).path("id").asString()).isEqualTo(second);
        assertThat(body(get(user, "/api/bots?size=1&page=1")).path("items").get(0).path("id").asString())
                .isEqualTo(first);
        assertThat(body(get(user, "/api/bots")).path("size").asInt()).isEqualTo(50);

        await().atMost(Duration.ofSeconds(20)).until(() -> "TRANSCRIBING".equals(botStatus(first))
                && "TRANSCRIBING".equals(botStatus(second)));
        var transcribing = body(get(user, "/api/bots?status=transcribing"));
        assertThat(transcribing.path("total").asLong()).isEqualTo(2);
        assertThat(body(get(user, "/api/bots?status=DONE")).path("total").asLong()).isZero();
    }

    @Test
    void leaveIsIdempotent() {
        String user = unique("user");
        String id = createBot(user, MEET, unique("mtg")).path("id").asString();

        var first = post(user, "/api/bots/" + id + "/leave", "");
        assertThat(first.statusCode()).isEqualTo(202);
        // Left before joining (ERROR) or, if it was quick, after joining (TRANSCRIBING): out of the call either way.
        await().atMost(Duration.ofSeconds(10)).until(() -> botStatus(id).equals("ERROR")
                || botStatus(id).equals("TRANSCRIBING"));
        String settled = botStatus(id);
        int transitions = jdbc.queryForObject("SELECT transition FROM bot WHERE id = ?", Integer.class, id);

        var again = post(user, "/api/bots/" + id + "/leave", "");
        assertThat(again.statusCode()).isEqualTo(202);
        assertThat(body(again).path("status").asString()).isEqualTo(settled);
        assertThat(jdbc.queryForObject("SELECT transition FROM bot WHERE id = ?", Integer.class, id))
                .isEqualTo(transitions);
    }
}
