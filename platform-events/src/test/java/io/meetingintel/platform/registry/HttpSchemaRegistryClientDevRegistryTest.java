package io.meetingintel.platform.registry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.meetingintel.devregistry.DevSchemaRegistry;
import io.meetingintel.events.TranscriptChunk;
import io.meetingintel.schemas.Topics;

import java.net.URI;
import java.util.ArrayList;
import java.util.List;

import org.apache.avro.Schema;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Our client and our development registry agree on the API: what works locally works against Confluent's. */
class HttpSchemaRegistryClientDevRegistryTest {

    private static final String SUBJECT = Topics.TRANSCRIPT_CHUNK.valueSubject();
    private static final Schema CURRENT = TranscriptChunk.getClassSchema();

    private static DevSchemaRegistry registry;

    @BeforeAll
    static void startRegistry() {
        registry = DevSchemaRegistry.start(0);
    }

    @AfterAll
    static void stopRegistry() {
        registry.close();
    }

    @Test
    void registersIdempotentlyAndServesSchemasById() {
        int id;
        try (HttpSchemaRegistryClient producer = newClient()) {
            id = producer.register(SUBJECT, CURRENT);
        }
        // Fresh clients have empty caches: these answers come from the registry itself.
        try (HttpSchemaRegistryClient otherProducer = newClient(); HttpSchemaRegistryClient consumer = newClient()) {
            assertThat(otherProducer.register(SUBJECT, CURRENT)).isEqualTo(id);
            assertThat(otherProducer.lookup(SUBJECT, CURRENT)).isEqualTo(id);
            assertThat(consumer.getSchemaById(id)).isEqualTo(CURRENT);
        }
    }

    @Test
    void checksCompatibilityOfEvolvedSchemas() {
        String subject = "compatibility-check-value";
        Schema withOptionalField = withField(CURRENT,
                new Schema.Field("confidence", Schema.createUnion(Schema.create(Schema.Type.NULL),
                        Schema.create(Schema.Type.DOUBLE)), null, Schema.Field.NULL_DEFAULT_VALUE));
        Schema withRequiredField = withField(CURRENT, new Schema.Field("confidence", Schema.create(Schema.Type.DOUBLE)));
        try (HttpSchemaRegistryClient client = newClient()) {
            assertThat(client.isCompatible(subject, withRequiredField)).as("no versions yet").isTrue();
            int firstId = client.register(subject, CURRENT);

            assertThat(client.isCompatible(subject, withOptionalField)).isTrue();
            assertThat(client.isCompatible(subject, withRequiredField)).isFalse();
            assertThatThrownBy(() -> client.register(subject, withRequiredField))
                    .isInstanceOfSatisfying(IncompatibleSchemaException.class,
                            e -> assertThat(e.httpStatus()).isEqualTo(409));
            assertThat(client.register(subject, withOptionalField)).isNotEqualTo(firstId);
        }
    }

    @Test
    void reportsWhatTheRegistryDoesNotHave() {
        try (HttpSchemaRegistryClient client = newClient()) {
            assertThatThrownBy(() -> client.getSchemaById(987_654))
                    .isInstanceOfSatisfying(SchemaNotFoundException.class,
                            e -> assertThat(e.errorCode()).isEqualTo(SchemaNotFoundException.SCHEMA_NOT_FOUND));
            assertThatThrownBy(() -> client.lookup("never-registered-value", CURRENT))
                    .isInstanceOfSatisfying(SchemaNotFoundException.class,
                            e -> assertThat(e.errorCode()).isEqualTo(SchemaNotFoundException.SUBJECT_NOT_FOUND));
        }
    }

    private static HttpSchemaRegistryClient newClient() {
        return HttpSchemaRegistryClient.builder(URI.create(registry.url())).build();
    }

    private static Schema withField(Schema record, Schema.Field extra) {
        List<Schema.Field> fields = new ArrayList<>();
        record.getFields().forEach(field -> fields.add(new Schema.Field(field, field.schema())));
        fields.add(extra);
        return Schema.createRecord(record.getName(), record.getDoc(), record.getNamespace(), false, fields);
    }
}
