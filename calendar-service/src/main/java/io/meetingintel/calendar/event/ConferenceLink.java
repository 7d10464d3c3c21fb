package io.meetingintel.calendar.event;

/** The online meeting an event points to. */
public record ConferenceLink(String url, Platform platform) {

    /** OTHER: a video link the calendar names as such, of a platform we do not recognise. */
    public enum Platform { GOOGLE_MEET, ZOOM, TEAMS, WEBEX, OTHER }
}
