package io.meetingintel.calendar;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.client.MappingBuilder;
import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.stubbing.ServeEvent;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;

import static com.github.tomakehurst.wiremock.client.WireMock.absent;
import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;

/**
 * A fake Google (OAuth endpoints and Calendar API v3) on one WireMock server for the whole test JVM, answering with
 * payloads shaped like Google's documented ones. Calendar ids are unique per test, so stubs of tests never clash.
 */
public final class FakeGoogle {

    public static final String CLIENT_ID = "test-client.apps.googleusercontent.com";
    public static final String CLIENT_SECRET = "test-client-secret";
    public static final String SCOPE = "https://www.googleapis.com/auth/calendar.readonly";
    public static final WireMockServer SERVER = start();

    private FakeGoogle() {
    }

    private static WireMockServer start() {
        WireMockServer server = new WireMockServer(wireMockConfig().dynamicPort());
        server.start();
        Runtime.getRuntime().addShutdownHook(new Thread(server::stop));
        return server;
    }

    public static String url(String path) {
        return "http://localhost:" + SERVER.port() + path;
    }

    /** The token endpoint's answer to an authorization code. */
    public static void codeExchange(String code, String accessToken, String refreshToken, int expiresIn) {
        codeExchange(code, accessToken, refreshToken, expiresIn, SCOPE);
    }

    /** @param grantedScope what the user actually granted (granular consent lets them untick the calendar) */
    public static void codeExchange(String code, String accessToken, String refreshToken, int expiresIn,
                                    String grantedScope) {
        SERVER.stubFor(post(urlPathEqualTo("/token"))
                .withRequestBody(containing("grant_type=authorization_code"))
                .withRequestBody(containing("code=" + code))
                .willReturn(okJson(tokenJson(accessToken, refreshToken, expiresIn, grantedScope))));
    }

    /** A refresh of this refresh token: a new access token (Google sends no new refresh token). */
    public static MappingBuilder refresh(String refreshToken) {
        return post(urlPathEqualTo("/token"))
                .withRequestBody(containing("grant_type=refresh_token"))
                .withRequestBody(containing("refresh_token=" + URLEncoder.encode(refreshToken, StandardCharsets.UTF_8)));
    }

    public static ResponseDefinitionBuilder refreshed(String accessToken, int expiresIn) {
        return okJson(tokenJson(accessToken, null, expiresIn, SCOPE));
    }

    public static ResponseDefinitionBuilder invalidGrant() {
        return aResponse().withStatus(400).withHeader("Content-Type", "application/json")
                .withBody("{\"error\":\"invalid_grant\",\"error_description\":\"Token has been expired or revoked.\"}");
    }

    public static void primaryCalendar(String calendarId) {
        SERVER.stubFor(get(urlPathEqualTo("/calendar/v3/calendars/primary"))
                .willReturn(okJson("{\"kind\":\"calendar#calendar\",\"etag\":\"\\\"e1\\\"\",\"id\":\"" + calendarId
                        + "\",\"summary\":\"" + calendarId + "\",\"timeZone\":\"Europe/Berlin\"}")));
    }

    /** events.list of the calendar: the full listing (no syncToken) or the incremental one after syncToken. */
    public static MappingBuilder events(String calendarId, String syncToken, String pageToken) {
        return get(urlPathMatching("/calendar/v3/calendars/" + pathPattern(calendarId) + "/events"))
                .withQueryParam("singleEvents", equalTo("true"))
                .withQueryParam("showDeleted", equalTo("true"))
                .withQueryParam("syncToken", syncToken == null ? absent() : equalTo(syncToken))
                .withQueryParam("pageToken", pageToken == null ? absent() : equalTo(pageToken));
    }

    /** An events#list page. */
    public static ResponseDefinitionBuilder page(String nextPageToken, String nextSyncToken, String... items) {
        return okJson("{\"kind\":\"calendar#events\",\"etag\":\"\\\"p1\\\"\",\"summary\":\"Work\","
                + "\"updated\":\"2026-01-01T00:00:00.000Z\",\"timeZone\":\"Europe/Berlin\",\"accessRole\":\"owner\","
                + "\"defaultReminders\":[]," + (nextPageToken == null ? "" : "\"nextPageToken\":\"" + nextPageToken + "\",")
                + (nextSyncToken == null ? "" : "\"nextSyncToken\":\"" + nextSyncToken + "\",")
                + "\"items\":[" + String.join(",", items) + "]}");
    }

    public static ResponseDefinitionBuilder error(int status, String reason, String message) {
        return aResponse().withStatus(status).withHeader("Content-Type", "application/json; charset=UTF-8")
                .withBody("{\"error\":{\"code\":" + status + ",\"message\":\"" + message + "\",\"errors\":[{"
                        + "\"domain\":\"" + (status == 410 ? "calendar" : "usageLimits") + "\",\"reason\":\"" + reason
                        + "\",\"message\":\"" + message + "\"}]}}");
    }

    /** The Calendar API's answer to an access token it no longer accepts (revoked, or expired early). */
    public static ResponseDefinitionBuilder unauthenticated() {
        return aResponse().withStatus(401).withHeader("Content-Type", "application/json; charset=UTF-8")
                .withHeader("WWW-Authenticate", "Bearer realm=\"https://accounts.google.com/\", error=\"invalid_token\"")
                .withBody("{\"error\":{\"code\":401,\"message\":\"Request had invalid authentication credentials.\","
                        + "\"errors\":[{\"reason\":\"authError\"}],\"status\":\"UNAUTHENTICATED\"}}");
    }

    /** The Calendar API's answer to a token whose grant lacks the calendar scope (not a rate limit). */
    public static ResponseDefinitionBuilder insufficientScopes() {
        return aResponse().withStatus(403).withHeader("Content-Type", "application/json; charset=UTF-8")
                .withBody("{\"error\":{\"code\":403,\"message\":\"Request had insufficient authentication scopes.\","
                        + "\"errors\":[{\"domain\":\"global\",\"reason\":\"insufficientPermissions\"}],"
                        + "\"status\":\"PERMISSION_DENIED\"}}");
    }

    public static void watchAndStop(String calendarId, Instant expiration) {
        SERVER.stubFor(post(urlPathMatching("/calendar/v3/calendars/" + pathPattern(calendarId) + "/events/watch"))
                .willReturn(okJson("{\"kind\":\"api#channel\",\"id\":\"{{jsonPath request.body '$.id'}}\","
                        + "\"resourceId\":\"resource-" + calendarId + "\",\"resourceUri\":\"https://www.googleapis.com/"
                        + "calendar/v3/calendars/" + calendarId + "/events?alt=json\",\"token\":\"{{jsonPath request.body '$.token'}}\","
                        + "\"expiration\":\"" + expiration.toEpochMilli() + "\"}").withTransformers("response-template")));
        SERVER.stubFor(post(urlPathEqualTo("/calendar/v3/channels/stop")).willReturn(aResponse().withStatus(204)));
    }

    public static void revoke() {
        SERVER.stubFor(post(urlPathEqualTo("/revoke")).willReturn(aResponse().withStatus(200)));
    }

    public static List<ServeEvent> requests(String pathPart) {
        return SERVER.getAllServeEvents().stream().filter(event -> event.getRequest().getUrl().contains(pathPart))
                .toList();
    }

    /** A timed event as events.list shows it. */
    public static String event(String id, String summary, Instant start, Instant end, String extraFields) {
        return "{\"kind\":\"calendar#event\",\"etag\":\"\\\"" + id.hashCode() + "\\\"\",\"id\":\"" + id + "\","
                + "\"status\":\"confirmed\",\"htmlLink\":\"https://www.google.com/calendar/event?eid=" + id + "\","
                + "\"created\":\"2026-01-01T00:00:00.000Z\",\"updated\":\"2026-01-02T00:00:00.000Z\","
                + "\"summary\":\"" + summary + "\",\"creator\":{\"email\":\"owner@example.com\",\"self\":true},"
                + "\"organizer\":{\"email\":\"owner@example.com\",\"displayName\":\"Owner\",\"self\":true},"
                + "\"start\":{\"dateTime\":\"" + start + "\",\"timeZone\":\"Europe/Berlin\"},"
                + "\"end\":{\"dateTime\":\"" + end + "\",\"timeZone\":\"Europe/Berlin\"},"
                + "\"iCalUID\":\"" + id + "@google.com\",\"sequence\":0,\"eventType\":\"default\""
                + (extraFields == null || extraFields.isEmpty() ? "" : "," + extraFields) + "}";
    }

    /** How events.list reports a deleted event or instance: little more than its id. */
    public static String cancelled(String id) {
        return "{\"kind\":\"calendar#event\",\"etag\":\"\\\"x\\\"\",\"id\":\"" + id + "\",\"status\":\"cancelled\"}";
    }

    /** Calendar ids are e-mail addresses; the client sends the @ percent-encoded. */
    private static String pathPattern(String calendarId) {
        return calendarId.replace(".", "\\.").replace("@", "(@|%40)");
    }

    static String tokenJson(String accessToken, String refreshToken, int expiresIn, String scope) {
        return "{\"access_token\":\"" + accessToken + "\",\"expires_in\":" + expiresIn + ","
                + (refreshToken == null ? "" : "\"refresh_token\":\"" + refreshToken + "\",")
                + "\"scope\":\"" + scope + "\",\"token_type\":\"Bearer\"}";
    }
}
