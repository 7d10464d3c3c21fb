package io.meetingintel.gateway.routing;

import java.net.URI;

import org.springframework.boot.context.properties.ConfigurationProperties;

/** Where each backend service listens (env CALENDAR_SERVICE_URL, MEETING_SERVICE_URL, ...; see application.yml). */
@ConfigurationProperties("gateway.services")
public record ServiceUrls(URI calendar, URI meeting, URI bot, URI pipeline, URI intelligence) {

    public ServiceUrls {
        requireHttp("calendar", calendar);
        requireHttp("meeting", meeting);
        requireHttp("bot", bot);
        requireHttp("pipeline", pipeline);
        requireHttp("intelligence", intelligence);
    }

    /** The pipeline's address for WebSocket upgrades: same host and port, ws:// or wss://. */
    public URI pipelineWebSocket() {
        String scheme = "https".equals(pipeline.getScheme()) ? "wss" : "ws";
        return URI.create(scheme + "://" + pipeline.getRawAuthority());
    }

    private static void requireHttp(String service, URI url) {
        if (url == null || url.getHost() == null
                || !("http".equals(url.getScheme()) || "https".equals(url.getScheme()))) {
            throw new IllegalArgumentException("gateway.services." + service
                    + " must be an http(s) URL with a host, got: " + url);
        }
    }
}
