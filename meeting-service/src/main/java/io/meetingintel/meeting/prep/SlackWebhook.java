package io.meetingintel.meeting.prep;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Map;

import org.springframework.stereotype.Component;

import tools.jackson.databind.json.JsonMapper;

/** Posts a message to a Slack-compatible incoming webhook: {@code {"text": "..."}}. */
@Component
class SlackWebhook {

    private final NotificationProperties properties;
    private final JsonMapper json;
    private final HttpClient http;

    SlackWebhook(NotificationProperties properties, JsonMapper json) {
        this.properties = properties;
        this.json = json;
        this.http = HttpClient.newBuilder().connectTimeout(properties.timeout()).build();
    }

    boolean enabled() {
        return properties.slackEnabled();
    }

    /** @throws NotificationFailedException when the webhook cannot be reached or does not answer 2xx */
    void post(String text) {
        var request = HttpRequest.newBuilder(URI.create(properties.slackWebhookUrl()))
                .timeout(properties.timeout())
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json.writeValueAsString(Map.of("text", text))))
                .build();
        HttpResponse<String> response;
        try {
            response = http.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new NotificationFailedException("Slack webhook unreachable: " + e, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new NotificationFailedException("Interrupted while posting to the Slack webhook", e);
        }
        if (response.statusCode() / 100 != 2) {
            String body = response.body().strip();
            throw new NotificationFailedException("Slack webhook answered " + response.statusCode() + ": "
                    + body.substring(0, Math.min(body.length(), 200)), null);
        }
    }

    static class NotificationFailedException extends RuntimeException {
        NotificationFailedException(String message, Throwable cause) {
            super(message, cause);
        }
    }
}
