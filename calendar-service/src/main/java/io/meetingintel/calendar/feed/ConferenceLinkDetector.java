package io.meetingintel.calendar.feed;

import io.meetingintel.calendar.event.ConferenceLink;
import io.meetingintel.calendar.event.ConferenceLink.Platform;

import java.net.URI;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Finds the online meeting link of an event. Calendars put it in different places, so the URL property is looked
 * at first, then LOCATION, then DESCRIPTION; within one text the first link of a known platform wins.
 */
public final class ConferenceLinkDetector {

    private static final Pattern LINK = Pattern.compile("https?://[^\\s<>\"'\\\\]+", Pattern.CASE_INSENSITIVE);
    private static final String TRAILING_PUNCTUATION = ".,;:)]}>";

    private ConferenceLinkDetector() {
    }

    /** @param texts the event's URL, LOCATION and DESCRIPTION, in that order; nulls are skipped */
    public static Optional<ConferenceLink> detect(String... texts) {
        for (String text : texts) {
            if (text == null) {
                continue;
            }
            Matcher links = LINK.matcher(text);
            while (links.find()) {
                String url = trimTrailingPunctuation(links.group());
                Optional<Platform> platform = platformOf(url);
                if (platform.isPresent()) {
                    return Optional.of(new ConferenceLink(url, platform.get()));
                }
            }
        }
        return Optional.empty();
    }

    public static Optional<Platform> platformOf(String url) {
        URI uri;
        try {
            uri = URI.create(url);
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
        String host = uri.getHost() == null ? "" : uri.getHost().toLowerCase(Locale.ROOT);
        String path = uri.getPath() == null ? "" : uri.getPath();
        if (host.equals("meet.google.com") && path.length() > 1) {
            return Optional.of(Platform.GOOGLE_MEET);
        }
        if (isDomainOrSubdomain(host, "zoom.us") && path.startsWith("/j/")) {
            return Optional.of(Platform.ZOOM);
        }
        if ((host.equals("teams.microsoft.com") && path.startsWith("/l/meetup-join"))
                || (host.equals("teams.live.com") && path.length() > 1)) {
            return Optional.of(Platform.TEAMS);
        }
        if (isDomainOrSubdomain(host, "webex.com") && path.length() > 1) {
            return Optional.of(Platform.WEBEX);
        }
        return Optional.empty();
    }

    private static boolean isDomainOrSubdomain(String host, String domain) {
        return host.equals(domain) || host.endsWith("." + domain);
    }

    private static String trimTrailingPunctuation(String url) {
        int end = url.length();
        while (end > 0 && TRAILING_PUNCTUATION.indexOf(url.charAt(end - 1)) >= 0) {
            end--;
        }
        return url.substring(0, end);
    }
}
