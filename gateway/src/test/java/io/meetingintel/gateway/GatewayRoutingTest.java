package io.meetingintel.gateway;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.any;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.core.WireMockConfiguration;
import com.github.tomakehurst.wiremock.stubbing.ServeEvent;
import io.meetingintel.testing.DevTokens;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.boot.webtestclient.autoconfigure.AutoConfigureWebTestClient;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.reactive.server.WebTestClient;
import org.springframework.web.reactive.socket.WebSocketMessage;
import org.springframework.web.reactive.socket.client.ReactorNettyWebSocketClient;

import reactor.core.publisher.Mono;
import reactor.netty.DisposableServer;
import reactor.netty.http.server.HttpServer;

/**
 * The gateway against fake backends: four WireMock servers (calendar, meeting, bot, intelligence) and a small
 * Reactor Netty server for the pipeline (HTTP and WebSocket), each answering with its own name.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@AutoConfigureWebTestClient
class GatewayRoutingTest {

    private static final String SECRET = "test-secret-of-at-least-thirty-two-bytes!";
    private static final Map<String, WireMockServer> httpBackends = Map.of(
            "calendar", backend("calendar"),
            "meeting", backend("meeting"),
            "bot", backend("bot"),
            "intelligence", backend("intelligence"));
    private static final List<List<String>> pipelineUserHeaders = new CopyOnWriteArrayList<>();
    private static final DisposableServer pipeline = HttpServer.create().host("127.0.0.1").port(0)
            .route(routes -> routes
                    .get("/api/transcripts/{meetingId}", (request, response) -> {
                        pipelineUserHeaders.add(request.requestHeaders().getAll("X-User-Id"));
                        return response.header(HttpHeaders.CONTENT_TYPE, MediaType.TEXT_PLAIN_VALUE)
                                .sendString(Mono.just("pipeline"));
                    })
                    .ws("/ws/captions/{meetingId}", (in, out) -> {
                        String user = String.join(",", in.headers().getAll("X-User-Id"));
                        return out.sendString(in.receive().asString().map(text -> user + ":" + text));
                    }))
            .bindNow();

    @Autowired
    WebTestClient client;

    @LocalServerPort
    int port;

    @DynamicPropertySource
    static void backends(DynamicPropertyRegistry registry) {
        httpBackends.forEach((service, server) ->
                registry.add("gateway.services." + service, server::baseUrl));
        registry.add("gateway.services.pipeline", () -> "http://127.0.0.1:" + pipeline.port());
        registry.add("gateway.jwt.secret", () -> SECRET);
    }

    @AfterAll
    static void stopBackends() {
        httpBackends.values().forEach(WireMockServer::stop);
        pipeline.disposeNow();
    }

    @BeforeEach
    void forgetRequests() {
        httpBackends.values().forEach(WireMockServer::resetRequests);
        pipelineUserHeaders.clear();
    }

    @ParameterizedTest
    @CsvSource({
            "/api/calendar/connections, calendar",
            "/api/meetings/mtg_1?page=0&size=5, meeting",
            "/api/bots, bot",
            "/api/insights/mtg_1, intelligence"})
    void routesEachPathToItsServiceWithTheTokenSubjectAsUser(String path, String service) {
        client.get().uri(path)
                .header(HttpHeaders.AUTHORIZATION, "Bearer " + token("alice"))
                .header("X-User-Id", "mallory")
                .exchange()
                .expectStatus().isOk()
                .expectBody(String.class).isEqualTo(service);

        List<ServeEvent> received = httpBackends.get(service).getAllServeEvents();
        assertThat(received).hasSize(1);
        assertThat(received.getFirst().getRequest().getUrl()).isEqualTo(path.replace(" ", ""));
        assertThat(received.getFirst().getRequest().header("X-User-Id").values()).containsExactly("alice");
        httpBackends.forEach((other, server) -> {
            if (!other.equals(service)) {
                assertThat(server.getAllServeEvents()).as(other + " received nothing").isEmpty();
            }
        });
    }

    @Test
    void letsGooglePushNotificationsThroughWithoutTokenAndWithoutUser() {
        client.post().uri("/api/calendar/google/notifications")
                .header("X-Goog-Channel-Token", "channel-secret")
                .header("X-User-Id", "mallory")
                .exchange()
                .expectStatus().isOk();

        List<ServeEvent> received = httpBackends.get("calendar").getAllServeEvents();
        assertThat(received).hasSize(1);
        assertThat(received.getFirst().getRequest().header("X-Goog-Channel-Token").firstValue())
                .isEqualTo("channel-secret");
        assertThat(received.getFirst().getRequest().containsHeader("X-User-Id")).isFalse();
        client.get().uri("/api/calendar/google/notifications").exchange().expectStatus().isUnauthorized();
    }

    @Test
    void routesTranscriptsToThePipeline() {
        client.get().uri("/api/transcripts/mtg_1")
                .header(HttpHeaders.AUTHORIZATION, "Bearer " + token("alice"))
                .header("x-user-id", "mallory")
                .exchange()
                .expectStatus().isOk()
                .expectBody(String.class).isEqualTo("pipeline");
        assertThat(pipelineUserHeaders).containsExactly(List.of("alice"));
    }

    @Test
    void rejectsARequestWithoutTokenAsProblemDetail() {
        client.get().uri("/api/meetings")
                .header("X-User-Id", "alice")
                .exchange()
                .expectStatus().isUnauthorized()
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectHeader().valueEquals(HttpHeaders.WWW_AUTHENTICATE, "Bearer")
                .expectBody()
                .jsonPath("$.status").isEqualTo(401)
                .jsonPath("$.title").isEqualTo("Unauthorized")
                .jsonPath("$.instance").isEqualTo("/api/meetings");
        assertNoBackendReached();
    }

    @Test
    void rejectsATokenSignedWithAnotherKey() {
        String forged = DevTokens.mint("another-secret-of-at-least-thirty-two-bytes", "alice", Duration.ofMinutes(5));
        expectInvalidToken(forged);
    }

    @Test
    void rejectsAnExpiredToken() {
        Instant twoHoursAgo = Instant.now().minus(Duration.ofHours(2));
        String expired = DevTokens.mint(SECRET, "alice", twoHoursAgo, twoHoursAgo.plus(Duration.ofHours(1)));
        expectInvalidToken(expired).jsonPath("$.detail")
                .value(detail -> assertThat((String) detail).contains("expired"));
    }

    @Test
    void rejectsGarbage() {
        expectInvalidToken("not-a-jwt");
    }

    @Test
    void healthAndMetricsNeedNoToken() {
        client.get().uri("/actuator/health").exchange().expectStatus().isOk()
                .expectBody().jsonPath("$.status").isEqualTo("UP");
        client.get().uri("/actuator/prometheus").exchange().expectStatus().isOk();
    }

    @Test
    void proxiesCaptionWebSocketsWithTheUser() {
        var webSockets = new ReactorNettyWebSocketClient();
        var headers = new HttpHeaders();
        headers.setBearerAuth(token("alice"));
        headers.set("X-User-Id", "mallory");
        assertThat(echoOverGateway(webSockets, URI.create("ws://127.0.0.1:" + port + "/ws/captions/mtg_1"), headers))
                .isEqualTo("alice:hello");
    }

    @Test
    void acceptsTheTokenAsQueryParameterOnWebSocketsOnly() {
        var webSockets = new ReactorNettyWebSocketClient();
        URI withToken = URI.create("ws://127.0.0.1:" + port + "/ws/captions/mtg_1?access_token=" + token("bob"));
        assertThat(echoOverGateway(webSockets, withToken, new HttpHeaders())).isEqualTo("bob:hello");

        client.get().uri("/api/meetings?access_token=" + token("bob")).exchange().expectStatus().isUnauthorized();
    }

    @Test
    void refusesAWebSocketWithoutToken() {
        var webSockets = new ReactorNettyWebSocketClient();
        URI captions = URI.create("ws://127.0.0.1:" + port + "/ws/captions/mtg_1");
        Mono<Void> session = webSockets.execute(captions, new HttpHeaders(), ws -> ws.receive().then());
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> session.block(Duration.ofSeconds(10)))
                .hasMessageContaining(String.valueOf(HttpStatus.UNAUTHORIZED.value()));
    }

    private static String echoOverGateway(ReactorNettyWebSocketClient webSockets, URI uri, HttpHeaders headers) {
        var reply = new StringBuilder();
        webSockets.execute(uri, headers, session -> session.send(Mono.just(session.textMessage("hello")))
                        .thenMany(session.receive().take(1).map(WebSocketMessage::getPayloadAsText)
                                .doOnNext(reply::append))
                        .then())
                .block(Duration.ofSeconds(10));
        return reply.toString();
    }

    private WebTestClient.BodyContentSpec expectInvalidToken(String token) {
        WebTestClient.BodyContentSpec body = client.get().uri("/api/bots")
                .header(HttpHeaders.AUTHORIZATION, "Bearer " + token)
                .exchange()
                .expectStatus().isUnauthorized()
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectHeader().value(HttpHeaders.WWW_AUTHENTICATE,
                        challenge -> assertThat(challenge).startsWith("Bearer error=\"invalid_token\""))
                .expectBody()
                .jsonPath("$.status").isEqualTo(401);
        assertNoBackendReached();
        return body;
    }

    private static void assertNoBackendReached() {
        httpBackends.values().forEach(server -> assertThat(server.getAllServeEvents()).isEmpty());
        assertThat(pipelineUserHeaders).isEmpty();
    }

    private static String token(String userId) {
        return DevTokens.mint(SECRET, userId, Duration.ofMinutes(5));
    }

    private static WireMockServer backend(String name) {
        var server = new WireMockServer(WireMockConfiguration.options().dynamicPort().bindAddress("127.0.0.1"));
        server.start();
        server.stubFor(any(anyUrl()).willReturn(aResponse().withStatus(200).withBody(name)));
        return server;
    }
}
