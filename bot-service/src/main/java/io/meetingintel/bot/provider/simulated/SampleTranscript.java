package io.meetingintel.bot.provider.simulated;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import org.springframework.core.io.ClassPathResource;
import tools.jackson.databind.json.JsonMapper;

/** The sample product/client meeting the simulated bot "hears" (src/main/resources/sample-meeting). */
final class SampleTranscript {

    static final String RESOURCE = "sample-meeting/transcript.jsonl";

    private SampleTranscript() {
    }

    static List<TranscriptSegment> load(JsonMapper json) {
        List<TranscriptSegment> segments = new ArrayList<>();
        try (var reader = new BufferedReader(new InputStreamReader(new ClassPathResource(RESOURCE).getInputStream(),
                StandardCharsets.UTF_8))) {
            String line;
            while ((line = reader.readLine()) != null) {
                if (!line.isBlank()) {
                    segments.add(json.readValue(line, TranscriptSegment.class));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Sample transcript " + RESOURCE + " is unreadable", e);
        }
        if (segments.isEmpty()) {
            throw new IllegalStateException("Sample transcript " + RESOURCE + " is empty");
        }
        return List.copyOf(segments);
    }
}
