package io.meetingintel.calendar.event;

/** The online meeting an event points to. */
public record ConferenceLink(String url, Platform platform) {

    public enum Platform { GOOGLE_MEET, ZOOM, TEAMS, WEBEX }
}
