package io.meetingintel.bot.domain;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.Locale;
import java.util.Optional;

/** A joinable conference link: an http(s) URL on a platform recognised from its host. */
public record MeetingLink(String url, MeetingPlatform platform) {

    /** @throws InvalidMeetingUrlException when the URL is not an http(s) link of a known platform */
    public static MeetingLink parse(String url) {
        if (url == null || url.isBlank()) {
            throw new InvalidMeetingUrlException("meetingUrl is required");
        }
        String trimmed = url.trim();
        URI uri;
        try {
            uri = new URI(trimmed);
        } catch (URISyntaxException e) {
            throw new InvalidMeetingUrlException("meetingUrl is not a valid URL: " + e.getReason());
        }
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        if (!scheme.equals("https") && !scheme.equals("http")) {
            throw new InvalidMeetingUrlException("meetingUrl must be an http or https link");
        }
        String host = uri.getHost() == null ? "" : uri.getHost().toLowerCase(Locale.ROOT);
        MeetingPlatform platform = platformOfHost(host).orElseThrow(() -> new InvalidMeetingUrlException(
                "meetingUrl host '" + host + "' is not a known conference platform "
                        + "(Google Meet, Zoom, Microsoft Teams, Webex)"));
        return new MeetingLink(trimmed, platform);
    }

    /** Like {@link #parse} but empty instead of an exception, for links found in calendar events. */
    public static Optional<MeetingLink> tryParse(String url) {
        try {
            return Optional.of(parse(url));
        } catch (InvalidMeetingUrlException e) {
            return Optional.empty();
        }
    }

    private static Optional<MeetingPlatform> platformOfHost(String host) {
        if (host.equals("meet.google.com")) {
            return Optional.of(MeetingPlatform.GOOGLE_MEET);
        }
        if (isDomainOrSubdomain(host, "zoom.us") || isDomainOrSubdomain(host, "zoomgov.com")) {
            return Optional.of(MeetingPlatform.ZOOM);
        }
        if (host.equals("teams.microsoft.com") || host.equals("teams.live.com")) {
            return Optional.of(MeetingPlatform.TEAMS);
        }
        if (isDomainOrSubdomain(host, "webex.com")) {
            return Optional.of(MeetingPlatform.WEBEX);
        }
        return Optional.empty();
    }

    private static boolean isDomainOrSubdomain(String host, String domain) {
        return host.equals(domain) || host.endsWith("." + domain);
    }
}
