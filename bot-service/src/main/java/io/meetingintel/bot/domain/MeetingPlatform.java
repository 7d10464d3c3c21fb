package io.meetingintel.bot.domain;

/** Conference platforms a bot can join. */
public enum MeetingPlatform {
    GOOGLE_MEET,
    ZOOM,
    TEAMS,
    WEBEX
}
