package io.meetingintel.calendar.feed;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

import org.springframework.core.io.Resource;
import org.springframework.core.io.ResourceLoader;

/** Reads the bytes of an ICS feed from an http(s) URL, a file: URL or a classpath: resource. */
public class FeedFetcher {

    private static final Duration TIMEOUT = Duration.ofSeconds(30);
    /** Bigger than any sane calendar; keeps a wrong URL (a video, a dump) from filling the heap. */
    private static final int MAX_BYTES = 20 * 1024 * 1024;

    private final HttpClient http = HttpClient.newBuilder()
            .connectTimeout(Duration.ofSeconds(10))
            .followRedirects(HttpClient.Redirect.NORMAL)
            .build();
    private final ResourceLoader resources;

    public FeedFetcher(ResourceLoader resources) {
        this.resources = resources;
    }

    public byte[] fetch(String location) {
        try {
            return location.regionMatches(true, 0, "http", 0, 4) ? fetchHttp(location) : fetchLocal(location);
        } catch (IOException e) {
            throw new FeedException("Calendar feed " + location + " could not be read: " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new FeedException("Interrupted while reading calendar feed " + location, e);
        }
    }

    private byte[] fetchHttp(String location) throws IOException, InterruptedException {
        HttpRequest request = HttpRequest.newBuilder(URI.create(location))
                .timeout(TIMEOUT)
                .header("Accept", "text/calendar, */*;q=0.5")
                .GET()
                .build();
        HttpResponse<InputStream> response = http.send(request, HttpResponse.BodyHandlers.ofInputStream());
        try (InputStream body = response.body()) {
            if (response.statusCode() / 100 != 2) {
                throw new FeedException("Calendar feed " + location + " answered HTTP " + response.statusCode());
            }
            return readLimited(body, location);
        }
    }

    private byte[] fetchLocal(String location) throws IOException {
        Resource resource = resources.getResource(location);
        if (!resource.exists()) {
            throw new FeedException("Calendar feed " + location + " does not exist");
        }
        try (InputStream body = resource.getInputStream()) {
            return readLimited(body, location);
        }
    }

    private static byte[] readLimited(InputStream body, String location) throws IOException {
        byte[] bytes = body.readNBytes(MAX_BYTES + 1);
        if (bytes.length > MAX_BYTES) {
            throw new FeedException("Calendar feed " + location + " is larger than " + MAX_BYTES + " bytes");
        }
        return bytes;
    }
}
