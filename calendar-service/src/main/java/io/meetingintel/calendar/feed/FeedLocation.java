package io.meetingintel.calendar.feed;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.Locale;
import java.util.Set;

/** Checks where an ICS feed may be read from: http(s) URLs and, where allowed, file: and classpath: locations. */
public final class FeedLocation {

    private static final Set<String> REMOTE = Set.of("http", "https");
    private static final Set<String> LOCAL = Set.of("file", "classpath");

    private FeedLocation() {
    }

    /** @throws InvalidFeedLocationException with a message fit for the user when the location is not acceptable */
    public static String validate(String location, boolean localAllowed) {
        if (location == null || location.isBlank()) {
            throw new InvalidFeedLocationException("icsUrl is required");
        }
        String trimmed = location.strip();
        URI uri;
        try {
            uri = new URI(trimmed);
        } catch (URISyntaxException e) {
            throw new InvalidFeedLocationException("icsUrl is not a valid URL: " + e.getReason());
        }
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        if (REMOTE.contains(scheme)) {
            if (uri.getHost() == null) {
                throw new InvalidFeedLocationException("icsUrl must name a host: " + trimmed);
            }
        } else if (LOCAL.contains(scheme)) {
            if (!localAllowed) {
                throw new InvalidFeedLocationException("icsUrl must be an http or https URL (local feeds are disabled)");
            }
            String path = scheme.equals("file") ? uri.getPath() : uri.getSchemeSpecificPart();
            if (path == null || path.isBlank() || path.equals("/")) {
                throw new InvalidFeedLocationException("icsUrl must name a file: " + trimmed);
            }
        } else {
            throw new InvalidFeedLocationException("icsUrl scheme must be one of file, classpath, http, https: " + trimmed);
        }
        return trimmed;
    }
}
