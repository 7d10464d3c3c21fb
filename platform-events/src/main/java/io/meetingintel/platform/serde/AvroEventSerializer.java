package io.meetingintel.platform.serde;

import java.util.Map;

import io.meetingintel.platform.registry.HttpSchemaRegistryClient;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.common.serialization.Serializer;

/**
 * Kafka value serializer writing events in Confluent's wire format. Either give it a codec, or let Kafka configure it
 * from {@link AvroSerdeConfig#SCHEMA_REGISTRY_URL} and {@link AvroSerdeConfig#AUTO_REGISTER_SCHEMAS}.
 */
public final class AvroEventSerializer implements Serializer<SpecificRecord> {

    private AvroEventCodec codec;
    /** The client built from Kafka config, closed with the serializer; null when the codec was given. */
    private HttpSchemaRegistryClient ownedRegistry;

    /** For Kafka, which calls {@link #configure} next. */
    public AvroEventSerializer() {
    }

    public AvroEventSerializer(AvroEventCodec codec) {
        this.codec = codec;
    }

    /** Builds the codec from the config unless one was given (Spring configures given instances too). */
    @Override
    public void configure(Map<String, ?> configs, boolean isKey) {
        AvroSerdeConfig.requireValue(isKey, AvroEventSerializer.class);
        if (codec == null) {
            ownedRegistry = AvroSerdeConfig.registryClient(configs);
            codec = new AvroEventCodec(ownedRegistry, AvroSerdeConfig.autoRegister(configs));
        }
    }

    @Override
    public byte[] serialize(String topic, SpecificRecord record) {
        if (record == null) {
            return null;
        }
        if (codec == null) {
            throw new IllegalStateException("AvroEventSerializer used before configure() or without a codec");
        }
        return codec.serialize(topic, record);
    }

    @Override
    public void close() {
        if (ownedRegistry != null) {
            ownedRegistry.close();
        }
    }
}
