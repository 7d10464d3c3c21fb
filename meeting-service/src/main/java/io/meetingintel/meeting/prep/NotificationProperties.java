package io.meetingintel.meeting.prep;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Prep notifications, under {@code meeting.notifications}.
 *
 * @param slackWebhookUrl Slack-compatible incoming webhook (env NOTIFY_SLACK_WEBHOOK_URL); blank = log only
 * @param retryInitial    first retry delay of a failed delivery, doubled on every further failure
 * @param maxRetries      deliveries given up (and logged) after this many failures
 * @param timeout         HTTP timeout of one delivery
 */
@ConfigurationProperties("meeting.notifications")
public record NotificationProperties(
        String slackWebhookUrl,
        @DefaultValue("30s") Duration retryInitial,
        @DefaultValue("10") int maxRetries,
        @DefaultValue("10s") Duration timeout) {

    public boolean slackEnabled() {
        return slackWebhookUrl != null && !slackWebhookUrl.isBlank();
    }
}
