package io.meetingintel.meeting.api;

/** The user the gateway authenticated, from the {@code X-User-Id} header. */
public record CurrentUser(String id) {
}
