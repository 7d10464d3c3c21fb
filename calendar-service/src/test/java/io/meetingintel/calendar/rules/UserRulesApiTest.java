package io.meetingintel.calendar.rules;

import io.meetingintel.calendar.CalendarIntegrationTest;

import java.util.UUID;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** A user's own meeting type rules over REST: create, list, update, delete, validate; bad rules change nothing. */
class UserRulesApiTest extends CalendarIntegrationTest {

    private static final String RULES = "/api/calendar/rules";
    private final String user = "rules-user-" + UUID.randomUUID();

    @Test
    void createsListsUpdatesAndDeletesOnlyTheCallersRules() {
        Response created = post(RULES, user, "{\"meetingType\":\"board_meeting\",\"keywords\":[\"Board\",\"BoD\"],"
                + "\"minAttendees\":3,\"prepHoursBefore\":72}");
        assertThat(created.status()).as(created.raw()).isEqualTo(201);
        String id = created.body().path("id").asString();
        assertThat(created.body().path("keywords").toString()).isEqualTo("[\"board\",\"bod\"]");
        assertThat(created.body().path("position").asInt()).isZero();

        Response second = post(RULES, user, "{\"meetingType\":\"vendor_call\",\"keywords\":[\"vendor\"],"
                + "\"prepHoursBefore\":4}");
        assertThat(second.body().path("position").asInt()).isEqualTo(1);

        Response list = get(RULES, user);
        assertThat(list.body().path("total").asInt()).isEqualTo(2);
        assertThat(list.body().path("items").get(0).path("meetingType").asString()).isEqualTo("board_meeting");
        assertThat(get(RULES, "someone-else").body().path("total").asInt()).isZero();
        assertThat(get(RULES + "/" + id, "someone-else").status()).isEqualTo(404);

        Response updated = put(RULES + "/" + id, user, "{\"meetingType\":\"board_meeting\",\"keywords\":[\"board\"],"
                + "\"maxAttendees\":12,\"prepHoursBefore\":48,\"position\":5}");
        assertThat(updated.status()).isEqualTo(200);
        assertThat(updated.body().path("prepHoursBefore").asInt()).isEqualTo(48);
        assertThat(updated.body().path("minAttendees").isNull()).isTrue();
        assertThat(get(RULES, user).body().path("items").get(1).path("id").asString()).isEqualTo(id);

        assertThat(delete(RULES + "/" + id, "someone-else").status()).isEqualTo(404);
        assertThat(delete(RULES + "/" + id, user).status()).isEqualTo(204);
        assertThat(get(RULES + "/" + id, user).status()).isEqualTo(404);
        assertThat(get(RULES, user).body().path("total").asInt()).isEqualTo(1);
    }

    @Test
    void aBadRuleIsRefusedWithEveryProblemAndChangesNothing() {
        Response created = post(RULES, user, "{\"meetingType\":\"ok_type\",\"keywords\":[\"ok\"],\"prepHoursBefore\":1}");
        String id = created.body().path("id").asString();
        String bad = "{\"meetingType\":\"Not Valid!\",\"keywords\":[],\"minAttendees\":5,\"maxAttendees\":2,"
                + "\"prepHoursBefore\":99999}";

        Response refused = post(RULES, user, bad);
        assertThat(refused.status()).isEqualTo(400);
        assertThat(refused.contentType()).startsWith("application/problem+json");
        assertThat(refused.body().path("title").asString()).isEqualTo("Invalid meeting type rule");
        assertThat(refused.body().path("errors").size()).isEqualTo(4);
        assertThat(put(RULES + "/" + id, user, bad).status()).isEqualTo(400);
        assertThat(get(RULES + "/" + id, user).body().path("meetingType").asString()).isEqualTo("ok_type");
        assertThat(get(RULES, user).body().path("total").asInt()).isEqualTo(1);

        assertThat(post(RULES + "/validate", user, bad).status()).isEqualTo(400);
        Response valid = post(RULES + "/validate", user, "{\"meetingType\":\"x\",\"keywords\":[\"y\"],"
                + "\"prepHoursBefore\":0}");
        assertThat(valid.status()).isEqualTo(200);
        assertThat(valid.body().path("valid").asBoolean()).isTrue();
        assertThat(get(RULES, user).body().path("total").asInt()).isEqualTo(1);
        assertThat(get(RULES, null).status()).isEqualTo(401);
    }
}
