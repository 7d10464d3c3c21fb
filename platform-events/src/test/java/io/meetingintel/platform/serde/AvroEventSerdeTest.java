package io.meetingintel.platform.serde;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.meetingintel.devregistry.DevSchemaRegistry;
import io.meetingintel.events.TranscriptChunk;
import io.meetingintel.platform.registry.InMemorySchemaRegistryClient;
import io.meetingintel.platform.registry.SchemaNotFoundException;
import io.meetingintel.schemas.Topics;

import java.util.Map;

import org.apache.kafka.common.config.ConfigException;
import org.junit.jupiter.api.Test;

class AvroEventSerdeTest {

    private static final String TOPIC = Topics.TRANSCRIPT_CHUNK_NAME;

    @Test
    void wrapsAGivenCodec() {
        AvroEventCodec codec = new AvroEventCodec(new InMemorySchemaRegistryClient(), true);
        TranscriptChunk event = SampleEvents.transcriptChunk();

        try (var serializer = new AvroEventSerializer(codec); var deserializer = new AvroEventDeserializer(codec)) {
            // Spring configures given instances with the producer's properties, which need not name a registry.
            serializer.configure(Map.of(), false);
            deserializer.configure(Map.of(), false);

            assertThat(deserializer.deserialize(TOPIC, serializer.serialize(TOPIC, event))).isEqualTo(event);
            assertThat(serializer.serialize(TOPIC, null)).isNull();
            assertThat(deserializer.deserialize(TOPIC, null)).isNull();
        }
    }

    @Test
    void configuredFromKafkaPropertiesAgainstARegistry() {
        TranscriptChunk event = SampleEvents.transcriptChunk();
        try (DevSchemaRegistry registry = DevSchemaRegistry.start(0);
             var serializer = new AvroEventSerializer();
             var strictSerializer = new AvroEventSerializer();
             var deserializer = new AvroEventDeserializer()) {
            strictSerializer.configure(Map.of(AvroSerdeConfig.SCHEMA_REGISTRY_URL, registry.url(),
                    AvroSerdeConfig.AUTO_REGISTER_SCHEMAS, "false"), false);
            serializer.configure(Map.of(AvroSerdeConfig.SCHEMA_REGISTRY_URL, registry.url()), false);
            deserializer.configure(Map.of(AvroSerdeConfig.SCHEMA_REGISTRY_URL, registry.url()), false);

            assertThatThrownBy(() -> strictSerializer.serialize(TOPIC, event))
                    .isInstanceOf(SchemaNotFoundException.class);
            byte[] bytes = serializer.serialize(TOPIC, event);
            assertThat(deserializer.deserialize(TOPIC, bytes)).isEqualTo(event);
            assertThat(strictSerializer.serialize(TOPIC, event)).isEqualTo(bytes);
        }
    }

    @Test
    void refusesKeysAndMissingRegistryUrls() {
        try (var serializer = new AvroEventSerializer(); var deserializer = new AvroEventDeserializer()) {
            assertThatThrownBy(() -> serializer.configure(Map.of(AvroSerdeConfig.SCHEMA_REGISTRY_URL,
                    "http://127.0.0.1:8081"), true)).isInstanceOf(ConfigException.class);
            assertThatThrownBy(() -> deserializer.configure(Map.of(), false))
                    .isInstanceOf(ConfigException.class)
                    .hasMessageContaining(AvroSerdeConfig.SCHEMA_REGISTRY_URL);
        }
    }
}
