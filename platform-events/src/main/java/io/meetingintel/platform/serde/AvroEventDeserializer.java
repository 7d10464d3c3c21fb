package io.meetingintel.platform.serde;

import java.util.Map;

import io.meetingintel.platform.registry.HttpSchemaRegistryClient;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.common.serialization.Deserializer;

/**
 * Kafka value deserializer for Confluent-framed events, decoding into the generated classes. Throws
 * {@link PoisonPillException}s for records that can never be decoded; wrap it in Spring's ErrorHandlingDeserializer to
 * route them to the dead-letter topic. Either give it a codec, or let Kafka configure it from
 * {@link AvroSerdeConfig#SCHEMA_REGISTRY_URL}.
 */
public final class AvroEventDeserializer implements Deserializer<SpecificRecord> {

    private AvroEventCodec codec;
    /** The client built from Kafka config, closed with the deserializer; null when the codec was given. */
    private HttpSchemaRegistryClient ownedRegistry;

    /** For Kafka, which calls {@link #configure} next. */
    public AvroEventDeserializer() {
    }

    public AvroEventDeserializer(AvroEventCodec codec) {
        this.codec = codec;
    }

    /** Builds the codec from the config unless one was given (Spring configures given instances too). */
    @Override
    public void configure(Map<String, ?> configs, boolean isKey) {
        AvroSerdeConfig.requireValue(isKey, AvroEventDeserializer.class);
        if (codec == null) {
            ownedRegistry = AvroSerdeConfig.registryClient(configs);
            codec = new AvroEventCodec(ownedRegistry, false);
        }
    }

    /** Null (a tombstone) stays null. */
    @Override
    public SpecificRecord deserialize(String topic, byte[] data) {
        if (data == null) {
            return null;
        }
        if (codec == null) {
            throw new IllegalStateException("AvroEventDeserializer used before configure() or without a codec");
        }
        return codec.deserialize(topic, data);
    }

    @Override
    public void close() {
        if (ownedRegistry != null) {
            ownedRegistry.close();
        }
    }
}
