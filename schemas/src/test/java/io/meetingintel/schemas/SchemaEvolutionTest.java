package io.meetingintel.schemas;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import org.apache.avro.Schema;
import org.apache.avro.SchemaCompatibility;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The build's compatibility gate: every event schema must stay BACKWARD_TRANSITIVE compatible with each released
 * version kept in src/main/avro-history/<Event>/v<N>.avsc (the current schema reads data written by all of them).
 * Releasing a version = copying the current full schema there as the next v<N>.avsc.
 */
class SchemaEvolutionTest {

    private static final Path HISTORY = Path.of("src/main/avro-history");

    static Stream<Topic<?>> topics() {
        return Topics.ALL.stream();
    }

    @ParameterizedTest
    @MethodSource("topics")
    void currentSchemaReadsEveryReleasedVersion(Topic<?> topic) {
        List<Path> released = releasedVersions(topic.valueSchema().getName());
        assertThat(released).as("released versions of %s", topic.valueSchema().getName()).isNotEmpty();
        for (Path version : released) {
            assertThat(incompatibilities(topic.valueSchema(), parse(version)))
                    .as("%s breaks compatibility with %s", topic.valueSchema().getName(), version)
                    .isEmpty();
        }
    }

    @Test
    void gateRejectsABreakingChange() {
        Schema released = parse(releasedVersions("MeetingDiscovered").getFirst());
        // A new required field without default cannot be filled from old data: the classic breaking change.
        String json = released.toString().replaceFirst("\"fields\":\\[",
                "\"fields\":[{\"name\":\"tenantId\",\"type\":\"string\"},");
        assertThat(incompatibilities(new Schema.Parser().parse(json), released))
                .anySatisfy(message -> assertThat(message).contains("tenantId"));
    }

    @Test
    void gateAcceptsAnOptionalFieldWithDefault() {
        Schema released = parse(releasedVersions("TranscriptChunk").getFirst());
        String json = released.toString().replaceFirst("\"fields\":\\[",
                "\"fields\":[{\"name\":\"confidence\",\"type\":[\"null\",\"double\"],\"default\":null},");
        assertThat(incompatibilities(new Schema.Parser().parse(json), released)).isEmpty();
    }

    static List<String> incompatibilities(Schema reader, Schema writer) {
        return SchemaCompatibility.checkReaderWriterCompatibility(reader, writer).getResult().getIncompatibilities()
                .stream()
                .map(incompatibility -> incompatibility.getType() + " at " + incompatibility.getLocation() + ": "
                        + incompatibility.getMessage())
                .toList();
    }

    private static List<Path> releasedVersions(String eventName) {
        Path directory = HISTORY.resolve(eventName);
        if (!Files.isDirectory(directory)) {
            return List.of();
        }
        try (Stream<Path> files = Files.list(directory)) {
            return files.filter(file -> file.getFileName().toString().matches("v\\d+\\.avsc")).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Schema parse(Path file) {
        try {
            return new Schema.Parser().parse(file.toFile());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
