package io.meetingintel.calendar.google;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class GoogleErrorClassificationTest {

    @Test
    void onlyAUsersLostGrantDisconnects() {
        assertThat(GoogleApi.accessLost(403, "insufficientPermissions")).isTrue();
        assertThat(GoogleApi.accessLost(403, "forbidden")).isTrue();
        // The operator's project quota or configuration: a failed sync, not every user disconnected.
        assertThat(GoogleApi.accessLost(403, "dailyLimitExceeded")).isFalse();
        assertThat(GoogleApi.accessLost(403, "accessNotConfigured")).isFalse();
        assertThat(GoogleApi.accessLost(403, "rateLimitExceeded")).isFalse();
        assertThat(GoogleApi.accessLost(404, "notFound")).isFalse();
    }

    @Test
    void rateLimitsAndServerErrorsAreRetried() {
        assertThat(GoogleApi.retryable(429, null)).isTrue();
        assertThat(GoogleApi.retryable(503, null)).isTrue();
        assertThat(GoogleApi.retryable(403, "rateLimitExceeded")).isTrue();
        assertThat(GoogleApi.retryable(403, "userRateLimitExceeded")).isTrue();
        assertThat(GoogleApi.retryable(403, "dailyLimitExceeded")).isFalse();
        assertThat(GoogleApi.retryable(400, "badRequest")).isFalse();
    }
}
