package io.meetingintel.testing;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

/** Checks what every service must offer an operator: a health endpoint that is UP and Prometheus metrics. */
public final class ServiceProbe {

    private static final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    private ServiceProbe() {
    }

    public static HttpResponse<String> get(int port, String path) {
        try {
            return http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                    .timeout(Duration.ofSeconds(10)).GET().build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new IllegalStateException("GET " + path + " on port " + port + " failed", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** Throws with the response when the service is not healthy or does not expose the platform metrics. */
    public static void assertHealthyWithPlatformMetrics(int port) {
        var health = get(port, "/actuator/health");
        if (health.statusCode() != 200 || !health.body().contains("\"status\":\"UP\"")) {
            throw new AssertionError("Health is not UP: " + health.statusCode() + " " + health.body());
        }
        var metrics = get(port, "/actuator/prometheus");
        if (metrics.statusCode() != 200 || !metrics.body().contains("platform_outbox_backlog")) {
            throw new AssertionError("Prometheus endpoint lacks platform metrics: " + metrics.statusCode());
        }
    }
}
