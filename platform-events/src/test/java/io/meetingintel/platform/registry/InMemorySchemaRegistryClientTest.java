package io.meetingintel.platform.registry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.meetingintel.events.TranscriptChunk;
import io.meetingintel.platform.serde.SampleEvents;

import org.apache.avro.Schema;
import org.junit.jupiter.api.Test;

class InMemorySchemaRegistryClientTest {

    private static final String SUBJECT = "pipeline.transcript-chunk.v1-value";

    private final InMemorySchemaRegistryClient registry = new InMemorySchemaRegistryClient();

    @Test
    void registersIdempotentlyAndServesSchemasById() {
        int id = registry.register(SUBJECT, TranscriptChunk.getClassSchema());

        assertThat(registry.register(SUBJECT, TranscriptChunk.getClassSchema())).isEqualTo(id);
        assertThat(registry.lookup(SUBJECT, TranscriptChunk.getClassSchema())).isEqualTo(id);
        assertThat(registry.getSchemaById(id)).isEqualTo(TranscriptChunk.getClassSchema());
    }

    @Test
    void refusesSchemasThatCannotReadEveryEarlierVersion() {
        Schema withoutLanguage = SampleEvents.transcriptChunkWithoutLanguage();
        registry.register(SUBJECT, TranscriptChunk.getClassSchema());

        // Dropping a field is backward compatible (new readers ignore it)...
        assertThat(registry.isCompatible(SUBJECT, withoutLanguage)).isTrue();
        registry.register(SUBJECT, withoutLanguage);
        // ...but re-adding it without a default cannot read the version that lacks it.
        Schema languageRequired = Schema.createRecord("TranscriptChunk", null, "io.meetingintel.events", false,
                TranscriptChunk.getClassSchema().getFields().stream().map(field -> field.name().equals("language")
                        ? new Schema.Field("language", Schema.create(Schema.Type.STRING))
                        : new Schema.Field(field, field.schema())).toList());
        assertThat(registry.isCompatible(SUBJECT, languageRequired)).isFalse();
        assertThatThrownBy(() -> registry.register(SUBJECT, languageRequired))
                .isInstanceOfSatisfying(IncompatibleSchemaException.class, e -> {
                    assertThat(e.httpStatus()).isEqualTo(409);
                    assertThat(e.getMessage()).contains(SUBJECT);
                });
    }

    @Test
    void reportsUnknownIdsAndSubjectsLikeTheRegistry() {
        assertThat(registry.isCompatible("new-value", TranscriptChunk.getClassSchema())).isTrue();
        assertThatThrownBy(() -> registry.getSchemaById(12))
                .isInstanceOfSatisfying(SchemaNotFoundException.class,
                        e -> assertThat(e.errorCode()).isEqualTo(SchemaNotFoundException.SCHEMA_NOT_FOUND))
                .hasMessageContaining("12");
        assertThatThrownBy(() -> registry.lookup("new-value", TranscriptChunk.getClassSchema()))
                .isInstanceOfSatisfying(SchemaNotFoundException.class,
                        e -> assertThat(e.errorCode()).isEqualTo(SchemaNotFoundException.SUBJECT_NOT_FOUND));
    }
}
